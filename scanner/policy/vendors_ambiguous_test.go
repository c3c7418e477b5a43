package policy

import "testing"

// TestAmbiguousVendorNames: a vendor whose name is an ordinary word counts
// only where it names the vendor, not inside a place or company name.
func TestAmbiguousVendorNames(t *testing.T) {
	vendors := []VendorName{{ID: "square", Name: "Square"}, {ID: "segment", Name: "Segment"}}
	cases := []struct {
		text string
		want bool
	}{
		{"We use Square to take card payments in our shop.", true},
		{"Payments are handled by Square. They receive your card number.", true},
		{"Our office is at 12 Fitzwilliam Square, Dublin 2, Ireland.", false},
		{"Contact us at Square Mile House, London.", false},
		{"We use a square logo.", false},
		{"Segment collects events for us. Each customer segment gets offers.", true},
	}
	for _, c := range cases {
		f := Analyze([]byte(c.text), Options{Vendors: vendors, ContentType: "text/plain"})
		got := len(f.VendorIDs) > 0
		if got != c.want {
			t.Errorf("%q: vendors %v, want found=%v", c.text, f.VendorIDs, c.want)
		}
	}
}
