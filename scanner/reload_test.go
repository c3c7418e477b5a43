package scanner

import (
	"context"
	"os"
	"testing"

	"github.com/privacyscan/privacyscan/scanner/consent"
	"github.com/privacyscan/privacyscan/scanner/model"
)

// TestNoThirdLoad: a banner that reloads the page after the choice leaves
// the page loaded under the choice, so the phase does not load it again
// (two loads of the first page: before the click and the banner's own
// reload); the rest of the phase goes on as usual.
func TestNoThirdLoad(t *testing.T) {
	srv := serve(t, os.DirFS("testdata/reload"))
	b := sharedBrowser(t, srv)
	eng, err := consent.New(consent.Options{GenericOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	s := newScanner(t, Options{Browser: b, Consent: eng, ShowValues: true})
	pages := []model.PlannedPage{{URL: "https://reloads.test/", Kind: KindHome}, {URL: "https://reloads.test/tietoa.html", Kind: KindOther}}
	for _, ph := range []string{model.PhaseAfterAccept, model.PhaseAfterReject} {
		t.Run(ph, func(t *testing.T) {
			before := len(srv.Requests())
			pr, _, errs := s.runPhase(context.Background(), ph, pages, "", []string{"reloads.test"})
			if len(errs) > 0 {
				t.Fatalf("errors: %v", errs)
			}
			if pr.Consent == nil || !pr.Consent.Clicked || !pr.Consent.Verified {
				t.Fatalf("consent %+v", pr.Consent)
			}
			homes := 0
			for _, l := range srv.Requests()[before:] {
				if l.Host == "reloads.test" && l.Path == "/" {
					homes++
				}
			}
			if homes != 2 {
				t.Fatalf("the first page was loaded %d times, want 2 (before the click, the banner's reload)", homes)
			}
			if len(pr.Pages) != 2 || pr.Pages[0].Status != 200 || pr.Pages[1].Status != 200 {
				t.Fatalf("pages %+v", pr.Pages)
			}
			want := map[string]string{model.PhaseAfterAccept: "kaikki", model.PhaseAfterReject: "ei"}[ph]
			c, ok := findCookie(pr.Cookies, "suostumus")
			if !ok || c.Value != want {
				t.Fatalf("consent cookie %+v, want the value %q", c, want)
			}
		})
	}
}
