package cli

import (
	"bytes"
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/spf13/pflag"

	"github.com/privacyscan/privacyscan/scanner/kb"
	"github.com/privacyscan/privacyscan/scanner/model"
)

// closedPort returns a loopback port nothing listens on: it was bound and
// released, so a connection to it is refused at once.
func closedPort(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := strconv.Itoa(l.Addr().(*net.TCPAddr).Port)
	l.Close()
	return port
}

// onText runs do once, the first time the text written to it contains
// trigger: a change of the world after the flags were validated.
type onText struct {
	mu      sync.Mutex
	buf     bytes.Buffer
	trigger string
	do      func()
}

func (o *onText) Write(p []byte) (int, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.buf.Write(p)
	if o.do != nil && o.trigger != "" && strings.Contains(o.buf.String(), o.trigger) {
		o.do()
		o.do = nil
	}
	return len(p), nil
}

// customVendor is a vendor the embedded knowledge base does not know, for
// the demo shop's own script.
const customVendor = `vendors:
- id: acme-insights
  name: Acme Insights
  company: Acme Insights GmbH
  country: DE
  category: analytics
  paths:
    - {match: "/assets/shop.js"}
`

// TestExitCodes runs the CLI in-process and checks every documented exit
// code, each for the failures that should produce it.
func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	policyFile := writeFile(t, "policy.txt", "Privacy policy. We do not sell your personal data.")
	badVendors := writeFile(t, "vendors.yaml", "vendors:\n- id: Not A Slug\n  name: X\n")
	failing := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "down for maintenance", http.StatusInternalServerError)
	}))
	defer failing.Close()
	closed := "127.0.0.1:" + closedPort(t)
	// The report's directory vanishes once the scan has started: the flags
	// were fine, writing the report is what fails.
	vanishing := filepath.Join(dir, "vanishing")
	if err := os.Mkdir(vanishing, 0o755); err != nil {
		t.Fatal(err)
	}
	unreachable := []string{"--resolve", "down.test=" + closed, "--page-timeout", "5s", "--phases", "before-consent", "--format", "json"}
	// The demo without --fail-on exits 0: TestVendorDBInDemo.
	quickDemo := []string{"demo", "-q", "--phases", "before-consent", "--pages", "1", "--format", "json", "-o", filepath.Join(dir, "demo.json")}

	cases := []struct {
		Name string
		Args []string
		Exit int
		Want string // in stderr
		// On and Do: Do runs when stderr first shows On.
		On string
		Do func()
	}{
		{Name: "rules listed", Args: []string{"rules", "-o", filepath.Join(dir, "rules.txt")}, Exit: ExitOK},
		{Name: "policy analysed", Args: []string{"policy", policyFile}, Exit: ExitOK},
		{Name: "demo gated on high", Args: append(append([]string{}, quickDemo...), "--fail-on", "high"), Exit: ExitFindings},

		{Name: "bad flag", Args: []string{"scan", "--fast", "https://a.test"}, Exit: ExitUsage, Want: "unknown flag"},
		{Name: "bad url", Args: []string{"scan", "ftp://a.test"}, Exit: ExitUsage, Want: `scheme "ftp"`},
		{Name: "bad lang", Args: []string{"scan", "--lang", "en US", "https://a.test"}, Exit: ExitUsage, Want: "--lang"},
		{Name: "journey and no journey", Args: []string{"scan", "--journey", "--no-journey", "https://a.test"}, Exit: ExitUsage, Want: "--journey and --no-journey exclude each other"},
		{Name: "cache and no cache", Args: []string{"scan", "--no-cache", "--cache-dir", dir, "https://a.test"}, Exit: ExitUsage, Want: "exclude each other"},
		{Name: "scan loads --vendor-db", Args: []string{"scan", "-q", "--vendor-db", badVendors, "https://a.test"}, Exit: ExitUsage, Want: badVendors},
		{Name: "demo loads --vendor-db", Args: []string{"demo", "-q", "--vendor-db", badVendors}, Exit: ExitUsage, Want: badVendors},
		{Name: "demo takes no targets", Args: []string{"demo", "--targets", policyFile}, Exit: ExitUsage, Want: "--targets"},
		{Name: "demo serves its hosts", Args: []string{"demo", "-q", "--resolve", "shop.test=10.0.0.1"}, Exit: ExitUsage, Want: "serves shop.test itself"},
		{Name: "output is a directory", Args: []string{"scan", "-o", dir, "https://a.test"}, Exit: ExitUsage, Want: "is a directory"},
		{Name: "policy output unwritable", Args: []string{"policy", "-o", "/nonexistent/dir/p.txt", policyFile}, Exit: ExitUsage, Want: "/nonexistent/dir/p.txt"},
		{Name: "policy file is a directory", Args: []string{"policy", dir}, Exit: ExitUsage, Want: "directory"},
		{Name: "db update cache unusable", Args: []string{"db", "update", "--cache-dir", "/proc/x"}, Exit: ExitUsage, Want: "--cache-dir"},

		{Name: "nothing scanned", Args: append([]string{"scan", "-q", "--pages", "1", "-o", filepath.Join(dir, "down.json")}, append(unreachable, "https://down.test/")...), Exit: ExitNotScanned},

		{Name: "browser will not start", Args: []string{"scan", "-q", "--browser-url", "ws://" + closed + "/devtools/browser/x", "https://a.test"}, Exit: ExitRuntime, Want: "starting the browser"},
		// Its own browser starts while the crawl runs: one that cannot
		// start still ends the scan with exit 4, and no report.
		{Name: "own browser will not start", Args: []string{"scan", "-q", "--chrome-path", failingChrome(t), "--resolve", "down.test=" + closed, "--pages", "1", "https://down.test/"}, Exit: ExitRuntime, Want: "starting the browser: chrome failed to start"},
		{Name: "report cannot be written", Args: append([]string{"scan", "-o", filepath.Join(vanishing, "r.json")}, append(unreachable, "https://down.test/")...),
			Exit: ExitRuntime, Want: "saved to", On: "starting the browser", Do: func() { os.RemoveAll(vanishing) }},
		{Name: "policy url unreachable", Args: []string{"policy", "--timeout", "5s", "http://" + closed + "/privacy"}, Exit: ExitRuntime, Want: "fetching policy"},
		{Name: "db update server error", Args: []string{"db", "update", "--cache-dir", filepath.Join(dir, "cache1"), "--open-cookie-database-url", failing.URL + "/ocd.csv", "--easyprivacy-url", failing.URL + "/ep.txt"}, Exit: ExitRuntime, Want: "db update"},
		{Name: "db update without network", Args: []string{"db", "update", "--cache-dir", filepath.Join(dir, "cache2"), "--timeout", "5s", "--open-cookie-database-url", "http://" + closed + "/ocd.csv", "--easyprivacy-url", "http://" + closed + "/ep.txt"}, Exit: ExitRuntime, Want: "db update"},
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			stderr := &onText{trigger: c.On, do: c.Do}
			var stdout bytes.Buffer
			code := Run(context.Background(), c.Args, strings.NewReader(""), &stdout, stderr)
			errOut := stderr.buf.String()
			if code != c.Exit {
				t.Fatalf("exit = %d, want %d; stderr:\n%s", code, c.Exit, errOut)
			}
			if !strings.Contains(errOut, c.Want) {
				t.Errorf("stderr lacks %q:\n%s", c.Want, errOut)
			}
			// The fallback's copy of the report is real: check it, remove it.
			if m := regexp.MustCompile(`saved to (\S+) instead`).FindStringSubmatch(errOut); m != nil {
				rep, data := readReport(t, m[1])
				validate(t, data)
				if len(rep.Sites) != 1 {
					t.Errorf("the saved report has %d sites", len(rep.Sites))
				}
				os.Remove(m[1])
			}
		})
	}
}

// TestKBFlagsReachScan: the knowledge-base flags that db takes become the
// scan's kb.LoadOptions, unchanged.
func TestKBFlagsReachScan(t *testing.T) {
	vendors := writeFile(t, "vendors.yaml", customVendor)
	cache := t.TempDir()
	fs := pflag.NewFlagSet("scan", pflag.ContinueOnError)
	flags := newScanFlagSet(fs)
	args := []string{"--vendor-db", vendors, "--cache-dir", cache, "--cookie-db", "c.csv", "--tracker-db", "t.json", "--filter-list", "f.txt", "https://a.test"}
	if err := fs.Parse(args); err != nil {
		t.Fatal(err)
	}
	o, err := flags.options(&Env{Stdout: &bytes.Buffer{}}, fs.Args())
	if err != nil {
		t.Fatal(err)
	}
	want := kb.LoadOptions{VendorDBs: []string{vendors}, CacheDir: cache, CookieDBs: []string{"c.csv"}, TrackerDBs: []string{"t.json"}, FilterLists: []string{"f.txt"}}
	got := o.KB
	if strings.Join(got.VendorDBs, ",") != strings.Join(want.VendorDBs, ",") || got.CacheDir != want.CacheDir || got.NoCache ||
		strings.Join(got.CookieDBs, ",") != "c.csv" || strings.Join(got.TrackerDBs, ",") != "t.json" || strings.Join(got.FilterLists, ",") != "f.txt" {
		t.Errorf("kb options = %+v, want %+v", got, want)
	}
}

// TestVendorDBInDemo: a vendor from --vendor-db attributes the demo shop's
// own script in a real scan's report.
func TestVendorDBInDemo(t *testing.T) {
	vendors := writeFile(t, "vendors.yaml", customVendor)
	out := filepath.Join(t.TempDir(), "report.json")
	code, _, stderr := run(t, "demo", "-q", "--no-cache", "--vendor-db", vendors, "--phases", "before-consent", "--pages", "1", "--format", "json", "-o", out)
	if code != ExitOK {
		t.Fatalf("exit = %d; stderr:\n%s", code, stderr)
	}
	rep, _ := readReport(t, out)
	p := rep.Sites[0].Phases[model.PhaseBeforeConsent]
	if p == nil {
		t.Fatal("no before-consent phase")
	}
	for _, r := range p.Requests {
		if strings.HasSuffix(r.URL, "/assets/shop.js") {
			if r.VendorID != "acme-insights" || r.Vendor != "Acme Insights" {
				t.Errorf("shop.js attributed to %q (%q), want acme-insights", r.VendorID, r.Vendor)
			}
			return
		}
	}
	t.Errorf("no request for /assets/shop.js among %d", len(p.Requests))
}

// TestHelpListsExitCodes: every command's --help documents its exit codes,
// runtime failures (4) included.
func TestHelpListsExitCodes(t *testing.T) {
	for _, args := range [][]string{{"scan", "--help"}, {"demo", "--help"}, {"policy", "--help"}, {"rules", "--help"}, {"db", "--help"}, {"db", "update", "--help"}} {
		code, stdout, stderr := run(t, args...)
		help := stdout + stderr
		if code != ExitOK || !strings.Contains(help, "Exit codes") || !regexp.MustCompile(`\b2\s+usage`).MatchString(help) || !regexp.MustCompile(`\b4\s`).MatchString(help) {
			t.Errorf("%v: exit %d, help:\n%s", args, code, help)
		}
	}
}

// failingChrome is a "browser" that exits at once with an error.
func failingChrome(t *testing.T) string {
	p := filepath.Join(t.TempDir(), "chromium")
	if err := os.WriteFile(p, []byte("#!/bin/sh\necho 'no display' >&2\nexit 1\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}
