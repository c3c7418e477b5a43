package consent

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/privacyscan/privacyscan/internal/golden"
	"github.com/privacyscan/privacyscan/scanner/model"
)

// gppCases are GPP strings: the IAB's published examples, strings built
// here with known content, and broken ones.
var gppCases = []struct{ name, gpp string }{
	{"iab-tcfeuv2", "DBABMA~CPXxRfAPXxRfAAfKABENB-CgAAAAAAAAAAYgAAAAAAAA"},
	{"iab-usnat-with-gpc", "DBABLA~BVQqAAAAAgA.QA"},
	{"iab-tcfeuv2-uspv1", "DBACNYA~CPXxRfAPXxRfAAfKABENB-CgAAAAAAAAAAYgAAAAAAAA~1YNN"},
	{"built-usnat-opted-out", encodeGPPHeader([]int{7}) + "~" + encodeUSNat(model.USNat{SaleOptOutNotice: 1, SharingOptOutNotice: 1, TargetedAdvertisingOptOutNotice: 1, SaleOptOut: 1, SharingOptOut: 1, TargetedAdvertisingOptOut: 1})},
	{"built-usnat-not-opted-out", encodeGPPHeader([]int{7}) + "~" + encodeUSNat(model.USNat{SaleOptOutNotice: 1, SaleOptOut: 2, SharingOptOut: 2, TargetedAdvertisingOptOut: 2})},
	{"built-tcf-reject", encodeGPPHeader([]int{2}) + "~" + EncodeTCString(model.TCString{CMPID: 300, ConsentLanguage: "DE", PublisherCC: "DE", PurposesLI: []int{2, 7}})},
	{"built-unknown-section", encodeGPPHeader([]int{2, 13}) + "~" + EncodeTCString(model.TCString{CMPID: 5, Purposes: []int{1, 2, 3}}) + "~BAAA"},
	{"not-gpp-a-tc-string", "CPXxRfAPXxRfAAfKABENB-CgAAAAAAAAAAYgAAAAAAAA"},
	{"sections-missing", "DBACNYA~CPXxRfAPXxRfAAfKABENB-CgAAAAAAAAAAYgAAAAAAAA"},
	{"bad-character", "DBA!MA~x"},
	{"empty", ""},
	{"truncated-usnat", "DBABLA~BVQ"},
	{"bad-uspv1", encodeGPPHeader([]int{6}) + "~2YNN"},
}

// TestDecodeGPP decodes the cases into a golden file, with what Prove
// makes of each after a reject.
func TestDecodeGPP(t *testing.T) {
	type out struct {
		Name    string              `json:"name"`
		GPP     string              `json:"gpp"`
		Decoded *model.GPPString    `json:"decoded,omitempty"`
		Error   string              `json:"error,omitempty"`
		Reject  *model.ChoiceEffect `json:"reject,omitempty"`
	}
	var got []out
	for _, c := range gppCases {
		d, err := DecodeGPP(c.gpp)
		o := out{Name: c.name, GPP: c.gpp, Decoded: d}
		if err != nil {
			o.Error = err.Error()
		}
		if d != nil {
			o.Reject = Prove(Reject, &model.Signals{GPP: &model.GPP{GPPString: c.gpp, Decoded: d}})
		}
		got = append(got, o)
	}
	golden.AssertJSON(t, filepath.Join("testdata", "golden", "gpp.json"), got)
	// The published examples decode as the IAB documents them.
	if d, _ := DecodeGPP(gppCases[0].gpp); d == nil || fmt.Sprint(d.SectionIDs) != "[2]" || d.Sections[0].TCF == nil {
		t.Errorf("tcfeuv2 example: %+v", d)
	}
	if d, _ := DecodeGPP(gppCases[1].gpp); d == nil || d.Sections[0].USNat == nil || d.Sections[0].Name != "usnat" {
		t.Errorf("usnat example: %+v", d)
	}
	if d, _ := DecodeGPP(gppCases[2].gpp); d == nil || fmt.Sprint(d.SectionIDs) != "[2 6]" || d.Sections[1].USP == nil || d.Sections[1].USP.OptOutSale != "N" {
		t.Errorf("tcfeuv2+uspv1 example: %+v", d)
	}
}

// TestGPPHeaderRoundTrip: headers written by encodeGPPHeader list the same
// ids when read back, including large gaps (Fibonacci offsets).
func TestGPPHeaderRoundTrip(t *testing.T) {
	for _, ids := range [][]int{{2}, {7}, {2, 6}, {2, 5, 6, 7, 8, 9, 10, 11, 12}, {1, 40, 41}} {
		parts := []string{encodeGPPHeader(ids)}
		for range ids {
			parts = append(parts, "BAAA")
		}
		d, err := DecodeGPP(strings.Join(parts, "~"))
		if err != nil || fmt.Sprint(d.SectionIDs) != fmt.Sprint(ids) {
			t.Errorf("ids %v: got %+v, %v", ids, d, err)
		}
	}
}

// FuzzGPP: the GPP string is read from the page (the site's __gpp); any
// string decodes or is refused, never a panic, and a decoded string has
// one section per id its header lists.
func FuzzGPP(f *testing.F) {
	for _, c := range gppCases {
		f.Add(c.gpp)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := DecodeGPP(s)
		if err == nil && (d == nil || len(d.Sections) != len(d.SectionIDs)) {
			t.Fatalf("decoded %+v without error", d)
		}
		if d != nil {
			_ = Prove(Reject, &model.Signals{GPP: &model.GPP{Decoded: d}})
		}
	})
}
