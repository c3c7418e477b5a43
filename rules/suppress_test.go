package rules

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/privacyscan/privacyscan/internal/config"
	"github.com/privacyscan/privacyscan/scanner/model"
)

func TestFingerprintStable(t *testing.T) {
	same := []string{
		"https://shop.test/",
		"https://shop.test",
		"https://www.shop.test/?utm_source=news#top",
		"HTTPS://Shop.Test:443/",
	}
	want := Fingerprint("tracking-before-consent", same[0], "meta-pixel")
	for _, u := range same[1:] {
		if got := Fingerprint("tracking-before-consent", u, "meta-pixel"); got != want {
			t.Errorf("%s: fingerprint %s, want %s", u, got, want)
		}
	}
	differ := [][3]string{
		{"cookie-before-consent", "https://shop.test/", "meta-pixel"},
		{"tracking-before-consent", "https://shop.test/de/", "meta-pixel"},
		{"tracking-before-consent", "http://shop.test/", "meta-pixel"},
		{"tracking-before-consent", "https://shop.test/", "google-analytics"},
	}
	for _, d := range differ {
		if Fingerprint(d[0], d[1], d[2]) == want {
			t.Errorf("%v has the same fingerprint", d)
		}
	}
	if len(want) != 32 {
		t.Errorf("fingerprint %q is not 32 hex digits", want)
	}
}

// TestFingerprintIgnoresEvidence: a rescan that sees the tracker on other
// pages, with other query strings, keeps the fingerprint.
func TestFingerprintIgnoresEvidence(t *testing.T) {
	a := exSite(inPhase(model.PhaseBeforeConsent, exMetaPixel))
	other := exMetaPixel
	other.URL = "https://www.facebook.com/tr?id=1234&ev=ViewContent&ts=99"
	other.Page = "https://shop.test/product/7"
	b := exSite(inPhase(model.PhaseBeforeConsent, other))
	fa := Evaluate(a, Options{Now: testNow, Only: []string{"tracking-before-consent"}})
	fb := Evaluate(b, Options{Now: testNow, Only: []string{"tracking-before-consent"}})
	if len(fa) != 1 || len(fb) != 1 || fa[0].Fingerprint != fb[0].Fingerprint {
		t.Fatalf("fingerprints differ: %+v / %+v", fa, fb)
	}
}

func TestCountsTowardExit(t *testing.T) {
	cases := []struct {
		f      model.Finding
		failOn string
		want   bool
	}{
		{model.Finding{Severity: High}, High, true},
		{model.Finding{Severity: Critical}, High, true},
		{model.Finding{Severity: Medium}, High, false},
		{model.Finding{Severity: Medium}, "", false},
		{model.Finding{Severity: Low}, Low, true},
		{model.Finding{Severity: Critical}, "none", false},
		{model.Finding{Severity: Critical, Suppressed: &model.Waiver{Reason: "x"}}, Info, false},
		{model.Finding{Severity: Critical, Baseline: true}, Info, false},
	}
	for _, tc := range cases {
		if got := CountsTowardExit(tc.f, tc.failOn); got != tc.want {
			t.Errorf("CountsTowardExit(%+v, %q) = %v", tc.f, tc.failOn, got)
		}
	}
	if CheckFailOn("none") != nil || CheckFailOn(Medium) != nil || CheckFailOn("severe") == nil {
		t.Error("CheckFailOn")
	}
}

func TestSuppressor(t *testing.T) {
	cfg := &model.Config{Path: ".privacyscan.yaml", Suppressions: []model.Suppression{
		{Rule: "tracking-before-consent", Subject: "meta-*", Reason: "ticket 12", Line: 3},
		{Rule: "cookie-before-consent", Reason: "old", Expires: "2026-01-31", ExpiresAt: time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC), Line: 7},
		{Rule: "policy-not-found", Reason: "fixed long ago", Line: 11},
		{Rule: "*", URL: "https://other.test/", Reason: "another site", Line: 14},
	}}
	site := exSite(inPhase(model.PhaseBeforeConsent, exMetaPixel, exGA4, exFBP))
	fs := Evaluate(site, Options{Now: testNow, Only: []string{"tracking-before-consent", "cookie-before-consent"}})
	s := NewSuppressor(cfg, testNow)
	fs = s.Apply(site.URL, fs)
	got := map[string]bool{}
	for _, f := range fs {
		got[f.Rule+"/"+f.Subject] = f.Suppressed != nil
	}
	want := map[string]bool{
		"tracking-before-consent/meta-pixel":       true,
		"tracking-before-consent/google-analytics": false,
		"cookie-before-consent/_fbp@shop.test":     false, // its suppression expired
	}
	if len(got) != len(want) {
		t.Fatalf("findings %v", got)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s suppressed = %v, want %v", k, got[k], v)
		}
	}
	notices := s.Notices()
	kinds := []string{}
	for _, n := range notices {
		kinds = append(kinds, n.Kind+"@"+itoaLine(n.Suppression.Line))
	}
	if b, _ := json.Marshal(kinds); string(b) != `["expired@7","stale@11","stale@14"]` {
		t.Errorf("notices %s: %+v", b, notices)
	}
	// The other site's suppression applies there.
	other := exSite(func(s *model.Site) { s.URL, s.FinalURL = "https://other.test/", "https://other.test/" }, inPhase(model.PhaseBeforeConsent, exGA4))
	ofs := s.Apply(other.URL, Evaluate(other, Options{Now: testNow, Only: []string{"tracking-before-consent"}}))
	if len(ofs) != 1 || ofs[0].Suppressed == nil || ofs[0].Suppressed.Reason != "another site" {
		t.Errorf("other site: %+v", ofs)
	}
	if n := s.Notices(); len(n) != 2 {
		t.Errorf("after the second site, want expired and one stale, got %+v", n)
	}
}

func itoaLine(i int) string {
	b, _ := json.Marshal(i)
	return string(b)
}

func TestBaseline(t *testing.T) {
	site := exSite(inPhase(model.PhaseBeforeConsent, exMetaPixel, exGA4))
	fs := Evaluate(site, Options{Now: testNow, Only: []string{"tracking-before-consent"}})
	if len(fs) != 2 {
		t.Fatalf("%+v", fs)
	}
	prev, _ := json.Marshal(map[string]any{"schema_version": 1, "tool": map[string]any{"name": "privacyscan", "version": "test"}, "sites": []any{
		map[string]any{"url": site.URL, "findings": []any{map[string]any{"rule": fs[0].Rule, "fingerprint": fs[0].Fingerprint}}},
	}})
	b, err := ParseBaseline(prev)
	if err != nil {
		t.Fatal(err)
	}
	fs = b.Apply(fs)
	if !fs[0].Baseline || fs[1].Baseline {
		t.Errorf("baseline marks: %v %v", fs[0].Baseline, fs[1].Baseline)
	}
	if CountsTowardExit(fs[0], Info) || !CountsTowardExit(fs[1], Info) {
		t.Error("only the new finding counts toward the exit code")
	}
}

// TestBaselineRefusesOtherJSON: a baseline that is not a privacyscan report
// is an error that says why, not an empty baseline under which every
// finding is new.
func TestBaselineRefusesOtherJSON(t *testing.T) {
	cases := []struct {
		name, data, want string
	}{
		{"not json", "not json", "not a privacyscan JSON report"},
		{"sarif", `{"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0", "runs": [{"tool": {"driver": {"name": "privacyscan"}}, "results": []}]}`, "no schema_version and no tool.name"},
		{"another tool", `{"schema_version": 1, "tool": {"name": "othertool"}, "sites": []}`, `tool.name is "othertool"`},
		{"no schema version", `{"tool": {"name": "privacyscan"}, "sites": []}`, "schema_version is 0"},
		{"newer schema", `{"schema_version": 99, "tool": {"name": "privacyscan"}, "sites": []}`, "upgrade privacyscan"},
		{"empty object", `{}`, "no schema_version and no tool.name"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseBaseline([]byte(c.data))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error = %v, want it to contain %q", err, c.want)
			}
		})
	}
}

func TestConfigSeverityAndOff(t *testing.T) {
	site := exSite(inPhase(model.PhaseBeforeConsent, exMetaPixel, exFBP))
	cfg := &model.Config{Rules: map[string]model.RuleSetting{
		"tracking-before-consent": {Severity: Low},
		"cookie-before-consent":   {Off: true},
	}}
	fs := Evaluate(site, Options{Now: testNow, Config: cfg})
	for _, f := range fs {
		if f.Rule == "cookie-before-consent" {
			t.Errorf("rule turned off still fires: %+v", f)
		}
		if f.Rule == "tracking-before-consent" && f.Severity != Low {
			t.Errorf("severity %s, configured low", f.Severity)
		}
	}
}

// TestSeverityFor: what reports call a rule's severity, or off, is what
// Evaluate runs it at: configuration, then jurisdiction, then default.
func TestSeverityFor(t *testing.T) {
	cfg := &model.Config{Rules: map[string]model.RuleSetting{
		"tracking-before-consent": {Severity: Low},
		"cookie-before-consent":   {Off: true},
	}}
	for _, tc := range []struct {
		rule, jurisdiction string
		cfg                *model.Config
		want               string
		on                 bool
	}{
		{"tracking-before-consent", "", nil, High, true},
		{"tracking-before-consent", "us-ca", nil, Off, false},
		{"tracking-before-consent", "us-ca", cfg, Low, true},
		{"cookie-before-consent", "eu", cfg, Off, false},
		{"dnt-not-disclosed", "de", nil, Off, false},
		{"dnt-not-disclosed", "us-ca", nil, Medium, true},
	} {
		rl, ok := Lookup(tc.rule)
		if !ok {
			t.Fatalf("no rule %s", tc.rule)
		}
		if sev, on := SeverityFor(rl, Options{Jurisdiction: tc.jurisdiction, Config: tc.cfg}); sev != tc.want || on != tc.on {
			t.Errorf("%s in %q: %s, %v; want %s, %v", tc.rule, tc.jurisdiction, sev, on, tc.want, tc.on)
		}
	}
}

func TestAllowedVendorAndFirstParty(t *testing.T) {
	matomo := exPixel("https://stats.shop-analytics.test/matomo.php?idsite=1", "matomo", "Matomo", "analytics")
	unknownPixel := exPixel("https://img.shop-cdn.test/p.gif", "", "", "unknown")
	site := exSite(inPhase(model.PhaseBeforeConsent, matomo, unknownPixel))
	fs := Evaluate(site, Options{Now: testNow, Only: []string{"tracking-before-consent"}})
	if len(fs) != 2 {
		t.Fatalf("without configuration both count: %+v", fs)
	}
	cfg := &model.Config{FirstParty: []string{"shop-cdn.test"}, Allow: model.Allow{Vendors: []model.AllowedVendor{{Vendor: "Matomo", Reason: "exempt"}}}}
	if fs := Evaluate(site, Options{Now: testNow, Config: cfg, Only: []string{"tracking-before-consent"}}); len(fs) != 0 {
		t.Errorf("allowed vendor or first-party CDN reported: %+v", fs)
	}
}

func TestCheckConfig(t *testing.T) {
	cfg, err := config.Parse("c.yaml", []byte("rules:\n  no-consent-baner: off\ncustom_rules:\n  - id: policy-outdated\n    host: x.test\nsuppressions:\n  - rule: nope\n    reason: r\n"))
	if err != nil {
		t.Fatal(err)
	}
	err = CheckConfig(cfg)
	want := "c.yaml:2: rules.no-consent-baner: no such rule (did you mean no-consent-banner?)\n" +
		"c.yaml:4: custom rule policy-outdated: the id is a built-in rule's; choose another\n" +
		"c.yaml:7: suppressions[0]: no such rule \"nope\" (privacyscan rules lists them)"
	if err == nil || err.Error() != want {
		t.Errorf("got:\n%v\nwant:\n%s", err, want)
	}
}

// TestOddObservations: rules never panic and never return nil on partial data.
func TestOddObservations(t *testing.T) {
	sites := map[string]*model.Site{
		"nil":         nil,
		"empty":       {},
		"nil phases":  {URL: "https://x.test/", Scanned: true, Phases: map[string]*model.PhaseResult{"before-consent": nil, "dnt": {}}},
		"nil policy":  exSite(func(s *model.Site) { s.Policy = nil }),
		"bad urls":    exSite(inPhase(model.PhaseBeforeConsent, model.Request{URL: "::not a url", Category: "advertising", Pixel: true})),
		"bad date":    exSite(withPolicy(func(p *model.PolicyFacts) { d := "last spring"; p.LastUpdated = &d })),
		"no url":      exSite(func(s *model.Site) { s.URL, s.FinalURL = "", "" }),
		"unknown cat": exSite(inPhase(model.PhaseAfterReject, model.Cookie{Name: "x", Category: "mystery"})),
	}
	for name, s := range sites {
		t.Run(name, func(t *testing.T) {
			fs := Evaluate(s, Options{Now: testNow, Vendors: testVendors, Jurisdiction: "de"})
			if fs == nil {
				t.Fatal("nil findings")
			}
			if b, _ := json.Marshal(fs); string(b) == "null" {
				t.Fatal("null JSON")
			}
		})
	}
}

// TestConfigurationDocParses keeps the example in docs/configuration.md valid.
func TestConfigurationDocParses(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "docs", "configuration.md"))
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	start := strings.Index(doc, "```yaml\n")
	end := strings.Index(doc[start+8:], "```")
	if start < 0 || end < 0 {
		t.Fatal("no yaml block in docs/configuration.md")
	}
	cfg, err := config.Parse("docs/configuration.md", []byte(doc[start+8:start+8+end]))
	if err == nil {
		err = CheckConfig(cfg)
	}
	if err != nil {
		t.Fatal(err)
	}
	if len(cfg.CustomRules) != 2 || len(cfg.Suppressions) != 1 || len(cfg.Allow.Vendors) != 1 {
		t.Errorf("example lost entries: %+v", cfg)
	}
}
