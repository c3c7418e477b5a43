package cli

import (
	"os"
	"path/filepath"
	"testing"
)

// TestMain points the knowledge base's download cache at an empty directory,
// so scans in tests never depend on what `db update` left on the machine,
// and the temporary directory at one removed when the tests end.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "privacyscan-cli-test-")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_CACHE_HOME", dir)
	// TMPDIR stays as it is: Chromium's profile socket lives under it, in
	// the tests' own t.TempDir folders, and a Unix socket path has at most
	// 107 bytes. The demo's reports, written into a new temporary directory
	// when none is named, are removed below.
	before := demoDirs()
	code := m.Run()
	os.RemoveAll(dir)
	for d := range demoDirs() {
		if !before[d] {
			os.RemoveAll(d)
		}
	}
	os.Exit(code)
}

// demoDirs lists the demo's report directories in the temporary directory.
func demoDirs() map[string]bool {
	m := map[string]bool{}
	ds, _ := filepath.Glob(filepath.Join(os.TempDir(), "privacyscan-demo-*"))
	for _, d := range ds {
		m[d] = true
	}
	return m
}
