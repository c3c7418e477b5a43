package scanner

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/privacyscan/privacyscan/internal/evidence"
	"github.com/privacyscan/privacyscan/internal/fetch"
	"github.com/privacyscan/privacyscan/scanner/browser"
	"github.com/privacyscan/privacyscan/scanner/consent"
	"github.com/privacyscan/privacyscan/scanner/kb"
	"github.com/privacyscan/privacyscan/scanner/model"
)

// Classifier tells who is behind a request, cookie or storage key. The
// knowledge base (scanner/kb) implements it.
type Classifier interface {
	RequestTyped(rawURL, pageURL, resourceType string) kb.Match
	Cookie(name, domain string) kb.Match
	StorageKey(key, origin string) kb.Match
}

// Options configure a Scanner.
type Options struct {
	// Launch starts the scanner's own browser (on Start or at first need)
	// and every relaunch after a crash.
	Launch browser.Options
	// Browser, when set, is a running browser the scanner borrows instead
	// of starting one (tests share one per test binary): Close leaves it
	// running. If it dies, the scanner relaunches with its options and owns
	// the new one.
	Browser *browser.Browser
	// Endpoints, when set, are the CDP addresses of a browser pool the
	// scanner attaches to instead of starting a browser (Launch's other
	// options apply to each). See pool.go.
	Endpoints []string
	// Recycle restarts the scanner's own browser after that many sites,
	// between sites (Scan lets the running ones finish first), so its
	// memory stays flat over long runs; 0 never. A borrowed browser or a
	// pool is never restarted.
	Recycle int
	// RecycleMB restarts the scanner's own browser, between sites, once
	// its process tree uses more than that many MB (PSS); 0 never.
	RecycleMB int
	Crawl     CrawlOptions
	// Phases to run; nil means all.
	Phases []string
	// Concurrency bounds how many phases run at once (over all sites).
	// Below 1 it is every phase of every site in flight (Phases ×
	// SitesParallel): a phase is one tab that mostly waits for the network,
	// so phases are scheduled by waiting, not by CPU count.
	Concurrency int
	// SitesParallel bounds how many sites are crawled and scanned at once
	// by Scan; the phase slots bound the browser work.
	SitesParallel int
	// PageTimeout bounds one page visit (navigation, load, network quiet).
	PageTimeout time.Duration
	// SiteTimeout bounds a whole site (crawl, phases, policy); what was
	// gathered when it runs out is kept and the site's errors say so. 0
	// means DefaultSiteTimeout of the crawl's MaxPages and PageTimeout.
	SiteTimeout time.Duration
	// FirstParty lists extra domains that belong to the site (its CDNs).
	FirstParty []string
	KB         Classifier
	// Resolver looks up CNAMEs of first-party subdomains to unmask trackers
	// hidden behind them (CNAME cloaking); nil disables the look-ups. Hosts
	// routed by --resolve are never looked up.
	Resolver kb.Resolver
	// Routed reports whether a host is routed by --resolve.
	Routed func(host string) bool
	// Consent operates consent banners; nil disables interaction.
	Consent consent.Operator
	// Analyze reads a privacy policy document; nil leaves the policy
	// section with the URL and language only.
	Analyze func(doc []byte, contentType, url string) *model.PolicyFacts
	// ShowValues keeps cookie values in the report (redacted by default).
	ShowValues bool
	// Journey says when the shopper's journey runs after each phase's
	// pages: JourneyAuto (shops), JourneyOn or JourneyOff.
	Journey string
	// Canary, when set, is the identity the journey types (tests); else
	// one is made up per site scanned (NewCanary).
	Canary *model.Canary
	// Evidence is what goes into the evidence bundle (--evidence-dir).
	Evidence EvidenceOptions
	// Progress, when set, is told what the scanner is doing.
	Progress func(format string, args ...any)
	// Warn, when set, is told of problems the run goes on despite (an
	// endpoint of the pool lost); nil means Progress.
	Warn func(format string, args ...any)
	Now  func() time.Time
}

// Scanner scans sites. It owns its browser: it launches it (Start, or at
// first need), relaunches it after a crash, and Close ends it. It is safe
// for concurrent use.
type Scanner struct {
	opts Options
	// afterNavigate is a test seam: it runs once a navigation has started.
	afterNavigate func(ctx context.Context, url string)
	// noBehaviour leaves the in-page behaviour instrumentation out (a
	// benchmark seam: its cost against capture alone).
	noBehaviour bool
	sem         chan struct{}
	bmu         sync.Mutex
	b           *browser.Browser
	// owned is true when b was launched by the scanner (Close ends it).
	owned bool
	// namer names each site's directory in the evidence bundle.
	namer evidence.Namer
	// vmu guards the browser's version, asked once.
	vmu                sync.Mutex
	product, userAgent string
	// pool, when set, replaces b: the browsers of Options.Endpoints.
	pool *pool
}

// New returns a Scanner. It starts no browser; Start does, or the first scan.
func New(opts Options) *Scanner {
	if opts.SitesParallel < 1 {
		opts.SitesParallel = 1
	}
	if opts.PageTimeout <= 0 {
		opts.PageTimeout = 30 * time.Second
	}
	if opts.SiteTimeout <= 0 {
		opts.SiteTimeout = DefaultSiteTimeout(opts.Crawl.MaxPages, opts.PageTimeout)
	}
	if len(opts.Phases) == 0 {
		opts.Phases = model.AllPhases
	}
	if opts.Concurrency < 1 {
		opts.Concurrency = len(opts.Phases) * opts.SitesParallel
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Progress == nil {
		opts.Progress = func(string, ...any) {}
	}
	if opts.Warn == nil {
		opts.Warn = opts.Progress
	}
	if opts.Crawl.Fetcher == nil {
		opts.Crawl.Fetcher = fetch.New(fetch.Options{})
	}
	if opts.Evidence.BodyLimit <= 0 {
		opts.Evidence.BodyLimit = DefaultBodyLimit
	}
	if opts.Evidence.PhaseBodyLimit <= 0 {
		opts.Evidence.PhaseBodyLimit = DefaultPhaseBodyLimit
	}
	if opts.Browser != nil {
		opts.Launch = opts.Browser.Options()
	}
	if opts.Launch.RenderersMemory == 0 {
		opts.Launch.RenderersMemory = browser.RenderersMemoryFor(opts.Concurrency)
	}
	s := &Scanner{opts: opts, sem: make(chan struct{}, opts.Concurrency), b: opts.Browser}
	if len(opts.Endpoints) > 0 {
		s.pool = newPool(opts.Endpoints)
	}
	return s
}

// Start launches the browser now, so that a browser that cannot start is
// reported before any crawl. The browser outlives ctx (its cancellation
// by Ctrl-C must not kill it before the cookies already seen are read);
// Close ends it.
func (s *Scanner) Start(ctx context.Context) error {
	if s.pool != nil {
		return s.startPool(ctx)
	}
	_, err := s.browser(ctx)
	return err
}

// StartBackground launches the browser while the caller goes on (the
// first site's crawl runs meanwhile: Chromium's start and the crawl both
// mostly wait). The phases that need the browser wait for it. The channel
// receives the start's error, nil once the browser is up. With a pool it
// connects to the endpoints before returning, as Start does: a pool none
// of whose browsers answers must stop the scan before any crawl.
func (s *Scanner) StartBackground(ctx context.Context) <-chan error {
	done := make(chan error, 1)
	if s.pool != nil {
		done <- s.startPool(ctx)
		return done
	}
	go func() { _, err := s.browser(ctx); done <- err }()
	return done
}

// Close ends the browser the scanner launched; a borrowed one keeps running.
func (s *Scanner) Close() {
	if s.pool != nil {
		for _, ep := range s.pool.eps {
			ep.mu.Lock()
			if ep.b != nil {
				ep.b.Close() // the connection: the browser is not ours
				ep.b = nil
			}
			ep.mu.Unlock()
		}
	}
	s.bmu.Lock()
	defer s.bmu.Unlock()
	if s.b != nil && s.owned {
		s.b.Close()
	}
	s.b, s.owned = nil, false
}

// Scan crawls and scans the sites, up to SitesParallel at once, and calls
// done (from any goroutine, one call at a time) with each site as it
// finishes. Sites not started before ctx is cancelled are not scanned and
// done is not called for them; the started ones end with what they gathered.
func (s *Scanner) Scan(ctx context.Context, urls []string, done func(i int, site *model.Site)) {
	var wg sync.WaitGroup
	var dmu sync.Mutex
	slots := make(chan struct{}, s.opts.SitesParallel)
	for i, u := range urls {
		select {
		case slots <- struct{}{}:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			break
		}
		// Between sites, with a slot held: the browser is restarted once
		// the running sites have ended in the old one.
		if i > 0 && s.ownsBrowser() {
			if s.opts.Recycle > 0 && i%s.opts.Recycle == 0 {
				wg.Wait()
				s.recycle(fmt.Sprintf("after %d sites (--browser-recycle)", i))
			} else if mb := s.browserMB(); s.opts.RecycleMB > 0 && mb > float64(s.opts.RecycleMB) {
				wg.Wait()
				s.recycle(fmt.Sprintf("at %.0f MB, over --browser-memory %d", mb, s.opts.RecycleMB))
			}
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-slots }()
			site := s.ScanSite(ctx, u)
			dmu.Lock()
			defer dmu.Unlock()
			done(i, site)
		}()
	}
	wg.Wait()
}

// browser returns a live browser: it launches the first one, and
// relaunches a crashed one once per call.
func (s *Scanner) browser(ctx context.Context) (*browser.Browser, error) {
	if s.pool != nil {
		ep := endpointFrom(ctx)
		if ep == nil {
			if ep = s.pool.acquire(nil); ep == nil {
				return nil, errors.New("no live browser endpoint left in the pool")
			}
			s.pool.release(ep)
		}
		return s.connect(ctx, ep)
	}
	s.bmu.Lock()
	defer s.bmu.Unlock()
	if s.b != nil && s.b.Alive() {
		return s.b, nil
	}
	what := "starting the browser"
	if s.b != nil {
		what = "restarting the browser"
		s.opts.Progress("browser died; restarting it")
	}
	nb, err := browser.Launch(context.WithoutCancel(ctx), s.opts.Launch)
	if err != nil {
		if strings.HasPrefix(err.Error(), what) {
			return nil, err // Launch's errors already say "starting the browser"
		}
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	if s.b != nil && s.owned {
		s.b.Close()
	}
	s.b, s.owned = nb, true
	return nb, nil
}

// ownsBrowser reports whether the scanner launches its browser (neither
// borrowed nor a pool).
func (s *Scanner) ownsBrowser() bool {
	s.bmu.Lock()
	defer s.bmu.Unlock()
	return s.pool == nil && s.opts.Browser == nil
}

// browserMB is the memory of the scanner's browser, 0 when unknown.
func (s *Scanner) browserMB() float64 {
	s.bmu.Lock()
	defer s.bmu.Unlock()
	if s.b == nil || s.opts.RecycleMB == 0 {
		return 0
	}
	return s.b.MemoryMB()
}

// recycle ends the scanner's browser; the next site launches a fresh one.
func (s *Scanner) recycle(why string) {
	s.bmu.Lock()
	defer s.bmu.Unlock()
	if s.b != nil && s.owned {
		s.opts.Progress("restarting the browser %s", why)
		s.b.Close()
		s.b, s.owned = nil, false
	}
}

// browserAlive reports whether the browser of ctx (its endpoint of the
// pool, else the scanner's) still answers.
func (s *Scanner) browserAlive(ctx context.Context) bool {
	if ep := endpointFrom(ctx); ep != nil {
		return ep.alive()
	}
	s.bmu.Lock()
	defer s.bmu.Unlock()
	return s.b != nil && s.b.Alive()
}

// Browser returns the current browser (it may have been relaunched), nil
// before the first launch.
func (s *Scanner) Browser() *browser.Browser {
	s.bmu.Lock()
	defer s.bmu.Unlock()
	return s.b
}

// DefaultSiteTimeout is the budget of one site when --site-timeout is not
// given: pages × page-timeout × 2 + 60s. Every phase visits every page, but
// phases run side by side and a page that hangs the renderer is paid for
// once, not in every phase; the minute covers the crawl, the consent clicks
// and the policy. pages < 1 counts as 8, the --pages default.
func DefaultSiteTimeout(pages int, pageTimeout time.Duration) time.Duration {
	if pages < 1 {
		pages = 8
	}
	return time.Duration(pages)*pageTimeout*2 + time.Minute
}
