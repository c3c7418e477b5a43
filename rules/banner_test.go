package rules

import "testing"

// TestRejectRulesDoNotOverlap checks that no-reject-option and
// reject-harder-than-accept split the banners between them: on no recorded
// example do both fire, and each fires somewhere.
func TestRejectRulesDoNotOverlap(t *testing.T) {
	counts := map[string]int{}
	for _, r := range Catalogue() {
		for _, ex := range r.Examples {
			fired := map[string]bool{}
			for _, f := range Evaluate(ex.Site, Options{Jurisdiction: ex.Jurisdiction, Now: testNow, Vendors: testVendors}) {
				fired[f.Rule] = true
			}
			if fired["no-reject-option"] && fired["reject-harder-than-accept"] {
				t.Errorf("%s/%s: both no-reject-option and reject-harder-than-accept fire", r.ID, ex.Name)
			}
			for id := range fired {
				counts[id]++
			}
		}
	}
	for _, id := range []string{"no-reject-option", "reject-harder-than-accept"} {
		if counts[id] == 0 {
			t.Errorf("%s fires on no example", id)
		}
	}
}

func TestIsNecessaryPurpose(t *testing.T) {
	cases := []struct {
		label string
		want  bool
	}{
		{"Strictly necessary cookies", true},
		{"Notwendige Cookies", true},
		{"Cookies nécessaires", true},
		{"Nødvendige", true},
		{"Niezbędne", true},
		{"Marketing", false},
		{"Statistik", false},
		{"Non-essential cookies", false},
		{"Nicht notwendige Cookies", false},
		{"Cookies non nécessaires", false},
		{"Not strictly necessary", false},
	}
	for _, tc := range cases {
		if got := isNecessaryPurpose(tc.label); got != tc.want {
			t.Errorf("isNecessaryPurpose(%q) = %v, want %v", tc.label, got, tc.want)
		}
	}
}
