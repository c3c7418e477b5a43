package scanner

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"sync"

	"github.com/privacyscan/privacyscan/scanner/browser"
	"github.com/privacyscan/privacyscan/scanner/model"
)

// A browser pool: several running browsers the scanner attaches to over
// CDP (--browser-url given more than once). Each site runs on one endpoint,
// the least busy live one; an endpoint that is lost during a site has the
// site scanned again from the start on another, and the site's errors say
// so. An endpoint that does not answer at Start is skipped with a warning;
// Start fails when none answers.

// endpoint is one browser of the pool.
type endpoint struct {
	url  string // as given: it may carry a token
	name string // scheme and host, for reports and messages
	mu   sync.Mutex
	b    *browser.Browser
	dead bool
	busy int // sites running on it, guarded by pool.mu
}

type pool struct {
	mu   sync.Mutex
	eps  []*endpoint
	next int
}

func newPool(urls []string) *pool {
	p := &pool{}
	for _, u := range urls {
		p.eps = append(p.eps, &endpoint{url: u, name: endpointName(u)})
	}
	return p
}

// endpointName is a CDP address without its path and query, which may hold
// a browser id or a pool service's token.
func endpointName(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return "browser endpoint"
	}
	return u.Scheme + "://" + u.Host
}

type endpointKey struct{}

func withEndpoint(ctx context.Context, ep *endpoint) context.Context {
	return context.WithValue(ctx, endpointKey{}, ep)
}

func endpointFrom(ctx context.Context) *endpoint {
	ep, _ := ctx.Value(endpointKey{}).(*endpoint)
	return ep
}

// connect returns the endpoint's browser, attaching (again) when the
// connection is new or lost; an endpoint that cannot be reached is dead
// for the rest of the run.
func (s *Scanner) connect(ctx context.Context, ep *endpoint) (*browser.Browser, error) {
	ep.mu.Lock()
	defer ep.mu.Unlock()
	if ep.dead {
		return nil, fmt.Errorf("browser endpoint %s lost", ep.name)
	}
	if ep.b != nil && ep.b.Alive() {
		return ep.b, nil
	}
	if ep.b != nil {
		ep.b.Close()
		ep.b = nil
	}
	lo := s.opts.Launch
	lo.RemoteURL = ep.url
	b, err := browser.Launch(context.WithoutCancel(ctx), lo)
	if err != nil {
		ep.dead = true
		return nil, fmt.Errorf("browser endpoint %s: %w", ep.name, err)
	}
	ep.b = b
	return b, nil
}

// alive reports whether the endpoint's browser answers.
func (ep *endpoint) alive() bool {
	ep.mu.Lock()
	defer ep.mu.Unlock()
	return !ep.dead && ep.b != nil && ep.b.Alive()
}

// startPool attaches to every endpoint at once; those that do not answer
// are warned of and skipped.
func (s *Scanner) startPool(ctx context.Context) error {
	var wg sync.WaitGroup
	errs := make([]error, len(s.pool.eps))
	for i, ep := range s.pool.eps {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = s.connect(ctx, ep)
		}()
	}
	wg.Wait()
	live := 0
	for _, err := range errs {
		if err != nil {
			s.opts.Warn("%v: skipped", err)
			continue
		}
		live++
	}
	if live == 0 {
		return fmt.Errorf("no browser endpoint answers: %w", errors.Join(errs...))
	}
	return nil
}

// acquire picks the least busy live endpoint not in tried, round robin
// among equals; nil when none is left.
func (p *pool) acquire(tried map[*endpoint]bool) *endpoint {
	p.mu.Lock()
	defer p.mu.Unlock()
	var best *endpoint
	n := len(p.eps)
	for k := 0; k < n; k++ {
		ep := p.eps[(p.next+k)%n]
		ep.mu.Lock()
		dead := ep.dead
		ep.mu.Unlock()
		if dead || tried[ep] {
			continue
		}
		if best == nil || ep.busy < best.busy {
			best = ep
		}
	}
	if best != nil {
		best.busy++
		p.next = (p.next + 1) % n
	}
	return best
}

func (p *pool) release(ep *endpoint) {
	p.mu.Lock()
	defer p.mu.Unlock()
	ep.busy--
}

// scanSiteOnPool scans a site on an endpoint of the pool, and again on
// another when the endpoint is lost before the site is done.
func (s *Scanner) scanSiteOnPool(ctx context.Context, start string) *model.Site {
	tried := map[*endpoint]bool{}
	var notes []string
	var site *model.Site
	for {
		ep := s.pool.acquire(tried)
		if ep == nil {
			if site == nil {
				site = &model.Site{URL: start, FinalURL: start, Phases: map[string]*model.PhaseResult{}, Errors: []string{}, Policy: model.PolicyNotFound()}
			}
			site.Errors = append(site.Errors, "no live browser endpoint left in the pool to scan the site on")
			break
		}
		tried[ep] = true
		site = s.scanSite(withEndpoint(ctx, ep), start)
		s.pool.release(ep)
		if ctx.Err() != nil || ep.alive() {
			break
		}
		ep.mu.Lock()
		ep.dead = true
		ep.mu.Unlock()
		s.opts.Warn("browser endpoint %s lost while scanning %s: scanning it again on another", ep.name, start)
		notes = append(notes, fmt.Sprintf("browser endpoint %s was lost during the site: the site was scanned again from the start on another endpoint", ep.name))
	}
	site.Errors = append(notes, site.Errors...)
	return site
}
