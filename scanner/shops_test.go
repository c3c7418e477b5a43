package scanner

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/privacyscan/privacyscan/internal/demo"
	"github.com/privacyscan/privacyscan/internal/fixture"
	"github.com/privacyscan/privacyscan/scanner/browser"
	"github.com/privacyscan/privacyscan/scanner/consent"
	"github.com/privacyscan/privacyscan/scanner/route"
)

// scanShop scans one of the team's fixture shops (testdata/shops/<name>)
// end to end: crawl, phases, consent.
func scanShop(t *testing.T, name string, pages int, timeout time.Duration, phases ...string) *Site {
	t.Helper()
	if testing.Short() {
		t.Skip("browser test")
	}
	srv, err := fixture.Start(demo.Shop("../testdata/shops/" + name))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Close)
	b, err := browser.Launch(context.Background(), browser.Options{HostRules: srv.HostRulesStrict(), Insecure: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(b.Close)
	eng, err := consent.New(consent.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rt, _ := route.Parse(srv.Resolve())
	s := New(Options{
		Browser: b, Phases: phases, Concurrency: 2, PageTimeout: timeout, Consent: eng,
		Crawl: CrawlOptions{MaxPages: pages, Client: rt.NewClient(route.ClientOptions{Strict: true, Insecure: true, Timeout: timeout}), UserAgent: browser.DesktopUserAgent},
	})
	return s.ScanSite(context.Background(), "https://shop.test/")
}

func thirdPartyHosts(p *PhaseResult) map[string]bool {
	m := map[string]bool{}
	for _, r := range p.Requests {
		if r.Party == PartyThird {
			m[r.Host] = true
		}
	}
	return m
}

func TestShopCompliant(t *testing.T) {
	s := scanShop(t, "compliant", 4, 20*time.Second)
	if !s.Scanned || len(s.Phases) != 5 {
		t.Fatalf("scanned %v, phases %d, errors %v", s.Scanned, len(s.Phases), s.Errors)
	}
	for _, ph := range []string{PhaseBeforeConsent, PhaseAfterReject, PhaseDNT, PhaseGPC} {
		if hosts := thirdPartyHosts(s.Phases[ph]); len(hosts) > 0 {
			t.Errorf("%s: third parties contacted: %v", ph, hosts)
		}
	}
	if hosts := thirdPartyHosts(s.Phases[PhaseAfterAccept]); !hosts["www.google-analytics.com"] && !hosts["www.googletagmanager.com"] {
		t.Errorf("after-accept: Google Analytics not loaded; hosts %v", hosts)
	}
	if !s.Consent.BannerDetected || !s.Consent.AcceptClicked || !s.Consent.RejectClicked || !s.Consent.RejectOnFirstLayer {
		t.Errorf("consent = %+v", s.Consent)
	}
	if s.Policy.URL == nil || !strings.HasSuffix(*s.Policy.URL, "/privacy-policy") {
		t.Errorf("policy url = %v", s.Policy.URL)
	}
}

func TestShopLeaky(t *testing.T) {
	s := scanShop(t, "leaky", 3, 20*time.Second, PhaseBeforeConsent, PhaseAfterReject)
	for _, ph := range []string{PhaseBeforeConsent, PhaseAfterReject} {
		p := s.Phases[ph]
		if hosts := thirdPartyHosts(p); !hosts["www.facebook.com"] {
			t.Errorf("%s: the Meta Pixel should fire; hosts %v", ph, hosts)
		}
		if _, ok := findCookie(p.Cookies, "_fbp"); !ok {
			t.Errorf("%s: _fbp missing", ph)
		}
	}
}

func TestShopNoBanner(t *testing.T) {
	s := scanShop(t, "nobanner", 3, 20*time.Second, PhaseBeforeConsent, PhaseAfterAccept)
	if s.Consent.BannerDetected || s.Consent.AcceptClicked {
		t.Errorf("consent = %+v, want no banner", s.Consent)
	}
	if s.Policy.URL != nil {
		t.Errorf("policy url = %v, want none", *s.Policy.URL)
	}
}

func TestShopNorsk(t *testing.T) {
	s := scanShop(t, "norsk", 6, 20*time.Second, PhaseBeforeConsent, PhaseAfterReject)
	if s.Policy.URL == nil || !strings.HasSuffix(*s.Policy.URL, "/sider/vilkar-og-personvern") {
		t.Errorf("policy url = %v", s.Policy.URL)
	}
	if !s.Consent.RejectClicked {
		t.Errorf("'Avvis alle' not clicked: %+v (%+v)", s.Consent, s.Phases[PhaseAfterReject].Consent)
	}
	if hosts := thirdPartyHosts(s.Phases[PhaseAfterReject]); len(hosts) > 0 {
		t.Errorf("after-reject: third parties %v", hosts)
	}
	kinds := map[string]bool{}
	for _, p := range s.Pages {
		kinds[p.Kind] = true
	}
	for _, k := range []string{KindCart, KindCategory, KindProduct, KindPolicy} {
		if !kinds[k] {
			t.Errorf("no %s page sampled: %+v", k, s.Pages)
		}
	}
	if kinds[KindCheckout] {
		t.Errorf("robots.txt disallows /kasse, yet a checkout page was sampled: %+v", s.Pages)
	}
}

// TestShopHostile: hung, failing, looping, dialog-raising and malformed pages
// are recorded and the scan goes on.
func TestShopHostile(t *testing.T) {
	s := scanShop(t, "hostile", 20, 6*time.Second, PhaseBeforeConsent)
	if !s.Scanned {
		t.Fatalf("nothing scanned; errors %v", s.Errors)
	}
	p := s.Phases[PhaseBeforeConsent]
	byPath := map[string]PageResult{}
	for _, pg := range p.Pages {
		byPath[strings.TrimPrefix(pg.URL, "https://shop.test")] = pg
	}
	if len(p.Pages) < 8 {
		t.Fatalf("pages visited = %d: %+v", len(p.Pages), s.Pages)
	}
	checks := map[string]func(PageResult) bool{
		"/":        func(r PageResult) bool { return r.Error == "" && r.Status == 200 },
		"/hang":    func(r PageResult) bool { return strings.Contains(r.Error, "timed out") },
		"/error":   func(r PageResult) bool { return r.Status == 500 && r.Error != "" },
		"/missing": func(r PageResult) bool { return r.Status == 404 && r.Error != "" },
		"/dialog":  func(r PageResult) bool { return r.Status == 200 },
	}
	for path, ok := range checks {
		r, seen := byPath[path]
		if !seen {
			continue // the crawler may not have sampled it
		}
		if !ok(r) {
			t.Errorf("%s recorded as %+v", path, r)
		}
	}
	for _, must := range []string{"/", "/hang", "/error"} {
		if _, ok := byPath[must]; !ok {
			t.Errorf("%s not visited; pages %v", must, s.Pages)
		}
	}
}
