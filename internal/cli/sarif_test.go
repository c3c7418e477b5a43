package cli

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/privacyscan/privacyscan/reports"
)

// TestUsageSARIFArtifact: code scanning shows results only at a relative
// path inside the repository, so --sarif-artifact takes nothing else.
func TestUsageSARIFArtifact(t *testing.T) {
	for _, bad := range []string{"/etc/shop.yaml", "../shop.yaml", "sites/../../shop.yaml", ".", `C:\sites\shop.yaml`, "https://shop.test/"} {
		code, _, stderr := run(t, "scan", "--sarif-artifact", bad, "https://a.test")
		if code != ExitUsage || !strings.Contains(stderr, "--sarif-artifact") {
			t.Errorf("--sarif-artifact %q: exit %d, stderr %q; want exit 2 naming the flag", bad, code, stderr)
		}
	}
	for in, want := range map[string]string{"sites/shop.yaml": "sites/shop.yaml", "./sites//shop.yaml": "sites/shop.yaml", `sites\shop.yaml`: "sites/shop.yaml"} {
		if got, err := sarifArtifact(in); err != nil || got != want {
			t.Errorf("sarifArtifact(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
}

// sarifRunDoc is what the tests read of a SARIF run.
type sarifRunDoc struct {
	Invocations []struct {
		ExecutionSuccessful bool
		ExitCode            *int
	}
	Results *[]struct {
		Locations []struct {
			PhysicalLocation struct{ ArtifactLocation struct{ URI string } }
		}
	}
}

// sarifRuns reads what the tests check of a SARIF log written by a scan,
// after validating it against the official schema kept in reports/testdata.
func sarifRuns(t *testing.T, path string) []sarifRunDoc {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(filepath.Join("..", "..", "reports", "testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(reports.SARIFSchemaURI, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(reports.SARIFSchemaURI)
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Fatalf("%s does not match the SARIF 2.1.0 schema: %v", path, err)
	}
	var log struct{ Runs []sarifRunDoc }
	if err := json.Unmarshal(data, &log); err != nil {
		t.Fatal(err)
	}
	return log.Runs
}

// TestExitCodeInSARIFAndJUnit: a site that cannot be reached ends the scan
// with exit 3, and neither CI format reads as a pass: SARIF records the
// failed execution and exit code without results, JUnit an error.
func TestExitCodeInSARIFAndJUnit(t *testing.T) {
	dir := t.TempDir()
	unreachable := []string{"scan", "-q", "--pages", "1", "--resolve", "down.test=127.0.0.1:" + closedPort(t), "--page-timeout", "5s", "--phases", "before-consent"}
	sarif := filepath.Join(dir, "down.sarif")
	if code, _, stderr := run(t, append(unreachable, "--format", "sarif", "-o", sarif, "https://down.test/")...); code != ExitNotScanned {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, ExitNotScanned, stderr)
	}
	runs := sarifRuns(t, sarif)
	if len(runs) != 1 || runs[0].Results != nil || runs[0].Invocations[0].ExecutionSuccessful ||
		runs[0].Invocations[0].ExitCode == nil || *runs[0].Invocations[0].ExitCode != ExitNotScanned {
		t.Errorf("sarif runs = %+v, want one failed run, exit code 3, no results", runs)
	}
	junit := filepath.Join(dir, "down.xml")
	if code, _, stderr := run(t, append(unreachable, "--format", "junit", "-o", junit, "https://down.test/")...); code != ExitNotScanned {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, ExitNotScanned, stderr)
	}
	data, err := os.ReadFile(junit)
	if err != nil {
		t.Fatal(err)
	}
	var suites struct {
		Tests    int `xml:"tests,attr"`
		Failures int `xml:"failures,attr"`
		Errors   int `xml:"errors,attr"`
	}
	if err := xml.Unmarshal(data, &suites); err != nil {
		t.Fatal(err)
	}
	if suites.Errors != 1 || suites.Tests != 1 || suites.Failures != 0 {
		t.Errorf("junit: %+v, want one error and nothing else:\n%s", suites, data)
	}
}

// TestDemoSARIF: the demo shop's findings in SARIF point at the
// --sarif-artifact file and the run records exit 1.
func TestDemoSARIF(t *testing.T) {
	out := filepath.Join(t.TempDir(), "demo.sarif")
	code, _, stderr := run(t, "demo", "-q", "--phases", "before-consent", "--pages", "1", "--fail-on", "high",
		"--format", "sarif", "--sarif-artifact", "sites/demo.yaml", "-o", out)
	if code != ExitFindings {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, ExitFindings, stderr)
	}
	runs := sarifRuns(t, out)
	if len(runs) != 1 || runs[0].Results == nil || len(*runs[0].Results) == 0 {
		t.Fatalf("demo sarif runs = %+v, want one run with results", runs)
	}
	if inv := runs[0].Invocations[0]; !inv.ExecutionSuccessful || inv.ExitCode == nil || *inv.ExitCode != ExitFindings {
		t.Errorf("invocation = %+v, want success and exit 1", inv)
	}
	for _, r := range *runs[0].Results {
		if got := r.Locations[0].PhysicalLocation.ArtifactLocation.URI; got != "sites/demo.yaml" {
			t.Errorf("result at %q, want sites/demo.yaml", got)
		}
	}
}
