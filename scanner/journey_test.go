package scanner

import (
	"context"
	"io/fs"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/privacyscan/privacyscan/internal/demo"
	"github.com/privacyscan/privacyscan/internal/fetch"
	"github.com/privacyscan/privacyscan/scanner/browser"
	"github.com/privacyscan/privacyscan/scanner/consent"
	"github.com/privacyscan/privacyscan/scanner/kb"
	"github.com/privacyscan/privacyscan/scanner/model"
)

func TestNewCanary(t *testing.T) {
	a := NewCanary(rand.New(rand.NewPCG(1, 2)))
	b := NewCanary(rand.New(rand.NewPCG(1, 2)))
	c := NewCanary(nil)
	d := NewCanary(nil)
	if a != b {
		t.Errorf("same seed, different canaries: %+v %+v", a, b)
	}
	if c == d {
		t.Errorf("two scans got the same canary %+v", c)
	}
	for _, x := range []model.Canary{a, c} {
		if !strings.HasSuffix(x.Email, "@example.com") && !strings.HasSuffix(x.Email, "@example.org") {
			t.Errorf("e-mail %q not under a reserved domain", x.Email)
		}
		if !strings.HasPrefix(x.Phone, "+44 7700 900") || len(x.Phone) != len("+44 7700 900123") {
			t.Errorf("phone %q not in the drama range", x.Phone)
		}
		for kind, v := range map[string]string{"first_name": x.FirstName, "last_name": x.LastName, "street": x.Street, "postal_code": x.PostalCode, "city": x.City, "search": x.SearchTerm} {
			if len(v) < 4 || canaryValue(x, kind) != v {
				t.Errorf("%s = %q", kind, v)
			}
		}
	}
}

// snoopCanary is the fixed identity the shop tests type.
var snoopCanary = model.Canary{Email: "velora.k7mq2xpd@example.org", FirstName: "Velora", LastName: "Karumendi", Phone: "+44 7700 900417",
	Street: "42 Tesimor Lane", PostalCode: "ZZ7 3QW", City: "Brandevik", SearchTerm: "lantern zuvek"}

// scanJourney scans a fixture shop's before-consent phase with the journey.
func scanJourney(t *testing.T, shop string) *model.Site {
	t.Helper()
	if testing.Short() {
		t.Skip("browser test")
	}
	srv := serve(t, demo.Shop("../testdata/shops/"+shop))
	b := sharedBrowser(t, srv)
	eng, err := consent.New(consent.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rt, _ := fetch.ParseRoutes(srv.Resolve())
	c := snoopCanary
	s := newScanner(t, Options{
		Browser: b, Phases: []string{model.PhaseBeforeConsent}, PageTimeout: 15 * time.Second, Consent: eng, KB: kb.Default(), Canary: &c,
		Crawl: CrawlOptions{MaxPages: 4, Fetcher: fetch.New(fetch.Options{Routes: rt, Strict: true, Insecure: true, Timeout: 10 * time.Second, UserAgent: browser.DesktopUserAgent})},
	})
	site := s.ScanSite(context.Background(), "https://shop.test/")
	if site.Canary == nil || *site.Canary != c {
		t.Fatalf("canary = %+v", site.Canary)
	}
	if site.Phases[model.PhaseBeforeConsent] == nil || site.Phases[model.PhaseBeforeConsent].Journey == nil {
		t.Fatalf("no journey; errors %v", site.Errors)
	}
	return site
}

func behavioursByKind(bs []model.Behaviour) map[string]model.Behaviour {
	m := map[string]model.Behaviour{}
	for _, b := range bs {
		m[b.Kind] = b
	}
	return m
}

// TestShopSnoop: on the snooping shop the journey reaches the checkout
// form, and the typed identity, the search term, the fingerprinting and the
// session recorder are all found and attributed.
func TestShopSnoop(t *testing.T) {
	site := scanJourney(t, "snoop")
	p := site.Phases[model.PhaseBeforeConsent]
	t.Logf("journey: %+v", *p.Journey)
	if !p.Journey.Completed {
		t.Errorf("journey stopped at %q: %s", p.Journey.StoppedAt, p.Journey.StopReason)
	}
	typed := map[string]bool{}
	for _, st := range p.Journey.Steps {
		for _, f := range st.Fields {
			typed[f.Kind] = true
		}
	}
	for _, k := range []string{"search", "email", "phone", "first_name", "last_name", "street", "postal_code", "city"} {
		if !typed[k] {
			t.Errorf("%s never typed", k)
		}
	}
	type lk struct{ kind, host string }
	leaks := map[lk]model.Leak{}
	for _, l := range p.Leaks {
		t.Logf("leak %s %s %s %s step=%s before=%v vendor=%s", l.Kind, l.Encoding, l.Where, l.Host, l.Step, l.BeforeSubmit, l.VendorID)
		leaks[lk{l.Kind, l.Host}] = l
	}
	want := []struct {
		kind, host, enc string
		before          bool
	}{
		{"email", "www.facebook.com", "sha256", true},     // advanced matching
		{"phone", "www.facebook.com", "sha256", true},     // advanced matching, digits
		{"search", "www.google-analytics.com", "", false}, // GA4 search event, after the submit
		{"email", "a.klaviyo.com", "", true},              // key logger
		{"street", "a.klaviyo.com", "", true},
		{"email", "shop.test", "", true}, // session replay batches (first party)
	}
	for _, w := range want {
		l, ok := leaks[lk{w.kind, w.host}]
		if !ok {
			t.Errorf("no %s leak to %s", w.kind, w.host)
			continue
		}
		if w.enc != "" && !strings.Contains(l.Encoding, w.enc) {
			t.Errorf("%s to %s: encoding %q, want %s", w.kind, w.host, l.Encoding, w.enc)
		}
		if l.BeforeSubmit != w.before {
			t.Errorf("%s to %s: before submit %v", w.kind, w.host, l.BeforeSubmit)
		}
	}
	events := map[string]bool{}
	for _, e := range p.PixelEvents {
		t.Logf("pixel %s", e.Summary)
		events[e.VendorID+" "+e.Event] = true
		if e.VendorID == "meta-pixel" && len(e.UserData) > 0 {
			events["meta-pixel advanced matching"] = true
		}
	}
	for _, want := range []string{"meta-pixel PageView", "meta-pixel AddToCart", "meta-pixel advanced matching", "google-analytics search", "google-analytics page_view"} {
		if !events[want] {
			t.Errorf("pixel event %q not decoded; have %v", want, events)
		}
	}
	bs := behavioursByKind(p.Behaviours)
	for _, b := range p.Behaviours {
		t.Logf("behaviour %s %s (%s) %s", b.Kind, b.Script, b.Party, b.Detail)
	}
	for _, k := range []string{model.BehaviourCanvas, model.BehaviourWebGL, model.BehaviourAudio, model.BehaviourFont, model.BehaviourNavigator} {
		b, ok := bs[k]
		if !ok {
			t.Errorf("%s not seen", k)
			continue
		}
		if b.Host != "fpnpmcdn.net" || b.Party != model.PartyThird {
			t.Errorf("%s attributed to %s (%s)", k, b.Script, b.Party)
		}
	}
	if b, ok := bs[model.BehaviourSessionRecording]; !ok {
		t.Errorf("session recording not seen")
	} else if !strings.HasSuffix(b.Script, "/assets/replay.js") || b.Party != model.PartyFirst {
		t.Errorf("session recording attributed to %s (%s)", b.Script, b.Party)
	}
}

// TestShopSnoopTwin: the clean twin has the same forms and vendors, and
// the journey types the same identity, yet nothing leaves to a third party
// and no script fingerprints or records.
func TestShopSnoopTwin(t *testing.T) {
	site := scanJourney(t, "snoop-twin")
	p := site.Phases[model.PhaseBeforeConsent]
	t.Logf("journey: %+v", *p.Journey)
	if !p.Journey.Completed {
		t.Errorf("journey stopped at %q: %s", p.Journey.StoppedAt, p.Journey.StopReason)
	}
	for _, l := range p.Leaks {
		if l.Party != model.PartyFirst {
			t.Errorf("leak to a third party: %+v", l)
		}
	}
	for _, b := range p.Behaviours {
		t.Errorf("behaviour on the clean twin: %+v", b)
	}
	for _, e := range p.PixelEvents {
		if len(e.UserData) > 0 || e.Params["search_term"] != "" {
			t.Errorf("user data in a pixel event of the twin: %+v", e)
		}
	}
	if len(thirdPartyHosts(p)) < 3 {
		t.Errorf("the twin's tags did not load: %v", thirdPartyHosts(p))
	}
}

// walkOnly crawls a fixture shop and walks the journey in a fresh browser
// context without the phase's page visits: the journey's reach alone.
func walkOnly(t testing.TB, fsys fs.FS, start string) (*model.Journey, time.Duration) {
	t.Helper()
	srv := serve(t, fsys)
	b := sharedBrowser(t, srv)
	rt, _ := fetch.ParseRoutes(srv.Resolve())
	cr, err := Crawl(context.Background(), start, CrawlOptions{MaxPages: 8, Fetcher: fetch.New(fetch.Options{Routes: rt, Strict: true, Insecure: true, Timeout: 10 * time.Second, UserAgent: browser.DesktopUserAgent})})
	if err != nil {
		t.Fatal(err)
	}
	s := newScanner(t, Options{Browser: b, PageTimeout: 10 * time.Second, KB: kb.Default()})
	ctx, cancel := b.NewContext(context.Background())
	defer cancel()
	run := &phaseRun{s: s, phase: model.PhaseBeforeConsent, ctx: context.Background(), phaseCtx: ctx, tab: ctx, rc: newRecorder(), pr: &model.PhaseResult{}, firstParty: []string{registrable(hostOf(cr.FinalURL))}, cookieSeen: map[string]bool{}}
	if err := setupTab(ctx, run.rc, run.phase); err != nil {
		t.Fatal(err)
	}
	began := time.Now()
	j, _ := run.walkJourney(cr.Pages, snoopCanary, 60*time.Second)
	return j, time.Since(began)
}

// reach says how far a journey went: the steps taken and where it stopped.
func reach(j *model.Journey) string {
	var ok []string
	for _, st := range j.Steps {
		if st.OK {
			ok = append(ok, st.Step)
		}
	}
	out := strings.Join(ok, ",")
	if j.Completed {
		return out + " (completed)"
	}
	return out + " (stopped at " + j.StoppedAt + ": " + j.StopReason + ")"
}

// TestJourneyReach walks the journey on every fixture shop and checks how
// far it gets: each shop offers a different path (no search, a basket, a
// checkout behind "Gå til kassen", a cart whose only way on is "Pay now",
// which is never followed), and the journey takes the steps each has,
// generically. The snoop shops' reach is checked by TestShopSnoop*.
func TestJourneyReach(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	cases := []struct {
		shop string
		fsys fs.FS
		want string
	}{
		{"demo", demo.FS(), "form,product,add-to-cart,cart,checkout,form,form (completed)"},
		{"compliant", demo.Shop("../testdata/shops/compliant"), "product,add-to-cart,cart,checkout,form (completed)"},
		{"leaky", demo.Shop("../testdata/shops/leaky"), "cart,form (stopped at product: no product page found)"},
		{"adtech", demo.Shop("../testdata/shops/adtech"), "product,add-to-cart,cart (stopped at checkout: no way to checkout found)"},
		{"nobanner", demo.Shop("../testdata/shops/nobanner"), "product,add-to-cart,cart (stopped at checkout: no way to checkout found)"},
		{"norsk", demo.Shop("../testdata/shops/norsk"), "product,add-to-cart,cart,checkout,form (completed)"},
	}
	for _, c := range cases {
		t.Run(c.shop, func(t *testing.T) {
			j, took := walkOnly(t, c.fsys, "https://shop.test/")
			got := reach(j)
			t.Logf("%s: %s in %s", c.shop, got, took.Round(time.Millisecond))
			for _, st := range j.Steps {
				t.Logf("  %6dms %s ok=%v %s %s", st.AtMS, st.Step, st.OK, st.URL, st.Detail)
			}
			if got != c.want {
				t.Errorf("reach = %q, want %q", got, c.want)
			}
		})
	}
}
