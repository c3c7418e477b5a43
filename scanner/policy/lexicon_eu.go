package policy

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// The languages of the EU the first lexicon did not cover (lexicon.go holds
// en fr de es it nl pt sv nb nn da fi et pl cs), one block of data each:
// what a shop's privacy policy in that language writes for the controller,
// purposes, legal bases, retention, rights, a complaint to the supervisory
// authority, transfers, the DPO, recipients and "we do not respond to Do Not
// Track". Keywords follow the lexicon's notation: lower case, '|' between
// entries, "stem*" may continue, "*end" may end a compound. Words short
// enough to be words of another language ("date", "see", "es", "sad",
// "let", "met") are left out or written as phrases.

// langLex is one language's vocabulary.
type langLex struct {
	lang string
	// detect are frequent function words and policy words, for language
	// detection (space separated); letters are letters that point to it.
	detect  string
	letters string
	// months are the month names and inflected forms, January first.
	months [12]string
	// numbers are small numbers as words; units are the words for year,
	// month, week and day ('|' separated).
	numbers     map[string]int
	units       [4]string
	cues        map[cue]string
	rights      map[string]string // right id -> keywords
	mechanisms  map[string]string // mechanism id -> keywords
	authorities map[string]string // display name -> keywords
	countries   map[string]string // ISO code, "EU" or "EEA" -> keywords
	roles       map[string]string // recipient role -> lower-case substrings
	forms       []string          // company forms as written
	formCountry string            // the country those forms name
	enum        []string          // words opening an enumeration ("such as")
	nameStop    []string          // capitalised words that start a sentence, not a name
}

// unitDays are the lengths of langLex.units.
var unitDays = [4]int{365, 30, 7, 1}

// countryNamesEN are the new languages' countries in English and in the
// other languages' words, so "stored in Romania" is read whatever the
// policy's language.
var countryNamesEN = map[string]string{
	"RO": "romania|roumanie|rumänien|rumania|romania|roemenië|roménia|rumänien|rumænien|romania",
	"HU": "hungary|hongrie|ungarn|hungría|ungheria|hongarije|hungria|ungern|unkari*|ungari*|węgr*|maďarsk*",
	"SK": "slovakia|slovaquie|slowakei|eslovaquia|slovacchia|slowakije|eslováquia|slovakien|slovakia|słowacj*|slovensk*",
	"SI": "slovenia|slovénie|slowenien|eslovenia|slovenia|slovenië|eslovénia|slovenien|słoweni*|slovinsk*",
	"HR": "croatia|croatie|kroatien|croacia|croazia|kroatië|croácia|kroatien|kroatia|chorwacj*|chorvatsk*",
	"LT": "lithuania|lituanie|litauen|lituania|litouwen|lituânia|liettua*|leedu*|litw*|litv*",
	"LV": "latvia|lettonie|lettland|letonia|lettonia|letland|letónia|latvia*|läti|łotw*|lotyšsk*",
	"MT": "malta|malte",
	"BG": "bulgaria|bulgarie|bulgarien|bulgarije|bulgária|bulgaria*|bułgari*|bulharsk*",
	"GR": "greece|grèce|griechenland|grecia|griekenland|grécia|grekland|hellas|kreikka*|kreeka*|grecj*|řeck*",
	"CY": "cyprus|chypre|zypern|chipre|cipro|cypern|kypros|cypr",
	"IS": "iceland|islande|island|islandia|islanda|ijsland|islândia",
	"LI": "liechtenstein",
	"NZ": "new zealand|nouvelle-zélande|neuseeland|nueva zelanda|nuova zelanda|nieuw-zeeland|nova zelândia|nya zeeland|new zealand|uusi-seelanti|nowa zelandia|nový zéland",
	"AU": "australia|australie|australien|austrália|australië",
	"JP": "japan|japon|japón|giappone|japão|japani|jaapan|japonia|japonsko",
	"SG": "singapore|singapour|singapur|singapura",
	"IL": "israel|israël|israele|izrael|israeli",
	"KR": "south korea|corée du sud|südkorea|corea del sur|corea del sud|zuid-korea|coreia do sul|sydkorea|korea południowa",
	"BR": "brazil|brésil|brasilien|brasil|brasile|brazilië|brazylia|brazílie",
}

// euLexicons are the eleven languages, in ISO order.
var euLexicons = []langLex{
	{
		lang:    "bg",
		detect:  "и на за да в с от се по е са които която който или не като това тези при вашите лични данни данните нашия ние вие ви нас обработване обработването обработваме поверителност може можете съгласно чрез към след",
		letters: "ъщ",
		months:  [12]string{"януари яну", "февруари фев", "март мар", "април апр", "май", "юни", "юли", "август авг", "септември сеп", "октомври окт", "ноември ное", "декември дек"},
		numbers: map[string]int{"един": 1, "една": 1, "два": 2, "две": 2, "три": 3, "четири": 4, "пет": 5, "шест": 6, "седем": 7, "десет": 10, "дванадесет": 12},
		units:   [4]string{"година|години|годината", "месец|месеца|месеци", "седмица|седмици", "ден|дни|дена"},
		cues: map[cue]string{
			cDNT:              "не проследявай|не ме проследявай|не проследявайте",
			cGPC:              "глобален контрол на поверителността",
			cSimilarMech:      "подобни механизми|подобни сигнали",
			cBrowserSignal:    "браузър*|браузъри*|сигнал*",
			cHonor:            "отговаряме|отговаря|зачита*|спазва*|съобразява*|поддържа*|уважава*|реагира*|взимаме предвид|вземаме предвид",
			cIgnore:           "игнорира*",
			cNeg:              "не|никога|нито|никакви",
			cIf:               "ако|когато",
			cDateLabel:        "последна актуализация|последно актуализирана|последно актуализиран|актуализирана на|в сила от|последна редакция|дата на последна промяна",
			cController:       "администратор|администраторът|администратора|администратор на лични данни",
			cRegistry:         "еик|булстат|ддс номер|идентификационен номер",
			cDPO:              "длъжностно лице по защита на данните|длъжностното лице по защита на данните",
			cPhoneWord:        "тел.|телефон",
			cStreet:           "ул.|улица|бул.|булевард",
			cPurpose:          "цел|цели|целта|целите|целите на",
			cLegalBasis:       "правно основание|правното основание|правни основания|правните основания|чл. 6",
			cLegitInterest:    "легитимен интерес|легитимния интерес|легитимните интереси|законен интерес|законния интерес|законните интереси",
			cLegalObligation:  "законово задължение|законови задължения|законовите задължения|правно задължение|законово изискване|законите изисквания",
			cContractWord:     "договор*",
			cFulfil:           "изпълнение|изпълнението|сключване|сключването",
			cBasedOn:          "въз основа на|на основание",
			cVitalInterest:    "жизненоважни интереси|жизненоважните интереси",
			cPublicTask:       "обществен интерес|обществения интерес",
			cRetainVerb:       "съхранява*|пазим|изтрива*|заличава*",
			cRetainNoun:       "срок на съхранение|срок за съхранение|срокове на съхранение|срокът на съхранение|период на съхранение|съхранение на данните",
			cAsLongAs:         "докато|за срока на|за времето на",
			cHowLong:          "колко дълго|за какъв срок",
			cRightWord:        "право|права|правото|правата",
			cCan:              "можете|имате възможност",
			cPersonalData:     "лични данни|личните данни|личните ви данни|вашите данни|данните ви",
			cUseVerb:          "обработваме|използваме",
			cWith:             "с вашето съгласие|само с|единствено с",
			cContactForm:      "форма за контакт|формата за контакт|контактна форма",
			cRequest:          "поискате|искане|искания",
			cComplaint:        "жалба|жалби|оплакване",
			cAuthorityGeneric: "надзорен орган|надзорния орган|надзорния орган",
			cRecipient:        "получател*|обработващ*|доставчи*|куриер*|партньор*",
			cThirdParty:       "трети лица|трети страни|трето лице",
			cTransfer:         "предава*|предаване|трансфер*",
			cThirdCountry:     "трети държави|трета държава|извън ес|извън еип|извън европейския съюз|извън европейското икономическо пространство",
			cCookie:           "бисквитк*",
			cIP:               "ip адрес*",
			cAnonymise:        "анонимиз*|съкращава*",
			cStore:            "съхранявани|съхраняват се|сървър*",
			cWorldwide:        "по целия свят",
			cConsent:          "съгласие|съгласието|съгласия",
			cMarketing:        "маркетинг*|бюлетин*|реклам*",
			cAnalytics:        "анализ*|статистик*|аналитич*",
			cSell:             "продаваме|продава*|продажба",
			cShare:            "споделяме|сподел*",
			cCommercial:       "търговск*",
			cHowTo:            "изтриете|изтриване на бисквитки|блокира*|деактивира*|настройки*|откажете",
			cExample:          "например|напр.",
			cPolicyLink:       "политика за поверителност на|повече информация|допълнителна информация",
			cFooter:           "всички права запазени",
			cLegalForm:        "еоод|оод|ад|еад",
		},
		rights: map[string]string{
			"access": "достъп*", "rectification": "коригиране|коригира*|поправяне", "erasure": "изтриване|заличаване|да бъдете забравени|забравен",
			"restriction": "ограничаване|ограничение", "portability": "преносимост*", "objection": "възражение|възрази*",
			"withdraw_consent": "оттегли*|оттегляне", "automated_decisions": "автоматизирано вземане на решения|автоматизирани решения",
		},
		mechanisms: map[string]string{
			"scc":      "стандартни договорни клаузи|стандартните договорни клаузи",
			"adequacy": "решение относно адекватното ниво|решение за адекватност|адекватно ниво на защита",
		},
		authorities: map[string]string{"КЗЛД": "кзлд|комисия за защита на личните данни|комисията за защита на личните данни"},
		countries: map[string]string{
			"BG": "българия", "US": "сащ|съединените щати|съединените американски щати", "EU": "европейския съюз|европейски съюз|ес",
			"EEA": "европейското икономическо пространство|еип", "DE": "германия", "IE": "ирландия", "NL": "нидерландия|холандия",
		},
		roles: map[string]string{"payment": "плащан", "delivery": "куриер|доставк|спиди|еконт", "invoicing": "фактур", "accounting": "счетовод", "hosting": "хостинг|сървър", "email": "бюлетин|имейл", "marketing": "реклам|маркетинг"},
		forms: []string{"ЕООД", "ООД", "ЕАД", "АД"}, formCountry: "BG",
		enum:     []string{"като например", "например", "като"},
		nameStop: []string{"Ние", "Вие", "Ако", "Когато", "Администратор", "Данните", "Ваште"},
	},
	{
		lang:    "el",
		detect:  "και το της του την να σε με για από τα των που είναι ή δεν στο στην στα στους οι η ο θα μας σας προσωπικά δεδομένα δεδομένων επεξεργασία απορρήτου ως κατά όπως αυτά αυτή μπορείτε έχετε σύμφωνα",
		letters: "αβγδεζηθικλμνξοπρστυφχψωάέήίόύώςϊΐ",
		months: [12]string{
			"ιανουαρίου ιανουάριος ιαν", "φεβρουαρίου φεβρουάριος φεβ", "μαρτίου μάρτιος μαρ", "απριλίου απρίλιος απρ", "μαΐου μαίου μάιος",
			"ιουνίου ιούνιος ιουν", "ιουλίου ιούλιος ιουλ", "αυγούστου αύγουστος αυγ", "σεπτεμβρίου σεπτέμβριος σεπ", "οκτωβρίου οκτώβριος οκτ",
			"νοεμβρίου νοέμβριος νοε", "δεκεμβρίου δεκέμβριος δεκ",
		},
		numbers: map[string]int{"ένα": 1, "έναν": 1, "μία": 1, "μια": 1, "δύο": 2, "τρία": 3, "τρεις": 3, "τέσσερα": 4, "τέσσερις": 4, "πέντε": 5, "έξι": 6, "επτά": 7, "δέκα": 10, "δώδεκα": 12},
		units:   [4]string{"έτος|έτη|ετών|χρόνια|χρόνο|χρόνων", "μήνα|μήνες|μηνών", "εβδομάδα|εβδομάδες|εβδομάδων", "ημέρα|ημέρες|ημερών|μέρες|μερών"},
		cues: map[cue]string{
			cDNT:              "μην παρακολουθείτε|μη με παρακολουθείτε|μην με παρακολουθείς|χωρίς παρακολούθηση",
			cGPC:              "παγκόσμιος έλεγχος απορρήτου|παγκόσμιου ελέγχου απορρήτου",
			cSimilarMech:      "παρόμοιους μηχανισμούς|παρόμοιων μηχανισμών|παρόμοια σήματα",
			cBrowserSignal:    "πρόγραμμα περιήγησης|προγράμματος περιήγησης|προγράμματα περιήγησης|σήμα|σήματα|σημάτων|σήματος",
			cHonor:            "ανταποκρι*|σεβόμαστε|σέβεται|τηρούμε|λαμβάνουμε υπόψη|αναγνωρίζουμε|υποστηρίζουμε|υποστηρίζει|απαντούμε",
			cIgnore:           "αγνοούμε|αγνοεί",
			cNeg:              "δεν|μην|μη|ούτε|ποτέ|κανένα|καμία",
			cIf:               "εάν|αν|όταν|σε περίπτωση που",
			cDateLabel:        "τελευταία ενημέρωση|τελευταία τροποποίηση|ενημερώθηκε|ισχύει από|σε ισχύ από|ημερομηνία τελευταίας ενημέρωσης|τελευταία αναθεώρηση",
			cController:       "υπεύθυνος επεξεργασίας|υπεύθυνο επεξεργασίας|υπευθύνου επεξεργασίας|υπεύθυνη επεξεργασίας",
			cRegistry:         "αφμ|α.φ.μ.|γεμη|γ.ε.μη.|αρ. γεμη",
			cDPO:              "υπεύθυνος προστασίας δεδομένων|υπεύθυνο προστασίας δεδομένων|υπευθύνου προστασίας δεδομένων",
			cPhoneWord:        "τηλ.|τηλέφωνο|τηλ",
			cStreet:           "οδός|οδό|λεωφόρος|λεωφ.",
			cPurpose:          "σκοπ*",
			cLegalBasis:       "νομική βάση|νομικής βάσης|νομικές βάσεις|νόμιμη βάση|νομιμοποιητική βάση|άρθρο 6|άρθ. 6",
			cLegitInterest:    "έννομο συμφέρον|έννομου συμφέροντος|έννομα συμφέροντα|εννόμων συμφερόντων|έννομων συμφερόντων",
			cLegalObligation:  "νομική υποχρέωση|νομικής υποχρέωσης|νομικές υποχρεώσεις|νομικών υποχρεώσεων|έννομη υποχρέωση|φορολογική νομοθεσία",
			cContractWord:     "σύμβαση|σύμβασης|συμβάσεως|συμβάσεις|σύμβασ*",
			cFulfil:           "εκτέλεση|εκτέλεσης|σύναψη|σύναψης",
			cBasedOn:          "βάσει|με βάση|στη βάση",
			cVitalInterest:    "ζωτικά συμφέροντα|ζωτικού συμφέροντος|ζωτικών συμφερόντων",
			cPublicTask:       "δημόσιο συμφέρον|δημοσίου συμφέροντος",
			cRetainVerb:       "διατηρ*|αποθηκεύ*|διαγράφ*|τηρούνται",
			cRetainNoun:       "χρόνος διατήρησης|διάρκεια διατήρησης|περίοδος διατήρησης|διατήρηση δεδομένων|χρονικό διάστημα διατήρησης",
			cAsLongAs:         "όσο διαρκεί|για όσο|καθ' όλη τη διάρκεια",
			cHowLong:          "για πόσο χρονικό διάστημα|για πόσο καιρό|πόσο χρόνο",
			cRightWord:        "δικαίωμα|δικαιώματα|δικαιωμάτων|δικαιώματός",
			cCan:              "μπορείτε|έχετε τη δυνατότητα",
			cPersonalData:     "προσωπικά δεδομένα|προσωπικά σας δεδομένα|προσωπικών δεδομένων|δεδομένα προσωπικού χαρακτήρα|τα δεδομένα σας",
			cUseVerb:          "χρησιμοποιούμε|επεξεργαζόμαστε",
			cWith:             "με τη συγκατάθεσή σας|μόνο με|μόνο εφόσον",
			cContactForm:      "φόρμα επικοινωνίας|φόρμας επικοινωνίας",
			cRequest:          "ζητήσετε|αίτημα|αίτηση",
			cComplaint:        "καταγγελία|καταγγελίας|προσφυγή|παράπονο",
			cAuthorityGeneric: "εποπτική αρχή|εποπτικής αρχής|αρμόδια αρχή",
			cRecipient:        "αποδέκτ*|εκτελούντ*|εκτελών την επεξεργασία|πάροχ*|συνεργάτ*|μεταφορικ*|ταχυμεταφορ*|courier",
			cThirdParty:       "τρίτους|τρίτα μέρη|τρίτων|τρίτο μέρος|τρίτοι",
			cTransfer:         "διαβίβαση|διαβίβασης|διαβιβάζ*|διαβιβάσ*|διαβιβασ*|μεταφορά δεδομένων",
			cThirdCountry:     "τρίτες χώρες|τρίτη χώρα|τρίτων χωρών|εκτός ε.ε.|εκτός εε|εκτός του εοχ|εκτός της ευρωπαϊκής ένωσης|εκτός ευρωπαϊκής ένωσης",
			cCookie:           "μπισκότ*",
			cIP:               "διεύθυνση ip|διευθύνσεις ip",
			cAnonymise:        "ανωνυμοποι*|ανωνυμοποί*|ανώνυμ*",
			cStore:            "αποθηκεύονται|αποθηκευμένα|διακομιστ*|φιλοξεν*",
			cWorldwide:        "σε όλο τον κόσμο|παγκοσμίως",
			cConsent:          "συγκατάθεσ*|συγκαταθ*|συναίνεσ*|συναιν*",
			cMarketing:        "εμπορική προώθηση|εμπορικής προώθησης|μάρκετινγκ|διαφήμισ*|διαφημιστικ*|ενημερωτικό δελτίο|ενημερωτικού δελτίου",
			cAnalytics:        "στατιστικ*|ανάλυσ*|αναλυτικ*",
			cSell:             "πωλούμε|πουλάμε|πώληση|πωλ*",
			cShare:            "κοινοποιούμε|μοιραζόμαστε|κοινοποί*",
			cCommercial:       "εμπορικ*",
			cHowTo:            "να διαγράψετε|αποκλεισμό|απενεργοποίηση|απενεργοποιήσετε|ρυθμίσεις|ρυθμίσεων|απορρίψετε",
			cExample:          "για παράδειγμα|π.χ.",
			cPolicyLink:       "πολιτική απορρήτου της|περισσότερες πληροφορίες",
			cFooter:           "με επιφύλαξη παντός δικαιώματος|όλα τα δικαιώματα διατηρούνται",
			cLegalForm:        "α.ε.|ε.π.ε.|ι.κ.ε.|ο.ε.|μ.ι.κ.ε.",
		},
		rights: map[string]string{
			"access": "πρόσβαση|πρόσβασης", "rectification": "διόρθωση|διόρθωσης", "erasure": "διαγραφή|διαγραφής|λήθη|λήθης",
			"restriction": "περιορισμ*", "portability": "φορητότητα|φορητότητας", "objection": "εναντίωση|εναντίωσης|αντίρρηση",
			"withdraw_consent": "ανάκληση|ανάκλησης|ανακαλέσετε", "automated_decisions": "αυτοματοποιημένη λήψη αποφάσεων|αυτοματοποιημένης λήψης αποφάσεων|αυτοματοποιημένες αποφάσεις",
		},
		mechanisms: map[string]string{
			"scc":      "τυποποιημένες συμβατικές ρήτρες|τυποποιημένων συμβατικών ρητρών|τυπικές συμβατικές ρήτρες|τυπικών συμβατικών ρητρών",
			"adequacy": "απόφαση επάρκειας|απόφασης επάρκειας|επαρκές επίπεδο προστασίας",
		},
		authorities: map[string]string{"ΑΠΔΠΧ": "αρχή προστασίας δεδομένων προσωπικού χαρακτήρα|αρχή προστασίας δεδομένων|αρχής προστασίας δεδομένων|απδπχ"},
		countries: map[string]string{
			"GR": "ελλάδα|ελλάδας|ελλάδος", "US": "ηπα|η.π.α.|ηνωμένες πολιτείες|ηνωμένων πολιτειών", "EU": "ευρωπαϊκή ένωση|ευρωπαϊκής ένωσης|ε.ε.|εε",
			"EEA": "ευρωπαϊκός οικονομικός χώρος|ευρωπαϊκού οικονομικού χώρου|εοχ|ε.ο.χ.", "CY": "κύπρος|κύπρο|κύπρου", "DE": "γερμανία|γερμανίας", "IE": "ιρλανδία|ιρλανδίας",
		},
		roles: map[string]string{"payment": "πληρωμ", "delivery": "courier|ταχυμεταφορ|μεταφορικ|αποστολ", "invoicing": "τιμολόγ", "accounting": "λογιστ", "hosting": "φιλοξεν|διακομιστ", "email": "ενημερωτικό δελτίο|email", "marketing": "διαφήμισ|μάρκετινγκ"},
		forms: []string{"Α.Ε.", "Ε.Π.Ε.", "Ι.Κ.Ε.", "Μ.Ι.Κ.Ε.", "Ο.Ε."}, formCountry: "GR",
		enum:     []string{"όπως", "π.χ.", "για παράδειγμα"},
		nameStop: []string{"Η", "Ο", "Το", "Οι", "Τα", "Εμείς", "Εάν", "Αν", "Για"},
	},
	{
		lang:    "ga",
		detect:  "agus an na ar is le do sonraí pearsanta ár bhur faoi atá go sé sin seo ní mar chun ag ó nó nach bhfuil iad leis linn dúinn féidir cearta toiliú próiseáil",
		letters: "",
		months:  [12]string{"eanáir", "feabhra", "márta", "aibreán", "bealtaine", "meitheamh", "iúil", "lúnasa", "", "", "samhain", "nollaig"},
		numbers: map[string]int{"dhá": 2, "trí": 3, "ceithre": 4, "cúig": 5, "sé": 6, "seacht": 7, "deich": 10},
		units:   [4]string{"bliain|bliana|blianta|mbliana", "mí|mhí|míonna|mhíonna", "seachtain|seachtaine|seachtainí", "lá|lae|laethanta"},
		cues: map[cue]string{
			cDNT:              "ná rianaigh|ná lorgaigh",
			cGPC:              "rialú domhanda príobháideachta",
			cSimilarMech:      "meicníochtaí comhchosúla|comharthaí comhchosúla",
			cBrowserSignal:    "brabhsálaí*|bhrabhsálaí*|comhartha*|chomhartha*",
			cHonor:            "freagraímid|fhreagraímid|urramaímid|n-urramaímid|tacaímid|thacaímid|aithnímid|n-aithnímid|cloímid|gcloímid|tugaimid aird|thugaimid aird",
			cNeg:              "ní|níl|gan|riamh",
			cIf:               "má",
			cDateLabel:        "nuashonraithe|nuashonrú deireanach|an nuashonrú is déanaí|arna nuashonrú|i bhfeidhm ó|dáta an nuashonraithe",
			cController:       "rialaitheoir*|an rialaitheoir sonraí",
			cRegistry:         "uimhir chláraithe|uimhir cró|uimhir cháin bhreisluacha",
			cDPO:              "oifigeach cosanta sonraí|an t-oifigeach cosanta sonraí",
			cPhoneWord:        "guthán|fón",
			cStreet:           "sráid|bóthar|ascaill|cearnóg",
			cPurpose:          "cuspóir*|chuspóir*|críche|críocha|chríocha",
			cLegalBasis:       "bunús dlí|bhunús dlí|bunús dlíthiúil|bunúis dhlíthiúla|bunús dlíthiúil",
			cLegitInterest:    "leas dlisteanach|leasanna dlisteanacha",
			cLegalObligation:  "oibleagáid dhlíthiúil|oibleagáidí dlíthiúla|dualgas dlíthiúil|dualgais dhlíthiúla",
			cContractWord:     "conradh|conartha|gconradh|chonradh|gconartha|chonartha",
			cFulfil:           "comhlíonadh|chomhlíonadh|feidhmiú|fheidhmiú",
			cBasedOn:          "ar bhonn|bunaithe ar",
			cVitalInterest:    "leasanna ríthábhachtacha",
			cPublicTask:       "leas an phobail|leas poiblí",
			cRetainVerb:       "coinnímid|coinníonn|coinneáil|choinneáil|coimeádaimid|scriosaimid|scriostar|stóráiltear|stórálaimid",
			cRetainNoun:       "tréimhse choinneála|tréimhsí coinneála|coinneáil sonraí",
			cAsLongAs:         "fad is|chomh fada agus|ar feadh",
			cHowLong:          "cé chomh fada",
			cRightWord:        "ceart|cearta|gceart|gcearta",
			cCan:              "is féidir leat|féadfaidh tú|is féidir libh",
			cPersonalData:     "sonraí pearsanta|do chuid sonraí|bhur sonraí|do shonraí",
			cUseVerb:          "úsáidimid|próiseálaimid|bainimid úsáid",
			cWith:             "le do thoiliú|le toiliú|ach amháin le",
			cContactForm:      "foirm teagmhála",
			cRequest:          "iarraidh|iarratas|iarratais",
			cComplaint:        "gearán*",
			cAuthorityGeneric: "údarás maoirseachta|údarás cosanta sonraí|t-údarás maoirseachta",
			cRecipient:        "faighteoir*|fhaighteoir*|próiseálaí*|bpróiseálaithe|soláthraí*|sholáthraí*|soláthróir*|comhpháirtí*|cúiréir*",
			cThirdParty:       "tríú páirtí|tríú páirtithe|dtríú páirtithe",
			cTransfer:         "aistriú|aistrímid|aistrítear|aistrithe",
			cThirdCountry:     "tríú tír|tríú tíortha|lasmuigh den ae|lasmuigh den lec|lasmuigh den aontas eorpach|taobh amuigh den ae",
			cCookie:           "fianán*|fianáin*",
			cIP:               "seoladh ip|seoltaí ip",
			cAnonymise:        "anaithnid*",
			cStore:            "stóráil*|freastalaithe|freastalaí",
			cWorldwide:        "ar fud an domhain",
			cConsent:          "toiliú|thoiliú|dtoiliú",
			cMarketing:        "margaíocht*|mhargaíocht*|fógraíocht*|nuachtlitir*",
			cAnalytics:        "anailís*|staitistic*",
			cSell:             "díolaimid|dhíolaimid|a dhíol",
			cShare:            "roinnimid|comhroinn*",
			cCommercial:       "tráchtáil*",
			cHowTo:            "a scriosadh|díchumasaigh|socruithe|diúltú",
			cExample:          "mar shampla|m.sh.",
			cPolicyLink:       "polasaí príobháideachta|tuilleadh eolais|breis eolais",
			cFooter:           "gach ceart ar cosaint",
			cLegalForm:        "teo.|teoranta|cga",
		},
		rights: map[string]string{
			"access": "rochtain|teacht ar", "rectification": "ceartú|cheartú", "erasure": "scriosadh|léirscriosadh|dearmad",
			"restriction": "srian*|shrian*", "portability": "iniomparthacht|inaistritheacht", "objection": "agóid*",
			"withdraw_consent": "tarraingt siar|a tharraingt siar", "automated_decisions": "cinnteoireacht uathoibríoch|cinntí uathoibrithe",
		},
		mechanisms: map[string]string{
			"scc":      "clásail chonarthacha chaighdeánacha|clásail chaighdeánacha conartha",
			"adequacy": "cinneadh leordhóthanachta|leibhéal leordhóthanach cosanta",
		},
		authorities: map[string]string{"DPC": "an coimisiún um chosaint sonraí|coimisiún um chosaint sonraí|gcoimisiún um chosaint sonraí"},
		countries: map[string]string{
			"IE": "éire|éirinn|na héireann", "US": "stáit aontaithe|sna stáit aontaithe", "EU": "aontas eorpach|an aontais eorpaigh|ae",
			"EEA": "limistéar eacnamaíoch eorpach|lec",
		},
		roles: map[string]string{"payment": "íocaíocht", "delivery": "seachadadh|cúiréir|an post", "invoicing": "sonrasc", "accounting": "cuntasaíocht", "hosting": "óstáil|freastalaí", "email": "nuachtlitir|ríomhphost", "marketing": "margaíocht|fógraíocht"},
		forms: []string{"Teo.", "Teoranta", "CGA"}, formCountry: "IE",
		enum:     []string{"mar shampla", "mar"},
		nameStop: []string{"Is", "Má", "Ní", "Tá", "Agus", "An", "Na", "Ár", "Le"},
	},
	{
		lang:    "hr",
		detect:  "i za da su ili osobnih podataka podatke obrada obrade obrađujemo voditelj koji koje može možete također pri od pravo ako te kako što je se na u s po ne vam smo vaše vaših naše kojima svoje",
		letters: "đ",
		months: [12]string{"siječanj siječnja", "veljača veljače", "ožujak ožujka", "travanj travnja", "svibanj svibnja", "lipanj lipnja",
			"srpanj srpnja", "kolovoz kolovoza", "rujan rujna", "listopad listopada", "studeni studenoga studenog", "prosinac prosinca"},
		numbers: map[string]int{"jedan": 1, "jedna": 1, "jedne": 1, "dva": 2, "dvije": 2, "tri": 3, "četiri": 4, "pet": 5, "šest": 6, "sedam": 7, "deset": 10, "dvanaest": 12},
		units:   [4]string{"godina|godine|godinu|godinama", "mjesec|mjeseca|mjeseci", "tjedan|tjedna|tjedana", "dan|dana|dani"},
		cues: map[cue]string{
			cDNT:              "ne prati|ne prati me|nemoj me pratiti",
			cGPC:              "globalna kontrola privatnosti",
			cSimilarMech:      "slične mehanizme|sličnih mehanizama|slični mehanizmi|slične signale",
			cBrowserSignal:    "preglednik*|pretraživač*|signal*",
			cHonor:            "odgovaramo|odgovara|poštuj*|poštujemo|uvažava*|podržava*|prepozna*|reagiramo",
			cIgnore:           "zanemaruj*|ignoriramo",
			cNeg:              "ne|nikada|nijedan|niti|nećemo",
			cIf:               "ako|kada|ukoliko",
			cDateLabel:        "zadnje ažuriranje|posljednje ažuriranje|ažurirano|vrijedi od|na snazi od|datum zadnje izmjene|posljednja izmjena",
			cController:       "voditelj obrade|voditelja obrade|voditelj obrade podataka",
			cRegistry:         "oib|mbs|matični broj",
			cDPO:              "službenik za zaštitu podataka|službenika za zaštitu podataka|službenik za zaštitu osobnih podataka|službenika za zaštitu osobnih podataka",
			cStreet:           "ulica|cesta|trg",
			cPurpose:          "svrh*",
			cLegalBasis:       "pravna osnova|pravni temelj|pravne osnove|pravnu osnovu|pravnom osnovom",
			cLegitInterest:    "legitimni interes|legitimnog interesa|legitimnih interesa|legitimne interese|legitimnim interesom",
			cLegalObligation:  "zakonska obveza|zakonske obveze|zakonskih obveza|pravne obveze|pravna obveza|zakonskim obvezama",
			cContractWord:     "ugovor*",
			cFulfil:           "izvršenj*|izvršavanj*|ispunjenj*|sklapanj*",
			cBasedOn:          "na temelju|temeljem|na osnovi",
			cVitalInterest:    "ključnih interesa|životno važnih interesa|ključne interese",
			cPublicTask:       "javnom interesu|javnog interesa",
			cRetainVerb:       "čuva*|pohranj*|brišemo|izbris*",
			cRetainNoun:       "razdoblje čuvanja|razdoblje pohrane|rok čuvanja|vrijeme čuvanja|čuvanje podataka|razdoblju čuvanja",
			cAsLongAs:         "dok|dokle god|tijekom trajanja|za vrijeme trajanja",
			cHowLong:          "koliko dugo",
			cRightWord:        "pravo|prava|pravima",
			cCan:              "možete",
			cPersonalData:     "osobni podaci|osobne podatke|osobnih podataka|vaše podatke|vaših podataka|vaši podaci",
			cUseVerb:          "obrađujemo|koristimo|upotrebljavamo",
			cWith:             "uz vašu privolu|samo uz|isključivo uz",
			cContactForm:      "kontakt obrazac|kontaktni obrazac|obrazac za kontakt",
			cRequest:          "zatražiti|zahtjev*",
			cComplaint:        "pritužb*|podnijeti pritužbu",
			cAuthorityGeneric: "nadzorno tijelo|nadzornom tijelu|nadzornog tijela",
			cRecipient:        "primatelj*|izvršitelj*|pružatelj*|dostavn*|kurirsk*|partneri|partnerima|partnera",
			cThirdParty:       "trećim stranama|treće strane|trećih strana|trećoj strani|trećim osobama|treće osobe",
			cTransfer:         "prijenos*|prenosimo|prosljeđ*|proslijed*",
			cThirdCountry:     "treće zemlje|trećih zemalja|treću zemlju|trećim zemljama|izvan eu|izvan eea|izvan europske unije|izvan europskog gospodarskog prostora",
			cCookie:           "kolačić*",
			cIP:               "ip adres*",
			cAnonymise:        "anonimiz*|skraćuj*",
			cStore:            "pohranjen*|poslužitelj*",
			cWorldwide:        "diljem svijeta|u cijelom svijetu",
			cConsent:          "privol*|suglasnost*",
			cMarketing:        "oglaš*|izravni marketing|promotivn*|newsletter*",
			cAnalytics:        "analitik*|statistik*",
			cSell:             "prodajemo|prodaj*",
			cShare:            "dijelimo|dijeli*",
			cCommercial:       "komercijaln*",
			cHowTo:            "izbrisati|blokirati|onemogućiti|postavk*|odbiti",
			cExample:          "na primjer|npr.",
			cPolicyLink:       "politika privatnosti|više informacija|dodatne informacije",
			cFooter:           "sva prava pridržana",
			cLegalForm:        "d.o.o.|d.d.|j.d.o.o.",
		},
		rights: map[string]string{
			"access": "pristup*", "rectification": "ispravak|ispravka|ispraviti", "erasure": "brisanje|brisanja|zaborav*",
			"restriction": "ograničenje|ograničenja|ograničavanje", "portability": "prenosivost*", "objection": "prigovor*",
			"withdraw_consent": "povući|povlačenje|opoziv*", "automated_decisions": "automatizirano donošenje odluka|automatiziranog donošenja odluka|automatizirano pojedinačno donošenje odluka",
		},
		mechanisms: map[string]string{
			"scc":      "standardne ugovorne klauzule|standardnih ugovornih klauzula|standardnim ugovornim klauzulama",
			"adequacy": "odluka o primjerenosti|odluke o primjerenosti|odluci o primjerenosti|primjerenu razinu zaštite",
		},
		authorities: map[string]string{"AZOP": "azop|agencija za zaštitu osobnih podataka|agenciji za zaštitu osobnih podataka|agencije za zaštitu osobnih podataka"},
		countries: map[string]string{
			"HR": "hrvatsk*", "US": "sjedinjene američke države|sjedinjenim američkim državama|sjedinjenih američkih država|sjedinjene države", "EU": "europska unija|europske unije|europskoj uniji",
			"EEA": "europski gospodarski prostor|europskog gospodarskog prostora|egp", "DE": "njemačk*", "IE": "irsk*",
		},
		roles: map[string]string{"payment": "plaćanj", "delivery": "dostav|kurir|pošt|gls|overseas", "invoicing": "račun", "accounting": "računovodst|knjigovodst", "hosting": "hosting|poslužitelj", "email": "newsletter|e-pošt", "marketing": "oglaš|marketing"},
		forms: []string{"d.o.o.", "j.d.o.o.", "d.d."}, formCountry: "HR",
		enum:     []string{"kao što su", "npr.", "na primjer"},
		nameStop: []string{"Mi", "Vi", "Ako", "Kada", "Voditelj", "Vaše", "Vaši"},
	},
	{
		lang:    "hu",
		detect:  "és az hogy nem egy meg vagy adatok adatait adatkezelés adatkezelő adatkezelési személyes adatokat adatai ön önnek amely amelyek által szerint részére kapcsolatban továbbá esetén alapján jogosult azok ezek illetve valamint is mint csak célja időtartama érintett kezeljük",
		letters: "őű",
		months: [12]string{"január jan", "február febr", "március márc", "április ápr", "május máj", "június jún",
			"július júl", "augusztus aug", "szeptember szept", "október okt", "november nov", "december dec"},
		numbers: map[string]int{"egy": 1, "két": 2, "kettő": 2, "három": 3, "négy": 4, "öt": 5, "hat": 6, "hét": 7, "tíz": 10, "tizenkét": 12},
		units:   [4]string{"év|évig|évet|évre|évvel|éves", "hónap|hónapig|hónapot|hónapra", "hetig|hetet", "nap|napig|napot|napra|napon"},
		cues: map[cue]string{
			cDNT:              "ne kövess*|nyomon követés tiltása",
			cGPC:              "globális adatvédelmi vezérlő*|globális adatvédelmi jelzés*",
			cSimilarMech:      "hasonló mechanizmus*|hasonló jelzés*",
			cBrowserSignal:    "böngész*|*böngésző*|jelzés*|jelzést|jelzésre|jelzésekre",
			cHonor:            "reagál*|tiszteletben tart*|vesszük figyelembe|veszi figyelembe|veszünk figyelembe|tartjuk tiszteletben|tartja tiszteletben|figyelembe vesz*|figyelembe vesszük|figyelembe veszi|támogat*|válaszol*|elismer*",
			cIgnore:           "figyelmen kívül hagy*",
			cNeg:              "nem|soha|semmilyen|nincs",
			cIf:               "ha|amennyiben|abban az esetben",
			cDateLabel:        "utolsó frissítés|utoljára frissítve|utolsó módosítás|hatályos|hatályba lépés|hatálybalépés|érvényes",
			cController:       "adatkezelő|adatkezelőként|adatkezelője|adatkezelőt|adatkezelőnek",
			cRegistry:         "cégjegyzékszám|adószám|cg.",
			cDPO:              "adatvédelmi tisztviselő*",
			cPhoneWord:        "telefonszám|tel.",
			cStreet:           "utca|tér|körút|krt.",
			cPurpose:          "cél|célja|céljából|céljára|célok|céljai|célokból",
			cLegalBasis:       "jogalap*|gdpr 6",
			cLegitInterest:    "jogos érdek*",
			cLegalObligation:  "jogi kötelezettség*|törvényi kötelezettség*|jogszabályi kötelezettség*|számviteli törvény*",
			cContractWord:     "szerződés*",
			cFulfil:           "teljesít*|*teljesítése|megkötés*",
			cBasedOn:          "alapján",
			cVitalInterest:    "létfontosságú érdek*",
			cPublicTask:       "közérdek*",
			cRetainVerb:       "megőrz*|őrizzük|őrzi|őrizzük meg|tárol*|töröl*|törlésre",
			cRetainNoun:       "megőrzési idő*|tárolási idő*|adatkezelés időtartam*|megőrzés ideje",
			cAsLongAs:         "ameddig|amíg|időtartamáig",
			cHowLong:          "meddig",
			cRightWord:        "jog|jogok|joga|jogai|jogát|jogaival|jogosult*",
			cCan:              "kérheti|lehetősége van",
			cPersonalData:     "személyes adat*|adatait",
			cUseVerb:          "kezeljük|használjuk|felhasználjuk|kezelünk",
			cWith:             "hozzájárulásával|az ön hozzájárulásával",
			cContactForm:      "kapcsolatfelvételi űrlap*",
			cRequest:          "kérheti|kérelem|kérelmet|kérés*",
			cComplaint:        "panasz*",
			cAuthorityGeneric: "felügyeleti hatóság*",
			cRecipient:        "címzett*|adatfeldolgozó*|szolgáltató*|szolgáltatónak|partnere*|futárszolgálat*|tárhelyszolgáltató*",
			cThirdParty:       "harmadik fél|harmadik felek|harmadik félnek|harmadik feleknek|harmadik személy*",
			cTransfer:         "továbbít*|átad*",
			cThirdCountry:     "harmadik ország*|eu-n kívül*|európai gazdasági térségen kívül*|egt-n kívül*",
			cCookie:           "süti*|sütik|*sütik",
			cIP:               "ip-cím*",
			cAnonymise:        "anonimiz*|rövidít*",
			cStore:            "tárol*|szerver*|tárhely*",
			cWorldwide:        "világszerte",
			cConsent:          "hozzájárulás*|beleegyez*",
			cMarketing:        "hírlevél*|hírlevelet|hírlevelünk*|reklám*|marketing*",
			cAnalytics:        "statisztik*|analitik*|elemz*",
			cSell:             "értékesít*|eladjuk|adjuk el|adunk el|adja el",
			cShare:            "megoszt*",
			cCommercial:       "kereskedelmi|üzleti célú",
			cHowTo:            "letilt*|beállítás*|kikapcs*|elutasít*",
			cExample:          "például|pl.",
			cPolicyLink:       "adatvédelmi tájékoztatója|adatvédelmi irányelve*|további információ*",
			cFooter:           "minden jog fenntartva",
			cLegalForm:        "kft.|zrt.|nyrt.|bt.|kft",
		},
		rights: map[string]string{
			"access": "hozzáférés*|tájékoztatás kér*", "rectification": "helyesbítés*", "erasure": "törlés*|elfeledtetés*",
			"restriction": "korlátozás*", "portability": "adathordozhatóság*|hordozhatóság*", "objection": "tiltakozás*|tiltakoz*",
			"withdraw_consent": "visszavon*", "automated_decisions": "automatizált döntéshozatal*|automatizált döntés*",
		},
		mechanisms: map[string]string{
			"scc":      "általános adatvédelmi kikötések|általános szerződési kikötések|általános adatvédelmi kikötés*",
			"adequacy": "megfelelőségi határozat*|megfelelő védelmi szint*|megfelelő szintű védelm*",
		},
		authorities: map[string]string{"NAIH": "naih|nemzeti adatvédelmi és információszabadság hatóság*"},
		countries: map[string]string{
			"HU": "magyarország*", "US": "egyesült államok*|amerikai egyesült államok*|usa", "EU": "európai unió*",
			"EEA": "európai gazdasági térség*|egt", "DE": "németország*", "IE": "írország*",
		},
		roles: map[string]string{"payment": "fizet", "delivery": "futár|szállít|kézbesít|posta|csomag", "invoicing": "számlá", "accounting": "könyvel", "hosting": "tárhely", "email": "hírlevél|e-mail", "marketing": "reklám|marketing"},
		forms: []string{"Kft.", "Zrt.", "Nyrt.", "Bt.", "Kft"}, formCountry: "HU",
		enum:     []string{"például", "pl.", "mint"},
		nameStop: []string{"Az", "A", "Ön", "Mi", "Ha", "Amennyiben", "Adatkezelő"},
	},
	{
		lang:    "lt",
		detect:  "ir kad yra su iš arba jūsų mes asmens duomenų duomenis tvarkymas tvarkome kurie kuri taip pat gali galite teisė teisę į bei tai šie šios jums mūsų savo pagal kaip kai jei",
		letters: "ėįųą",
		months: [12]string{"sausis sausio", "vasaris vasario", "kovas kovo", "balandis balandžio", "gegužė gegužės", "birželis birželio",
			"liepa liepos", "rugpjūtis rugpjūčio", "rugsėjis rugsėjo", "spalis spalio", "lapkritis lapkričio", "gruodis gruodžio"},
		numbers: map[string]int{"vienas": 1, "vienerius": 1, "vienerių": 1, "du": 2, "dvejus": 2, "dvejų": 2, "trys": 3, "trejus": 3, "trejų": 3, "keturi": 4, "penki": 5, "penkerius": 5, "penkerių": 5, "šeši": 6, "septyni": 7, "dešimt": 10, "dešimties": 10, "dvylika": 12},
		units:   [4]string{"metai|metų|metus", "mėnuo|mėnesių|mėnesius|mėnesio|mėnesiai", "savaitė|savaites|savaičių", "diena|dienų|dienas|dienos"},
		cues: map[cue]string{
			cDNT:              "nesekti|nesekite",
			cGPC:              "visuotinė privatumo kontrolė|visuotinės privatumo kontrolės",
			cSimilarMech:      "panašius mechanizmus|panašių mechanizmų|panašius signalus",
			cBrowserSignal:    "naršykl*|signal*",
			cHonor:            "*reaguoj*|gerbi*|gerbiame|atsižvelgi*|*palaiko*|*laikomės",
			cNeg:              "ne|niekada|jokių|nei|nereag*|negerb*|nepalaik*|neparduod*|neatsižvelg*|nesidalij*|neperduod*",
			cIf:               "jei|jeigu|kai",
			cDateLabel:        "paskutinį kartą atnaujinta|atnaujinta|paskutinis atnaujinimas|galioja nuo|įsigalioja",
			cController:       "duomenų valdytoj*|valdytojas|valdytoju",
			cRegistry:         "įmonės kodas|juridinio asmens kodas|pvm mokėtojo kodas",
			cDPO:              "duomenų apsaugos pareigūn*",
			cStreet:           "gatvė|gatvės|prospektas",
			cPurpose:          "tiksl*",
			cLegalBasis:       "teisinis pagrindas|teisinį pagrindą|teisiniu pagrindu|teisinio pagrindo|tvarkymo pagrindas|tvarkymo pagrindai",
			cLegitInterest:    "teisėtas interesas|teisėto intereso|teisėtų interesų|teisėtais interesais|teisėtu interesu",
			cLegalObligation:  "teisinė prievolė|teisinės prievolės|teisinių prievolių|teisinę prievolę|įstatymų reikalavim*|teisės aktų reikalavim*",
			cContractWord:     "sutart*",
			cFulfil:           "vykdym*|sudarym*|įvykdym*",
			cBasedOn:          "remiantis|pagrindu",
			cVitalInterest:    "gyvybiniams interesams|gyvybinių interesų",
			cPublicTask:       "viešojo intereso|viešąjį interesą",
			cRetainVerb:       "saugo*|saugome|ištrin*|laikom*",
			cRetainNoun:       "saugojimo laikotarp*|saugojimo terminas|saugojimo trukmė|duomenų saugojimas|saugojimo terminai",
			cAsLongAs:         "tol, kol|kol|visą laikotarpį",
			cHowLong:          "kiek laiko",
			cRightWord:        "teisė|teises|teisę|teisių|teisės",
			cCan:              "galite",
			cPersonalData:     "asmens duomen*|jūsų duomen*",
			cUseVerb:          "tvarkome|naudojame",
			cWith:             "su jūsų sutikimu|tik gavę jūsų sutikimą|tik su",
			cContactForm:      "kontaktų form*|kontaktinė forma",
			cRequest:          "prašyti|prašymą|prašymas|pateikti prašymą",
			cComplaint:        "skund*",
			cAuthorityGeneric: "priežiūros institucij*",
			cRecipient:        "gavėj*|tvarkytoj*|paslaugų teikėj*|teikėj*|kurjer*|partneri*",
			cThirdParty:       "trečiosioms šalims|trečiųjų šalių|trečiosios šalys|trečiąsias šalis|tretiesiems asmenims|trečiųjų asmenų",
			cTransfer:         "perduod*|perdavim*|perduoti",
			cThirdCountry:     "trečiosiose valstybėse|trečiųjų valstybių|trečiąsias valstybes|trečiąją valstybę|už es ribų|už eee ribų|už europos sąjungos ribų|už europos ekonominės erdvės ribų",
			cCookie:           "slapuk*",
			cIP:               "ip adres*",
			cAnonymise:        "anonimiz*|nuasmenin*",
			cStore:            "saugomi|saugomos|serveri*",
			cWorldwide:        "visame pasaulyje",
			cConsent:          "sutikim*|sutinkate",
			cMarketing:        "rinkodar*|naujienlaišk*|reklam*",
			cAnalytics:        "analiti*|statistik*",
			cSell:             "parduod*|pardavim*",
			cShare:            "dalijamės|dalinamės",
			cCommercial:       "komercin*",
			cHowTo:            "ištrinti|blokuoti|išjungti|nustatym*|atsisakyti",
			cExample:          "pavyzdžiui|pvz.",
			cPolicyLink:       "privatumo politika|daugiau informacijos|išsamiau",
			cFooter:           "visos teisės saugomos",
			cLegalForm:        "uab|všį",
		},
		rights: map[string]string{
			"access": "susipažinti|prieig*|susipažinimo", "rectification": "ištaisyt*|ištaisym*", "erasure": "ištrint*|ištrynim*|pamiršt*",
			"restriction": "apriboti|apribojim*", "portability": "perkeliamum*|perkelti", "objection": "nesutikti|prieštarauti|nesutikimo",
			"withdraw_consent": "atšaukti|atšaukim*", "automated_decisions": "automatizuotų sprendimų|automatizuotas sprendimų priėmimas|automatizuotu sprendimų priėmimu",
		},
		mechanisms: map[string]string{
			"scc":      "standartinės sutarčių sąlygos|standartinių sutarčių sąlygų|standartines sutarčių sąlygas|standartinėmis sutarčių sąlygomis",
			"adequacy": "sprendimas dėl tinkamumo|sprendimą dėl tinkamumo|sprendimu dėl tinkamumo|tinkamo apsaugos lygio|tinkamą duomenų apsaugos lygį",
		},
		authorities: map[string]string{"VDAI": "vdai|valstybinė duomenų apsaugos inspekcija|valstybinei duomenų apsaugos inspekcijai|valstybinės duomenų apsaugos inspekcijos"},
		countries: map[string]string{
			"LT": "lietuv*", "US": "jungtinės amerikos valstijos|jungtinėse amerikos valstijose|jungtinių amerikos valstijų|jav", "EU": "europos sąjung*",
			"EEA": "europos ekonominė erdvė|europos ekonominės erdvės|europos ekonominėje erdvėje", "DE": "vokietij*", "IE": "airij*",
		},
		roles: map[string]string{"payment": "mokėj", "delivery": "kurjer|pristat|siunt|paštomat|omniva|dpd", "invoicing": "sąskait", "accounting": "apskait|buhalter", "hosting": "talpin|server", "email": "naujienlaišk|el. pašt", "marketing": "rinkodar|reklam"},
		forms: []string{"UAB", "VšĮ", "AB"}, formCountry: "LT",
		enum:     []string{"pavyzdžiui", "pvz.", "kaip antai", "tokiems kaip", "tokie kaip"},
		nameStop: []string{"Mes", "Jūs", "Jei", "Jeigu", "Kai", "Jūsų", "Mūsų"},
	},
	{
		lang:    "lv",
		detect:  "un ir ka ar uz vai jūsu mēs personas datu datus apstrāde apstrādes apstrādājam pārzinis kas kā arī var varat tiesības no par lai mūsu jums tiek to šo šie savus kuri kuras",
		letters: "āēīģķļņ",
		months: [12]string{"janvāris janvārī janvāra", "februāris februārī februāra", "marts martā marta", "aprīlis aprīlī aprīļa", "maijs maijā maija", "jūnijs jūnijā jūnija",
			"jūlijs jūlijā jūlija", "augusts augustā augusta", "septembris septembrī septembra", "oktobris oktobrī oktobra", "novembris novembrī novembra", "decembris decembrī decembra"},
		numbers: map[string]int{"viens": 1, "viena": 1, "vienu": 1, "divi": 2, "divus": 2, "trīs": 3, "četri": 4, "četrus": 4, "pieci": 5, "piecus": 5, "seši": 6, "sešus": 6, "septiņi": 7, "desmit": 10, "divpadsmit": 12},
		units:   [4]string{"gads|gadi|gadus|gadiem|gadu", "mēnesis|mēneši|mēnešus|mēnešiem|mēnesi", "nedēļa|nedēļas|nedēļām|nedēļu", "diena|dienas|dienām|dienu"},
		cues: map[cue]string{
			cDNT:              "neizsekot|neizsekošana",
			cGPC:              "globālā privātuma kontrole|globālās privātuma kontroles",
			cSimilarMech:      "līdzīgus mehānismus|līdzīgiem mehānismiem|līdzīgus signālus",
			cBrowserSignal:    "pārlūk*|signāl*",
			cHonor:            "*reaģē*|ievēro*|ņem vērā|ņemam vērā|atbalst*|respektē*",
			cNeg:              "ne|nekad|nav|neviens|nereaģē*|neievēro*|neņem*|neatbalst*|nepārdod*|nenodod*|nekopīgo*",
			cIf:               "ja jūs|ja jums|ja vēlaties|ja jūsu|gadījumā",
			cDateLabel:        "pēdējo reizi atjaunināts|pēdējo reizi atjaunināta|pēdējās izmaiņas|atjaunināts|atjaunināta|spēkā no|stājas spēkā|pēdējā atjaunināšana",
			cController:       "pārzinis|pārzini|pārziņa|datu pārzinis",
			cRegistry:         "reģistrācijas numurs|reģ. nr.|vienotais reģistrācijas numurs|pvn reģistrācijas numurs|reģistrācijas nr.",
			cDPO:              "datu aizsardzības speciālist*",
			cPhoneWord:        "tālrunis|tālr.",
			cStreet:           "iela|ielā|prospekts|bulvāris",
			cPurpose:          "mērķ*|nolūk*",
			cLegalBasis:       "juridiskais pamats|juridiskā pamata|tiesiskais pamats|tiesiskā pamata|apstrādes pamats|juridisko pamatu|tiesisko pamatu|tiesiskais pamatojums",
			cLegitInterest:    "leģitīmās intereses|leģitīmo interešu|leģitīmajām interesēm|leģitīmas intereses|leģitīmu interesi|leģitīmā interese|leģitīmo interesi|likumīgās intereses|likumīgo interešu|likumīgas intereses|likumīgu interesi",
			cLegalObligation:  "juridisku pienākumu|juridisko pienākumu|juridiskā pienākuma|juridiskais pienākums|juridiskos pienākumus|likumisku pienākumu|likumiskā pienākuma|likumiskais pienākums|likumiskos pienākumus|normatīvo aktu prasīb*",
			cContractWord:     "līgum*",
			cFulfil:           "izpild*|noslēgšan*",
			cBasedOn:          "pamatojoties uz|balstoties uz|uz pamata",
			cVitalInterest:    "vitāli svarīgas intereses|vitāli svarīgo interešu|vitālās intereses",
			cPublicTask:       "sabiedrības interes*",
			cRetainVerb:       "glabā*|uzglabā*|dzēš*|dzēsti",
			cRetainNoun:       "glabāšanas termiņ*|glabāšanas periods|uzglabāšanas termiņ*|datu glabāšana",
			cAsLongAs:         "kamēr|tik ilgi|visu laiku",
			cHowLong:          "cik ilgi",
			cRightWord:        "tiesības|tiesību|tiesībām",
			cCan:              "varat",
			cPersonalData:     "personas dat*|jūsu dat*",
			cUseVerb:          "apstrādājam|izmantojam|lietojam",
			cWith:             "ar jūsu piekrišanu|tikai ar",
			cContactForm:      "kontaktformu|kontaktforma|saziņas form*",
			cRequest:          "pieprasīt|pieprasījum*",
			cComplaint:        "sūdzīb*",
			cAuthorityGeneric: "uzraudzības iestād*",
			cRecipient:        "saņēmēj*|apstrādātāj*|pakalpojumu sniedzēj*|sniedzēj*|kurjer*|partneri|partneriem|partneru",
			cThirdParty:       "trešajām personām|trešās personas|trešo personu|trešajām pusēm|trešās puses|trešo pušu",
			cTransfer:         "nodod*|nodošan*|pārsūt*",
			cThirdCountry:     "trešajās valstīs|trešo valstu|trešajām valstīm|trešajā valstī|ārpus es|ārpus eez|ārpus eiropas savienības|ārpus eiropas ekonomikas zonas",
			cCookie:           "sīkdatn*",
			cIP:               "ip adres*",
			cAnonymise:        "anonimiz*",
			cStore:            "glabāti|glabātas|server*",
			cWorldwide:        "visā pasaulē",
			cConsent:          "piekrišan*|piekrītat",
			cMarketing:        "mārketing*|jaunumu vēstul*|reklām*|tirgvedīb*",
			cAnalytics:        "analītik*|statistik*",
			cSell:             "pārdod*|nepārdod*|pārdošan*",
			cShare:            "kopīgo*|dalāmies",
			cCommercial:       "komerc*",
			cHowTo:            "dzēst|bloķēt|atspējot|iestatījum*|noraidīt",
			cExample:          "piemēram|piem.",
			cPolicyLink:       "privātuma politika|vairāk informācijas|plašāka informācija",
			cFooter:           "visas tiesības aizsargātas",
			cLegalForm:        "sia",
		},
		rights: map[string]string{
			"access": "piekļu*|piekļūt", "rectification": "labo*|labošan*", "erasure": "dzēšan*|dzēst|aizmirst*",
			"restriction": "ierobežo*", "portability": "pārnesamīb*|pārnest", "objection": "iebil*",
			"withdraw_consent": "atsaukt|atsaukšan*", "automated_decisions": "automatizētu lēmumu|automatizēta lēmumu|automatizēti lēmumi|automatizētas lēmumu|automatizētā lēmumu",
		},
		mechanisms: map[string]string{
			"scc":      "līguma standartklauzul*|standarta līguma klauzul*|standartlīguma klauzul*",
			"adequacy": "lēmums par aizsardzības līmeņa pietiekamību|lēmumu par aizsardzības līmeņa pietiekamību|lēmuma par aizsardzības līmeņa pietiekamību|pietiekamu aizsardzības līmeni|pietiekama aizsardzības līmeņa",
		},
		authorities: map[string]string{"DVI": "dvi|datu valsts inspekcij*"},
		countries: map[string]string{
			"LV": "latvij*", "US": "amerikas savienotās valstis|amerikas savienotajās valstīs|amerikas savienoto valstu|amerikas savienotajām valstīm|asv", "EU": "eiropas savienīb*",
			"EEA": "eiropas ekonomikas zon*|eez", "DE": "vācij*", "IE": "īrij*",
		},
		roles: map[string]string{"payment": "maksāj", "delivery": "kurjer|piegād|pasta|pakomāt|omniva|dpd", "invoicing": "rēķin", "accounting": "grāmatved", "hosting": "mitinā|server", "email": "jaunumu vēstul|e-past", "marketing": "mārketing|reklām"},
		forms: []string{"SIA", "AS"}, formCountry: "LV",
		enum:     []string{"piemēram", "piem.", "tādiem kā", "tādi kā"},
		nameStop: []string{"Mēs", "Jūs", "Ja", "Jūsu", "Mūsu", "Pārzinis"},
	},
	{
		lang:    "mt",
		detect:  "ta li il data personali tiegħek aħna jew għal fil mill dwar huwa huma tagħna biex hija dawn din dan kull minn għandek tal lill bħala jistgħu nistgħu tista inti jiġu nużaw",
		letters: "ħġċ",
		months:  [12]string{"jannar", "frar", "marzu", "april", "mejju", "ġunju", "lulju", "awwissu", "settembru", "ottubru", "novembru", "diċembru"},
		numbers: map[string]int{"wieħed": 1, "waħda": 1, "żewġ": 2, "tnejn": 2, "tliet": 3, "tlett": 3, "tlieta": 3, "erba'": 4, "ħames": 5, "sitt": 6, "seba'": 7, "għaxar": 10, "tnax": 12},
		units:   [4]string{"sena|snin", "xahar|xhur", "ġimgħa|ġimgħat", "jum|jiem|ġranet"},
		cues: map[cue]string{
			cDNT:              "tintraċċanix|ma ssegwinix",
			cGPC:              "kontroll globali tal-privatezza",
			cSimilarMech:      "mekkaniżmi simili|sinjali simili",
			cBrowserSignal:    "sinjal*|brawżer*",
			cHonor:            "nwieġb*|nirrispettaw*|nirrikonoxx*|nappoġġ*|nonoraw*|nagħtu kas|nagħtux kas",
			cNeg:              "ma nwieġbux|ma nirrispettawx|ma nirrikonoxxux|ma nappoġġawx|ma nagħtux kas|ma nbigħux|ma naqsmux|ma nittrasferixxux|qatt|ebda|lanqas",
			cIf:               "jekk",
			cDateLabel:        "l-aħħar aġġornament|aġġornat fi|aġġornata fi|l-aħħar aġġornata|fis-seħħ minn|data tal-aħħar aġġornament|aġġornata|aġġornat",
			cController:       "kontrollur|il-kontrollur|kontrollur tad-data",
			cRegistry:         "numru ta' reġistrazzjoni|reġistrazzjoni tal-kumpanija|numru tal-vat",
			cDPO:              "uffiċjal tal-protezzjoni tad-data|l-uffiċjal tal-protezzjoni tad-data",
			cStreet:           "triq|it-triq|misraħ",
			cPurpose:          "għan|għanijiet|skop|skopijiet|għall-għanijiet|għall-finijiet|finijiet|l-iskop",
			cLegalBasis:       "bażi legali|bażijiet legali|il-bażi legali|bażi ġuridika",
			cLegitInterest:    "interess leġittimu|interessi leġittimi|l-interess leġittimu|l-interessi leġittimi",
			cLegalObligation:  "obbligu legali|obbligi legali|l-obbligu legali|l-obbligi legali",
			cContractWord:     "kuntratt*",
			cFulfil:           "eżekuzzjoni|l-eżekuzzjoni|twettiq|nwettqu|tlestija",
			cBasedOn:          "abbażi ta'|fuq il-bażi ta'|ibbażat fuq|ibbażata fuq",
			cVitalInterest:    "interessi vitali",
			cPublicTask:       "interess pubbliku",
			cRetainVerb:       "inżommu|nżommu|jinżammu|tinżamm|inħassru|jitħassru|naħżnu|maħżun*",
			cRetainNoun:       "perjodu ta' żamma|żamma tad-data|il-perjodu taż-żamma|perjodi ta' żamma",
			cAsLongAs:         "sakemm|tul iż-żmien",
			cHowLong:          "għal kemm żmien|kemm inżommu",
			cRightWord:        "dritt|drittijiet|id-dritt|id-drittijiet",
			cCan:              "tista'|tistgħu",
			cPersonalData:     "data personali|id-data personali|id-data tiegħek|informazzjoni personali",
			cUseVerb:          "nużaw|nipproċessaw",
			cWith:             "bil-kunsens tiegħek|biss bil-kunsens",
			cContactForm:      "formola ta' kuntatt|il-formola ta' kuntatt",
			cRequest:          "titlob|talba|titolbu",
			cComplaint:        "ilment*|tressaq ilment",
			cAuthorityGeneric: "awtorità superviżorja|l-awtorità superviżorja",
			cRecipient:        "riċevitur*|proċessur*|fornitur*|il-fornituri|sħab|kurrier*",
			cThirdParty:       "partijiet terzi|parti terza|terzi",
			cTransfer:         "trasferiment*|nittrasferixxu|jittrasferixxu|jittrasferixxi|jiġu trasferiti|jiġi trasferit|nittrasferixxux",
			cThirdCountry:     "pajjiżi terzi|pajjiż terz|barra mill-ue|barra miż-żee|barra mill-unjoni ewropea",
			cIP:               "indirizz ip|l-indirizz ip",
			cAnonymise:        "anonimizz*",
			cStore:            "maħżun*|servers|jinżammu",
			cWorldwide:        "madwar id-dinja",
			cConsent:          "kunsens|il-kunsens",
			cMarketing:        "kummerċjalizzazzjoni|reklam*|aħbarijiet",
			cAnalytics:        "analitika|statistika|analiżi",
			cSell:             "nbigħu|jinbigħu|bejgħ|nbigħux",
			cShare:            "naqsmu|naqsmux|naqsam*",
			cCommercial:       "kummerċjal*",
			cHowTo:            "tħassar|timblokka|tiddiżattiva|is-settings|tirrifjuta",
			cExample:          "pereżempju|eż.",
			cPolicyLink:       "il-politika tal-privatezza ta'|aktar informazzjoni",
			cFooter:           "id-drittijiet kollha riżervati",
			cLegalForm:        "p.l.c.|plc",
		},
		rights: map[string]string{
			"access": "aċċess", "rectification": "rettifika|tikkoreġi|korrezzjoni", "erasure": "tħassir|titħassar|li tintesa",
			"restriction": "restrizzjoni|tirrestrinġi", "portability": "portabbiltà", "objection": "oġġezzjoni|toġġezzjona",
			"withdraw_consent": "tirtira|tirtiraw|irtirar", "automated_decisions": "teħid ta' deċiżjonijiet awtomatizzat|deċiżjonijiet awtomatizzati",
		},
		mechanisms: map[string]string{
			"scc":      "klawżoli kuntrattwali standard|klawżoli standard tal-protezzjoni tad-data",
			"adequacy": "deċiżjoni ta' adegwatezza|livell adegwat ta' protezzjoni",
		},
		authorities: map[string]string{"IDPC": "idpc|kummissarju għall-informazzjoni u l-protezzjoni tad-data|information and data protection commissioner"},
		countries: map[string]string{
			"MT": "malta", "US": "l-istati uniti", "EU": "unjoni ewropea|l-unjoni ewropea",
			"EEA": "żona ekonomika ewropea|iż-żona ekonomika ewropea|żee",
		},
		roles: map[string]string{"payment": "ħlas|pagament", "delivery": "kunsinn|kurrier|maltapost|posta", "invoicing": "fattur", "accounting": "kontabilità", "hosting": "hosting|server", "email": "newsletter|email", "marketing": "reklam|marketing"},
		forms: []string{"p.l.c.", "plc"}, formCountry: "MT",
		enum:     []string{"bħal", "pereżempju"},
		nameStop: []string{"Aħna", "Jekk", "Meta", "Il-", "Int", "Inti"},
	},
	{
		lang:    "ro",
		detect:  "și sau pentru care datele datelor personale prelucrarea dumneavoastră noastre nostru este sunt pe în din ale unei unui acestea fi vă putem privind precum cu la nu să se dacă această acest către prin după fost puteți",
		letters: "șşțţă",
		months: [12]string{"ianuarie ian", "februarie feb", "martie mar", "aprilie apr", "mai", "iunie iun",
			"iulie iul", "august aug", "septembrie sept", "octombrie oct", "noiembrie nov", "decembrie dec"},
		numbers: map[string]int{"unu": 1, "doi": 2, "două": 2, "trei": 3, "patru": 4, "cinci": 5, "șase": 6, "șapte": 7, "zece": 10, "douăsprezece": 12},
		units:   [4]string{"an|ani|anul|anului|anilor", "lună|luni|lunii", "săptămână|săptămâni", "zi|zile|zilei"},
		cues: map[cue]string{
			cDNT:              "nu urmări|nu mă urmări",
			cGPC:              "controlul global al confidențialității|control global al confidențialității",
			cSimilarMech:      "mecanisme similare|semnale similare",
			cBrowserSignal:    "semnal*|navigatorul*",
			cHonor:            "răspund*|recunoaștem|recunoaște|luăm în considerare|ținem cont|ține cont|susținem|acceptăm",
			cIgnore:           "ignorăm|ignoră",
			cNeg:              "nu|niciodată|nici|niciun|nicio",
			cIf:               "dacă|în cazul în care",
			cDateLabel:        "ultima actualizare|actualizat la|actualizată la|data ultimei actualizări|în vigoare de la|ultima modificare|data intrării în vigoare",
			cController:       "operator|operatorul|operatorul de date|operatorul datelor|operator de date",
			cRegistry:         "cui:|c.u.i.|cod unic de înregistrare|nr. reg. com.|registrul comerțului|cod fiscal",
			cDPO:              "responsabil cu protecția datelor|responsabilul cu protecția datelor",
			cStreet:           "strada|bulevardul|calea|șoseaua|piața",
			cPurpose:          "scop*|în scopul",
			cLegalBasis:       "temei legal|temeiul legal|temeiul juridic|temei juridic|baza legală|temeiuri legale|temeiurile legale",
			cLegitInterest:    "interes legitim|interesul legitim|interesul nostru legitim|interesele noastre legitime|interesului nostru legitim|interesele legitime|interese legitime|interesului legitim",
			cLegalObligation:  "obligație legală|obligații legale|obligației legale|obligațiilor legale|obligațiile legale",
			cFulfil:           "executarea|execuția|încheierea|îndeplinirea|îndeplini*",
			cBasedOn:          "în baza|pe baza|în temeiul",
			cVitalInterest:    "interese vitale|intereselor vitale",
			cPublicTask:       "interes public",
			cRetainVerb:       "păstr*|șterg*|șterse|arhiv*",
			cRetainNoun:       "perioada de păstrare|perioada de stocare|durata de păstrare|perioadă de păstrare|păstrarea datelor|durata stocării",
			cAsLongAs:         "atât timp cât|cât timp|pe durata|pe toată durata",
			cHowLong:          "cât timp păstrăm|pentru cât timp",
			cRightWord:        "drept|dreptul|drepturi|drepturile|drepturilor",
			cCan:              "puteți|poți",
			cPersonalData:     "date personale|datele personale|date cu caracter personal|datele cu caracter personal|datelor cu caracter personal|datele dumneavoastră|datele tale",
			cUseVerb:          "folosim|utilizăm|prelucrăm|vom folosi|vom utiliza",
			cWith:             "cu acordul dumneavoastră|cu consimțământul dumneavoastră|doar cu|numai cu",
			cContactForm:      "formular de contact|formularul de contact",
			cRequest:          "solicita|solicitare|cerere|să solicitați",
			cComplaint:        "plângere|plângeri",
			cAuthorityGeneric: "autoritatea de supraveghere|autoritate de supraveghere|autoritatea națională de supraveghere",
			cRecipient:        "destinatar*|furnizor*|persoane împuternicite|persoana împuternicită|împuternicit*|parteneri*|prestator*|curier*|firme de curierat",
			cThirdParty:       "terți|terților|terțe părți|părți terțe|terțe",
			cTransfer:         "transmit*",
			cThirdCountry:     "țări terțe|țară terță|în afara ue|în afara uniunii europene|în afara see|în afara spațiului economic european",
			cIP:               "adresa ip|adresei ip",
			cAnonymise:        "trunchi*",
			cStore:            "stocate|găzduit*|serverele|servere",
			cWorldwide:        "în întreaga lume|oriunde în lume",
			cConsent:          "consimțământ*|acordul dumneavoastră",
			cMarketing:        "publicitate|publicitar*|reclam*|comunicări comerciale|buletin informativ",
			cSell:             "vindem|vânzare|vândute",
			cShare:            "partaj*|divulgăm|dezvăluim",
			cHowTo:            "ștergeți|blocați|blocarea|dezactiv*|setări*|setările|refuza*|gestiona*",
			cExample:          "de exemplu|spre exemplu|cum ar fi|de ex.",
			cPolicyLink:       "politica de confidențialitate a|mai multe informații|informații suplimentare",
			cFooter:           "toate drepturile rezervate|dezvoltat de|realizat de",
		},
		rights: map[string]string{
			"access": "acces|accesul|accesare", "rectification": "rectific*", "erasure": "ștergere*|ștergerea|dreptul de a fi uitat|uitat",
			"restriction": "restricțion*|restricționarea|restricţion*", "portability": "portabilit*", "objection": "opoziție|opoziţie|opune",
			"withdraw_consent": "retrage*|retragerea", "automated_decisions": "decizii automatizate|decizie automatizată|decizii individuale automatizate|procese decizionale automatizate",
		},
		mechanisms: map[string]string{
			"scc":      "clauze contractuale standard|clauzele contractuale standard|clauzelor contractuale standard|clauzele contractuale tip",
			"adequacy": "decizie de adecvare|decizia de adecvare|decizii de adecvare|nivel adecvat de protecție",
			"bcr":      "reguli corporatiste obligatorii",
		},
		authorities: map[string]string{"ANSPDCP": "anspdcp|autoritatea națională de supraveghere a prelucrării datelor cu caracter personal"},
		countries: map[string]string{
			"RO": "românia|româniei", "US": "statele unite|statele unite ale americii|sua", "EU": "uniunea europeană|uniunii europene",
			"EEA": "spațiul economic european|spațiului economic european", "DE": "germania|germaniei", "IE": "irlanda|irlandei",
		},
		roles: map[string]string{"payment": "plat", "delivery": "curier|livrare|fan courier|sameday|cargus", "invoicing": "factur", "accounting": "contabil", "hosting": "găzduire|hosting", "email": "newsletter|e-mail", "marketing": "publicit|marketing"},
		forms: []string{"S.R.L.", "SRL", "S.A.", "SA", "S.C."}, formCountry: "RO",
		enum:     []string{"precum", "cum ar fi", "de exemplu"},
		nameStop: []string{"Noi", "Dacă", "Datele", "Acest", "Această", "Aceste", "Operatorul", "Pentru"},
	},
	{
		lang:    "sk",
		detect:  "sa sú alebo pre ktoré ktorý ktorá tieto môžete máte vaše vašich osobných údajov údaje spracúvanie spracúvania spracúvame prevádzkovateľ podľa nám ich aj ako je na v s z do o tiež pri iba ak",
		letters: "ľĺŕô",
		months: [12]string{"január januára", "február februára", "marec marca", "apríl apríla", "máj mája", "jún júna",
			"júl júla", "august augusta", "september septembra", "október októbra", "november novembra", "december decembra"},
		numbers: map[string]int{"jeden": 1, "jedna": 1, "jedného": 1, "dva": 2, "dve": 2, "dvoch": 2, "tri": 3, "troch": 3, "štyri": 4, "päť": 5, "piatich": 5, "šesť": 6, "sedem": 7, "desať": 10, "desiatich": 10, "dvanásť": 12},
		units:   [4]string{"rok|roky|rokov|rokoch|roka", "mesiac|mesiace|mesiacov|mesiaca", "týždeň|týždne|týždňov", "deň|dni|dní|dňa"},
		cues: map[cue]string{
			cDNT:              "nesledovať",
			cGPC:              "globálna kontrola súkromia|globálnej kontroly súkromia",
			cSimilarMech:      "podobné mechanizmy|podobných mechanizmov|podobné signály",
			cBrowserSignal:    "prehliadač*|*prehliadača|signál*",
			cHonor:            "*rešpektuj*|*zohľadňuj*|*dodržiava*|*reagujeme|*podporujeme|berieme ohľad",
			cNeg:              "nie|nikdy|žiadne|ani|nereaguj*|nerešpektuj*|nepodporuj*|nezohľadňuj*|nepredáva*|nezdieľa*|neposkytuj*",
			cIf:               "ak|pokiaľ|keď",
			cDateLabel:        "posledná aktualizácia|naposledy aktualizované|aktualizované|účinnosť od|účinné od|platné od|dátum poslednej aktualizácie",
			cController:       "prevádzkovateľ|prevádzkovateľom|prevádzkovateľa",
			cRegistry:         "ič dph|obchodný register|obchodného registra",
			cDPO:              "zodpovedná osoba|zodpovednej osoby|zodpovednú osobu",
			cStreet:           "ulica|nám.",
			cPurpose:          "účel*|na účely|za účelom",
			cLegalBasis:       "právny základ|právnym základom|právneho základu|právne základy",
			cLegitInterest:    "oprávnený záujem|oprávneného záujmu|oprávnených záujmov|oprávnené záujmy|oprávnenom záujme",
			cLegalObligation:  "zákonná povinnosť|zákonnej povinnosti|zákonných povinností|právna povinnosť|právnej povinnosti|zákonné povinnosti",
			cContractWord:     "zmluv*",
			cFulfil:           "plnenie|plnenia|plnení|uzatvorenie",
			cBasedOn:          "na základe",
			cVitalInterest:    "životne dôležit*",
			cPublicTask:       "verejnom záujme|verejného záujmu",
			cRetainVerb:       "uchováva*|vymaž*|vymazan*|ukladá*",
			cRetainNoun:       "doba uchovávania|dobu uchovávania|lehota uchovávania|doba uloženia|doby uchovávania",
			cAsLongAs:         "po dobu|počas trvania|kým",
			cHowLong:          "ako dlho",
			cRightWord:        "právo|práva|práv|právom",
			cCan:              "môžete|máte možnosť",
			cPersonalData:     "osobné údaje|osobných údajov|vaše údaje|vašich údajov",
			cUseVerb:          "spracúvame|používame|využívame",
			cWith:             "s vaším súhlasom|len s|iba s",
			cContactForm:      "kontaktný formulár|kontaktného formulára",
			cRequest:          "požiadať|žiadosť*",
			cComplaint:        "sťažnosť*|návrh na začatie konania",
			cAuthorityGeneric: "dozorný orgán|dozorného orgánu|dozornému orgánu",
			cRecipient:        "príjemc*|sprostredkovateľ*|poskytovateľ*|kuriérsk*|partneri|partnerom|partnerov",
			cThirdParty:       "tretím stranám|tretie strany|tretích strán|tretej strane|tretím osobám|tretie osoby",
			cTransfer:         "poskytuj*|odovzdáva*|prenáša*",
			cThirdCountry:     "tretích krajín|tretej krajiny|tretie krajiny|mimo eú|mimo ehp|mimo európskej únie",
			cCookie:           "súbory cookie|súborov cookie",
			cIP:               "ip adres*",
			cAnonymise:        "skrát*",
			cStore:            "ukladan*|uložené|servery|serveroch|hostovan*",
			cWorldwide:        "na celom svete",
			cConsent:          "súhlas*",
			cMarketing:        "obchodné oznámenia|priamy marketing",
			cAnalytics:        "štatistik*",
			cSell:             "predáva*|predaj*|nepredáva*",
			cShare:            "zdieľa*|*nezdieľa*",
			cCommercial:       "obchodn*|komerčn*",
			cHowTo:            "vymazať|zablokovať|blokova*|vypnúť|nastavenia|odmietnuť",
			cExample:          "napríklad|napr.",
			cPolicyLink:       "zásady ochrany osobných údajov|viac informácií|ďalšie informácie",
			cFooter:           "všetky práva vyhradené",
		},
		rights: map[string]string{
			"access": "prístup*", "rectification": "oprav*", "erasure": "vymazanie|vymazania|výmaz*|zabudnutie",
			"restriction": "obmedzenie|obmedzenia", "portability": "prenosnosť*|prenosnosti", "objection": "namietk*|namietať",
			"withdraw_consent": "odvolať|odvolanie", "automated_decisions": "automatizované rozhodovanie|automatizovanom rozhodovaní|automatizované individuálne rozhodovanie",
		},
		mechanisms: map[string]string{
			"scc":      "štandardné zmluvné doložky|štandardných zmluvných doložiek|štandardnými zmluvnými doložkami",
			"adequacy": "rozhodnutie o primeranosti|rozhodnutia o primeranosti|primeranú úroveň ochrany|primeranej úrovne ochrany",
		},
		authorities: map[string]string{"ÚOOÚ SR": "úrad na ochranu osobných údajov|úradu na ochranu osobných údajov|úrad na ochranu osobných údajov slovenskej republiky"},
		countries: map[string]string{
			"SK": "slovensk*", "US": "spojené štáty|spojených štátoch|spojených štátov|usa", "EU": "európska únia|európskej únie|eú",
			"EEA": "európsky hospodársky priestor|európskeho hospodárskeho priestoru|ehp", "DE": "nemeck*", "IE": "írsk*",
		},
		roles: map[string]string{"payment": "platb|platob", "delivery": "kuriér|doprav|doruč|pošt|packet", "invoicing": "faktúr", "accounting": "účtovn", "hosting": "hosting|server", "email": "newsletter|e-mail", "marketing": "reklam|marketing"},
		forms: []string{"s.r.o.", "spol. s r.o.", "a.s.", "k.s."}, formCountry: "SK",
		enum:     []string{"napríklad", "napr.", "ako sú", "ako je"},
		nameStop: []string{"My", "Vy", "Ak", "Prevádzkovateľ", "Vaše", "Naše"},
	},
	{
		lang:    "sl",
		detect:  "in za da so ali osebnih podatkov podatke obdelava obdelave obdelujemo upravljavec vaše vas ki lahko tudi pri od pravico je se na v z po ne če naši naše naših vam smo kot pa oziroma",
		letters: "",
		months: [12]string{"januar januarja", "februar februarja", "marec marca", "april aprila", "maj maja", "junij junija",
			"julij julija", "avgust avgusta", "september septembra", "oktober oktobra", "november novembra", "december decembra"},
		numbers: map[string]int{"ena": 1, "eno": 1, "enega": 1, "dve": 2, "dva": 2, "dveh": 2, "tri": 3, "treh": 3, "štiri": 4, "pet": 5, "petih": 5, "šest": 6, "sedem": 7, "deset": 10, "desetih": 10, "dvanajst": 12},
		units:   [4]string{"leto|leta|letih|leti", "mesec|mesece|mesecev|meseca|mesecih", "teden|tedne|tednov|tedna", "dan|dni|dneh|dnevi"},
		cues: map[cue]string{
			cDNT:              "ne sledi|brez sledenja",
			cGPC:              "globalni nadzor zasebnosti",
			cSimilarMech:      "podobni mehanizmi|podobnih mehanizmov|podobne signale",
			cBrowserSignal:    "brskalnik*",
			cHonor:            "odzivamo|odziva*|upošteva*|spoštuj*|podpira*",
			cNeg:              "ne|nikoli|nobenih|niti",
			cIf:               "če|ko",
			cDateLabel:        "zadnja posodobitev|nazadnje posodobljeno|posodobljeno|velja od|veljavnost od|datum zadnje spremembe|zadnja sprememba",
			cController:       "upravljavec|upravljavca|upravljavec osebnih podatkov",
			cRegistry:         "matična številka|davčna številka|id za ddv",
			cDPO:              "pooblaščena oseba za varstvo osebnih podatkov|pooblaščeno osebo za varstvo|pooblaščene osebe za varstvo",
			cStreet:           "ulica|cesta|trg",
			cPurpose:          "namen*",
			cLegalBasis:       "pravna podlaga|pravni podlagi|pravno podlago|pravne podlage",
			cLegitInterest:    "zakonit interes|zakonitega interesa|zakoniti interesi|zakonitih interesov|upravičeni interes|upravičenega interesa|zakonitem interesu",
			cLegalObligation:  "zakonska obveznost|zakonske obveznosti|pravne obveznosti|zakonskih obveznosti|zakonsko obveznostjo",
			cContractWord:     "pogodb*",
			cFulfil:           "izvajanj*|izvedb*|izpolnitev|sklenitev",
			cBasedOn:          "na podlagi",
			cVitalInterest:    "življenjskih interesov|življenjske interese",
			cPublicTask:       "javnem interesu|javnega interesa",
			cRetainVerb:       "hranimo|hranijo|hrani|shranjuj*|shranjen*|izbriš*|izbrisan*",
			cRetainNoun:       "obdobje hrambe|rok hrambe|hramba podatkov|čas hrambe|hrambe",
			cAsLongAs:         "dokler|ves čas|za čas trajanja",
			cHowLong:          "kako dolgo",
			cRightWord:        "pravic*|pravica|pravico",
			cCan:              "lahko",
			cPersonalData:     "osebni podatki|osebne podatke|osebnih podatkov|vaše podatke|vaših podatkov",
			cUseVerb:          "obdelujemo|uporabljamo",
			cWith:             "z vašo privolitvijo|le z|samo z",
			cContactForm:      "kontaktni obrazec|kontaktnega obrazca",
			cRequest:          "zahtevati|zahtev*",
			cComplaint:        "pritožb*",
			cAuthorityGeneric: "nadzorni organ|nadzornemu organu|nadzornega organa",
			cRecipient:        "prejemnik*|obdelovalc*|obdelovalec|ponudnik*|izvajalc*|partnerji|partnerjem|partnerjev|dostavn*",
			cThirdParty:       "tretjim osebam|tretje osebe|tretjih oseb|tretjih strank|tretjim stranem",
			cTransfer:         "prenos*|prenaša*|posreduj*|posredovan*|preneseni|prenesemo",
			cThirdCountry:     "tretje države|tretjih držav|tretjo državo|tretjih državah|izven eu|zunaj eu|izven egp|zunaj egp|zunaj evropske unije",
			cCookie:           "piškot*",
			cIP:               "ip-naslov*|ip naslov*",
			cStore:            "shranjen*|strežnik*",
			cWorldwide:        "po vsem svetu",
			cConsent:          "privolit*|privolitev|soglasj*",
			cMarketing:        "oglaš*|neposredno trženje|trženj*|e-novic*",
			cSell:             "prodajamo|prodaj*",
			cShare:            "delimo",
			cCommercial:       "komercialn*|tržn*",
			cHowTo:            "izbrisati|blokirati|onemogoč*|nastavitv*|zavrniti",
			cExample:          "na primer|npr.",
			cPolicyLink:       "politika zasebnosti|več informacij|dodatne informacije",
			cFooter:           "vse pravice pridržane",
			cLegalForm:        "d.o.o.|d.d.|s.p.",
		},
		rights: map[string]string{
			"access": "dostop*|seznanitev", "rectification": "popravek|popravka|popraviti|popravo", "erasure": "izbris*|pozabo",
			"restriction": "omejitev|omejitve", "portability": "prenosljivost*", "objection": "ugovor*",
			"withdraw_consent": "preklic*|prekliče*|umakniti", "automated_decisions": "avtomatizirano odločanje|avtomatiziranega odločanja|avtomatizirano sprejemanje odločitev",
		},
		mechanisms: map[string]string{
			"scc":      "standardne pogodbene klavzule|standardnih pogodbenih klavzul|standardna pogodbena določila|standardnimi pogodbenimi klavzulami",
			"adequacy": "sklep o ustreznosti|sklepa o ustreznosti|ustrezno raven varstva",
		},
		authorities: map[string]string{"Informacijski pooblaščenec": "informacijski pooblaščenec|informacijskem pooblaščencu|informacijskemu pooblaščencu|informacijskega pooblaščenca"},
		countries: map[string]string{
			"SI": "slovenij*", "US": "združene države|združenih državah|združenih držav|zda", "EU": "evropska unija|evropske unije|evropski uniji",
			"EEA": "evropski gospodarski prostor|evropskega gospodarskega prostora|egp", "DE": "nemčij*", "IE": "irsk*",
		},
		roles: map[string]string{"payment": "plačil", "delivery": "dostav|kurir|pošt|paket", "invoicing": "račun", "accounting": "računovod|knjigovod", "hosting": "gostovanj|strežnik", "email": "e-novic|e-pošt|newsletter", "marketing": "oglaš|trženj"},
		forms: []string{"d.o.o.", "d.d.", "s.p."}, formCountry: "SI",
		enum:     []string{"kot so", "na primer", "npr."},
		nameStop: []string{"Mi", "Vi", "Če", "Ko", "Upravljavec", "Vaši", "Vaše"},
	},
}

// euLanguageCodes are the codes of euLexicons, in order.
func euLanguageCodes() []string {
	out := make([]string, len(euLexicons))
	for i, l := range euLexicons {
		out[i] = l.lang
	}
	return out
}

// euLexicon returns the vocabulary of lang, nil for the languages of
// lexicon.go.
func euLexicon(lang string) *langLex {
	for i := range euLexicons {
		if euLexicons[i].lang == lang {
			return &euLexicons[i]
		}
	}
	return nil
}

// euKeywords calls add for every keyword of the eleven languages with what
// it means, as lexiconMatcher does for lexicon.go's tables.
func euKeywords(add func(w string, k keyword)) {
	each := func(ws string, k keyword) {
		for _, w := range words(ws) {
			add(w, k)
		}
	}
	for _, l := range euLexicons {
		for c := cue(0); c < numCues; c++ {
			if ws, ok := l.cues[c]; ok {
				each(ws, keyword{cue: c})
			}
		}
		for _, id := range sortedKeys(l.rights) {
			each(l.rights[id], keyword{cue: cRight, val: id})
		}
		for _, id := range sortedKeys(l.mechanisms) {
			each(l.mechanisms[id], keyword{cue: cMechanism, val: id})
		}
		for _, name := range sortedKeys(l.authorities) {
			each(l.authorities[name], keyword{cue: cAuthority, val: name})
		}
		for _, code := range sortedKeys(l.countries) {
			each(l.countries[code], keyword{cue: cCountry, val: code})
		}
		for _, w := range sortedKeys(l.numbers) {
			add(w, keyword{cue: cNumWord, n: l.numbers[w]})
		}
		for i, u := range l.units {
			each(u, keyword{cue: cUnit, n: unitDays[i]})
		}
	}
	for _, code := range sortedKeys(countryNamesEN) {
		each(countryNamesEN[code], keyword{cue: cCountry, val: code})
	}
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// withEUForms adds the eleven languages' company forms to forms, longest
// first so "spol. s r.o." is not read as "s.r.o.".
func withEUForms(forms []string) []string {
	out := slices.Clone(forms)
	for _, l := range euLexicons {
		for _, f := range l.forms {
			if !slices.Contains(out, f) {
				out = append(out, f)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out
}

// withEUFormCountries adds the countries the eleven languages' forms name.
func withEUFormCountries(m map[string]string) map[string]string {
	for _, l := range euLexicons {
		for _, f := range l.forms {
			if _, ok := m[f]; !ok && l.formCountry != "" && f != "AS" && f != "AB" && f != "SA" && f != "S.A." {
				m[f] = l.formCountry
			}
		}
	}
	return m
}

// withEUFormSet adds the eleven languages' forms to a set of forms.
func withEUFormSet(m map[string]bool) map[string]bool {
	for _, l := range euLexicons {
		for _, f := range l.forms {
			m[f] = true
		}
	}
	return m
}

// withEUNameStops adds the capitalised words that open a sentence.
func withEUNameStops(m map[string]bool) map[string]bool {
	for _, l := range euLexicons {
		for _, w := range l.nameStop {
			m[w] = true
		}
	}
	return m
}

// euEnumTriggers is the alternation of the eleven languages' "such as",
// for enumTrigger: words that start with a non-ASCII letter get no \b
// (RE2's \b knows ASCII letters only).
func euEnumTriggers() string {
	var alts []string
	for _, l := range euLexicons {
		for _, w := range l.enum {
			q := regexp.QuoteMeta(w)
			if w[0] < utf8.RuneSelf {
				q = `\b` + q
			} else {
				q = `(?:^|[\s(])` + q
			}
			alts = append(alts, q)
		}
	}
	return strings.Join(alts, "|")
}

// withEURoles adds the eleven languages' role words to the roles.
func withEURoles(roles []struct{ role, words string }) []struct{ role, words string } {
	out := slices.Clone(roles)
	for _, l := range euLexicons {
		for i := range out {
			if w, ok := l.roles[out[i].role]; ok {
				out[i].words += "|" + w
			}
		}
	}
	return out
}

// withEUMonths adds the eleven languages' month names to the month words of
// every language; a word another language already uses for another month
// ("listopad": November in Czech and Polish, October in Croatian) is read
// in that language only (monthsFor).
func withEUMonths(m map[string]int) map[string]int {
	for _, l := range euLexicons {
		for i, ws := range l.months {
			for _, w := range strings.Fields(ws) {
				if _, ok := m[w]; !ok {
					m[w] = i + 1
				}
			}
		}
	}
	return m
}
