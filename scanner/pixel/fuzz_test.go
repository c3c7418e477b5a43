package pixel

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzDecode: any request decodes without panicking, and what is kept is
// bounded and free of control characters.
func FuzzDecode(f *testing.F) {
	for _, s := range samples {
		f.Add(s.method, s.url, []byte(s.body))
	}
	f.Add("POST", "https://analytics.tiktok.com/api/v2/pixel", []byte(`{"batch":[{"event":1}]}`))
	f.Add("POST", "https://www.facebook.com/tr/", []byte("--x\r\n\r\n"))
	f.Fuzz(func(t *testing.T, method, raw string, body []byte) {
		for _, e := range Decode(method, raw, body) {
			if strings.ContainsAny(e.Event, "\x00\x1b\n") || len(e.Event) > maxParam+len("…") {
				t.Errorf("event not clipped: %q", e.Event)
			}
			if len(e.Params) > maxParams {
				t.Errorf("%d params", len(e.Params))
			}
			_ = utf8.ValidString(e.Summary)
		}
	})
}
