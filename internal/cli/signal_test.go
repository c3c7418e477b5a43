package cli

import (
	"bufio"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// buildBinary builds privacyscan into dir: signals are the process's, so
// they are tested on the real binary.
func buildBinary(t *testing.T, dir string) string {
	t.Helper()
	bin := filepath.Join(dir, "privacyscan")
	gobin := filepath.Join(runtime.GOROOT(), "bin", "go")
	// TestMain points XDG_CACHE_HOME at a temporary directory, which would
	// send go build to a cold cache: ask for the usual one.
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "XDG_CACHE_HOME=") {
			env = append(env, kv)
		}
	}
	if os.Getenv("GOCACHE") == "" {
		q := exec.Command(gobin, "env", "GOCACHE")
		q.Env = env
		if b, err := q.Output(); err == nil {
			env = append(env, "GOCACHE="+strings.TrimSpace(string(b)))
		}
	}
	cmd := exec.Command(gobin, "build", "-o", bin, "../../cmd/privacyscan")
	cmd.Env = env
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// TestSignalWritesReport: SIGTERM or SIGINT during a scan stops it, and the
// report of what was gathered is on disk within three seconds, marked
// interrupted, listing every site (those never started with the reason);
// the exit code is ExitInterrupted. A second signal exits at once. No
// Chromium process outlives the run.
func TestSignalWritesReport(t *testing.T) {
	bin := buildBinary(t, t.TempDir())
	tests := []struct {
		name    string
		signals []syscall.Signal
	}{
		{"SIGTERM", []syscall.Signal{syscall.SIGTERM}},
		{"SIGINT", []syscall.Signal{syscall.SIGINT}},
		{"second signal", []syscall.Signal{syscall.SIGTERM, syscall.SIGTERM}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tmp := t.TempDir()
			_, resolve := hostileShop(t)
			port := strings.TrimPrefix(resolve, "spin.test=")
			out := filepath.Join(tmp, "report.json")
			// Five sites: four start side by side, the fifth waits for a
			// slot and is never started.
			args := []string{"scan", "--pages", "3", "--page-timeout", "5s", "--concurrency", "1", "--format", "json", "-o", out}
			var urls []string
			for _, h := range []string{"spin.test", "a.test", "b.test", "c.test", "d.test"} {
				args = append(args, "--resolve", h+"="+port)
				urls = append(urls, "http://"+h+"/")
			}
			cmd := exec.Command(bin, append(args, urls...)...)
			cmd.Env = append(os.Environ(), "TMPDIR="+tmp, "XDG_CACHE_HOME="+tmp)
			stderr, err := cmd.StderrPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			defer cmd.Process.Kill()
			// Signal once a page has been visited in some phase.
			sc := bufio.NewScanner(stderr)
			var log strings.Builder
			for sc.Scan() {
				log.WriteString(sc.Text() + "\n")
				if strings.Contains(sc.Text(), ": page 2/") {
					break
				}
			}
			go func() {
				for sc.Scan() {
				}
			}()
			sent := time.Now()
			for i, sig := range tc.signals {
				if i > 0 {
					time.Sleep(50 * time.Millisecond) // the first must be handled first
				}
				if err := cmd.Process.Signal(sig); err != nil {
					t.Fatal(err)
				}
			}
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			var werr error
			select {
			case werr = <-done:
			case <-time.After(10 * time.Second):
				t.Fatalf("still running 10s after the signal; stderr so far:\n%s", log.String())
			}
			elapsed := time.Since(sent)
			noBrowserLeft(t, tmp)
			if len(tc.signals) > 1 {
				t.Logf("%s: exited %s after the first signal (%v)", tc.name, elapsed.Round(time.Millisecond), werr)
				var ee *exec.ExitError
				if !errors.As(werr, &ee) || ee.ExitCode() != -1 || elapsed > 3*time.Second {
					t.Errorf("a second signal: %v after %s, want killed by the signal at once", werr, elapsed)
				}
				return
			}
			t.Logf("%s: report on disk and exit %s after the signal", tc.name, elapsed.Round(time.Millisecond))
			if elapsed > 3*time.Second {
				t.Errorf("the report took %s after %s, want under 3s", elapsed, tc.name)
			}
			var ee *exec.ExitError
			if !errors.As(werr, &ee) || ee.ExitCode() != ExitInterrupted {
				t.Errorf("exit = %v, want %d", werr, ExitInterrupted)
			}
			rep, data := readReport(t, out)
			validate(t, data)
			if !rep.Interrupted || len(rep.Sites) != len(urls) {
				t.Fatalf("interrupted %v, %d sites, want %d", rep.Interrupted, len(rep.Sites), len(urls))
			}
			notStarted := 0
			for i, s := range rep.Sites {
				if s.URL != urls[i] {
					t.Errorf("site %d is %s, want %s", i, s.URL, urls[i])
				}
				if strings.Contains(strings.Join(s.Errors, " "), "not scanned: the scan was interrupted") {
					notStarted++
				}
			}
			if notStarted != 1 {
				t.Errorf("%d sites listed as never started, want 1", notStarted)
			}
		})
	}
}
