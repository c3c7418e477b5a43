package rules

import (
	"path/filepath"
	"testing"

	"github.com/privacyscan/privacyscan/internal/golden"
	"github.com/privacyscan/privacyscan/scanner/model"
)

// TestBannerChoiceGolden keeps the findings of reject-less-prominent and
// reject-not-effective on their own examples in golden files: the
// measurements each finding gives as evidence, on both sides.
func TestBannerChoiceGolden(t *testing.T) {
	for _, id := range []string{"reject-less-prominent", "reject-not-effective"} {
		t.Run(id, func(t *testing.T) {
			r, ok := Lookup(id)
			if !ok {
				t.Fatalf("no rule %s", id)
			}
			type outcome struct {
				Example  string          `json:"example"`
				Fires    bool            `json:"fires"`
				Findings []model.Finding `json:"findings"`
			}
			var got []outcome
			for _, ex := range r.Examples {
				o := outcome{Example: ex.Name, Fires: ex.Fires, Findings: []model.Finding{}}
				for _, f := range Evaluate(ex.Site, Options{Jurisdiction: ex.Jurisdiction, Now: testNow, Vendors: testVendors}) {
					if f.Rule == id {
						o.Findings = append(o.Findings, f)
					}
				}
				got = append(got, o)
			}
			golden.AssertJSON(t, filepath.Join("testdata", "golden", id+".json"), got)
		})
	}
}
