package scanner

import (
	"context"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/performance"
	"github.com/chromedp/chromedp"
	"testing"
	"time"

	"github.com/privacyscan/privacyscan/internal/demo"
	"github.com/privacyscan/privacyscan/internal/fetch"
	"github.com/privacyscan/privacyscan/scanner/browser"
	"github.com/privacyscan/privacyscan/scanner/model"
)

// instrumentCost runs the before-consent phase over a shop's sampled pages
// with capture alone and with the behaviour instrumentation too, the two
// alternating in each iteration so that a busy machine weighs on both
// alike, and reports each one's ms/page and the overhead in percent.
func instrumentCost(b *testing.B, shop string) {
	fsys := demo.FS()
	if shop != "demo" {
		fsys = demo.Shop("../testdata/shops/" + shop)
	}
	srv := serve(b, fsys)
	br := sharedBrowser(b, srv)
	rt, _ := fetch.ParseRoutes(srv.Resolve())
	cr, err := Crawl(context.Background(), "https://shop.test/", CrawlOptions{MaxPages: 8, Fetcher: fetch.New(fetch.Options{Routes: rt, Strict: true, Insecure: true, UserAgent: browser.DesktopUserAgent})})
	if err != nil {
		b.Fatal(err)
	}
	pages := cr.Pages
	bare, inst := newScanner(b, Options{Browser: br}), newScanner(b, Options{Browser: br})
	bare.noBehaviour = true
	var tBare, tInst time.Duration
	pass := func(s *Scanner) (time.Duration, int) {
		start := time.Now()
		pr, _, errs := s.runPhase(context.Background(), model.PhaseBeforeConsent, pages, "", []string{"shop.test"})
		if len(pr.Pages) != len(pages) || len(errs) > 0 {
			b.Fatalf("pages %d, errors %v", len(pr.Pages), errs)
		}
		return time.Since(start), len(pr.Behaviours)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d, n := pass(bare)
		tBare += d
		if n != 0 {
			b.Fatalf("capture alone found %d behaviours", n)
		}
		d, n = pass(inst)
		tInst += d
		if shop == "snoop" && n == 0 {
			b.Fatal("the instrumentation saw nothing on the snoop shop")
		}
	}
	per := func(d time.Duration) float64 { return float64(d.Milliseconds()) / float64(b.N*len(pages)) }
	b.ReportMetric(per(tBare), "capture-ms/page")
	b.ReportMetric(per(tInst), "instrumented-ms/page")
	b.ReportMetric(100*(tInst.Seconds()-tBare.Seconds())/tBare.Seconds(), "overhead-%")
}

// BenchmarkInstrumentCostDemo: the demo shop's ordinary tags.
func BenchmarkInstrumentCostDemo(b *testing.B) { instrumentCost(b, "demo") }

// BenchmarkInstrumentCostSnoop: the snoop shop, whose scripts call the
// hooked functions hundreds of times a page.
func BenchmarkInstrumentCostSnoop(b *testing.B) { instrumentCost(b, "snoop") }

// rendererTime loads each page in a fresh tab (with or without the
// behaviour instrumentation) and returns the main thread's busy time (the
// renderer's TaskDuration, thread time) summed over the pages: the CPU the
// page costs, not the wall clock a busy machine stretches.
func rendererTime(b *testing.B, br *browser.Browser, s *Scanner, pages []model.PlannedPage, instrumented bool) time.Duration {
	var total time.Duration
	for _, p := range pages {
		ctx, cancel := br.NewContext(context.Background())
		rc := newRecorder()
		if !instrumented {
			rc.behave = nil
		}
		if err := setupTab(ctx, rc, model.PhaseBeforeConsent); err != nil {
			b.Fatal(err)
		}
		if _, err := chromedp.Call(ctx, performance.Enable, performance.EnableParams{TimeDomain: performance.EnableTimeDomainThreadTicks}); err != nil {
			b.Fatal(err)
		}
		if res, _ := s.loadPage(ctx, rc, p.URL); res.Error != "" {
			b.Fatalf("%s: %s", p.URL, res.Error)
		}
		m, err := chromedp.Call(ctx, performance.GetMetrics, cdp.Empty{})
		if err != nil {
			b.Fatal(err)
		}
		for _, x := range m.Metrics {
			if x.Name == "TaskDuration" {
				total += time.Duration(x.Value * float64(time.Second))
			}
		}
		cancel()
	}
	return total
}

// BenchmarkInstrumentCPU: the renderer's main-thread time per page of the
// demo and of the snoop shop, capture alone against instrumented.
func BenchmarkInstrumentCPU(b *testing.B) {
	for _, shop := range []string{"demo", "snoop"} {
		b.Run(shop, func(b *testing.B) {
			fsys := demo.FS()
			if shop != "demo" {
				fsys = demo.Shop("../testdata/shops/" + shop)
			}
			srv := serve(b, fsys)
			br := sharedBrowser(b, srv)
			rt, _ := fetch.ParseRoutes(srv.Resolve())
			cr, err := Crawl(context.Background(), "https://shop.test/", CrawlOptions{MaxPages: 8, Fetcher: fetch.New(fetch.Options{Routes: rt, Strict: true, Insecure: true, UserAgent: browser.DesktopUserAgent})})
			if err != nil {
				b.Fatal(err)
			}
			s := newScanner(b, Options{Browser: br})
			var bare, inst time.Duration
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				bare += rendererTime(b, br, s, cr.Pages, false)
				inst += rendererTime(b, br, s, cr.Pages, true)
			}
			n := float64(b.N * len(cr.Pages))
			b.ReportMetric(float64(bare.Microseconds())/1000/n, "capture-cpu-ms/page")
			b.ReportMetric(float64(inst.Microseconds())/1000/n, "instrumented-cpu-ms/page")
			b.ReportMetric(100*(inst.Seconds()-bare.Seconds())/bare.Seconds(), "overhead-%")
		})
	}
}
