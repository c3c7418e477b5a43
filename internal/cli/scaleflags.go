package cli

import (
	"bufio"
	"os"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/pflag"
)

// scaleFlags say how a long run shares the machine and treats the sites'
// servers: sites at once, browser recycling, and the crawler's manners.
type scaleFlags struct {
	sitesParallel    int
	browserRecycle   int
	browserMemory    int
	crawlerUserAgent string
	hostConcurrency  int
	hostInterval     time.Duration
	maxCrawlDelay    time.Duration
}

// scaleOptions are the scale flags, validated.
type scaleOptions struct {
	// SitesParallel is how many sites are crawled and scanned at once.
	SitesParallel int
	// BrowserRecycle restarts the scanner's own browser after that many
	// sites; 0 never.
	BrowserRecycle int
	// BrowserMemory restarts the scanner's own browser, between sites,
	// once its processes use more than that many MB; 0 never.
	BrowserMemory int
	// CrawlerUserAgent is what the crawler (robots.txt, sitemaps, pages,
	// the policy) sends and matches robots.txt against.
	CrawlerUserAgent string
	// HostConcurrency bounds the crawler's requests in flight to one host.
	HostConcurrency int
	// HostInterval is the least time between two of the crawler's
	// requests to one host.
	HostInterval time.Duration
	// MaxCrawlDelay caps robots.txt Crawl-delay, Retry-After and the
	// backoff after 429 and 503.
	MaxCrawlDelay time.Duration
}

// crawlerUserAgent names privacyscan and where to read about it, so a
// site's operator can tell who is crawling and why.
func crawlerUserAgent() string {
	return "privacyscan/" + Version + " (+https://github.com/privacyscan/privacyscan)"
}

func (g *scaleFlags) register(fs *pflag.FlagSet) {
	fs.IntVar(&g.sitesParallel, "sites-parallel", defaultSitesParallel(), "sites crawled and scanned at once (default from CPUs and memory)")
	fs.IntVar(&g.browserRecycle, "browser-recycle", 0, "restart the browser after `N` sites, to keep its memory flat over long runs (0: never; not with --browser-url)")
	fs.IntVar(&g.browserMemory, "browser-memory", 0, "restart the browser, between sites, once its processes use more than `MB` megabytes (PSS; 0: never; not with --browser-url)")
	fs.StringVar(&g.crawlerUserAgent, "crawler-user-agent", crawlerUserAgent(), "the crawler's user agent, matched against robots.txt (the browser's is --user-agent)")
	fs.IntVar(&g.hostConcurrency, "host-concurrency", 2, "the crawler's requests in flight to one host")
	fs.DurationVar(&g.hostInterval, "host-interval", 0, "least time between two of the crawler's requests to one host (robots.txt Crawl-delay raises it)")
	fs.DurationVar(&g.maxCrawlDelay, "max-crawl-delay", 10*time.Second, "cap on robots.txt Crawl-delay, Retry-After and the backoff after HTTP 429 and 503")
}

func (g *scaleFlags) options() (scaleOptions, error) {
	o := scaleOptions{SitesParallel: g.sitesParallel, BrowserRecycle: g.browserRecycle, BrowserMemory: g.browserMemory, CrawlerUserAgent: strings.TrimSpace(g.crawlerUserAgent),
		HostConcurrency: g.hostConcurrency, HostInterval: g.hostInterval, MaxCrawlDelay: g.maxCrawlDelay}
	if o.SitesParallel < 1 || o.SitesParallel > 256 {
		return o, usagef("--sites-parallel %d: want 1 to 256", o.SitesParallel)
	}
	if o.BrowserRecycle < 0 {
		return o, usagef("--browser-recycle %d: want a number of sites, or 0 for never", o.BrowserRecycle)
	}
	if o.BrowserMemory < 0 {
		return o, usagef("--browser-memory %d: want megabytes, or 0 for never", o.BrowserMemory)
	}
	if o.CrawlerUserAgent == "" || strings.ContainsAny(o.CrawlerUserAgent, "\r\n") {
		return o, usagef("--crawler-user-agent: want one non-empty line, such as %q", crawlerUserAgent())
	}
	if o.HostConcurrency < 1 {
		return o, usagef("--host-concurrency %d: want at least 1", o.HostConcurrency)
	}
	if o.HostInterval < 0 {
		return o, usagef("--host-interval %s: want 0 or a positive duration such as 500ms", o.HostInterval)
	}
	if o.MaxCrawlDelay < 0 {
		return o, usagef("--max-crawl-delay %s: want 0 (never wait) or a positive duration such as 10s", o.MaxCrawlDelay)
	}
	return o, nil
}

// defaultSitesParallel is what a machine can hold: two sites per CPU (a
// site mostly waits on the network), and about 600 MB of available memory
// per site (its phases' tabs and the crawler), from 1 to 8.
func defaultSitesParallel() int {
	n := 2 * runtime.NumCPU()
	if mb := availableMB(); mb > 0 {
		n = min(n, mb/600)
	}
	return max(1, min(n, 8))
}

// availableMB reads MemAvailable of /proc/meminfo; 0 when unknown.
func availableMB() int {
	f, err := os.Open("/proc/meminfo")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "MemAvailable:"); ok {
			kb, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
			if err == nil {
				return kb / 1024
			}
		}
	}
	return 0
}
