package consent

import (
	"errors"
	"fmt"
	"strings"

	"github.com/privacyscan/privacyscan/scanner/model"
)

// The IAB Global Privacy Platform string: a header section that lists the
// section ids (Fibonacci-coded, delta ranges), then one section per id,
// joined by "~". Each section is base64url text read bit by bit (6 bits a
// character, no padding); a section may carry sub-sections after ".".

// GPP section ids and names this decoder knows.
var gppSectionNames = map[int]string{
	2: "tcfeuv2", 5: "tcfcav1", 6: "uspv1", 7: "usnat", 8: "usca", 9: "usva", 10: "usco", 11: "usut", 12: "usct",
}

// ErrGPPHeader means a GPP string whose header is not a GPP v1 header.
var ErrGPPHeader = errors.New("not a GPP v1 header")

// maxGPPSections bounds the section ids a header may list.
const maxGPPSections = 64

// DecodeGPP decodes a GPP string: its header, and the tcfeuv2 (as a TC
// string), usnat and uspv1 sections; other sections are named and kept
// undecoded.
func DecodeGPP(s string) (*model.GPPString, error) {
	parts := strings.Split(strings.TrimSpace(s), "~")
	r, err := newB64Reader(parts[0])
	if err != nil {
		return nil, fmt.Errorf("decoding GPP header: %w", err)
	}
	if typ, ver := r.int(6), r.int(6); typ != 3 || ver != 1 {
		return nil, fmt.Errorf("decoding GPP header: type %d version %d: %w", typ, ver, ErrGPPHeader)
	}
	ids, err := r.fibRanges()
	if err != nil {
		return nil, fmt.Errorf("decoding GPP header: %w", err)
	}
	if len(ids) != len(parts)-1 {
		return nil, fmt.Errorf("decoding GPP string: the header lists %d sections, the string has %d", len(ids), len(parts)-1)
	}
	g := &model.GPPString{SectionIDs: ids}
	for i, id := range ids {
		sec := model.GPPSection{ID: id, Name: gppSectionNames[id], Raw: parts[i+1]}
		switch id {
		case 2:
			tc, err := DecodeTCString(parts[i+1])
			if err != nil {
				sec.Error = err.Error()
			}
			sec.TCF = tc
		case 6:
			us, err := decodeUSPv1(parts[i+1])
			if err != nil {
				sec.Error = err.Error()
			}
			sec.USP = us
		case 7:
			us, err := decodeUSNat(parts[i+1])
			if err != nil {
				sec.Error = err.Error()
			}
			sec.USNat = us
		}
		g.Sections = append(g.Sections, sec)
	}
	return g, nil
}

// b64Reader reads bits from base64url text, 6 bits a character.
type b64Reader struct {
	bits    []byte // one 0/1 per bit
	pos     int
	overrun bool
}

const b64Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

func newB64Reader(s string) (*b64Reader, error) {
	s = strings.TrimRight(s, "=")
	if s == "" {
		return nil, errors.New("empty section")
	}
	if len(s) > 16<<10 {
		return nil, errors.New("section too long")
	}
	r := &b64Reader{bits: make([]byte, 0, 6*len(s))}
	for i := 0; i < len(s); i++ {
		v := strings.IndexByte(b64Alphabet, s[i])
		if v < 0 {
			return nil, fmt.Errorf("invalid character %q at %d", s[i], i)
		}
		for b := 5; b >= 0; b-- {
			r.bits = append(r.bits, byte(v>>b)&1)
		}
	}
	return r, nil
}

func (r *b64Reader) bit() int {
	if r.pos >= len(r.bits) {
		r.overrun = true
		r.pos++
		return 0
	}
	v := int(r.bits[r.pos])
	r.pos++
	return v
}

func (r *b64Reader) int(n int) int {
	v := 0
	for range n {
		v = v<<1 | r.bit()
	}
	return v
}

// fib reads one Fibonacci-coded integer (terminated by two 1 bits).
func (r *b64Reader) fib() (int, error) {
	a, b := 1, 2 // F(2), F(3)
	v, prev := 0, 0
	for i := 0; i < 40; i++ {
		bit := r.bit()
		if r.overrun {
			return 0, errors.New("truncated Fibonacci integer")
		}
		if bit == 1 && prev == 1 {
			return v, nil
		}
		if bit == 1 {
			v += a
		}
		prev = bit
		a, b = b, a+b
	}
	return 0, errors.New("Fibonacci integer too long")
}

// fibRanges reads the header's section ids: a 12-bit count, then entries
// that are a single id or a range, each an offset from the previous id.
func (r *b64Reader) fibRanges() ([]int, error) {
	n := r.int(12)
	if r.overrun {
		return nil, errors.New("truncated section count")
	}
	if n > maxGPPSections {
		return nil, fmt.Errorf("%d sections listed, at most %d read", n, maxGPPSections)
	}
	var ids []int
	last := 0
	for range n {
		isRange := r.bit() == 1
		start, err := r.fib()
		if err != nil {
			return nil, err
		}
		start += last
		end := start
		if isRange {
			d, err := r.fib()
			if err != nil {
				return nil, err
			}
			end = start + d
		}
		if end-start+len(ids) > maxGPPSections {
			return nil, fmt.Errorf("more than %d section ids", maxGPPSections)
		}
		for id := start; id <= end; id++ {
			ids = append(ids, id)
		}
		last = end
	}
	return ids, nil
}

// decodeUSNat decodes the core sub-section of usnat (versions 1 and 2).
// Opt-outs read 1 for opted out, 2 for not opted out, 0 for not applicable.
func decodeUSNat(s string) (*model.USNat, error) {
	core, _, _ := strings.Cut(s, ".")
	r, err := newB64Reader(core)
	if err != nil {
		return nil, fmt.Errorf("decoding usnat: %w", err)
	}
	u := &model.USNat{Version: r.int(6)}
	if u.Version != 1 && u.Version != 2 {
		return nil, fmt.Errorf("decoding usnat: version %d", u.Version)
	}
	u.SharingNotice = r.int(2)
	u.SaleOptOutNotice = r.int(2)
	u.SharingOptOutNotice = r.int(2)
	u.TargetedAdvertisingOptOutNotice = r.int(2)
	u.SensitiveDataProcessingOptOutNotice = r.int(2)
	u.SensitiveDataLimitUseNotice = r.int(2)
	u.SaleOptOut = r.int(2)
	u.SharingOptOut = r.int(2)
	u.TargetedAdvertisingOptOut = r.int(2)
	sensitive, children := 12, 2
	if u.Version == 2 {
		sensitive, children = 16, 3
	}
	for range sensitive {
		u.SensitiveDataProcessing = append(u.SensitiveDataProcessing, r.int(2))
	}
	for range children {
		u.KnownChildSensitiveDataConsents = append(u.KnownChildSensitiveDataConsents, r.int(2))
	}
	u.PersonalDataConsents = r.int(2)
	u.MspaCoveredTransaction = r.int(2)
	u.MspaOptOutOptionMode = r.int(2)
	u.MspaServiceProviderMode = r.int(2)
	if r.overrun {
		return nil, errors.New("decoding usnat: truncated core")
	}
	return u, nil
}

// decodeUSPv1 decodes the CCPA string ("1YNN": version, notice given,
// opted out of sale, LSPA covered; "-" not applicable).
func decodeUSPv1(s string) (*model.USPrivacy, error) {
	if len(s) != 4 || s[0] != '1' {
		return nil, fmt.Errorf("decoding uspv1: %q is not a version 1 string", s)
	}
	for _, c := range s[1:] {
		if c != 'Y' && c != 'N' && c != '-' && c != 'y' && c != 'n' {
			return nil, fmt.Errorf("decoding uspv1: %q", s)
		}
	}
	up := strings.ToUpper(s)
	return &model.USPrivacy{Notice: string(up[1]), OptOutSale: string(up[2]), LSPA: string(up[3])}, nil
}

// encodeGPPHeader writes a header listing ids (ascending), each as a single
// entry; tests use it to build strings whose content they know.
func encodeGPPHeader(ids []int) string {
	var bits []byte
	put := func(n, v int) {
		for i := n - 1; i >= 0; i-- {
			bits = append(bits, byte(v>>i)&1)
		}
	}
	fib := func(v int) {
		fs := []int{1, 2}
		for fs[len(fs)-1] <= v {
			fs = append(fs, fs[len(fs)-1]+fs[len(fs)-2])
		}
		code := make([]byte, len(fs))
		for i := len(fs) - 1; i >= 0; i-- {
			if fs[i] <= v {
				code[i] = 1
				v -= fs[i]
			}
		}
		for len(code) > 0 && code[len(code)-1] == 0 {
			code = code[:len(code)-1]
		}
		bits = append(bits, code...)
		bits = append(bits, 1)
	}
	put(6, 3)
	put(6, 1)
	put(12, len(ids))
	last := 0
	for _, id := range ids {
		put(1, 0)
		fib(id - last)
		last = id
	}
	return bitsToB64(bits)
}

func bitsToB64(bits []byte) string {
	for len(bits)%6 != 0 {
		bits = append(bits, 0)
	}
	var b strings.Builder
	for i := 0; i < len(bits); i += 6 {
		v := 0
		for _, x := range bits[i : i+6] {
			v = v<<1 | int(x)
		}
		b.WriteByte(b64Alphabet[v])
	}
	return b.String()
}

// encodeUSNat writes a version 1 usnat core for tests.
func encodeUSNat(u model.USNat) string {
	var bits []byte
	put := func(n, v int) {
		for i := n - 1; i >= 0; i-- {
			bits = append(bits, byte(v>>i)&1)
		}
	}
	put(6, 1)
	for _, v := range []int{u.SharingNotice, u.SaleOptOutNotice, u.SharingOptOutNotice, u.TargetedAdvertisingOptOutNotice,
		u.SensitiveDataProcessingOptOutNotice, u.SensitiveDataLimitUseNotice, u.SaleOptOut, u.SharingOptOut, u.TargetedAdvertisingOptOut} {
		put(2, v)
	}
	for i := range 12 {
		v := 0
		if i < len(u.SensitiveDataProcessing) {
			v = u.SensitiveDataProcessing[i]
		}
		put(2, v)
	}
	for i := range 2 {
		v := 0
		if i < len(u.KnownChildSensitiveDataConsents) {
			v = u.KnownChildSensitiveDataConsents[i]
		}
		put(2, v)
	}
	for _, v := range []int{u.PersonalDataConsents, u.MspaCoveredTransaction, u.MspaOptOutOptionMode, u.MspaServiceProviderMode} {
		put(2, v)
	}
	return bitsToB64(bits)
}
