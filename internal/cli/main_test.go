package cli

import (
	"os"
	"testing"
)

// TestMain points the knowledge base's download cache at an empty directory,
// so scans in tests never depend on what `db update` left on the machine.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "privacyscan-cli-test-")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_CACHE_HOME", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
