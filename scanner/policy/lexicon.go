package policy

import (
	"strings"
	"sync"
)

// cue is the kind of a keyword: what finding it in a sentence tells.
type cue uint8

const (
	cDNT cue = iota
	cGPC
	cSimilarMech
	cBrowserSignal
	cHonor
	cIgnore
	cNeg
	cConj
	cIf
	cDateLabel
	cController
	cLegalForm
	cRegistry
	cDPO
	cPhoneWord
	cStreet
	cPurpose
	cLegalBasis
	cLegitInterest
	cLegalObligation
	cContractWord
	cFulfil
	cBasedOn
	cVitalInterest
	cPublicTask
	cRetainVerb
	cRetainNoun
	cAsLongAs
	cHowLong
	cUnit      // n = days per unit
	cNumWord   // n = value
	cRightWord // "right", "droit", "Recht" ...
	cRight     // val = right id
	cRequest
	cComplaint
	cAuthorityGeneric
	cAuthority // val = authority display name
	cRecipient
	cThirdParty
	cTransfer
	cThirdCountry
	cMechanism // val = mechanism id
	cCountry   // val = ISO code, "EU" or "EEA"
	cCookie
	cIP
	cAnonymise
	cStore
	cWorldwide
	cConsent
	cMarketing
	cAnalytics
	cSell
	cShare
	cCommercial
	cCan
	cPersonalData
	cContactForm
	cUseVerb
	cWith
	cBrowserName // browsers, operating systems and app stores
	cHowTo       // deleting, blocking or managing cookies in settings
	cExample     // "for example", "z. B."
	cPolicyLink  // "the privacy policy of X", "see ... at"
	cFooter      // "powered by", "all rights reserved"
	numCues
)

// cueSet is a set of cues.
type cueSet [(int(numCues) + 63) / 64]uint64

func (s *cueSet) add(c cue)     { s[c/64] |= 1 << (c % 64) }
func (s cueSet) has(c cue) bool { return s[c/64]&(1<<(c%64)) != 0 }
func (s cueSet) hasAll(cs ...cue) bool {
	for _, c := range cs {
		if !s.has(c) {
			return false
		}
	}
	return true
}

// keyword is what a matched pattern means.
type keyword struct {
	cue cue
	val string
	n   int
}

// words splits a keyword list; entries are separated by '|' so they can
// hold spaces.
func words(s string) []string {
	var out []string
	for _, w := range strings.Split(s, "|") {
		if w = strings.TrimSpace(w); w != "" {
			out = append(out, w)
		}
	}
	return out
}

// lexicon lists, per cue, its keywords in all supported languages.
// Notation: "stem*" may continue, "*end" may end a compound.
var lexicon = []struct {
	cue   cue
	words string
}{
	{cDNT, "do not track|do-not-track|dnt|ne pas suivre|ne pas me suivre|nicht verfolgen|nicht nachverfolgen|no rastrear|no realizar seguimiento|no seguimiento|non tracciare|niet volgen|não rastrear|não acompanhar|spåra inte|spåra mig inte|ikke spor|spor ikke|ikkje spor|spor ikkje|ikke-spor|älä seuraa|ära jälgi|nie śledź|nie śledzić|nesledovat|nesledujte"},
	{cGPC, "global privacy control|gpc|sec-gpc|opt-out preference signal*|préférence de désinscription|contrôle global de la confidentialité|globale datenschutzkontrolle|control global de privacidad|controllo globale della privacy|wereldwijde privacycontrole|controlo global de privacidade|controle global de privacidade"},
	{cSimilarMech, "similar mechanism*|similar signal*|other signals|mécanismes similaires|mécanisme similaire|signaux similaires|ähnliche mechanismen|ähnlichen mechanismen|ähnliche signale|ähnlichen signale|vergleichbare mechanismen|vergleichbaren mechanismen|mecanismos similares|meccanismi simili|meccanismi analoghi|segnali simili|vergelijkbare mechanismen|soortgelijke mechanismen|vergelijkbare signalen|mecanismos semelhantes|sinais semelhantes|liknande mekanismer|liknande signaler|lignende mekanismer|tilsvarende mekanismer|lignende signaler|liknande mekanismar|tilsvarande mekanismar|vastaavat mekanismit|vastaavia mekanismeja|vastaavia signaaleja|sarnased mehhanismid|sarnaseid mehhanisme|sarnaseid signaale|podobne mechanizmy|podobnych mechanizmów|podobne sygnały|podobné mechanismy|podobných mechanismů|podobné signály"},
	{cBrowserSignal, "browser*|*browser|navigateur*|navegador*|webbläsar*|nettleser*|nettlesar*|webbrowser*|selai*|veebilehitseja*|brauser*|przeglądar*|prohlížeč*|signal*|signaux|señal*|segnal*|signaal*|sinal*|signaali*|sygnał*|signál*|header*|en-tête*"},
	{cHonor, "honor*|honour*|respect*|respond*|comply|complies|support*|recogni*|accommodat*|répond*|tenons compte|tenons pas compte|prenons en compte|prenons pas en compte|as a valid request|as a request to opt out|as an opt-out request|as a valid opt-out|respektier*|berücksichtig*|reagier*|beacht*|unterstütz*|befolg*|respet*|atend*|reconoc*|honr*|rispett*|rispond*|riconosc*|onor*|respecteer*|respecteren|honoreer*|honoreren|reageer*|reageren|ondersteun*|respeit*|reconhec*|respekter*|svarar|svara|följer|hörsammar|stöder|svarer|følger|støtter|tar hensyn|tek omsyn|reagerer|understøtter|kunnioit*|noudat*|reagoi*|vastaa|vastaamme|huomioi*|tue*|tuke*|austa*|järgi*|arvesta*|toeta*|reageeri*|respektuj*|honoruj*|uwzględnia*|reaguj*|obsługuj*|*respektuj*|*reaguj*|*podporuj*|*zohledňuj*|*dodržuj*"},
	{cIgnore, "ignore*|ignorons|ignorer|ignorieren|ignoriert|ignoramos|ignora*|negeren|negeert|ignorera*|ignorerer|ignorere|jätämme huomiotta|ignoreeri*|ignoruj*|*ignoruje*"},
	{cNeg, "not|*n't|no|never|nor|neither|cannot|ne|n'*|pas|ni|jamais|aucun|aucune|nicht|kein|keine|keinen|keiner|weder|nie|niemals|nunca|ningún|ninguna|non|né|mai|nessun*|niet|geen|noch|nooit|não|nem|nenhum*|inte|ej|icke|ingen|inga|aldrig|ikke|aldri|ikkje|ei|emme|eivät|en|älä|eikä|ega|mitte|ani|nigdy|nikdy|nerespektuj*|nereaguj*|nepodporuj*|nezohledňuj*|neprodáv*|nesdíl*|nepředáv*"},
	{cBrowserName, "mozilla|microsoft windows|apple ios|samsung browser|chrome|chrome*|google chrome|chromium|firefox|firefox*|mozilla firefox|safari|safari*|apple safari|edge|microsoft edge|edgessä|opera|operassa|internet explorer|brave|vivaldi|samsung internet|android|android*|ios|ipados|macos|mac os|windows|app store|apple app store|google play|google play store|play store|play kauppa*|app storesta|google playsta"},
	{cHowTo, "delete*|remove|removing|block*|disable*|turn off|switch off|clear*|manage|settings|preferences|options|reject|refuse|supprim*|effacer|bloqu*|désactiv*|refuser|paramètre*|paramétr*|réglage*|configur*|lösch*|blockier*|deaktivier*|einstellung*|*einstellungen|verhinder*|unterbind*|ablehnen|entfern*|eliminar|borrar|bloquear|desactivar|deshabilitar|configuración|ajustes|rechazar|eliminare|cancellare|bloccare|disattivare|disabilitare|impostazioni|rifiutare|verwijder*|blokker*|uitschakel*|uitzetten|instellingen|weigeren|apagar|excluir|desativar|definições|configurações|recusar|radera*|ta bort|blockera*|inaktivera*|stänga av|inställning*|avvisa|slett*|fjern*|deaktiver*|innstilling*|indstilling*|avvis*|afvis*|slå av|slå fra|poista*|estä*|estää|estämi*|asetuk*|asetukset|hylätä|kustuta*|blokeeri*|keela*|seade*|seaded|sätted|sätete*|usuń|usunąć|usuwa*|blokow*|zablokow*|wyłącz*|ustawie*|odrzuć|smaz*|odstran*|blokov*|zablokov*|zakáz*|vypn*|nastavení"},
	{cExample, "for example|for instance|e.g.|par exemple|p. ex.|zum beispiel|z. b.|z.b.|beispielsweise|por ejemplo|p. ej.|ad esempio|per esempio|ad es.|bijvoorbeeld|bv.|por exemplo|till exempel|t.ex.|t. ex.|exempelvis|for eksempel|f.eks.|f. eks.|til dømes|t.d.|esimerkiksi|esim.|näiteks|nt.|np.|na przykład|například|např."},
	{cPolicyLink, "privacy policy of|privacy policy at|privacy policies of|'s privacy policy|privacy notice of|'s privacy notice|more information|further information|learn more|politique de confidentialité de|politique de confidentialité d'|déclaration de confidentialité de|plus d'informations|pour en savoir plus|datenschutzerklärung von|datenschutzerklärung des|datenschutzhinweise von|datenschutzbestimmungen von|datenschutzhinweisen von|weitere informationen|weitere hinweise|política de privacidad de|más información|informativa sulla privacy di|informativa privacy di|maggiori informazioni|ulteriori informazioni|privacybeleid van|privacyverklaring van|meer informatie|política de privacidade d*|mais informações|mais informação|integritetspolicy|mer information|mer om|personvernerklæring*|personvernerklæringa|mer informasjon|meir informasjon|privatlivspolitik|mere information|tietosuojaseloste*|tietosuojakäytäntö*|lisätietoja|lisätietoa|privaatsuspoliitika*|privaatsustingimus*|lisateave|rohkem teavet|polityk* prywatności|więcej informacji|zásad* ochrany osobních údajů|zásady ochrany soukromí|více informací|další informace"},
	{cFooter, "powered by|driven by|theme by|built with|made with|propulsé par|réalisé avec|créé avec|betrieben mit|erstellt mit|bereitgestellt von|realizado con|desarrollado por|creado con|realizzato con|sviluppato da|mogelijk gemaakt door|gemaakt met|desenvolvido por|criado com|drivs av|skapad med|drevet av|levert av|laget med|drive av|leveret af|drevet af|lavet med|toteutettu|alustana|luotu|loodud|kasutades|wspierane przez|obsługiwane przez|stworzone w|běží na|vytvořeno v|all rights reserved|tous droits réservés|alle rechte vorbehalten|todos los derechos reservados|tutti i diritti riservati|alle rechten voorbehouden|todos os direitos reservados|alla rättigheter förbehållna|alle rettigheter forbeholdt|alle rettar atterhaldne|alle rettigheder forbeholdes|kaikki oikeudet pidätetään|kõik õigused kaitstud|wszelkie prawa zastrzeżone|všechna práva vyhrazena|copyright"},
	{cConj, "and|und|og|och|et|y|e|ja|ning|oraz|but|mais|aber|pero|ma|maar|mas|men|mutta|kuid|ale|ale"},
	{cIf, "if|when|si|wenn|falls|sofern|se|als|indien|wanneer|om|hvis|dersom|viss|jos|mikäli|kui|jeśli|jeżeli|gdy|pokud|jestliže|když"},
	{cDateLabel, "last updated|last update|last modified|last revised|last changed|updated on|updated:|effective date|effective as of|effective from|in effect from|date of last revision|version date|dernière modification|date de la dernière modification|dernière mise à jour|mise à jour le|mis à jour le|date d'effet|en vigueur|version du|stand|zuletzt aktualisiert|zuletzt geändert|letzte aktualisierung|letzte änderung|aktualisiert am|gültig ab|in kraft seit|última actualización|última modificación|actualizado el|actualizada el|fecha de actualización|vigente desde|en vigor desde|ultimo aggiornamento|ultima modifica|aggiornato il|aggiornata il|aggiornata al|in vigore dal|data di aggiornamento|laatst bijgewerkt|laatste wijziging|laatst gewijzigd|bijgewerkt op|gewijzigd op|versie van|van kracht vanaf|última atualização|última alteração|atualizado em|atualizada em|data de atualização|em vigor desde|senast uppdaterad|senast ändrad|uppdaterad|gäller från|gäller fr.o.m.|sist oppdatert|sist endret|sist endra|oppdatert|gjelder fra|gjeld frå|senest opdateret|sidst opdateret|sidst ændret|opdateret|gældende fra|viimeksi päivitetty|päivitetty|päivitys|voimassa alkaen|viimati uuendatud|viimati muudetud|uuendatud|kehtib alates|ostatnia aktualizacja|data aktualizacji|zaktualizowano|ostatnia zmiana|obowiązuje od|poslední aktualizace|naposledy aktualizováno|aktualizováno|poslední změna|účinnost od|účinné od|platné od|platnost od"},
	{cController, "controller|data controller|responsible for the processing|responsable du traitement|responsable de traitement|responsable des traitements|verantwortliche*|verantwortlicher|verantwortlich für die datenverarbeitung|responsable del tratamiento|titolare del trattamento|*verwerkingsverantwoordelijke|verantwoordelijke voor de verwerking|responsável pelo tratamento|*personuppgiftsansvarig*|*behandlingsansvarlig*|*dataansvarlig*|behandlingsansvarleg|*rekisterinpitäjä*|vastutav töötleja|vastutava töötleja|administrator danych|administratorem danych|administratorem pani|administratorem twoich|správce osobních údajů|správcem osobních údajů|správce údajů|datakontroller*"},
	{cLegalForm, "gmbh|b.v.|bv|n.v.|oü|oy|oyj|sarl|s.a.r.l.|s.a.s.|sas|s.l.|s.l.u.|s.r.l.|srl|s.p.a.|spa|sp. z o.o.|s.r.o.|a.s.|ltd|ltd.|limited|llc|inc.|aps|a/s|asa|lda.|lda|ab|as|ug|e.k.|kg|sa|s.a."},
	{cRegistry, "registry number|registration number|company number|company registration|rekisterinumero|y-tunnus|registrikood|registrikoodiga|org.nr|org. nr|org.nr.|organisationsnummer|organisasjonsnummer|org.nummer|cvr|cvr-nr|cvr-nummer|kvk|kvk-nummer|kamer van koophandel|siret|siren|rcs|handelsregister|hrb|amtsgericht|cif|nif|nipc|partita iva|p.iva|p. iva|vat|tva|ust-idnr|ust-id|momsnummer|momsregistreringsnummer|mva|nip|krs|regon|ičo|ič|dič|codice fiscale"},
	{cDPO, "data protection officer|dpo|délégué à la protection des données|délégué à la protection des données personnelles|datenschutzbeauftragte*|delegado de protección de datos|delegado de protección de datos|responsabile della protezione dei dati|functionaris gegevensbescherming|functionaris voor gegevensbescherming|encarregado da proteção de dados|encarregado de proteção de dados|dataskyddsombud*|personvernombud*|databeskyttelsesrådgiver*|tietosuojavastaava*|andmekaitseametnik*|andmekaitsespetsialist*|inspektor ochrony danych|inspektorem ochrony danych|pověřenec pro ochranu osobních údajů|pověřence pro ochranu osobních údajů"},
	{cPhoneWord, "tel|tel.|t.|phone|telephone|téléphone|tél|tél.|telefon|telefono|teléfono|telefoon|telefone|tlf|tlf.|puhelin|puh|puh.|telefonitse|puhelimitse|telefonnummer|telefoninumber|telefonnr|mob|mobil"},
	{cStreet, "*straße|*strasse|*str.|rue|avenue|av.|boulevard|bd|chemin|allée|place|via|viale|piazza|calle|avenida|plaza|*straat|*laan|*weg|*plein|rua|travessa|*gatan|*vägen|*gata|*väg|*gate|*veien|*vegen|*vej|*gade|*katu|*tie|tn|tänav|mnt|maantee|ul.|ulica|al.|ulice|nám.|náměstí|street|road|st.|rd."},
	{cPurpose, "purpose*|finalité*|à des fins|aux fins|fins de|zweck*|*zwecke|*zwecken|finalidad*|fines de|finalità|fini di|scopi|scopo|doel|doelen|doeleinden|*doeleinden|met het doel|finalidade*|fins de|propósito*|ändamål*|*ändamål|syfte*|*syfte|*syften|formål*|*formål|føremål*|tarkoitu*|*tarkoitu*|eesmär*|*eesmär*|w celu|w celach|celu|cele|celach|celów|účel*|za účelem"},
	{cLegalBasis, "legal basis|legal bases|lawful basis|legal ground*|base légale|bases légales|fondement juridique|fondement légal|base juridique|rechtsgrundlage*|rechtliche grundlage|base jurídica|base legal|bases legales|base legitimadora|legitimación|base giuridica|basi giuridiche|base legale|rechtsgrond*|grondslag*|wettelijke grondslag|base legal|fundamento jurídico|fundamento legal|rättslig grund|rättsliga grunden|laglig grund|rettslig grunnlag|behandlingsgrunnlag*|rettsleg grunnlag|behandlingsgrunnlag|retsgrundlag*|behandlingsgrundlag*|juridisk grundlag|oikeusperuste*|oikeudellinen perust*|käsittelyn peruste*|käsittelyperuste*|õiguslik alus*|õiguslikul alusel|töötlemise alus*|podstawa prawna|podstawy prawne|podstawą prawną|podstawie prawnej|právní základ|právním základem|právní titul|art. 6|article 6|artikel 6|artículo 6|articolo 6|artigo 6|artikla 6|artikkel 6|artykuł 6|art. 6 ust. 1|čl. 6"},
	{cLegitInterest, "legitimate interest*|intérêt légitime|intérêts légitimes|berechtigte interesse*|berechtigtes interesse|berechtigten interesse*|berechtigten interessen|interés legítimo|intereses legítimos|legittimo interesse|interesse legittimo|legittimi interessi|gerechtvaardigd belang|gerechtvaardigde belangen|interesse legítimo|interesses legítimos|legitimt intresse|legitima intresse|berättigat intresse|berettiget interesse|berettigede interesse*|legitim interesse|berettiga interesse|oikeutettu etu|oikeutettuun etuun|oikeutetun edun|oikeutettuja etuja|oikeutetun edun|õigustatud huvi*|prawnie uzasadniony interes|prawnie uzasadnionego interesu|prawnie uzasadnionym interesie|prawnie uzasadnione interesy|prawnie uzasadnionych interesów|uzasadniony interes|oprávněný zájem|oprávněného zájmu|oprávněném zájmu|oprávněné zájmy|oprávněných zájmů|oprávněný zájem|legitima intressen|legitime interesse*"},
	{cLegalObligation, "legal obligation*|statutory obligation*|required by law|obligation légale|obligations légales|obligation de conservation|rechtliche verpflichtung*|rechtlichen verpflichtung*|gesetzliche pflicht*|gesetzlichen pflicht*|gesetzliche verpflichtung*|gesetzlichen verpflichtung*|obligación legal|obligaciones legales|obbligo legale|obblighi legali|obblighi di legge|wettelijke verplichting*|obrigação legal|obrigações legais|rättslig förpliktelse|rättsliga förpliktelser|rättsliga skyldighet*|lagkrav|rettslig forpliktelse|rettslige forpliktelser|juridiske forpliktelser|juridisk forpliktelse|rettsleg plikt|retlig forpligtelse|retlige forpligtelser|lakisääteinen velvoite|lakisääteisen velvoitteen|lakisääteisten velvoitteiden|lakisääteisiä velvoitteita|juriidilise kohustuse|juriidiline kohustus|seadusest tuleneva kohustuse|seadusest tulenevate kohustuste|seadusest tulenev kohustus|seadusjärgse kohustuse|obowiązek prawny|obowiązku prawnego|obowiązków prawnych|obowiązek wynikający z przepisów|právní povinnost*|zákonné povinnost*|bokföringslag*|bokføringsloven|bogføringsloven|kirjanpitolai*"},
	{cContractWord, "contract*|contrat*|accord|vertrag*|*vertrages|*vertrags|contrato*|contratto|contrattuali|contrattuale|overeenkomst*|avtal*|*avtal|avtale*|kontrakt*|aftale*|sopimu*|*sopimuksen|leping*|umow*|umowy|smlouv*|smluvní"},
	{cFulfil, "perform*|fulfil*|execution|exécut*|erfüll*|durchführung|ejecu*|cumplimiento|esecu*|adempimento|uitvoer*|uitvoering|execu*|cumprimento|fullgör*|fullgöra|uppfylla|oppfylle*|oppfyll*|gjennomføre|opfyld*|täyttä*|täyttämi*|täytä*|täitmi*|täitmiseks|wykonani*|wykonania|plnění|splnění"},
	{cBasedOn, "based on|on the basis of|basé sur|basée sur|fondé sur|fondée sur|sur la base de|sur la base du|auf grundlage|auf der grundlage|aufgrund|basierend auf|beruht auf|con base en|sobre la base|basado en|basada en|sulla base|basato su|basata su|op basis van|op grond van|gebaseerd op|com base|baseado em|baseada em|baserad på|baseras på|grundar sig på|basert på|på grunnlag av|baseret på|på grundlag af|perustuu|perustuen|perusteella|alusel|põhineb|na podstawie|opiera się|na základě|založen*"},
	{cVitalInterest, "vital interest*|intérêts vitaux|lebenswichtige interesse*|lebenswichtigen interesse*|intereses vitales|interessi vitali|vitale belangen|interesses vitais|grundläggande intresse|vitale interesser|elintärkeä etu|elintärkeiden etujen|elintärkeän edun|eluliste huvide|żywotnych interesów|životně důležité zájmy|životně důležitých zájmů|životně důležitého zájmu"},
	{cPublicTask, "public interest|task carried out in the public interest|mission d'intérêt public|öffentlichen interesse|interés público|interesse pubblico|algemeen belang|interesse público|allmänt intresse|allmenn interesse|almen interesse|yleistä etua|avaliku huvi|interesie publicznym|veřejném zájmu"},
	{cRetainVerb, "gelöscht|löschen wir|deleted|delete|supprimées|supprimés|eliminados|eliminadas|cancellati|verwijderd|apagados|raderas|slettes|slettet|slettast|slettes|poistetaan|kustutatakse|usuwamy|usunięte|smazány|vymazány|retain*|retention|keep|kept|store|stored|storing|conserv*|garder|gardons|gardées|sauvegard*|aufbewahr*|speicher*|gespeichert|löschen|guardamos|guardar|guardarán|bewaar*|bewaren|bewaard|armazen*|guardaremos|lagra*|lagras|lagrar|spara*|sparar|sparas|behåll*|behålla|bevara*|bevaras|oppbevar*|lagre*|lagres|lagrast|beholde*|oppbevares|gemme*|gemmer|gemmes|opbevar*|beholder|säilyt*|säilytetään|säilita*|säilitame|säilitatakse|hoiame|hoitakse|przechowuj*|przechowywa*|przechowywane|uchováv*|uchová*|uchovány|uložen*|*lagringsperiode*|*lagringstid*"},
	{cRetainNoun, "retention period*|storage period*|data retention|durée de conservation|durées de conservation|délai de conservation|délais de conservation|conservation des données|speicherdauer|speicherfrist*|aufbewahrungsfrist*|aufbewahrungsdauer|dauer der speicherung|plazo de conservación|plazos de conservación|periodo de conservación|conservación de los datos|periodo di conservazione|tempi di conservazione|conservazione dei dati|bewaartermijn*|bewaarperiode|bewaring van gegevens|prazo de conservação|prazos de conservação|período de conservação|período de retenção|conservação dos dados|lagringstid*|lagringsperiod*|*lagringsperiode*|oppbevaringstid*|oppbevaringsperiode*|*lagringsperiode|opbevaringsperiode*|opbevaringstid*|opbevaring af|säilytysaika*|säilytysaja*|säilyttämi*|säilitamise aeg|säilitamistähtaeg|säilitustähtaeg|säilitamise tähtaeg|andmete säilitamine|okres przechowywania|okresu przechowywania|przechowywanie danych|doba uchování|doba uložení|dobu uchování|uchovávání údajů|uchovávání osobních údajů"},
	{cAsLongAs, "as long as|for as long as|aussi longtemps|tant que|pendant la durée|solange|so lange|für die dauer|mientras|durante el tiempo|por el tiempo|finché|fintanto|per il tempo|per la durata|zolang|zo lang|enquanto|pelo tempo|durante o tempo|så länge|så lenge|så lengje|så længe|niin kauan|kunnes|kuni|tak długo|dopóki|przez okres|po dobu|dokud|po celou dobu"},
	{cHowLong, "how long|combien de temps|durée de conservation|wie lange|cuánto tiempo|durante cuánto tiempo|per quanto tempo|quanto tempo|hoe lang|por quanto tempo|quanto tempo|hur länge|hvor lenge|hvor lengje|kor lenge|kor lengje|hvor længe|kuinka kauan|kui kaua|jak długo|przez jaki czas|jak dlouho"},
	{cRightWord, "right|rights|droit|droits|recht|rechte|rechten|derecho|derechos|diritto|diritti|direito|direitos|rätt|rättighet*|rätten|rett|rettar|rettigheter|rettighetene|rettane|ret|retten|rettigheder|rettighederne|oikeus|oikeutesi|oikeudet|oikeuksia|oikeuksista|õigus|õigused|õigust|õiguste|prawo|prawa|praw|právo|práva|práv"},
	{cCan, "you can|you may|you have the option|vous pouvez|vous avez la possibilité|sie können|können sie|haben sie|puede|puedes|può|puoi|potete|kunt u|u kunt|pode|podes|du kan|ni kan|voit|voi|voitte|võite|saate|możesz|może pan|można|můžete|lze"},
	{cPersonalData, "opplysningane*|personopplysningane*|opplysningene*|oplysningerne|dine oplysninger|personal data|personal information|your data|your information|données personnelles|données à caractère personnel|informations personnelles|vos données|vos informations|personenbezogene*|ihre daten|datos personales|sus datos|tus datos|dati personali|i tuoi dati|i suoi dati|persoonsgegevens|uw gegevens|dados pessoais|seus dados|personuppgift*|dina uppgifter|dina data|personopplysning*|dine data|dine opplysninger|personoplysning*|henkilötie*|tietosi|tietojasi|isikuandm*|teie andmed|andmeid|dane osobowe|danych osobowych|twoje dane|pani dane|osobní údaje|osobních údajů|vaše údaje|vašich údajů"},
	{cUseVerb, "vi nyttar|nyttar vi|vi nytter|we use|we will use|we process|use this information|use your|nous utilisons|nous utiliserons|utilisées pour|utilisons|dans le but|le but de|objectif*|wir verwenden|wir nutzen|wir verarbeiten|verwenden wir|nutzen wir|verarbeiten wir|utilizamos|tratamos|utilizziamo|trattiamo|wij gebruiken|we gebruiken|gebruiken wij|verwerken wij|wij verwerken|utilizamos|usamos|tratamos|vi använder|använder vi|vi behandlar|behandlar vi|vi bruker|bruker vi|vi behandler|behandler vi|vi brukar|brukar vi|vi bruger|bruger vi|käytämme|käsittelemme|kasutame|töötleme|wykorzystujemy|używamy|przetwarzamy|používáme|zpracováváme|použijeme"},
	{cWith, "with your|only with|avec votre|avec votre accord|uniquement avec|mit ihrer|nur mit|con su|con tu|solo con|con il suo|con il tuo|previo|met uw|alleen met|com o seu|apenas com|med ditt|med din|med dit|kun med|bara med|berre med|jos asiakas on antanut|vain suostumu*|teie nõusolekul|ainult teie|z twoją|za twoją|na podstawie twojej|s vaším|jen s|pouze s|dersom du har gitt|hvis du har givet|om du har gett|si nos ha dado|sauf si vous avez consenti|if you have given|if you consent|wenn sie eingewilligt"},
	{cContactForm, "contact form|formulaire de contact|kontaktformular|formulario de contacto|modulo di contatto|modulo contatti|contactformulier|formulário de contato|formulário de contacto|kontaktformulär|kontaktskjema|kontaktskjema|palautelomak*|yhteydenottolomak*|kontaktivorm*|formularz kontaktowy|formularza kontaktowego|kontaktní formulář"},
	{cRequest, "request|demander|demande|verlangen|anfordern|solicitar|richiedere|verzoek|solicitar|begära|be om|be oss|anmode|pyytää|pyynnön|nõuda|żądać|żądania|požádat|žádost"},
	{cComplaint, "complaint|complain|lodge a complaint|plainte|réclamation|beschwerde|beschweren|reclamación|reclamar|reclamo|ricorso|klacht|klacht indienen|queixa|reclamação|klagomål|klaga|klage|klagerett|klage til|valitus|valituksen|kantelu*|kaebus*|kaebuse|skarg*|skargę|stížnost*"},
	{cAuthorityGeneric, "supervisory authority|supervisory authorities|data protection authority|autorité de contrôle|autorité de surveillance|autorité de protection des données|aufsichtsbehörde*|*aufsichtsbehörde|datenschutzbehörde|autoridad de control|autoridad de protección de datos|autorità di controllo|autorità garante|toezichthoudende autoriteit|toezichthouder|autoriteit|autoridade de controlo|autoridade de controle|autoridade de supervisão|tillsynsmyndighet*|tilsynsmyndighet*|tilsynsmyndighed*|tilsynsstyresmakt*|datatilsynet|valvontaviranomai*|tietosuojaviranomai*|järelevalveasutus*|andmekaitse inspektsioon*|organ nadzorczy|organu nadzorczego|dozorový úřad|dozorovému úřadu|dozorového úřadu"},
	{cRecipient, "provider|providers|processors|mottakarar|*transportselskap*|fragtfirma*|kullerfirma*|corrieri|dopravc*|bezorgdienst|transportadora*|empresa de transporte|versanddienstleister*|carrier*|courier*|firmy kurierskie|firmom kurierskim|recipient*|destinataire*|empfänger*|destinatario*|destinatari|ontvanger*|destinatário*|mottagare*|mottakar*|mottaker*|modtager*|vastaanottaj*|vastuvõtja*|odbiorc*|příjemc*|service provider*|prestataire*|sous-traitant*|dienstleister*|auftragsverarbeiter*|proveedor*|encargado del tratamiento|encargados del tratamiento|fornitor*|responsabili del trattamento|dienstverlener*|verwerker*|prestador*|fornecedor*|subcontratante*|leverantör*|*leverantörer|personuppgiftsbiträde*|leverandør*|*leverandører|tjenesteleverandør*|databehandler*|databehandlar*|*palveluntarjoaj*|käsittelijä*|teenusepakkuja*|volitatud töötleja*|dostawc*|podmioty przetwarzające|podmiotom przetwarzającym|podmiot przetwarzający|poskytovatel*|zpracovatel*|partenaires|partners|partner|partnere|partnerit|partnerid|partnerzy|partneři"},
	{cThirdParty, "third party|third parties|tiers|tierces|dritte*|drittanbieter*|terceros|terceras|terzi|terze parti|derden|derde partijen|terceiros|terceiras|tredje part*|tredjepart*|tredjeparter|tredjemand|kolmansille|kolmannelle|kolmas osapuol*|kolmansien|kolmandat*|kolmandale|strony trzecie|stronom trzecim|stron trzecich|strona trzecia|podmioty trzecie|podmiotom trzecim|podmiotów trzecich|osobom trzecim|třetím stranám|třetí stran*|třetích stran"},
	{cTransfer, "transfer*|transfér*|übermittl*|übertrag*|übermittelt|transferenc*|transfiere*|trasferi*|trasferimento|doorgifte|doorgeven|doorgegeven|transferência*|transferi*|överför*|överföring*|overfør*|overføring*|siirr*|siirto|siirtää|edasta*|üle kan*|przekaz*|předáv*|předání|přenos*"},
	{cThirdCountry, "third countr*|outside the eu|outside the eea|outside the european*|outside of the eu|outside of the eea|pays tiers|pays hors|hors de l'ue|hors de l'union européenne|hors de l'eee|hors ue|en dehors de l'union européenne|en dehors de l'ue|drittländer*|drittland|drittstaat*|außerhalb der eu|außerhalb des ewr|außerhalb der europäischen union|terceros países|tercer país|fuera del eee|fuera de la ue|fuera de la unión europea|paesi terzi|paese terzo|al di fuori dell'ue|al di fuori dello see|al di fuori dell'unione europea|extra-ue|extra ue|derde landen|derde land|buiten de eu|buiten de eer|buiten de europese unie|países terceiros|país terceiro|fora do eee|fora da ue|fora da união europeia|tredje land|tredjeland|utanför eu|utanför ees|utanför europeiska unionen|utenfor eu|utenfor eøs|utanfor eu|utanfor eøs|udenfor eu|uden for eu|uden for eøs|tredjelande|eta-alueen ulkopuolelle|eta-alueen ulkopuolella|eu:n ulkopuolelle|eu:n ulkopuolella|kolmansiin maihin|kolmanteen maahan|kolmandatesse riikidesse|kolmandasse riiki|väljaspool el-i|väljaspool euroopa liitu|väljapoole el-i|väljapoole euroopa|państw trzecich|państwa trzeciego|poza eog|poza ue|poza unię europejską|třetích zemí|třetí země|mimo eu|mimo ehp|mimo evropskou unii"},
	{cCookie, "cookie*|*cookie*|*cookies|informasjonskapsl*|*informasjonskapslar|infokapsl*|evä*|*evästeet|*evästeiden|küpsis*|*küpsised|ciasteczk*|plików cookie|pliki cookie|soubory cookie|tracker*|traceur*|traceurs|balises pixel|web beacon*|local storage|localstorage|stockage local|lokaler speicher"},
	{cIP, "ip|*ip-osoite*|*ip-osoitte*|*ip-aadress*|ip-adres*|ip-adress*|ip-adresse*"},
	{cAnonymise, "anonymi*|anonymis*|anonymiz*|anonimi*|anonimiz*|anoniem*|anonimiseer*|anonymiseer*|anonimizad*|anonimizzat*|anonimizaç*|anonimizad*|anonymiser*|anonymisoi*|anonymisoid*|anonüüm*|anonimowe|anonymizuj*|anonymizov*|masked|mask*|masqu*|truncat*|tronqu*|kürz*|gekürzt|verkürz*|trunca*|tronca*|maskeer*|ingekort|inkort*|mascar*|truncad*|maskera*|maskerad*|maskert|maskeret|lyhenn*|katkaist*|lühenda*|skracan*|skraca*|maskowa*|zkrác*|octet*|oktett*|octeto|ottetto|oktet*"},
	{cStore, "store*|stored|hosted|host|located|kept|servers|server|hébergé*|héberg*|stock*|stockées|stockés|conservé*|serveurs|gespeichert|speicher*|gehostet|server|serverstandort|almacena*|alojad*|aloja*|servidores|conservad*|archiviat*|memorizzat*|conservat*|ospitat*|server|opgeslagen|opslaan|bewaard|gehost|servers|armazenad*|alojad*|hospedad*|servidores|lagr*|lagras|lagrade|sparas|servrar|lagres|lagret|lagra|serverne|serverane|opbevares|gemmes|opbevaret|hostes|tallenne*|säilytetään|palvelimet|palvelimilla|säilita*|hoitakse|serverites|przechowywan*|serwer*|hostowan*|uložen*|uchováván*|servery|serverech|hostován*|vert"},
	{cWorldwide, "worldwide|anywhere in the world|around the world|partout dans le monde|dans le monde entier|weltweit|en todo el mundo|in tutto il mondo|wereldwijd|em todo o mundo|över hela världen|hvor som helst i verden|i hele verden|overalt i verden|kaikkialla maailmassa|ympäri maailmaa|kogu maailmas|na całym świecie|po celém světě|kdekoli na světě"},
	{cConsent, "consent*|consentement|consenti*|einwillig*|zustimm*|consentimiento|consenso|toestemming|consentimento|samtycke*|samtycker|samtyck*|samtykk*|samtykke*|suostumu*|*suostumuksen|*suostumuksensa|nõusolek*|nõusoleku*|zgoda|zgody|zgodę|zgodą|zgodzie|souhlas*|permission|autorisation"},
	{cMarketing, "lettre d'information|lettres d'information|infolettre*|nieuwsbrie*|boletín|boletim|bulletin|comunicaciones comerciales|commercial communications|communications commerciales|comunicazioni commerciali|obchodní sdělení|kommerzielle kommunikation|nyheitsbrev*|marketing*|*marketing|newsletter*|*newsletter|nyhetsbrev*|nyhedsbrev*|uutiskirje*|uudiskir*|biuletyn*|prospection|publicit*|publicitaire*|werbung|werbe*|*werbung|publicidad|publicitari*|pubblicità|pubblicitari*|reclame*|publicidade|publicitári*|reklam*|*reklam|mainon*|mainos*|*markkinoin*|turundus*|*turundus*|promootio*|promocyj*|reklamy|advertis*|ads|*marknadsför*|marknadsföring*|markedsfør*|*markedsføring*|marknadsføring*|direct mail|*direktmarketing|e-mailing"},
	{cAnalytics, "analytics|analytic*|analytique*|analytiques|statistique*|statisti*|*statistik*|analyse*|analysis|analys*|analiz*|analýz*|analüüs*|mesure d'audience|audience measurement|reichweitenmessung|matomo|hotjar|*analyse|webanalyse|*analytik|tilastoi*|analyysi*|analytiikka*|mittaus"},
	{cSell, "sell*|sale|sold|vend*|verkauf*|verkaufen|vender|vendemos|vendiamo|vendere|cediamo|verkop*|verkoopt|verkopen|säljer|sälja|säljs|selge*|selger|selja|sel|sælger|sælge|myy*|myymme|müü*|sprzeda*|prodáv*|prodej*|*neprodáv*"},
	{cShare, "share*|partag*|weitergeb*|weitergabe|teilen|compart*|condivid*|cediamo|delen|compartilh*|partilh*|dela|delar|deler|dele|deles|jaa*|jaamme|luovut*|jaga*|udostępnia*|sdíl*|*nesdíl*|předáv*|vidarebefordra*|byter"},
	{cCommercial, "commercial|commerciaux|commerciales|kommerziell*|comercial*|commercial*|commerciële|kommersiell*|kommerciel*|kaupalli*|kommerts*|komercyj*|komerční*|marketing*|*marketing|*markedsføring*|*marknadsför*|marknadsföringssyfte|*markkinoin*|turundus*|reklam*|publicit*|werbe*|for money|contre rémunération|gegen entgelt"},
}

// mechanisms are the legal tools for transfers outside the EEA.
var mechanisms = []struct{ id, words string }{
	{"scc", "standard contractual clauses|standard data protection clauses|clauses contractuelles types|clauses contractuelles standard|standardvertragsklauseln|standarddatenschutzklauseln|cláusulas contractuales tipo|cláusulas contractuales estándar|clausole contrattuali standard|clausole contrattuali tipo|modelcontractbepalingen|standaardcontractbepalingen|standaardcontractclausules|cláusulas contratuais-tipo|cláusulas contratuais padrão|standardavtalsklausuler|standardiserade dataskyddsbestämmelser|standard personvernbestemmelser|standardkontraktsklausuler|standardkontraktbestemmelser|standardsopimuslausekkeet|vakiosopimuslausekkei*|mallisopimuslausekkee*|tüüplepingutingimus*|standardsed lepinguklauslid|standardsete lepinguklauslite|standardowe klauzule umowne|standardowych klauzul umownych|standardní smluvní doložky|standardních smluvních doložek|scc|sccs"},
	{"adequacy", "adequacy decision*|adequate level of protection|décision d'adéquation|niveau de protection adéquat|angemessenheitsbeschluss*|angemessenes datenschutzniveau|decisión de adecuación|nivel de protección adecuado|decisione di adeguatezza|adeguato livello di protezione|adequaatheidsbesluit|passend beschermingsniveau|decisão de adequação|nível de proteção adequado|adekvat skyddsnivå|beslut om adekvat*|adekvat beskyttelsesnivå|tilstrækkeligt beskyttelsesniveau|tilstrækkelighedsafgørelse|riittävä tietosuojan taso|riittävyyspäätö*|piisava kaitse*|kaitse piisavuse*|odpowiedni stopień ochrony|stwierdzającej odpowiedni stopień|rozhodnutí o odpovídající ochraně|odpovídající úroveň ochrany"},
	{"dpf", "data privacy framework|dpf|cadre de protection des données ue-états-unis|datenschutzrahmen|marco de privacidad de datos|quadro per la privacy dei dati"},
	{"privacy_shield", "privacy shield|bouclier de protection des données"},
	{"bcr", "binding corporate rules|règles d'entreprise contraignantes|verbindliche interne datenschutzvorschriften|normas corporativas vinculantes|norme vincolanti d'impresa|bindende bedrijfsvoorschriften|regras vinculativas aplicáveis às empresas|bindande företagsbestämmelser|bindende virksomhetsregler|bindende virksomhedsregler|yritystä koskevat sitovat säännöt|siduvad kontsernisisesed eeskirjad|wiążące reguły korporacyjne|závazná podniková pravidla"},
}

// Authorities: supervisory authorities and the names they go by.
var authorities = []struct{ name, words string }{
	{"CNIL", "cnil|commission nationale de l'informatique et des libertés"},
	{"Datatilsynet", "datatilsynet|datatilsynets"},
	{"IMY", "imy|integritetsskyddsmyndighet*|datainspektionen"},
	{"Autoriteit Persoonsgegevens", "autoriteit persoonsgegevens"},
	{"Tietosuojavaltuutettu", "tietosuojavaltuutet*|tietosuojavaltuutetun toimisto"},
	{"AEPD", "aepd|agencia española de protección de datos"},
	{"Garante", "garante per la protezione dei dati personali|garante privacy|garante della privacy|garante"},
	{"BfDI", "bfdi|bundesbeauftragte für den datenschutz*|bundesbeauftragten für den datenschutz*"},
	{"Landesdatenschutzbehörde", "landesbeauftragte für datenschutz*|landesbeauftragten für datenschutz*|landesbeauftragte für den datenschutz*|landesbeauftragten für den datenschutz*|landesdatenschutzbeauftragte*|bayerisches landesamt für datenschutzaufsicht"},
	{"Andmekaitse Inspektsioon", "andmekaitse inspektsioon*"},
	{"UODO", "uodo|prezes urzędu ochrony danych osobowych|prezesa urzędu ochrony danych osobowych|urząd ochrony danych osobowych|urzędu ochrony danych osobowych"},
	{"ÚOOÚ", "úoоú|úoou|úřad pro ochranu osobních údajů|úřadu pro ochranu osobních údajů"},
	{"CNPD", "cnpd|comissão nacional de proteção de dados|commission nationale pour la protection des données"},
	{"ICO", "ico|information commissioner*"},
	{"DPC", "data protection commission|data protection commissioner"},
	{"APD/GBA", "autorité de protection des données|gegevensbeschermingsautoriteit"},
	{"DSB", "österreichische datenschutzbehörde"},
}

// countries map names and inflected forms to ISO codes; "EU" and "EEA"
// stand for the regions.
var countries = []struct{ code, words string }{
	{"EU", "eu|ue|european union|union européenne|l'union européenne|europäischen union|europäische union|unión europea|unione europea|europese unie|união europeia|europeiska unionen|eu-land*|den europeiske union|den europæiske union|euroopan unioni*|eu:n alueella|eu:ssa|euroopa liid*|euroopa liidus|el-is|unii europejskiej|unia europejska|evropské unii|evropské unie|evropská unie"},
	{"EEA", "eea|eee|ewr|eer|ees|eøs|eta-alue*|emp|eog|ehp|european economic area|espace économique européen|europäischen wirtschaftsraum*|espacio económico europeo|spazio economico europeo|europese economische ruimte|espaço económico europeu|europeiska ekonomiska samarbetsområdet|det europeiske økonomiske samarbeidsområdet|det europæiske økonomiske samarbejdsområde|euroopan talousalue*|euroopa majanduspiirkon*|europejskiego obszaru gospodarczego|evropského hospodářského prostoru"},
	{"FR", "france|frankrike|frankrig|frankreich|francia|frankrijk|frança|ranska*|prantsusma*|francj*|franci*"},
	{"DE", "germany|allemagne|deutschland|alemania|germania|duitsland|alemanha|tyskland|saksa*|saksama*|niemcz*|niemiec|německ*|německo"},
	{"NL", "netherlands|pays-bas|niederlande*|países bajos|paesi bassi|nederland|países baixos|nederländerna|nederland|holland|alankomai*|hollanti*|madalma*|hollandi*|holandi*|nizozem*"},
	{"SE", "sweden|suède|schweden|suecia|svezia|zweden|suécia|sverige|ruotsi*|rootsi*|szwecj*|švédsk*"},
	{"NO", "norway|norvège|norwegen|noruega|norvegia|noorwegen|noruega|norge|noreg|norja*|norra*|norwegi*|norsk*"},
	{"DK", "denmark|danemark|dänemark|dinamarca|danimarca|denemarken|danmark|tanska*|taani*|dani*|dánsk*"},
	{"FI", "finland|finlande|finnland|finlandia|finlândia|suomi|suome*|suomessa|soome*|finsk*"},
	{"EE", "estonia|estonie|estland|estónia|eesti|eestis|viro*|estoni*"},
	{"PL", "poland|pologne|polen|polonia|polónia|puola*|poola*|polsk*|polsce"},
	{"CZ", "czech republic|czechia|république tchèque|tschechien|república checa|repubblica ceca|tsjechië|chéquia|tjeckien|tsjekkia|tjekkiet|tšekki*|tšehhi*|czech*|česká republika|české republiky|české republice|českou republiku|česku|české republice|česká republika"},
	{"ES", "spain|espagne|spanien|españa|spagna|spanje|espanha|espanja*|hispaania*|hiszpani*|španělsk*"},
	{"IT", "italy|italie|italien|italia|italië|itália|italia*|itaalia*|włoch*|itálie"},
	{"PT", "portugal|portogallo|portugali*|portugalsk*|portugalii"},
	{"BE", "belgium|belgique|belgien|bélgica|belgio|belgië|belgia*|belgi*"},
	{"AT", "austria|autriche|österreich|oostenrijk|áustria|österrike|østerrike|østrig|itävalla*|austri*|rakousk*"},
	{"IE", "ireland|irlande|irland|irlanda|ierland|irlanti*|iirima*|irlandi*|irsk*"},
	{"LU", "luxembourg|luxemburg|luxemburgo|lussemburgo"},
	{"CH", "switzerland|suisse|schweiz|suiza|svizzera|zwitserland|suíça|sveits|sveitsi*|šveitsi*|szwajcari*|švýcarsk*"},
	{"GB", "united kingdom|royaume-uni|vereinigtes königreich|vereinigten königreich|reino unido|regno unito|verenigd koninkrijk|storbritannien|storbritannia|iso-britannia*|ühendkuningriik*|wielka brytania|wielkiej brytanii|wielką brytanię|spojené království|spojeném království"},
	{"US", "united states|usa|u.s.|états-unis|etats-unis|vereinigte staaten|vereinigten staaten|estados unidos|stati uniti|verenigde staten|förenta staterna|yhdysval*|ameerika ühendriik*|stany zjednoczone|stanach zjednoczonych|stanów zjednoczonych|spojené státy|spojených státech|spojených států|amerika|amérique|america|ameryk*"},
	{"CA", "canada|kanada|canadá"},
	{"IN", "india|inde|indien|índia|intia|intiaan|intiassa|intiaan|india*|indii|indiích"},
	{"CN", "china|chine|cina|kina|kiina*|hiina*|chiny|chinach|čína|číně"},
}

// rightsLex lists each data-subject right's keywords.
var rightsLex = []struct{ id, words string }{
	{"access", "access|accès|accéder|aperçu|auskunft*|auskunftsrecht|zugang|acceso|accesso|inzage|inzagerecht|toegang|acesso|åtkomst|tillgång|registerutdrag|innsyn|innsynsrett|tilgang|indsigt|indsigtsret|adgang|tarkastaa|tarkastusoikeus|tutustua|tutustumi*|pääsy|juurdepääs*|tutvuda|dostęp*|wgląd|přístup*"},
	{"rectification", "rectif*|correct*|corrig*|berichtig*|rectific*|rettific*|correctie|verbeter*|retific*|rättelse|rätta|rättning|retting|rette|korrigere|berigtig*|oikaise*|oikaisu*|korjaa*|korjaami*|muuttaa|parandami*|parandada|sprostowani*|poprawieni*|sprostować|oprav*"},
	{"erasure", "erasure|delet*|erase|effac*|suppr*|lösch*|supresión|supres*|borrar|borrado|cancellazione|cancellare|verwijder*|vergetelheid|apagamento|apagar|eliminação|eliminar|radera*|radering|slett*|sletting|slet|slette|sletning|poista*|poistami*|kustutami*|kustutada|usunięci*|usunąć|usuni*|výmaz*|vymaz*|smazání|forgotten|oubli|vergessenwerden|olvido|oblio"},
	{"restriction", "restrict*|avgrens*|restreindre|limitation du traitement|limitation|einschränk*|restricción|limitación|limitazione|beperking|beperken|limitação|begränsning|begränsa|begrens*|begrense|begræns*|rajoit*|piirami*|piirata|ograniczeni*|ograniczyć|omezení|omezit"},
	{"portability", "portab*|porter|übertragbarkeit|datenübertragbarkeit|portabilidad|portabilità|overdraagbaarheid|dataportabiliteit|overdragen|portabilidade|dataportabilitet|portabilitet|bærbarhet|dataportabilitet|siirrettävyy*|siirtää tiedot|ülekandmi*|ülekantavus*|przenoszeni*|przenieść|přenositelnost*"},
	{"objection", "object|objection|oppose|opposition|opposer|oppos*|refuser|widerspr*|widerspruch*|oposición|oponerse|opposizione|opporsi|bezwaar|oposição|opor-se|opor|invända|invändning*|invänd*|protestere|protest|motsette|motsetje|indsigelse|gøre indsigelse|vastustaa|vastustamis*|vastustusoikeus|vastuväit*|vastuväide*|vaidlustada|sprzeciw*|námitk*|vznést námitku"},
	{"withdraw_consent", "withdraw*|trekkje|trekkje tilbake|revoke|retirer|retrait|widerruf*|widerrufen|retirar|revocar|revoca*|ritirare|intrekken|trekken|retirar|revogar|återkalla*|återta|dra tillbaka|trekke|trekke tilbake|tilbakekalle|trække|tilbagekalde|tilbagetrække|peruuttaa|peruuttaa suostumuksensa|peruutta*|tagasi võtta|tagasi võtma|wycofa*|wycofania|odvolat|odvolání"},
	{"automated_decisions", "automated decision*|automated individual decision*|décision automatisée|décisions automatisées|décision individuelle automatisée|automatisierte entscheidung*|automatisierten entscheidung*|automatisierte einzelentscheidung*|automatisierten einzelentscheidung*|decisiones automatizadas|decisión automatizada|decisioni automatizzate|decisione automatizzata|geautomatiseerde besluitvorming|decisões automatizadas|decisão automatizada|automatiserat beslutsfattande|automatiserte avgjørelser|automatiske afgørelser|automaattinen päätöksenteko|automatiseeritud otsus*|zautomatyzowane podejmowanie decyzji|zautomatyzowanego podejmowania decyzji|zautomatyzowanym podejmowaniu decyzji|automatizované rozhodování|automatizovaném rozhodování"},
}

// numberWords are small numbers as words, for "three months", "tre år".
var numberWords = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10, "twelve": 12,
	"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "dix": 10, "douze": 12,
	"ein": 1, "eine": 1, "einem": 1, "einen": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "zehn": 10, "zwölf": 12,
	"uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "diez": 10, "doce": 12,
	"due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6, "sette": 7, "dieci": 10, "dodici": 12,
	"een": 1, "één": 1, "twee": 2, "drie": 3, "vijf": 5, "zes": 6, "zeven": 7, "tien": 10, "twaalf": 12,
	"um": 1, "uma": 1, "dois": 2, "duas": 2, "três": 3, "sete": 7, "dez": 10, "doze": 12,
	"en": 1, "ett": 1, "två": 2, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "tio": 10, "tolv": 12,
	"ei": 1, "eitt": 1, "eit": 1, "ein ": 1, "to": 2, "fire": 4, "seks": 6, "syv": 7, "ti": 10, "et": 1,
	"yksi": 1, "yhden": 1, "yhdeksi": 1, "kaksi": 2, "kahden": 2, "kolme": 3, "kolmen": 3, "neljä": 4, "viisi": 5, "viiden": 5, "kuusi": 6, "kuuden": 6, "seitsemän": 7, "kymmenen": 10, "kaksitoista": 12,
	"üks": 1, "ühe": 1, "kaks": 2, "kahe": 2, "kolm": 3, "neli": 4, "nelja": 4, "viis": 5, "viie": 5, "kuus": 6, "kuue": 6, "seitse": 7, "kümme": 10, "kümne": 10, "kaksteist": 12,
	"jeden": 1, "jednego": 1, "jedna": 1, "dwa": 2, "dwóch": 2, "trzy": 3, "trzech": 3, "cztery": 4, "pięć": 5, "pięciu": 5, "sześć": 6, "siedem": 7, "dziesięć": 10, "dwanaście": 12,
	"jednoho": 1, "dva": 2, "dvou": 2, "tři": 3, "tří": 3, "čtyři": 4, "pět": 5, "šest": 6, "sedm": 7, "deset": 10, "dvanáct": 12,
}

// unitWords are time units and their length in days.
var unitWords = []struct {
	days  int
	words string
}{
	{365, "year|years|an|ans|année|années|jahr|jahre|jahren|jahres|año|años|anno|anni|jaar|jaren|ano|anos|år|året|åren|åra|vuosi|vuotta|vuoden|vuodeksi|vuodessa|aasta|aastat|aastaks|aastani|rok|roku|lata|lat|latach|let|roky|rokem"},
	{30, "month|months|mois|monat|monate|monaten|monats|mes|meses|mese|mesi|maand|maanden|mês|månad|månader|månaderna|måned|måneder|månadar|kuukausi|kuukautta|kuukauden|kuukaudeksi|kuu|kuud|kuuks|kuu jooksul|miesiąc|miesiące|miesięcy|měsíc|měsíce|měsíců"},
	{7, "week|weeks|semaine|semaines|woche|wochen|semana|semanas|settimana|settimane|weken|vecka|veckor|uke|uker|veke|veker|uge|uger|viikko|viikkoa|viikon|nädal|nädalat|tydzień|tygodnie|tygodni|týden|týdny|týdnů"},
	{1, "day|days|jour|jours|tag|tage|tagen|día|días|giorno|giorni|dag|dagen|dia|dias|dagar|dager|dage|dagane|päivä|päivää|päivän|päev|päeva|päevad|päevaks|dzień|dni|dny|dnů|dnů"},
}

// lexMatcher is the compiled lexicon, built once.
type lexMatcher struct {
	m    *matcher
	keys []keyword
}

var (
	lexOnce sync.Once
	lex     *lexMatcher
)

func lexiconMatcher() *lexMatcher {
	lexOnce.Do(func() {
		l := &lexMatcher{}
		var pats []matchPattern
		type entry struct {
			w string
			k keyword
		}
		seen := map[entry]bool{}
		add := func(w string, k keyword) {
			// Languages share words ("an": a year in French and in
			// Romanian); one keyword per meaning.
			if seen[entry{w, k}] {
				return
			}
			seen[entry{w, k}] = true
			pats = append(pats, parsePattern(w, len(l.keys)))
			l.keys = append(l.keys, k)
			if strings.Contains(w, "'") {
				// Pages write the apostrophe either way; text is normalised
				// to ' but keep patterns robust to raw input too.
				pats = append(pats, parsePattern(strings.ReplaceAll(w, "'", "\u2019"), len(l.keys)))
				l.keys = append(l.keys, k)
			}
		}
		for _, e := range lexicon {
			for _, w := range words(e.words) {
				add(w, keyword{cue: e.cue})
			}
		}
		for _, a := range authorities {
			for _, w := range words(a.words) {
				add(w, keyword{cue: cAuthority, val: a.name})
			}
		}
		for _, mc := range mechanisms {
			for _, w := range words(mc.words) {
				add(w, keyword{cue: cMechanism, val: mc.id})
			}
		}
		for _, c := range countries {
			for _, w := range words(c.words) {
				add(w, keyword{cue: cCountry, val: c.code})
			}
		}
		for _, r := range rightsLex {
			for _, w := range words(r.words) {
				add(w, keyword{cue: cRight, val: r.id})
			}
		}
		for w, n := range numberWords {
			add(strings.TrimSpace(w), keyword{cue: cNumWord, n: n})
		}
		for _, u := range unitWords {
			for _, w := range words(u.words) {
				add(w, keyword{cue: cUnit, n: u.days})
			}
		}
		euKeywords(add)
		l.m = newMatcher(pats)
		lex = l
	})
	return lex
}
