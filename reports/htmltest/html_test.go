package htmltest_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/chromedp"

	"github.com/privacyscan/privacyscan/internal/fixture"
	"github.com/privacyscan/privacyscan/internal/fixture/fixturetest"
	"github.com/privacyscan/privacyscan/reports"
	"github.com/privacyscan/privacyscan/rules"
	"github.com/privacyscan/privacyscan/scanner/model"
)

// The reports are served from report.test by a fixture server: the file
// itself, as written, nothing else (the report loads nothing).
var site = fstest.MapFS{}

var shared struct {
	once sync.Once
	srv  *fixture.Server
	err  error
}

func TestMain(m *testing.M) {
	site["report.test/index.html"] = &fstest.MapFile{Data: []byte("reports")}
	code := fixturetest.Main(m, site)
	if shared.srv != nil {
		shared.srv.Close()
	}
	os.Exit(code)
}

// serve adds a report to the fixture and returns its URL.
func serve(name string, html []byte) string {
	site["report.test/"+name] = &fstest.MapFile{Data: html}
	return "https://report.test/" + name
}

// tab opens a fresh browser context on the shared Chromium and collects
// what the page logs as an error (console errors, uncaught exceptions,
// CSP violations and failed loads reported by the browser's log).
func tab(t *testing.T) (context.Context, func() []string) {
	t.Helper()
	shared.once.Do(func() { shared.srv, shared.err = fixture.Start(site) })
	if shared.err != nil {
		t.Fatal(shared.err)
	}
	b := fixturetest.Use(t, shared.srv)
	ctx, cancel := b.NewContext(context.Background())
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil { // open the tab with no deadline
		t.Fatal(err)
	}
	var mu sync.Mutex
	var errs []string
	msgs := chromedp.Console(ctx)
	go func() {
		for m, err := range msgs {
			if err != nil {
				return
			}
			switch m.Type {
			case chromedp.ConsoleError, chromedp.ConsoleWarning, chromedp.ConsoleException:
				mu.Lock()
				errs = append(errs, m.String())
				mu.Unlock()
			}
		}
	}()
	if _, err := chromedp.Call(ctx, log.Enable, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
	tctx, tcancel := context.WithTimeout(ctx, 2*time.Minute)
	t.Cleanup(tcancel)
	return tctx, func() []string {
		// One more round trip, so that messages of what ran before are in.
		_, _ = chromedp.Run(tctx, chromedp.Evaluate[int]("1"))
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), errs...)
	}
}

// layout is what the page reports of itself once every section is open.
type layout struct {
	ScrollWidth int      `json:"scrollWidth"`
	ViewWidth   int      `json:"viewWidth"`
	Wide        []string `json:"wide"`
	Images      int      `json:"images"`
	Broken      []string `json:"broken"`
}

const measureJS = `(() => {
  document.querySelectorAll("details").forEach(d => d.open = true);
  const vw = document.documentElement.clientWidth;
  const wide = [];
  for (const el of document.body.querySelectorAll("*")) {
    const r = el.getBoundingClientRect();
    if (r.right > vw + 1 && wide.length < 5) wide.push(el.tagName + " " + (el.textContent || "").slice(0, 60) + " right=" + Math.round(r.right));
  }
  const imgs = [...document.images];
  return {scrollWidth: document.documentElement.scrollWidth, viewWidth: vw, wide,
    images: imgs.length, broken: imgs.filter(i => !i.complete || i.naturalWidth === 0).map(i => i.alt)};
})()`

// waitImages resolves when every image has decoded (or failed).
const waitImagesJS = `Promise.all([...document.images].map(i => i.decode().catch(() => null))).then(() => true)`

// TestGoldenReportsRender loads the golden HTML reports in Chromium and
// checks them at a laptop's width (1366 px) and at A4 print width (print
// media, 794 px): nothing wider than the page, every image decoded, no
// error logged. The full-page screenshots land in $PRIVACYSCAN_REPORT_SHOTS
// when set.
func TestGoldenReportsRender(t *testing.T) {
	for _, tc := range []struct {
		name, golden string
		images       int // at least
	}{
		{"rich", "../testdata/rich/golden.html", 5},
		{"basic", "../testdata/golden.html", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			html, err := os.ReadFile(tc.golden)
			if err != nil {
				t.Fatal(err)
			}
			url := serve(tc.name+".html", html)
			dir := os.Getenv("PRIVACYSCAN_REPORT_SHOTS")
			ctx, errs := tab(t)
			for _, view := range []struct {
				name  string
				width int64
				media string
			}{{"screen-1366", 1366, ""}, {"print-a4", 794, "print"}} {
				if _, err := chromedp.Call(ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: view.width, Height: 900, DeviceScaleFactor: 1}); err != nil {
					t.Fatal(err)
				}
				if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: view.media}); err != nil {
					t.Fatal(err)
				}
				start := time.Now()
				if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
					t.Fatalf("%s: %v", view.name, err)
				}
				t.Logf("%s: loaded in %v", view.name, time.Since(start))
				if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](waitImagesJS, chromedp.EvalAwaitPromise)); err != nil {
					t.Fatalf("%s: %v", view.name, err)
				}
				l, err := chromedp.Run(ctx, chromedp.Evaluate[layout](measureJS))
				if err != nil {
					t.Fatalf("%s: %v", view.name, err)
				}
				t.Logf("%s: measured at %v", view.name, time.Since(start))
				// The viewport; the whole page when the shots are kept (a
				// tall page takes seconds to encode).
				grab := chromedp.CaptureScreenshot()
				if dir != "" {
					grab = chromedp.FullScreenshot(80)
				}
				shot, err := chromedp.Run(ctx, grab)
				if err != nil {
					t.Fatalf("%s: %v", view.name, err)
				}
				t.Logf("%s: screenshot at %v", view.name, time.Since(start))
				if l.ScrollWidth > l.ViewWidth || len(l.Wide) > 0 {
					t.Errorf("%s: horizontal overflow: page %d px wide in a %d px view; %v", view.name, l.ScrollWidth, l.ViewWidth, l.Wide)
				}
				if l.Images < tc.images || len(l.Broken) > 0 {
					t.Errorf("%s: %d images, want at least %d; not decoded: %v", view.name, l.Images, tc.images, l.Broken)
				}
				if len(shot) < 1000 {
					t.Errorf("%s: screenshot of %d bytes", view.name, len(shot))
				}
				if dir != "" {
					os.WriteFile(filepath.Join(dir, tc.name+"-"+view.name+".jpg"), shot, 0o644)
				}
			}
			if e := errs(); len(e) > 0 {
				t.Errorf("the report logged %d errors, the first: %q", len(e), e[:min(len(e), 3)])
			}
		})
	}
}

// Hostile strings, each of which would be live if it reached the page as
// markup or as a URL: a script, an event handler, an element, a link, a
// stylesheet break-out, control and bidi characters.
var hostile = []string{
	`<script>window.__pwned="script"</script>`,
	`"><img src=x onerror="window.__pwned='img'" data-pwn=1>`,
	`'><svg onload="window.__pwned='svg'" data-pwn=2>`,
	`javascript:window.__pwned='js'`,
	`</style><pwn-el data-pwn=3>x</pwn-el>`,
	`</code></td></tr></table><iframe data-pwn=4 src="javascript:parent.__pwned='iframe'"></iframe>`,
	"<a href=\"javascript:window.__pwned='a'\" data-pwn=5>link</a>\x1b[31m\u202e\x00\x07",
}

func h(i int) string { return hostile[i%len(hostile)] }

// hostileReport puts a hostile string into every field a scanned site
// controls, and judges it with the real rules so that findings quote them.
func hostileReport(t *testing.T, shotDir string) *model.Report {
	shotName := `x"><img src=x onerror=window.__pwned='file'>.png`
	png, err := os.ReadFile("../testdata/evidence/before-consent.png")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(shotDir, shotName), png, 0o644); err != nil {
		t.Fatal(err)
	}
	page := "https://www.shop.test/" + h(0)
	policyURL := "https://www.shop.test/privacy?" + h(1)
	cmp := h(2)
	updated := h(3)
	req := func(i int) model.Request {
		return model.Request{URL: "https://t" + h(i) + ".test/p?x=" + h(i+1), Host: "tracker.test" + h(i), Party: "third", Vendor: "Vendor " + h(i),
			VendorID: "v" + h(i), Category: "advertising", ResourceType: "image", Pixel: true, Page: page, Initiator: h(i + 2)}
	}
	cookie := func(i int) model.Cookie {
		return model.Cookie{Name: "c" + h(i), Domain: ".tracker.test" + h(i+1), Path: "/" + h(i+2), Party: "third", Vendor: "Vendor " + h(i),
			Category: "advertising", LifetimeDays: 390, Page: page, Purpose: "Purpose " + h(i+3), Value: h(i + 4)}
	}
	store := []model.StorageItem{{Origin: "https://www.shop.test" + h(5), Type: "local", Key: "k" + h(6), Vendor: "Vendor " + h(0), Category: "analytics", Page: page, Purpose: h(1)}}
	consent := func(action model.ConsentAction) *model.ConsentResult {
		return &model.ConsentResult{Action: action, BannerDetected: true, CMP: cmp, Clicked: true, Clicks: 1, FirstLayer: true, Verified: true,
			Method: "generic", Error: h(3), PreTicked: []string{h(4)}, SettingsRead: true,
			Elements:    []model.Clicked{{Frame: h(5), Selector: "button" + h(6), Text: h(0), Input: "mouse"}},
			Banner:      &model.Banner{Frame: h(1), Selector: h(2), Text: h(3), Coverage: 0.3},
			Controls:    []model.Control{{Label: h(4), Class: "accept", Reason: h(5), Tag: "button", Frame: h(6)}, {Label: h(0), Class: "other", Reason: h(1), Tag: h(2)}},
			Screenshots: []string{shotName, h(3) + ".png", h(4) + "-clicks.txt"}, ConsentRecord: []string{h(5)}}
	}
	phase := func(i int) *model.PhaseResult {
		return &model.PhaseResult{
			Pages:    []model.PageResult{{URL: page, FinalURL: page + h(i), Status: 200, Title: h(i + 1), Lang: h(i + 2)}},
			Requests: []model.Request{req(i), req(i + 1), {URL: "https://cdn" + h(i) + ".test/a.js", Host: "cdn.test" + h(i+3), Party: "third", Category: "unknown", Page: page}},
			Cookies:  []model.Cookie{cookie(i), cookie(i + 1)}, Storage: store, Screenshot: shotName,
			StartedAt: h(i), FinishedAt: h(i + 1), Signals: map[string]string{h(i): h(i + 1)},
			Journey: &model.Journey{StoppedAt: h(i), StopReason: h(i + 1), Steps: []model.JourneyStep{{Step: h(i), URL: page, Detail: h(i + 2),
				Fields: []model.TypedField{{Kind: "email", Field: h(i + 3), Form: h(i + 4), Frame: h(i + 5)}}}}},
			Leaks: []model.Leak{{Kind: "email", Encoding: h(i), Where: h(i + 1), URL: "https://x.test/?" + h(i+2), Host: h(i + 3), Party: "third",
				Vendor: h(i + 4), Page: page, Step: h(i + 5)}},
			PixelEvents: []model.PixelEvent{{Vendor: h(i), Event: h(i + 1), Summary: h(i + 2), URL: h(i + 3), Page: page, Params: map[string]string{h(i): h(i)}}},
			Behaviours:  []model.Behaviour{{Kind: "canvas-fingerprinting", Script: "https://fp.test/" + h(i), Party: "third", Vendor: h(i + 1), Page: page, Detail: h(i + 2), Count: 2}},
		}
	}
	s := &model.Site{URL: "https://www.shop.test/" + h(6), FinalURL: "https://www.shop.test/final" + h(5), Scanned: true,
		Pages:  []model.PlannedPage{{URL: page, Kind: h(1)}},
		Errors: []string{h(0), h(1)},
		Policy: &model.PolicyFacts{URL: &policyURL, Language: h(2), VendorsMentioned: []string{h(3), "Vendor " + h(0)}, VendorIDs: []string{h(4)},
			DNTStance: model.StanceHonored, GPCStance: model.StanceHonored, LastUpdated: &updated,
			Elements: model.Elements{Contact: true},
			Claims: model.Claims{IPAnonymised: &model.Claim{Sentence: h(5)}, DataLocation: &model.Claim{Value: h(6), Sentence: h(0)},
				ConsentForMarketing: &model.Claim{Sentence: h(1)}, ConsentForAnalytics: &model.Claim{Sentence: h(2)}, NoSale: &model.Claim{Sentence: h(3)}},
			Evidence:   map[string]model.Quote{"dnt_stance": {Sentence: h(4)}, "gpc_stance": {Sentence: h(5)}, "elements.contact": {Sentence: h(6)}},
			Recipients: []model.Recipient{{Name: h(0), Role: h(1), Country: h(2), Sentence: h(3)}}, Error: h(4), Source: h(5)},
		Consent: model.ConsentSummary{BannerDetected: true, CMP: &cmp, AcceptClicked: true, RejectClicked: true, AcceptClicks: 1, RejectClicks: 1},
		Canary:  &model.Canary{Email: h(0), SearchTerm: h(1)},
		Phases:  map[string]*model.PhaseResult{},
	}
	for i, ph := range model.AllPhases {
		s.Phases[ph] = phase(i)
	}
	s.Phases[model.PhaseAfterAccept].Consent = consent(model.ActionAccept)
	s.Phases[model.PhaseAfterReject].Consent = consent(model.ActionReject)
	rules.Derive(s)
	fs := rules.Evaluate(s, rules.Options{Jurisdiction: "eu", Now: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)})
	if len(fs) < 5 {
		t.Fatalf("the hostile site raised %d findings; the test wants findings that quote it", len(fs))
	}
	fs = append(fs, model.Finding{Rule: h(0), Severity: "high", Title: h(1), Message: h(2), Subject: h(3),
		Evidence:   []model.Evidence{{Kind: h(4), Page: h(5), URL: h(6), Name: h(0), Domain: h(1), Vendor: h(2), Detail: h(3)}},
		Suppressed: nil})
	fs[0].Suppressed = &model.Waiver{Reason: h(4)}
	return &model.Report{Tool: model.Tool{Name: model.ToolName, Version: h(5)}, StartedAt: h(6), FinishedAt: h(0),
		Sites: []model.SiteReport{{Site: s, Findings: fs}, {Site: s, Findings: fs}},
		Provenance: &model.Provenance{Version: h(1), Commit: h(2), Browser: h(3), UserAgent: h(4), Jurisdiction: h(5), Phases: []string{h(6)},
			KnowledgeBase: []model.KBSource{{Name: h(0), Date: h(1), SHA256: h(2), URL: h(3)}}, Settings: map[string]string{h(4): h(5)}}}
}

// TestHostileStringsStayText renders a report whose every site-controlled
// field is hostile and loads it in Chromium: no script of the site ran, no
// element of the site was created, every link is the report's own, every
// image an embedded PNG, and the hostile strings show as text.
func TestHostileStringsStayText(t *testing.T) {
	dir := t.TempDir()
	rep := hostileReport(t, dir)
	w, err := reports.New("html", reports.Options{Screenshots: reports.ScreenshotFiles(dir)})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := w.Write(&buf, rep); err != nil {
		t.Fatal(err)
	}
	url := serve("hostile.html", buf.Bytes())
	ctx, errs := tab(t)
	type result struct {
		Pwned    any      `json:"pwned"`
		Injected int      `json:"injected"`
		Scripts  int      `json:"scripts"`
		Links    []string `json:"links"`
		Images   []string `json:"images"`
		Tags     []string `json:"tags"`
		Text     string   `json:"text"`
		Decoded  int      `json:"decoded"`
		Overflow int      `json:"overflow"`
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](waitImagesJS, chromedp.EvalAwaitPromise)); err != nil {
		t.Fatal(err)
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[result](`(() => {
  document.querySelectorAll("details").forEach(d => d.open = true);
  const ours = new Set(["HTML","HEAD","META","TITLE","STYLE","SCRIPT","BODY","HEADER","H1","H2","H3","P","NAV","DETAILS","SUMMARY","TABLE","TBODY","TR","TH","TD","A","SECTION","DIV","SPAN","STRONG","OL","UL","LI","CODE","FIGURE","IMG","FIGCAPTION","BR","Q"]);
  return {
    pwned: window.__pwned === undefined ? null : String(window.__pwned),
    injected: document.querySelectorAll("[data-pwn], pwn-el, iframe, svg, object, embed, form, input, link, base").length,
    scripts: document.scripts.length,
    links: [...document.querySelectorAll("a[href]")].map(a => a.getAttribute("href")).filter(h => !h.startsWith("#")),
    images: [...document.images].map(i => i.getAttribute("src").slice(0, 22)).filter(s => s !== "data:image/png;base64,"),
    tags: [...new Set([...document.querySelectorAll("*")].map(e => e.tagName))].filter(t => !ours.has(t)),
    text: document.body.textContent,
    decoded: [...document.images].filter(i => i.naturalWidth > 0).length,
    overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
  };
})()`))
	if err != nil {
		t.Fatal(err)
	}
	if got.Pwned != nil {
		t.Errorf("a hostile script ran: window.__pwned = %v", got.Pwned)
	}
	if got.Injected > 0 || len(got.Tags) > 0 {
		t.Errorf("hostile markup became elements: %d injected, unexpected tags %v", got.Injected, got.Tags)
	}
	if got.Scripts != 1 {
		t.Errorf("%d scripts in the page, want the report's own one", got.Scripts)
	}
	if len(got.Links) > 0 {
		t.Errorf("links that leave the report: %q", got.Links)
	}
	if len(got.Images) > 0 {
		t.Errorf("images not embedded as PNG: %q", got.Images)
	}
	if got.Overflow > 0 {
		t.Errorf("long hostile strings push the page %d px wider than the view", got.Overflow)
	}
	if got.Decoded == 0 {
		t.Error("the screenshot with a hostile file name was not shown")
	}
	for _, want := range []string{`<script>window.__pwned="script"</script>`, `</style><pwn-el data-pwn=3>x</pwn-el>`, `javascript:window.__pwned='js'`} {
		if !strings.Contains(got.Text, want) {
			t.Errorf("the page does not show %q as text", want)
		}
	}
	if strings.ContainsAny(got.Text, "\x1b\x07\x00\u202e") {
		t.Error("control or bidi characters reached the page")
	}
	if e := errs(); len(e) > 0 {
		t.Errorf("the report logged %d errors, the first: %q", len(e), e[:min(len(e), 3)])
	}
	// The JSON of the same report round-trips: the hostile report is a
	// valid report, so what the browser saw is what a scan could write.
	if _, err := json.Marshal(rep); err != nil {
		t.Fatal(err)
	}
}
