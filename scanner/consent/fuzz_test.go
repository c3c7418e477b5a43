package consent

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzParseRule: consent-rule files are YAML that users can add (--consent-rules);
// any bytes give a rule or an error, never a panic.
func FuzzParseRule(f *testing.F) {
	f.Add([]byte("platform: x\ndetect:\n  selector: '#banner'\naccept:\n  - click: '#accept'\n"))
	// The platform files themselves are the best seeds: every field in use.
	files, _ := filepath.Glob(filepath.Join("rules", "*.yaml"))
	for _, name := range files {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 64<<10 {
			return
		}
		_, _ = ParseRule("fuzz.yaml", data)
	})
}

// FuzzDecodeTCString: the TC string is read from the page (the site's
// __tcfapi); any string decodes or is refused, never a panic.
func FuzzDecodeTCString(f *testing.F) {
	f.Add("CPXxRfAPXxRfAAfKABENB-CgAAAAAAAAAAYgAAAAAAAA")
	f.Fuzz(func(t *testing.T, s string) {
		tc, err := DecodeTCString(s)
		if err == nil && tc == nil {
			t.Fatal("no TC string and no error")
		}
	})
}
