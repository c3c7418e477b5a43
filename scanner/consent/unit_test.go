package consent

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/privacyscan/privacyscan/internal/golden"
	"github.com/privacyscan/privacyscan/scanner/model"
)

// TestRuleErrors checks that broken rule files fail with the file, line and
// rule id, and never panic.
func TestRuleErrors(t *testing.T) {
	files, err := filepath.Glob("testdata/rules-bad/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatal("no bad rule files", err)
	}
	var out strings.Builder
	for _, f := range files {
		_, err := New(Options{RuleDirs: []string{f}})
		if err == nil {
			t.Errorf("%s: loaded without error", f)
			continue
		}
		if !strings.Contains(err.Error(), f) {
			t.Errorf("%s: error does not name the file: %v", f, err)
		}
		out.WriteString(err.Error() + "\n")
	}
	golden.Assert(t, filepath.Join("testdata", "golden", "rule-errors.txt"), []byte(out.String()))
}

// TestUserRuleReplacesBuiltin checks that a user rule of a built-in id wins.
func TestUserRuleReplacesBuiltin(t *testing.T) {
	dir := t.TempDir()
	data := "id: klaro\nname: My Klaro\ndetect: {selectors: ['#my-klaro']}\nbanner: ['#my-klaro']\naccept: [{click: '#ok'}]\nreject: [{click: '#no'}]\n"
	if err := os.WriteFile(filepath.Join(dir, "klaro.yaml"), []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	e, err := New(Options{RuleDirs: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, r := range e.Rules() {
		if r.ID == "klaro" {
			n++
			if r.Name != "My Klaro" {
				t.Errorf("klaro is %q from %s", r.Name, r.File)
			}
		}
	}
	if n != 1 {
		t.Errorf("%d klaro rules", n)
	}
}

// TestBuiltinRules checks the named platforms are all there.
func TestBuiltinRules(t *testing.T) {
	e, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, r := range e.Rules() {
		ids = append(ids, r.ID)
	}
	for _, want := range []string{"onetrust", "cookiebot", "didomi", "usercentrics", "sourcepoint", "quantcast", "trustarc", "consentmanager", "axeptio", "cookieyes", "complianz", "iubenda", "borlabs", "termly", "cookieinformation", "cookiefirst", "osano", "klaro", "orejime", "tarteaucitron", "cookieconsent", "shopify", "commandersact", "sirdata", "piwikpro"} {
		if !slices.Contains(ids, want) {
			t.Errorf("no rule for %s", want)
		}
	}
	golden.Assert(t, filepath.Join("testdata", "golden", "rules.txt"), []byte(strings.Join(ids, "\n")+"\n"))
}

// TestVocabulary checks every language has every class, that the phrases
// compile, and classifies labels in every language.
func TestVocabulary(t *testing.T) {
	if err := checkVocabulary(); err != nil {
		t.Fatal(err)
	}
	for _, lang := range Languages {
		for _, c := range append([]string{"banner"}, buttonClasses...) {
			if len(vocabulary[lang][c]) == 0 {
				t.Errorf("%s has no %s phrases", lang, c)
			}
		}
	}
	if len(Languages) < 20 || len(vocabulary) != len(Languages) {
		t.Errorf("%d languages, %d vocabularies", len(Languages), len(vocabulary))
	}
	// Go's regexp stands in for the browser's: same phrases, same anchors.
	classify := func(label string) string {
		for _, c := range buttonClasses {
			src := strings.NewReplacer(`(?<![\p{L}\p{N}])`, `(?:^|[^\p{L}\p{N}])`, `(?![\p{L}\p{N}])`, `(?:$|[^\p{L}\p{N}])`).Replace(vocabPattern(c, true))
			if regexp.MustCompile("(?i)" + src).MatchString(label) {
				return c
			}
		}
		return ""
	}
	for label, want := range map[string]string{
		"Accept all cookies": ClassAcceptAll, "Reject All": ClassReject, "Use necessary cookies only": ClassReject,
		"Allow selection": ClassSave, "Cookie settings": ClassSettings, "OK": ClassAccept,
		"Alle akzeptieren": ClassAcceptAll, "Nur notwendige Cookies": ClassReject, "Auswahl speichern": ClassSave,
		"Tout refuser": ClassReject, "Continuer sans accepter": ClassReject, "Personnaliser": ClassSettings,
		"Rechazar todo": ClassReject, "Accetta tutto": ClassAcceptAll, "Alles weigeren": ClassReject,
		"Rejeitar tudo": ClassReject, "Avvisa alla": ClassReject, "Godta alle": ClassAcceptAll, "Afvis alle": ClassReject,
		"Hylkää kaikki": ClassReject, "Nõustu kõigiga": ClassAcceptAll, "Odrzuć wszystkie": ClassReject,
		"Odmítnout vše": ClassReject, "Prijať všetko": ClassAcceptAll, "Összes elutasítása": ClassReject,
		"Respinge tot": ClassReject, "Απόρριψη όλων": ClassReject, "Prihvati sve": ClassAcceptAll,
		"Zavrni vse": ClassReject, "Atmesti visus": ClassReject, "Pieņemt visus": ClassAcceptAll, "Отхвърли всички": ClassReject,
		"Privacy policy": "", "Subscribe": "",
	} {
		if got := classify(label); got != want {
			t.Errorf("%q is %q, want %q", label, got, want)
		}
	}
}

func TestTCString(t *testing.T) {
	in := model.TCString{
		Version: 2, Created: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC), LastUpdated: time.Date(2026, 3, 2, 8, 30, 0, 0, time.UTC),
		CMPID: 7, CMPVersion: 3, ConsentScreen: 1, ConsentLanguage: "FR", VendorListVersion: 150, PolicyVersion: 4,
		IsServiceSpecific: true, SpecialFeatures: []int{1}, Purposes: []int{1, 2, 3, 4, 7, 9, 10}, PurposesLI: []int{2, 7, 10},
		PublisherCC: "FR", Vendors: []int{1, 8, 32, 755}, VendorsLI: []int{8},
	}
	s := EncodeTCString(in)
	out, err := DecodeTCString(s + ".YAAAAAAAAAAA")
	if err != nil {
		t.Fatal(err)
	}
	golden.AssertJSON(t, filepath.Join("testdata", "golden", "tcstring.json"), struct {
		String  string          `json:"string"`
		Decoded *model.TCString `json:"decoded"`
	}{s, out})
	for _, bad := range []string{"", "!!", "BAAAAAAA", "CP"} {
		if _, err := DecodeTCString(bad); err == nil {
			t.Errorf("%q decoded", bad)
		}
	}
}

func TestGoogleHitConsent(t *testing.T) {
	for _, c := range []struct {
		url, gcs, gcd string
		ok            bool
	}{
		{"https://region1.google-analytics.com/g/collect?v=2&tid=G-X&gcs=G100&gcd=13p3p3p3p5&dma=1", "G100", "13p3p3p3p5", true},
		{"https://www.google-analytics.com/g/collect?v=2&tid=G-X&gcs=G111", "G111", "", true},
		{"https://googleads.g.doubleclick.net/pagead/viewthroughconversion/123/?gcd=13r3r3r3r5", "", "13r3r3r3r5", true},
		{"https://ad.doubleclick.net/activity;src=1;type=x;gcs=G101;ord=1?", "G101", "", true},
		{"https://www.google.de/pagead/1p-user-list/123/?gcs=G110", "G110", "", true},
		{"https://www.google-analytics.com/g/collect?v=2&tid=G-X", "", "", false},
		{"https://tracker.example/collect?gcs=G111", "", "", false},
		{"::", "", "", false},
	} {
		gcs, gcd, ok := GoogleHitConsent(c.url)
		if gcs != c.gcs || gcd != c.gcd || ok != c.ok {
			t.Errorf("%s: %q %q %v, want %q %q %v", c.url, gcs, gcd, ok, c.gcs, c.gcd, c.ok)
		}
	}
	if ad, an := GCSState("G101"); ad != "denied" || an != "granted" {
		t.Errorf("G101: %s %s", ad, an)
	}
	got := GCDState("13r3q3p3l5")
	want := map[string]string{"ad_storage": "granted", "analytics_storage": "denied", "ad_user_data": "denied"}
	if len(got) != len(want) || got["ad_storage"] != want["ad_storage"] || got["analytics_storage"] != want["analytics_storage"] || got["ad_user_data"] != want["ad_user_data"] {
		t.Errorf("gcd: %v, want %v", got, want)
	}
}

func TestSummarize(t *testing.T) {
	s := Summarize(model.ConsentResult{BannerDetected: true, CMP: "onetrust", Clicked: true, Clicks: 1, FirstLayer: true},
		model.ConsentResult{BannerDetected: true, CMP: "onetrust", Clicked: true, Clicks: 3})
	b, _ := json.Marshal(s)
	if string(b) != `{"banner_detected":true,"cmp":"onetrust","accept_clicked":true,"reject_clicked":true,"reject_on_first_layer":false,"accept_clicks":1,"reject_clicks":3}` {
		t.Errorf("summary %s", b)
	}
}

// goVocab compiles a class's page.js pattern with Go's regexp, which has no
// lookbehind: the word edges become consuming groups, same meaning for
// MatchString.
func goVocab(class string, whole bool) *regexp.Regexp {
	src := strings.NewReplacer(`(?<![\p{L}\p{N}])`, `(?:^|[^\p{L}\p{N}])`, `(?![\p{L}\p{N}])`, `(?:$|[^\p{L}\p{N}])`).Replace(vocabPattern(class, whole))
	return regexp.MustCompile("(?i)" + src)
}

// classifyLabel mirrors page.js's classify: whole labels first, in class
// order, then phrases inside labels of up to 40 characters.
func classifyLabel(t string) string {
	if t == "" || len([]rune(t)) > 80 {
		return ""
	}
	for _, c := range buttonClasses {
		if goVocab(c, true).MatchString(t) {
			return c
		}
	}
	if len([]rune(t)) > 40 {
		return ""
	}
	for _, c := range buttonClasses {
		if goVocab(c, false).MatchString(t) {
			return c
		}
	}
	return ""
}

// TestClassifier classifies button labels in every language, with the
// tricky ones: a label that says accept but names necessary cookies only is
// a refusal, in either word order and with any verb.
func TestClassifier(t *testing.T) {
	for _, c := range []struct{ label, want string }{
		// English
		{"Accept necessary cookies only", ClassReject},
		{"Accept all", ClassAcceptAll},
		{"Allow only essential cookies", ClassReject},
		{"Use strictly necessary cookies only", ClassReject},
		{"Only required", ClassReject},
		{"Continue without accepting", ClassReject},
		{"Continue without agreeing →", ClassReject},
		{"Decline all", ClassReject},
		{"Refuse", ClassReject},
		{"Allow selection", ClassSave},
		{"Save preferences", ClassSave},
		{"Manage options", ClassSettings},
		{"Got it!", ClassAccept},
		{"Privacy policy", ""},
		// German
		{"Nur notwendige Cookies erlauben", ClassReject},
		{"Alle akzeptieren", ClassAcceptAll},
		{"Nur technisch notwendige Cookies akzeptieren", ClassReject},
		{"Notwendige Cookies nur zulassen", ClassReject},
		{"Ausschließlich erforderliche Cookies", ClassReject},
		{"Weiter ohne Einwilligung", ClassReject},
		{"Auswahl speichern", ClassSave},
		// French
		{"Continuer sans accepter", ClassReject},
		{"Accepter les cookies nécessaires uniquement", ClassReject},
		{"N'accepter que les cookies essentiels", ClassReject},
		{"Tout accepter", ClassAcceptAll},
		{"Refuser et fermer", ClassReject},
		{"Personnaliser", ClassSettings},
		// Nordic
		{"Tillåt endast nödvändiga", ClassReject},
		{"Acceptera endast nödvändiga kakor", ClassReject},
		{"Godkänn alla", ClassAcceptAll},
		{"Hyväksy vain välttämättömät", ClassReject},
		{"Hyväksy kaikki", ClassAcceptAll},
		{"Jatka hyväksymättä", ClassReject},
		{"Tillad kun nødvendige cookies", ClassReject},
		{"Godta kun nødvendige", ClassReject},
		{"Bare nødvendige informasjonskapsler", ClassReject},
		{"Godta alle", ClassAcceptAll},
		// Others
		{"Aceptar solo las necesarias", ClassReject},
		{"Continuar sin aceptar", ClassReject},
		{"Accetta solo i cookie tecnici", ClassReject},
		{"Continua senza accettare", ClassReject},
		{"Alleen noodzakelijke cookies accepteren", ClassReject},
		{"Weiger alle cookies", ClassReject},
		{"Wijs alles af", ClassReject},
		{"Weiger", ClassReject},
		{"Aceitar apenas os necessários", ClassReject},
		{"Akceptuj tylko niezbędne", ClassReject},
		{"Kontynuuj bez akceptacji", ClassReject},
		{"Přijmout pouze nezbytné", ClassReject},
		{"Povoliť iba nevyhnutné", ClassReject},
		{"Csak a szükséges sütik elfogadása", ClassReject},
		{"Acceptă doar cele necesare", ClassReject},
		{"Αποδοχή μόνο των απαραίτητων", ClassReject},
		{"Prihvati samo nužne", ClassReject},
		{"Sprejmi samo nujne piškotke", ClassReject},
		{"Priimti tik būtinus", ClassReject},
		{"Pieņemt tikai nepieciešamās", ClassReject},
		{"Приемам само необходимите", ClassReject},
		{"Nõustu ainult vajalikega", ClassReject},
		{"Glac leis na fianáin riachtanacha amháin", ClassReject},
		{"Glac le gach ceann", ClassAcceptAll},
		{"Aċċetta biss il-meħtieġa", ClassReject},
		{"Aċċetta kollox", ClassAcceptAll},
		{"Irrifjuta kollox", ClassReject},
	} {
		if got := classifyLabel(c.label); got != c.want {
			t.Errorf("%q is %q, want %q", c.label, got, c.want)
		}
	}
}

// TestClassifyClose checks the close vocabulary and the banner texts that
// make a close a refusal.
func TestClassifyClose(t *testing.T) {
	closeRe := goVocab(ClassClose, true)
	for label, want := range map[string]bool{"×": true, "✕": true, "Close": true, "Schließen": true, "Fermer": true, "Close dialog": true, "Accept all": false, "Closed on Sundays and holidays, see the opening times": false} {
		if got := closeRe.MatchString(label); got != want {
			t.Errorf("close %q: %v, want %v", label, got, want)
		}
	}
	refuses := regexp.MustCompile("(?i)" + closeRefuses)
	for text, want := range map[string]bool{
		"We use cookies. Closing this banner means you refuse all non-essential cookies.": true,
		"En fermant ce bandeau, vous refusez les cookies non essentiels.":                 true,
		"Wenn Sie dieses Fenster schließen, lehnen Sie alle Cookies ab.":                  true,
		"We use cookies to improve your experience. Accept or manage them.":               false,
	} {
		if got := refuses.MatchString(text); got != want {
			t.Errorf("closing refuses in %q: %v, want %v", text, got, want)
		}
	}
}
