package fetch

import (
	"context"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Politeness at scale: a scan of thousands of shops must not hammer one
// host (shops of one platform often share it). Every request of a Client
// goes through politeTransport, which keeps per host
//   - at most HostConcurrency requests in flight,
//   - at least HostInterval, or the host's robots.txt Crawl-delay
//     (SetCrawlDelay), between the starts of two requests, and
//   - after HTTP 429 or 503, a pause of Retry-After (seconds or an HTTP
//     date), else an exponential backoff from one second, before the
//     request is tried again (twice at most) and before any other request
//     to the host.
// Every wait is capped by MaxWait; a wait that would outlast the request's
// deadline is not begun: the 429 or 503 is returned as it came.

// DefaultMaxWait caps Crawl-delay, Retry-After and backoff when
// Options.MaxWait is 0.
const DefaultMaxWait = 10 * time.Second

// politeRetries is how many times a GET answered 429 or 503 is tried again.
const politeRetries = 2

// maxHostStates bounds the per-host records kept; idle ones are dropped
// beyond it, so a run over thousands of sites holds no more.
const maxHostStates = 1024

type politeTransport struct {
	next        http.RoundTripper
	concurrency int
	interval    time.Duration
	maxWait     time.Duration
	now         func() time.Time
	sleep       func(ctx context.Context, d time.Duration) error

	mu    sync.Mutex
	hosts map[string]*hostState
}

type hostState struct {
	slots    chan struct{}
	serial   chan struct{} // one request at a time while spaced
	next     time.Time     // no request starts before
	delay    time.Duration // robots.txt Crawl-delay, capped
	inFlight int
}

func newPoliteTransport(next http.RoundTripper, o Options) *politeTransport {
	return &politeTransport{next: next, concurrency: max(1, o.HostConcurrency), interval: o.HostInterval, maxWait: o.MaxWait,
		now: time.Now, sleep: sleepCtx, hosts: map[string]*hostState{}}
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// host returns the record of host (HOST:PORT), taking a reference.
func (p *politeTransport) host(h string) *hostState {
	p.mu.Lock()
	defer p.mu.Unlock()
	hs := p.hosts[h]
	if hs == nil {
		if len(p.hosts) >= maxHostStates {
			now := p.now()
			for k, v := range p.hosts {
				if v.inFlight == 0 && !v.next.After(now) && v.delay == 0 {
					delete(p.hosts, k)
				}
			}
		}
		hs = &hostState{slots: make(chan struct{}, p.concurrency), serial: make(chan struct{}, 1)}
		p.hosts[h] = hs
	}
	hs.inFlight++
	return hs
}

func (p *politeTransport) done(hs *hostState) {
	p.mu.Lock()
	defer p.mu.Unlock()
	hs.inFlight--
}

// setDelay records a host's Crawl-delay, capped.
func (p *politeTransport) setDelay(h string, d time.Duration) {
	hs := p.host(h)
	defer p.done(hs)
	p.mu.Lock()
	defer p.mu.Unlock()
	hs.delay = min(max(d, 0), p.maxWait)
}

// reserve returns how long to wait before the next request to hs may
// start, and books its start.
func (p *politeTransport) reserve(hs *hostState) time.Duration {
	p.mu.Lock()
	defer p.mu.Unlock()
	now := p.now()
	start := now
	if hs.next.After(now) {
		start = hs.next
	}
	hs.next = start.Add(max(p.interval, hs.delay))
	return start.Sub(now)
}

// spacing is the least time between two requests to hs: HostInterval or
// its Crawl-delay.
func (p *politeTransport) spacing(hs *hostState) time.Duration {
	p.mu.Lock()
	defer p.mu.Unlock()
	return max(p.interval, hs.delay)
}

// pause keeps every request to hs waiting until d from now.
func (p *politeTransport) pause(hs *hostState, d time.Duration) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if t := p.now().Add(d); t.After(hs.next) {
		hs.next = t
	}
}

func (p *politeTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	ctx := r.Context()
	hs := p.host(r.URL.Host)
	defer p.done(hs)
	select {
	case hs.slots <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-hs.slots }()
	if p.spacing(hs) > 0 {
		// A host that asks for a delay between requests gets them one
		// at a time, each the delay after the previous one's answer: the
		// spacing holds where the server sees it, whatever the
		// connections' setup times.
		select {
		case hs.serial <- struct{}{}:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		defer func() {
			p.pause(hs, p.spacing(hs))
			<-hs.serial
		}()
	}
	replayable := r.Method == http.MethodGet || r.Method == http.MethodHead
	for attempt := 0; ; attempt++ {
		if err := p.wait(ctx, p.reserve(hs)); err != nil {
			return nil, err
		}
		resp, err := p.next.RoundTrip(r)
		if err != nil || (resp.StatusCode != http.StatusTooManyRequests && resp.StatusCode != http.StatusServiceUnavailable) ||
			!replayable || attempt >= politeRetries {
			return resp, err
		}
		d, ok := retryAfter(resp.Header.Get("Retry-After"), p.now())
		if !ok {
			d = time.Second << attempt
		}
		d = min(d, p.maxWait)
		if dl, has := ctx.Deadline(); has && time.Until(dl) < d {
			return resp, nil // no time to wait for: the answer as it came
		}
		p.pause(hs, d)
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		resp.Body.Close()
	}
}

// wait sleeps d, capped, unless ctx ends first.
func (p *politeTransport) wait(ctx context.Context, d time.Duration) error {
	return p.sleep(ctx, min(d, p.maxWait+p.interval))
}

// retryAfter reads a Retry-After header: delay-seconds or an HTTP date
// (RFC 9110 §10.2.3). A date in the past is no wait.
func retryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if n, err := strconv.ParseInt(v, 10, 64); err == nil {
		if n < 0 {
			return 0, false
		}
		if n > 1<<31 {
			n = 1 << 31
		}
		return time.Duration(n) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}

// SetCrawlDelay records host's robots.txt Crawl-delay (host as in a URL,
// HOST or HOST:PORT); it is capped by the client's MaxWait and applies to
// every later request to the host.
func (c *Client) SetCrawlDelay(host string, d time.Duration) {
	if c.polite != nil {
		c.polite.setDelay(host, d)
	}
}
