package scanner

import (
	"context"
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
