package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/privacyscan/privacyscan/internal/golden"
	"github.com/privacyscan/privacyscan/scanner/model"
)

func TestLoadFull(t *testing.T) {
	cfg, err := Load(filepath.Join("testdata", "full.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	golden.AssertJSON(t, filepath.Join("testdata", "full.golden.json"), cfg)
	// Spot checks that do not depend on the golden file.
	if !cfg.Rules["policy-outdated"].Off || cfg.Rules["cookie-insecure"].Severity != "low" {
		t.Errorf("rules section: %+v", cfg.Rules)
	}
	if cr := cfg.CustomRules[0]; cr.Severity != "medium" || len(cr.Never) != 1 || cr.Never[0] != "before-consent" {
		t.Errorf("custom host rule defaults: %+v", cr)
	}
	s := cfg.Suppressions[0]
	if s.Expired(time.Date(2026, 12, 31, 23, 59, 0, 0, time.UTC)) || !s.Expired(time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("a suppression applies through its expiry day: %v", s.ExpiresAt)
	}
	if cfg.Suppressions[1].Expired(time.Now()) {
		t.Error("a suppression without expiry never expires")
	}
}

func TestEmpty(t *testing.T) {
	for _, data := range []string{"", "# nothing\n", "{}\n"} {
		cfg, err := Parse("x.yaml", []byte(data))
		if err != nil || cfg == nil {
			t.Errorf("%q: %v", data, err)
		}
	}
}

func TestInvalid(t *testing.T) {
	cases := []struct {
		name, yaml string
		want       []string // each a full error line
	}{
		{"syntax", "rules:\n  a: b\n c: d\n", []string{"x.yaml:2: did not find expected key"}},
		{"unknown top-level key", "first_party: [a.example]\nsupressions: []\n", []string{"x.yaml:2: field supressions not found"}},
		{"unknown nested key", "custom_rules:\n  - id: a\n    hosts: x.example\n", []string{"x.yaml:3: field hosts not found"}},
		{"wrong type", "first_party: shop.example\n", []string{"x.yaml:1: cannot unmarshal !!str `shop.ex...` into []string"}},
		{"bad severity", "rules:\n  cookie-insecure: severe\n", []string{`x.yaml:2: rules.cookie-insecure: "severe" is not a severity (want info, low, medium, high, critical or off)`}},
		{"first party with scheme", "first_party:\n  - https://cdn.example/\n", []string{`x.yaml:2: first_party: "https://cdn.example/" is not a domain (write shop-cdn.example, without scheme or path)`}},
		{"allow without reason", "allow:\n  vendors:\n    - vendor: hotjar\n", []string{`x.yaml:3: allow.vendors: "hotjar" needs a reason`}},
		{"allow cookie bad glob", "allow:\n  cookies:\n    - name: \"[x\"\n      reason: r\n", []string{`x.yaml:3: allow.cookies: "[x" is not a valid pattern`}},
		{"custom rule without id", "custom_rules:\n  - host: x.example\n", []string{"x.yaml:2: custom_rules[0]: id is required"}},
		{"custom rule both kinds", "custom_rules:\n  - id: a\n    host: x.example\n    cookie: y\n", []string{"x.yaml:2: custom rule a: set host or cookie, not both"}},
		{"custom rule bad phase", "custom_rules:\n  - id: a\n    host: x.example\n    never: [before, gpc]\n", []string{`x.yaml:4: custom rule a: phase "before" is not one of before-consent, after-accept, after-reject, dnt, gpc`}},
		{"custom cookie rule without requirement", "custom_rules:\n  - id: a\n    cookie: SESS*\n", []string{"x.yaml:2: custom rule a: a cookie rule needs require or max_lifetime_days"}},
		{"custom rule bad requirement", "custom_rules:\n  - id: a\n    cookie: SESS*\n    require: [secure, httponly]\n", []string{`x.yaml:4: custom rule a: requirement "httponly" is not one of secure, http_only, same_site`}},
		{"duplicate custom id", "custom_rules:\n  - id: a\n    host: x.example\n  - id: a\n    host: y.example\n", []string{"x.yaml:4: custom rule a: id is used twice"}},
		{"suppression without reason and bad date", "suppressions:\n  - rule: cookie-insecure\n    expires: 31/12/2026\n", []string{
			"x.yaml:2: suppressions[0]: reason is required: say why the finding is accepted",
			`x.yaml:3: suppressions[0]: expires "31/12/2026" is not a date (YYYY-MM-DD)`}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cfg, err := Parse("x.yaml", []byte(tc.yaml))
			if err == nil {
				t.Fatalf("no error; parsed %+v", cfg)
			}
			var ce *model.ConfigError
			if !errors.As(err, &ce) || ce.File != "x.yaml" || ce.Line == 0 {
				t.Errorf("error is not a *config.Error with file and line: %#v", err)
			}
			got := strings.Split(err.Error(), "\n")
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", err, strings.Join(tc.want, "\n"))
			}
		})
	}
}

func TestFind(t *testing.T) {
	dir := t.TempDir()
	if _, ok := Find(dir); ok {
		t.Fatal("found a file in an empty directory")
	}
	p := filepath.Join(dir, ".privacyscan.yml")
	if err := os.WriteFile(p, []byte("{}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, ok := Find(dir); !ok || got != p {
		t.Errorf("Find = %q, %v", got, ok)
	}
	if _, err := Load(filepath.Join(dir, "missing.yaml")); err == nil || !strings.Contains(err.Error(), "missing.yaml") {
		t.Errorf("missing file: %v", err)
	}
}
