package rules

import (
	"fmt"
	"testing"

	"github.com/privacyscan/privacyscan/scanner/model"
)

// BenchmarkEvaluate judges the recorded leaky shop with every rule.
func BenchmarkEvaluate(b *testing.B) {
	site := mustLoad(b, "leaky-shop")
	opts := Options{Jurisdiction: "eu", Now: testNow, Vendors: testVendors}
	b.ReportAllocs()
	for b.Loop() {
		Evaluate(site, opts)
	}
}

// BenchmarkEvaluateLarge judges a site with 8 pages × 5 phases × 150
// requests and 40 cookies per phase, the size of a busy shop.
func BenchmarkEvaluateLarge(b *testing.B) {
	site := exSite()
	vendors := []model.Request{exMetaPixel, exGA4, exStripe, exReq("https://script.hotjar.com/m.js", "hotjar", "Hotjar", "session-recording")}
	for _, ph := range model.AllPhases {
		p := site.Phases[ph]
		for pg := 0; pg < 8; pg++ {
			page := fmt.Sprintf("https://shop.test/p/%d", pg)
			for i := 0; i < 150; i++ {
				r := vendors[i%len(vendors)]
				if i%3 == 0 {
					r = exReq(fmt.Sprintf("https://shop.test/static/%d.js", i), "", "", "essential")
				}
				r.URL = fmt.Sprintf("%s&n=%d", r.URL, i)
				r.Page = page
				p.Requests = append(p.Requests, r)
			}
		}
		for i := 0; i < 40; i++ {
			ck := exCookie(fmt.Sprintf("c%d", i), ".shop.test", "", []string{"essential", "analytics", "advertising", "functional"}[i%4], float64(i*20))
			p.Cookies = append(p.Cookies, ck)
		}
	}
	opts := Options{Jurisdiction: "fr", Now: testNow, Vendors: testVendors}
	b.ReportAllocs()
	for b.Loop() {
		Evaluate(site, opts)
	}
}
