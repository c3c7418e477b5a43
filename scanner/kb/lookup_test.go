package kb

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/privacyscan/privacyscan/internal/golden"
)

func formatMatch(m Match) string {
	flags := []string{}
	if m.Pixel {
		flags = append(flags, "pixel")
	}
	if m.Guess {
		flags = append(flags, "guess")
	}
	if m.Essential {
		flags = append(flags, "essential")
	}
	return fmt.Sprintf("vendor=%s category=%s flags=%s source=%s rule=%s", m.VendorID, m.Category, strings.Join(flags, ","), m.Source, m.Rule)
}

// TestRequestGolden pins how the embedded knowledge attributes typical shop
// requests; review the diff after -update.
func TestRequestGolden(t *testing.T) {
	page := "https://shop.test/products/shoe"
	urls := []string{
		"https://www.google-analytics.com/g/collect?v=2&tid=G-XYZ",
		"https://region1.google-analytics.com/g/collect?v=2",
		"https://www.googletagmanager.com/gtag/js?id=G-ABC123",
		"https://www.googletagmanager.com/gtag/js?id=AW-99999",
		"https://www.googletagmanager.com/gtm.js?id=GTM-ABC",
		"https://stats.g.doubleclick.net/g/collect?v=2",
		"https://googleads.g.doubleclick.net/pagead/viewthroughconversion/123/",
		"https://www.google.com/recaptcha/api.js",
		"https://www.google.com/maps/embed?pb=1",
		"https://www.google.com/pagead/1p-user-list/123/",
		"https://www.google.com/search?q=shoes",
		"https://fonts.googleapis.com/css2?family=Inter",
		"https://fonts.gstatic.com/s/inter/v12/a.woff2",
		"https://connect.facebook.net/en_US/fbevents.js",
		"https://connect.facebook.net/de_DE/sdk.js",
		"https://www.facebook.com/tr/?id=1&ev=PageView",
		"https://www.facebook.com/plugins/like.php",
		"https://www.instagram.com/p/abc/embed",
		"https://analytics.tiktok.com/i18n/pixel/events.js",
		"https://bat.bing.com/action/0?ti=1",
		"https://www.clarity.ms/tag/abc",
		"https://static.hotjar.com/c/hotjar-1.js?sv=6",
		"https://js.stripe.com/v3/",
		"https://m.stripe.network/inner.html",
		"https://www.paypal.com/sdk/js?client-id=x",
		"https://x.klarnacdn.net/kp/lib/v1/api.js",
		"https://checkoutshopper-live.adyen.com/checkoutshopper/sdk/5.0.0/adyen.js",
		"https://cdn.jsdelivr.net/npm/swiper@11/swiper-bundle.min.js",
		"https://cdnjs.cloudflare.com/ajax/libs/jquery/3.7.1/jquery.min.js",
		"https://consent.cookiebot.com/uc.js",
		"https://cdn.cookielaw.org/scripttemplates/otSDKStub.js",
		"https://static.klaviyo.com/onsite/js/klaviyo.js",
		"https://a.klaviyo.com/api/track?data=x",
		"https://cdn.shopify.com/s/files/1/shop.css",
		"https://shop.test/.well-known/shopify/monorail/unstable/produce_batch",
		"https://shop.test/cdn-cgi/challenge-platform/h/b/orchestrate/jsch/v1",
		"https://shop.test/cdn-cgi/zaraz/s.js",
		"https://shop.test/matomo.php?idsite=1&rec=1",
		"https://shop.test/b/ss/rsid/1/JS-2.22.0/s123",
		"https://sslwidget.criteo.com/event?a=1",
		"https://ct.pinterest.com/v3/?tid=1",
		"https://px.ads.linkedin.com/collect?pid=1",
		"https://widget.trustpilot.com/bootstrap/v5/tp.widget.bootstrap.min.js",
		// affiliate networks, ad exchanges and retargeting
		"https://www.awin1.com/sread.img?tt=ns&tv=2&merchant=1&amount=10",
		"https://www.dwin1.com/12345.js",
		"https://www.shareasale.com/sale.cfm?tracking=1&merchantID=2",
		"https://tbs.tradedoubler.com/report?organization=1&event=2",
		"https://track.linksynergy.com/ep?mid=1&ord=2",
		"https://www.emjcd.com/u?CID=1&TYPE=2",
		"https://www.mczbf.com/tags/123/tag.js",
		"https://www.anrdoezrs.net/click-1-2",
		"https://utt.impactcdn.com/A123-abc1.js",
		"https://shop.sjv.io/c/1/2/3",
		"https://prf.hn/conversion/campaign:1/",
		"https://track.adtraction.com/t/t?t=3&tk=1",
		"https://secure.adnxs.com/px?id=1&t=1",
		"https://acdn.adnxs.com/ast/ast.js",
		"https://insight.adsrvr.org/track/up?adv=a&ref=b",
		"https://js.adsrvr.org/up_loader.1.1.0.js",
		"https://track.adform.net/Serving/TrackPoint/?pm=1",
		"https://eu.creativecdn.com/tags/v2?type=json",
		"https://ced.sascdn.com/tag/1/smart.js",
		"https://htlb.casalemedia.com/cygnus?v=7",
		"https://ads.pubmatic.com/AdServer/js/pwt/1/2/pwt.js",
		"https://fastlane.rubiconproject.com/a/api/fastlane.json",
		"https://u.openx.net/w/1.0/cm?id=1",
		"https://sp.analytics.yahoo.com/spp.pl?a=1",
		"https://s.yimg.com/wi/ytc.js",
		"https://d.adroll.com/consent/check/ABC",
		"https://c.seznam.cz/js/rc.js",
		"https://bat.bing.com/bat.js",
		"https://c.bing.com/c.gif?Red3=x",
		"https://in-automate.brevo.com/p?key=1",
		"https://WWW.Google-Analytics.COM:443/collect?v=1#frag",
		"//www.youtube-nocookie.com/embed/abc",
		"https://shop.test/",
		"https://cdn.shop.test/app.js",
		"not a url",
	}
	var b strings.Builder
	db := Default()
	for _, u := range urls {
		fmt.Fprintf(&b, "%s\n  %s\n", u, formatMatch(db.Request(u, page)))
	}
	golden.Assert(t, filepath.Join("testdata", "requests.golden"), []byte(b.String()))
}

func TestCookieGolden(t *testing.T) {
	cases := []struct{ name, domain string }{
		{"_ga", ".shop.test"},
		{"_ga_ABC123", ".shop.test"},
		{"_gid", ".shop.test"},
		{"_gcl_au", ".shop.test"},
		{"_fbp", ".shop.test"},
		{"fr", ".facebook.com"},
		{"fr", ".shop.test"},
		{"IDE", ".doubleclick.net"},
		{"test_cookie", ".doubleclick.net"},
		{"test_cookie", "shop.test"},
		{"NID", ".google.com"},
		{"_hjSessionUser_123", ".shop.test"},
		{"_hjSession_123", ".shop.test"},
		{"_clck", ".shop.test"},
		{"MUID", ".bing.com"},
		{"MUID", ".clarity.ms"},
		{"_uetvid", ".shop.test"},
		{"_uetsid", ".shop.test"},
		{"_aw_m_12345", ".shop.test"},
		{"cje", ".shop.test"},
		{"IR_PI", ".shop.test"},
		{"IR_12345", ".shop.test"},
		{"TDID", ".adsrvr.org"},
		{"uuid2", ".adnxs.com"},
		{"uid", ".adform.net"},
		{"u", ".creativecdn.com"},
		{"u", "shop.test"},
		{"__rtbh.lid", ".shop.test"},
		{"KADUSERCOOKIE", ".pubmatic.com"},
		{"A3", ".yahoo.com"},
		{"__adroll_fpc", ".shop.test"},
		{"_cc_id", ".shop.test"},
		{"sznclid", "shop.test"},
		{"_ttp", ".shop.test"},
		{"_pin_unauth", ".shop.test"},
		{"li_sugr", ".linkedin.com"},
		{"__stripe_mid", ".shop.test"},
		{"__cf_bm", ".shop.test"},
		{"_shopify_y", ".shop.test"},
		{"cart", "shop.test"},
		{"_tracking_consent", ".shop.test"},
		{"CookieConsent", "shop.test"},
		{"OptanonConsent", ".shop.test"},
		{"euconsent-v2", ".shop.test"},
		{"cookieyes-consent", "shop.test"},
		{"_pk_id.1.abcd", "shop.test"},
		{"mp_0123456789abcdef_mixpanel", ".shop.test"},
		{"AMCV_ABC%40AdobeOrg", ".shop.test"},
		{"wp_woocommerce_session_abc", "shop.test"},
		{"PHPSESSID", "shop.test"},
		{"phpsessid", "shop.test"},
		{"JSESSIONID", "shop.test"},
		{"csrftoken", "shop.test"},
		{"csrftoken", ".instagram.com"},
		{"AWSALB", "shop.test"},
		{"BIGipServerpool_shop", "shop.test"},
		{"incap_ses_123_456", ".shop.test"},
		{"unknownthing", ".doubleclick.net"},
		{"shop_session", "shop.test"},
		{"XSRF-TOKEN", "shop.test"},
		{"basket_id", "shop.test"},
		{"lb_route", "shop.test"},
		{"my_cookie_consent", "shop.test"},
		{"lang", "shop.test"},
		{"visitor_uid", "shop.test"},
		{"zzqx", "shop.test"},
	}
	var b strings.Builder
	db := Default()
	for _, c := range cases {
		fmt.Fprintf(&b, "%s @ %s\n  %s\n", c.name, c.domain, formatMatch(db.Cookie(c.name, c.domain)))
	}
	for _, k := range []struct{ key, origin string }{
		{"_hjSessionStorageTest", "https://shop.test"},
		{"ZD-suid", "https://shop.test"},
		{"klaviyoOnsite", "https://shop.test"},
		{"yt-remote-device-id", "https://www.youtube.com"},
		{"_ga", "https://shop.test"},
		{"something", "https://www.youtube-nocookie.com"},
		{"cart-state", "https://shop.test"},
		{"_lr_env", "https://shop.test"},
		{"panoramaId", "https://shop.test"},
		{"__uid2_advertising_token", "https://shop.test"},
	} {
		fmt.Fprintf(&b, "storage %s @ %s\n  %s\n", k.key, k.origin, formatMatch(db.StorageKey(k.key, k.origin)))
	}
	golden.Assert(t, filepath.Join("testdata", "cookies.golden"), []byte(b.String()))
}

// TestGuessExamples runs every guess rule's own examples: each positive must
// fit the rule and be guessed as its category (so the order of the rules is
// right), each negative must not fit it.
func TestGuessExamples(t *testing.T) {
	for i := range guessRules {
		g := &guessRules[i]
		if len(g.positive) == 0 || len(g.negative) == 0 {
			t.Errorf("guess rule %q lacks positive or negative examples", g.purpose)
		}
		for _, p := range g.positive {
			var toks []string
			if !g.hits(p, strings.ToLower(p), &toks) {
				t.Errorf("%q: positive example %q does not fit", g.purpose, p)
			}
			if m := guessName(p); m.Category != g.category || !m.Guess {
				t.Errorf("%q: %q guessed as %+v, want %s", g.purpose, p, m, g.category)
			}
		}
		for _, n := range g.negative {
			var toks []string
			if g.hits(n, strings.ToLower(n), &toks) {
				t.Errorf("%q: negative example %q fits", g.purpose, n)
			}
		}
	}
}

func TestCategories(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range Categories() {
		if seen[c.Name] {
			t.Errorf("duplicate category %q", c.Name)
		}
		seen[c.Name] = true
		if BaseCategory(c.Base) != c.Base {
			t.Errorf("%s: base %q is not a base category", c.Name, c.Base)
		}
	}
	for _, c := range []string{Payment, CDN, Consent, Security} {
		if !IsEssential(c) {
			t.Errorf("%s should be essential", c)
		}
	}
	if IsEssential(SessionRecording) || BaseCategory(SessionRecording) != Analytics {
		t.Error("session recording should be analytics")
	}
	if BaseCategory("nonsense") != Unknown {
		t.Error("unknown category should map to unknown")
	}
}

// TestVendorContract checks what the policy and rules engineers rely on.
func TestVendorContract(t *testing.T) {
	db := Default()
	want := map[string]string{
		"google-analytics": Analytics, "meta-pixel": Advertising, "hotjar": SessionRecording,
		"stripe": Payment, "paypal": Payment, "klarna": Payment, "adyen": Payment, "braintree": Payment,
		"mollie": Payment, "vipps": Payment, "mobilepay": Payment, "swish": Payment,
		"instagram": Social, "google-fonts": Fonts, "cloudflare": CDN, "cookiebot": Consent,
		"google-tag-manager": TagManager, "klaviyo": EmailMarketing,
		"awin": Affiliate, "tradedoubler": Affiliate, "cj-affiliate": Affiliate, "impact": Affiliate,
		"xandr": Advertising, "the-trade-desk": Advertising, "rtb-house": Advertising, "adform": Advertising,
	}
	for id, cat := range want {
		v, ok := db.Vendor(id)
		if !ok {
			t.Errorf("vendor %q missing", id)
			continue
		}
		if v.Category != cat {
			t.Errorf("%s: category %q, want %q", id, v.Category, cat)
		}
	}
	meta, _ := db.Vendor("meta-pixel")
	for _, a := range []string{"Facebook", "pixel Facebook", "Facebook-Pixel", "Meta Pixel"} {
		if a != meta.Name && !contains(meta.Aliases, a) {
			t.Errorf("meta-pixel lacks alias %q", a)
		}
	}
	if v, _ := db.Vendor("klarna"); !v.EEA || v.Country != "SE" {
		t.Errorf("klarna: %+v, want SE in the EEA", v)
	}
	if v, _ := db.Vendor("google-analytics"); v.EEA || v.Adequate {
		t.Error("google-analytics must be outside the EEA without adequacy")
	}
	for id, eea := range map[string]bool{"awin": true, "adform": true, "rtb-house": true, "equativ": true, "the-trade-desk": false, "xandr": false} {
		if v, _ := db.Vendor(id); v.EEA != eea {
			t.Errorf("%s: EEA %v, want %v (%s)", id, v.EEA, eea, v.Country)
		}
	}
	if v, _ := db.Vendor("index-exchange"); v.EEA || !v.Adequate {
		t.Errorf("index-exchange: %+v, want Canada: adequate, outside the EEA", v)
	}
	if _, ok := db.Vendor("no-such-vendor"); ok {
		t.Error("unknown vendor found")
	}
	vs := db.Vendors()
	for i := 1; i < len(vs); i++ {
		if vs[i-1].ID >= vs[i].ID {
			t.Fatalf("Vendors not sorted: %s before %s", vs[i-1].ID, vs[i].ID)
		}
	}
	t.Logf("%d embedded vendors", len(vs))
	if len(vs) < 300 {
		t.Errorf("%d vendors, want at least 300", len(vs))
	}
}

func contains(a []string, s string) bool {
	for _, x := range a {
		if x == s {
			return true
		}
	}
	return false
}

func TestEmbeddedErrorsNameTheLine(t *testing.T) {
	db := newDB()
	bad := []byte("vendors:\n- id: ok-vendor\n  name: OK\n  company: OK Ltd\n  country: DE\n  category: analytics\n  domains: [ok.test]\n- id: Bad Id\n  name: Bad\n  company: Bad\n  country: DE\n  category: analytics\n  domains: [bad.test]\n")
	err := db.addVendorFile("x.yaml", "x.yaml", bad)
	if err == nil || !strings.Contains(err.Error(), "x.yaml:8") {
		t.Fatalf("err = %v, want one naming x.yaml:8", err)
	}
	for name, data := range map[string]string{
		"unknown field": "vendors:\n- id: a\n  nmae: A\n",
		"bad category":  "vendors:\n- id: a\n  name: A\n  company: A\n  country: DE\n  category: tracking\n  domains: [a.test]\n",
		"bad country":   "vendors:\n- id: a\n  name: A\n  company: A\n  country: XX\n  category: analytics\n  domains: [a.test]\n",
		"bad domain":    "vendors:\n- id: a\n  name: A\n  company: A\n  country: DE\n  category: analytics\n  domains: [https://a.test/]\n",
		"no matchers":   "vendors:\n- id: a\n  name: A\n  company: A\n  country: DE\n  category: analytics\n",
		"taken domain":  "vendors:\n- id: a\n  name: A\n  company: A\n  country: DE\n  category: analytics\n  domains: [google-analytics.com]\n",
	} {
		db, _ := newEmbedded()
		if err := db.addVendorFile("y.yaml", "y.yaml", []byte(data)); err == nil {
			t.Errorf("%s: no error", name)
		} else if !strings.Contains(err.Error(), "y.yaml") {
			t.Errorf("%s: error %v does not name the file", name, err)
		}
	}
}

func TestFilterList(t *testing.T) {
	db, err := Load(LoadOptions{FilterLists: []string{filepath.Join("testdata", "easyprivacy-sample.txt")}, NoCache: true})
	if err != nil {
		t.Fatal(err)
	}
	shop := "https://shop.test/"
	cases := []struct {
		url, page string
		want      string // the rule that matches, "" for none
	}{
		{"https://tracker.example/t.js", shop, "||tracker.example^"},
		{"https://a.b.tracker.example/t.js", shop, "||tracker.example^"},
		{"https://nottracker.example/t.js", shop, ""},
		{"https://tracker.example/allowed/x.js", shop, ""},
		{"https://cdn-metrics.example/m.js", shop, "||cdn-metrics.example^$third-party"},
		{"https://cdn-metrics.example/m.js", "https://www.cdn-metrics.example/", ""},
		{"https://widget-stats.example/w.js", shop, "||widget-stats.example^$domain=shop.test|~other.test"},
		{"https://widget-stats.example/w.js", "https://other.test/", ""},
		{"https://any.test/pixel/track.gif?x=1", shop, "/pixel/track.gif?"},
		{"https://any.test/js/site-analytics-beacon.js", shop, "-analytics-beacon."},
		{"https://collect.example/e", shop, "|https://collect.example/"},
		{"https://mirror.test/?u=https://collect.example/", shop, ""},
		{"https://any.test/v2/hit?x", shop, `/\/v[0-9]+\/hit\?/$image`},
		{"https://popup.example/", shop, ""},
		{"https://csp.example/", shop, ""},
	}
	for _, c := range cases {
		m := db.Request(c.url, c.page)
		if m.Rule != c.want {
			t.Errorf("%s on %s: rule %q, want %q (%+v)", c.url, c.page, m.Rule, c.want, m)
		}
		if c.want != "" && !strings.HasPrefix(m.Source, filepath.Join("testdata", "easyprivacy-sample.txt")+":") {
			t.Errorf("%s: source %q should name the file and line", c.url, m.Source)
		}
	}
	src := db.Sources()
	last := src[len(src)-1]
	if last.Kind != KindFilterList || last.Entries != 8 || last.Skipped != 2 {
		t.Errorf("source %+v, want 8 rules and 2 skipped", last)
	}
	// The embedded knowledge wins over a filter list.
	if m := db.Request("https://www.google-analytics.com/g/collect", shop); m.VendorID != "google-analytics" {
		t.Errorf("embedded vendor lost to the filter list: %+v", m)
	}
}

func TestGlobMatch(t *testing.T) {
	cases := []struct {
		pattern, s string
		want       bool
	}{
		{"_ga", "_ga", true}, {"_ga", "_gax", false}, {"_ga_*", "_ga_X", true}, {"_ga_*", "_ga", false},
		{"mp_*_mixpanel", "mp_abc_mixpanel", true}, {"mp_*_mixpanel", "mp_mixpanel", false},
		{"*-_zldp", "abc-_zldp", true}, {"a*a", "a", false}, {"a*a", "aa", true},
		{"/*/fbevents.js*", "/en_US/fbevents.js", true}, {"/*/fbevents.js*", "/fbevents.js", false},
	}
	for _, c := range cases {
		if got := compileGlob(c.pattern).match(c.s); got != c.want {
			t.Errorf("%q ~ %q = %v, want %v", c.pattern, c.s, got, c.want)
		}
	}
}

func TestQueryKind(t *testing.T) {
	for q, want := range map[string]string{
		"https://a.test/x": QueryURL, "//cdn.test/x": QueryURL, "www.google-analytics.com": QueryHost,
		"doubleclick.net": QueryHost, "_ga": QueryCookie, "connect.sid": QueryCookie, "PHPSESSID": QueryCookie,
		"_pk_id.1.abcd": QueryCookie, "ASP.NET_SessionId": QueryCookie,
	} {
		if got := QueryKind(q); got != want {
			t.Errorf("QueryKind(%q) = %s, want %s", q, got, want)
		}
	}
}

type fakeResolver map[string]string

func (f fakeResolver) LookupCNAME(ctx context.Context, host string) (string, error) {
	if c, ok := f[host]; ok {
		return c, nil
	}
	return "", errors.New("no such host")
}

func TestUncloak(t *testing.T) {
	db, err := Load(LoadOptions{NoCache: true, TrackerDBs: []string{filepath.Join("testdata", "tds-sample.json")}})
	if err != nil {
		t.Fatal(err)
	}
	r := fakeResolver{
		"smetrics.shop.test": "shop.test.sc.omtrdc.net.",
		"eu.shop.test":       "shop.test.eulerian.net.",
		"static.shop.test":   "shop.test.cdn.cloudflare.net.",
		"www.shop.test":      "shop.test.",
		"pay.shop.test":      "checkout.stripe.com.",
		"sgtm.shop.test":     "eu.stape.io.",
	}
	cases := []struct {
		host   string
		vendor string
	}{
		{"smetrics.shop.test", "adobe-analytics"},
		{"eu.shop.test", "eulerian"},
		{"sgtm.shop.test", "stape"},
		{"metrics.shop.test", "tds-replay"}, // from the TDS "cnames" list, no DNS
		{"static.shop.test", ""},            // a CDN is not cloaking
		{"pay.shop.test", ""},               // nor is a payment provider
		{"www.shop.test", ""},               // same site
		{"unknown.shop.test", ""},           // no CNAME
	}
	for _, c := range cases {
		m, ok := db.Uncloak(context.Background(), c.host, r)
		if ok != (c.vendor != "") || m.VendorID != c.vendor {
			t.Errorf("%s: %+v %v, want vendor %q", c.host, m, ok, c.vendor)
		}
		if ok && !strings.Contains(m.Rule, "CNAME") {
			t.Errorf("%s: rule %q should show the CNAME", c.host, m.Rule)
		}
	}
	// A nil resolver only uses known CNAMEs.
	if _, ok := db.Uncloak(context.Background(), "nocache.shop.test", nil); ok {
		t.Error("nil resolver uncloaked a host")
	}
}
