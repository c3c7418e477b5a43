package scanner

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/privacyscan/privacyscan/internal/demo"
	"github.com/privacyscan/privacyscan/internal/fetch"
	"github.com/privacyscan/privacyscan/internal/fixture"
	"github.com/privacyscan/privacyscan/scanner/browser"
	"github.com/privacyscan/privacyscan/scanner/consent"
	"github.com/privacyscan/privacyscan/scanner/kb"
	"github.com/privacyscan/privacyscan/scanner/model"
)

// scanShop scans one of the team's fixture shops (testdata/shops/<name>)
// end to end: crawl, phases, consent.
func scanShop(t *testing.T, name string, pages int, timeout time.Duration, phases ...string) *model.Site {
	t.Helper()
	if testing.Short() {
		t.Skip("browser test")
	}
	srv := serve(t, demo.Shop("../testdata/shops/"+name))
	b := sharedBrowser(t, srv)
	eng, err := consent.New(consent.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rt, _ := fetch.ParseRoutes(srv.Resolve())
	s := newScanner(t, Options{
		Browser: b, Phases: phases, Concurrency: 2, PageTimeout: timeout, Consent: eng, KB: kb.Default(),
		Crawl: CrawlOptions{MaxPages: pages, Fetcher: fetch.New(fetch.Options{Routes: rt, Strict: true, Insecure: true, Timeout: timeout, UserAgent: browser.DesktopUserAgent})},
	})
	return s.ScanSite(context.Background(), "https://shop.test/")
}

func thirdPartyHosts(p *model.PhaseResult) map[string]bool {
	m := map[string]bool{}
	for _, r := range p.Requests {
		if r.Party == model.PartyThird {
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
	for _, ph := range []string{model.PhaseBeforeConsent, model.PhaseAfterReject, model.PhaseDNT, model.PhaseGPC} {
		if hosts := thirdPartyHosts(s.Phases[ph]); len(hosts) > 0 {
			t.Errorf("%s: third parties contacted: %v", ph, hosts)
		}
	}
	if hosts := thirdPartyHosts(s.Phases[model.PhaseAfterAccept]); !hosts["www.google-analytics.com"] && !hosts["www.googletagmanager.com"] {
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
	s := scanShop(t, "leaky", 3, 20*time.Second, model.PhaseBeforeConsent, model.PhaseAfterReject)
	for _, ph := range []string{model.PhaseBeforeConsent, model.PhaseAfterReject} {
		p := s.Phases[ph]
		if hosts := thirdPartyHosts(p); !hosts["www.facebook.com"] {
			t.Errorf("%s: the Meta Pixel should fire; hosts %v", ph, hosts)
		}
		if _, ok := findCookie(p.Cookies, "_fbp"); !ok {
			t.Errorf("%s: _fbp missing", ph)
		}
	}
}

// TestShopAdtech: with the knowledge base, every third-party request the
// adtech shop's seven tags make before consent is attributed to a vendor.
func TestShopAdtech(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	s := scanShop(t, "adtech", 3, 20*time.Second, model.PhaseBeforeConsent)
	p := s.Phases[model.PhaseBeforeConsent]
	if p == nil {
		t.Fatalf("no before-consent phase; errors %v", s.Errors)
	}
	vendors := map[string]bool{}
	for _, r := range p.Requests {
		if r.Party != model.PartyThird {
			continue
		}
		if r.Vendor == "" {
			t.Errorf("no vendor for %s", r.URL)
		}
		vendors[r.VendorID] = true
	}
	for _, id := range []string{"tiktok-pixel", "linkedin-insight", "microsoft-advertising", "criteo", "pinterest", "awin", "klaviyo"} {
		if !vendors[id] {
			t.Errorf("%s not seen before consent; vendors %v", id, vendors)
		}
	}
}

func TestShopNoBanner(t *testing.T) {
	s := scanShop(t, "nobanner", 3, 20*time.Second, model.PhaseBeforeConsent, model.PhaseAfterAccept)
	if s.Consent.BannerDetected || s.Consent.AcceptClicked {
		t.Errorf("consent = %+v, want no banner", s.Consent)
	}
	if s.Policy.URL != nil {
		t.Errorf("policy url = %v, want none", *s.Policy.URL)
	}
}

func TestShopNorsk(t *testing.T) {
	s := scanShop(t, "norsk", 6, 20*time.Second, model.PhaseBeforeConsent, model.PhaseAfterReject)
	if s.Policy.URL == nil || !strings.HasSuffix(*s.Policy.URL, "/sider/vilkar-og-personvern") {
		t.Errorf("policy url = %v", s.Policy.URL)
	}
	if !s.Consent.RejectClicked {
		t.Errorf("'Avvis alle' not clicked: %+v (%+v)", s.Consent, s.Phases[model.PhaseAfterReject].Consent)
	}
	if hosts := thirdPartyHosts(s.Phases[model.PhaseAfterReject]); len(hosts) > 0 {
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
// are each recorded and the phase goes on; the crawler stays bounded in the
// link maze.
func TestShopHostile(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	srv, err := fixture.Start(demo.Shop("../testdata/shops/hostile"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Close)
	rt, _ := fetch.ParseRoutes(srv.Resolve())
	cr, err := Crawl(context.Background(), "https://shop.test/", CrawlOptions{MaxPages: 20, MaxFetch: 30,
		Fetcher: fetch.New(fetch.Options{Routes: rt, Strict: true, Insecure: true, Timeout: 5 * time.Second, UserAgent: browser.DesktopUserAgent})})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(srv.Requests()); n > 40 {
		t.Errorf("the crawler made %d requests; MaxFetch is 30", n)
	}
	if len(cr.Pages) < 5 {
		t.Errorf("crawl chose %d pages", len(cr.Pages))
	}

	b := sharedBrowser(t, srv)
	s := newScanner(t, Options{Browser: b, PageTimeout: 6 * time.Second})
	paths := []string{"/", "/hang", "/stuck", "/error", "/missing", "/reset", "/half", "/redirect-loop",
		"/files/catalogue.pdf", "/data/feed.json", "/weird", "/loop", "/dialog", "/slow"}
	var pages []model.PlannedPage
	for _, p := range paths {
		pages = append(pages, model.PlannedPage{URL: "https://shop.test" + p, Kind: KindOther})
	}
	pr, _, _ := s.runPhase(context.Background(), model.PhaseBeforeConsent, pages, "", []string{"shop.test"})
	if len(pr.Pages) != len(paths) {
		t.Fatalf("recorded %d of %d pages", len(pr.Pages), len(paths))
	}
	ok := func(r model.PageResult) bool { return r.Error == "" && r.Status == 200 }
	failed := func(r model.PageResult) bool { return r.Error != "" }
	checks := map[string]func(model.PageResult) bool{
		"/":                    ok,
		"/hang":                func(r model.PageResult) bool { return strings.Contains(r.Error, "timed out") },
		"/stuck":               func(r model.PageResult) bool { return strings.Contains(r.Error, "timed out") && r.Status == 200 },
		"/error":               func(r model.PageResult) bool { return r.Status == 500 && strings.Contains(r.Error, "500") },
		"/missing":             func(r model.PageResult) bool { return r.Status == 404 && strings.Contains(r.Error, "404") },
		"/reset":               failed,
		"/redirect-loop":       func(r model.PageResult) bool { return strings.Contains(r.Error, "REDIRECT") },
		"/files/catalogue.pdf": func(r model.PageResult) bool { return r.Status == 200 || failed(r) },
		"/data/feed.json":      func(r model.PageResult) bool { return r.Status == 200 },
		"/weird":               ok,
		"/dialog":              ok,
		"/slow":                ok,
	}
	for i, p := range paths {
		check, has := checks[p]
		if has && !check(pr.Pages[i]) {
			t.Errorf("%s recorded as %+v", p, pr.Pages[i])
		}
	}
	// The title a hostile page sets reaches the report as data (the
	// reports strip control characters); the scan itself must not choke.
	if w := pr.Pages[10]; !strings.Contains(w.Title, "script") {
		t.Errorf("/weird title = %q", w.Title)
	}
}
