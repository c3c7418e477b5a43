package consent

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/privacyscan/privacyscan/scanner/model"
)

// The generic engine (--consent-rules none) on banners that do not sit
// still on the loaded page. A short wait keeps the scroll cases quick.
func reachEngine(t *testing.T) *Engine {
	return newEngine(t, Options{GenericOnly: true, Wait: 1500 * time.Millisecond})
}

func hasNote(res model.ConsentResult, part string) bool {
	return slices.ContainsFunc(res.Notes, func(n string) bool { return strings.Contains(n, part) })
}

// TestScrollToShow: a bar inserted on the first scroll is found by
// scrolling once nothing showed, and operated; a page that shows its banner
// at once is not scrolled; a page without one is scrolled and says so.
func TestScrollToShow(t *testing.T) {
	e := reachEngine(t)
	for _, action := range []model.ConsentAction{Detect, Accept, Reject} {
		t.Run(string(action), func(t *testing.T) {
			ctx := open(t, "generic-scroll-sk.test", "/")
			res, err := e.Act(ctx, action)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("wait %d ms, total %d ms, notes %q", res.WaitMS, res.DurationMS, res.Notes)
			if !res.BannerDetected || !res.Scrolled || !hasNote(res, "after the page was scrolled") || !res.RejectAvailable {
				t.Fatalf("detected %v scrolled %v reject available %v notes %q error %q", res.BannerDetected, res.Scrolled, res.RejectAvailable, res.Notes, res.Error)
			}
			if action != Detect && (!res.Verified || len(res.ConsentRecord) == 0 || !res.FirstLayer) {
				t.Fatalf("verified %v record %v first layer %v error %q", res.Verified, res.ConsentRecord, res.FirstLayer, res.Error)
			}
		})
	}
	t.Run("shown at once", func(t *testing.T) {
		res, err := e.Act(open(t, "generic-en.test", "/"), Detect)
		if err != nil || !res.BannerDetected || res.Scrolled {
			t.Fatalf("detected %v scrolled %v (%v)", res.BannerDetected, res.Scrolled, err)
		}
	})
	t.Run("none", func(t *testing.T) {
		ctx := open(t, "no-banner.test", "/")
		res, err := e.Act(ctx, Detect)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("no banner: %d ms (wait %v)", res.DurationMS, e.opts.Wait)
		if res.BannerDetected || !res.Scrolled || !hasNote(res, "not even after") {
			t.Fatalf("detected %v scrolled %v notes %q", res.BannerDetected, res.Scrolled, res.Notes)
		}
		y, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`scrollY`))
		if err != nil || y <= 0 {
			t.Errorf("the page was not scrolled: scrollY %v (%v)", y, err)
		}
	})
}

// TestNewTab: clicks that open a tab (window.open in the accept handler, a
// target=_blank reject link) are operated in the page's own tab; the new
// tab is closed and recorded.
func TestNewTab(t *testing.T) {
	e := reachEngine(t)
	for action, want := range map[model.ConsentAction]string{Accept: "/kiitos.html", Reject: "/tietoa.html"} {
		t.Run(string(action), func(t *testing.T) {
			ctx := open(t, "generic-newtab-fi.test", "/")
			res, err := e.Act(ctx, action)
			if err != nil {
				t.Fatal(err)
			}
			if !res.Verified || !res.FirstLayer || res.Clicks != 1 || len(res.ConsentRecord) == 0 {
				t.Fatalf("verified %v first layer %v clicks %d record %v error %q", res.Verified, res.FirstLayer, res.Clicks, res.ConsentRecord, res.Error)
			}
			if len(res.NewTabs) != 1 || !strings.Contains(res.NewTabs[0], want) || !hasNote(res, "new tab") {
				t.Fatalf("new tabs %q notes %q, want one to %s", res.NewTabs, res.Notes, want)
			}
			here, err := chromedp.Run(ctx, chromedp.Location())
			if err != nil || here != "https://generic-newtab-fi.test/" {
				t.Errorf("the tab is at %q (%v)", here, err)
			}
			me := chromedp.FromContext(ctx).Target.TargetID
			ts, err := chromedp.Targets(ctx)
			if err != nil {
				t.Fatal(err)
			}
			for _, ti := range ts {
				if ti.OpenerID == me && ti.Type == "page" {
					t.Errorf("a tab the page opened is still open: %s", ti.URL)
				}
			}
		})
	}
}

// TestNeverSettles: a banner that redraws itself without end is measured
// and operated after a bounded wait, and the result says it never settled;
// a still banner is not called restless.
func TestNeverSettles(t *testing.T) {
	e := reachEngine(t)
	for _, action := range []model.ConsentAction{Detect, Accept, Reject} {
		t.Run(string(action), func(t *testing.T) {
			res, err := e.Act(open(t, "generic-restless-sl.test", "/"), action)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s: wait %d ms, total %d ms, notes %q", action, res.WaitMS, res.DurationMS, res.Notes)
			if !res.BannerDetected || !res.Unsettled || !hasNote(res, "never settled") || !res.RejectAvailable {
				t.Fatalf("detected %v unsettled %v reject available %v notes %q", res.BannerDetected, res.Unsettled, res.RejectAvailable, res.Notes)
			}
			if action != Detect && (!res.Verified || len(res.ConsentRecord) == 0) {
				t.Fatalf("verified %v record %v error %q", res.Verified, res.ConsentRecord, res.Error)
			}
			// The bounds: the first look, the settle bound, the click and
			// its verification, with room for a loaded machine.
			if d := time.Duration(res.DurationMS-res.WaitMS) * time.Millisecond; d > settleBound+4*time.Second {
				t.Errorf("operating a restless banner took %v", d)
			}
		})
	}
	t.Run("still", func(t *testing.T) {
		res, err := e.Act(open(t, "generic-en.test", "/"), Accept)
		if err != nil || !res.Verified || res.Unsettled {
			t.Fatalf("verified %v unsettled %v notes %q (%v)", res.Verified, res.Unsettled, res.Notes, err)
		}
	})
}

// TestSettingsInAnotherFrame: the first layer is an iframe of the site and
// its settings button replaces it with another iframe, cross-origin (the
// platform's) or of the site itself, that holds the settings layer. Detect
// reads the pre-ticked purposes there; reject switches them off and saves,
// one click in each frame.
func TestSettingsInAnotherFrame(t *testing.T) {
	e := reachEngine(t)
	t.Run("detect", func(t *testing.T) {
		res, err := e.Act(open(t, "generic-iframe-settings-lv.test", "/"), Detect)
		if err != nil {
			t.Fatal(err)
		}
		if !res.BannerDetected || res.RejectAvailable || res.SettingsAvailable == nil || !*res.SettingsAvailable || !res.SettingsRead || len(res.PreTicked) != 2 {
			t.Fatalf("detected %v reject available %v settings %v read %v pre-ticked %q", res.BannerDetected, res.RejectAvailable, res.SettingsAvailable, res.SettingsRead, res.PreTicked)
		}
		if !strings.Contains(res.Banner.Frame, "generic-iframe-settings-lv.test/pirmais.html") {
			t.Errorf("banner frame %q", res.Banner.Frame)
		}
	})
	for name, path := range map[string]string{"reject": "/", "reject same origin": "/?viena-izcelsme"} {
		t.Run(name, func(t *testing.T) { rejectInOtherFrame(t, e, path) })
	}
}

// rejectInOtherFrame rejects through the settings layer of
// generic-iframe-settings-lv.test at path: the settings button is clicked in
// the first layer's frame, the purposes are switched off and the choice
// saved in the settings layer's frame.
func rejectInOtherFrame(t *testing.T, e *Engine, path string) {
	ctx := open(t, "generic-iframe-settings-lv.test", path)
	res, err := e.Act(ctx, Reject)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Verified || res.FirstLayer || len(res.PreTicked) != 2 || len(res.ConsentRecord) == 0 {
		t.Fatalf("verified %v first layer %v pre-ticked %q record %v error %q elements %+v", res.Verified, res.FirstLayer, res.PreTicked, res.ConsentRecord, res.Error, res.Elements)
	}
	layer := "https://consent-frame.test/"
	if path != "/" {
		layer = "https://generic-iframe-settings-lv.test/lv-iestatijumi.html"
	}
	last := res.Elements[len(res.Elements)-1]
	if !strings.Contains(res.Elements[0].Frame, "generic-iframe-settings-lv.test/pirmais.html") || !strings.HasPrefix(last.Frame, layer) || last.Text != "Saglabāt izvēli" {
		t.Errorf("clicks %+v: want the settings button in the first layer's frame, the save in %s", res.Elements, layer)
	}
	choice, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.cookie`))
	if err != nil || !strings.Contains(choice, "sikdatnu_izvele=s0m0") {
		t.Errorf("stored choice %q (%v), want every purpose off", choice, err)
	}
}

// BenchmarkNoBannerScroll measures what a page without any banner costs
// beyond the wait: the wheel turns and the looks after them (scroll-ms/op).
// Run with -bench NoBannerScroll -benchtime 3x.
func BenchmarkNoBannerScroll(b *testing.B) {
	e := newEngine(b, Options{GenericOnly: true, Wait: time.Second, Logf: func(string, ...any) {}})
	var beyond time.Duration
	for b.Loop() {
		b.StopTimer()
		ctx := open(b, "no-banner.test", "/")
		b.StartTimer()
		res, err := e.Act(ctx, Detect)
		b.StopTimer()
		if err != nil || res.BannerDetected || !res.Scrolled {
			b.Fatalf("detected %v scrolled %v (%v)", res.BannerDetected, res.Scrolled, err)
		}
		beyond += time.Duration(res.DurationMS)*time.Millisecond - e.opts.Wait
		b.StartTimer()
	}
	b.ReportMetric(float64(beyond.Milliseconds())/float64(b.N), "scroll-ms/op")
}
