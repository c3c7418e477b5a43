package cli

import (
	"strings"
	"testing"
	"time"
)

// TestScaleFlags: the flags of long runs, pools and the crawler's manners
// are validated, and reach the options.
func TestScaleFlags(t *testing.T) {
	cases := []struct {
		name  string
		env   map[string]string
		args  []string
		err   string
		check func(o *scanOptions) bool
	}{
		{name: "defaults", check: func(o *scanOptions) bool {
			s := o.Scale
			return s.SitesParallel >= 1 && s.SitesParallel <= 8 && s.BrowserRecycle == 0 && s.HostConcurrency == 2 && s.MaxCrawlDelay == 10*time.Second &&
				strings.HasPrefix(s.CrawlerUserAgent, "privacyscan/") && strings.Contains(s.CrawlerUserAgent, "https://") && o.Browser.UserAgent == ""
		}},
		{name: "set", args: []string{"--sites-parallel", "3", "--browser-recycle", "50", "--crawler-user-agent", "acme-audit/1 (+https://acme.example/bot)",
			"--host-concurrency", "1", "--host-interval", "250ms", "--max-crawl-delay", "3s", "--user-agent", "Mozilla/5.0 test"},
			check: func(o *scanOptions) bool {
				s := o.Scale
				return s.SitesParallel == 3 && s.BrowserRecycle == 50 && s.CrawlerUserAgent == "acme-audit/1 (+https://acme.example/bot)" &&
					s.HostConcurrency == 1 && s.HostInterval == 250*time.Millisecond && s.MaxCrawlDelay == 3*time.Second && o.Browser.UserAgent == "Mozilla/5.0 test"
			}},
		{name: "pool", args: []string{"--browser-url", "ws://10.0.0.1:9222", "--browser-url", "ws://10.0.0.2:9222", "--browser-url", "ws://10.0.0.1:9222"},
			check: func(o *scanOptions) bool {
				return strings.Join(o.Browser.BrowserURLs, " ") == "ws://10.0.0.1:9222 ws://10.0.0.2:9222"
			}},
		{name: "pool from the environment", env: map[string]string{"PRIVACYSCAN_BROWSER_URL": "ws://a.pool:9222,ws://b.pool:9222"},
			check: func(o *scanOptions) bool { return len(o.Browser.BrowserURLs) == 2 }},
		{name: "sites-parallel 0", args: []string{"--sites-parallel", "0"}, err: "--sites-parallel"},
		{name: "negative recycle", args: []string{"--browser-recycle", "-1"}, err: "--browser-recycle"},
		{name: "negative memory", args: []string{"--browser-memory", "-1"}, err: "--browser-memory"},
		{name: "memory limit of a borrowed browser", args: []string{"--browser-memory", "900", "--browser-url", "ws://10.0.0.1:9222"}, err: "--browser-memory"},
		{name: "memory limit", args: []string{"--browser-memory", "900"}, check: func(o *scanOptions) bool { return o.Scale.BrowserMemory == 900 }},
		{name: "recycle a borrowed browser", args: []string{"--browser-recycle", "5", "--browser-url", "ws://10.0.0.1:9222"}, err: "--browser-recycle"},
		{name: "empty crawler user agent", args: []string{"--crawler-user-agent", " "}, err: "--crawler-user-agent"},
		{name: "host-concurrency 0", args: []string{"--host-concurrency", "0"}, err: "--host-concurrency"},
		{name: "negative interval", args: []string{"--host-interval", "-1s"}, err: "--host-interval"},
		{name: "bad pool member", args: []string{"--browser-url", "ws://10.0.0.1:9222", "--browser-url", "10.0.0.2:9222"}, err: "--browser-url"},
		{name: "pool and chrome-path", args: []string{"--browser-url", "ws://10.0.0.1:9222", "--chrome-path", "/bin/sh"}, err: "exclude each other"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o, err := scanOptionsFor(t, c.env, "", append(c.args, "https://a.test")...)
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("err = %v, want one naming %s", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !c.check(o) {
				t.Errorf("options: scale %+v, browser %+v", o.Scale, o.Browser)
			}
		})
	}
}

// TestPoolAllDead: a pool none of whose browsers answers is a runtime
// failure (exit 4) naming each endpoint, before anything is crawled.
func TestPoolAllDead(t *testing.T) {
	a, b := closedPort(t), closedPort(t)
	runCase(t, cliCase{Args: []string{"scan", "-q", "--browser-url", "ws://127.0.0.1:" + a + "/devtools/browser/x", "--browser-url", "ws://127.0.0.1:" + b + "/devtools/browser/y", "https://a.test"},
		Exit: ExitRuntime, Want: "no browser endpoint answers"})
	_, stderr := runCase(t, cliCase{Args: []string{"scan", "-q", "--browser-url", "ws://127.0.0.1:" + a + "/devtools/browser/x", "--browser-url", "ws://127.0.0.1:" + b + "/devtools/browser/y", "https://a.test"},
		Exit: ExitRuntime, Want: "127.0.0.1:" + b})
	if !strings.Contains(stderr, "warning: browser endpoint ws://127.0.0.1:"+a) {
		t.Errorf("no warning for the first endpoint even with -q:\n%s", stderr)
	}
}
