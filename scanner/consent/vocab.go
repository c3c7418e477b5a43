package consent

import (
	"regexp"
	"slices"
	"strings"
)

// Button classes the generic fallback recognises, in the order they are
// tried: a label that names necessary cookies only is a reject even though it
// says "accept", and "allow selection" saves rather than accepts everything.
const (
	ClassReject    = "reject"
	ClassSave      = "save"
	ClassAcceptAll = "accept_all"
	ClassAccept    = "accept"
	ClassSettings  = "settings"
)

// buttonClasses is the classification order.
var buttonClasses = []string{ClassReject, ClassSave, ClassAcceptAll, ClassAccept, ClassSettings}

// Languages lists the languages the generic vocabulary covers (ISO 639-1).
var Languages = []string{"en", "fr", "de", "es", "it", "nl", "pt", "sv", "nb", "nn", "da", "fi", "et", "pl", "cs", "sk", "hu", "ro", "el", "hr", "sl", "lt", "lv", "bg"}

// vocabulary holds, per language, the phrases of a consent banner and of its
// buttons. "banner" phrases mark an element as being about cookies or consent;
// the others name what a button does. Phrases are regular expressions matched
// case-insensitively on whole words of the element's visible text.
var vocabulary = map[string]map[string][]string{
	"en": {
		"banner":       {"cookies?", "consent", "gdpr", "your privacy", "privacy (settings|preferences|choices)", "tracking technologies", "personal data"},
		ClassReject:    {"reject( all)?( cookies)?", "decline( all)?", "deny( all)?", "refuse( all)?", "disagree", "no,? thanks", "(use |allow |accept )?(only|just) (strictly )?(necessary|essential|required)( cookies)?", "((use|allow|accept) )?(necessary|essential|required) (cookies )?only", "continue without accepting", "do not (accept|agree)"},
		ClassSave:      {"save( my)?( preferences| settings| choices| and (exit|close))?", "confirm( my)? (choices|selection|preferences)", "(accept|allow) (selected|selection|current selection)", "submit preferences"},
		ClassAcceptAll: {"accept all( cookies)?", "allow all( cookies)?", "agree to all", "accept (and|&) (close|continue)", "i accept all", "enable all"},
		ClassAccept:    {"accept( cookies)?", "i accept", "agree", "i agree", "allow( cookies)?", "got it", "ok(ay)?", "yes,? i agree", "continue"},
		ClassSettings:  {"(cookie )?settings", "(cookie )?preferences", "customi[sz]e", "manage( (cookies|options|preferences|settings))?", "more options", "configure", "let me choose", "show (details|purposes)", "options"},
	},
	"fr": {
		"banner":       {"cookies?", "traceurs", "consentement", "vie privée", "données personnelles"},
		ClassReject:    {"tout refuser", "refuser( tout| tous)?", "je refuse", "continuer sans accepter", "uniquement (les )?(cookies )?(nécessaires|essentiels)"},
		ClassSave:      {"enregistrer( mes choix| mes préférences)?", "valider( mes choix| la sélection)?", "confirmer( mes choix)?", "sauvegarder", "accepter la sélection"},
		ClassAcceptAll: {"tout accepter", "accepter tout", "accepter (et|&) (fermer|continuer)", "accepter tous les cookies", "j'accepte tout"},
		ClassAccept:    {"accepter", "j'accepte", "d'accord", "ok"},
		ClassSettings:  {"paramétrer", "paramètres", "personnaliser", "préférences", "gérer( mes)?( choix| préférences| les cookies)?", "choisir", "en savoir plus et personnaliser"},
	},
	"de": {
		"banner":       {"cookies?", "einwilligung", "zustimmung", "datenschutz", "einwilligen", "privatsphäre"},
		ClassReject:    {"alle ablehnen", "ablehnen", "verweigern", "nur (technisch )?(notwendige|essenzielle|erforderliche|funktionale)( cookies)?( akzeptieren| zulassen| erlauben)?", "weiter ohne einwilligung", "nicht einverstanden"},
		ClassSave:      {"(auswahl|einstellungen|präferenzen) (speichern|bestätigen|erlauben|akzeptieren|zulassen)", "speichern", "bestätigen", "auswahl übernehmen"},
		ClassAcceptAll: {"alle (akzeptieren|zulassen|annehmen|erlauben|auswählen und bestätigen)", "allen zustimmen", "alles (akzeptieren|erlauben)", "akzeptieren und schließen"},
		ClassAccept:    {"akzeptieren", "zustimmen", "einverstanden", "annehmen", "erlauben", "ich stimme zu", "verstanden", "ok"},
		ClassSettings:  {"einstellungen", "anpassen", "verwalten", "individuelle (einstellungen|datenschutzeinstellungen)", "mehr optionen", "präferenzen", "auswählen", "konfigurieren"},
	},
	"es": {
		"banner":       {"cookies?", "consentimiento", "privacidad", "datos personales"},
		ClassReject:    {"rechazar( todo| todas)?", "denegar( todo)?", "no acepto", "solo (las )?(necesarias|esenciales)", "continuar sin aceptar"},
		ClassSave:      {"guardar( preferencias| configuración| selección)?", "confirmar( selección| mis preferencias)?", "(aceptar|permitir) (la )?selección"},
		ClassAcceptAll: {"aceptar todo", "aceptar todas( las cookies)?", "permitir todas", "aceptar y (cerrar|continuar)"},
		ClassAccept:    {"aceptar", "acepto", "de acuerdo", "entendido"},
		ClassSettings:  {"configurar", "configuración", "personalizar", "preferencias", "gestionar( cookies| opciones)?", "ajustes", "más opciones"},
	},
	"it": {
		"banner":       {"cookie", "consenso", "privacy", "dati personali"},
		ClassReject:    {"rifiuta( tutto| tutti)?", "rifiuto", "nega", "solo (i )?(cookie )?(necessari|essenziali|tecnici)", "continua senza accettare"},
		ClassSave:      {"salva( le)?( preferenze| impostazioni| scelte)?", "conferma( le)?( scelte| selezione)?", "accetta (selezionati|la selezione)"},
		ClassAcceptAll: {"accetta tutt[oi]", "accettare tutti", "consenti tutti", "accetta e (chiudi|continua)"},
		ClassAccept:    {"accetta", "accetto", "acconsento", "ok"},
		ClassSettings:  {"impostazioni", "personalizza", "preferenze", "gestisci( opzioni| preferenze)?", "opzioni", "scopri di più e personalizza"},
	},
	"nl": {
		"banner":       {"cookies?", "toestemming", "privacy", "persoonsgegevens"},
		ClassReject:    {"(alles|alle) weigeren", "weigeren", "afwijzen", "alleen (noodzakelijke|functionele|essentiële)( cookies)?", "niet akkoord"},
		ClassSave:      {"(keuze|voorkeuren|selectie|instellingen) (opslaan|bevestigen|toestaan)", "opslaan", "bevestigen"},
		ClassAcceptAll: {"alles (accepteren|toestaan)", "alle cookies (accepteren|toestaan)", "alle accepteren", "accepteer alle( cookies)?"},
		ClassAccept:    {"accepteren", "accepteer", "akkoord", "ik ga akkoord", "toestaan", "prima"},
		ClassSettings:  {"instellingen", "aanpassen", "voorkeuren", "beheren", "cookie-instellingen", "meer opties"},
	},
	"pt": {
		"banner":       {"cookies?", "consentimento", "privacidade", "dados pessoais"},
		ClassReject:    {"rejeitar( tudo| todos)?", "recusar( tudo| todos)?", "apenas (os )?(necessários|essenciais)", "continuar sem aceitar"},
		ClassSave:      {"(guardar|salvar)( preferências| definições| configurações| seleção)?", "confirmar( seleção| escolhas)?", "(aceitar|permitir) (a )?seleção"},
		ClassAcceptAll: {"aceitar tud[oa]", "aceitar todos( os cookies)?", "permitir todos"},
		ClassAccept:    {"aceitar", "aceito", "concordo", "ok"},
		ClassSettings:  {"configurações", "definições", "personalizar", "preferências", "gerir", "gerenciar", "mais opções"},
	},
	"sv": {
		"banner":       {"kakor", "cookies?", "samtycke", "integritet", "personuppgifter"},
		ClassReject:    {"(avvisa|neka|avböj) alla", "avvisa", "neka", "avböj", "endast nödvändiga( kakor| cookies)?", "bara nödvändiga( kakor| cookies)?"},
		ClassSave:      {"spara( inställningar| val)?", "bekräfta( val| mina val)?", "(tillåt|godkänn) (urval|valda)"},
		ClassAcceptAll: {"(acceptera|godkänn|tillåt) alla( kakor| cookies)?"},
		ClassAccept:    {"acceptera", "godkänn", "jag godkänner", "okej", "ok"},
		ClassSettings:  {"inställningar", "anpassa", "hantera( kakor| inställningar)?", "fler alternativ"},
	},
	"nb": {
		"banner":       {"informasjonskapsler", "cookies?", "samtykke", "personvern"},
		ClassReject:    {"avvis alle", "avvis", "avslå( alle)?", "kun nødvendige", "bare nødvendige", "nei takk"},
		ClassSave:      {"lagre( innstillinger| valg)?", "bekreft( valg)?", "tillat (utvalg|valgte)"},
		ClassAcceptAll: {"(godta|aksepter|tillat) alle"},
		ClassAccept:    {"godta", "aksepter", "godtar", "jeg godtar", "ok"},
		ClassSettings:  {"innstillinger", "tilpass", "administrer", "flere valg"},
	},
	"nn": {
		"banner":       {"informasjonskapslar", "informasjonskapsler", "samtykke", "personvern"},
		ClassReject:    {"avvis alle", "avvis", "avslå( alle)?", "berre nødvendige", "berre naudsynte"},
		ClassSave:      {"lagre( innstillingar| val)?", "stadfest( val)?", "tillat utval"},
		ClassAcceptAll: {"(godta|aksepter|tillat) alle"},
		ClassAccept:    {"godta", "godtek", "eg godtek", "ok"},
		ClassSettings:  {"innstillingar", "tilpass", "administrer"},
	},
	"da": {
		"banner":       {"cookies?", "samtykke", "privatliv", "personoplysninger"},
		ClassReject:    {"afvis alle", "afvis", "afslå( alle)?", "kun nødvendige( cookies)?", "kun (de )?nødvendige", "tillad kun nødvendige"},
		ClassSave:      {"gem( indstillinger| valg)?", "bekræft( valg)?", "tillad (valgte|udvalgte)"},
		ClassAcceptAll: {"(accepter|acceptér|tillad) alle( cookies)?"},
		ClassAccept:    {"accepter", "acceptér", "jeg accepterer", "ok"},
		ClassSettings:  {"indstillinger", "tilpas", "administrer", "vis detaljer"},
	},
	"fi": {
		"banner":       {"evästeet", "evästeitä", "evästeiden", "suostumus", "yksityisyys"},
		ClassReject:    {"hylkää( kaikki)?", "kiellä( kaikki)?", "vain (välttämättömät|pakolliset)( evästeet)?", "en hyväksy"},
		ClassSave:      {"tallenna( asetukset| valinnat)?", "vahvista( valinnat)?", "salli valitut", "hyväksy valitut"},
		ClassAcceptAll: {"(hyväksy|salli) kaikki( evästeet)?"},
		ClassAccept:    {"hyväksy", "hyväksyn", "selvä", "ok"},
		ClassSettings:  {"asetukset", "evästeasetukset", "mukauta", "hallitse", "lisää vaihtoehtoja"},
	},
	"et": {
		"banner":       {"küpsised", "küpsiseid", "küpsiste", "nõusolek", "privaatsus"},
		ClassReject:    {"keeldu( kõigist)?", "lükka (kõik )?tagasi", "ainult (vajalikud|hädavajalikud)( küpsised)?"},
		ClassSave:      {"salvesta( seaded| valik)?", "kinnita( valik)?", "luba valitud"},
		ClassAcceptAll: {"nõustu kõigiga", "(luba|aktsepteeri|nõustun) kõik(ide)?ga?", "luba kõik"},
		ClassAccept:    {"nõustun", "nõustu", "aktsepteeri", "luba", "ok"},
		ClassSettings:  {"seaded", "küpsiste seaded", "kohanda", "halda", "eelistused"},
	},
	"pl": {
		"banner":       {"ciasteczka", "pliki cookies?", "cookies?", "zgod[ay]", "prywatność", "dane osobowe"},
		ClassReject:    {"odrzuć( wszystkie)?", "odmawiam", "nie zgadzam się", "tylko (niezbędne|konieczne|wymagane)", "odrzucam"},
		ClassSave:      {"zapisz( ustawienia| wybór| preferencje)?", "potwierdź( wybór| moje wybory)?", "zezwól na wybór", "akceptuj wybrane"},
		ClassAcceptAll: {"(akceptuj|zaakceptuj|akceptuję|zezwól na) wszystkie", "zgadzam się na wszystkie", "akceptuj wszystko", "zaakceptuj wszystko"},
		ClassAccept:    {"akceptuję", "akceptuj", "zaakceptuj", "zgadzam się", "zgoda", "rozumiem", "przejdź do serwisu", "ok"},
		ClassSettings:  {"ustawienia", "dostosuj", "zarządzaj( opcjami| zgodami)?", "preferencje", "więcej opcji", "ustawienia zaawansowane"},
	},
	"cs": {
		"banner":       {"soubory cookies?", "cookies?", "souhlas", "soukromí", "osobní údaje"},
		ClassReject:    {"odmítnout( vše| všechny)?", "odmítám", "nesouhlasím", "(pouze|jen) (nezbytné|nutné|technické)"},
		ClassSave:      {"uložit( nastavení| výběr)?", "potvrdit( výběr)?", "povolit (vybrané|výběr)"},
		ClassAcceptAll: {"(přijmout|povolit|akceptovat) (vše|všechny|všechno)", "souhlasím se všemi"},
		ClassAccept:    {"přijmout", "souhlasím", "rozumím", "povolit", "ok"},
		ClassSettings:  {"nastavení", "přizpůsobit", "spravovat", "předvolby", "podrobné nastavení", "další možnosti"},
	},
	"sk": {
		"banner":       {"súbory cookies?", "cookies?", "súhlas", "súkromie", "osobné údaje"},
		ClassReject:    {"odmietnuť( všetko| všetky)?", "odmietam", "nesúhlasím", "(iba|len) (nevyhnutné|nutné|technické)"},
		ClassSave:      {"uložiť( nastavenia| výber)?", "potvrdiť( výber)?", "povoliť (vybrané|výber)"},
		ClassAcceptAll: {"(prijať|povoliť|akceptovať) (všetko|všetky)", "súhlasím so všetkými"},
		ClassAccept:    {"prijať", "súhlasím", "rozumiem", "povoliť", "ok"},
		ClassSettings:  {"nastavenia", "prispôsobiť", "spravovať", "predvoľby", "podrobné nastavenia"},
	},
	"hu": {
		"banner":       {"sütik", "sütiket", "cookie-k", "cookie", "hozzájárulás", "adatvédelem"},
		ClassReject:    {"(összes |mind )?elutasítás(a)?", "elutasítom( az összeset| mindet)?", "elutasít", "nem fogadom el", "csak a (szükséges|feltétlenül szükséges)( sütik)?"},
		ClassSave:      {"mentés", "beállítások mentése", "kiválasztottak (engedélyezése|elfogadása)", "megerősít(és)?", "választás mentése"},
		ClassAcceptAll: {"összes (elfogadása|engedélyezése)", "(mindet|mindent|az összeset) elfogadom", "elfogadom (mindet|az összeset)", "összes süti elfogadása"},
		ClassAccept:    {"elfogadom", "elfogad(ás)?", "egyetértek", "rendben", "ok"},
		ClassSettings:  {"beállítások", "testreszabás", "kezelés", "süti beállítások", "további lehetőségek"},
	},
	"ro": {
		"banner":       {"cookie(-uri)?", "module cookie", "consimțământ(ul)?", "confidențialitate", "date personale"},
		ClassReject:    {"respinge(ți)?( tot| toate)?", "refuz(ă|ați)?( tot| toate)?", "resping", "doar (cele )?(necesare|esențiale)", "nu sunt de acord"},
		ClassSave:      {"salvează( preferințele| setările| selecția)?", "salvați( preferințele)?", "confirmă( selecția| alegerile)?", "permite selecția"},
		ClassAcceptAll: {"accept(ă|ați)? to(t|ate)( cookie-urile)?", "permite toate"},
		ClassAccept:    {"accept(ă|ați)?", "sunt de acord", "am înțeles", "ok"},
		ClassSettings:  {"setări", "personaliz(are|ează)", "preferințe", "gestion(are|ează)( opțiunile)?", "mai multe opțiuni"},
	},
	"el": {
		"banner":       {"cookies?", "συγκατάθεση", "απόρρητο", "προσωπικά δεδομένα"},
		ClassReject:    {"απόρριψη( όλων)?", "απορρίπτω( όλα)?", "άρνηση", "μόνο (τα )?(απαραίτητα|αναγκαία)"},
		ClassSave:      {"αποθήκευση( ρυθμίσεων| επιλογών)?", "επιβεβαίωση( επιλογών)?", "αποδοχή επιλεγμένων"},
		ClassAcceptAll: {"αποδοχή όλων", "αποδέχομαι όλα", "αποδοχή όλων των cookies", "να επιτρέπονται όλα"},
		ClassAccept:    {"αποδοχή", "αποδέχομαι", "συμφωνώ", "εντάξει"},
		ClassSettings:  {"ρυθμίσεις", "προσαρμογή", "διαχείριση( επιλογών)?", "περισσότερες επιλογές", "προτιμήσεις"},
	},
	"hr": {
		"banner":       {"kolačići", "kolačiće", "kolačića", "privola", "privatnost", "osobni podaci"},
		ClassReject:    {"odbij( sve)?", "odbijam", "samo (nužni|neophodni|nužne|neophodne)( kolačići)?", "ne slažem se"},
		ClassSave:      {"spremi( postavke| odabir)?", "potvrdi( odabir)?", "dopusti odabir", "prihvati odabrane"},
		ClassAcceptAll: {"(prihvati|prihvaćam|dopusti|dozvoli) sve"},
		ClassAccept:    {"prihvati", "prihvaćam", "slažem se", "u redu", "ok"},
		ClassSettings:  {"postavke", "prilagodi", "upravljaj( postavkama)?", "postavke kolačića", "više opcija"},
	},
	"sl": {
		"banner":       {"piškotki", "piškotke", "piškotkov", "soglasje", "zasebnost", "osebni podatki"},
		ClassReject:    {"zavrni( vse)?", "zavračam", "samo (nujni|nujne|potrebni)( piškotki)?", "ne strinjam se"},
		ClassSave:      {"shrani( nastavitve| izbiro)?", "potrdi( izbiro)?", "dovoli izbrane", "sprejmi izbrane"},
		ClassAcceptAll: {"(sprejmi|sprejmem|dovoli) vse"},
		ClassAccept:    {"sprejmi", "sprejmem", "strinjam se", "v redu", "ok"},
		ClassSettings:  {"nastavitve", "prilagodi", "upravljaj", "nastavitve piškotkov", "več možnosti"},
	},
	"lt": {
		"banner":       {"slapukai", "slapukus", "slapukų", "sutikimas", "privatumas", "asmens duomenys"},
		ClassReject:    {"atmesti( visus| viską)?", "nesutinku", "atsisakyti( visų)?", "tik (būtini|būtinus|privalomi)( slapukai)?"},
		ClassSave:      {"išsaugoti( nustatymus| pasirinkimą)?", "patvirtinti( pasirinkimą)?", "leisti pasirinktus"},
		ClassAcceptAll: {"(priimti|leisti) (visus|viską)", "sutinku su visais", "sutinku su viskuo"},
		ClassAccept:    {"sutinku", "priimti", "gerai", "ok"},
		ClassSettings:  {"nustatymai", "tinkinti", "valdyti", "slapukų nustatymai", "daugiau parinkčių"},
	},
	"lv": {
		"banner":       {"sīkdatnes", "sīkdatņu", "sīkfaili", "sīkfailus", "piekrišana", "privātums", "personas dati"},
		ClassReject:    {"noraidīt( visus| visas)?", "atteikties", "nepiekrītu", "tikai (nepieciešamās|nepieciešamos|obligātās)"},
		ClassSave:      {"saglabāt( iestatījumus| izvēli)?", "apstiprināt( izvēli)?", "atļaut atlasītās"},
		ClassAcceptAll: {"(pieņemt|akceptēt|atļaut) (visus|visas)", "piekrītu visām?"},
		ClassAccept:    {"piekrītu", "pieņemt", "akceptēt", "labi", "ok"},
		ClassSettings:  {"iestatījumi", "pielāgot", "pārvaldīt", "sīkdatņu iestatījumi", "vairāk iespēju"},
	},
	"bg": {
		"banner":       {"бисквитки(те)?", "cookies?", "съгласие(то)?", "поверителност", "лични данни"},
		ClassReject:    {"отхвърл(и|яне на|ям)( всички)?", "отказ(вам|ване)?", "откажи( всички)?", "само (необходимите|задължителните)"},
		ClassSave:      {"запази( настройките| избора)?", "запазване( на настройките| на избора)?", "потвърди( избора)?", "разреши избраните"},
		ClassAcceptAll: {"(приемам|приеми|приемане на|разреши|разрешаване на) всички"},
		ClassAccept:    {"приемам", "приеми", "съгласен съм", "съгласна съм", "разбрах", "добре"},
		ClassSettings:  {"настройки(те)?", "персонализиране", "персонализирай", "управление", "управлявай", "повече опции"},
	},
}

// vocabPattern joins the phrases of one class across every language into a
// JavaScript regular expression source that matches the whole label, so that
// "OK" matches the button "OK" but not a paragraph that contains "ok".
// Unicode-aware word edges stand in for \b, which only knows ASCII letters.
func vocabPattern(class string, whole bool) string {
	var phrases []string
	for _, lang := range Languages {
		phrases = append(phrases, vocabulary[lang][class]...)
	}
	slices.Sort(phrases)
	phrases = slices.Compact(phrases)
	alt := strings.Join(phrases, "|")
	if whole {
		// Allow a little decoration around the label: punctuation, an icon
		// glyph, "cookies", "and continue".
		return `^[\s\p{P}\p{S}]*(?:` + alt + `)[\s\p{P}\p{S}]*$`
	}
	return `(?<![\p{L}\p{N}])(?:` + alt + `)(?![\p{L}\p{N}])`
}

// checkVocabulary compiles every phrase with Go's regexp (whose syntax is a
// subset of JavaScript's for what the phrases use), so a typo fails a test
// rather than a scan.
func checkVocabulary() error {
	for lang, classes := range vocabulary {
		for class, phrases := range classes {
			for _, p := range phrases {
				if _, err := regexp.Compile("(?i)" + p); err != nil {
					return &vocabError{lang: lang, class: class, phrase: p, err: err}
				}
			}
		}
	}
	return nil
}

type vocabError struct {
	lang, class, phrase string
	err                 error
}

func (e *vocabError) Error() string {
	return "vocabulary " + e.lang + "/" + e.class + " " + e.phrase + ": " + e.err.Error()
}
