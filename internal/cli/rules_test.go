package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/privacyscan/privacyscan/rules"
)

func runCLI(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Run(context.Background(), args, strings.NewReader(""), &out, &errb)
	return out.String(), errb.String(), code
}

func TestRulesCommand(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.yaml")
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(good, []byte("rules:\n  policy-outdated: off\ncustom_rules:\n  - id: no-hotjar\n    host: \"*.hotjar.com\"\n"), 0o644)
	os.WriteFile(bad, []byte("rules:\n  policy-outdated: off\n  tracking-before-consnt: low\n"), 0o644)
	cases := []struct {
		name   string
		args   []string
		exit   int
		stdout []string // substrings
		stderr []string
	}{
		{"table", []string{"rules"}, 0, []string{"tracking-before-consent", "Severity (eu)", fmt.Sprintf("%d rules", len(rules.Catalogue()))}, nil},
		{"table in California", []string{"rules", "--jurisdiction", "us-ca"}, 0, []string{"Severity (us-ca)"}, nil},
		{"with config", []string{"rules", "--config", good}, 0, []string{"no-hotjar (custom)", fmt.Sprintf("%d rules", len(rules.Catalogue())+1)}, nil},
		{"help", []string{"rules", "--help"}, 0, []string{"--format", "--jurisdiction"}, nil},
		{"bad format", []string{"rules", "--format", "xml"}, 2, nil, []string{`--format "xml"`}},
		{"bad jurisdiction", []string{"rules", "--jurisdiction", "mars"}, 2, nil, []string{`unknown jurisdiction "mars"`}},
		{"bad config names file and line", []string{"rules", "--config", bad}, 2, nil, []string{bad + ":3: rules.tracking-before-consnt: no such rule (did you mean tracking-before-consent?)"}},
		{"stray argument", []string{"rules", "extra"}, 2, nil, []string{`unexpected argument "extra"`}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			out, errs, code := runCLI(t, tc.args...)
			if code != tc.exit {
				t.Fatalf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tc.exit, out, errs)
			}
			for _, s := range tc.stdout {
				if !strings.Contains(out, s) {
					t.Errorf("stdout lacks %q:\n%s", s, out)
				}
			}
			for _, s := range tc.stderr {
				if !strings.Contains(errs, s) {
					t.Errorf("stderr lacks %q:\n%s", s, errs)
				}
			}
		})
	}
}

func TestRulesJSON(t *testing.T) {
	out, _, code := runCLI(t, "rules", "--format", "json", "--jurisdiction", "us-ca")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var doc struct {
		Jurisdiction string `json:"jurisdiction"`
		Rules        []struct {
			ID        string   `json:"id"`
			Effective string   `json:"effective_severity"`
			Refs      []string `json:"references"`
			Examples  []struct {
				Name  string `json:"name"`
				Fires bool   `json:"fires"`
			} `json:"examples"`
		} `json:"rules"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Jurisdiction != "us-ca" || len(doc.Rules) != len(rules.Catalogue()) {
		t.Fatalf("jurisdiction %q, %d rules", doc.Jurisdiction, len(doc.Rules))
	}
	eff := map[string]string{}
	for _, r := range doc.Rules {
		eff[r.ID] = r.Effective
		if len(r.Refs) == 0 || len(r.Examples) == 0 {
			t.Errorf("%s: references or examples missing from JSON", r.ID)
		}
	}
	if eff["gpc-ignored"] != "high" || eff["tracking-before-consent"] != "off" || eff["dnt-not-disclosed"] != "medium" {
		t.Errorf("California severities wrong: %v", eff)
	}
}

// TestRulesMarkdownIsDocs keeps docs/rules.md what the command prints.
func TestRulesMarkdownIsDocs(t *testing.T) {
	out, _, code := runCLI(t, "rules", "--format", "markdown")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	want, err := os.ReadFile(filepath.Join("..", "..", rules.DocsPath))
	if err != nil {
		t.Fatal(err)
	}
	if out != string(want) {
		t.Errorf("%s is out of date: run go test ./rules -update", rules.DocsPath)
	}
}
