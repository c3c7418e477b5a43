package model_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestDependencyDirection keeps the one direction of the architecture:
// the model knows nothing but the standard library, and rules and reports
// read the model without compiling the browser, the crawler or the scanner.
func TestDependencyDirection(t *testing.T) {
	const mod = "github.com/privacyscan/privacyscan/"
	cases := []struct {
		pkg string
		// forbidden prefixes of any package in the dependency closure
		forbidden []string
	}{
		{"./", []string{"github.com/", "golang.org/", "gopkg.in/", "go.yaml.in/", "net/http", "net", "os/exec"}},
		{"../../rules", []string{"github.com/chromedp/", "github.com/gocolly/", mod + "scanner/consent", mod + "scanner/kb", mod + "scanner/policy", mod + "internal/", "net/http"}},
		{"../../reports", []string{"github.com/chromedp/", "github.com/gocolly/", mod + "scanner/consent", mod + "scanner/kb", mod + "scanner/policy", mod + "internal/config", "net/http"}},
		// The leak search and the pixel decoder are pure: the model and the
		// standard library.
		{"../leak", []string{"github.com/chromedp/", "github.com/gocolly/", "golang.org/", mod + "scanner/consent", mod + "scanner/kb", mod + "scanner/policy", mod + "internal/", mod + "rules", mod + "reports", "net/http"}},
		{"../pixel", []string{"github.com/chromedp/", "github.com/gocolly/", "golang.org/", mod + "scanner/consent", mod + "scanner/kb", mod + "scanner/policy", mod + "internal/", mod + "rules", mod + "reports", "net/http"}},
	}
	for _, tc := range cases {
		out, err := exec.Command("go", "list", "-deps", tc.pkg).Output()
		if err != nil {
			t.Fatalf("go list -deps %s: %v", tc.pkg, err)
		}
		deps := strings.Fields(string(out))
		if len(deps) < 2 {
			t.Fatalf("go list -deps %s listed %d packages", tc.pkg, len(deps))
		}
		for _, d := range deps {
			if d == mod+"scanner" {
				t.Errorf("%s depends on the scanner package", tc.pkg)
			}
			for _, f := range tc.forbidden {
				if d == f || (strings.HasSuffix(f, "/") && strings.HasPrefix(d, f)) || strings.HasPrefix(d, f+"/") {
					if tc.pkg == "./" && strings.HasPrefix(d, mod+"scanner/model") {
						continue
					}
					t.Errorf("%s depends on %s (forbidden: %s)", tc.pkg, d, f)
				}
			}
		}
	}
}
