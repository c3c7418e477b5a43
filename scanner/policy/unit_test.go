package policy

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/privacyscan/privacyscan/scanner/model"
)

func TestLastUpdated(t *testing.T) {
	cases := []struct {
		name, text, want string
	}{
		{"fr with English month", "Politique de confidentialité\nDate de la dernière modification: 07 May 2018\nNous utilisons vos données.", "2018-05-07"},
		{"sv ambiguous day first", "Integritetspolicy för oss och dig\nSenast uppdaterad: 10/11/2019\nVi behandlar dina personuppgifter.", "2019-11-10"},
		{"en ambiguous month first", "Privacy policy of the shop\nLast updated: 10/11/2019\nWe process your data.", "2019-10-11"},
		{"en unambiguous", "Privacy policy of the shop\nLast updated: 13/11/2019\nWe process your data.", "2019-11-13"},
		{"de ordinal", "Datenschutzerklärung der Firma\nStand: 1. März 2024\nWir verarbeiten Ihre Daten.", "2024-03-01"},
		{"de month only", "Datenschutzerklärung der Firma\nStand: März 2024\nWir verarbeiten Ihre Daten.", "2024-03-01"},
		{"en month first words", "This privacy policy is effective. Effective date: March 3, 2024. We use data.", "2024-03-03"},
		{"es", "Política de privacidad de la tienda. Última actualización: 15 de enero de 2023. Tratamos sus datos.", "2023-01-15"},
		{"it numeric", "Informativa privacy del negozio. Ultimo aggiornamento: 12/04/2022. Trattiamo i dati personali.", "2022-04-12"},
		{"pl genitive", "Polityka prywatności sklepu. Ostatnia aktualizacja: 20 listopada 2023. Przetwarzamy dane.", "2023-11-20"},
		{"cs genitive", "Zásady ochrany osobních údajů. Poslední aktualizace: 1. července 2023. Zpracováváme údaje.", "2023-07-01"},
		{"fi dotted", "Tietosuojaseloste ja evästeet. Päivitetty 1.3.2024. Käsittelemme henkilötietoja.", "2024-03-01"},
		{"fi month word", "Tietosuojaseloste ja evästeet. Viimeksi päivitetty 5. toukokuuta 2021. Käsittelemme tietoja.", "2021-05-05"},
		{"et", "Privaatsuspoliitika ja küpsised. Viimati uuendatud: 10.03.2024. Töötleme isikuandmeid.", "2024-03-10"},
		{"nl", "Privacyverklaring van de winkel. Laatst bijgewerkt: 3 september 2021. Wij verwerken gegevens.", "2021-09-03"},
		{"pt", "Política de Privacidade da loja. Última atualização: 2 de fevereiro de 2024. Tratamos os dados.", "2024-02-02"},
		{"da", "Privatlivspolitik for butikken. Sidst opdateret: 01.06.2023. Vi behandler dine oplysninger.", "2023-06-01"},
		{"nb", "Personvernerklæring for butikken. Sist oppdatert: 5. mai 2022. Vi behandler personopplysninger.", "2022-05-05"},
		{"iso", "Privacy policy. Last updated: 2022-12-31. We process data.", "2022-12-31"},
		{"label without date", "Wir halten die Technik auf dem neuesten Stand der Technik und schützen Ihre Daten.", ""},
		{"date without label", "Regulation (EU) 2016/679 of 27 April 2016 applies to your data.", ""},
		{"impossible date", "Privacy policy. Last updated: 31/02/2020. We process data.", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := Analyze([]byte(c.text), Options{})
			got := ""
			if f.LastUpdated != nil {
				got = *f.LastUpdated
			}
			if got != c.want {
				t.Errorf("last_updated = %q, want %q (language %s)", got, c.want, f.Language)
			}
		})
	}
}

func TestStances(t *testing.T) {
	cases := []struct {
		name, text, dnt, gpc string
	}{
		{"en refuses", "We do not respond to Do Not Track signals sent by your browser.", model.StanceNotHonored, model.StanceNotMentioned},
		{"en honors", "We honor Do Not Track signals from your browser.", model.StanceHonored, model.StanceNotMentioned},
		{"en split", "We do not respond to Do Not Track signals, but we honor Global Privacy Control signals.", model.StanceNotHonored, model.StanceHonored},
		{"en conditional", "If your browser sends a Do Not Track signal, we do not set analytics cookies.", model.StanceHonored, model.StanceNotMentioned},
		{"en ignore", "Our website ignores DNT signals.", model.StanceNotHonored, model.StanceNotMentioned},
		{"fr similar mechanisms", "Veuillez noter que nous ne répondons ni n'honorons les signaux DNT ou mécanismes similaires transmis par les navigateurs Web.", model.StanceNotHonored, model.StanceNotHonored},
		{"similar mechanisms not about browsers", "We use cookies and similar mechanisms to measure traffic.", model.StanceNotMentioned, model.StanceNotMentioned},
		{"de verb then negation", "Wir reagieren derzeit nicht auf Do-Not-Track-Signale Ihres Browsers.", model.StanceNotHonored, model.StanceNotMentioned},
		{"de honors then conjunction", "Wir respektieren Do-Not-Track-Signale und setzen dann keine Analyse-Cookies.", model.StanceHonored, model.StanceNotMentioned},
		{"nl", "Wij respecteren Do Not Track-signalen niet.", model.StanceNotHonored, model.StanceNotMentioned},
		{"sv", "Vi svarar inte på Do Not Track-signaler.", model.StanceNotHonored, model.StanceNotMentioned},
		{"fi", "Emme noudata Do Not Track -signaaleja.", model.StanceNotHonored, model.StanceNotMentioned},
		{"pl", "Nie reagujemy na sygnały Do Not Track ani na podobne mechanizmy wysyłane przez przeglądarki.", model.StanceNotHonored, model.StanceNotHonored},
		{"cs fused negation", "Na signál Do Not Track nereagujeme. Respektujeme signál Global Privacy Control.", model.StanceNotHonored, model.StanceHonored},
		{"pt gpc refused", "Não reconhecemos o sinal Global Privacy Control enviado pelo seu navegador.", model.StanceNotMentioned, model.StanceNotHonored},
		{"mention only", "Some browsers have a Do Not Track feature.", model.StanceNotMentioned, model.StanceNotMentioned},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := Analyze([]byte(c.text), Options{})
			if f.DNTStance != c.dnt || f.GPCStance != c.gpc {
				t.Errorf("dnt, gpc = %s, %s; want %s, %s", f.DNTStance, f.GPCStance, c.dnt, c.gpc)
			}
			if c.dnt != model.StanceNotMentioned && f.Evidence["dnt_stance"].Sentence == "" {
				t.Error("no evidence for the DNT stance")
			}
		})
	}
}

func TestDetectLanguage(t *testing.T) {
	cases := []struct {
		lang, text string
	}{
		{"en", "We process your personal data only for the purposes described in this policy and we do not sell it."},
		{"fr", "Nous traitons vos données personnelles uniquement pour les finalités décrites dans cette politique."},
		{"de", "Wir verarbeiten Ihre personenbezogenen Daten nur für die in dieser Erklärung beschriebenen Zwecke."},
		{"es", "Tratamos sus datos personales únicamente para los fines descritos en esta política y no los vendemos."},
		{"it", "Trattiamo i dati personali solo per le finalità descritte in questa informativa e non li vendiamo."},
		{"nl", "Wij verwerken uw persoonsgegevens alleen voor de doeleinden die in deze verklaring zijn beschreven."},
		{"pt", "Tratamos os seus dados pessoais apenas para as finalidades descritas nesta política e não os vendemos."},
		{"sv", "Vi behandlar dina personuppgifter endast för de ändamål som beskrivs i denna policy och säljer dem inte."},
		{"nb", "Vi behandler personopplysningene dine bare for formålene som er beskrevet i denne erklæringen, og vi selger dem ikke."},
		{"nn", "Vi handsamar personopplysningane dine berre for føremåla som er skildra her, og vi sel dei ikkje til nokon."},
		{"da", "Vi behandler dine personoplysninger kun til de formål, der er beskrevet i denne politik, og vi sælger dem ikke."},
		{"fi", "Käsittelemme henkilötietojasi vain tässä selosteessa kuvattuihin tarkoituksiin, emmekä myy niitä."},
		{"et", "Töötleme teie isikuandmeid ainult selles poliitikas kirjeldatud eesmärkidel ning me ei müü neid."},
		{"pl", "Przetwarzamy Twoje dane osobowe wyłącznie w celach opisanych w tej polityce i nie sprzedajemy ich."},
		{"cs", "Vaše osobní údaje zpracováváme pouze pro účely popsané v těchto zásadách a neprodáváme je."},
	}
	for _, c := range cases {
		t.Run(c.lang, func(t *testing.T) {
			got, others := DetectLanguage(c.text)
			if got != c.lang {
				t.Errorf("DetectLanguage = %q, want %q", got, c.lang)
			}
			if len(others) != 0 {
				t.Errorf("others = %v, want none", others)
			}
		})
	}
	t.Run("two languages", func(t *testing.T) {
		fr := "Nous traitons vos données personnelles uniquement pour les finalités décrites dans cette politique.\n"
		de := "Wir verarbeiten Ihre personenbezogenen Daten nur für die in dieser Erklärung beschriebenen Zwecke.\n"
		got, others := DetectLanguage(strings.Repeat(fr, 6) + strings.Repeat(de, 3))
		if got != "fr" || len(others) != 1 || others[0] != "de" {
			t.Errorf("DetectLanguage = %q, %v; want fr, [de]", got, others)
		}
	})
	t.Run("too little text", func(t *testing.T) {
		if got, _ := DetectLanguage("OK"); got != "" {
			t.Errorf("DetectLanguage(OK) = %q, want empty", got)
		}
	})
}

func TestClaims(t *testing.T) {
	type want struct{ ip, loc, mkt, ana, sale string }
	cases := []struct {
		name string
		text string
		want want
	}{
		{"ip anonymised", "We use Google Analytics; your IP address is anonymised before it is stored.", want{ip: "yes"}},
		{"ip not anonymised", "We collect your IP address and the pages you visit.", want{}},
		{"location country", "Your data is stored on servers in Germany.", want{loc: "DE"}},
		{"location region", "Alle Daten werden auf Servern in der Europäischen Union gespeichert.", want{loc: "EU"}},
		{"location worldwide", "Your data may be stored anywhere in the world, including the United States and the European Union.", want{}},
		{"marketing consent", "We send our newsletter only with your consent.", want{mkt: "yes"}},
		{"analytics consent", "Analytics cookies are only set with your consent.", want{ana: "yes"}},
		{"nearest object", "The last octet of the IP address is masked (unless you consented to marketing cookies) and Google Analytics data sharing is off.", want{ip: "yes", mkt: "yes"}},
		{"no sale", "We do not sell your personal data.", want{sale: "yes"}},
		{"no sale nordic order", "Vi säljer aldrig dina uppgifter till tredje part.", want{sale: "yes"}},
		{"conditional is no promise", "If you prefer that we do not share your data with third parties, you can opt out.", want{}},
		{"sale without negation", "Your data may be sold as part of a merger.", want{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := Analyze([]byte(c.text), Options{})
			val := func(c *model.Claim) string {
				switch {
				case c == nil:
					return ""
				case c.Value != "":
					return c.Value
				}
				return "yes"
			}
			got := want{val(f.Claims.IPAnonymised), val(f.Claims.DataLocation), val(f.Claims.ConsentForMarketing), val(f.Claims.ConsentForAnalytics), val(f.Claims.NoSale)}
			if got != c.want {
				t.Errorf("claims = %+v, want %+v", got, c.want)
			}
		})
	}
}

func TestVendorBoundaries(t *testing.T) {
	vendors := []VendorName{{ID: "x", Name: "X", Aliases: []string{"Twitter"}}, {ID: "adjust", Name: "Adjust"}, {ID: "ga", Name: "Google Analytics"}, {ID: "google", Name: "Google"}}
	cases := []struct {
		text string
		want []string
	}{
		{"We use Google Analytics.", []string{"ga"}},
		{"Share on X or Twitter.", []string{"x"}},
		{"Adjust your browser settings to refuse cookies.", nil}, // a how-to, not the vendor
		{"You may adjust your settings; Xmi and Googleplex are not vendors.", nil},
		{"Käytämme Google Analyticsia ja Googlen palveluita, jotka kuuluvat Googlelle.", []string{"ga", "google"}},
	}
	for _, c := range cases {
		text := c.text
		if strings.HasPrefix(text, "Käytämme") {
			text = "Käytämme henkilötietoja ja evästeitä. Emme myy tietoja. " + text
		}
		f := Analyze([]byte(text), Options{Vendors: vendors})
		if strings.Join(f.VendorIDs, ",") != strings.Join(c.want, ",") {
			t.Errorf("%q: vendors %v, want %v", c.text, f.VendorIDs, c.want)
		}
	}
}

func TestExtractText(t *testing.T) {
	page := []byte(`<html lang="fr-FR"><head><title>T</title><script>var x = "Google Analytics";</script></head><body>
<nav><a href="/">Accueil</a></nav><div class="cookie-notice">Nous utilisons des cookies Facebook</div>
<main><h1>Politique</h1><p>Nous traitons vos données&nbsp;personnelles avec soin et nous ne vendons jamais vos données à des tiers, comme l&#8217;exige la loi.</p><ul><li>Accès</li><li>Rectification</li></ul></main>
<footer>© Boutique</footer></body></html>`)
	text, lang, err := ExtractText(page, "")
	if err != nil {
		t.Fatal(err)
	}
	if lang != "fr" {
		t.Errorf("lang = %q, want fr", lang)
	}
	for _, bad := range []string{"Accueil", "Facebook", "Google", "Boutique", "\u00a0"} {
		if strings.Contains(text, bad) {
			t.Errorf("text holds %q:\n%s", bad, text)
		}
	}
	for _, good := range []string{"Politique\n", "données personnelles", "l'exige", "Accès\nRectification"} {
		if !strings.Contains(text, good) {
			t.Errorf("text lacks %q:\n%s", good, text)
		}
	}
	// Charsets: the header wins over the bytes; an unlabelled Latin-1 text is read as Windows-1252.
	latin := []byte("Donn\xe9es personnelles \x96 s\xe9curit\xe9")
	for _, ct := range []string{"text/plain; charset=iso-8859-1", "text/plain; charset=windows-1252", ""} {
		got, _, err := ExtractText(latin, ct)
		if err != nil || !strings.HasPrefix(got, "Données personnelles") {
			t.Errorf("ExtractText(%q) = %q, %v", ct, got, err)
		}
	}
	if _, _, err := ExtractText([]byte("x"), "text/plain; charset=klingon"); err == nil {
		t.Error("an unknown charset is not an error")
	}
}

// TestHostileInput feeds what a hostile or broken page may send; Analyze
// must return facts (maybe empty) without panicking.
func TestHostileInput(t *testing.T) {
	inputs := map[string][]byte{
		"empty":          nil,
		"binary":         bytes.Repeat([]byte{0, 0xff, 0xfe, 0x80, '<', '>'}, 10000),
		"deep nesting":   []byte(strings.Repeat("<div>", 200000) + "Do Not Track" + strings.Repeat("</div>", 10)),
		"unclosed tags":  []byte(strings.Repeat("<p><b><i>we do not sell your data", 5000)),
		"one long line":  bytes.Repeat([]byte("cookie "), 300000),
		"no spaces":      bytes.Repeat([]byte("a"), 3<<20),
		"huge document":  bytes.Repeat([]byte("Nous ne vendons pas vos données. Do Not Track. "), 200000),
		"invalid utf8":   []byte("Senast uppdaterad: \xff\xfe 10/11/2019 \xc3"),
		"utf16 with bom": append([]byte{0xff, 0xfe}, []byte("p\x00r\x00i\x00v\x00a\x00c\x00y\x00")...),
		"lone at signs":  bytes.Repeat([]byte("@@@@ +++ 12345 "), 50000),
	}
	for name, in := range inputs {
		t.Run(name, func(t *testing.T) {
			f := Analyze(in, Options{Vendors: []VendorName{{ID: "a", Name: "Acme"}}})
			if f == nil || f.VendorsMentioned == nil || f.DNTStance == "" {
				t.Fatalf("incomplete facts: %+v", f)
			}
			if f.Error != "" && name != "binary" {
				t.Logf("error: %s", f.Error)
			}
		})
	}
	if f := Analyze(bytes.Repeat([]byte("a "), MaxDocumentBytes), Options{}); !f.Truncated {
		t.Error("a document over MaxDocumentBytes is not marked truncated")
	}
}

func seedText(b testing.TB) []byte {
	var all []byte
	for _, p := range testPolicies(b) {
		doc, err := os.ReadFile(p.path)
		if err != nil {
			b.Fatal(err)
		}
		if filepath.Ext(p.path) == ".txt" {
			all = append(all, doc...)
			all = append(all, '\n')
		}
	}
	return all
}

// BenchmarkAnalyze measures analysis throughput on the plain-text test
// policies (about 130 KB, nine languages).
func BenchmarkAnalyze(b *testing.B) {
	doc := seedText(b)
	vendors := testVendors(b)
	Analyze(doc, Options{Vendors: vendors}) // build the matchers outside the loop
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		Analyze(doc, Options{Vendors: vendors})
	}
}

// BenchmarkDetectLanguage measures the language detector alone.
func BenchmarkDetectLanguage(b *testing.B) {
	doc := string(seedText(b))
	DetectLanguage(doc)
	b.SetBytes(int64(len(doc)))
	for b.Loop() {
		DetectLanguage(doc)
	}
}

// TestLanguageTableCost logs the heap the language tables take once built
// (the measure asked for in the issue; go test -v -run LanguageTableCost).
func TestLanguageTableCost(t *testing.T) {
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	tab := buildLangTable()
	runtime.GC()
	runtime.ReadMemStats(&after)
	words := len(tab.words)
	t.Logf("language tables: %d words, %d letters, %d KB of heap", words, len(tab.letters), (int64(after.HeapAlloc)-int64(before.HeapAlloc))/1024)
	if words < 500 {
		t.Errorf("only %d words in the language tables", words)
	}
	runtime.KeepAlive(tab)
}

// TestRootClassesAreNotChrome: consent libraries mark the document's root
// while their banner is open (vanilla-cookieconsent: <html class="show--consent
// show--preferences">); the page is read all the same.
func TestRootClassesAreNotChrome(t *testing.T) {
	for _, doc := range []string{
		`<html lang="en" class="show--consent show--preferences"><body><main><h1>Privacy policy</h1><p>We use cookies to keep your basket.</p></main></body></html>`,
		`<html lang="en"><body class="cookie-consent-open modal-open"><main><h1>Privacy policy</h1><p>We use cookies to keep your basket.</p></main></body></html>`,
	} {
		f := Analyze([]byte(doc), Options{ContentType: "text/html; charset=utf-8"})
		if f.Language != "en" || !f.Elements.Cookies {
			t.Errorf("%s: language %q, cookies %v; want the page read", doc, f.Language, f.Elements.Cookies)
		}
	}
}
