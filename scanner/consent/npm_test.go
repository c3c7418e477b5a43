package consent

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"strings"
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
	// No rule file: the generic engine opens its settings layer, where
	// no purpose is on.
	{"dmstr-lv-npm.test", "generic", 0},
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
			// Accept and reject are operated by TestNPMFigures, with the
			// rule files and without.
			for _, action := range []model.ConsentAction{Detect} {
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

// npmFigures are the pages of testdata/npm/www measured with the rule files
// and with the generic engine alone (--consent-rules none): what the first
// layer offers, and whether a reject can be carried out at all.
var npmFigures = []struct {
	host, lang string
	// rejectFirst: the first layer shows a refusal; noRefusal: the banner
	// offers none (accept only), so the reject must fail.
	rejectFirst, noRefusal bool
}{
	{"klaro-npm.test", "en", true, false},
	{"klaro-preticked-npm.test", "en", true, false},
	{"orejime-npm.test", "en", true, false},
	{"tarteaucitron-npm.test", "fr", true, false},
	{"cookieconsent-npm.test", "en", true, false},
	{"ccjs-de-npm.test", "de", true, false},
	{"osano-es-npm.test", "es", true, false},
	{"cookiecraft-it-npm.test", "it", true, false},
	{"porsche-shadow-npm.test", "en", true, false},
	{"cookienotice-pl-npm.test", "pl", false, true},
	{"tarteaucitron-nl-npm.test", "nl", true, false},
	{"tarteaucitron-da-npm.test", "da", true, false},
	{"klaro-sv-npm.test", "sv", true, false},
	// The refusal is a "necessary only" button.
	{"cookieconsent-necessary-pt-npm.test", "pt", true, false},
	// The first layer has no refusal; the settings layer has one.
	{"cookieconsent-settings-cs-npm.test", "cs", false, false},
	{"stormid-hu-npm.test", "hu", true, false},
	// The banner is in a cross-origin iframe (cmpframe-fi-npm.test).
	{"iframe-fi-npm.test", "fi", true, false},
	// Libraries no rule file knows; the generic engine operates them.
	// @dmstr/cookie-consent: the first layer accepts or opens the settings,
	// where "reject all" is.
	{"dmstr-lv-npm.test", "lv", false, false},
	// @demos-europe/dp-consent: a slider that comes in after a second.
	{"dpconsent-de-npm.test", "de", true, false},
	// @walltowall/cookie-banner: a <dialog> in a shadow root, with Consent
	// Mode; its buttons are English on a Maltese page.
	{"walltowall-mt-npm.test", "mt", true, false},
	// @htmlbricks/hb-cookie-law-banner: a Svelte web component in a
	// shadow root, with the page's Consent Mode.
	{"hbcookielaw-it-npm.test", "it", true, false},
	// jquery-cookiebar: the refusal is a "necessary only" link.
	{"cookiebar-ro-npm.test", "ro", true, false},
	// django-cookie-consent: the bar from a <template>, the choice posted
	// to the backend (the fixture's _headers), the page's Consent Mode.
	{"django-et-npm.test", "et", true, false},
}

// TestNPMFigures operates every npm page with and without the rule files and
// prints per-library figures: banner found, accept and reject operated,
// first layer judged right, effective choice proven, and the time from the
// banner shown to the verified choice.
func TestNPMFigures(t *testing.T) {
	if !npmInstalled() {
		t.Skip("real consent managers not installed: run scanner/consent/testdata/npm/install.sh (needs npm)")
	}
	type row struct {
		found, accept, reject, firstLayer, proven bool
		ms                                        int64
		method                                    string
	}
	modes := []struct {
		name string
		opts Options
	}{{"rules", Options{}}, {"none", Options{GenericOnly: true}}}
	rows := make([][]row, len(modes))
	t.Run("modes", func(t *testing.T) {
		for mi, m := range modes {
			rows[mi] = make([]row, len(npmFigures))
			t.Run(m.name, func(t *testing.T) {
				e := newEngine(t, m.opts)
				for i, c := range npmFigures {
					r := &rows[mi][i]
					t.Run(c.host, func(t *testing.T) {
						acc, err := e.Act(open(t, c.host, "/"), Accept)
						if err != nil {
							t.Fatal(err)
						}
						rej, err := e.Act(open(t, c.host, "/"), Reject)
						if err != nil {
							t.Fatal(err)
						}
						r.found = acc.BannerDetected && rej.BannerDetected
						r.accept = acc.Verified
						r.reject = rej.Verified != c.noRefusal
						r.firstLayer = rej.RejectAvailable == c.rejectFirst && acc.RejectAvailable == c.rejectFirst
						r.proven = c.noRefusal || acc.Effect != nil && acc.Effect.Effective && rej.Effect != nil && rej.Effect.Effective
						r.ms = max(acc.DurationMS-acc.WaitMS, rej.DurationMS-rej.WaitMS)
						r.method = rej.Method
						if m.name == "rules" && !c.noRefusal && (len(acc.ConsentRecord) == 0 || len(rej.ConsentRecord) == 0) {
							t.Errorf("%s: no consent record after accept (%v) or reject (%v)", c.host, acc.ConsentRecord, rej.ConsentRecord)
						}
						if !(r.found && r.accept && r.reject && r.firstLayer) {
							t.Errorf("%s (%s): found %v accept %v reject %v first layer %v (reject available %v; reject error %q, clicks %+v)",
								c.host, m.name, r.found, r.accept, r.reject, r.firstLayer, rej.RejectAvailable, rej.Error, rej.Elements)
						}
						if !r.proven {
							t.Errorf("%s (%s): choice not proven: accept %+v reject %+v; records %+v", c.host, m.name, acc.Effect, rej.Effect, rej.Signals)
						}
					})
				}
			})
		}
	})
	var b strings.Builder
	fmt.Fprintf(&b, "\n%-36s %-4s %-6s %-5s %-6s %-6s %-6s %-6s %-7s %s\n", "page", "lang", "mode", "found", "accept", "reject", "layer1", "proven", "method", "ms")
	for mi, m := range modes {
		var tot [5]int
		for i, c := range npmFigures {
			r := rows[mi][i]
			for k, v := range []bool{r.found, r.accept, r.reject, r.firstLayer, r.proven} {
				if v {
					tot[k]++
				}
			}
			fmt.Fprintf(&b, "%-36s %-4s %-6s %-5v %-6v %-6v %-6v %-6v %-7s %d\n", c.host, c.lang, m.name, r.found, r.accept, r.reject, r.firstLayer, r.proven, r.method, r.ms)
		}
		n := len(npmFigures)
		fmt.Fprintf(&b, "%-36s %-4s %-6s %d/%d   %d/%d   %d/%d   %d/%d   %d/%d\n", "overall", "", m.name, tot[0], n, tot[1], n, tot[2], n, tot[3], n, tot[4], n)
	}
	t.Log(b.String())
}
