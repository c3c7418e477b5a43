// Package golden compares test output with golden files in testdata, and
// rewrites them when the tests run with -update.
//
// The -update flag is registered here, once, so that every test binary that
// imports this package accepts it and no two packages describe it
// differently. Rewrite one package's golden files with
//
//	go test ./reports -update
//
// and all of them with go test ./... -update: every package with tests
// imports this package (those without golden files through a blank import),
// because a test binary that does not define -update rejects it. Review the
// diff (git diff testdata) before committing rewritten files: -update
// records whatever the code emits, right or wrong.
package golden

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/privacyscan/privacyscan/internal/atomicfile"
)

// update is the one -update flag of the module's tests.
var update = flag.Bool("update", false, "rewrite golden files in testdata with the tests' output instead of comparing (review the diff)")

// Updating reports whether the tests run with -update, for the rare test
// that must do more than Assert when rewriting (say, remove stale files).
func Updating() bool { return *update }

// Option changes how Assert treats the output; the normalisers among them
// replace what changes from run to run (ports, temporary directories,
// clocks) with stable placeholders before the output is compared or
// written, so golden files hold the placeholders.
type Option func(*options)

type options struct {
	normalize []func([]byte) []byte
}

// Normalize applies f to the output before it is compared or written.
// Normalisers run in the order given.
func Normalize(f func([]byte) []byte) Option {
	return func(o *options) { o.normalize = append(o.normalize, f) }
}

// Replace replaces every match of re with repl (which may use $1 and the
// like, as in regexp.ReplaceAll).
func Replace(re *regexp.Regexp, repl string) Option {
	r := []byte(repl)
	return Normalize(func(b []byte) []byte { return re.ReplaceAll(b, r) })
}

// ReplaceString replaces every occurrence of old with repl; an empty old
// does nothing (rather than inserting repl between every byte).
func ReplaceString(old, repl string) Option {
	return Normalize(func(b []byte) []byte {
		if old == "" {
			return b
		}
		return bytes.ReplaceAll(b, []byte(old), []byte(repl))
	})
}

// serverRE matches the loopback addresses of test servers (httptest and the
// fixture server listen on a random port).
var serverRE = regexp.MustCompile(`(?:127\.0\.0\.1|\[::1\]|localhost):[0-9]+`)

// Server replaces loopback host:port pairs such as 127.0.0.1:43127 with
// <server>.
func Server() Option { return Replace(serverRE, "<server>") }

// TempDir replaces the directory dir (typically t.TempDir()) with <tmp>,
// also as the symlink-free path (macOS puts temporary directories under a
// symlink) and with forward slashes (as in file: URLs on Windows).
func TempDir(dir string) Option {
	return Normalize(func(b []byte) []byte {
		if dir == "" {
			return b
		}
		forms := []string{dir}
		if real, err := filepath.EvalSymlinks(dir); err == nil && real != dir {
			forms = append(forms, real)
		}
		if s := filepath.ToSlash(dir); s != dir {
			forms = append(forms, s)
		}
		// Longest first, so that a form containing another is replaced whole.
		for i := range forms {
			for j := i + 1; j < len(forms); j++ {
				if len(forms[j]) > len(forms[i]) {
					forms[i], forms[j] = forms[j], forms[i]
				}
			}
		}
		for _, f := range forms {
			b = bytes.ReplaceAll(b, []byte(f), []byte("<tmp>"))
		}
		return b
	})
}

// timeRE matches RFC 3339 timestamps, with or without fractional seconds
// and with Z or a numeric offset.
var timeRE = regexp.MustCompile(`[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?(?:Z|[+-][0-9]{2}:[0-9]{2})`)

// Timestamps replaces RFC 3339 timestamps (2026-03-01T12:00:00Z,
// 2026-03-01T12:00:00.123+01:00) with <time>. Tests with an injected clock
// need not use it; it is for output stamped with the wall clock.
func Timestamps() Option { return Replace(timeRE, "<time>") }

// Assert compares got, normalised by opts, with the golden file at path
// (relative to the package directory, normally under testdata), and fails t
// with the first differing lines when they differ. With -update it writes
// the normalised output to path instead, atomically and creating missing
// directories, and does not fail.
func Assert(t testing.TB, path string, got []byte, opts ...Option) {
	t.Helper()
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	for _, f := range o.normalize {
		got = f(got)
	}
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatalf("golden: %v", err)
			return
		}
		if err := atomicfile.WriteBytes(path, got); err != nil {
			t.Fatalf("golden: %v", err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("golden: %v (run go test -update in the package directory to create it)", err)
		return
	}
	if !bytes.Equal(want, got) {
		t.Errorf("output differs from golden file %s (if the change is intended, run go test -update and review the diff):\n%s", path, Diff(want, got))
	}
}

// AssertJSON marshals v as indented JSON (two spaces, a final newline, the
// layout of the module's JSON golden files) and compares it with path as
// Assert does.
func AssertJSON(t testing.TB, path string, v any, opts ...Option) {
	t.Helper()
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatalf("golden: marshalling %s: %v", path, err)
		return
	}
	Assert(t, path, append(b, '\n'), opts...)
}

// diffContext is how many equal lines Diff shows before the change, and
// diffMax how many lines of each side it shows at most.
const (
	diffContext = 2
	diffMax     = 10
)

// Diff describes how got differs from want: the line number of the first
// difference, a few equal lines before it, and the differing block of each
// side (want prefixed "-", got "+"), bounded so that a rewritten file does
// not flood the test log. It returns "" when they are equal.
func Diff(want, got []byte) string {
	if bytes.Equal(want, got) {
		return ""
	}
	w, g := splitLines(want), splitLines(got)
	// The changed block lies between the common prefix and common suffix.
	pre := 0
	for pre < len(w) && pre < len(g) && w[pre] == g[pre] {
		pre++
	}
	suf := 0
	for suf < len(w)-pre && suf < len(g)-pre && w[len(w)-1-suf] == g[len(g)-1-suf] {
		suf++
	}
	var b strings.Builder
	fmt.Fprintf(&b, "first difference at line %d (want %d lines, got %d):\n", pre+1, lineCount(want), lineCount(got))
	for i := max(0, pre-diffContext); i < pre; i++ {
		fmt.Fprintf(&b, "  %s", showLine(w[i]))
	}
	block := func(sign string, lines []string) {
		for i, l := range lines {
			if i == diffMax {
				fmt.Fprintf(&b, "%s … %d more lines\n", sign, len(lines)-diffMax)
				break
			}
			fmt.Fprintf(&b, "%s %s", sign, showLine(l))
		}
	}
	block("-", w[pre:len(w)-suf])
	block("+", g[pre:len(g)-suf])
	return b.String()
}

// splitLines splits b into lines that keep their newline, so that a
// missing final newline is a difference Diff can show.
func splitLines(b []byte) []string {
	lines := strings.SplitAfter(string(b), "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// showLine makes a line printable in a test log: a missing final newline
// and a carriage return are shown, not swallowed.
func showLine(l string) string {
	if !strings.HasSuffix(l, "\n") {
		return l + "⏎ (no newline at end)\n"
	}
	l = strings.TrimSuffix(l, "\n")
	if strings.HasSuffix(l, "\r") {
		l = strings.TrimSuffix(l, "\r") + `\r`
	}
	return l + "\n"
}

// lineCount counts lines as an editor does: a final line without a newline
// counts.
func lineCount(b []byte) int {
	n := bytes.Count(b, []byte("\n"))
	if len(b) > 0 && b[len(b)-1] != '\n' {
		n++
	}
	return n
}
