package demo_test

import (
	"context"
	"io/fs"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/privacyscan/privacyscan/internal/demo"
	"github.com/privacyscan/privacyscan/internal/fixture"
	"github.com/privacyscan/privacyscan/internal/fixture/fixturetest"
)

// One demo server for the whole test binary, and the binary's one browser
// (fixturetest.Main); each test gets a fresh browser context.
var shared struct {
	once sync.Once
	srv  *fixture.Server
	err  error
}

func TestMain(m *testing.M) {
	code := fixturetest.Main(m, demo.FS())
	if shared.srv != nil {
		shared.srv.Close()
	}
	os.Exit(code)
}

// tab returns the shared server (its request log emptied) and a new tab in a
// fresh browser context, already open, with a deadline for the test.
func tab(t *testing.T) (*fixture.Server, context.Context) {
	t.Helper()
	shared.once.Do(func() { shared.srv, shared.err = demo.Start() })
	if shared.err != nil {
		t.Fatal(shared.err)
	}
	b := fixturetest.Use(t, shared.srv)
	shared.srv.ResetRequests()
	ctx, cancel := b.NewContext(context.Background())
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil { // open the tab with no deadline
		t.Fatal(err)
	}
	tctx, tcancel := context.WithTimeout(ctx, 30*time.Second)
	t.Cleanup(tcancel)
	return shared.srv, tctx
}

func cookies(t *testing.T, ctx context.Context) []*network.Cookie {
	t.Helper()
	c, err := fixturetest.Cookies(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func daysLeft(c *network.Cookie) float64 {
	return time.Until(time.Unix(int64(c.Expires), 0)).Hours() / 24
}

func requested(srv *fixture.Server, prefix string) bool {
	return slices.ContainsFunc(srv.Requests(), func(l fixture.Logged) bool { return strings.HasPrefix(l.URL(), prefix) })
}

// TestBeforeConsentMetaPixel loads the home page without touching the banner
// and checks, from what Chromium recorded, that the Meta Pixel ran: the
// pixel request was made and both _fbp and fr exist.
func TestBeforeConsentMetaPixel(t *testing.T) {
	srv, ctx := tab(t)
	ev, err := fixturetest.NavigateAndWaitResponse(ctx, demo.StartURL(), "https://www.facebook.com/tr?id=482910375648291&ev=PageView")
	if err != nil {
		t.Fatal(err)
	}
	if ev.Response.Status != 200 || ev.Response.MimeType != "image/gif" {
		t.Errorf("pixel response %d %s, want a 200 GIF", ev.Response.Status, ev.Response.MimeType)
	}
	got := cookies(t, ctx)
	fbp := fixturetest.Find(got, "_fbp", "shop.test")
	if fbp == nil || !strings.HasPrefix(fbp.Value, "fb.1.") {
		t.Fatalf("no _fbp first-party cookie; have %v", fixturetest.Names(got))
	}
	if d := daysLeft(fbp); d < 89 || d > 91 {
		t.Errorf("_fbp lives %.1f days, want 90", d)
	}
	fr := fixturetest.Find(got, "fr", "facebook.com")
	if fr == nil {
		t.Fatalf("no fr cookie on .facebook.com; have %v", fixturetest.Names(got))
	}
	if !fr.Secure || !fr.HTTPOnly || fr.SameSite != network.CookieSameSiteNone || daysLeft(fr) < 89 {
		t.Errorf("fr = %+v, want Secure HttpOnly SameSite=None for 90 days", fr)
	}
	if c := fixturetest.Find(got, "ml_session", "shop.test"); c == nil || !c.Session {
		t.Errorf("no ml_session session cookie; have %v", fixturetest.Names(got))
	}
	for _, name := range []string{"_ga", "_gcl_au", "ml_consent"} {
		if fixturetest.Find(got, name, "shop.test") != nil {
			t.Errorf("%s set before consent", name)
		}
	}
	if !requested(srv, "https://connect.facebook.net/en_US/fbevents.js") {
		t.Error("fbevents.js not requested")
	}
	for _, p := range []string{"https://www.googletagmanager.com/", "https://static.hotjar.com/", "https://www.google-analytics.com/"} {
		if requested(srv, p) {
			t.Errorf("%s requested before consent", p)
		}
	}
	visible, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`!document.getElementById('cookie-bar').hidden`))
	if err != nil || !visible {
		t.Errorf("cookie bar visible = %v, %v", visible, err)
	}
	def, err := chromedp.Run(ctx, chromedp.Evaluate[string](`JSON.stringify(Array.from(dataLayer[0]))`))
	if err != nil || !strings.Contains(def, `"consent","default"`) || !strings.Contains(def, `"ad_storage":"granted"`) {
		t.Errorf("consent default = %s, %v; want ad_storage granted", def, err)
	}
}

// TestAcceptAll clicks "Accept all" and checks that Google Analytics and Ads
// run with Consent Mode granted, and that the choice is stored.
func TestAcceptAll(t *testing.T) {
	srv, ctx := tab(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(demo.StartURL()), chromedp.Click(chromedp.CSS(`[data-consent="all"]`))); err != nil {
		t.Fatal(err)
	}
	hit, err := srv.WaitFor(ctx, func(l fixture.Logged) bool {
		return l.Host == "www.google-analytics.com" && strings.Contains(l.Path, "en=page_view")
	})
	if err != nil {
		t.Fatalf("no GA page_view: %v", err)
	}
	for _, want := range []string{"tid=G-MLX7Q2P4ZK", "gcs=G111", "gcd=13v3r3r3r5", "&cid="} {
		if !strings.Contains(hit.Path, want) {
			t.Errorf("GA hit %s lacks %s", hit.Path, want)
		}
	}
	if hit.Method != "POST" {
		t.Errorf("GA hit sent with %s, want POST (sendBeacon)", hit.Method)
	}
	if _, err := srv.WaitFor(ctx, func(l fixture.Logged) bool { return l.Host == "googleads.g.doubleclick.net" && l.Status == 200 }); err != nil {
		t.Fatalf("no Google Ads hit: %v", err)
	}
	if _, err := srv.WaitFor(ctx, func(l fixture.Logged) bool { return l.Host == "in.hotjar.com" }); err != nil {
		t.Fatalf("no Hotjar beacon: %v", err)
	}
	got := cookies(t, ctx)
	for _, name := range []string{"_ga", "_ga_MLX7Q2P4ZK", "_gcl_au", "_fbp", "_hjSessionUser_3512345", "ml_consent"} {
		if fixturetest.Find(got, name, "shop.test") == nil {
			t.Errorf("no %s after accept; have %v", name, fixturetest.Names(got))
		}
	}
	// gtag.js asks for 2 years; Chromium caps every cookie at 400 days.
	if c := fixturetest.Find(got, "_ga", "shop.test"); c != nil && (daysLeft(c) < 399 || daysLeft(c) > 401) {
		t.Errorf("_ga lives %.1f days, want Chromium's cap of 400", daysLeft(c))
	}
	if c := fixturetest.Find(got, "ml_consent", "shop.test"); c != nil && c.Value != "necessary%2Canalytics%2Cmarketing" {
		t.Errorf("ml_consent = %q", c.Value)
	}
	// The Ads pixel's IDE cookie arrives with the response; wait for it
	// through the page rather than by sleeping.
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`performance.getEntriesByType('resource').some(e => e.name.includes('doubleclick.net') && e.responseEnd > 0)`)); err != nil {
		t.Fatal(err)
	}
	if fixturetest.Find(cookies(t, ctx), "IDE", "doubleclick.net") == nil {
		t.Errorf("no IDE cookie on .doubleclick.net")
	}
}

// TestRejectStillLoadsHotjar clicks "Reject all": nothing of Google loads,
// but Hotjar does, and it writes its storage keys.
func TestRejectStillLoadsHotjar(t *testing.T) {
	srv, ctx := tab(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(demo.StartURL()), chromedp.Click(chromedp.CSS(`[data-consent="none"]`))); err != nil {
		t.Fatal(err)
	}
	if _, err := srv.WaitFor(ctx, func(l fixture.Logged) bool {
		return l.Host == "in.hotjar.com" && strings.HasPrefix(l.Path, "/api/v2/client/sites/3512345/visit-data")
	}); err != nil {
		t.Fatalf("no Hotjar beacon after reject: %v", err)
	}
	// consent.js inserts gtag.js before Hotjar, so its request would already
	// be logged.
	if requested(srv, "https://www.googletagmanager.com/") || requested(srv, "https://www.google-analytics.com/") {
		t.Error("Google tags loaded after reject")
	}
	keys, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[localStorage.getItem('_hjSessionUser_3512345') ? 'local' : '', sessionStorage.getItem('_hjSession_3512345') ? 'session' : '', localStorage.getItem('ml_consent') || '']`))
	if err != nil {
		t.Fatal(err)
	}
	if keys[0] != "local" || keys[1] != "session" || !strings.Contains(keys[2], `"value":"necessary"`) {
		t.Errorf("storage after reject = %q", keys)
	}
	got := cookies(t, ctx)
	if c := fixturetest.Find(got, "ml_consent", "shop.test"); c == nil || c.Value != "necessary" {
		t.Errorf("ml_consent after reject = %+v", c)
	}
	if fixturetest.Find(got, "_ga", "shop.test") != nil {
		t.Error("_ga set after reject")
	}
}

// TestSignalsIgnored sends Do Not Track and Global Privacy Control the way
// a browser does (headers and navigator properties) and checks that the Meta
// Pixel still fires, with both signals on its request.
func TestSignalsIgnored(t *testing.T) {
	srv, ctx := tab(t)
	if _, err := chromedp.Call(ctx, network.SetExtraHTTPHeaders, network.SetExtraHTTPHeadersParams{Headers: network.Headers{"DNT": "1", "Sec-GPC": "1"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `Object.defineProperty(Navigator.prototype, 'doNotTrack', {get: () => '1', configurable: true});
Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', {get: () => true, configurable: true});`,
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := fixturetest.NavigateAndWaitResponse(ctx, demo.StartURL(), "https://www.facebook.com/tr?"); err != nil {
		t.Fatal(err)
	}
	px, err := srv.WaitFor(ctx, func(l fixture.Logged) bool { return l.Host == "www.facebook.com" })
	if err != nil {
		t.Fatal(err)
	}
	if px.DNT != "1" || px.SecGPC != "1" {
		t.Errorf("pixel request carried DNT=%q Sec-GPC=%q, want both 1", px.DNT, px.SecGPC)
	}
	if fixturetest.Find(cookies(t, ctx), "_fbp", "shop.test") == nil {
		t.Error("no _fbp under DNT and GPC")
	}
}

// TestSiteSmall keeps the embedded site, which ships in the binary, small.
func TestSiteSmall(t *testing.T) {
	total := 0
	err := fs.WalkDir(demo.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		total += int(info.Size())
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if total > 200<<10 {
		t.Errorf("embedded site is %d bytes, want under 200 KiB", total)
	}
	if _, err := fs.Stat(demo.FS(), "shop.test/_headers"); err != nil {
		t.Errorf("_headers not embedded: %v", err)
	}
}
