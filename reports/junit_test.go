package reports

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/privacyscan/privacyscan/scanner/model"
)

// junitDoc is the part of a JUnit report the tests read.
type junitDoc struct {
	Tests    int `xml:"tests,attr"`
	Failures int `xml:"failures,attr"`
	Errors   int `xml:"errors,attr"`
	Suites   []struct {
		Name     string `xml:"name,attr"`
		Tests    int    `xml:"tests,attr"`
		Failures int    `xml:"failures,attr"`
		Errors   int    `xml:"errors,attr"`
		Skipped  int    `xml:"skipped,attr"`
		Cases    []struct {
			Name      string  `xml:"name,attr"`
			ClassName string  `xml:"classname,attr"`
			Skipped   *string `xml:"skipped"`
			Error     *struct {
				Message string `xml:"message,attr"`
				Text    string `xml:",chardata"`
			} `xml:"error"`
			Failure *struct {
				Message string `xml:"message,attr"`
				Text    string `xml:",chardata"`
			} `xml:"failure"`
			SystemOut string `xml:"system-out"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

func parseJUnit(t *testing.T, out []byte) junitDoc {
	t.Helper()
	var d junitDoc
	if err := xml.Unmarshal(out, &d); err != nil {
		t.Fatal(err)
	}
	return d
}

// validateJUnit validates against the Jenkins JUnit schema with xmllint,
// which CI installs (.ci/run); without it only that check is skipped.
func validateJUnit(t *testing.T, out []byte) {
	t.Helper()
	if err := junitSchemaCheck(t, out); err != nil {
		t.Fatalf("JUnit output does not match the Jenkins JUnit schema: %v", err)
	}
}

// junitSchemaCheck runs xmllint on out; it returns nil, having logged it,
// where xmllint is not installed.
func junitSchemaCheck(t *testing.T, out []byte) error {
	t.Helper()
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		t.Log("xmllint not installed (apt-get install libxml2-utils): JUnit schema validation skipped")
		return nil
	}
	f := filepath.Join(t.TempDir(), "junit.xml")
	if err := os.WriteFile(f, out, 0o600); err != nil {
		t.Fatal(err)
	}
	if msg, err := exec.Command(xmllint, "--noout", "--schema", "testdata/junit-jenkins.xsd", f).CombinedOutput(); err != nil {
		return fmt.Errorf("%w\n%s", err, msg)
	}
	return nil
}

// TestJUnitSchemaRejectsBroken proves the schema check can fail.
func TestJUnitSchemaRejectsBroken(t *testing.T) {
	if _, err := exec.LookPath("xmllint"); err != nil {
		t.Skip("xmllint not installed (apt-get install libxml2-utils)")
	}
	good, err := os.ReadFile("testdata/golden.junit")
	if err != nil {
		t.Fatal(err)
	}
	for name, bad := range map[string]string{
		"skipped with an attribute": strings.Replace(string(good), "<skipped>off in the eu jurisdiction</skipped>", `<skipped message="off"/>`, 1),
		"case without a name":       strings.Replace(string(good), `<testcase name="site scanned"`, "<testcase", 1),
		"output before failure":     strings.Replace(string(good), "<failure ", "<system-out>x</system-out><failure ", 1),
	} {
		if bad == string(good) {
			t.Fatalf("%s: the mutation did not apply", name)
		}
		if junitSchemaCheck(t, []byte(bad)) == nil {
			t.Errorf("%s: the JUnit schema accepted it", name)
		}
	}
}

// checkJUnit checks the golden report's JUnit: the gating rule fails, the
// suppressed finding passes with its text, the scan problem shows, and the
// unreachable site is an error and nothing else.
func checkJUnit(t *testing.T, out []byte) {
	t.Helper()
	d := parseJUnit(t, out)
	if len(d.Suites) != 2 || d.Failures != 1 || d.Errors != 1 {
		t.Fatalf("junit: %d suites, %d failures, %d errors; want 2, 1, 1", len(d.Suites), d.Failures, d.Errors)
	}
	shop, down := d.Suites[0], d.Suites[1]
	if shop.Name != "https://shop.test/" || shop.Failures != 1 || shop.Errors != 0 || shop.Tests != len(shop.Cases) {
		t.Errorf("shop.test suite %q: %d tests, %d failures, %d errors", shop.Name, shop.Tests, shop.Failures, shop.Errors)
	}
	for _, c := range shop.Cases {
		if c.ClassName != "privacyscan_shop_test" {
			t.Errorf("case %s classname %q, want privacyscan_shop_test (no dots)", c.Name, c.ClassName)
		}
		// dnt-not-disclosed is off in the EU.
		if (c.Failure != nil) != (c.Name == "tracking-before-consent") || c.Error != nil || (c.Skipped != nil) != (c.Name == "dnt-not-disclosed") {
			t.Errorf("case %s: failure %v, error %v, skipped %v", c.Name, c.Failure, c.Error, c.Skipped)
		}
		switch c.Name {
		case scanCase:
			if !strings.Contains(c.SystemOut, "timed out after 30s") {
				t.Errorf("the scan problem is not shown: %q", c.SystemOut)
			}
		case "tracking-before-consent":
			if !strings.Contains(c.Failure.Text, "Meta Pixel") || !strings.Contains(c.Failure.Message, "at or above high") {
				t.Errorf("failure = %+v", c.Failure)
			}
		case "policy-incomplete":
			if !strings.Contains(c.SystemOut, "[suppressed: tracked in TICKET-1]") {
				t.Errorf("the passing rule does not show its finding: %q", c.SystemOut)
			}
		}
	}
	if len(down.Cases) != 1 || down.Cases[0].Name != scanCase || down.Cases[0].Error == nil || down.Errors != 1 || down.Tests != 1 {
		t.Fatalf("down.test suite = %+v, want one error case and no rule case", down)
	}
	if !strings.Contains(down.Cases[0].Error.Text, "ERR_NAME_NOT_RESOLVED") {
		t.Errorf("down.test error = %+v, want its scan errors", down.Cases[0].Error)
	}
}

// TestJUnitRulesInJurisdiction: a rule that is off in the jurisdiction or
// in the configuration is skipped, not passed; custom rules are cases; a
// finding below --fail-on passes.
func TestJUnitRulesInJurisdiction(t *testing.T) {
	cfg := &model.Config{
		Rules:       map[string]model.RuleSetting{"dnt-ignored": {Off: true}},
		CustomRules: []model.CustomRule{{ID: "no-hotjar", Title: "No Hotjar", Severity: "high", Host: "hotjar.com"}},
	}
	for _, tc := range []struct {
		jurisdiction, failOn string
		skipped              map[string]string // case → reason
		run                  string            // a rule that must not be skipped
		failing              []string
	}{
		{"eu", "high", map[string]string{"dnt-ignored": "off in the configuration", "dnt-not-disclosed": "off in the eu jurisdiction"}, "cookie-excessive-lifetime", []string{"tracking-before-consent"}},
		{"us-ca", "medium", map[string]string{"cookie-excessive-lifetime": "off in the us-ca jurisdiction", "dnt-ignored": "off in the configuration"}, "dnt-not-disclosed", []string{"tracking-before-consent"}},
		{"eu", "none", map[string]string{"dnt-ignored": "off in the configuration", "dnt-not-disclosed": "off in the eu jurisdiction"}, "no-hotjar", nil},
	} {
		t.Run(tc.jurisdiction+"-"+tc.failOn, func(t *testing.T) {
			var buf bytes.Buffer
			w := junitWriter{Options{FailOn: tc.failOn, Jurisdiction: tc.jurisdiction, Config: cfg}}
			if err := w.Write(&buf, loadReport(t)); err != nil {
				t.Fatal(err)
			}
			validateJUnit(t, buf.Bytes())
			shop := parseJUnit(t, buf.Bytes()).Suites[0]
			var failing []string
			seen := map[string]bool{}
			for _, c := range shop.Cases {
				seen[c.Name] = true
				if c.Failure != nil {
					failing = append(failing, c.Name)
				}
				want, skip := tc.skipped[c.Name]
				switch {
				case skip && (c.Skipped == nil || *c.Skipped != want):
					t.Errorf("%s: skipped %v, want %q", c.Name, c.Skipped, want)
				case !skip && c.Skipped != nil && (tc.jurisdiction == "eu" || c.Name == tc.run):
					// In the EU only the listed rules are off; in the US
					// more are, but not tc.run.
					t.Errorf("%s skipped (%s)", c.Name, *c.Skipped)
				}
			}
			if strings.Join(failing, ",") != strings.Join(tc.failing, ",") {
				t.Errorf("failing %v, want %v", failing, tc.failing)
			}
			if !seen[tc.run] {
				t.Errorf("no test case for %s", tc.run)
			}
			if !seen["no-hotjar"] {
				t.Error("the custom rule has no test case")
			}
		})
	}
}
