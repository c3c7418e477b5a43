package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/privacyscan/privacyscan/internal/demo"
	"github.com/privacyscan/privacyscan/reports/schema"
	"github.com/privacyscan/privacyscan/scanner/browser"
	"github.com/privacyscan/privacyscan/scanner/model"
)

// validate checks a JSON report against the published schema.
func validate(t *testing.T, data []byte) {
	t.Helper()
	if err := schema.Validate(data); err != nil {
		t.Fatalf("the report does not match reports/schema/report.schema.json: %v", err)
	}
}

func readReport(t *testing.T, path string) (*model.Report, []byte) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var r model.Report
	if err := json.Unmarshal(data, &r); err != nil {
		t.Fatal(err)
	}
	return &r, data
}

func hasRequest(p *model.PhaseResult, host string) bool {
	for _, r := range p.Requests {
		if r.Host == host {
			return true
		}
	}
	return false
}

func cookieNamed(p *model.PhaseResult, name string) *model.Cookie {
	for i, c := range p.Cookies {
		if c.Name == name {
			return &p.Cookies[i]
		}
	}
	return nil
}

// TestDemoEndToEnd runs `privacyscan demo` in-process: a real Chromium scans
// the embedded shop through --resolve routing, and the JSON report must match
// the schema and show what the shop's pages do.
func TestDemoEndToEnd(t *testing.T) {
	out := filepath.Join(t.TempDir(), "report.json")
	code, _, stderr := run(t, "demo", "--fail-on", "high", "--format", "json", "-o", out, "--quiet")
	if code != ExitFindings {
		t.Fatalf("exit = %d, want %d (findings at or above high); stderr:\n%s", code, ExitFindings, stderr)
	}
	rep, data := readReport(t, out)
	validate(t, data)
	if len(rep.Sites) != 1 {
		t.Fatalf("sites = %d", len(rep.Sites))
	}
	s := rep.Sites[0]
	if !s.Scanned || len(s.Phases) != 5 {
		t.Fatalf("scanned = %v, phases = %d; errors %v", s.Scanned, len(s.Phases), s.Errors)
	}
	// The demo's pages all load and settle: any problem recorded is a
	// scanner fault (a wait that never ended, a page that failed).
	if len(s.Errors) > 0 {
		t.Errorf("problems recorded while scanning the demo: %v", s.Errors)
	}
	before, accept, reject := s.Phases[model.PhaseBeforeConsent], s.Phases[model.PhaseAfterAccept], s.Phases[model.PhaseAfterReject]
	if !hasRequest(before, "www.facebook.com") || cookieNamed(before, "_fbp") == nil {
		t.Errorf("before-consent: the Meta Pixel and _fbp should be there")
	}
	if c := cookieNamed(before, "_ga"); c != nil {
		t.Errorf("before-consent: _ga set before consent: %+v", c)
	}
	if c := cookieNamed(accept, "_ga"); c == nil || c.LifetimeDays < 700 {
		t.Errorf("after-accept: _ga = %+v, want the two years gtag asked for", c)
	}
	if cookieNamed(reject, "_ga") != nil {
		t.Errorf("after-reject: _ga present")
	}
	if !s.Consent.BannerDetected || !s.Consent.AcceptClicked || !s.Consent.RejectClicked {
		t.Errorf("consent = %+v", s.Consent)
	}
	if s.Policy == nil || s.Policy.URL == nil || !strings.Contains(*s.Policy.URL, "privacy") {
		t.Errorf("policy = %+v", s.Policy)
	}
	if len(s.Pages) < 5 {
		t.Errorf("sampled pages = %+v", s.Pages)
	}
	rulesSeen := map[string]bool{}
	for _, f := range s.Findings {
		rulesSeen[f.Rule] = true
		if f.Fingerprint == "" || len(f.Evidence) == 0 {
			t.Errorf("finding without fingerprint or evidence: %+v", f)
		}
	}
	for _, id := range []string{"tracking-before-consent", "cookie-before-consent", "tracking-after-reject"} {
		if !rulesSeen[id] {
			t.Errorf("finding %s missing; have %v", id, rulesSeen)
		}
	}
	for _, id := range []string{"no-consent-banner", "policy-not-found"} {
		if rulesSeen[id] {
			t.Errorf("finding %s should not fire on the demo", id)
		}
	}

	// The same shop again with the first report as baseline: nothing is new,
	// so nothing counts toward the exit code; SARIF marks them unchanged.
	sarif := filepath.Join(t.TempDir(), "report.sarif")
	code, _, stderr = run(t, "demo", "--fail-on", "high", "--baseline", out, "--format", "sarif", "-o", sarif, "--quiet")
	if code != ExitOK {
		t.Fatalf("with the baseline: exit = %d, want 0; stderr:\n%s", code, stderr)
	}
	data, err := os.ReadFile(sarif)
	if err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				BaselineState string `json:"baselineState"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(data, &log); err != nil || len(log.Runs) != 1 || len(log.Runs[0].Results) == 0 {
		t.Fatalf("sarif: %v %s", err, data[:min(len(data), 200)])
	}
	unchanged := 0
	for _, r := range log.Runs[0].Results {
		if r.BaselineState == "unchanged" {
			unchanged++
		}
	}
	if unchanged != len(log.Runs[0].Results) {
		t.Errorf("only %d of %d results are in the baseline", unchanged, len(log.Runs[0].Results))
	}
}

// TestUnreachableSite: nothing can be scanned, the report says why, exit 3.
func TestUnreachableSite(t *testing.T) {
	out := filepath.Join(t.TempDir(), "report.json")
	code, _, stderr := run(t, "scan", "-q", "--resolve", "down.test=127.0.0.1:1", "--page-timeout", "5s", "--phases", "before-consent", "--format", "json", "-o", out, "https://down.test/")
	if code != ExitNotScanned {
		t.Fatalf("exit = %d, want %d; stderr:\n%s", code, ExitNotScanned, stderr)
	}
	rep, data := readReport(t, out)
	validate(t, data)
	if s := rep.Sites[0]; s.Scanned || len(s.Errors) == 0 {
		t.Errorf("site = scanned %v, errors %v", s.Scanned, s.Errors)
	}
}

// cancelOn cancels when a line containing trigger is written.
type cancelOn struct {
	mu      sync.Mutex
	buf     bytes.Buffer
	trigger string
	cancel  context.CancelFunc
}

func (c *cancelOn) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.buf.Write(p)
	if strings.Contains(c.buf.String(), c.trigger) {
		c.cancel()
	}
	return len(p), nil
}

// TestInterruptWritesReport: Ctrl-C during the phases still writes the
// report of what was gathered, atomically.
func TestInterruptWritesReport(t *testing.T) {
	out := filepath.Join(t.TempDir(), "report.json")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stderr := &cancelOn{trigger: "before-consent: page 3/", cancel: cancel}
	var stdout bytes.Buffer
	code := Run(ctx, []string{"demo", "--phases", "before-consent,dnt", "--format", "json", "-o", out, "--concurrency", "1"}, strings.NewReader(""), &stdout, stderr)
	rep, data := readReport(t, out)
	validate(t, data)
	if !rep.Interrupted {
		t.Errorf("report not marked interrupted (exit %d)", code)
	}
	// The two pages loaded before Ctrl-C are in the report with their
	// requests and cookies; the phase that had not started is not.
	p := rep.Sites[0].Phases[model.PhaseBeforeConsent]
	if p == nil || len(p.Pages) < 2 || len(p.Pages) > 3 || !hasRequest(p, "www.facebook.com") || cookieNamed(p, "_fbp") == nil {
		t.Fatalf("before-consent after Ctrl-C = %+v", p)
	}
	if q := rep.Sites[0].Phases[model.PhaseDNT]; q != nil && len(q.Pages) > 0 {
		t.Errorf("the dnt phase ran after Ctrl-C: %d pages", len(q.Pages))
	}
}

// TestRemoteBrowser: --browser-url drives a Chromium someone else started
// (a team's browser pool) instead of starting one.
func TestRemoteBrowser(t *testing.T) {
	srv, err := demo.Start()
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	path, err := browser.FindChromium()
	if err != nil {
		t.Fatal(err)
	}
	// The profile is removed after the browser's helpers have let go of it;
	// t.TempDir would fail the test when one is still writing.
	profile, err := os.MkdirTemp("", "privacyscan-remote-*")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(profile)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	cmd := exec.CommandContext(ctx, path, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
		"--ignore-certificate-errors", "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
		"--user-data-dir="+profile, "--host-resolver-rules="+strings.Join(srv.HostRulesStrict(), ","), "about:blank")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { cancel(); _ = cmd.Wait() }()
	wsURL := ""
	sc := bufio.NewScanner(stderr)
	for sc.Scan() {
		if _, after, ok := strings.Cut(sc.Text(), "DevTools listening on "); ok {
			wsURL = strings.TrimSpace(after)
			break
		}
	}
	if wsURL == "" {
		t.Fatal("the browser printed no DevTools address")
	}
	go func() { _, _ = io.Copy(io.Discard, stderr) }()

	out := filepath.Join(t.TempDir(), "report.json")
	args := []string{"scan", "-q", "--browser-url", wsURL, "--insecure", "--phases", "before-consent", "--pages", "3", "--format", "json", "-o", out}
	for _, r := range srv.Resolve() {
		args = append(args, "--resolve", r)
	}
	code, _, errOut := run(t, append(args, demo.StartURL())...)
	if code != ExitFindings {
		t.Fatalf("exit = %d; stderr:\n%s", code, errOut)
	}
	rep, data := readReport(t, out)
	validate(t, data)
	if p := rep.Sites[0].Phases[model.PhaseBeforeConsent]; p == nil || !hasRequest(p, "www.facebook.com") {
		t.Errorf("the remote browser did not load the demo's pixel")
	}
}

// TestTargetsFile: several sites from --targets, scanned side by side,
// reported in the order given; one unreachable site does not stop the others.
func TestTargetsFile(t *testing.T) {
	srv, err := demo.Start()
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	targets := writeFile(t, "sites.txt", "# two shops\nhttps://down.test/  # not running\n"+demo.StartURL()+"\n")
	out := filepath.Join(t.TempDir(), "report.json")
	args := []string{"scan", "-q", "--targets", targets, "--insecure", "--phases", "before-consent", "--pages", "2", "--page-timeout", "5s",
		"--resolve", "down.test=127.0.0.1:1", "--format", "json", "-o", out}
	for _, r := range srv.Resolve() {
		args = append(args, "--resolve", r)
	}
	code, _, stderr := run(t, args...)
	if code != ExitFindings {
		t.Fatalf("exit = %d, want %d; stderr:\n%s", code, ExitFindings, stderr)
	}
	rep, data := readReport(t, out)
	validate(t, data)
	if len(rep.Sites) != 2 || rep.Sites[0].URL != "https://down.test/" || rep.Sites[1].URL != demo.StartURL() {
		t.Fatalf("sites = %d, order %v", len(rep.Sites), []string{rep.Sites[0].URL})
	}
	if rep.Sites[0].Scanned || !rep.Sites[1].Scanned || len(rep.Sites[0].Errors) == 0 {
		t.Errorf("scanned: %v %v; errors of the first: %v", rep.Sites[0].Scanned, rep.Sites[1].Scanned, rep.Sites[0].Errors)
	}
}
