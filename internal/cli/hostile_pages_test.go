package cli

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// hostilePages are pages that keep the renderer busy or huge, each the home
// page of a host of its own. Every answer is small except /big, which is
// 50 MiB once; nothing is served for longer than the request lasts.
var hostilePages = map[string]string{
	// Objects without end: the V8 heap fills up.
	"alloc": `<h1>Deals</h1><script>const a=[];for(;;){a.push(new Array(1<<20).fill(1.5))}</script>`,
	// Buffers without end, each written: memory outside the V8 heap.
	"buffers": `<h1>Deals</h1><script>const a=[];for(;;){const b=new Uint8Array(32<<20);b.fill(7);a.push(b)}</script>`,
	// 500 messages of 1 MiB each on the console, then an ordinary page.
	"console": `<h1>Deals</h1><script>const s='x'.repeat(1<<20);for(let i=0;i<500;i++){console.log(s+i);console.error(s+i)}</script><a href="/about">About</a>`,
	// Every popup opens three more of the same page.
	"popups": `<h1>Deals</h1><script>for(let i=0;i<3;i++){window.open(location.href,'_blank')}</script><a href="/about">About</a>`,
	// alert, confirm and prompt without end, and a beforeunload question.
	"dialogs": `<h1>Deals</h1><a href="/about">About</a><script>onbeforeunload=e=>{e.preventDefault();e.returnValue='stay'};for(;;){alert('win');confirm('sure?');prompt('name?')}</script>`,
	// 50 MiB of paragraphs, written as fast as the reader takes them.
	"big": "",
}

// bigPageSize is the size of the big page.
const bigPageSize = 50 << 20

// hostilePageServer serves hostilePages on 127.0.0.1: host NAME.test gets
// page NAME as its home page. It returns the --resolve value for host.
func hostilePageServer(t *testing.T) func(host string) string {
	t.Helper()
	doc := func(title, body string) string {
		return "<!doctype html><html lang=en><head><title>" + title + "</title></head><body>" + body + "</body></html>"
	}
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimSuffix(strings.Split(r.Host, ":")[0], ".test")
		body, ok := hostilePages[name]
		switch {
		case r.URL.Path == "/robots.txt":
			fmt.Fprint(w, "User-agent: *\nAllow: /\n")
		case r.URL.Path == "/about":
			fmt.Fprint(w, doc("About", `<h1>About us</h1><a href="/">Home</a>`))
		case r.URL.Path != "/" || !ok:
			http.NotFound(w, r)
		case name == "big":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			head := "<!doctype html><html lang=en><head><title>Big</title></head><body><h1>Catalogue</h1><a href=\"/about\">About</a>\n"
			para := "<p>" + strings.Repeat("Our finest goods at the finest prices. ", 100) + "</p>\n"
			n, _ := fmt.Fprint(w, head)
			for n < bigPageSize && r.Context().Err() == nil {
				m, err := fmt.Fprint(w, para)
				if err != nil {
					return
				}
				n += m
			}
			fmt.Fprint(w, "</body></html>")
		default:
			fmt.Fprint(w, doc("Deals", body))
		}
	})
	srv := httptest.NewServer(h) // 127.0.0.1 only
	t.Cleanup(srv.Close)
	_, port, _ := net.SplitHostPort(srv.Listener.Addr().String())
	return func(host string) string { return host + "=127.0.0.1:" + port }
}

// TestHostilePages scans each hostile page (the home page of its own site,
// two phases side by side) and checks that the scan ends within
// --site-timeout plus five seconds, that the report says what the page did,
// that the scanner and its Chromium together never held more than 1.5 GB
// (PSS summed over the process tree), and that no Chromium process outlives the scan.
func TestHostilePages(t *testing.T) {
	resolve := hostilePageServer(t)
	const siteTimeout = 30 * time.Second
	const memLimit = 1500 << 20
	// Each case says what the report must name: the page's error in the
	// phases that visited it (one of pageErrors; "" for none) and a line of
	// the site's errors. A renderer starved of CPU may not reach a memory
	// limit within the page's time: then it is abandoned as hung, which
	// bounds its memory as well.
	const hung = "hung the renderer"
	// A renderer that still answers but has not finished the page in time.
	const late = "timed out after 4s"
	cases := []struct {
		name       string
		pageErrors []string
		siteError  string
	}{
		{name: "alloc", pageErrors: []string{"crashed the renderer: out of memory", hung}},
		{name: "buffers", pageErrors: []string{"crashed the renderer: out of memory", hung}},
		{name: "big", pageErrors: []string{"", hung, late}},
		{name: "console", pageErrors: []string{"", hung, late}},
		{name: "popups", pageErrors: []string{"", hung, late}, siteError: "popups, each closed as it appeared"},
		{name: "dialogs", pageErrors: []string{"", hung, late}, siteError: "JavaScript dialogs (alert, confirm, prompt), each answered"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tmp := t.TempDir()
			t.Setenv("TMPDIR", tmp) // the browser's profile, for the leak check
			host := tc.name + ".test"
			out := filepath.Join(tmp, "report.json")
			stderr := &stampOn{trigger: "crawling "}
			var stdout strings.Builder
			rss := watchTreeRSS()
			start := time.Now()
			code := Run(context.Background(), []string{"scan", "--pages", "1", "--page-timeout", "4s", "--site-timeout", siteTimeout.String(),
				"--phases", "before-consent,after-accept", "--concurrency", "2", "--resolve", resolve(host),
				"--fail-on", "none", "--format", "json", "-o", out, "http://" + host + "/"}, strings.NewReader(""), &stdout, stderr)
			wall := time.Since(start)
			peak := rss()
			site := wall
			if !stderr.at.IsZero() {
				site = time.Since(stderr.at)
			}
			t.Logf("%s: wall %s, site %s (budget %s + 5s), peak of scanner + Chromium: RSS %d MiB, PSS %d MiB",
				tc.name, wall.Round(time.Millisecond), site.Round(time.Millisecond), siteTimeout, peak.RSS>>20, peak.PSS>>20)
			if site > siteTimeout+5*time.Second {
				t.Errorf("the site took %s, over --site-timeout %s + 5s", site, siteTimeout)
			}
			// The memory the tree holds is the sum of PSS: a sum of VmRSS
			// counts Chromium's shared pages (its binary, the zygote's
			// heap) once for every one of its ten or so processes, about
			// 750 MiB for an ordinary page.
			if peak.PSS > memLimit {
				t.Errorf("peak PSS of scanner + Chromium %d MiB, over %d MiB", peak.PSS>>20, memLimit>>20)
			}
			if code != ExitOK && code != ExitNotScanned {
				t.Fatalf("exit = %d; stderr:\n%s", code, stderr.buf.String())
			}
			rep, data := readReport(t, out)
			validate(t, data)
			s := rep.Sites[0]
			visits := 0
			for ph, pr := range s.Phases {
				for _, p := range pr.Pages {
					t.Logf("%s %s: error %q, load %d ms", ph, p.URL, p.Error, p.LoadMS)
					visits++
					if strings.HasPrefix(p.Error, "skipped: ") {
						continue // a phase after the one that lost the page
					}
					named := false
					for _, want := range tc.pageErrors {
						named = named || (want == "" && p.Error == "") || (want != "" && strings.Contains(p.Error, want))
					}
					if !named {
						t.Errorf("%s: page error %q, want one naming %q", ph, p.Error, tc.pageErrors)
					}
				}
			}
			if visits != 2 {
				t.Errorf("the page is listed %d times, want once in each of the 2 phases", visits)
			}
			if tc.siteError != "" && !strings.Contains(strings.Join(s.Errors, "\n"), tc.siteError) {
				t.Errorf("the site's errors do not say %q: %v", tc.siteError, s.Errors)
			}
			for _, e := range s.Errors {
				t.Logf("site error: %s", e)
			}
			noBrowserLeft(t, tmp)
		})
	}
}
