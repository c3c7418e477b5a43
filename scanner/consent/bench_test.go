package consent

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// BenchmarkAcceptAfterLoad measures, per fixture, the time from the load
// event to verified consent (ns/op), and the part after the banner showed
// (banner-ms, the platform's own delay excluded). Run with
// -bench AcceptAfterLoad -benchtime 3x.
func BenchmarkAcceptAfterLoad(b *testing.B) {
	if testSetup != nil {
		b.Skip(testSetup)
	}
	e := newEngine(b, Options{Logf: func(string, ...any) {}})
	for _, fc := range fixtureCases {
		if fc.NoBanner {
			continue
		}
		b.Run(fc.Host, func(b *testing.B) {
			var afterBanner time.Duration
			for b.Loop() {
				b.StopTimer()
				ctx, cancel := testBrowser.NewContext(context.Background())
				if _, err := chromedp.Run(ctx, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.Navigate("https://"+fc.Host+"/"))); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				res, err := e.Act(ctx, Accept)
				b.StopTimer()
				cancel()
				if err != nil || !res.Verified {
					b.Fatalf("not verified: %v %s", err, res.Error)
				}
				afterBanner += time.Duration(res.DurationMS-res.WaitMS) * time.Millisecond
				b.StartTimer()
			}
			b.ReportMetric(float64(afterBanner.Milliseconds())/float64(b.N), "banner-ms/op")
		})
	}
}

// TestEvidenceAndConfig checks screenshots and the .privacyscan.yaml
// selectors: the config selector is clicked even where the generic
// fallback would choose another button.
func TestEvidenceAndConfig(t *testing.T) {
	dir := t.TempDir()
	e := newEngine(t, Options{EvidenceDir: dir, Reject: "#cookie-notice .btn-reject"})
	ctx := open(t, "generic-en.test", "/")
	res, err := e.Act(ctx, Reject)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Verified || res.Method != "config" || res.Clicks != 1 {
		t.Fatalf("result %+v", res)
	}
	if len(res.Screenshots) != 3 {
		t.Fatalf("evidence %v", res.Screenshots)
	}
	for _, f := range res.Screenshots {
		data, err := os.ReadFile(f)
		if err != nil || len(data) == 0 || filepath.Dir(f) != dir {
			t.Errorf("%s: %v", f, err)
		}
		if strings.HasSuffix(f, ".png") && string(data[1:4]) != "PNG" {
			t.Errorf("%s is not a PNG", f)
		}
		if strings.HasSuffix(f, ".txt") && !strings.Contains(string(data), "Reject all") {
			t.Errorf("%s: %s", f, data)
		}
	}
}

// TestRecheck checks that a banner that comes back after a reject is seen.
func TestRecheck(t *testing.T) {
	e := newEngine(t, Options{Recheck: true})
	ctx := open(t, "generic-wall-it.test", "/")
	res, err := e.Act(ctx, Accept)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Verified || res.BannerReturned {
		t.Errorf("accepted wall: verified %v returned %v", res.Verified, res.BannerReturned)
	}
	ctx = open(t, "banner-returns.test", "/")
	res, err = e.Act(ctx, Reject)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Verified || !res.BannerReturned {
		t.Errorf("banner that forgets: verified %v returned %v (%s)", res.Verified, res.BannerReturned, res.Error)
	}
}

// BenchmarkDetect measures, per fixture and npm consent manager, what the
// before-consent phase pays for Detect: the time from the load event to its
// result (ns/op), and the part after the banner showed (banner-ms). Run with
// -bench Detect -benchtime 3x.
func BenchmarkDetect(b *testing.B) {
	if testSetup != nil {
		b.Skip(testSetup)
	}
	e := newEngine(b, Options{Logf: func(string, ...any) {}})
	var hosts []string
	for _, fc := range fixtureCases {
		if !fc.NoBanner {
			hosts = append(hosts, fc.Host)
		}
	}
	if npmInstalled() {
		for _, c := range npmCases {
			hosts = append(hosts, c.host)
		}
	}
	for _, host := range hosts {
		b.Run(host, func(b *testing.B) {
			var afterBanner time.Duration
			for b.Loop() {
				b.StopTimer()
				ctx, cancel := testBrowser.NewContext(context.Background())
				if _, err := chromedp.Run(ctx, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.Navigate("https://"+host+"/"))); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				res, err := e.Act(ctx, Detect)
				b.StopTimer()
				cancel()
				if err != nil || !res.BannerDetected {
					b.Fatalf("not detected: %v %s", err, res.Error)
				}
				afterBanner += time.Duration(res.DurationMS-res.WaitMS) * time.Millisecond
				b.StartTimer()
			}
			b.ReportMetric(float64(afterBanner.Milliseconds())/float64(b.N), "banner-ms/op")
		})
	}
}
