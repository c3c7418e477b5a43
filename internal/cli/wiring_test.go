package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/privacyscan/privacyscan/rules"
	"github.com/privacyscan/privacyscan/scanner/kb"
	"github.com/privacyscan/privacyscan/scanner/model"
)

// loadRulesSite reads a recorded site of the rules' test data.
func loadRulesSite(t *testing.T, name string) *model.Site {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "rules", "testdata", "sites", name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var s model.Site
	if err := json.Unmarshal(data, &s); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return &s
}

// TestKBVendors checks the adapter against the embedded knowledge base.
func TestKBVendors(t *testing.T) {
	vi := kbVendors(kb.Default())
	found := 0
	for _, v := range kb.Default().Vendors() {
		got, ok := vi.Vendor(v.ID)
		if !ok || got.Name != v.Name || got.Country != v.Country || got.EEA != v.EEA || got.Adequate != v.Adequate {
			t.Fatalf("%s: %+v", v.ID, got)
		}
		found++
	}
	if found == 0 {
		t.Fatal("the embedded knowledge base has no vendors")
	}
	if _, ok := vi.Vendor("no-such-vendor"); ok {
		t.Error("unknown vendor found")
	}
	if _, ok := kbVendors(nil).Vendor("google-analytics"); ok {
		t.Error("nil database answers")
	}
}

// TestWithKnowledgeBase judges the recorded leaky shop with the real
// embedded vendor facts: Google Analytics is a US vendor.
func TestWithKnowledgeBase(t *testing.T) {
	fs := rules.Evaluate(loadRulesSite(t, "leaky-shop"), rules.Options{Now: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC), Vendors: kbVendors(kb.Default()), Only: []string{"undisclosed-transfer", "claim-data-location-contradicted"}})
	seen := map[string]bool{}
	for _, f := range fs {
		seen[f.Rule+"/"+f.Subject] = true
	}
	for _, want := range []string{"undisclosed-transfer/google-analytics", "claim-data-location-contradicted/google-analytics"} {
		if !seen[want] {
			t.Errorf("%s missing; have %v", want, seen)
		}
	}
}
