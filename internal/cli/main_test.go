package cli

import (
	"os"
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
	// The demo writes its reports into a new temporary directory when none
	// is named: keep those of the tests in dir, removed below.
	tmp := dir + "/tmp"
	if err := os.Mkdir(tmp, 0o755); err == nil {
		os.Setenv("TMPDIR", tmp)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
