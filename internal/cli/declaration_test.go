package cli

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/privacyscan/privacyscan/reports"
	"github.com/privacyscan/privacyscan/scanner/model"
)

// TestReportCookieDeclarationAndHTML renders a saved JSON report through
// the CLI as the cookie declaration (CSV and JSON) and as HTML, whose
// screenshots are read from the paths the report records.
func TestReportCookieDeclarationAndHTML(t *testing.T) {
	data, err := os.ReadFile("../../reports/testdata/rich-site.json")
	if err != nil {
		t.Fatal(err)
	}
	var site model.Site
	if err := json.Unmarshal(data, &site); err != nil {
		t.Fatal(err)
	}
	shot, err := filepath.Abs("../../reports/testdata/evidence/before-consent.png")
	if err != nil {
		t.Fatal(err)
	}
	site.Phases[model.PhaseBeforeConsent].Screenshot = shot
	rep := model.Report{SchemaVersion: model.SchemaVersion, Tool: toolOf("test"), StartedAt: "2026-01-02T03:04:05Z",
		Sites: []model.SiteReport{{Site: &site, Findings: []model.Finding{}}}}
	b, _ := json.Marshal(rep)
	in := writeFile(t, "r.json", string(b))
	dir := t.TempDir()

	csvPath := filepath.Join(dir, "c.csv")
	if code, _, stderr := run(t, "report", in, "--format", "cookies-csv", "-o", csvPath); code != ExitOK {
		t.Fatalf("cookies-csv: exit %d: %s", code, stderr)
	}
	f, err := os.Open(csvPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("not CSV: %v", err)
	}
	if len(rows) < 5 || strings.Join(rows[0], ",") != strings.Join(reports.CSVHeader, ",") {
		t.Errorf("%d rows, header %v", len(rows), rows[0])
	}

	if code, stdout, stderr := run(t, "report", in, "--format", "cookies-json"); code != ExitOK || !strings.Contains(stdout, `"privacyscan-cookie-declaration"`) {
		t.Errorf("cookies-json: exit %d: %s%s", code, stdout, stderr)
	}

	htmlPath := filepath.Join(dir, "r.html")
	if code, _, stderr := run(t, "report", in, "--format", "html", "-o", htmlPath); code != ExitOK {
		t.Fatalf("html: exit %d: %s", code, stderr)
	}
	html, err := os.ReadFile(htmlPath)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(html), `<img src="data:image/png;base64,`); n != 1 {
		t.Errorf("%d screenshots embedded, want the one whose file exists", n)
	}
	if !strings.Contains(string(html), "Screenshot missing") {
		t.Error("the HTML does not say which screenshots are missing")
	}
}
