package scanner

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/privacyscan/privacyscan/internal/fetch"
)

// TestCrawlPoliteness: the crawler sends its own user agent, and the
// host's robots.txt Crawl-delay spaces its requests (unless robots.txt is
// ignored, or the delay is over the cap).
func TestCrawlPoliteness(t *testing.T) {
	const ua = "privacyscan/test (+https://example.invalid/privacyscan)"
	cases := []struct {
		name    string
		delay   string // Crawl-delay in robots.txt
		ignore  bool
		maxWait time.Duration
		// minGap is the least gap between two requests after robots.txt,
		// with room for the jitter between a request's start and its
		// arrival (without a delay the gaps are about a millisecond).
		minGap time.Duration
		maxGap time.Duration // 0: no upper bound checked
	}{
		{name: "crawl-delay honoured", delay: "0.15", minGap: 90 * time.Millisecond},
		{name: "crawl-delay capped", delay: "3", maxWait: 60 * time.Millisecond, minGap: 30 * time.Millisecond, maxGap: 2 * time.Second},
		{name: "ignore-robots", delay: "3", ignore: true, maxGap: 2 * time.Second},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var mu sync.Mutex
			var times []time.Time
			var agents []string
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				mu.Lock()
				times = append(times, time.Now())
				agents = append(agents, r.UserAgent())
				mu.Unlock()
				switch r.URL.Path {
				case "/robots.txt":
					w.Write([]byte("User-agent: *\nCrawl-delay: " + tc.delay + "\nAllow: /\n"))
				case "/":
					w.Header().Set("Content-Type", "text/html")
					w.Write([]byte(`<html lang="en"><a href="/a">A</a> <a href="/b">B</a> <a href="/privacy">Privacy policy</a></html>`))
				default:
					w.Header().Set("Content-Type", "text/html")
					w.Write([]byte(`<html><p>page</p></html>`))
				}
			}))
			defer srv.Close()
			f := fetch.New(fetch.Options{UserAgent: ua, MaxWait: tc.maxWait, Timeout: 10 * time.Second})
			if _, err := Crawl(context.Background(), srv.URL+"/", CrawlOptions{MaxPages: 4, Fetcher: f, IgnoreRobots: tc.ignore}); err != nil {
				t.Fatal(err)
			}
			mu.Lock()
			defer mu.Unlock()
			for _, a := range agents {
				if a != ua {
					t.Fatalf("user agent %q, want %q", a, ua)
				}
			}
			if len(times) < 4 {
				t.Fatalf("%d requests, want at least 4", len(times))
			}
			sort.Slice(times, func(i, j int) bool { return times[i].Before(times[j]) })
			// The first request is robots.txt: the delay applies after it.
			for i := 2; i < len(times); i++ {
				gap := times[i].Sub(times[i-1])
				if gap < tc.minGap {
					t.Errorf("request %d came %v after the one before, want at least %v", i, gap, tc.minGap)
				}
				if tc.maxGap > 0 && gap > tc.maxGap {
					t.Errorf("request %d came %v after the one before: Crawl-delay %ss was not capped or not ignored", i, gap, tc.delay)
				}
			}
		})
	}
}
