package scanner

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/privacyscan/privacyscan/internal/fetch"
	"github.com/privacyscan/privacyscan/internal/fixture"
	"github.com/privacyscan/privacyscan/scanner/browser"
	"github.com/privacyscan/privacyscan/scanner/model"
)

// poolShops are n small sites, a.pool.test ..., of two pages each.
func poolShops(n int) (fstest.MapFS, []string) {
	fsys := fstest.MapFS{}
	var urls []string
	for i := 0; i < n; i++ {
		host := fmt.Sprintf("s%d.pool.test", i)
		fsys[host+"/index.html"] = &fstest.MapFile{Data: []byte(`<!doctype html><title>Shop ` + host + `</title><p>Welcome</p><a href="/about.html">About</a>`)}
		fsys[host+"/about.html"] = &fstest.MapFile{Data: []byte(`<!doctype html><title>About</title><p>About us</p>`)}
		urls = append(urls, "https://"+host+"/")
	}
	return fsys, urls
}

// servePool starts n Chromium processes listening for DevTools on loopback,
// routed to srv, closed at cleanup.
func servePool(t *testing.T, srv *fixture.Server, n int) []*browser.Server {
	t.Helper()
	if _, err := browser.FindChromium(); err != nil {
		t.Fatal(err)
	}
	var out []*browser.Server
	for i := 0; i < n; i++ {
		bs, err := browser.Serve(context.Background(), browser.Options{HostRules: srv.HostRulesStrict(), Insecure: true})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(bs.Close)
		out = append(out, bs)
	}
	return out
}

// TestBrowserPool: sites spread over three browsers attached over CDP; one
// is killed while it loads a site, and that site is scanned again on
// another: every site is reported, scanned, and the retried one says so.
func TestBrowserPool(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	fsys, urls := poolShops(6)
	srv := serve(t, fsys)
	servers := servePool(t, srv, 3)
	var endpoints []string
	for _, bs := range servers {
		endpoints = append(endpoints, bs.URL)
	}
	rt, _ := fetch.ParseRoutes(srv.Resolve())
	var warnings []string
	var wmu sync.Mutex
	s := newScanner(t, Options{
		Endpoints: endpoints, Launch: browser.Options{Insecure: true}, Phases: []string{model.PhaseBeforeConsent, model.PhaseDNT},
		Concurrency: 6, SitesParallel: 3, PageTimeout: 10 * time.Second,
		Crawl:    CrawlOptions{MaxPages: 2, Fetcher: fetch.New(fetch.Options{Routes: rt, Strict: true, Insecure: true, Timeout: 10 * time.Second})},
		Progress: func(f string, a ...any) { t.Logf(f, a...) },
		Warn:     func(f string, a ...any) { wmu.Lock(); warnings = append(warnings, fmt.Sprintf(f, a...)); wmu.Unlock() },
	})
	if err := s.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	before := map[int][2]int{}
	for i, ep := range s.pool.eps {
		c, p, err := ep.b.Open()
		if err != nil {
			t.Fatal(err)
		}
		before[i] = [2]int{c, p}
	}
	// Kill the second browser as soon as it navigates.
	victim := s.pool.eps[1]
	var once sync.Once
	killed := make(chan string, 1)
	s.afterNavigate = func(ctx context.Context, u string) {
		victim.mu.Lock()
		b := victim.b
		victim.mu.Unlock()
		if b != nil && b.Runs(ctx) {
			once.Do(func() { servers[1].Kill(); killed <- u })
		}
	}
	sites := make([]*model.Site, len(urls))
	s.Scan(context.Background(), urls, func(i int, site *model.Site) { sites[i] = site })
	var killedURL string
	select {
	case killedURL = <-killed:
	default:
		t.Fatal("the second browser never navigated: sites were not spread over the pool")
	}
	retried := 0
	for i, site := range sites {
		if site == nil {
			t.Fatalf("site %s not reported", urls[i])
		}
		if !site.Scanned {
			t.Errorf("site %s not scanned: %v", urls[i], site.Errors)
		}
		for _, ph := range []string{model.PhaseBeforeConsent, model.PhaseDNT} {
			// Page errors are the machine's (a renderer too slow to
			// answer under load); a lost browser shows as missing phases.
			if pr := site.Phases[ph]; pr == nil || len(pr.Pages) == 0 {
				t.Errorf("site %s phase %s: %+v", urls[i], ph, pr)
			}
		}
		if len(site.Errors) > 0 && strings.Contains(site.Errors[0], "was lost during the site") {
			retried++
			if !strings.HasPrefix(killedURL, site.URL) {
				t.Errorf("site %s says it was retried; the killed browser was loading %s", site.URL, killedURL)
			}
			if !strings.Contains(site.Errors[0], endpointName(servers[1].URL)) || strings.Contains(site.Errors[0], "/devtools/") {
				t.Errorf("retry note = %q: want the endpoint's host and port, not its path", site.Errors[0])
			}
		} else {
			for _, e := range site.Errors {
				if strings.Contains(e, "browser endpoint") || strings.Contains(e, "browser lost") {
					t.Errorf("site %s was not retried but says %q", site.URL, e)
				}
			}
		}
	}
	if retried != 1 {
		t.Errorf("%d sites say they were retried, want 1", retried)
	}
	// The browsers that lived have every site's contexts and tabs closed.
	for _, i := range []int{0, 2} {
		c, p, err := s.pool.eps[i].b.Open()
		if err != nil || [2]int{c, p} != before[i] {
			t.Errorf("browser %d: %d contexts and %d pages open after the scan, %v before (%v)", i, c, p, before[i], err)
		}
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "lost while scanning") {
		t.Errorf("warnings = %q", warnings)
	}
}

// TestBrowserPoolStart: an endpoint that does not answer at Start is
// skipped with a warning while another lives; none alive fails Start.
func TestBrowserPoolStart(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	fsys, _ := poolShops(1)
	srv := serve(t, fsys)
	live := servePool(t, srv, 1)[0]
	dead := "ws://127.0.0.1:9/devtools/browser/none" // the discard port: nothing listens
	var warnings []string
	s := newScanner(t, Options{Endpoints: []string{dead, live.URL}, Launch: browser.Options{Insecure: true},
		Warn: func(f string, a ...any) { warnings = append(warnings, fmt.Sprintf(f, a...)) }})
	if err := s.Start(context.Background()); err != nil {
		t.Fatalf("Start with one live endpoint: %v", err)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "ws://127.0.0.1:9") || !strings.Contains(warnings[0], "skipped") {
		t.Errorf("warnings = %q", warnings)
	}
	none := newScanner(t, Options{Endpoints: []string{dead, "ws://127.0.0.1:9/x"}, Warn: func(string, ...any) {}})
	if err := none.Start(context.Background()); err == nil || !strings.Contains(err.Error(), "no browser endpoint answers") {
		t.Errorf("Start with no live endpoint: %v", err)
	}
}

// TestBrowserRecycle: the scanner's own browser is restarted after every
// Recycle sites, or once it uses more than RecycleMB, between sites, and
// every site is still scanned.
func TestBrowserRecycle(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	if _, err := browser.FindChromium(); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name               string
		sites, parallel    int
		recycle, mb        int
		restarts, browsers int
	}{
		{name: "every 2 sites", sites: 4, parallel: 2, recycle: 2, restarts: 1, browsers: 2},
		// One at a time: the first site's browser is up when the
		// second is due.
		{name: "over 1 MB", sites: 2, parallel: 1, mb: 1, restarts: 1, browsers: 2},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fsys, urls := poolShops(tc.sites)
			srv := serve(t, fsys)
			rt, _ := fetch.ParseRoutes(srv.Resolve())
			var mu sync.Mutex
			restarts := 0
			s := newScanner(t, Options{
				Launch: browser.Options{HostRules: srv.HostRulesStrict(), Insecure: true}, Recycle: tc.recycle, RecycleMB: tc.mb,
				SitesParallel: tc.parallel, Concurrency: 2, Phases: []string{model.PhaseBeforeConsent}, PageTimeout: 10 * time.Second,
				Crawl: CrawlOptions{MaxPages: 1, Fetcher: fetch.New(fetch.Options{Routes: rt, Strict: true, Insecure: true, Timeout: 10 * time.Second})},
				Progress: func(f string, a ...any) {
					if strings.Contains(f, "restarting the browser") {
						mu.Lock()
						restarts++
						mu.Unlock()
					}
				},
			})
			pids := map[int]bool{}
			s.afterNavigate = func(ctx context.Context, u string) {
				if p := s.Browser().Process(); p != nil {
					mu.Lock()
					pids[p.Pid] = true
					mu.Unlock()
				}
			}
			scanned := 0
			s.Scan(context.Background(), urls, func(i int, site *model.Site) {
				if site.Scanned {
					scanned++
				}
			})
			if scanned != len(urls) || restarts != tc.restarts || len(pids) != tc.browsers {
				t.Errorf("%d of %d sites scanned, %d restarts, %d browser processes; want all, %d and %d", scanned, len(urls), restarts, len(pids), tc.restarts, tc.browsers)
			}
		})
	}
}
