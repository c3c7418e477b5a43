package cli

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/privacyscan/privacyscan/scanner/kb"
)

func TestDBCommand(t *testing.T) {
	cache := t.TempDir() // never the user's real cache
	badCSV := writeFile(t, "bad.csv", "ID,Platform\n1,A\n")
	typed := writeFile(t, "typed.txt", "||ads.example^$script\n")
	cases := []struct {
		name string
		args []string
		exit int
		out  []string // substrings of stdout
		err  string   // substring of stderr
	}{
		{"no subcommand", []string{"db"}, 2, nil, "missing command"},
		{"unknown subcommand", []string{"db", "frobnicate"}, 2, nil, "unknown command"},
		{"help", []string{"db", "--help"}, 0, []string{"lookup HOST|URL|COOKIE"}, ""},
		{"lookup help", []string{"db", "lookup", "--help"}, 0, []string{"--cookie-db", "--kind"}, ""},
		{"lookup nothing", []string{"db", "lookup", "--cache-dir", cache}, 2, nil, "nothing to look up"},
		{"lookup bad format", []string{"db", "lookup", "--format", "xml", "_ga"}, 2, nil, "--format"},
		{"lookup bad kind", []string{"db", "lookup", "--kind", "dns", "_ga"}, 2, nil, "--kind"},
		{"lookup bad file", []string{"db", "lookup", "--cookie-db", badCSV, "_ga"}, 2, nil, badCSV + ":1"},
		{"lookup", []string{"db", "lookup", "--cache-dir", cache, "_ga", "www.google-analytics.com", "https://www.facebook.com/tr?id=1", "zzqx"},
			0, []string{"_ga (cookie)", "Google Analytics (google-analytics)", "www.google-analytics.com (host)", "pixel", "Meta Pixel", "known  no"}, ""},
		{"lookup typed script", []string{"db", "lookup", "--cache-dir", cache, "--filter-list", typed, "--type", "Script", "https://ads.example/a.js"},
			0, []string{"https://ads.example/a.js (url, Script)", "||ads.example^$script", typed + ":1"}, ""},
		{"lookup typed image", []string{"db", "lookup", "--cache-dir", cache, "--filter-list", typed, "--type", "Image", "https://ads.example/a.gif"},
			0, []string{"(url, Image)", "known  no"}, ""},
		{"lookup untyped", []string{"db", "lookup", "--cache-dir", cache, "--filter-list", typed, "https://ads.example/a.gif"},
			0, []string{"https://ads.example/a.gif (url)", "||ads.example^$script"}, ""},
		{"lookup bad type", []string{"db", "lookup", "--type", "Scirpt", "https://ads.example/a.js"}, 2, nil, "--type"},
		{"lookup storage", []string{"db", "lookup", "--cache-dir", cache, "--kind", "storage", "ZD-suid"}, 0, []string{"Zendesk"}, ""},
		{"vendors", []string{"db", "vendors", "--cache-dir", cache, "--category", "payment"}, 0, []string{"stripe", "klarna", "vipps"}, ""},
		{"vendors bad category", []string{"db", "vendors", "--category", "tracking"}, 2, nil, "--category"},
		{"sources", []string{"db", "sources", "--cache-dir", cache}, 0, []string{"embedded", "vendors"}, ""},
		{"update bad url", []string{"db", "update", "--cache-dir", cache, "--easyprivacy-url", "ftp://x"}, 2, nil, "http or https"},
		{"update extra arg", []string{"db", "update", "now"}, 2, nil, "unexpected argument"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errOut := run(t, c.args...)
			if code != c.exit {
				t.Fatalf("exit %d, want %d\nstdout: %s\nstderr: %s", code, c.exit, out, errOut)
			}
			for _, s := range c.out {
				if !strings.Contains(out, s) {
					t.Errorf("stdout lacks %q:\n%s", s, out)
				}
			}
			if c.err != "" && !strings.Contains(errOut, c.err) {
				t.Errorf("stderr lacks %q:\n%s", c.err, errOut)
			}
		})
	}
}

func TestDBLookupJSON(t *testing.T) {
	code, out, errOut := run(t, "db", "lookup", "--no-cache", "--format", "json", "_fbp", "PHPSESSID")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got []kb.Explanation
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if len(got) != 2 || got[0].Match.VendorID != "meta-pixel" || got[0].Vendor == nil || got[1].Match.Category == kb.Unknown {
		t.Errorf("got %+v", got)
	}
}

func TestDBUpdate(t *testing.T) {
	var csv strings.Builder
	csv.WriteString("ID,Platform,Category,Cookie / Data Key name,Domain,Description,Retention period,Data Controller,User Privacy & GDPR Rights Portals,Wildcard match\n")
	for i := 0; i < 1500; i++ {
		fmt.Fprintf(&csv, "%d,Synthetic,Marketing,synth_%d,,row,1 year,S,,0\n", i, i)
	}
	var list strings.Builder
	for i := 0; i < 6000; i++ {
		fmt.Fprintf(&list, "||synthtracker%d.example^\n", i)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/ocd.csv":
			fmt.Fprint(w, csv.String())
		case "/ep.txt":
			fmt.Fprint(w, list.String())
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	cache := t.TempDir()
	args := []string{"db", "update", "--cache-dir", cache, "--open-cookie-database-url", srv.URL + "/ocd.csv", "--easyprivacy-url", srv.URL + "/ep.txt"}
	code, out, errOut := run(t, args...)
	if code != 0 {
		t.Fatalf("exit %d: %s\n%s", code, out, errOut)
	}
	for _, s := range []string{"open-cookie-database  1500", "easyprivacy           6000", "downloaded"} {
		if !strings.Contains(out, s) {
			t.Errorf("output lacks %q:\n%s", s, out)
		}
	}
	// Lookups read the cache.
	_, out, _ = run(t, "db", "lookup", "--cache-dir", cache, "synth_42", "https://synthtracker7.example/x.js")
	if !strings.Contains(out, "Synthetic") || !strings.Contains(out, "||synthtracker7.example^") {
		t.Errorf("cache not used by lookup:\n%s", out)
	}
	// A failing source keeps the old copy and exits non-zero.
	before, _ := os.ReadFile(filepath.Join(cache, "easyprivacy.txt"))
	code, out, errOut = run(t, "db", "update", "--cache-dir", cache, "--open-cookie-database-url", srv.URL+"/ocd.csv", "--easyprivacy-url", srv.URL+"/gone.txt")
	if code == 0 || !strings.Contains(out, "FAILED, old copy kept") || !strings.Contains(out, "unchanged") {
		t.Errorf("exit %d\n%s\n%s", code, out, errOut)
	}
	after, _ := os.ReadFile(filepath.Join(cache, "easyprivacy.txt"))
	if string(before) != string(after) {
		t.Error("failed update replaced the cached list")
	}
}
