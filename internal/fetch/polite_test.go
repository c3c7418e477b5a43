package fetch

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// fakeClock is the polite transport's time: sleeping advances it and
// records the wait, so the tests see every pause without taking it.
type fakeClock struct {
	mu    sync.Mutex
	t     time.Time
	waits []time.Duration
}

func (c *fakeClock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *fakeClock) sleep(ctx context.Context, d time.Duration) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.waits = append(c.waits, d)
	c.t = c.t.Add(max(d, 0))
	return ctx.Err()
}

// politeClient is a client whose polite transport runs on clock.
func politeClient(o Options, clock *fakeClock) *Client {
	c := New(o)
	c.polite.now, c.polite.sleep = clock.now, clock.sleep
	return c
}

// TestPoliteBackoff: 429 and 503 are tried again after Retry-After
// (seconds or an HTTP date), else after a backoff from one second, every
// wait capped, twice at most; a wait past the deadline is not begun; other
// methods than GET are not tried again.
func TestPoliteBackoff(t *testing.T) {
	epoch := time.Date(2026, 12, 6, 10, 0, 0, 0, time.UTC)
	cases := []struct {
		name     string
		statuses []int    // what the server answers, in turn (then 200)
		after    []string // Retry-After of each answer
		method   string
		deadline time.Duration // of the request's context, 0 none
		want     int           // final status
		calls    int           // requests the server saw
		waits    []time.Duration
	}{
		{name: "429 seconds", statuses: []int{429}, after: []string{"2"}, want: 200, calls: 2, waits: []time.Duration{0, 2 * time.Second}},
		{name: "503 HTTP date", statuses: []int{503}, after: []string{epoch.Add(5 * time.Second).Format(http.TimeFormat)}, want: 200, calls: 2, waits: []time.Duration{0, 5 * time.Second}},
		{name: "date in the past", statuses: []int{503}, after: []string{epoch.Add(-time.Hour).Format(http.TimeFormat)}, want: 200, calls: 2, waits: []time.Duration{0, 0}},
		{name: "capped", statuses: []int{429}, after: []string{"3600"}, want: 200, calls: 2, waits: []time.Duration{0, 10 * time.Second}},
		{name: "backoff without header", statuses: []int{429, 429, 429}, after: []string{"", "junk", ""}, want: 429, calls: 3, waits: []time.Duration{0, time.Second, 2 * time.Second}},
		{name: "gives up after two retries", statuses: []int{503, 503, 503, 503}, after: []string{"1", "1", "1", "1"}, want: 503, calls: 3, waits: []time.Duration{0, time.Second, time.Second}},
		{name: "no time to wait", statuses: []int{503}, after: []string{"5"}, deadline: 3 * time.Second, want: 503, calls: 1, waits: []time.Duration{0}},
		{name: "POST not retried", statuses: []int{503}, after: []string{"1"}, method: http.MethodPost, want: 503, calls: 1, waits: []time.Duration{0}},
		{name: "other errors not retried", statuses: []int{500}, after: []string{"1"}, want: 500, calls: 1, waits: []time.Duration{0}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var calls atomic.Int32
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				n := int(calls.Add(1)) - 1
				if n < len(tc.statuses) {
					if tc.after[n] != "" {
						w.Header().Set("Retry-After", tc.after[n])
					}
					w.WriteHeader(tc.statuses[n])
					return
				}
				w.Write([]byte("ok"))
			}))
			defer srv.Close()
			clock := &fakeClock{t: epoch}
			c := politeClient(Options{}, clock)
			ctx := context.Background()
			if tc.deadline > 0 {
				var cancel context.CancelFunc
				ctx, cancel = context.WithTimeout(ctx, tc.deadline)
				defer cancel()
			}
			method := tc.method
			if method == "" {
				method = http.MethodGet
			}
			req, _ := http.NewRequestWithContext(ctx, method, srv.URL+"/", nil)
			resp, err := c.HTTPClient().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != tc.want || int(calls.Load()) != tc.calls {
				t.Errorf("status %d after %d calls, want %d after %d", resp.StatusCode, calls.Load(), tc.want, tc.calls)
			}
			if got := clock.waits; !equalDurations(got, tc.waits) {
				t.Errorf("waits = %v, want %v", got, tc.waits)
			}
		})
	}
}

func equalDurations(a, b []time.Duration) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestPoliteSpacing: requests to one host start HostInterval apart, or the
// host's Crawl-delay (capped by MaxWait) when longer; other hosts are not
// held up by it.
func TestPoliteSpacing(t *testing.T) {
	cases := []struct {
		name     string
		interval time.Duration
		delay    time.Duration // Crawl-delay of host A
		maxWait  time.Duration
		want     []time.Duration // waits of A, A, A, B
	}{
		{"none", 0, 0, 0, []time.Duration{0, 0, 0, 0}},
		{"interval", 500 * time.Millisecond, 0, 0, []time.Duration{0, 500 * time.Millisecond, 500 * time.Millisecond, 0}},
		{"crawl-delay over interval", 500 * time.Millisecond, 2 * time.Second, 0, []time.Duration{0, 2 * time.Second, 2 * time.Second, 0}},
		{"crawl-delay capped", 0, time.Minute, 5 * time.Second, []time.Duration{0, 5 * time.Second, 5 * time.Second, 0}},
	}
	ok := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok")) })
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a, b := httptest.NewServer(ok), httptest.NewServer(ok)
			defer a.Close()
			defer b.Close()
			clock := &fakeClock{t: time.Date(2026, 12, 6, 10, 0, 0, 0, time.UTC)}
			c := politeClient(Options{HostInterval: tc.interval, MaxWait: tc.maxWait}, clock)
			au, _ := url.Parse(a.URL)
			c.SetCrawlDelay(au.Host, tc.delay)
			for _, u := range []string{a.URL, a.URL + "/2", a.URL + "/3", b.URL} {
				if _, err := c.Get(context.Background(), u, Any); err != nil {
					t.Fatal(err)
				}
			}
			if !equalDurations(clock.waits, tc.want) {
				t.Errorf("waits = %v, want %v", clock.waits, tc.want)
			}
		})
	}
}

// TestPoliteConcurrency: at most HostConcurrency requests are in flight to
// one host; another host has its own allowance.
func TestPoliteConcurrency(t *testing.T) {
	for _, limit := range []int{1, 2, 3} {
		t.Run(strconv.Itoa(limit), func(t *testing.T) {
			var inFlight, peak atomic.Int32
			full := make(chan struct{})
			var once sync.Once
			h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				n := inFlight.Add(1)
				defer inFlight.Add(-1)
				for {
					p := peak.Load()
					if n <= p || peak.CompareAndSwap(p, n) {
						break
					}
				}
				if int(n) >= limit {
					once.Do(func() { close(full) })
				}
				select { // hold the slot until the limit was reached once
				case <-full:
				case <-r.Context().Done():
				}
				w.Write([]byte("ok"))
			})
			srv := httptest.NewServer(h)
			defer srv.Close()
			c := New(Options{HostConcurrency: limit})
			var wg sync.WaitGroup
			for i := 0; i < 3*limit; i++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					if _, err := c.Get(context.Background(), srv.URL+"/"+strconv.Itoa(i), Any); err != nil {
						t.Error(err)
					}
				}()
			}
			wg.Wait()
			if int(peak.Load()) != limit {
				t.Errorf("peak in flight = %d, want %d", peak.Load(), limit)
			}
		})
	}
}

// TestRetryAfter reads both forms of the header.
func TestRetryAfter(t *testing.T) {
	now := time.Date(2026, 12, 6, 10, 0, 0, 0, time.UTC)
	cases := []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"120", 2 * time.Minute, true},
		{" 0 ", 0, true},
		{"-1", 0, false},
		{"", 0, false},
		{"soon", 0, false},
		{"Sun, 06 Dec 2026 10:00:30 GMT", 30 * time.Second, true},
		{"Sunday, 06-Dec-26 10:01:00 GMT", time.Minute, true},
		{"Sun, 06 Dec 2026 09:00:00 GMT", 0, true},
		{"99999999999999", time.Duration(1<<31) * time.Second, true},
	}
	for _, c := range cases {
		got, ok := retryAfter(c.in, now)
		if got != c.want || ok != c.ok {
			t.Errorf("retryAfter(%q) = %v, %v; want %v, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}
