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
	// ClassClose is a close control: not a choice, unless the banner says
	// closing refuses.
	ClassClose = "close"
)

// buttonClasses is the classification order.
var buttonClasses = []string{ClassReject, ClassSave, ClassAcceptAll, ClassAccept, ClassSettings}

// Languages lists the languages the generic vocabulary covers (ISO 639-1).
var Languages = []string{"en", "fr", "de", "es", "it", "nl", "pt", "sv", "nb", "nn", "da", "fi", "et", "pl", "cs", "sk", "hu", "ro", "el", "hr", "sl", "lt", "lv", "bg", "ga", "mt"}

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
		ClassAcceptAll: {"alle (cookies )?(akzeptieren|zulassen|annehmen|erlauben|auswählen und bestätigen)", "allen zustimmen", "alles (akzeptieren|erlauben)", "akzeptieren und schließen"},
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
		ClassReject:    {"(alles|alle) weigeren", "weigeren", "afwijzen", "weiger( alle| alles)?( cookies)?", "wijs (alle(s)? )?af", "alleen (noodzakelijke|functionele|essentiële)( cookies)?", "niet akkoord"},
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
		"banner":       {"kakor", "cookies?", "samtycke", "medgivande", "integritet", "integritetspolicy(n)?", "personuppgifter", "personlig(a)? (data|uppgifter|information)"},
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
	"ga": {
		"banner":       {"fianáin", "fianán", "toiliú", "príobháideachas", "sonraí pearsanta"},
		ClassReject:    {"diúltaigh( do (gach ceann|chuile cheann|gach fianán))?", "diúltaím", "ná glac", "lean ar aghaidh gan glacadh"},
		ClassSave:      {"sábháil( socruithe| roghanna)?", "deimhnigh( roghanna)?", "ceadaigh roghnaithe"},
		ClassAcceptAll: {"glac le (gach ceann|chuile cheann|gach fianán|iad go léir)", "ceadaigh (gach ceann|iad go léir)"},
		ClassAccept:    {"glac leo", "glacaim", "glac", "aontaím", "ceart go leor"},
		ClassSettings:  {"socruithe( fianán)?", "saincheap", "bainistigh", "roghanna", "tuilleadh roghanna"},
	},
	"mt": {
		"banner":       {"cookies?", "kunsens", "privatezza", "data personali"},
		ClassReject:    {"irrifjuta( kollox| kollha)?", "ma naċċettax", "kompli mingħajr ma taċċetta"},
		ClassSave:      {"issejvja( il-preferenzi| l-għażla)?", "salva( l-għażla)?", "ikkonferma( l-għażla)?"},
		ClassAcceptAll: {"aċċetta (kollox|kollha|il-cookies kollha)", "ippermetti kollox"},
		ClassAccept:    {"aċċetta", "naċċetta", "naqbel", "ok"},
		ClassSettings:  {"settings", "issettjar", "preferenzi", "ippersonalizza", "immaniġġja", "aktar għażliet"},
	},
}

// necessaryOnly holds, per language, the words for "only" and the stems of
// "necessary" (essential, required, functional, technical): a label that
// names both, in either order and whatever verb comes with them ("Accept
// necessary cookies only", "Nur notwendige Cookies erlauben", "Tillåt
// endast nödvändiga"), is a refusal of everything else, although it may say
// accept. init turns them into reject phrases.
var necessaryOnly = map[string][2][]string{
	"en": {{"only", "just", "solely"}, {"strictly necessary", "necessary", "essentials?", "required", "functional", "technical"}},
	"fr": {{"uniquement", "seulement", "que"}, {"nécessaires?", "essentiels?", "indispensables?", "obligatoires?", "fonctionnels?", "techniques?", "strictement nécessaires"}},
	"de": {{"nur", "ausschließlich", "lediglich"}, {"notwendig\\p{L}*", "essenziell\\p{L}*", "essentiell\\p{L}*", "erforderlich\\p{L}*", "funktional\\p{L}*", "technisch notwendig\\p{L}*", "nötig\\p{L}*"}},
	"es": {{"solo", "sólo", "solamente", "únicamente"}, {"necesari\\p{L}*", "esencial\\p{L}*", "imprescindibles", "técnic\\p{L}*", "funcional\\p{L}*"}},
	"it": {{"solo", "soltanto", "unicamente", "solamente"}, {"necessar\\p{L}*", "essenzial\\p{L}*", "tecnic\\p{L}*", "funzional\\p{L}*"}},
	"nl": {{"alleen", "enkel", "uitsluitend", "slechts"}, {"noodzakelijk\\p{L}*", "functione\\p{L}*", "essentie\\p{L}*", "strikt noodzakelijk\\p{L}*"}},
	"pt": {{"apenas", "só", "somente", "unicamente"}, {"necessári\\p{L}*", "essencia\\p{L}*", "funciona\\p{L}*", "técnic\\p{L}*"}},
	"sv": {{"endast", "bara", "enbart", "enast"}, {"nödvändig\\p{L}*", "funktionell\\p{L}*", "obligatorisk\\p{L}*"}},
	"nb": {{"kun", "bare", "kun de"}, {"nødvendig\\p{L}*", "påkrevd\\p{L}*", "funksjonell\\p{L}*"}},
	"nn": {{"berre", "kun"}, {"nødvendig\\p{L}*", "naudsynt\\p{L}*"}},
	"da": {{"kun", "blot", "udelukkende"}, {"nødvendig\\p{L}*", "funktionel\\p{L}*"}},
	"fi": {{"vain", "ainoastaan", "pelkät"}, {"välttämät\\p{L}*", "pakolli\\p{L}*", "tarpeelli\\p{L}*"}},
	"et": {{"ainult", "vaid"}, {"vajalik\\p{L}*", "hädavajalik\\p{L}*", "olulis\\p{L}*"}},
	"pl": {{"tylko", "wyłącznie", "jedynie"}, {"niezbędn\\p{L}*", "koniecz\\p{L}*", "wymagan\\p{L}*", "funkcjonaln\\p{L}*", "techniczn\\p{L}*"}},
	"cs": {{"pouze", "jen", "jenom", "výhradně"}, {"nezbytn\\p{L}*", "nutn\\p{L}*", "technick\\p{L}*", "funkční\\p{L}*"}},
	"sk": {{"iba", "len", "výlučne"}, {"nevyhnutn\\p{L}*", "nutn\\p{L}*", "technick\\p{L}*", "potrebn\\p{L}*"}},
	"hu": {{"csak", "kizárólag", "csupán"}, {"szükséges\\p{L}*", "elengedhetetlen\\p{L}*", "alapvető\\p{L}*"}},
	"ro": {{"doar", "numai", "exclusiv"}, {"necesar\\p{L}*", "esențial\\p{L}*", "strict necesar\\p{L}*", "funcțional\\p{L}*"}},
	"el": {{"μόνο", "μόνον"}, {"απαραίτητ\\p{L}*", "αναγκαί\\p{L}*", "λειτουργικ\\p{L}*"}},
	"hr": {{"samo", "isključivo"}, {"nužn\\p{L}*", "neophodn\\p{L}*", "potrebn\\p{L}*"}},
	"sl": {{"samo", "le", "zgolj"}, {"nujn\\p{L}*", "potrebn\\p{L}*", "obvezn\\p{L}*"}},
	"lt": {{"tik", "tiktai"}, {"būtin\\p{L}*", "privalom\\p{L}*", "reikaling\\p{L}*"}},
	"lv": {{"tikai"}, {"nepieciešam\\p{L}*", "obligāt\\p{L}*", "būtisk\\p{L}*"}},
	"bg": {{"само", "единствено"}, {"необходим\\p{L}*", "задължителн\\p{L}*", "основн\\p{L}*"}},
	"ga": {{"amháin"}, {"riachtanach\\p{L}*", "riachtanais\\p{L}*"}},
	"mt": {{"biss"}, {"(?:il-)?meħtieġ\\p{L}*", "essenzjal\\p{L}*", "neċessarj\\p{L}*"}},
}

func init() {
	for lang, w := range necessaryOnly {
		only, nec := "(?:"+strings.Join(w[0], "|")+")", "(?:"+strings.Join(w[1], "|")+")"
		// Either order, any words around: "only necessary", "necessary
		// cookies only", "allow only the essential ones".
		vocabulary[lang][ClassReject] = append(vocabulary[lang][ClassReject],
			`(?:.*\s)?`+only+`\s(?:.*\s)?`+nec+`(?:[\s\p{P}].*)?`,
			`(?:.*\s)?`+nec+`\s(?:.*\s)?`+only+`(?:[\s\p{P}].*)?`)
	}
	for lang, ps := range continueWithout {
		vocabulary[lang][ClassReject] = append(vocabulary[lang][ClassReject], ps...)
	}
}

// continueWithout is "continue without accepting" (and "refuse and
// close") per language: the CNIL reads it as a refusal.
var continueWithout = map[string][]string{
	"en": {"continue without (accepting|agreeing|consent(ing)?|cookies)", "proceed without (accepting|cookies)", "reject (and|&) close", "close without accepting"},
	"fr": {"continuer sans (accepter|consentir)", "refuser (et|&) fermer", "fermer sans accepter"},
	"de": {"weiter ohne (einwilligung|zustimmung|zu akzeptieren|akzeptieren)", "fortfahren ohne (zustimmung|einwilligung|zu akzeptieren)", "ohne zustimmung fortfahren", "ablehnen und schließen"},
	"es": {"continuar sin (aceptar|consentir)", "seguir sin aceptar", "rechazar y cerrar"},
	"it": {"continua senza (accettare|consenso)", "prosegui senza accettare", "rifiuta e chiudi"},
	"nl": {"doorgaan zonder (te )?(accepteren|akkoord|toestemming)", "verder zonder (te )?accepteren", "weigeren en sluiten"},
	"pt": {"continuar sem (aceitar|consentir)", "prosseguir sem aceitar", "rejeitar e fechar"},
	"sv": {"fortsätt utan att (acceptera|godkänna)", "avvisa och stäng"},
	"nb": {"fortsett uten å (godta|akseptere)", "avvis og lukk"},
	"nn": {"hald fram utan å godta"},
	"da": {"fortsæt uden at (acceptere|godkende)", "afvis og luk"},
	"fi": {"jatka hyväksymättä", "hylkää ja sulje"},
	"et": {"jätka nõustumata", "jätka ilma nõustumata"},
	"pl": {"kontynuuj bez (akceptacji|zgody|akceptowania)", "odrzuć i zamknij"},
	"cs": {"pokračovat bez (souhlasu|přijetí)", "odmítnout a zavřít"},
	"sk": {"pokračovať bez (súhlasu|prijatia)", "odmietnuť a zavrieť"},
	"hu": {"folytatás elfogadás nélkül", "elutasítás és bezárás"},
	"ro": {"continuă fără (a accepta|acceptare|consimțământ)", "continuați fără a accepta"},
	"el": {"συνέχεια χωρίς (αποδοχή|συγκατάθεση)", "συνέχεια χωρίς να αποδεχτώ"},
	"hr": {"nastavi(te)? bez (prihvaćanja|pristanka)"},
	"sl": {"nadaljuj brez (sprejetja|strinjanja)"},
	"lt": {"tęsti nesutikus", "tęsti be sutikimo"},
	"lv": {"turpināt bez (piekrišanas|pieņemšanas)"},
	"bg": {"продължи без (приемане|съгласие)", "продължете без приемане"},
	"ga": {"lean ar aghaidh gan toiliú"},
	"mt": {"kompli mingħajr kunsens"},
}

// closeWords name a close control (its text, aria-label or title), in
// every language, and the glyphs a close icon shows.
var closeWords = []string{"close", "dismiss", "schließen", "fermer", "cerrar", "chiudi", "sluiten", "fechar", "stäng", "lukk", "luk", "sulje", "sulge", "zamknij", "zavřít", "zavrieť", "bezárás", "închide", "κλείσιμο", "zatvori", "zapri", "uždaryti", "aizvērt", "затвори", "dún", "agħlaq", "[×✕✖✗╳xX]"}

// closeRefuses recognises a banner text that says closing it refuses
// ("closing this banner means you refuse", "en fermant ce bandeau, vous
// refusez"): its close control is then a refusal.
const closeRefuses = `(clos\p{L}*|fermer|fermant|fermeture|schließen|schließt|cerrar|cerrando|chiud\p{L}*|sluit\p{L}*|fechar|fechando|stäng\p{L}*|lukk\p{L}*|luk\p{L}*|sulke\p{L}*|zamkn\p{L}*|zamyk\p{L}*|zavř\p{L}*|zatvor\p{L}*|bezár\p{L}*|închid\p{L}*|κλείν\p{L}*|zapr\p{L}*|uždar\p{L}*|aizver\p{L}*|затвар\p{L}*|×|✕)[^.!?]{0,100}(refus\p{L}*|reject\p{L}*|declin\p{L}*|ablehn\p{L}*|lehnen\p{L}*|verweiger\p{L}*|rechaz\p{L}*|rifiut\p{L}*|weiger\p{L}*|recus\p{L}*|avvis\p{L}*|avböj\p{L}*|neka\p{L}*|afvis\p{L}*|hylk\p{L}*|odrzuc\p{L}*|odmít\p{L}*|odmiet\p{L}*|elutasít\p{L}*|respin\p{L}*|απορρ\p{L}*|odbij\p{L}*|zavrn\p{L}*|atmet\p{L}*|noraid\p{L}*|отказ\p{L}*|without (accepting|consent)|sans (accepter|consentement)|ohne (zustimmung|einwilligung)|sin aceptar|senza (accettare|consenso)|zonder (toestemming|te accepteren))`

// vocabPattern joins the phrases of one class across every language into a
// JavaScript regular expression source that matches the whole label, so that
// "OK" matches the button "OK" but not a paragraph that contains "ok".
// Unicode-aware word edges stand in for \b, which only knows ASCII letters.
func vocabPattern(class string, whole bool) string {
	if class == ClassClose {
		return `^[\s\p{P}\p{S}]*(?:` + strings.Join(closeWords, "|") + `)(?:[\s\p{P}].{0,30})?$`
	}
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
