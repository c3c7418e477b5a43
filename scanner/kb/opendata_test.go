package kb

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

func TestOpenCookieDB(t *testing.T) {
	f := filepath.Join("testdata", "ocd-sample.csv")
	db, err := Load(LoadOptions{CookieDBs: []string{f}, NoCache: true})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, domain, vendor, vendorID, category, source string
	}{
		{"exa_visitor", "shop.test", "Example Analytics", "", Analytics, f + ":2"},
		{"exads_123", ".exads.test", "Example Ads", "", Advertising, f + ":3"},
		{"gaexample_row", "shop.test", "Google Analytics", "google-analytics", Analytics, f + ":4"},
		{"shop_basket_key", "shop.test", "Example Shop", "", Essential, f + ":5"},
		// The embedded knowledge wins over imported rows.
		{"_ga", "shop.test", "Google Analytics", "google-analytics", Analytics, "embedded"},
	}
	for _, c := range cases {
		m := db.Cookie(c.name, c.domain)
		if m.Vendor != c.vendor || m.VendorID != c.vendorID || m.Category != c.category || m.Source != c.source {
			t.Errorf("%s: %+v, want vendor %q (%q) category %s source %s", c.name, m, c.vendor, c.vendorID, c.category, c.source)
		}
	}
	// Storage keys are looked up in the cookie database too.
	if m := db.StorageKey("exa_visitor", "https://shop.test"); m.Vendor != "Example Analytics" {
		t.Errorf("storage key: %+v", m)
	}
}

func TestOpenCookieDBErrors(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"missing column": "ID,Platform,Category\n1,A,Analytics\n",
		"bad category":   "ID,Platform,Category,Cookie / Data Key name,Domain,Description,Retention period,Data Controller,User Privacy & GDPR Rights Portals,Wildcard match\n1,A,Analytics,a,,,,,,0\n2,B,Tracking,b,,,,,,0\n",
		"bad wildcard":   "ID,Platform,Category,Cookie / Data Key name,Domain,Description,Retention period,Data Controller,User Privacy & GDPR Rights Portals,Wildcard match\n1,A,Analytics,a,,,,,,0\n2,B,Analytics,b,,,,,,yes\n",
		"short row":      "ID,Platform,Category,Cookie / Data Key name,Domain,Description,Retention period,Data Controller,User Privacy & GDPR Rights Portals,Wildcard match\n1,A,Analytics,a,,,,,,0\n2,B,Analytics\n",
	} {
		p := filepath.Join(dir, strings.ReplaceAll(name, " ", "-")+".csv")
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := Load(LoadOptions{CookieDBs: []string{p}, NoCache: true})
		wantLine := ":3"
		if name == "missing column" {
			wantLine = ":1"
		}
		if err == nil || !strings.Contains(err.Error(), p+wantLine) {
			t.Errorf("%s: err = %v, want one naming %s%s", name, err, p, wantLine)
		}
	}
	if _, err := Load(LoadOptions{CookieDBs: []string{filepath.Join(dir, "absent.csv")}, NoCache: true}); err == nil {
		t.Error("missing file: no error")
	}
}

func TestTrackerDBs(t *testing.T) {
	disconnect := filepath.Join("testdata", "disconnect-sample.json")
	tds := filepath.Join("testdata", "tds-sample.json")
	db, err := Load(LoadOptions{TrackerDBs: []string{disconnect, tds}, NoCache: true})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		url, vendorID, category, source string
	}{
		{"https://cdn.exads-cdn.test/a.js", "disconnect-example-ads", Advertising, disconnect},
		{"https://counter.test/c.gif", "disconnect-example-counter", Analytics, disconnect},
		{"https://hotjar-mirror.test/x", "hotjar", Analytics, disconnect}, // tied to the embedded vendor by name
		{"https://social.test/share", "disconnect-example-social", Social, disconnect},
		{"https://replay.test/r.js", "tds-replay", SessionRecording, tds},
		{"https://pixels.test/p.gif", "tds-pixels", Advertising, tds},
		{"https://replay-app.test/", "tds-replay", Unknown, tds},
		{"https://static.hotjar.com/c.js", "hotjar", SessionRecording, "embedded"}, // embedded wins
	}
	for _, c := range cases {
		m := db.Request(c.url, "https://shop.test/")
		if m.VendorID != c.vendorID || m.Category != c.category || m.Source != c.source {
			t.Errorf("%s: %+v, want %s %s from %s", c.url, m, c.vendorID, c.category, c.source)
		}
	}
	if v, ok := db.Vendor("tds-replay"); !ok || v.Name != "Replay" || v.Company != "Replay Corp" {
		t.Errorf("tds vendor: %+v %v", v, ok)
	}
	kinds := map[string]bool{}
	for _, s := range db.Sources() {
		kinds[s.Kind] = true
	}
	if !kinds[KindDisconnect] || !kinds[KindTDS] {
		t.Errorf("sources %+v lack disconnect or tds", db.Sources())
	}
	// A cookie on a tracker domain is that tracker's.
	if m := db.Cookie("zz", ".counter.test"); m.VendorID != "disconnect-example-counter" {
		t.Errorf("cookie on tracker domain: %+v", m)
	}
}

func TestTrackerDBErrors(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"syntax":  "{\n  \"categories\": {\n    \"Advertising\": [,]\n  }\n}\n",
		"neither": "{\"hello\": 1}\n",
		"empty":   "{\"categories\": {\"Advertising\": []}}\n",
	} {
		p := filepath.Join(dir, name+".json")
		os.WriteFile(p, []byte(body), 0o644)
		_, err := Load(LoadOptions{TrackerDBs: []string{p}, NoCache: true})
		if err == nil || !strings.Contains(err.Error(), p) {
			t.Errorf("%s: err = %v, want one naming %s", name, err, p)
		}
		if name == "syntax" && !strings.Contains(err.Error(), p+":3") {
			t.Errorf("syntax error should name line 3: %v", err)
		}
	}
}

// synthCSV writes an Open Cookie Database CSV with n rows named prefix0...
func synthCSV(prefix string, n int) string {
	var b strings.Builder
	b.WriteString("ID,Platform,Category,Cookie / Data Key name,Domain,Description,Retention period,Data Controller,User Privacy & GDPR Rights Portals,Wildcard match\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "%d,Synthetic,Analytics,%s%d,,test row,1 year,Synthetic,,0\n", i, prefix, i)
	}
	return b.String()
}

func synthList(prefix string, n int) string {
	var b strings.Builder
	b.WriteString("[Adblock Plus 2.0]\n! synthetic list for the tests\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "||%s%d.example^\n", prefix, i)
	}
	return b.String()
}

func TestUpdate(t *testing.T) {
	var csvBody, listBody atomic.Value
	csvBody.Store(synthCSV("a", 1200))
	listBody.Store(synthList("t", 60))
	var fail atomic.Bool
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if fail.Load() {
			http.Error(w, "down", http.StatusBadGateway)
			return
		}
		switch r.URL.Path {
		case "/ocd.csv":
			fmt.Fprint(w, csvBody.Load().(string))
		case "/easyprivacy.txt":
			fmt.Fprint(w, listBody.Load().(string))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	dir := t.TempDir()
	srcs := DefaultSources()
	srcs[0].URL = srv.URL + "/ocd.csv"
	srcs[1].URL = srv.URL + "/easyprivacy.txt"
	srcs[1].MinEntries = 50
	opts := UpdateOptions{Dir: dir, Sources: srcs, Fetcher: NewFetcher(0)}

	res, err := Update(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if !res[0].First || res[0].Entries != 1200 || res[0].Added != 1200 || res[1].Entries != 60 {
		t.Errorf("first update: %+v", res)
	}
	// Load reads the cache without being told.
	db, err := Load(LoadOptions{CacheDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if m := db.Cookie("a7", "shop.test"); m.Vendor != "Synthetic" {
		t.Errorf("cached cookie database not loaded: %+v", m)
	}
	if m := db.Request("https://t3.example/x", "https://shop.test/"); m.Rule != "||t3.example^" {
		t.Errorf("cached filter list not loaded: %+v", m)
	}

	// Changes are counted.
	csvBody.Store(synthCSV("a", 1100) + "9999,Synthetic,Analytics,newcookie,,x,1 year,S,,0\n")
	res, err = Update(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if res[0].First || res[0].Added != 1 || res[0].Removed != 100 || res[0].Entries != 1101 {
		t.Errorf("second update: %+v", res[0])
	}
	if res[1].Added != 0 || res[1].Removed != 0 {
		t.Errorf("unchanged list: %+v", res[1])
	}

	// A download too small to be sane keeps the old copy.
	csvBody.Store(synthCSV("b", 10))
	before, _ := os.ReadFile(filepath.Join(dir, "open-cookie-database.csv"))
	res, err = Update(context.Background(), opts)
	if err == nil || res[0].Error == "" || !strings.Contains(res[0].Error, "at least") {
		t.Errorf("tiny download accepted: %v %+v", err, res[0])
	}
	after, _ := os.ReadFile(filepath.Join(dir, "open-cookie-database.csv"))
	if string(before) != string(after) {
		t.Error("old copy replaced by a failed update")
	}
	// So does a server error, and a broken file.
	fail.Store(true)
	if _, err := Update(context.Background(), opts); err == nil || !strings.Contains(err.Error(), "502") {
		t.Errorf("server error: %v", err)
	}
	fail.Store(false)
	csvBody.Store("not,a,cookie,database\n")
	if _, err := Update(context.Background(), opts); err == nil || !strings.Contains(err.Error(), "missing column") {
		t.Errorf("broken download: %v", err)
	}
	after, _ = os.ReadFile(filepath.Join(dir, "open-cookie-database.csv"))
	if string(before) != string(after) {
		t.Error("old copy replaced by a failed update")
	}
	left, _ := filepath.Glob(filepath.Join(dir, ".*.tmp"))
	if len(left) != 0 {
		t.Errorf("temporary files left behind: %v", left)
	}
}
