package evidence

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/privacyscan/privacyscan/internal/golden"
)

func bundle() fstest.MapFS {
	return fstest.MapFS{
		"reports/report.json":                  {Data: []byte(`{"sites":[]}` + "\n")},
		"sites/shop.test/before-consent.har":   {Data: []byte(`{"log":{}}`)},
		"sites/shop.test/before-consent.jpg":   {Data: []byte{0xff, 0xd8, 0xff}},
		"sites/shop.test/policy/fetched.html":  {Data: []byte("<h1>Privacy</h1>")},
		"sites/shop.test/policy/extracted.txt": {Data: []byte("")},
	}
}

func TestManifestGolden(t *testing.T) {
	m, err := New(bundle(), Tool{Name: "privacyscan", Version: "dev"}, "2026-01-02T03:04:05Z", "2026-01-02T03:05:00Z")
	if err != nil {
		t.Fatal(err)
	}
	b, err := m.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	golden.Assert(t, "testdata/manifest.json", b)
	back, err := Parse(b)
	if err != nil {
		t.Fatalf("Parse(Marshal) = %v", err)
	}
	if !reflect.DeepEqual(back, m) {
		t.Errorf("round trip: got %+v, want %+v", back, m)
	}
}

func TestVerify(t *testing.T) {
	sealed := func() fstest.MapFS {
		fsys := bundle()
		m, err := New(fsys, Tool{Name: "privacyscan", Version: "dev"}, "a", "b")
		if err != nil {
			t.Fatal(err)
		}
		b, _ := m.Marshal()
		fsys[ManifestName] = &fstest.MapFile{Data: b}
		return fsys
	}
	cases := []struct {
		name   string
		change func(fstest.MapFS)
		want   Diff
	}{
		{"intact", func(fstest.MapFS) {}, Diff{}},
		{"changed", func(f fstest.MapFS) { f["reports/report.json"] = &fstest.MapFile{Data: []byte(`{"sites":[1]}` + "\n")} }, Diff{Changed: []string{"reports/report.json"}}},
		{"same size, other bytes", func(f fstest.MapFS) {
			f["sites/shop.test/before-consent.jpg"] = &fstest.MapFile{Data: []byte{0xff, 0xd8, 0xfe}}
		}, Diff{Changed: []string{"sites/shop.test/before-consent.jpg"}}},
		{"missing", func(f fstest.MapFS) { delete(f, "sites/shop.test/policy/fetched.html") }, Diff{Missing: []string{"sites/shop.test/policy/fetched.html"}}},
		{"added", func(f fstest.MapFS) { f["sites/shop.test/extra.txt"] = &fstest.MapFile{Data: []byte("x")} }, Diff{Added: []string{"sites/shop.test/extra.txt"}}},
		{"empty file emptied? no: filled", func(f fstest.MapFS) { f["sites/shop.test/policy/extracted.txt"] = &fstest.MapFile{Data: []byte("x")} }, Diff{Changed: []string{"sites/shop.test/policy/extracted.txt"}}},
		{"all three", func(f fstest.MapFS) {
			delete(f, "reports/report.json")
			f["z.txt"] = &fstest.MapFile{Data: []byte("z")}
			f["sites/shop.test/before-consent.har"] = &fstest.MapFile{Data: []byte(`{"log":{"x":1}}`)}
		}, Diff{Added: []string{"z.txt"}, Missing: []string{"reports/report.json"}, Changed: []string{"sites/shop.test/before-consent.har"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fsys := sealed()
			tc.change(fsys)
			_, d, err := Verify(fsys)
			if err != nil {
				t.Fatal(err)
			}
			norm := func(s []string) []string {
				if len(s) == 0 {
					return nil
				}
				return s
			}
			got := Diff{norm(d.Added), norm(d.Missing), norm(d.Changed)}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Verify = %+v, want %+v", got, tc.want)
			}
			if d.OK() != tc.want.OK() {
				t.Errorf("OK() = %v", d.OK())
			}
		})
	}
}

func TestParseRefuses(t *testing.T) {
	cases := []struct {
		name, data string
		foreign    bool
		want       string
	}{
		{"not JSON", "<html>", true, "not a privacyscan evidence manifest"},
		{"another tool's", `{"files":[{"path":"a","sha256":"00","size":1}]}`, true, `no "format"`},
		{"other format", `{"format":"har","format_version":1}`, true, `format is "har"`},
		{"no version", `{"format":"privacyscan-evidence"}`, true, "format_version is 0"},
		{"newer", `{"format":"privacyscan-evidence","format_version":99}`, false, "upgrade privacyscan"},
		{"climbs out", `{"format":"privacyscan-evidence","format_version":1,"files":[{"path":"../etc/passwd"}]}`, true, "bad file path"},
		{"lists itself", `{"format":"privacyscan-evidence","format_version":1,"files":[{"path":"manifest.json"}]}`, true, "bad file path"},
		{"twice", `{"format":"privacyscan-evidence","format_version":1,"files":[{"path":"a"},{"path":"a"}]}`, true, "listed twice"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse([]byte(tc.data))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Parse = %v, want %q", err, tc.want)
			}
			if errors.Is(err, ErrNotManifest) != tc.foreign {
				t.Errorf("errors.Is(ErrNotManifest) = %v, want %v", !tc.foreign, tc.foreign)
			}
		})
	}
	if _, _, err := Verify(fstest.MapFS{"a": {Data: []byte("a")}}); err == nil || !strings.Contains(err.Error(), ManifestName) {
		t.Errorf("Verify without a manifest = %v", err)
	}
}

func TestNamer(t *testing.T) {
	var n Namer
	cases := []struct{ url, want string }{
		{"https://shop.test/", "sites/shop.test"},
		{"https://shop.test/", "sites/shop.test"},
		{"http://shop.test", "sites/shop.test-2"},
		{"https://Shop.Test:8443/de/Start?x=1", "sites/shop.test-8443-de-start"},
		{"https://shop.test/../../etc", "sites/shop.test-etc"},
		{"::::", "sites/site"},
		{"https://" + strings.Repeat("a", 100) + ".test/", "sites/" + strings.Repeat("a", 80)},
	}
	for _, tc := range cases {
		if got := n.Site(tc.url); got != tc.want {
			t.Errorf("Site(%q) = %q, want %q", tc.url, got, tc.want)
		}
	}
}
