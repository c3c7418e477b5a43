package scanner

import (
	"testing"

	"github.com/privacyscan/privacyscan/scanner/model"
)

func TestAddHitConsent(t *testing.T) {
	pr := &model.PhaseResult{Requests: []model.Request{
		{URL: "https://www.google-analytics.com/g/collect?v=2&tid=G-1&gcs=G111&gcd=13r3r3r3r5l1"},
		{URL: "https://region1.google-analytics.com/g/collect?v=2&tid=G-1&gcs=G111"},
		{URL: "https://googleads.g.doubleclick.net/pagead/viewthroughconversion/1/?gcs=G100"},
		{URL: "https://shop.test/?gcs=G111"},
	}}
	addHitConsent(pr)
	if got := pr.Signals["google_hits.gcs"]; got != "G111,G100" {
		t.Errorf("gcs = %q", got)
	}
	if got := pr.Signals["google_hits.gcd"]; got != "13r3r3r3r5l1" {
		t.Errorf("gcd = %q", got)
	}
	empty := &model.PhaseResult{Requests: []model.Request{{URL: "https://shop.test/"}}}
	if addHitConsent(empty); empty.Signals != nil {
		t.Errorf("signals without Google hits = %v", empty.Signals)
	}
}
