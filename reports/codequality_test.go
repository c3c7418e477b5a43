package reports

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/privacyscan/privacyscan/scanner/model"
)

// TestCodeQuality checks what GitLab reads from the Code Quality report:
// the severity mapping, suppressed findings left out, baseline findings
// kept, a fingerprint always present, and [] for a clean scan (GitLab
// rejects a report that is not an array).
func TestCodeQuality(t *testing.T) {
	site := &model.Site{URL: "https://shop.test/", Scanned: true}
	finding := func(sev, fp string) model.Finding {
		return model.Finding{Rule: "r-" + sev, Severity: sev, Message: "m\x1b[31m " + sev, Fingerprint: fp}
	}
	tests := []struct {
		name     string
		findings []model.Finding
		want     []codeQualityIssue
	}{
		{"clean", nil, []codeQualityIssue{}},
		{"severities", []model.Finding{finding("critical", "a"), finding("high", "b"), finding("medium", "c"), finding("low", "d"), finding("info", "e")},
			[]codeQualityIssue{
				{CheckName: "r-critical", Severity: "blocker", Fingerprint: "a"},
				{CheckName: "r-high", Severity: "critical", Fingerprint: "b"},
				{CheckName: "r-medium", Severity: "major", Fingerprint: "c"},
				{CheckName: "r-low", Severity: "minor", Fingerprint: "d"},
				{CheckName: "r-info", Severity: "info", Fingerprint: "e"},
			}},
		{"suppressed out, baseline in", []model.Finding{
			func() model.Finding { f := finding("high", "s"); f.Suppressed = &model.Waiver{Reason: "ok"}; return f }(),
			func() model.Finding { f := finding("high", "b"); f.Baseline = true; return f }(),
		}, []codeQualityIssue{{CheckName: "r-high", Severity: "critical", Fingerprint: "b"}}},
		{"fingerprint derived", []model.Finding{finding("low", "")},
			[]codeQualityIssue{{CheckName: "r-low", Severity: "minor", Fingerprint: "derived"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &model.Report{Sites: []model.SiteReport{{Site: site, Findings: tt.findings}}}
			var buf bytes.Buffer
			if err := (codeQualityWriter{}).Write(&buf, r); err != nil {
				t.Fatal(err)
			}
			var got []codeQualityIssue
			if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
				t.Fatalf("not a JSON array: %v\n%s", err, buf.Bytes())
			}
			if got == nil || len(got) != len(tt.want) {
				t.Fatalf("got %d issues (%s), want %d", len(got), buf.Bytes(), len(tt.want))
			}
			for i, w := range tt.want {
				g := got[i]
				if g.CheckName != w.CheckName || g.Severity != w.Severity {
					t.Errorf("issue %d = %+v, want check %s severity %s", i, g, w.CheckName, w.Severity)
				}
				if (w.Fingerprint == "derived" && len(g.Fingerprint) != 32) || (w.Fingerprint != "derived" && g.Fingerprint != w.Fingerprint) {
					t.Errorf("issue %d fingerprint = %q, want %q", i, g.Fingerprint, w.Fingerprint)
				}
				if g.Location.Path != "https://shop.test/" || g.Location.Lines.Begin != 1 || g.Type != "issue" {
					t.Errorf("issue %d location = %+v", i, g.Location)
				}
				if bytes.ContainsRune([]byte(g.Description), 0x1b) {
					t.Errorf("issue %d description keeps control characters: %q", i, g.Description)
				}
			}
		})
	}
}
