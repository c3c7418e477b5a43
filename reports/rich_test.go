package reports

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/privacyscan/privacyscan/internal/golden"
	"github.com/privacyscan/privacyscan/rules"
	"github.com/privacyscan/privacyscan/scanner/model"
)

// The rich report is a demo-like scan of one leaky shop in all five phases
// (testdata/rich-site.json: consent clicks with screenshots, controls, a
// policy with claims, recipients and quotes, a journey with a leak, a pixel
// event, session recording), judged by the real rules, plus a site that
// could not be scanned. Its screenshots are in testdata/evidence, but for
// the DNT one, which is missing on purpose.

var richNow = time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)

// richSite reads the leaky shop's observation.
func richSite(tb testing.TB) *model.Site {
	tb.Helper()
	data, err := os.ReadFile("testdata/rich-site.json")
	if err != nil {
		tb.Fatal(err)
	}
	var s model.Site
	if err := json.Unmarshal(data, &s); err != nil {
		tb.Fatal(err)
	}
	return &s
}

// RichReport builds the rich report from the observation of n sites (the
// leaky shop under n host names), plus one site that could not be scanned.
func richReportN(tb testing.TB, n int) *model.Report {
	tb.Helper()
	r := &model.Report{SchemaVersion: model.SchemaVersion, Tool: model.Tool{Name: model.ToolName, Version: "1.4.0"},
		StartedAt: "2026-03-02T10:00:00Z", FinishedAt: "2026-03-02T10:01:10Z", FailOn: "high",
		Provenance: &model.Provenance{Version: "1.4.0", Commit: "0123abcd", Browser: "Chromium/156.0.8078.114",
			UserAgent:     "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36",
			KnowledgeBase: []model.KBSource{{Name: "vendors.yaml (embedded)", Date: "2026-02-20", SHA256: "9f2c0c4b1d0e5d0f3a6b6e9b9d7c3d1e2f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c"}},
			Jurisdiction:  "eu", Phases: model.AllPhases,
			Settings: map[string]string{"pages": "5", "page-timeout": "30s", "jurisdiction": "eu", "resolve": "*.leaky.test:127.0.0.1"}},
	}
	ro := rules.Options{Jurisdiction: "eu", Now: richNow}
	for i := 0; i < n; i++ {
		s := richSite(tb)
		if i > 0 {
			s.URL = fmt.Sprintf("https://www.leaky%d.test/", i)
			s.FinalURL = s.URL
		}
		rules.Derive(s)
		r.Sites = append(r.Sites, model.SiteReport{Site: s, Findings: rules.Evaluate(s, ro)})
	}
	r.Sites = append(r.Sites, model.SiteReport{Site: &model.Site{URL: "https://down.test/", Errors: []string{"before-consent: https://down.test/: net::ERR_CONNECTION_REFUSED"}}})
	return r
}

func richOptions() Options {
	o := goldenOptions()
	o.Screenshots = ScreenshotFiles("testdata/evidence")
	return o
}

// richFormats are the formats whose rich rendering is compared: the ones
// that show screenshots, the policy, the declaration or provenance.
var richFormats = []string{"html", "markdown", "cookies-csv", "cookies-json", "table", "sarif", "junit"}

// TestRichGolden compares the rich report in every format that shows more
// of it than testdata/report.json holds with testdata/rich/golden.<format>.
func TestRichGolden(t *testing.T) {
	for _, name := range richFormats {
		t.Run(name, func(t *testing.T) {
			w, err := New(name, richOptions())
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := w.Write(&buf, richReportN(t, 1)); err != nil {
				t.Fatal(err)
			}
			golden.Assert(t, filepath.Join("testdata", "rich", "golden."+name), buf.Bytes())
			switch name {
			case "sarif":
				validateSARIF(t, buf.Bytes())
			case "junit":
				validateJUnit(t, buf.Bytes())
			}
			out := buf.String()
			for _, want := range richWants[name] {
				if !strings.Contains(out, want) {
					t.Errorf("%s lacks %q", name, want)
				}
			}
		})
	}
}

// richWants are what each format must show of the rich report, beside the
// golden comparison (which a careless -update would accept).
var richWants = map[string][]string{
	"html": {
		"img-src data:", `<img src="data:image/png;base64,`, "Screenshot missing: the file is not there", "dnt-missing.png",
		"The same picture as",
		"Alle akzeptieren", "Most serious:", "The policy says / the site does", "Art. 13 GDPR checklist",
		"seen, not named", "DHL Paket GmbH", "Cookie declaration", "Distinguishes users for Google Analytics statistics.",
		"Chromium/156.0.8078.114", "9f2c0c4b1d0e", "Journey", "Search for the typed term", "session-recording",
		"Why it matters.", "Legal references.", "Remediation.",
	},
	"markdown":     {"Cookie declaration", "How the scan was run", "Chromium/156.0.8078.114", "0123abcd"},
	"table":        {"Chromium/156.0.8078.114", "0123abcd"},
	"sarif":        {"Chromium/156.0.8078.114", "0123abcd"},
	"junit":        {"Chromium/156.0.8078.114", "0123abcd"},
	"cookies-csv":  {"site,type,name,domain,provider,category,purpose,lifetime,lifetime_days,party,phases,pages,note", "Not scanned"},
	"cookies-json": {`"purpose": "Distinguishes users for Google Analytics statistics."`, `"not_scanned"`},
}

// TestHTMLImages: every image the report names is embedded when the file is
// there, and a missing or non-image file is named, never fatal.
func TestHTMLImages(t *testing.T) {
	dir := t.TempDir()
	png, err := os.ReadFile("testdata/evidence/before-consent.png")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "ok.png"), png, 0o644)
	os.WriteFile(filepath.Join(dir, "fake.png"), []byte("<svg onload=alert(1)>"), 0o644)
	r := &model.Report{Tool: model.Tool{Name: model.ToolName, Version: "t"}, Sites: []model.SiteReport{{Site: &model.Site{
		URL: "https://a.test/", Scanned: true, Phases: map[string]*model.PhaseResult{
			model.PhaseBeforeConsent: {Screenshot: "ok.png"},
			model.PhaseAfterAccept:   {Screenshot: "gone.png"},
			model.PhaseAfterReject:   {Screenshot: "fake.png"},
			model.PhaseDNT:           {Screenshot: filepath.Join(dir, "ok.png")},
		}}}}}
	for _, tc := range []struct {
		name   string
		load   func(string) ([]byte, error)
		images int
		says   []string
	}{
		{"loader", ScreenshotFiles(dir), 1, []string{"missing: the file is not there", "not a PNG, JPEG, GIF or WebP image",
			`The same picture as <a href="#s1-shot-before-consent">`}},
		{"no loader", nil, 0, []string{"without access to the evidence files"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := (htmlWriter{Options{Screenshots: tc.load}}).Write(&buf, r); err != nil {
				t.Fatal(err)
			}
			out := buf.String()
			if n := strings.Count(out, `<img src="data:image/png;base64,`); n != tc.images {
				t.Errorf("%d images embedded, want %d", n, tc.images)
			}
			if strings.Contains(out, "onload") {
				t.Error("a non-image file reached the report")
			}
			for _, s := range tc.says {
				if !strings.Contains(out, s) {
					t.Errorf("report does not say %q", s)
				}
			}
		})
	}
}

// TestCSVInjection: no cell of the cookies-csv format starts what a
// spreadsheet reads as a formula, and the file is RFC 4180 CSV.
func TestCSVInjection(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"},
		{"+1", "'+1"}, {"-1+2", "'-1+2"}, {"@SUM(A1)", "'@SUM(A1)"},
		{"\t=1", "' =1"}, {"\r=1", "' =1"}, {"  =1", "'  =1"},
		{"_ga", "_ga"}, {"a=b", "a=b"}, {"", ""}, {"x\x1b[31m", "x[31m"},
	} {
		if got := CSVCell(tc.in); got != tc.want {
			t.Errorf("CSVCell(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	r := &model.Report{Tool: model.Tool{Name: model.ToolName}, Sites: []model.SiteReport{{Site: &model.Site{
		URL: "https://a.test/", Scanned: true, Phases: map[string]*model.PhaseResult{model.PhaseBeforeConsent: {
			Cookies: []model.Cookie{{Name: "=cmd|' /C calc'!A0", Domain: "a.test", Party: "first", Vendor: "@evil", Category: "unknown", Page: "-page,\"quoted\"\nline"}},
			Storage: []model.StorageItem{{Origin: "https://a.test", Type: "local", Key: "+key", Purpose: "-1"}},
		}}}}}}
	var buf bytes.Buffer
	if err := (cookiesCSVWriter{}).Write(&buf, r); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatalf("not CSV: %v", err)
	}
	if len(rows) != 3 {
		t.Fatalf("%d rows, want header and 2", len(rows))
	}
	for _, row := range rows[1:] {
		if len(row) != len(CSVHeader) {
			t.Errorf("row has %d cells, want %d", len(row), len(CSVHeader))
		}
		for _, c := range row {
			if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
				t.Errorf("cell %q starts a formula", c)
			}
		}
	}
}

// TestDeclaration: every cookie and key of every phase once, with the
// phases and pages where it showed, the longest lifetime asked and a party.
func TestDeclaration(t *testing.T) {
	s := &model.Site{URL: "https://www.shop.test/", Scanned: true, Phases: map[string]*model.PhaseResult{
		model.PhaseBeforeConsent: {
			Requests: []model.Request{{Host: "cdn.tracker.test", Party: "third"}},
			Cookies:  []model.Cookie{{Name: "sid", Domain: "www.shop.test", Party: "first", Category: "essential", Session: true, Page: "https://www.shop.test/"}},
			Storage:  []model.StorageItem{{Origin: "https://cdn.tracker.test", Type: "local", Key: "tid", Vendor: "Tracker", Category: "advertising", Page: "https://www.shop.test/"}},
		},
		model.PhaseAfterAccept: {
			Cookies: []model.Cookie{
				{Name: "sid", Domain: "www.shop.test", Party: "first", Category: "essential", Session: true, Page: "https://www.shop.test/p"},
				{Name: "_t", Domain: ".tracker.test", Party: "third", Vendor: "Tracker", Category: "advertising", LifetimeDays: 30, Page: "https://www.shop.test/"},
			},
			Storage: []model.StorageItem{{Origin: "https://www.shop.test", Type: "session", Key: "cart", Page: "https://www.shop.test/"}},
		},
		model.PhaseGPC: {Cookies: []model.Cookie{{Name: "_t", Domain: ".tracker.test", Party: "third", Vendor: "Tracker", Category: "advertising", LifetimeDays: 390, Page: "https://www.shop.test/x"}}},
	}}
	got := siteDeclaration(s)
	type row struct{ name, typ, party, phases, pages, life, provider, purposeSrc string }
	want := []row{
		{"sid", DeclCookie, "first", "before-consent after-accept", "https://www.shop.test/ https://www.shop.test/p", "session", "www.shop.test", "category"},
		{"cart", DeclSession, "first", "after-accept", "https://www.shop.test/", "session", "www.shop.test", "none"},
		{"_t", DeclCookie, "third", "after-accept gpc", "https://www.shop.test/ https://www.shop.test/x", "13 months", "Tracker", "category"},
		{"tid", DeclLocal, "third", "before-consent", "https://www.shop.test/", "persistent until cleared", "Tracker", "category"},
	}
	if len(got) != len(want) {
		t.Fatalf("%d entries, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		g := got[i]
		have := row{g.Name, g.Type, g.Party, strings.Join(g.Phases, " "), strings.Join(g.Pages, " "), g.Lifetime, g.Provider, g.PurposeSource}
		if have != w {
			t.Errorf("entry %d = %+v, want %+v", i, have, w)
		}
	}
	if got[2].LifetimeDays != 390 {
		t.Errorf("lifetime %v, want the longest asked (390)", got[2].LifetimeDays)
	}
}

// BenchmarkHTMLDemo renders the rich (demo-like) report with its
// screenshots embedded.
func BenchmarkHTMLDemo(b *testing.B) { benchHTML(b, 1) }

// BenchmarkHTML50Sites renders a 50-site scan.
func BenchmarkHTML50Sites(b *testing.B) { benchHTML(b, 50) }

// BenchmarkHTMLReport renders the JSON report in $PRIVACYSCAN_BENCH_REPORT
// (a real scan, e.g. the demo's with --evidence-dir, its screenshots read
// from the paths it records), once as it is and with its first site
// repeated to 50 sites.
func BenchmarkHTMLReport(b *testing.B) {
	path := os.Getenv("PRIVACYSCAN_BENCH_REPORT")
	if path == "" {
		b.Skip("PRIVACYSCAN_BENCH_REPORT is not set")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{1, 50} {
		b.Run(fmt.Sprintf("sites=%d", n), func(b *testing.B) {
			var r model.Report
			if err := json.Unmarshal(data, &r); err != nil {
				b.Fatal(err)
			}
			for len(r.Sites) < n {
				r.Sites = append(r.Sites, r.Sites[0]) // rendering only reads it
			}
			o := goldenOptions()
			o.Screenshots = ScreenshotFiles("")
			benchWrite(b, &r, o)
		})
	}
}

func benchHTML(b *testing.B, n int) {
	benchWrite(b, richReportN(b, n), richOptions())
}

func benchWrite(b *testing.B, r *model.Report, o Options) {
	w, _ := New("html", o)
	var size int
	b.ResetTimer()
	for b.Loop() {
		var buf bytes.Buffer
		if err := w.Write(&buf, r); err != nil {
			b.Fatal(err)
		}
		size = buf.Len()
	}
	b.ReportMetric(float64(size)/1024, "KiB")
}

// TestHTMLManySites: a report of many sites opens no section but the list
// of sites, so that it reads as a list of verdicts; one of few sites opens
// them all.
func TestHTMLManySites(t *testing.T) {
	for _, tc := range []struct {
		sites    int
		fewest   int
		most     int
		sections string
	}{{1, 6, 1000, "few"}, {openSites + 1, 1, 1, "many"}} {
		t.Run(tc.sections, func(t *testing.T) {
			var buf bytes.Buffer
			if err := (htmlWriter{richOptions()}).Write(&buf, richReportN(t, tc.sites)); err != nil {
				t.Fatal(err)
			}
			open := strings.Count(buf.String(), "<details open") + strings.Count(buf.String(), "\" open>")
			if open < tc.fewest || open > tc.most {
				t.Errorf("%d sites: %d open sections, want %d to %d", tc.sites+1, open, tc.fewest, tc.most)
			}
		})
	}
}

// TestTableFooterFitsWidth: the provenance footer keeps within the
// terminal's width like the tables above it.
func TestTableFooterFitsWidth(t *testing.T) {
	o := richOptions()
	o.Width = 60
	var buf bytes.Buffer
	if err := (tableWriter{o}).Write(&buf, richReportN(t, 1)); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	i := strings.LastIndex(out, "Scanned with ")
	if i < 0 {
		t.Fatal("no provenance footer")
	}
	for _, l := range strings.Split(strings.TrimSpace(out[i:]), "\n") {
		if len([]rune(l)) > o.Width {
			t.Errorf("footer line of %d columns: %q", len([]rune(l)), l)
		}
	}
}
