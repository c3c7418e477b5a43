package scanner

import (
	"net/url"
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Page kinds the crawler recognises.
const (
	KindHome     = "home"
	KindPolicy   = "privacy-policy"
	KindCategory = "category"
	KindProduct  = "product"
	KindCart     = "cart"
	KindCheckout = "checkout"
	KindAccount  = "account"
	KindLegal    = "legal"
	KindOther    = "other"
)

// kindWords are URL-segment and link-text stems per kind, in the languages the
// shops we scan are written in: the 24 languages of the EU and Norwegian
// (bg cs da de el en es et fi fr ga hr hu it lt lv mt nl pl pt ro sk sl sv, nb nn). Words are accent-folded and lower-case.
var kindWords = map[string][]string{
	KindPolicy: {
		"privacy", "privacy-policy", "privacy policy", "privacy notice", "data protection", "data-protection",
		"confidentialite", "politique de confidentialite", "donnees personnelles", "vie privee", "protection des donnees", "rgpd",
		"datenschutz", "datenschutzerklarung", "datenschutzhinweise",
		"privacidad", "politica de privacidad", "proteccion de datos",
		"privacy-policy", "informativa privacy", "informativa sulla privacy", "riservatezza",
		"privacybeleid", "privacyverklaring", "privacy statement", "gegevensbescherming",
		"privacidade", "politica de privacidade", "protecao de dados",
		"integritet", "integritetspolicy", "integritetspolicyn", "personuppgifter", "dataskydd",
		"personvern", "personvernerklaering", "personvernerklaring", "personopplysninger",
		"privatliv", "privatlivspolitik", "persondatapolitik", "persondata", "databeskyttelse",
		"tietosuoja", "tietosuojaseloste", "tietosuojakaytanto", "yksityisyys",
		"privaatsus", "privaatsuspoliitika", "isikuandmete", "andmekaitse",
		"prywatnosc", "polityka prywatnosci", "ochrona danych", "rodo",
		"ochrana osobnich udaju", "osobni udaje", "zasady ochrany", "soukromi", "gdpr",
		"adatvedelem", "adatkezelesi", "confidentialitate", "prelucrarea datelor", "zasebnost", "privatnost",
		// bg el ga hr hu lt lv mt ro sk sl (folded: no accents, lower case)
		"поверителност", "политика за поверителност", "лични данни", "защита на личните данни", "защита на данните",
		"απορρητο", "πολιτικη απορρητου", "προσωπικα δεδομενα", "προστασια δεδομενων", "προστασια προσωπικων δεδομενων", "ιδιωτικοτητα",
		"priobhaideacht", "priobhaideachta", "polasai priobhaideachta", "raiteas priobhaideachta", "cosaint sonrai",
		"politika privatnosti", "zastita osobnih podataka", "zastita podataka", "osobni podaci", "izjava o privatnosti",
		"adatvedelmi", "adatvedelmi tajekoztato", "adatkezelesi tajekoztato", "adatvedelmi nyilatkozat", "adatkezeles",
		"privatumo politika", "privatumas", "asmens duomenu apsauga", "asmens duomenu", "duomenu apsauga",
		"privatuma politika", "privatums", "personas datu", "personas datu apstrade", "datu aizsardziba",
		"privatezza", "politika tal privatezza", "protezzjoni tad data",
		"politica de confidentialitate", "protectia datelor", "date personale", "date cu caracter personal", "gdpr",
		"ochrana osobnych udajov", "osobne udaje", "ochrana sukromia", "zasady ochrany osobnych udajov", "sukromie",
		"politika zasebnosti", "varstvo osebnih podatkov", "varovanje osebnih podatkov", "osebni podatki", "izjava o zasebnosti",
	},
	KindCart: {"cart", "basket", "bag", "panier", "warenkorb", "carrito", "cesta", "carrello", "winkelwagen", "winkelmand",
		"carrinho", "varukorg", "kundvagn", "handlekurv", "handlevogn", "kurv", "indkobskurv", "ostoskori", "ostukorv", "koszyk", "kosik", "kosar", "cos"},
	KindCheckout: {"checkout", "check-out", "commande", "paiement", "kasse", "zur kasse", "pago", "finalizar compra", "cassa", "afrekenen", "kassa",
		"finalizar", "till kassan", "betala", "kassen", "kassalle", "maksa", "vormista", "zamowienie", "kasa", "pokladna", "objednavka", "penztar"},
	KindAccount: {"account", "my-account", "login", "log in", "sign in", "signin", "register", "compte", "mon compte", "connexion", "konto", "mein konto", "anmelden",
		"cuenta", "mi cuenta", "iniciar sesion", "accedi", "il mio account", "mijn account", "inloggen", "conta", "minha conta", "mitt konto", "logga in",
		"min konto", "logg inn", "log ind", "tili", "kirjaudu", "minu konto", "logi sisse", "moje konto", "zaloguj", "muj ucet", "prihlaseni", "prihlasit"},
	KindLegal: {"terms", "conditions", "legal", "imprint", "impressum", "mentions legales", "cgv", "cgu", "agb", "terminos", "condiciones", "aviso legal",
		"termini", "condizioni", "note legali", "voorwaarden", "algemene voorwaarden", "termos", "condicoes", "villkor", "kopvillkor", "vilkar", "kjopsvilkar",
		"handelsbetingelser", "betingelser", "ehdot", "toimitusehdot", "tingimused", "regulamin", "obchodni podminky", "podminky", "cookie", "cookies", "kakor",
		"informasjonskapsler", "evasteet", "kupsised", "ciasteczka", "cookie-policy",
		"общи условия", "ορους χρησης", "oroi xrhshs", "tearmai agus coinniollacha", "uvjeti poslovanja", "aszf", "altalanos szerzodesi feltetelek",
		"taisykles", "pirkimo taisykles", "lietosanas noteikumi", "noteikumi", "termini u kundizzjonijiet", "termeni si conditii",
		"obchodne podmienky", "splosni pogoji", "pogoji poslovanja", "biscotti", "sikdatnes", "slapukai", "kolacici", "piskotki", "bisquit"},
	KindCategory: {"category", "categories", "collection", "collections", "shop", "catalog", "catalogue", "products", "categorie", "collection", "boutique",
		"kategorie", "kollektion", "categoria", "coleccion", "tienda", "collezione", "categorie", "collectie", "colecao", "kategori", "kategorier",
		"sortiment", "kolleksjon", "produkter", "tuotteet", "kategoria", "tooted", "kategoria", "kolekcja", "produkty", "kategorie", "c"},
	KindProduct: {"product", "products", "item", "p", "produit", "produkt", "artikel", "producto", "articulo", "prodotto", "articolo", "produto",
		"vara", "tuote", "toode", "towar", "zbozi", "dp"},
}

// foldText lower-cases, strips accents and collapses punctuation to spaces.
func foldText(s string) string {
	s = norm.NFD.String(strings.ToLower(s))
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'ø':
			b.WriteString("o")
		case r == 'æ':
			b.WriteString("ae")
		case r == 'ß':
			b.WriteString("ss")
		case r == 'ł':
			b.WriteString("l")
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		default:
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
	}
	return strings.TrimSpace(b.String())
}

var wordIndex = func() map[string]map[string]bool {
	m := map[string]map[string]bool{}
	for k, ws := range kindWords {
		m[k] = map[string]bool{}
		for _, w := range ws {
			m[k][foldText(w)] = true
		}
	}
	return m
}()

// containsPhrase reports whether the folded text contains the folded phrase
// on word boundaries.
func containsPhrase(text, phrase string) bool {
	for i := 0; ; {
		j := strings.Index(text[i:], phrase)
		if j < 0 {
			return false
		}
		j += i
		end := j + len(phrase)
		if (j == 0 || text[j-1] == ' ') && (end == len(text) || text[end] == ' ') {
			return true
		}
		i = j + 1
	}
}

// stemMatch is true when a word of text starts with a long stem (≥7 letters),
// so "datenschutzerklärung" and "personvernerklæringen" match their stems.
func stemMatch(text, stem string) bool {
	if len(stem) < 7 || strings.Contains(stem, " ") {
		return false
	}
	for _, w := range strings.Fields(text) {
		if strings.HasPrefix(w, stem) {
			return true
		}
	}
	return false
}

// textScore scores how strongly folded text speaks of kind.
func textScore(kind, text string) int {
	best := 0
	for w := range wordIndex[kind] {
		if containsPhrase(text, w) || stemMatch(text, w) {
			if s := len(w); s > best {
				best = s
			}
		}
	}
	return best
}

var digitsRe = regexp.MustCompile(`\d`)

// classify guesses the kind of page from its URL and the texts of links to it.
func classify(u *url.URL, linkText string) (kind string, score int) {
	path := strings.Trim(u.EscapedPath(), "/")
	if path == "" && u.RawQuery == "" {
		return KindHome, 100
	}
	unescaped, _ := url.PathUnescape(path)
	segs := strings.Split(unescaped, "/")
	for i := range segs {
		segs[i] = foldText(segs[i])
	}
	pathText := foldText(unescaped)
	text := foldText(linkText)
	// Policy first: its words are specific.
	order := []string{KindPolicy, KindCart, KindCheckout, KindAccount, KindLegal, KindProduct, KindCategory}
	for _, k := range order {
		s := 2*textScore(k, text) + textScore(k, pathText)
		if k == KindProduct || k == KindCategory {
			// These words are weak alone; require them as a path segment.
			s = 0
			for i, seg := range segs {
				if wordIndex[k][seg] && i < len(segs)-1 {
					s = 10
				}
			}
			if k == KindProduct && s == 0 && len(segs) >= 1 && digitsRe.MatchString(segs[len(segs)-1]) && strings.Contains(segs[len(segs)-1], " ") {
				s = 3 // slug with an id, e.g. /silver-ring-123
			}
		}
		if s > score {
			kind, score = k, s
		}
	}
	if kind == "" {
		return KindOther, 0
	}
	return kind, score
}

var numSeg = regexp.MustCompile(`^[0-9]+$`)

// urlPattern collapses a URL to the pattern it shares with its siblings
// (/product/silver-ring -> /product/*), so one page per pattern is chosen.
func urlPattern(u *url.URL) string {
	segs := strings.Split(strings.Trim(u.EscapedPath(), "/"), "/")
	if len(segs) == 1 && segs[0] == "" {
		return "/"
	}
	for i, s := range segs {
		if numSeg.MatchString(s) {
			segs[i] = "#"
		}
	}
	if len(segs) > 1 {
		segs[len(segs)-1] = "*"
	}
	return "/" + strings.Join(segs, "/")
}
