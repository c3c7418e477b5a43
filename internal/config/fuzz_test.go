package config

import "testing"

// FuzzParse: .privacyscan.yaml is user input; any bytes give a
// configuration or an error, never a panic.
func FuzzParse(f *testing.F) {
	f.Add([]byte("first_party:\n  - cdn.shop.test\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 64<<10 {
			return
		}
		c, err := Parse(".privacyscan.yaml", data)
		if err == nil && c == nil {
			t.Fatal("no configuration and no error")
		}
	})
}
