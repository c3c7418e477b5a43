package cli

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/privacyscan/privacyscan/scanner"
	"github.com/privacyscan/privacyscan/scanner/model"
)

// hostileShop serves a small shop on loopback whose /spin page runs an
// inline script that never ends: the renderer of the tab that loads it
// stops answering. Every answer is a few hundred bytes.
func hostileShop(t *testing.T) (host string, resolve string) {
	t.Helper()
	page := func(title, body string) string {
		return "<!doctype html><html lang=en><head><title>" + title + "</title></head><body>" + body + "</body></html>"
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" {
			http.NotFound(w, r)
			return
		}
		fmt.Fprint(w, page("Shop", `<h1>Shop</h1><a href="/spin">Offers</a> <a href="/about">About us</a>`))
	})
	mux.HandleFunc("/about", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, page("About", `<h1>About us</h1><a href="/">Home</a>`))
	})
	mux.HandleFunc("/spin", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, page("Offers", `<h1>Offers</h1><script>for(;;){}</script>`))
	})
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "User-agent: *\nAllow: /\n") })
	srv := httptest.NewServer(mux) // 127.0.0.1 only
	t.Cleanup(srv.Close)
	_, port, _ := net.SplitHostPort(srv.Listener.Addr().String())
	return "spin.test", "spin.test=127.0.0.1:" + port
}

// profileProcesses lists the live processes whose command line names dir:
// every Chromium process of a browser whose profile is under dir.
func profileProcesses(dir string) []string {
	procs, _ := filepath.Glob("/proc/[0-9]*/cmdline")
	var out []string
	for _, p := range procs {
		b, err := os.ReadFile(p)
		if err != nil || !strings.Contains(string(b), dir) {
			continue
		}
		stat, _ := os.ReadFile(strings.TrimSuffix(p, "cmdline") + "stat")
		if f := strings.Fields(string(stat)); len(f) > 2 && strings.Contains(string(stat), ") Z ") {
			continue // a zombie is dead
		}
		out = append(out, filepath.Base(filepath.Dir(p)))
	}
	return out
}

// noBrowserLeft fails when a Chromium process with its profile under dir
// outlives the scan by more than a few seconds (its helpers need a moment).
func noBrowserLeft(t *testing.T, dir string) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		left := profileProcesses(dir)
		if len(left) == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Errorf("Chromium processes outlive the scan: pids %v", left)
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// TestHostileSpinPage: a page whose inline script spins the CPU forever,
// among normal pages. The scan ends within --site-timeout plus five seconds,
// the hung page is abandoned once and skipped by the other phases, the
// normal pages are scanned, and no Chromium process outlives the scan.
func TestHostileSpinPage(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp) // the browser's profile, for the leak check
	host, resolve := hostileShop(t)
	out := filepath.Join(tmp, "report.json")
	budget := scanner.DefaultSiteTimeout(3, 5*time.Second)
	start := time.Now()
	code, _, stderr := run(t, "scan", "-q", "--pages", "3", "--page-timeout", "5s", "--resolve", resolve,
		"--fail-on", "none", "--format", "json", "-o", out, "http://"+host+"/")
	wall := time.Since(start)
	t.Logf("spin page: wall %s, budget %s (--site-timeout default) + 5s", wall.Round(time.Millisecond), budget)
	if wall > budget+5*time.Second {
		t.Errorf("the scan took %s, over its budget %s + 5s", wall, budget)
	}
	if code != ExitOK {
		t.Fatalf("exit = %d; stderr:\n%s", code, stderr)
	}
	rep, data := readReport(t, out)
	validate(t, data)
	s := rep.Sites[0]
	if !s.Scanned {
		t.Fatalf("site not scanned: %v", s.Errors)
	}
	hung, skipped, fine := 0, 0, 0
	spin := "http://" + host + "/spin"
	for ph, pr := range s.Phases {
		for _, p := range pr.Pages {
			switch {
			case p.URL == spin && strings.Contains(p.Error, "hung the renderer"):
				hung++
			case p.URL == spin && strings.HasPrefix(p.Error, "skipped: "):
				skipped++
			case p.URL != spin && p.Error == "":
				fine++
			case p.URL == spin:
				t.Errorf("%s: the spinning page has error %q", ph, p.Error)
			}
		}
	}
	t.Logf("spin page: hung in %d phases, skipped in %d; %d normal page visits fine", hung, skipped, fine)
	if hung < 1 || hung+skipped != len(model.AllPhases) {
		t.Errorf("the spinning page: hung in %d phases, skipped in %d, want %d in all", hung, skipped, len(model.AllPhases))
	}
	// Every normal page in every phase, in a fresh tab after the hung one.
	if fine < 2*len(model.AllPhases) {
		t.Errorf("normal pages scanned fine %d times, want %d; errors %v", fine, 2*len(model.AllPhases), s.Errors)
	}
	noBrowserLeft(t, tmp)
}

// TestHostileSiteTimeout: --site-timeout stops a site as Ctrl-C would; the
// report keeps what was gathered and the site's errors say so.
func TestHostileSiteTimeout(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	host, resolve := hostileShop(t)
	out := filepath.Join(tmp, "report.json")
	start := time.Now()
	// The budget is the site's: it starts when the site does, after the
	// browser is up (which a loaded machine can take seconds over).
	stderr := &stampOn{trigger: "crawling "}
	var stdout strings.Builder
	code := Run(context.Background(), []string{"scan", "--pages", "3", "--page-timeout", "5s", "--site-timeout", "8s", "--concurrency", "1",
		"--resolve", resolve, "--fail-on", "none", "--format", "json", "-o", out, "http://" + host + "/"}, strings.NewReader(""), &stdout, stderr)
	wall := time.Since(start)
	site := time.Since(stderr.at)
	t.Logf("site timeout: wall %s, of which the site %s; budget 8s + 5s", wall.Round(time.Millisecond), site.Round(time.Millisecond))
	if stderr.at.IsZero() || site > 13*time.Second {
		t.Errorf("the site took %s, over --site-timeout 8s + 5s", site)
	}
	rep, data := readReport(t, out)
	validate(t, data)
	if code != ExitOK && code != ExitNotScanned {
		t.Fatalf("exit = %d; stderr:\n%s", code, stderr.buf.String())
	}
	if !strings.Contains(strings.Join(rep.Sites[0].Errors, "\n"), "time budget (--site-timeout 8s) ran out") {
		t.Errorf("the site's errors do not name the budget: %v", rep.Sites[0].Errors)
	}
	if rep.Interrupted {
		t.Errorf("a site's budget is not an interrupted scan")
	}
	noBrowserLeft(t, tmp)
}

// stampOn records when a line containing trigger was first written.
type stampOn struct {
	mu      sync.Mutex
	buf     bytes.Buffer
	trigger string
	at      time.Time
}

func (s *stampOn) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.buf.Write(p)
	if s.at.IsZero() && strings.Contains(s.buf.String(), s.trigger) {
		s.at = time.Now()
	}
	return len(p), nil
}
