package golden

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// fakeTB records what Assert reports instead of failing the real test, so
// the tests can prove that a difference fails. The embedded nil testing.TB
// supplies the unexported method of the interface; calling any method not
// defined here panics, which would expose an unexpected use.
type fakeTB struct {
	testing.TB
	errors []string
	fatal  bool
}

func (f *fakeTB) Helper() {}

func (f *fakeTB) Errorf(format string, args ...any) {
	f.errors = append(f.errors, fmt.Sprintf(format, args...))
}

func (f *fakeTB) Fatalf(format string, args ...any) {
	f.errors = append(f.errors, fmt.Sprintf(format, args...))
	f.fatal = true
}

// run calls fn with a fake TB and returns what it recorded.
func run(fn func(tb testing.TB)) *fakeTB {
	f := &fakeTB{}
	fn(f)
	return f
}

// setUpdate sets -update for one test, so that these tests behave the same
// whether or not the module's tests run with -update.
func setUpdate(t *testing.T, v bool) {
	old := *update
	*update = v
	t.Cleanup(func() { *update = old })
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestAssertEqualPasses(t *testing.T) {
	setUpdate(t, false)
	p := filepath.Join(t.TempDir(), "out.golden")
	writeFile(t, p, "a\nb\n")
	if f := run(func(tb testing.TB) { Assert(tb, p, []byte("a\nb\n")) }); len(f.errors) != 0 {
		t.Errorf("equal output failed: %q", f.errors)
	}
}

func TestAssertDifferenceFails(t *testing.T) {
	setUpdate(t, false)
	p := filepath.Join(t.TempDir(), "out.golden")
	writeFile(t, p, "one\ntwo\nthree\nfour\nfive\n")
	f := run(func(tb testing.TB) { Assert(tb, p, []byte("one\ntwo\nthree\nFOUR\nfive\n")) })
	if len(f.errors) != 1 || f.fatal {
		t.Fatalf("want one non-fatal error, got fatal=%v %q", f.fatal, f.errors)
	}
	msg := f.errors[0]
	for _, want := range []string{p, "-update", "first difference at line 4", "  two\n  three\n- four\n+ FOUR\n"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message lacks %q:\n%s", want, msg)
		}
	}
	if strings.Contains(msg, "one") || strings.Contains(msg, "five") {
		t.Errorf("message shows lines beyond the context:\n%s", msg)
	}
}

func TestAssertMissingFileIsFatal(t *testing.T) {
	setUpdate(t, false)
	p := filepath.Join(t.TempDir(), "missing.golden")
	f := run(func(tb testing.TB) { Assert(tb, p, []byte("x")) })
	if !f.fatal || len(f.errors) != 1 || !strings.Contains(f.errors[0], "-update") {
		t.Errorf("fatal=%v %q", f.fatal, f.errors)
	}
}

func TestUpdateWritesAtomically(t *testing.T) {
	setUpdate(t, true)
	dir := t.TempDir()
	p := filepath.Join(dir, "out.golden")
	writeFile(t, p, "old\n")
	// A reader holding the old file must keep seeing all of it: the new
	// content arrives by rename, never by truncating the file in place.
	old, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	if f := run(func(tb testing.TB) { Assert(tb, p, []byte("new\n")) }); len(f.errors) != 0 {
		t.Fatalf("update failed: %q", f.errors)
	}
	if b, _ := os.ReadFile(p); string(b) != "new\n" {
		t.Errorf("file = %q after update", b)
	}
	buf := make([]byte, 16)
	if n, _ := old.Read(buf); string(buf[:n]) != "old\n" {
		t.Errorf("the old file was rewritten in place: a reader saw %q", buf[:n])
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
	// Missing directories are created, as for a new golden test.
	q := filepath.Join(dir, "new", "sub", "out.golden")
	if f := run(func(tb testing.TB) { Assert(tb, q, []byte("x\n")) }); len(f.errors) != 0 {
		t.Fatalf("update into a new directory failed: %q", f.errors)
	}
	if b, _ := os.ReadFile(q); string(b) != "x\n" {
		t.Errorf("new file = %q", b)
	}
}

func TestUpdateWritesNormalisedOutput(t *testing.T) {
	setUpdate(t, true)
	p := filepath.Join(t.TempDir(), "out.golden")
	run(func(tb testing.TB) { Assert(tb, p, []byte("http://127.0.0.1:8080/\n"), Server()) })
	if b, _ := os.ReadFile(p); string(b) != "http://<server>/\n" {
		t.Errorf("file = %q", b)
	}
}

func TestAssertJSON(t *testing.T) {
	setUpdate(t, false)
	p := filepath.Join(t.TempDir(), "out.json")
	writeFile(t, p, "{\n  \"a\": [\n    1\n  ]\n}\n")
	if f := run(func(tb testing.TB) { AssertJSON(tb, p, map[string][]int{"a": {1}}) }); len(f.errors) != 0 {
		t.Errorf("indented JSON with a final newline failed: %q", f.errors)
	}
	if f := run(func(tb testing.TB) { AssertJSON(tb, p, map[string][]int{"a": {2}}) }); len(f.errors) != 1 {
		t.Errorf("different JSON passed: %q", f.errors)
	}
	if f := run(func(tb testing.TB) { AssertJSON(tb, p, func() {}) }); !f.fatal {
		t.Errorf("unmarshallable value did not fail: %q", f.errors)
	}
}

func TestNormalisers(t *testing.T) {
	setUpdate(t, false)
	dir := t.TempDir()
	in := "GET http://127.0.0.1:41235/a and [::1]:80 and localhost:9 at 2026-03-01T12:00:00Z, " +
		"2026-03-01T12:00:00.123+01:00; file " + filepath.Join(dir, "x.json") + "; rule 127.0.0.1 stays\n"
	want := "GET http://<server>/a and <server> and <server> at <time>, <time>; file " +
		filepath.Join("<tmp>", "x.json") + "; rule 127.0.0.1 stays\n"
	p := filepath.Join(t.TempDir(), "out.golden")
	writeFile(t, p, want)
	f := run(func(tb testing.TB) { Assert(tb, p, []byte(in), Server(), TempDir(dir), Timestamps()) })
	if len(f.errors) != 0 {
		t.Errorf("normalised output differs: %q", f.errors)
	}
	// Options compose in order: a later normaliser sees an earlier one's
	// output.
	writeFile(t, p, "[SERVER]\n")
	f = run(func(tb testing.TB) {
		Assert(tb, p, []byte("127.0.0.1:1\n"), Server(), ReplaceString("<server>", "[SERVER]"))
	})
	if len(f.errors) != 0 {
		t.Errorf("composed normalisers: %q", f.errors)
	}
	writeFile(t, p, "id=<n>\n")
	f = run(func(tb testing.TB) { Assert(tb, p, []byte("id=42\n"), Replace(regexp.MustCompile(`[0-9]+`), "<n>")) })
	if len(f.errors) != 0 {
		t.Errorf("Replace: %q", f.errors)
	}
	if got := string(tempDirNormaliser("")([]byte("a"))); got != "a" {
		t.Errorf("empty TempDir replaced: %q", got)
	}
}

// tempDirNormaliser returns the function TempDir adds, to call it directly.
func tempDirNormaliser(dir string) func([]byte) []byte {
	var o options
	TempDir(dir)(&o)
	return o.normalize[0]
}

func TestDiff(t *testing.T) {
	if d := Diff([]byte("a\n"), []byte("a\n")); d != "" {
		t.Errorf("equal: %q", d)
	}
	// A missing final newline is shown, not an invisible difference.
	d := Diff([]byte("a\nb\n"), []byte("a\nb"))
	if !strings.Contains(d, "- b\n+ b⏎ (no newline at end)\n") {
		t.Errorf("missing newline:\n%s", d)
	}
	// A long change is cut short.
	var many strings.Builder
	for i := range 50 {
		fmt.Fprintf(&many, "line %d\n", i)
	}
	d = Diff([]byte("x\n"), []byte(many.String()))
	if !strings.Contains(d, "+ … 40 more lines") || strings.Contains(d, "line 20") {
		t.Errorf("long diff not bounded:\n%s", d)
	}
	if !strings.Contains(d, "want 1 lines, got 50") {
		t.Errorf("no line counts:\n%s", d)
	}
}

// TestEveryTestPackageRegistersUpdate fails when a package with tests does
// not import this package: go test ./... -update would fail in that
// package's test binary, which does not know the flag.
func TestEveryTestPackageRegistersUpdate(t *testing.T) {
	const self = "github.com/privacyscan/privacyscan/internal/golden"
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("module root not found: %v", err)
	}
	imports := map[string]bool{} // directory → some test file imports this package
	err = filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if path != root && (name == "testdata" || name == "node_modules" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, "_test.go") {
			return nil
		}
		dir := filepath.Dir(path)
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		imports[dir] = imports[dir] || slices.ContainsFunc(f.Imports, func(s *ast.ImportSpec) bool { return s.Path.Value == `"`+self+`"` })
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	here, _ := filepath.Abs(".")
	for dir, ok := range imports {
		if !ok && dir != here {
			rel, _ := filepath.Rel(root, dir)
			t.Errorf("%s has tests but none imports %s (add a blank import, as in internal/cli/update_flag_test.go), so go test ./... -update fails there", rel, self)
		}
	}
}
