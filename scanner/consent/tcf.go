package consent

import (
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/privacyscan/privacyscan/scanner/model"
)

// ErrTCVersion means a TC string that is not TCF v2.
var ErrTCVersion = errors.New("not a TCF v2 string")

// DecodeTCString decodes the core segment of a TCF v2 string. Other
// segments (disclosed vendors, publisher TC) are ignored.
func DecodeTCString(s string) (*model.TCString, error) {
	core, _, _ := strings.Cut(strings.TrimSpace(s), ".")
	raw, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(core, "="))
	if err != nil {
		return nil, fmt.Errorf("decoding TC string: %w", err)
	}
	r := &bitReader{b: raw}
	t := &model.TCString{}
	t.Version = r.int(6)
	if t.Version != 2 {
		return nil, fmt.Errorf("decoding TC string: version %d: %w", t.Version, ErrTCVersion)
	}
	t.Created = deciseconds(r.int64(36))
	t.LastUpdated = deciseconds(r.int64(36))
	t.CMPID = r.int(12)
	t.CMPVersion = r.int(12)
	t.ConsentScreen = r.int(6)
	t.ConsentLanguage = r.letters(2)
	t.VendorListVersion = r.int(12)
	t.PolicyVersion = r.int(6)
	t.IsServiceSpecific = r.bool()
	t.UseNonStandardTexts = r.bool()
	t.SpecialFeatures = r.bitfield(12)
	t.Purposes = r.bitfield(24)
	t.PurposesLI = r.bitfield(24)
	t.PurposeOneTreatment = r.bool()
	t.PublisherCC = r.letters(2)
	t.Vendors = r.vendors()
	t.VendorsLI = r.vendors()
	if r.overrun {
		return nil, errors.New("decoding TC string: truncated core segment")
	}
	return t, nil
}

func deciseconds(n int64) time.Time { return time.UnixMilli(n * 100).UTC() }

type bitReader struct {
	b       []byte
	pos     int
	overrun bool
}

func (r *bitReader) int64(n int) int64 {
	var v int64
	for range n {
		v <<= 1
		if r.pos/8 >= len(r.b) {
			r.overrun = true
		} else if r.b[r.pos/8]&(0x80>>(r.pos%8)) != 0 {
			v |= 1
		}
		r.pos++
	}
	return v
}

func (r *bitReader) int(n int) int { return int(r.int64(n)) }
func (r *bitReader) bool() bool    { return r.int64(1) == 1 }

func (r *bitReader) letters(n int) string {
	var b strings.Builder
	for range n {
		b.WriteByte(byte('A' + r.int(6)))
	}
	return b.String()
}

func (r *bitReader) bitfield(n int) []int {
	out := []int{}
	for i := 1; i <= n; i++ {
		if r.bool() {
			out = append(out, i)
		}
	}
	return out
}

func (r *bitReader) vendors() []int {
	max := r.int(16)
	if r.bool() { // range encoding
		out := []int{}
		n := r.int(12)
		for range n {
			isRange := r.bool()
			start := r.int(16)
			end := start
			if isRange {
				end = r.int(16)
			}
			if end-start > 1<<16 || r.overrun {
				r.overrun = true
				return out
			}
			for v := start; v <= end; v++ {
				out = append(out, v)
			}
		}
		return out
	}
	return r.bitfield(max)
}

// EncodeTCString builds a core-segment TC string; tests and fixtures use it
// to make strings whose content they know.
func EncodeTCString(t model.TCString) string {
	w := &bitWriter{}
	w.put(6, 2)
	w.put(36, t.Created.UnixMilli()/100)
	w.put(36, t.LastUpdated.UnixMilli()/100)
	w.put(12, int64(t.CMPID))
	w.put(12, int64(t.CMPVersion))
	w.put(6, int64(t.ConsentScreen))
	for i := range 2 {
		c := byte('E')
		if i < len(t.ConsentLanguage) {
			c = t.ConsentLanguage[i]
		}
		w.put(6, int64(c-'A'))
	}
	w.put(12, int64(t.VendorListVersion))
	w.put(6, int64(t.PolicyVersion))
	w.bool(t.IsServiceSpecific)
	w.bool(t.UseNonStandardTexts)
	w.bits(12, t.SpecialFeatures)
	w.bits(24, t.Purposes)
	w.bits(24, t.PurposesLI)
	w.bool(t.PurposeOneTreatment)
	for i := range 2 {
		c := byte('A')
		if i < len(t.PublisherCC) {
			c = t.PublisherCC[i]
		}
		w.put(6, int64(c-'A'))
	}
	for _, vs := range [][]int{t.Vendors, t.VendorsLI} {
		max := 0
		for _, v := range vs {
			max = maxInt(max, v)
		}
		w.put(16, int64(max))
		w.bool(false)
		w.bits(max, vs)
	}
	return base64.RawURLEncoding.EncodeToString(w.b)
}

func maxInt(a, b int) int {
	if a > b {
		return a
	}
	return b
}

type bitWriter struct {
	b   []byte
	pos int
}

func (w *bitWriter) put(n int, v int64) {
	for i := n - 1; i >= 0; i-- {
		if w.pos/8 >= len(w.b) {
			w.b = append(w.b, 0)
		}
		if v&(1<<i) != 0 {
			w.b[w.pos/8] |= 0x80 >> (w.pos % 8)
		}
		w.pos++
	}
}

func (w *bitWriter) bool(v bool) {
	if v {
		w.put(1, 1)
	} else {
		w.put(1, 0)
	}
}

func (w *bitWriter) bits(n int, set []int) {
	on := map[int]bool{}
	for _, v := range set {
		on[v] = true
	}
	for i := 1; i <= n; i++ {
		w.bool(on[i])
	}
}
