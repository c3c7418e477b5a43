package kb

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	p := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("reading golden file (run go test -update): %v", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the golden file (run go test -update and review the diff):\n%s", name, diffLines(string(want), got))
	}
}

func diffLines(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, c string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			c = g[i]
		}
		if a != c {
			fmt.Fprintf(&b, "line %d:\n  want %s\n  got  %s\n", i+1, a, c)
		}
	}
	return b.String()
}

func TestEmbeddedValid(t *testing.T) {
	db, err := newEmbedded()
	if err != nil {
		t.Fatalf("embedded vendors.yaml is invalid: %v", err)
	}
	if Default() == nil {
		t.Fatal("Default returned nil")
	}
	vs := db.Vendors()
	for _, v := range vs {
		if v.Name == "" || v.Company == "" || v.Country == "" || v.Category == "" {
			t.Errorf("%s: incomplete vendor %+v", v.ID, v)
		}
		// Every domain a vendor claims must lead back to it (or to a vendor
		// with a more specific URL rule on that host).
		for _, d := range v.Domains {
			m := db.Request("https://"+d+"/", "https://shop.test/")
			if m.VendorID == "" {
				t.Errorf("%s: domain %s is not attributed", v.ID, d)
			}
		}
	}
}
