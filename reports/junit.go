package reports

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/privacyscan/privacyscan/rules"
	"github.com/privacyscan/privacyscan/scanner/model"
)

type junitWriter struct{ o Options }

// The JUnit XML of Jenkins, GitLab and the Ant task: attributes and element
// order follow the Jenkins junit schema (reports/testdata/junit-jenkins.xsd),
// which the tests validate against.
type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name       string           `xml:"name,attr"`
	Tests      int              `xml:"tests,attr"`
	Failures   int              `xml:"failures,attr"`
	Errors     int              `xml:"errors,attr"`
	Skipped    int              `xml:"skipped,attr"`
	Timestamp  string           `xml:"timestamp,attr,omitempty"`
	Properties *junitProperties `xml:"properties,omitempty"`
	Cases      []junitCase      `xml:"testcase"`
}

type junitProperties struct {
	Property []junitProperty `xml:"property"`
}

type junitProperty struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

// junitCase keeps the schema's order: skipped, error, failure, system-out.
type junitCase struct {
	Name      string        `xml:"name,attr"`
	ClassName string        `xml:"classname,attr"`
	Skipped   *string       `xml:"skipped,omitempty"`
	Error     *junitFailure `xml:"error,omitempty"`
	Failure   *junitFailure `xml:"failure,omitempty"`
	SystemOut string        `xml:"system-out,omitempty"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

// scanCase names the test case that says whether the site could be scanned
// at all; a space keeps it apart from every rule id.
const scanCase = "site scanned"

// Write renders one test suite per site: a "site scanned" case, then one
// case per rule the scan ran (the catalogue, then custom rules). A rule with
// an active finding at or above --fail-on fails, one with findings below it
// passes with them in system-out, one that is off in the jurisdiction is
// skipped; a site that could not be scanned is one error and no rule case,
// so no dashboard shows it green.
func (j junitWriter) Write(w io.Writer, r *model.Report) error {
	Normalize(r)
	failOn := j.o.failOn(r)
	out := junitSuites{Name: "privacyscan"}
	for i := range r.Sites {
		suite := j.suite(r, i, failOn)
		out.Tests += suite.Tests
		out.Failures += suite.Failures
		out.Errors += suite.Errors
		out.Suites = append(out.Suites, suite)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(out); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// suite renders site i of r.
func (j junitWriter) suite(r *model.Report, i int, failOn string) junitSuite {
	sr := r.Sites[i]
	_, key := siteKeys(sr, i)
	// Jenkins splits class names on dots into package and class.
	class := "privacyscan_" + strings.Map(func(c rune) rune {
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
			return c
		}
		return '_'
	}, key)
	jur := j.o.Jurisdiction
	if jur == "" {
		jur = rules.DefaultJurisdiction
	}
	suite := junitSuite{Name: key, Timestamp: r.StartedAt,
		Properties: &junitProperties{[]junitProperty{{"jurisdiction", jur}, {"fail-on", failOn}}}}
	for _, kv := range provenancePairs(r.Provenance) {
		suite.Properties.Property = append(suite.Properties.Property, junitProperty{"provenance." + kv.Key, Clean(kv.Value, 2000)})
	}
	if sr.Site != nil {
		suite.Name = Clean(sr.URL, 300)
		suite.Properties.Property = append([]junitProperty{{"url", Clean(sr.URL, 1000)}}, suite.Properties.Property...)
	}
	add := func(c junitCase) {
		suite.Tests++
		switch {
		case c.Error != nil:
			suite.Errors++
		case c.Failure != nil:
			suite.Failures++
		case c.Skipped != nil:
			suite.Skipped++
		}
		suite.Cases = append(suite.Cases, c)
	}

	// Whether the site was scanned, and what went wrong on the way.
	sc := junitCase{Name: scanCase, ClassName: class}
	var problems []string
	if sr.Site != nil {
		for _, e := range sr.Errors {
			problems = append(problems, "- "+Clean(e, 1000))
		}
	}
	if r.Interrupted {
		problems = append(problems, "- the scan was interrupted: the report holds what was gathered")
	}
	if sr.Site == nil || !sr.Scanned {
		msg := "the site could not be scanned: no page loaded"
		if sr.Site == nil {
			msg = "the site was not scanned: the report has no observation for it"
		}
		sc.Error = &junitFailure{Message: msg, Type: "not-scanned", Text: strings.Join(problems, "\n")}
	} else if len(problems) > 0 {
		sc.SystemOut = "Problems during the scan:\n" + strings.Join(problems, "\n")
	}
	add(sc)
	if (sr.Site == nil || !sr.Scanned) && len(sr.Findings) == 0 {
		return suite // no rule case: an unscanned site passes nothing
	}

	byRule := map[string][]model.Finding{}
	var ids []string
	rs := map[string]rules.Rule{}
	for _, rl := range j.o.catalogue() {
		ids = append(ids, rl.ID)
		rs[rl.ID] = rl
	}
	for _, f := range sr.Findings {
		if _, ok := byRule[f.Rule]; !ok {
			if _, known := rs[f.Rule]; !known {
				ids = append(ids, f.Rule)
			}
		}
		byRule[f.Rule] = append(byRule[f.Rule], f)
	}
	for _, id := range ids {
		tc := junitCase{Name: id, ClassName: class}
		fs := byRule[id]
		var lines []string
		gating := 0
		for _, f := range fs {
			if rules.CountsTowardExit(f, failOn) {
				gating++
			}
			lines = append(lines, junitLine(f))
		}
		rl, known := rs[id]
		_, on := j.o.ruleOn(rl)
		switch {
		case gating > 0:
			tc.Failure = &junitFailure{Message: fmt.Sprintf("%d finding(s) at or above %s", gating, failOn), Type: id, Text: strings.Join(lines, "\n")}
		case known && !on && len(fs) == 0:
			why := fmt.Sprintf("off in the %s jurisdiction", jur)
			if j.o.Config != nil && j.o.Config.Rules[id].Off {
				why = "off in the configuration"
			}
			tc.Skipped = &why
		case len(fs) > 0:
			tc.SystemOut = fmt.Sprintf("%d finding(s), none counting toward --fail-on %s:\n%s", len(fs), failOn, strings.Join(lines, "\n"))
		}
		add(tc)
	}
	return suite
}

// junitLine is one finding as a line of text: severity, state, message,
// phase and page.
func junitLine(f model.Finding) string {
	var b strings.Builder
	fmt.Fprintf(&b, "[%s]", f.Severity)
	switch {
	case f.Suppressed != nil:
		b.WriteString(" [suppressed: " + Clean(f.Suppressed.Reason, 200) + "]")
	case f.Baseline:
		b.WriteString(" [baseline]")
	}
	b.WriteString(" " + Clean(f.Message, 1000))
	if f.Phase != nil {
		b.WriteString(" (" + *f.Phase + ")")
	}
	for _, e := range f.Evidence {
		if e.Page != "" {
			b.WriteString(" on " + Clean(e.Page, 500))
			break
		}
	}
	return b.String()
}
