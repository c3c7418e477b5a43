package browser

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// Server is a Chromium started with remote debugging on loopback, for
// other processes to attach to (privacyscan scan --browser-url): a local
// browser pool for tests and benchmarks, started with the same switches as
// a browser Launch starts.
type Server struct {
	// URL is the browser's DevTools websocket address,
	// ws://127.0.0.1:PORT/devtools/browser/ID.
	URL     string
	cmd     *exec.Cmd
	profile string
	done    chan struct{}
}

// chromedpDefaults are the switches chromedp's DefaultExecAllocatorOptions
// set, which Launch gets from chromedp and Serve must spell out; the
// project's own (Options.flags) come after them and win.
var chromedpDefaults = []flag{
	{"headless", true}, {"no-first-run", true}, {"no-default-browser-check", true},
	{"disable-background-networking", true}, {"enable-features", "NetworkService,NetworkServiceInProcess"},
	{"disable-background-timer-throttling", true}, {"disable-backgrounding-occluded-windows", true},
	{"disable-breakpad", true}, {"disable-client-side-phishing-detection", true}, {"disable-default-apps", true},
	{"disable-dev-shm-usage", true}, {"disable-extensions", true}, {"disable-hang-monitor", true},
	{"disable-ipc-flooding-protection", true}, {"disable-popup-blocking", true}, {"disable-prompt-on-repost", true},
	{"disable-renderer-backgrounding", true}, {"force-color-profile", "srgb"}, {"metrics-recording-only", true},
	{"safebrowsing-disable-auto-update", true}, {"password-store", "basic"}, {"use-mock-keychain", true},
}

// args renders switches as a command line; a later switch of the same
// name replaces an earlier one, false drops it.
func args(fs []flag) []string {
	last := map[string]int{}
	for i, f := range fs {
		last[f.name] = i
	}
	var out []string
	for i, f := range fs {
		if last[f.name] != i {
			continue
		}
		switch v := f.value.(type) {
		case bool:
			if v {
				out = append(out, "--"+f.name)
			}
		default:
			out = append(out, fmt.Sprintf("--%s=%v", f.name, v))
		}
	}
	return out
}

// Serve starts Chromium listening for DevTools on 127.0.0.1 at a port the
// system picks (--remote-debugging-port=0; the port is read from the
// profile's DevToolsActivePort) and returns once it listens. Close ends it;
// Kill ends it abruptly, as a crash or a lost machine would.
func Serve(ctx context.Context, opts Options) (*Server, error) {
	opts = opts.withDefaults()
	path := opts.ExecPath
	if path == "" {
		p, err := FindChromium()
		if err != nil {
			return nil, err
		}
		path = p
	}
	dir, err := newProfile(opts)
	if err != nil {
		return nil, err
	}
	fs := append(append([]flag{}, chromedpDefaults...), opts.flags(dir)...)
	fs = append(fs, flag{"remote-debugging-address", "127.0.0.1"}, flag{"remote-debugging-port", 0})
	cmd := exec.Command(path, append(args(fs), "about:blank")...)
	cmd.SysProcAttr = serverProcAttr()
	if opts.Stderr != nil {
		cmd.Stdout, cmd.Stderr = opts.Stderr, opts.Stderr
	}
	if err := cmd.Start(); err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("starting the browser: %w", err)
	}
	s := &Server{cmd: cmd, profile: dir, done: make(chan struct{})}
	go func() { _ = cmd.Wait(); close(s.done) }()
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	limit := time.After(30 * time.Second)
	for {
		if u, ok := devToolsURL(dir); ok {
			s.URL = u
			return s, nil
		}
		select {
		case <-tick.C:
		case <-s.done:
			s.Close()
			return nil, errors.New("starting the browser: it exited before listening")
		case <-limit:
			s.Close()
			return nil, errors.New("starting the browser: no DevToolsActivePort after 30s")
		case <-ctx.Done():
			s.Close()
			return nil, ctx.Err()
		}
	}
}

// devToolsURL reads the port and path Chromium writes to DevToolsActivePort
// once it listens.
func devToolsURL(profile string) (string, bool) {
	f, err := os.Open(filepath.Join(profile, "DevToolsActivePort"))
	if err != nil {
		return "", false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	var lines []string
	for sc.Scan() {
		lines = append(lines, strings.TrimSpace(sc.Text()))
	}
	if len(lines) < 2 || lines[0] == "" || !strings.HasPrefix(lines[1], "/devtools/browser/") {
		return "", false // not yet written in full
	}
	return "ws://127.0.0.1:" + lines[0] + lines[1], true
}

// Pid is the browser's process id.
func (s *Server) Pid() int { return s.cmd.Process.Pid }

// Kill ends the browser and its children at once (SIGKILL to its process
// group) and waits for it.
func (s *Server) Kill() {
	killGroup(s.cmd.Process)
	<-s.done
}

// Close ends the browser and removes its profile.
func (s *Server) Close() {
	select {
	case <-s.done:
	default:
		killGroup(s.cmd.Process)
		<-s.done
	}
	os.RemoveAll(s.profile)
}
