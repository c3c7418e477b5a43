package cli

import (
	"bufio"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestHostileSignalTimes measures, for every hostile page, the time from
// SIGINT and from SIGTERM (sent while the page is being visited) to the
// report on disk, on the built binary: under three seconds, the report
// marked interrupted, no Chromium left. It runs twelve scans, so it is a measurement run by hand
// (MEASURE_HOSTILE_SIGNALS=1), not part of every test run; the spinning
// page's case is in TestSignalWritesReport.
func TestHostileSignalTimes(t *testing.T) {
	if os.Getenv("MEASURE_HOSTILE_SIGNALS") == "" {
		t.Skip("a measurement: set MEASURE_HOSTILE_SIGNALS=1 to run it")
	}
	bin := buildBinary(t, t.TempDir())
	resolve := hostilePageServer(t)
	var names []string
	for n := range hostilePages {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
			t.Run(name+"/"+sig.String(), func(t *testing.T) {
				tmp := t.TempDir()
				host := name + ".test"
				out := filepath.Join(tmp, "report.json")
				cmd := exec.Command(bin, "scan", "--pages", "1", "--page-timeout", "4s", "--phases", "before-consent,after-accept",
					"--concurrency", "2", "--resolve", resolve(host), "--fail-on", "none", "--format", "json", "-o", out, "http://"+host+"/")
				cmd.Env = append(os.Environ(), "TMPDIR="+tmp, "XDG_CACHE_HOME="+tmp)
				stderr, err := cmd.StderrPipe()
				if err != nil {
					t.Fatal(err)
				}
				if err := cmd.Start(); err != nil {
					t.Fatal(err)
				}
				defer cmd.Process.Kill()
				// Signal while the hostile page is being visited.
				sc := bufio.NewScanner(stderr)
				for sc.Scan() && !strings.Contains(sc.Text(), ": page 1/1 ") {
				}
				go func() {
					for sc.Scan() {
					}
				}()
				sent := time.Now()
				if err := cmd.Process.Signal(sig); err != nil {
					t.Fatal(err)
				}
				// The report is written atomically (a rename): it is on
				// disk when it exists. The browser is closed after it.
				written := make(chan time.Duration, 1)
				go func() {
					for time.Since(sent) < 10*time.Second {
						if _, err := os.Stat(out); err == nil {
							written <- time.Since(sent)
							return
						}
						time.Sleep(10 * time.Millisecond)
					}
				}()
				done := make(chan error, 1)
				go func() { done <- cmd.Wait() }()
				var werr error
				select {
				case werr = <-done:
				case <-time.After(10 * time.Second):
					t.Fatalf("still running 10s after %s", sig)
				}
				exited := time.Since(sent)
				var onDisk time.Duration
				select {
				case onDisk = <-written:
				case <-time.After(time.Second):
					t.Fatalf("no report at %s", out)
				}
				t.Logf("%s, %s: report on disk %s, exit %s after the signal", name, sig, onDisk.Round(time.Millisecond), exited.Round(time.Millisecond))
				if onDisk > 3*time.Second {
					t.Errorf("the report took %s after %s, want under 3s", onDisk, sig)
				}
				// The site's one page is the hostile one: interrupted with
				// nothing scanned is exit 3, as documented.
				var ee *exec.ExitError
				if !errors.As(werr, &ee) || (ee.ExitCode() != ExitInterrupted && ee.ExitCode() != ExitNotScanned) {
					t.Errorf("exit = %v, want %d or %d", werr, ExitInterrupted, ExitNotScanned)
				}
				rep, data := readReport(t, out)
				validate(t, data)
				if !rep.Interrupted {
					t.Errorf("the report is not marked interrupted")
				}
				noBrowserLeft(t, tmp)
			})
		}
	}
}
