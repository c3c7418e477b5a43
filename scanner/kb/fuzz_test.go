package kb

import (
	"strings"
	"testing"
)

// FuzzParseFilterList: filter lists are downloaded by db update; any text
// gives a list or an error, never a panic.
func FuzzParseFilterList(f *testing.F) {
	f.Add("! comment\n||ads.example^$script,third-party\n@@||ads.example/ok/$script\n/beacon/collect?$ping\n")
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 64<<10 {
			return
		}
		l, err := parseFilterList("fuzz", strings.NewReader(text))
		if err == nil && l == nil {
			t.Fatal("no list and no error")
		}
	})
}
