package scanner

import (
	"context"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/privacyscan/privacyscan/internal/demo"
	"github.com/privacyscan/privacyscan/internal/fetch"
	"github.com/privacyscan/privacyscan/internal/fixture"
	"github.com/privacyscan/privacyscan/scanner/browser"
	"github.com/privacyscan/privacyscan/scanner/consent"
	"github.com/privacyscan/privacyscan/scanner/kb"
	"github.com/privacyscan/privacyscan/scanner/model"
)

// demoPages starts the demo shop, crawls its 8-page sample once and routes
// the shared browser to it.
func demoPages(b *testing.B) (*fixture.Server, *browser.Browser, []model.PlannedPage) {
	b.Helper()
	srv, f := demoShop(b)
	cr, err := Crawl(context.Background(), demo.StartURL(), CrawlOptions{MaxPages: 8, Fetcher: f})
	if err != nil {
		b.Fatal(err)
	}
	return srv, sharedBrowser(b, srv), cr.Pages
}

// barePass loads the pages in a fresh browser context with no capture: the
// same navigation, load event and 500 ms network quiet, with only an
// in-flight counter listening.
func barePass(b *testing.B, br *browser.Browser, pages []model.PlannedPage) {
	ctx, cancel := br.NewContext(context.Background())
	defer cancel()
	rc := &recorder{reqs: map[network.RequestID]*reqState{}, inflight: map[network.RequestID]cdp.LoaderID{}, kick: make(chan struct{}, 1)}
	if err := chromedp.Listen(ctx, func(ev any) {
		rc.mu.Lock()
		defer rc.mu.Unlock()
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			if e.Type != network.ResourceTypePing {
				rc.inflight[e.RequestID] = e.LoaderID
			}
		case *network.EventLoadingFinished:
			delete(rc.inflight, e.RequestID)
		case *network.EventLoadingFailed:
			delete(rc.inflight, e.RequestID)
		case *page.EventLoadEventFired:
			rc.loaded = true
		default:
			return
		}
		rc.signal()
	}); err != nil {
		b.Fatal(err)
	}
	for _, p := range pages {
		rc.beginPage(p.URL)
		pctx, pcancel := context.WithTimeout(ctx, 30*time.Second)
		if _, err := chromedp.Call(pctx, page.Navigate, page.NavigateParams{URL: p.URL}); err != nil {
			b.Fatal(err)
		}
		if _, err := rc.waitLoaded(pctx); err != nil {
			b.Fatal(err)
		}
		pcancel()
	}
}

// BenchmarkBarePass: one pass over the demo's 8 pages without capture.
func BenchmarkBarePass(b *testing.B) {
	_, br, pages := demoPages(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		barePass(b, br, pages)
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N*len(pages)), "ms/page")
}

// BenchmarkCapturedPass: the before-consent phase with full capture.
func BenchmarkCapturedPass(b *testing.B) {
	_, br, pages := demoPages(b)
	s := newScanner(b, Options{Browser: br})
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		pr, _, errs := s.runPhase(context.Background(), model.PhaseBeforeConsent, pages, "", []string{"shop.test"})
		if len(pr.Pages) != len(pages) || len(errs) > 0 {
			b.Fatalf("pages %d, errors %v", len(pr.Pages), errs)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N*len(pages)), "ms/page")
}

// BenchmarkFivePhases: all five phases of the demo, concurrently as a scan
// runs them (consent interaction included when an operator is set).
func BenchmarkFivePhases(b *testing.B) {
	_, br, pages := demoPages(b)
	eng, err := consent.New(consent.Options{})
	if err != nil {
		b.Fatal(err)
	}
	s := newScanner(b, Options{Browser: br, Concurrency: 5, Consent: eng})
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var wg sync.WaitGroup
		for _, ph := range model.AllPhases {
			wg.Add(1)
			go func() {
				defer wg.Done()
				s.runPhase(context.Background(), ph, pages, "", []string{"shop.test"})
			}()
		}
		wg.Wait()
	}
}

// BenchmarkBareLoadEvent: the pages loaded the plainest way, up to the load
// event only, without waiting for the network to go quiet. It shows what
// the 500 ms quiet wait costs against BenchmarkBarePass.
func BenchmarkBareLoadEvent(b *testing.B) {
	_, br, pages := demoPages(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ctx, cancel := br.NewContext(context.Background())
		for _, p := range pages {
			if err := chromedp.Do(ctx, chromedp.Navigate(p.URL)); err != nil {
				b.Fatal(err)
			}
		}
		cancel()
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N*len(pages)), "ms/page")
}

// shopBench starts the demo shop with a 5-page sample, as the scale
// benchmarks scan each generated shop.
func shopBench(b *testing.B) (*browser.Browser, *fetch.Client) {
	b.Helper()
	srv, f := demoShop(b)
	return sharedBrowser(b, srv), f
}

// BenchmarkShopAudit: one shop's whole audit as a scan runs it (crawl, the
// five phases with consent, policy), 5 pages, on a running browser. Compare
// with BenchmarkShopBare; BenchmarkBrowserStart is the browser's start.
func BenchmarkShopAudit(b *testing.B) {
	br, f := shopBench(b)
	eng, err := consent.New(consent.Options{})
	if err != nil {
		b.Fatal(err)
	}
	s := newScanner(b, Options{Browser: br, Concurrency: 5, Consent: eng, PageTimeout: 30 * time.Second,
		Crawl: CrawlOptions{MaxPages: 5, Fetcher: f}})
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if site := s.ScanSite(context.Background(), demo.StartURL()); !site.Scanned {
			b.Fatalf("not scanned: %v", site.Errors)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/shop")
}

// BenchmarkShopBare: the same shop's crawl, then one bare pass over the
// pages it chose (navigate, load, network quiet; no capture, no consent).
func BenchmarkShopBare(b *testing.B) {
	br, f := shopBench(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		cr, err := Crawl(context.Background(), demo.StartURL(), CrawlOptions{MaxPages: 5, Fetcher: f})
		if err != nil || len(cr.Pages) != 5 {
			b.Fatalf("crawl: %v, %d pages", err, len(cr.Pages))
		}
		barePass(b, br, cr.Pages)
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/shop")
}

// BenchmarkBrowserStart: launching Chromium until it answers, and closing it.
func BenchmarkBrowserStart(b *testing.B) {
	for i := 0; i < b.N; i++ {
		br, err := browser.Launch(context.Background(), browser.Options{})
		if err != nil {
			b.Fatal(err)
		}
		br.Close()
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/start")
}

// BenchmarkEvidencePass: BenchmarkCapturedPass writing the evidence bundle
// too (the first page's JPEG and the HAR); with bodies when
// PRIVACYSCAN_BENCH_BODIES is set.
func BenchmarkEvidencePass(b *testing.B) {
	_, br, pages := demoPages(b)
	dir := b.TempDir()
	s := newScanner(b, Options{Browser: br, Evidence: EvidenceOptions{Dir: dir, Bodies: os.Getenv("PRIVACYSCAN_BENCH_BODIES") != ""}})
	ev := s.siteEvidence("https://shop.test/")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		pr, _, errs := s.runPhaseDoomed(context.Background(), model.PhaseBeforeConsent, pages, "", []string{"shop.test"}, &doomedPages{}, ev)
		if len(pr.Pages) != len(pages) || len(errs) > 0 {
			b.Fatalf("pages %d, errors %v", len(pr.Pages), errs)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N*len(pages)), "ms/page")
}

// demoShop starts the demo shop and a fetcher routed to it.
func demoShop(b *testing.B) (*fixture.Server, *fetch.Client) {
	b.Helper()
	srv, err := demo.Start()
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(srv.Close)
	rt, _ := fetch.ParseRoutes(srv.Resolve())
	return srv, fetch.New(fetch.Options{Routes: rt, Strict: true, Insecure: true, UserAgent: browser.DesktopUserAgent})
}

// coldLaunch is how a scan launches its own browser for the demo shop.
func coldLaunch(srv *fixture.Server) browser.Options {
	return browser.Options{HostRules: srv.HostRules(), Insecure: true}
}

// BenchmarkShopAuditCold: one shop's audit as `privacyscan scan` runs it
// from nothing: Chromium launched while the crawl runs, the five phases
// with consent, the policy, the browser closed; with the shopper's journey
// after each phase (the default on shops) and without. Compare with
// BenchmarkShopBareCold (the aim: at most 1.5 times).
func BenchmarkShopAuditCold(b *testing.B) {
	srv, f := demoShop(b)
	eng, err := consent.New(consent.Options{})
	if err != nil {
		b.Fatal(err)
	}
	for _, j := range []string{JourneyAuto, JourneyOff} {
		name := map[string]string{JourneyAuto: "journey", JourneyOff: "no-journey"}[j]
		b.Run(name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				s := New(Options{Launch: coldLaunch(srv), Consent: eng, KB: kb.Default(), PageTimeout: 30 * time.Second, Journey: j,
					Crawl: CrawlOptions{MaxPages: 5, Fetcher: f}})
				started := s.StartBackground(context.Background())
				site := s.ScanSite(context.Background(), demo.StartURL())
				if err := <-started; err != nil || !site.Scanned {
					b.Fatalf("not scanned: %v %v", err, site.Errors)
				}
				s.Close()
			}
			b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/shop")
		})
	}
}

// BenchmarkShopBareCold: the least a tool must do to visit the same pages
// from nothing: Chromium launched while the crawl runs, one bare pass
// (navigate, load, network quiet; no capture, no consent), the browser
// closed.
func BenchmarkShopBareCold(b *testing.B) {
	srv, f := demoShop(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		type launched struct {
			b   *browser.Browser
			err error
		}
		ch := make(chan launched, 1)
		go func() {
			br, err := browser.Launch(context.Background(), coldLaunch(srv))
			ch <- launched{br, err}
		}()
		cr, err := Crawl(context.Background(), demo.StartURL(), CrawlOptions{MaxPages: 5, Fetcher: f})
		l := <-ch
		if err != nil || l.err != nil || len(cr.Pages) != 5 {
			b.Fatalf("crawl: %v, launch: %v, %d pages", err, l.err, len(cr.Pages))
		}
		barePass(b, l.b, cr.Pages)
		l.b.Close()
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/shop")
}
