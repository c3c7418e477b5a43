package scanner

import (
	"context"
	"io/fs"
	"math"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/privacyscan/privacyscan/internal/demo"
	"github.com/privacyscan/privacyscan/internal/fixture"
	"github.com/privacyscan/privacyscan/internal/fixture/fixturetest"
	"github.com/privacyscan/privacyscan/rules"
	"github.com/privacyscan/privacyscan/scanner/browser"
	"github.com/privacyscan/privacyscan/scanner/kb"
	"github.com/privacyscan/privacyscan/scanner/model"
)

// The scanner's browser tests share one Chromium (fixturetest.Main); each
// scan phase opens a fresh browser context in it. browserFixtures are every
// fixture they serve, whose hostnames that browser routes.
func browserFixtures() []fs.FS {
	fixtures := []fs.FS{os.DirFS("testdata/capture"), demo.FS()}
	for _, shop := range []string{"compliant", "leaky", "adtech", "nobanner", "norsk", "hostile", "snoop", "snoop-twin"} {
		fixtures = append(fixtures, demo.Shop("../testdata/shops/"+shop))
	}
	fixtures = append(fixtures, consentPolicySites(), os.DirFS("testdata/insitu"), os.DirFS("testdata/reload"))
	if npmInstalled() {
		fixtures = append(fixtures, npmPolicySites())
	}
	return fixtures
}

func TestMain(m *testing.M) {
	os.Exit(fixturetest.Main(m, browserFixtures()...))
}

// serve starts a fixture server for fsys, closed at cleanup.
func serve(t testing.TB, fsys fs.FS) *fixture.Server {
	t.Helper()
	srv, err := fixture.Start(fsys)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Close)
	return srv
}

// sharedBrowser routes the binary's shared browser to srv for the test.
// These tests fail, not skip, without Chromium.
func sharedBrowser(t testing.TB, srv *fixture.Server) *browser.Browser {
	t.Helper()
	if _, err := browser.FindChromium(); err != nil {
		t.Fatal(err)
	}
	return fixturetest.Use(t, srv)
}

// startFixture serves testdata/<name> and routes the shared browser to it.
func startFixture(t testing.TB, name string) (*fixture.Server, *browser.Browser) {
	t.Helper()
	srv := serve(t, os.DirFS("testdata/"+name))
	return srv, sharedBrowser(t, srv)
}

// newScanner returns a scanner on the shared browser; Close at cleanup ends
// the browser it would have relaunched had the shared one died.
func newScanner(t testing.TB, opts Options) *Scanner {
	s := New(opts)
	t.Cleanup(s.Close)
	return s
}

func findRequest(rs []model.Request, substr string) (model.Request, bool) {
	for _, r := range rs {
		if strings.Contains(r.URL, substr) {
			return r, true
		}
	}
	return model.Request{}, false
}

func findCookie(cs []model.Cookie, name string) (model.Cookie, bool) {
	for _, c := range cs {
		if c.Name == name {
			return c, true
		}
	}
	return model.Cookie{}, false
}

func TestCapture(t *testing.T) {
	srv, b := startFixture(t, "capture")
	s := newScanner(t, Options{Browser: b, PageTimeout: 4 * time.Second})
	pages := []model.PlannedPage{
		{URL: "https://shop.test/", Kind: KindHome},
		{URL: "https://shop.test/hang", Kind: KindOther},
		{URL: "https://shop.test/err500", Kind: KindOther},
		{URL: "https://shop.test/doc.pdf", Kind: KindOther},
	}
	pr, _, errs := s.runPhase(context.Background(), model.PhaseBeforeConsent, pages, "", []string{"shop.test"})
	if len(pr.Pages) != len(pages) {
		t.Fatalf("pages recorded = %d, want %d (errors %v)", len(pr.Pages), len(pages), errs)
	}
	if p := pr.Pages[0]; p.Status != 200 || p.Error != "" || p.Title != "Capture test shop" || p.Lang != "en" {
		t.Errorf("home page = %+v", p)
	}
	if p := pr.Pages[1]; !strings.Contains(p.Error, "timed out") {
		t.Errorf("hung page error = %q, want a timeout", p.Error)
	}
	if p := pr.Pages[2]; p.Status != 500 || p.Error == "" {
		t.Errorf("500 page = %+v", p)
	}
	if p := pr.Pages[3]; !(p.Error == "" && p.Status == 200) && !strings.Contains(p.Error, "not a web page") && !strings.Contains(p.Error, "ABORTED") {
		t.Errorf("pdf page = %+v", p)
	}

	px, ok := findRequest(pr.Requests, "px.tracker.test/p.gif")
	if !ok {
		t.Fatalf("pixel request missing; requests %v", pr.Requests)
	}
	if px.Party != model.PartyThird || !rules.IsPixel(&px) || len(px.Redirects) != 1 || px.Redirects[0] != "https://shop.test/r" || px.Page != "https://shop.test/" {
		t.Errorf("pixel = %+v", px)
	}
	if bc, ok := findRequest(pr.Requests, "/collect?e=view"); !ok || !bc.Beacon || !rules.IsPixel(&bc) {
		t.Errorf("beacon = %+v, %v", bc, ok)
	}
	if sig, ok := findRequest(pr.Requests, "/signal?"); !ok || !strings.Contains(sig.URL, "dnt=null") {
		t.Errorf("signal without DNT = %+v", sig)
	}

	// The page cannot see the scanner's instrumentation.
	if probe, ok := findRequest(pr.Requests, "e=probe"); !ok || !strings.Contains(probe.URL, "binding=0-undefined") {
		t.Errorf("the page sees the scanner: %q", probe.URL)
	}
	// The cookie value a script put into a hit is redacted, like the cookie.
	if v, ok := findRequest(pr.Requests, "e=visit"); !ok || !strings.Contains(v.URL, "vx="+Redacted) {
		t.Errorf("hit carrying a cookie value = %q", v.URL)
	}
	for _, r := range pr.Requests {
		if strings.Contains(r.URL, "8a7f3c2e9b") {
			t.Errorf("cookie value leaked in %s", r.URL)
		}
	}

	uid, ok := findCookie(pr.Cookies, "uid")
	if !ok {
		t.Fatalf("third-party cookie uid missing; cookies %v", pr.Cookies)
	}
	if uid.Party != model.PartyThird || !uid.Secure || uid.SameSite != "None" || math.Abs(uid.LifetimeDays-730) > 1 {
		t.Errorf("uid = %+v (want third party, Secure, SameSite None, 730 days asked)", uid)
	}
	if js, ok := findCookie(pr.Cookies, "js_long"); !ok || js.Party != model.PartyFirst || math.Abs(js.LifetimeDays-730) > 1 {
		t.Errorf("js_long = %+v, %v (want the 730 days document.cookie asked for)", js, ok)
	}
	if sid, ok := findCookie(pr.Cookies, "sid"); !ok || !sid.HTTPOnly || !sid.Session || sid.LifetimeDays != 0 || sid.Value != "" {
		t.Errorf("sid = %+v, %v (want a redacted HttpOnly session cookie)", sid, ok)
	}
	want := map[string]bool{"local https://shop.test ls_key": false, "session https://shop.test ss_key": false, "local https://widget.tracker.test widget_key": false}
	for _, it := range pr.Storage {
		k := it.Type + " " + it.Origin + " " + it.Key
		if _, ok := want[k]; ok {
			want[k] = true
		}
	}
	for k, seen := range want {
		if !seen {
			t.Errorf("storage %s missing; have %+v", k, pr.Storage)
		}
	}
	_ = srv
}

func TestPrivacySignals(t *testing.T) {
	srv, b := startFixture(t, "capture")
	s := newScanner(t, Options{Browser: b, PageTimeout: 10 * time.Second})
	pages := []model.PlannedPage{{URL: "https://shop.test/", Kind: KindHome}}
	for _, tc := range []struct {
		phase, query, header string
	}{
		{model.PhaseDNT, "dnt=1&gpc=undefined", "dnt"},
		{model.PhaseGPC, "dnt=null&gpc=true", "gpc"},
	} {
		pr, _, errs := s.runPhase(context.Background(), tc.phase, pages, "", []string{"shop.test"})
		sig, ok := findRequest(pr.Requests, "/signal?")
		if !ok || !strings.Contains(sig.URL, tc.query) {
			t.Errorf("%s: signal = %q, want %s (errors %v)", tc.phase, sig.URL, tc.query, errs)
		}
	}
	var dnt, gpc bool
	for _, l := range srv.Requests() {
		if l.Host == "px.tracker.test" && strings.HasPrefix(l.Path, "/signal?dnt=1") && l.DNT == "1" {
			dnt = true
		}
		if l.Host == "px.tracker.test" && strings.Contains(l.Path, "gpc=true") && l.SecGPC == "1" {
			gpc = true
		}
	}
	if !dnt || !gpc {
		t.Errorf("headers on third-party requests: DNT %v, Sec-GPC %v", dnt, gpc)
	}
}

// TestRendererCrash: a page that kills its renderer is recorded as failed and
// the phase goes on in a new tab of the same browser context.
func TestRendererCrash(t *testing.T) {
	_, b := startFixture(t, "capture")
	s := newScanner(t, Options{Browser: b, PageTimeout: 10 * time.Second})
	// Page.crash kills the renderer the way an out-of-memory page would.
	s.afterNavigate = func(ctx context.Context, u string) {
		if strings.HasSuffix(u, "?crash") {
			cctx, cancel := context.WithTimeout(ctx, time.Second) // the renderer dies before it answers
			defer cancel()
			_, _ = chromedp.Call(cctx, page.Crash, cdp.Empty{})
		}
	}
	pages := []model.PlannedPage{
		{URL: "https://shop.test/", Kind: KindHome},
		{URL: "https://shop.test/?crash", Kind: KindOther},
		{URL: "https://shop.test/?after", Kind: KindOther},
	}
	pr, _, errs := s.runPhase(context.Background(), model.PhaseBeforeConsent, pages, "", []string{"shop.test"})
	if len(pr.Pages) != 3 {
		t.Fatalf("pages = %+v, errors %v", pr.Pages, errs)
	}
	if !strings.Contains(pr.Pages[1].Error, "crash") {
		t.Errorf("crashing page = %+v", pr.Pages[1])
	}
	if p := pr.Pages[2]; p.Error != "" || p.Status != 200 {
		t.Errorf("the page after the crash was not loaded: %+v", p)
	}
	if _, ok := findCookie(pr.Cookies, "sid"); !ok {
		t.Errorf("cookies of the phase lost after the crash: %v", pr.Cookies)
	}
}

// fakeResolver answers CNAME look-ups from a map, so no DNS query leaves the test.
type fakeResolver map[string]string

func (f fakeResolver) LookupCNAME(_ context.Context, host string) (string, error) {
	if c, ok := f[host]; ok {
		return c, nil
	}
	return host + ".", nil
}

// TestCNAMECloaking: a first-party subdomain whose CNAME points at Adobe
// Analytics is reported as Adobe, not as the shop's own traffic.
func TestCNAMECloaking(t *testing.T) {
	_, b := startFixture(t, "capture")
	s := newScanner(t, Options{Browser: b, PageTimeout: 10 * time.Second, KB: kb.Default(),
		Resolver: fakeResolver{"metrics.shop.test": "shop.test.sc.omtrdc.net."}})
	pr, _, _ := s.runPhase(context.Background(), model.PhaseBeforeConsent, []model.PlannedPage{{URL: "https://shop.test/", Kind: KindHome}}, "", []string{"shop.test"})
	r, ok := findRequest(pr.Requests, "metrics.shop.test")
	if !ok {
		t.Fatal("request to metrics.shop.test missing")
	}
	if !r.CNAMECloaked || r.Attribution != model.AttributionCNAME || r.Party != model.PartyFirst || r.Category == kb.Essential || !strings.Contains(strings.ToLower(r.Vendor), "adobe") {
		t.Errorf("cloaked request = %+v", r)
	}
	if own, _ := findRequest(pr.Requests, "https://shop.test/"); own.CNAMECloaked || !rules.EssentialByDefault(&own) {
		t.Errorf("the shop's own page = %+v", own)
	}
}

// TestBrowserRestart: when Chromium dies, the next phase restarts it with the
// same options and the scan goes on. The test kills its browser, so it
// launches one of its own instead of the shared one.
func TestBrowserRestart(t *testing.T) {
	srv := serve(t, os.DirFS("testdata/capture"))
	b, err := browser.Launch(context.Background(), browser.Options{HostRules: srv.HostRulesStrict(), Insecure: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(b.Close)
	s := New(Options{Browser: b, PageTimeout: 10 * time.Second})
	t.Cleanup(s.Close)
	p := b.Process()
	if p == nil {
		t.Fatal("no browser process")
	}
	if err := p.Kill(); err != nil {
		t.Fatal(err)
	}
	_, _ = p.Wait()
	pr, _, errs := s.runPhase(context.Background(), model.PhaseBeforeConsent, []model.PlannedPage{{URL: "https://shop.test/", Kind: KindHome}}, "", []string{"shop.test"})
	if len(pr.Pages) != 1 || pr.Pages[0].Status != 200 || pr.Pages[0].Error != "" {
		t.Fatalf("after a browser crash: pages %+v, errors %v", pr.Pages, errs)
	}
	if nb := s.Browser(); nb == b || nb.Process() == nil {
		t.Errorf("the browser was not restarted")
	}
}
