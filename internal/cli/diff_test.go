package cli

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/pflag"

	"github.com/privacyscan/privacyscan/scanner/model"
)

// testReport reads the reports package's sample report and lets change
// alter it before it is written to a temporary file, whose path it returns.
func testReport(t *testing.T, change func(r *model.Report)) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "reports", "testdata", "report.json"))
	if err != nil {
		t.Fatal(err)
	}
	var r model.Report
	if err := json.Unmarshal(data, &r); err != nil {
		t.Fatal(err)
	}
	if change != nil {
		change(&r)
	}
	out, err := json.MarshalIndent(&r, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return writeFile(t, "report.json", string(out))
}

// withFinding adds a finding of severity sev to the first site.
func withFinding(sev string, suppressed bool) func(r *model.Report) {
	return func(r *model.Report) {
		f := model.Finding{Rule: "tracking-before-consent", Severity: sev, Message: "Hotjar fired before consent", Subject: "hotjar", Fingerprint: "new-" + sev, Evidence: []model.Evidence{}}
		if suppressed {
			f.Suppressed = &model.Waiver{Reason: "accepted"}
		}
		r.Sites[0].Findings = append(r.Sites[0].Findings, f)
	}
}

// TestDiffExitCodes runs `privacyscan diff` in-process: exit 1 only for a
// new finding at or above --fail-on, 2 for anything that is not two
// readable privacyscan reports.
func TestDiffExitCodes(t *testing.T) {
	old := testReport(t, nil)
	same := testReport(t, nil)
	newHigh := testReport(t, withFinding(model.SeverityHigh, false))
	newMedium := testReport(t, withFinding(model.SeverityMedium, false))
	newSuppressed := testReport(t, withFinding(model.SeverityCritical, true))
	resolved := testReport(t, func(r *model.Report) { r.Sites[0].Findings = []model.Finding{} })
	sarif := writeFile(t, "report.sarif", `{"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0", "runs": []}`)
	notJSON := writeFile(t, "report.json", "<html></html>")
	otherTool := writeFile(t, "other.json", `{"schema_version": 1, "tool": {"name": "othertool", "version": "1"}, "sites": []}`)
	dir := t.TempDir()
	mdOut := filepath.Join(dir, "diff.md")

	cases := []struct {
		name string
		args []string
		exit int
		want string // in stdout+stderr
	}{
		{"identical", []string{"diff", "--format", "table", old, same}, ExitOK, "0 new findings"},
		{"new high", []string{"diff", old, newHigh}, ExitFindings, `"fingerprint": "new-high"`},
		{"new high, fail on critical", []string{"diff", "--fail-on", "critical", old, newHigh}, ExitOK, "new-high"},
		{"new high, fail on none", []string{"diff", "--fail-on", "none", "--format", "table", old, newHigh}, ExitOK, "1 new finding, 0 resolved"},
		{"new medium", []string{"diff", old, newMedium}, ExitOK, "new-medium"},
		{"new medium, fail on medium", []string{"diff", "--fail-on", "medium", old, newMedium}, ExitFindings, "new-medium"},
		{"new but suppressed", []string{"diff", "--fail-on", "info", old, newSuppressed}, ExitOK, "new-critical"},
		{"resolved only", []string{"diff", "--format", "markdown", old, resolved}, ExitOK, "#### Resolved findings"},
		{"markdown to a file", []string{"diff", "--format", "markdown", "-o", mdOut, old, newHigh}, ExitFindings, ""},
		{"help", []string{"diff", "--help"}, ExitOK, "Exit codes"},

		{"one report", []string{"diff", old}, ExitUsage, "want two reports"},
		{"missing old", []string{"diff", filepath.Join(dir, "nope.json"), newHigh}, ExitUsage, "nope.json: no such file"},
		{"unreadable", []string{"diff", dir, newHigh}, ExitUsage, "reading " + dir},
		{"sarif", []string{"diff", sarif, newHigh}, ExitUsage, "not a privacyscan JSON report"},
		{"not json", []string{"diff", old, notJSON}, ExitUsage, "not a privacyscan JSON report"},
		{"another tool", []string{"diff", old, otherTool}, ExitUsage, `tool.name is "othertool"`},
		{"bad format", []string{"diff", "--format", "sarif", old, same}, ExitUsage, "unknown format"},
		{"bad fail-on", []string{"diff", "--fail-on", "urgent", old, same}, ExitUsage, "--fail-on"},
		{"unwritable output", []string{"diff", "-o", "/nonexistent/dir/d.json", old, same}, ExitUsage, "/nonexistent/dir/d.json"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, stdout, stderr := run(t, c.args...)
			if code != c.exit {
				t.Fatalf("exit = %d, want %d; stderr:\n%s", code, c.exit, stderr)
			}
			if !strings.Contains(stdout+stderr, c.want) {
				t.Errorf("output lacks %q:\nstdout:\n%s\nstderr:\n%s", c.want, stdout, stderr)
			}
		})
	}
	md, err := os.ReadFile(mdOut)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(md), "<!-- privacyscan-diff -->\n## privacyscan diff") || !strings.Contains(string(md), "#### New findings") {
		t.Errorf("-o wrote:\n%s", md)
	}
}

// TestBaselineFile: --baseline takes only a privacyscan JSON report, and a
// missing one only with --baseline-missing ok.
func TestBaselineFile(t *testing.T) {
	good := testReport(t, nil)
	sarif := writeFile(t, "old.sarif", `{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "privacyscan"}}, "results": []}]}`)
	invalid := writeFile(t, "old.json", `{"schema_version": 1, "tool": {"name": "privacyscan", "version": "x"}, "sites": [{"url": 1}]}`)
	missing := filepath.Join(t.TempDir(), "baseline.json")
	cases := []struct {
		name       string
		args       []string
		wantErr    string
		wantNotice bool
		wantPrints int // fingerprints in the baseline
	}{
		{name: "report", args: []string{"--baseline", good}, wantPrints: 2},
		{name: "sarif", args: []string{"--baseline", sarif}, wantErr: "not a privacyscan JSON report"},
		{name: "schema mismatch", args: []string{"--baseline", invalid}, wantErr: "not a valid privacyscan JSON report"},
		{name: "missing", args: []string{"--baseline", missing}, wantErr: "--baseline-missing ok"},
		{name: "missing, error", args: []string{"--baseline", missing, "--baseline-missing", "error"}, wantErr: "no such file"},
		{name: "missing, ok", args: []string{"--baseline", missing, "--baseline-missing", "ok"}, wantNotice: true},
		{name: "present, ok", args: []string{"--baseline", good, "--baseline-missing", "ok"}, wantPrints: 2},
		{name: "bad value", args: []string{"--baseline", good, "--baseline-missing", "maybe"}, wantErr: "want error or ok"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fs := pflag.NewFlagSet("scan", pflag.ContinueOnError)
			var g ruleFlags
			g.register(fs)
			if err := fs.Parse(c.args); err != nil {
				t.Fatal(err)
			}
			o, err := g.options()
			if c.wantErr != "" {
				var ue *UsageError
				if err == nil || !strings.Contains(err.Error(), c.wantErr) || !errors.As(err, &ue) {
					t.Fatalf("error = %v, want a usage error containing %q", err, c.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if (o.BaselineNotice != "") != c.wantNotice || len(o.Baseline) != c.wantPrints {
				t.Errorf("notice %q, %d fingerprints; want notice %v, %d", o.BaselineNotice, len(o.Baseline), c.wantNotice, c.wantPrints)
			}
		})
	}
}

// TestBaselineMissingNotice: a first run with --baseline-missing ok says on
// standard error, even with --quiet, that no baseline was applied. The
// browser address is closed, so the run stops right after (exit 4).
func TestBaselineMissingNotice(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "baseline.json")
	code, _, stderr := run(t, "scan", "-q", "--baseline", missing, "--baseline-missing", "ok", "--browser-url", "ws://127.0.0.1:"+closedPort(t)+"/devtools/browser/x", "https://a.test")
	if code != ExitRuntime || !strings.Contains(stderr, "notice: --baseline "+missing+" does not exist") {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
	code, _, stderr = run(t, "scan", "-q", "--baseline", missing, "https://a.test")
	if code != ExitUsage || !strings.Contains(stderr, "--baseline-missing ok") {
		t.Errorf("without --baseline-missing ok: exit %d, stderr:\n%s", code, stderr)
	}
}
