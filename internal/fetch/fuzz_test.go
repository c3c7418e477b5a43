package fetch

import (
	"strings"
	"testing"
)

// FuzzParseRoutes: --resolve values come from users and CI files; any
// string is refused with an error or gives routes that answer Match and
// build Chromium's host rules without a panic.
func FuzzParseRoutes(f *testing.F) {
	f.Add("shop.test=127.0.0.1:8443")
	f.Fuzz(func(t *testing.T, specs string) {
		r, err := ParseRoutes(strings.Split(specs, "\n"))
		if err != nil {
			return
		}
		for _, h := range r.Hosts() {
			if _, ok := r.Match(strings.TrimPrefix(h, "*.")); !ok && !strings.HasPrefix(h, "*.") {
				t.Errorf("host %q of the routes does not match itself", h)
			}
		}
		_ = r.HostRules()
		_ = r.StrictHostRules()
	})
}
