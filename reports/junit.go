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

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Skipped  int         `xml:"skipped,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	ClassName string        `xml:"classname,attr"`
	Failure   *junitFailure `xml:"failure,omitempty"`
	Skipped   *junitSkipped `xml:"skipped,omitempty"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

type junitSkipped struct {
	Message string `xml:"message,attr"`
}

// Write renders one test suite per site and one test case per rule of the
// catalogue: a rule fails when it has an active finding at or above
// --fail-on, so CI test reports show exactly what gates the build.
func (j junitWriter) Write(w io.Writer, r *model.Report) error {
	Normalize(r)
	failOn := j.o.FailOn
	if failOn == "" {
		failOn = rules.High
	}
	out := junitSuites{}
	for _, s := range r.Sites {
		name := ""
		if s.Site != nil {
			name = s.URL
		}
		suite := junitSuite{Name: name}
		byRule := map[string][]model.Finding{}
		var ids []string
		for _, rl := range rules.Catalogue() {
			ids = append(ids, rl.ID)
		}
		for _, f := range s.Findings {
			if _, ok := byRule[f.Rule]; !ok {
				if _, known := rules.Lookup(f.Rule); !known {
					ids = append(ids, f.Rule)
				}
			}
			byRule[f.Rule] = append(byRule[f.Rule], f)
		}
		for _, id := range ids {
			tc := junitCase{Name: id, ClassName: "privacyscan." + name}
			var msgs []string
			var gating int
			for _, f := range byRule[id] {
				state := ""
				switch {
				case f.Suppressed != nil:
					state = " [suppressed]"
				case f.Baseline:
					state = " [baseline]"
				case model.SeverityRank(f.Severity) >= model.SeverityRank(failOn):
					gating++
				}
				msgs = append(msgs, fmt.Sprintf("[%s]%s %s", f.Severity, state, f.Message))
			}
			if gating > 0 {
				tc.Failure = &junitFailure{Message: fmt.Sprintf("%d finding(s) at or above %s", gating, failOn), Type: id, Text: strings.Join(msgs, "\n")}
				suite.Failures++
			}
			suite.Tests++
			suite.Cases = append(suite.Cases, tc)
		}
		out.Tests += suite.Tests
		out.Failures += suite.Failures
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
