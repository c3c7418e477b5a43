package scanner

import (
	"testing"

	"github.com/privacyscan/privacyscan/scanner/model"
)

// TestBetterPolicy: the rendered reading wins unless the served document
// says clearly more, and the choice is recorded in policy.source.
func TestBetterPolicy(t *testing.T) {
	date := "2025-01-01"
	rich := func() *model.PolicyFacts {
		f := model.PolicyNotFound()
		f.Language, f.LastUpdated = "en", &date
		f.Elements = model.Elements{ControllerIdentity: true, Contact: true, Rights: true, Cookies: true}
		f.VendorIDs = []string{"google-analytics"}
		return f
	}
	poor := func() *model.PolicyFacts {
		f := model.PolicyNotFound()
		f.Language = "en"
		f.Elements.Cookies = true
		return f
	}
	broken := func() *model.PolicyFacts { f := model.PolicyNotFound(); f.Error = "decoding html: bad"; return f }
	for _, tc := range []struct {
		name              string
		rendered, fetched *model.PolicyFacts
		want              string
	}{
		{"rendered only", rich(), nil, model.PolicySourceRendered},
		{"fetched only", nil, rich(), model.PolicySourceFetched},
		{"equal: what the visitor reads", rich(), rich(), model.PolicySourceRendered},
		{"rendered poorer: a layer hid the text", poor(), rich(), model.PolicySourceFetched},
		{"fetched poorer: scripts build the policy", rich(), poor(), model.PolicySourceRendered},
		{"rendered unreadable", broken(), poor(), model.PolicySourceFetched},
		{"neither", nil, nil, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := betterPolicy(tc.rendered, tc.fetched)
			switch {
			case got == nil && tc.want != "":
				t.Fatalf("nil, want %s", tc.want)
			case got != nil && got.Source != tc.want:
				t.Errorf("source = %q, want %q", got.Source, tc.want)
			}
		})
	}
}
