package scanner

import (
	"math"
	"testing"
	"time"
)

// FuzzParseCookieLifetime: Set-Cookie headers and document.cookie writes are
// the site's; any string gives a name, a finite lifetime and a domain.
func FuzzParseCookieLifetime(f *testing.F) {
	f.Add("_ga=GA1.2.3; Max-Age=63072000; Domain=.shop.test; Path=/")
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		_, days, _ := parseCookieLifetime(s, now)
		if math.IsNaN(days) || math.IsInf(days, 0) {
			t.Fatalf("parseCookieLifetime(%q) = %v days", s, days)
		}
	})
}
