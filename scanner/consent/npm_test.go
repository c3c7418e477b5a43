package consent

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"testing"

	"github.com/privacyscan/privacyscan/internal/fixture"
	"github.com/privacyscan/privacyscan/scanner/model"
)

// npmRoot holds pages that load real consent managers from
// https://npm.test/<package>/, a link to node_modules made by
// testdata/npm/install.sh.
const npmRoot = "testdata/npm/www"

func npmInstalled() bool {
	_, err := os.Stat(path.Join(npmRoot, "npm.test/klaro/dist/klaro.js"))
	return err == nil
}

// npmServer serves the real consent managers installed by
// testdata/npm/install.sh, or returns nil when the script was not run.
func npmServer() *fixture.Server {
	if !npmInstalled() {
		return nil
	}
	srv, err := fixture.Start(linkFS{os.DirFS(npmRoot)})
	if err != nil {
		fmt.Fprintln(os.Stderr, "npm fixture:", err)
		return nil
	}
	return srv
}

// linkFS reports symbolic links to directories as directories, so the
// fixture server takes the npm.test link for a host.
type linkFS struct{ fs.FS }

func (l linkFS) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := fs.ReadDir(l.FS, name)
	for i, e := range entries {
		if e.Type()&fs.ModeSymlink != 0 {
			if info, err := fs.Stat(l.FS, path.Join(name, e.Name())); err == nil {
				entries[i] = fs.FileInfoToDirEntry(info)
			}
		}
	}
	return entries, err
}

// npmCases are the pages of testdata/npm/www, the platform each loads and
// how many purposes its settings layer shows on before any choice.
var npmCases = []struct {
	host, cmp string
	preTicked int
}{
	{"klaro-npm.test", "klaro", 0},
	// Klaro's modal switches purposes, services and "all services": with
	// default: true every one of them is on.
	{"klaro-preticked-npm.test", "klaro", 5},
	{"orejime-npm.test", "orejime", 0},
	{"tarteaucitron-npm.test", "tarteaucitron", 0},
	{"cookieconsent-npm.test", "cookieconsent", 0},
}

// TestNPMConsentManagers operates real builds of open-source consent
// managers, as published on npm, with the same engine and rules.
func TestNPMConsentManagers(t *testing.T) {
	if !npmInstalled() {
		t.Skip("real consent managers not installed: run scanner/consent/testdata/npm/install.sh (needs npm)")
	}
	e := newEngine(t, Options{})
	for _, c := range npmCases {
		t.Run(c.host, func(t *testing.T) {
			for _, action := range []model.ConsentAction{Detect, Accept, Reject} {
				t.Run(string(action), func(t *testing.T) {
					ctx := open(t, c.host, "/")
					res, err := e.Act(ctx, action)
					if err != nil {
						t.Fatal(err)
					}
					if !res.BannerDetected || res.CMP != c.cmp {
						t.Fatalf("detected %v cmp %q, want %q (banner %+v, error %q)", res.BannerDetected, res.CMP, c.cmp, res.Banner, res.Error)
					}
					if action == Detect {
						if len(res.PreTicked) != c.preTicked || !res.SettingsRead {
							t.Errorf("pre-ticked %q (settings read %v), want %d", res.PreTicked, res.SettingsRead, c.preTicked)
						}
						return
					}
					if !res.Verified || len(res.ConsentRecord) == 0 {
						t.Fatalf("verified %v record %v error %q elements %+v", res.Verified, res.ConsentRecord, res.Error, res.Elements)
					}
					t.Logf("%s: %d clicks (%s), %d ms after the banner showed", action, res.Clicks, res.Method, res.DurationMS-res.WaitMS)
				})
			}
		})
	}
}
