package reports

import (
	"bytes"
	"encoding/json"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/privacyscan/privacyscan/rules"
	"github.com/privacyscan/privacyscan/scanner/model"
)

// sarifSchema compiles the official SARIF 2.1.0 schema (testdata, see
// testdata/SCHEMAS.md), with formats (uri, date-time) asserted.
func sarifSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open("testdata/sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(SARIFSchemaURI, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(SARIFSchemaURI)
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

func validateSARIF(t *testing.T, out []byte) {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if err := sarifSchema(t).Validate(inst); err != nil {
		t.Fatalf("SARIF output does not match the SARIF 2.1.0 schema: %v", err)
	}
}

// sarifDoc is the part of a SARIF log the tests read.
type sarifDoc struct {
	Schema  string `json:"$schema"`
	Version string
	Runs    []struct {
		AutomationDetails struct{ ID string }
		Tool              struct {
			Driver struct {
				Rules []struct {
					ID         string
					HelpURI    string
					Help       struct{ Text, Markdown string }
					Properties map[string]any
				}
			}
		}
		Invocations []struct {
			ExecutionSuccessful        bool
			ExitCode                   *int
			ToolExecutionNotifications []struct {
				Level   string
				Message struct{ Text string }
			}
		}
		Results *[]struct {
			RuleID    string
			RuleIndex int
			Level     string
			Message   struct{ Text string }
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct{ URI string }
					Region           struct{ StartLine int }
				}
			}
			RelatedLocations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct{ URI string }
				}
			}
			PartialFingerprints map[string]string
			Suppressions        []struct{ Justification string }
		}
	}
}

func parseSARIF(t *testing.T, out []byte) sarifDoc {
	t.Helper()
	var d sarifDoc
	if err := json.Unmarshal(out, &d); err != nil {
		t.Fatal(err)
	}
	return d
}

// checkSARIF checks the golden report's SARIF: one run per site, results at
// the site's artifact with the page as a related location, rule help for
// GitHub, and an unscanned site reported as a failed run without results.
func checkSARIF(t *testing.T, out []byte) {
	t.Helper()
	d := parseSARIF(t, out)
	if d.Version != "2.1.0" || d.Schema != SARIFSchemaURI || len(d.Runs) != 2 {
		t.Fatalf("sarif: version %q, schema %q, %d runs; want 2.1.0 and one run per site", d.Version, d.Schema, len(d.Runs))
	}
	shop, down := d.Runs[0], d.Runs[1]
	if shop.AutomationDetails.ID != "privacyscan/shop.test/" || down.AutomationDetails.ID != "privacyscan/down.test/" {
		t.Errorf("categories %q, %q", shop.AutomationDetails.ID, down.AutomationDetails.ID)
	}
	if shop.Results == nil || len(*shop.Results) != 2 {
		t.Fatalf("shop.test results = %v, want 2", shop.Results)
	}
	rs := *shop.Results
	r0, r1 := rs[0], rs[1]
	if r0.RuleID != "tracking-before-consent" || r0.Level != "error" || r0.PartialFingerprints["privacyscan/v1"] != "abc123" || len(r0.Suppressions) != 0 {
		t.Errorf("first result = %+v", r0)
	}
	if r1.Level != "warning" || len(r1.Suppressions) != 1 || r1.Suppressions[0].Justification != "tracked in TICKET-1" {
		t.Errorf("suppressed result = %+v", r1)
	}
	for _, r := range rs {
		loc := r.Locations[0].PhysicalLocation
		if loc.ArtifactLocation.URI != "privacyscan/shop.test" || loc.Region.StartLine != 1 {
			t.Errorf("%s located at %+v, want privacyscan/shop.test line 1", r.RuleID, loc)
		}
		if len(r.RelatedLocations) != 1 || !strings.HasPrefix(r.RelatedLocations[0].PhysicalLocation.ArtifactLocation.URI, "https://shop.test/") {
			t.Errorf("%s related locations = %+v, want the page", r.RuleID, r.RelatedLocations)
		}
		if !strings.Contains(r.Message.Text, "(page: https://shop.test/") {
			t.Errorf("%s message %q does not name the page", r.RuleID, r.Message.Text)
		}
		if got := shop.Tool.Driver.Rules[r.RuleIndex].ID; got != r.RuleID {
			t.Errorf("%s ruleIndex points at %s", r.RuleID, got)
		}
	}
	for _, rl := range shop.Tool.Driver.Rules {
		if rl.HelpURI != RulesDocURL+"#"+rl.ID {
			t.Errorf("rule %s helpUri %q", rl.ID, rl.HelpURI)
		}
		if !strings.Contains(rl.Help.Markdown, "**How to fix it.**") || !strings.Contains(rl.Help.Text, "Why it matters") {
			t.Errorf("rule %s help lacks rationale or remediation: %+v", rl.ID, rl.Help)
		}
		sev, _ := rl.Properties["security-severity"].(string)
		if _, err := strconv.ParseFloat(sev, 64); err != nil {
			t.Errorf("rule %s security-severity %q is not a number", rl.ID, sev)
		}
		if tags, _ := rl.Properties["tags"].([]any); len(tags) == 0 {
			t.Errorf("rule %s has no tags", rl.ID)
		}
	}
	if inv := shop.Invocations[0]; !inv.ExecutionSuccessful || inv.ExitCode == nil || *inv.ExitCode != 1 ||
		len(inv.ToolExecutionNotifications) != 1 || inv.ToolExecutionNotifications[0].Level != "warning" {
		t.Errorf("shop.test invocation = %+v, want success, exit 1 and its scan problem as a warning", inv)
	}
	// The unreachable site: no results at all (not an empty list, which
	// would read as "nothing found"), a failed execution and its errors.
	if down.Results != nil {
		t.Errorf("down.test has results %v; a site that was not scanned must have none", *down.Results)
	}
	inv := down.Invocations[0]
	if inv.ExecutionSuccessful || len(inv.ToolExecutionNotifications) != 3 {
		t.Fatalf("down.test invocation = %+v, want a failure with the reason and both errors", inv)
	}
	for _, n := range inv.ToolExecutionNotifications {
		if n.Level != "error" {
			t.Errorf("down.test notification %+v, want level error", n)
		}
	}
	if !strings.Contains(inv.ToolExecutionNotifications[2].Message.Text, "ERR_NAME_NOT_RESOLVED") {
		t.Errorf("down.test notifications = %+v", inv.ToolExecutionNotifications)
	}
}

// TestSARIFSchemaRejectsBroken proves that the schema check can fail: SARIF
// that GitHub would refuse must not pass it.
func TestSARIFSchemaRejectsBroken(t *testing.T) {
	var buf bytes.Buffer
	if err := (sarifWriter{goldenOptions()}).Write(&buf, loadReport(t)); err != nil {
		t.Fatal(err)
	}
	sch := sarifSchema(t)
	run := func(m map[string]any) map[string]any { return m["runs"].([]any)[0].(map[string]any) }
	result := func(m map[string]any) map[string]any { return run(m)["results"].([]any)[0].(map[string]any) }
	location := func(m map[string]any) map[string]any {
		return result(m)["locations"].([]any)[0].(map[string]any)["physicalLocation"].(map[string]any)
	}
	for name, mutate := range map[string]func(m map[string]any){
		"wrong version":    func(m map[string]any) { m["version"] = "2.0.0" },
		"no tool":          func(m map[string]any) { delete(run(m), "tool") },
		"bad level":        func(m map[string]any) { result(m)["level"] = "fatal" },
		"message w/o text": func(m map[string]any) { result(m)["message"] = map[string]any{} },
		"line 0":           func(m map[string]any) { location(m)["region"] = map[string]any{"startLine": 0} },
		"empty region":     func(m map[string]any) { location(m)["region"] = map[string]any{} },
		"unknown property": func(m map[string]any) { result(m)["page"] = "https://shop.test/" },
		"no execution flag": func(m map[string]any) {
			delete(run(m)["invocations"].([]any)[0].(map[string]any), "executionSuccessful")
		},
		"bad suppression": func(m map[string]any) {
			run(m)["results"].([]any)[1].(map[string]any)["suppressions"] = []any{map[string]any{"kind": "later"}}
		},
	} {
		var m map[string]any
		if err := json.Unmarshal(buf.Bytes(), &m); err != nil {
			t.Fatal(err)
		}
		mutate(m)
		b, _ := json.Marshal(m)
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if sch.Validate(inst) == nil {
			t.Errorf("%s: the SARIF schema accepted it", name)
		}
	}
}

func TestSARIFArtifactOption(t *testing.T) {
	o := goldenOptions()
	o.SARIFArtifact = "sites/shop.yaml"
	var buf bytes.Buffer
	if err := (sarifWriter{o}).Write(&buf, loadReport(t)); err != nil {
		t.Fatal(err)
	}
	validateSARIF(t, buf.Bytes())
	for _, r := range *parseSARIF(t, buf.Bytes()).Runs[0].Results {
		if got := r.Locations[0].PhysicalLocation.ArtifactLocation.URI; got != "sites/shop.yaml" {
			t.Errorf("%s at %q, want the --sarif-artifact file", r.RuleID, got)
		}
	}
}

// TestSARIFRunKeys: categories and default artifacts are plain relative
// paths and unique per site, as GitHub requires of one upload.
func TestSARIFRunKeys(t *testing.T) {
	site := func(u string) model.SiteReport {
		return model.SiteReport{Site: &model.Site{URL: u, Scanned: true}}
	}
	r := &model.Report{Tool: model.Tool{Name: "privacyscan", Version: "test"}, Sites: []model.SiteReport{
		site("https://shop.test:8443/de/"), site("http://shop.test:8443/de"), {},
	}}
	var buf bytes.Buffer
	if err := (sarifWriter{}).Write(&buf, r); err != nil {
		t.Fatal(err)
	}
	validateSARIF(t, buf.Bytes())
	d := parseSARIF(t, buf.Bytes())
	var ids []string
	for _, run := range d.Runs {
		ids = append(ids, run.AutomationDetails.ID)
		if run.Invocations[0].ExitCode != nil {
			t.Errorf("exit code %d written though none was given", *run.Invocations[0].ExitCode)
		}
	}
	want := []string{"privacyscan/shop.test_8443/de/", "privacyscan/shop.test_8443/de-2/", "privacyscan/site-3/"}
	if strings.Join(ids, " ") != strings.Join(want, " ") {
		t.Errorf("categories %v, want %v", ids, want)
	}
	if d.Runs[2].Results != nil || d.Runs[2].Invocations[0].ExecutionSuccessful {
		t.Errorf("a report entry without a site reads as scanned: %+v", d.Runs[2])
	}
	if d.Runs[0].Results == nil || len(*d.Runs[0].Results) != 0 {
		t.Errorf("a scanned site without findings must have an empty results list")
	}
}

// TestSARIFSecuritySeverity: GitHub's bands (critical > 9, high 7–8.9,
// medium 4–6.9, low < 4) hold each severity.
func TestSARIFSecuritySeverity(t *testing.T) {
	bands := map[string][2]float64{rules.Critical: {9.0, 10}, rules.High: {7, 8.9}, rules.Medium: {4, 6.9}, rules.Low: {0.1, 3.9}, rules.Info: {0.1, 3.9}}
	for _, sev := range model.Severities {
		v, err := strconv.ParseFloat(securitySeverity[sev], 64)
		b := bands[sev]
		if err != nil || v < b[0] || v > b[1] {
			t.Errorf("%s: security-severity %q outside %v", sev, securitySeverity[sev], b)
		}
	}
}

// TestRulesDocAnchors: every rule's helpUri anchor exists in docs/rules.md
// (GitHub's anchor of "## some-rule" is #some-rule).
func TestRulesDocAnchors(t *testing.T) {
	doc, err := os.ReadFile("../docs/rules.md")
	if err != nil {
		t.Fatal(err)
	}
	headings := map[string]bool{}
	for _, line := range strings.Split(string(doc), "\n") {
		if h, ok := strings.CutPrefix(line, "## "); ok {
			headings[strings.TrimSpace(h)] = true
		}
	}
	for _, rl := range rules.Catalogue() {
		if !headings[rl.ID] || rl.ID != strings.ToLower(rl.ID) || strings.ContainsAny(rl.ID, " .") {
			t.Errorf("rule %s: no heading %q in docs/rules.md to anchor %s#%s", rl.ID, "## "+rl.ID, RulesDocURL, rl.ID)
		}
	}
}
