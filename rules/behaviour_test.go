package rules

import (
	"strings"
	"testing"

	"github.com/privacyscan/privacyscan/scanner/model"
)

var behaviourRules = []string{"pii-leak-to-third-party", "keylogging", "fingerprinting", "session-recording-before-consent",
	"undisclosed-pii-sharing", "undisclosed-fingerprinting", "undisclosed-session-recording"}

// TestBehaviourShopAndTwin: every behaviour rule fires on the tracked shop
// and none on its twin, which has the same forms, journey and tags but only
// legitimate flows (a first-party search, Stripe's iframe receiving what was
// typed into it, an analytics pixel without user data).
func TestBehaviourShopAndTwin(t *testing.T) {
	count := func(site string) map[string]int {
		n := map[string]int{}
		for _, f := range Evaluate(mustLoad(t, site), Options{Now: testNow, Vendors: testVendors, Only: behaviourRules}) {
			n[f.Rule]++
		}
		return n
	}
	// journey-*: written by hand; snoop-*: recorded by a real scan of the
	// fixture shops testdata/shops/snoop and snoop-twin.
	for _, pair := range [][2]string{{"journey-shop", "journey-twin"}, {"snoop-shop", "snoop-twin"}} {
		shop, twin := count(pair[0]), count(pair[1])
		for _, id := range behaviourRules {
			if shop[id] == 0 {
				t.Errorf("%s: silent on %s", id, pair[0])
			}
			if twin[id] != 0 {
				t.Errorf("%s: fired %d times on the clean twin %s", id, twin[id], pair[1])
			}
		}
	}
}

func TestBehaviourSeverities(t *testing.T) {
	tests := []struct {
		name, rule, jur string
		site            *model.Site
		want            string
		msg             string
	}{
		{"hashed e-mail after accept", "pii-leak-to-third-party", "", exSite(withLeaks(model.PhaseAfterAccept, exMetaEmailLeak)), High, "sha256(lower)"},
		{"hashed e-mail before consent", "pii-leak-to-third-party", "", exSite(withLeaks(model.PhaseBeforeConsent, exMetaEmailLeak)), Critical, "before consent"},
		{"hashed e-mail after reject", "pii-leak-to-third-party", "", exSite(withLeaks(model.PhaseAfterReject, exMetaEmailLeak)), Critical, "after the visitor rejected"},
		{"after reject when the reject failed", "pii-leak-to-third-party", "", exSite(rejectFailed, withLeaks(model.PhaseAfterReject, exMetaEmailLeak)), High, ""},
		{"before consent in California", "pii-leak-to-third-party", "us-ca", exSite(withLeaks(model.PhaseBeforeConsent, exMetaEmailLeak)), High, ""},
		{"search term after accept", "pii-leak-to-third-party", "", exSite(withLeaks(model.PhaseAfterAccept, exGA4Search)), Medium, "search term"},
		{"hashed e-mail with GPC (no banner touched)", "pii-leak-to-third-party", "", exSite(withLeaks(model.PhaseGPC, exMetaEmailLeak)), Critical, "Global Privacy Control"},
		{"canvas read with DNT (no banner touched)", "fingerprinting", "", exSite(withBehaviours(model.PhaseDNT, exCanvasFP)), High, "Do Not Track"},
		{"search term before consent", "pii-leak-to-third-party", "", exSite(withLeaks(model.PhaseBeforeConsent, exGA4Search)), High, ""},
		{"pharmacy names Art. 9", "pii-leak-to-third-party", "", exSite(exPharmacy, withLeaks(model.PhaseAfterAccept, exMetaEmailLeak)), High, "Art. 9"},
		{"a payment vendor's fraud check on the home page", "fingerprinting", "", exSite(withBehaviours(model.PhaseBeforeConsent,
			exBehaviour(model.BehaviourCanvas, "https://m.stripe.network/inner.html", "stripe", "Stripe", "toDataURL after drawing text"))), High, "not strictly necessary"},
		{"a payment vendor's fraud check at checkout only", "fingerprinting", "", exSite(
			func(s *model.Site) {
				s.Pages = append(s.Pages, model.PlannedPage{URL: exHome + "checkout", Kind: "checkout"})
			},
			withBehaviours(model.PhaseBeforeConsent, func() model.Behaviour {
				b := exBehaviour(model.BehaviourCanvas, "https://m.stripe.network/inner.html", "stripe", "Stripe", "toDataURL after drawing text")
				b.Page = exHome + "checkout"
				return b
			}())), Low, "may be strictly necessary"},
		{"first-party recorder", "session-recording-before-consent", "", exSite(withBehaviours(model.PhaseBeforeConsent, exOwnRec)), High, "the site's own script"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []model.Finding
			for _, f := range Evaluate(tc.site, Options{Jurisdiction: tc.jur, Now: testNow, Vendors: testVendors, Only: []string{tc.rule}}) {
				got = append(got, f)
			}
			if len(got) != 1 {
				t.Fatalf("got %d findings: %+v", len(got), got)
			}
			if got[0].Severity != tc.want || !strings.Contains(got[0].Message, tc.msg) {
				t.Errorf("severity %s message %q; want %s containing %q", got[0].Severity, got[0].Message, tc.want, tc.msg)
			}
			if tc.msg != "Art. 9" && strings.Contains(got[0].Message, "Art. 9") {
				t.Errorf("Art. 9 named for a shop without health trade: %s", got[0].Message)
			}
		})
	}
}

func TestRegistrable(t *testing.T) {
	for host, want := range map[string]string{
		"js.stripe.com": "stripe.com", "api.stripe.com": "stripe.com", "stripe.com": "stripe.com",
		"pay.shop.co.uk": "shop.co.uk", "a.b.example.de": "example.de", "localhost": "localhost",
	} {
		if got := registrable(host); got != want {
			t.Errorf("registrable(%q) = %q, want %q", host, got, want)
		}
	}
}
