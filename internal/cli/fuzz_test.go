package cli

import (
	"net/url"
	"testing"
)

// FuzzCheckURL: URLs come from the command line and --targets files; an
// accepted one is an http(s) URL with a host, and accepting it again
// changes nothing.
func FuzzCheckURL(f *testing.F) {
	f.Add("https://shop.example/?a=1&b=2")
	f.Fuzz(func(t *testing.T, raw string) {
		got, err := checkURL(raw)
		if err != nil {
			return
		}
		u, perr := url.Parse(got)
		if perr != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" {
			t.Fatalf("checkURL(%q) = %q: not an http(s) URL with a host (%v)", raw, got, perr)
		}
		again, err := checkURL(got)
		if err != nil || again != got {
			t.Fatalf("checkURL(%q) = %q, then %q, %v", raw, got, again, err)
		}
	})
}
