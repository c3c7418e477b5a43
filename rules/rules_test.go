package rules

import (
	"regexp"
	"testing"
	"time"

	"github.com/privacyscan/privacyscan/scanner/model"
)

// testNow is the injected clock of every test: examples' policies were
// updated in November 2025.
var testNow = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

var idRE = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)

func TestCatalogueIsComplete(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Catalogue() {
		if !idRE.MatchString(r.ID) {
			t.Errorf("rule id %q is not lower-case-dashed", r.ID)
		}
		if seen[r.ID] {
			t.Errorf("rule id %q is used twice", r.ID)
		}
		seen[r.ID] = true
		if r.Title == "" || r.Rationale == "" || r.Remediation == "" {
			t.Errorf("%s: title, rationale and remediation are required", r.ID)
		}
		if len(r.References) == 0 {
			t.Errorf("%s: no legal references", r.ID)
		}
		if model.SeverityRank(r.Severity) < 0 {
			t.Errorf("%s: severity %q is not a severity", r.ID, r.Severity)
		}
		for j, s := range r.Jurisdictions {
			if err := CheckJurisdiction(j); err != nil {
				t.Errorf("%s: %v", r.ID, err)
			}
			if s != model.SeverityOff && model.SeverityRank(s) < 0 {
				t.Errorf("%s: jurisdiction %s: %q is neither a severity nor off", r.ID, j, s)
			}
		}
		if r.check == nil {
			t.Errorf("%s: no check", r.ID)
		}
		var pos, neg int
		for _, ex := range r.Examples {
			if ex.Site == nil {
				t.Errorf("%s: example %q has no site", r.ID, ex.Name)
			}
			if ex.Fires {
				pos++
			} else {
				neg++
			}
		}
		if pos == 0 || neg == 0 {
			t.Errorf("%s: needs positive and negative examples (has %d positive, %d negative)", r.ID, pos, neg)
		}
	}
}

// TestExamples runs every rule on its own examples, alone and as part of the
// whole catalogue.
func TestExamples(t *testing.T) {
	for _, r := range Catalogue() {
		for _, ex := range r.Examples {
			t.Run(r.ID+"/"+ex.Name, func(t *testing.T) {
				fs := Evaluate(ex.Site, Options{Jurisdiction: ex.Jurisdiction, Now: testNow, Vendors: testVendors})
				var got []model.Finding
				for _, f := range fs {
					if f.Rule == r.ID {
						got = append(got, f)
					}
				}
				if ex.Fires && len(got) == 0 {
					t.Fatalf("rule did not fire; all findings: %+v", fs)
				}
				if !ex.Fires && len(got) > 0 {
					t.Fatalf("rule fired: %+v", got)
				}
				for _, f := range got {
					if f.Message == "" || len(f.Evidence) == 0 || f.Fingerprint == "" || f.Subject == "" {
						t.Errorf("finding lacks message, evidence, subject or fingerprint: %+v", f)
					}
					if model.SeverityRank(f.Severity) < 0 {
						t.Errorf("finding severity %q", f.Severity)
					}
				}
			})
		}
	}
}
