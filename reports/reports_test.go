package reports

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/privacyscan/privacyscan/internal/golden"
	"github.com/privacyscan/privacyscan/reports/schema"
	"github.com/privacyscan/privacyscan/scanner/model"
)

func loadReport(t *testing.T) *model.Report {
	t.Helper()
	data, err := os.ReadFile("testdata/report.json")
	if err != nil {
		t.Fatal(err)
	}
	var r model.Report
	if err := json.Unmarshal(data, &r); err != nil {
		t.Fatal(err)
	}
	return &r
}

func validateJSON(t *testing.T, data []byte) {
	t.Helper()
	if err := schema.Validate(data); err != nil {
		t.Fatalf("report does not match the schema: %v", err)
	}
}

// TestFormatsGolden compares every format's rendering of testdata/report.json
// with testdata/golden.<format>. SARIF and JUnit are compared too, not only
// checked structurally: their text comes from the rule catalogue, and a
// change there is a change in what CI dashboards show, to be reviewed in
// the golden diff like any other.
func TestFormatsGolden(t *testing.T) {
	for _, name := range Formats() {
		t.Run(name, func(t *testing.T) {
			w, err := New(name, goldenOptions())
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := w.Write(&buf, loadReport(t)); err != nil {
				t.Fatal(err)
			}
			golden.Assert(t, filepath.Join("testdata", "golden."+name), buf.Bytes())
			if name == "sarif" || name == "junit" {
				checkStructure(t, name, buf.Bytes())
			}
			out := buf.String()
			if strings.ContainsAny(out, "\x1b\x07") {
				t.Errorf("%s output carries control characters from the site", name)
			}
			if name == "html" && (strings.Contains(out, "<script>alert") || strings.Contains(out, "<img src=x")) {
				t.Errorf("html output does not escape site strings")
			}
			if name == "json" {
				validateJSON(t, buf.Bytes())
			}
		})
	}
}

// goldenOptions are the options the golden files are rendered with: a scan
// in the EU that ends with exit 1 (its high finding).
func goldenOptions() Options {
	code := 1
	return Options{FailOn: "high", Jurisdiction: "eu", ExitCode: &code}
}

// TestNoUncomparedGolden fails on a golden file that no format writes, so a
// golden file cannot again sit in testdata while nothing compares it.
func TestNoUncomparedGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "golden.*"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if !slices.Contains(Formats(), strings.TrimPrefix(filepath.Ext(f), ".")) {
			t.Errorf("%s is not compared: no format %q", f, filepath.Ext(f))
		}
	}
	if len(files) != len(Formats()) {
		t.Errorf("%d golden files for %d formats %v", len(files), len(Formats()), Formats())
	}
}

// checkStructure checks what CI systems read from SARIF and JUnit output;
// sarif_test.go and junit_test.go check the rest.
func checkStructure(t *testing.T, name string, out []byte) {
	t.Helper()
	switch name {
	case "sarif":
		validateSARIF(t, out)
		checkSARIF(t, out)
	case "junit":
		validateJUnit(t, out)
		checkJUnit(t, out)
	}
}

func TestUnknownFormat(t *testing.T) {
	if _, err := New("yaml", Options{}); err == nil || !strings.Contains(err.Error(), "table") {
		t.Errorf("err = %v, want the list of formats", err)
	}
}

func TestSchemaRejectsBadReports(t *testing.T) {
	// The schema must catch a broken contract, or the validation of real
	// output proves nothing.
	for name, mutate := range map[string]func(m map[string]any){
		"bad phase name":  func(m map[string]any) { site(m)["phases"].(map[string]any)["before"] = map[string]any{} },
		"bad party":       func(m map[string]any) { firstCookie(m)["party"] = "own" },
		"missing finding": func(m map[string]any) { delete(site(m), "findings") },
		"bad severity":    func(m map[string]any) { site(m)["findings"].([]any)[0].(map[string]any)["severity"] = "urgent" },
		"bad stance":      func(m map[string]any) { site(m)["policy"].(map[string]any)["dnt_stance"] = "yes" },
		"bad attribution": func(m map[string]any) { firstRequest(m)["attribution"] = "guess" },
		"negative size":   func(m map[string]any) { firstRequest(m)["transfer_bytes"] = -1 },
		"settings as text": func(m map[string]any) {
			beforeConsent(m)["consent"] = map[string]any{"settings_available": "yes"}
		},
	} {
		data, _ := os.ReadFile("testdata/report.json")
		var m map[string]any
		_ = json.Unmarshal(data, &m)
		mutate(m)
		b, _ := json.Marshal(m)
		if schema.Validate(b) == nil {
			t.Errorf("%s: schema accepted it", name)
		}
	}
}

// TestSchemaAcceptsMeasurements: the measurements rules judge by
// (attribution, transfer size, settings layer) are part of the contract.
func TestSchemaAcceptsMeasurements(t *testing.T) {
	data, _ := os.ReadFile("testdata/report.json")
	var m map[string]any
	_ = json.Unmarshal(data, &m)
	firstRequest(m)["attribution"], firstRequest(m)["transfer_bytes"] = "kb", 43
	beforeConsent(m)["consent"] = map[string]any{"reject_available": false, "settings_available": true, "cookie_wall": false}
	b, _ := json.Marshal(m)
	validateJSON(t, b)
}

func site(m map[string]any) map[string]any { return m["sites"].([]any)[0].(map[string]any) }

func beforeConsent(m map[string]any) map[string]any {
	return site(m)["phases"].(map[string]any)["before-consent"].(map[string]any)
}

func firstRequest(m map[string]any) map[string]any {
	return beforeConsent(m)["requests"].([]any)[0].(map[string]any)
}

func firstCookie(m map[string]any) map[string]any {
	return site(m)["phases"].(map[string]any)["before-consent"].(map[string]any)["cookies"].([]any)[0].(map[string]any)
}

func TestClean(t *testing.T) {
	for in, want := range map[string]string{
		"plain":             "plain",
		"a\x1b[31mred\x07":  "a[31mred",
		"rtl\u202eevil":     "rtlevil",
		"multi\nline\ttext": "multi line text",
	} {
		if got := Clean(in, 0); got != want {
			t.Errorf("Clean(%q) = %q, want %q", in, got, want)
		}
	}
	if got := Clean("abcdef", 3); got != "abc…" {
		t.Errorf("Clean bound = %q", got)
	}
}

// TestUnscannedSitesAreNotGreen: no format shows a site that could not be
// scanned as a site without findings, and every format says why.
func TestUnscannedSitesAreNotGreen(t *testing.T) {
	report := func() *model.Report {
		return &model.Report{Tool: model.Tool{Name: "privacyscan", Version: "test"}, Sites: []model.SiteReport{
			{Site: &model.Site{URL: "https://down.test/", Scanned: false, Errors: []string{"before-consent: https://down.test/: net::ERR_CONNECTION_REFUSED"}}},
			{}, // an entry without observation
		}}
	}
	for _, name := range Formats() {
		t.Run(name, func(t *testing.T) {
			w, err := New(name, Options{})
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := w.Write(&buf, report()); err != nil {
				t.Fatal(err)
			}
			out := buf.String()
			if strings.Contains(strings.ToLower(out), "no findings") {
				t.Errorf("%s says \"no findings\" of a site that was not scanned:\n%s", name, out)
			}
			switch name {
			case "sarif":
				validateSARIF(t, buf.Bytes())
				for i, run := range parseSARIF(t, buf.Bytes()).Runs {
					if run.Results != nil || run.Invocations[0].ExecutionSuccessful {
						t.Errorf("run %d: results %v, execution successful %v", i, run.Results, run.Invocations[0].ExecutionSuccessful)
					}
				}
			case "junit":
				validateJUnit(t, buf.Bytes())
				d := parseJUnit(t, buf.Bytes())
				if d.Errors != 2 || d.Tests != 2 {
					t.Errorf("junit: %d errors in %d tests, want 2 in 2", d.Errors, d.Tests)
				}
			case "json", "jsonl":
				// The JSON report carries the observation itself: scanned false.
				if !strings.Contains(out, `"scanned": false`) && !strings.Contains(out, `"scanned":false`) {
					t.Errorf("json lacks scanned: false:\n%s", out)
				}
			default:
				if strings.Count(out, "Not scanned") != 2 || !strings.Contains(out, "ERR_CONNECTION_REFUSED") && !strings.Contains(out, `ERR\_CONNECTION\_REFUSED`) {
					t.Errorf("%s does not say both sites were not scanned, or why:\n%s", name, out)
				}
			}
		})
	}
}
