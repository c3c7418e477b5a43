// Package leak finds the canary identity typed by the shopper's journey (and
// the search term) in outbound requests: in clear, URL-encoded, JSON-escaped,
// base64 (standard and URL-safe, at any alignment inside a longer blob),
// lower-cased and trimmed, and hashed with MD5, SHA-1 and SHA-256 the way
// advertising pixels' advanced matching normalises values before hashing
// (e-mail lower-cased and trimmed, phone as digits with and without the
// country code, names lower-cased).
//
// Every needle is computed once, in New; Search walks each part of a request
// once through an Aho–Corasick automaton over ASCII-folded bytes, so its cost
// grows with the request's size, not with the number of needles.
//
// The package is pure: standard library and the model only.
package leak

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"net/url"
	"sort"
	"strings"

	"github.com/privacyscan/privacyscan/scanner/model"
)

// Canary value kinds (Hit.Kind, model.Leak.Kind).
const (
	KindEmail      = "email"
	KindFirstName  = "first_name"
	KindLastName   = "last_name"
	KindPhone      = "phone"
	KindStreet     = "street"
	KindPostalCode = "postal_code"
	KindCity       = "city"
	KindSearch     = "search"
)

// Where values (Hit.Where) other than "header:<name>".
const (
	WhereURL    = "url"
	WhereBody   = "body"
	WhereCookie = "cookie"
)

// MinNeedle is the shortest needle searched: shorter values (and shorter
// base64 fragments) would match by chance.
const MinNeedle = 4

// maxMatches bounds the matches kept per request part.
const maxMatches = 1024

// minBase64 is the shortest base64 fragment searched: base64 blobs are long
// and dense, so a short fragment matches by chance.
const minBase64 = 8

// Exchange is one outbound request as the leak search sees it. Headers holds
// request headers (a "Cookie" header is reported as Where "cookie") and may
// also hold response headers such as "Set-Cookie" (reported as "cookie").
type Exchange struct {
	URL     string
	Method  string
	Headers map[string]string
	Body    []byte
}

// Hit is one canary value found in an exchange.
type Hit struct {
	// Kind is the canary kind (email, first_name, last_name, phone, street,
	// postal_code, city, search).
	Kind string `json:"kind"`
	// Encoding is how the value was written: plain, url, json, base64,
	// base64url, lower, md5, sha1, sha256, digits (phone digits without the
	// country code), digits-cc (with it), e164 (+ and digits-cc), or a
	// combination, inner form in brackets: "sha256(lower)",
	// "base64(lower)", "sha256(digits-cc)".
	Encoding string `json:"encoding"`
	// Where: url, header:<name> (lower-case name), body, cookie.
	Where string `json:"where"`
}

// Matcher searches requests for one canary's values. It is immutable after
// New and safe for concurrent use.
type Matcher struct {
	class  [256]uint8 // folded byte -> symbol class (0: no needle uses it)
	nclass int
	// next is the complete DFA, state*nclass + class -> state: 16-bit
	// states when they fit (half the table, which stays in cache), else
	// 32-bit.
	next16 []uint16
	next32 []uint32
	// hasOut marks the states where a needle ends; out lists them.
	hasOut  []bool
	out     [][]int32
	needles []needle
	empty   bool
}

type needle struct {
	text     string // as generated (original case)
	kind     string
	encoding string
	// exact: the bytes must match case-sensitively (base64); otherwise the
	// match is ASCII case-insensitive (text, percent escapes, hex digests).
	exact bool
	// bounded: the match must not continue a word or number on either side
	// (short clear-text values such as a first name or a postal code).
	bounded bool
	// alts are the other forms that fold to the same needle (the value as
	// typed, "Anna", and lower-cased, "anna"): the one that matches the
	// bytes exactly names the encoding.
	alts []alt
}

type alt struct{ text, encoding string }

// New precomputes every needle of the canary and builds the automaton.
func New(c model.Canary) *Matcher {
	g := &gen{seen: map[string]int{}}
	g.email(c.Email)
	g.text(KindFirstName, c.FirstName, false)
	g.text(KindLastName, c.LastName, false)
	g.phone(c.Phone)
	g.text(KindStreet, c.Street, false)
	g.text(KindPostalCode, c.PostalCode, true)
	g.text(KindCity, c.City, true)
	g.text(KindSearch, c.SearchTerm, false)
	return build(g.needles)
}

// Needles returns the number of needles searched (for tests and diagnostics).
func (m *Matcher) Needles() int { return len(m.needles) }

// form is one normalised form of a value: its text and its label ("" for the
// value as typed).
type form struct{ text, label string }

type gen struct {
	needles []needle
	seen    map[string]int // kind + "\x00" + exact flag + text -> index
}

func (g *gen) add(kind, text, enc string, exact, bounded bool) {
	if len(text) < MinNeedle {
		return
	}
	key := kind + "\x00" + text
	if !exact {
		key = kind + "\x01" + strings.ToLower(text)
	}
	if i, ok := g.seen[key]; ok {
		if nd := &g.needles[i]; !exact && nd.text != text && nd.encoding != enc {
			if len(nd.alts) == 0 {
				nd.alts = append(nd.alts, alt{nd.text, nd.encoding})
			}
			nd.alts = append(nd.alts, alt{text, enc})
		}
		return
	}
	g.seen[key] = len(g.needles)
	g.needles = append(g.needles, needle{text: text, kind: kind, encoding: enc, exact: exact, bounded: bounded})
}

func label(outer, inner string) string {
	switch {
	case inner == "":
		return outer
	case outer == "plain":
		return inner
	default:
		return outer + "(" + inner + ")"
	}
}

// forms adds every encoding of each form: clear, URL-encoded, JSON-escaped,
// base64 and hashed.
func (g *gen) forms(kind string, fs []form, bounded bool) {
	for _, f := range fs {
		if f.text == "" {
			continue
		}
		g.add(kind, f.text, label("plain", f.label), false, bounded)
		for _, u := range urlForms(f.text) {
			g.add(kind, u, label("url", f.label), false, bounded)
			// A page URL carried in another URL (GA4 dl, Meta dl, a referrer
			// parameter) is encoded twice: the search term in
			// dl=...%3Fq%3Dwanderschuhe%2Bcanary.
			g.add(kind, url.QueryEscape(u), "url("+label("url", f.label)+")", false, bounded)
		}
		if j := jsonEscape(f.text); j != f.text {
			g.add(kind, j, label("json", f.label), false, bounded)
		}
		for _, b := range base64Forms(f.text) {
			g.add(kind, b.text, label(b.label, f.label), true, false)
			// Standard base64 in a query string: + and / percent-encoded.
			if q := url.QueryEscape(b.text); q != b.text {
				g.add(kind, q, "url("+label(b.label, f.label)+")", false, false)
			}
		}
		g.add(kind, hexSum(md5.New, f.text), label("md5", f.label), false, false)
		g.add(kind, hexSum(sha1.New, f.text), label("sha1", f.label), false, false)
		sum := sha256.Sum256([]byte(f.text))
		g.add(kind, hex.EncodeToString(sum[:]), label("sha256", f.label), false, false)
		// Some tags send the SHA-256 digest in base64 instead of hex.
		g.add(kind, base64.StdEncoding.EncodeToString(sum[:])[:43], "base64("+label("sha256", f.label)+")", true, false)
	}
}

func (g *gen) email(v string) {
	v = strings.TrimSpace(v)
	if v == "" {
		return
	}
	g.forms(KindEmail, distinct(form{v, ""}, form{strings.ToLower(v), "lower"}), false)
}

// text adds a free-text value: as typed, lower-cased and trimmed, and (for
// city and postal code, which advanced matching sends without spaces)
// lower-cased without spaces.
func (g *gen) text(kind, v string, nospace bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return
	}
	fs := []form{{v, ""}, {strings.ToLower(v), "lower"}}
	if nospace {
		fs = append(fs, form{strings.ToLower(strings.Join(strings.Fields(v), "")), "lower"})
	}
	g.forms(kind, distinct(fs...), true)
}

// phone adds the number as typed and its digit forms: digits-cc (country
// code and number, no + nor leading zero: what Meta hashes), e164 (+ and
// digits-cc: what Google hashes), digits (the national number, with and
// without the trunk 0). The country code is known only when the number is
// written internationally (+ or 00).
func (g *gen) phone(v string) {
	v = strings.TrimSpace(v)
	if v == "" {
		return
	}
	digits := onlyDigits(v)
	fs := []form{{v, ""}}
	intl := strings.HasPrefix(v, "+") || strings.HasPrefix(digits, "00")
	if intl {
		d := strings.TrimPrefix(digits, "00")
		if !strings.HasPrefix(v, "+") {
			d = digits[2:]
		}
		cc := countryCode(d)
		national := d[len(cc):]
		// "+49 (0)151 ..." writes the trunk 0 after the country code.
		national = strings.TrimPrefix(national, "0")
		fs = append(fs,
			form{cc + national, "digits-cc"},
			form{"+" + cc + national, "e164"},
			form{national, "digits"},
			form{"0" + national, "digits"})
	} else {
		fs = append(fs, form{digits, "digits"})
		if n := strings.TrimPrefix(digits, "0"); n != digits {
			fs = append(fs, form{n, "digits"})
		}
	}
	g.forms(KindPhone, distinct(fs...), true)
}

func distinct(fs ...form) []form {
	var out []form
	seen := map[string]bool{}
	for _, f := range fs {
		if f.text == "" || seen[f.text] {
			continue
		}
		seen[f.text] = true
		out = append(out, f)
	}
	return out
}

func onlyDigits(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// countryCode returns the calling code at the start of an international
// number's digits, by the ITU numbering plan: one digit for zones 1 and 7,
// two digits for the codes assigned as pairs, three otherwise.
func countryCode(d string) string {
	if len(d) < 4 {
		return ""
	}
	if d[0] == '1' || d[0] == '7' {
		return d[:1]
	}
	two := map[string]bool{
		"20": true, "27": true, "30": true, "31": true, "32": true, "33": true, "34": true, "36": true,
		"39": true, "40": true, "41": true, "43": true, "44": true, "45": true, "46": true, "47": true,
		"48": true, "49": true, "51": true, "52": true, "53": true, "54": true, "55": true, "56": true,
		"57": true, "58": true, "60": true, "61": true, "62": true, "63": true, "64": true, "65": true,
		"66": true, "81": true, "82": true, "84": true, "86": true, "90": true, "91": true, "92": true,
		"93": true, "94": true, "95": true, "98": true,
	}
	if two[d[:2]] {
		return d[:2]
	}
	return d[:3]
}

// urlForms are the percent-encoded forms of s: query style (space as +) and
// path/encodeURIComponent style (space as %20). Lower-case hex escapes match
// too, as matching is case-insensitive.
func urlForms(s string) []string {
	q := url.QueryEscape(s)
	p := strings.ReplaceAll(q, "+", "%20")
	// encodeURIComponent leaves these unescaped where QueryEscape escapes them.
	r := strings.NewReplacer("%21", "!", "%27", "'", "%28", "(", "%29", ")", "%2A", "*")
	out := []string{q, p, r.Replace(p)}
	var res []string
	for _, o := range out {
		if o != s {
			res = append(res, o)
		}
	}
	return res
}

// jsonEscape writes s as a JSON encoder that escapes '@', '/' and every
// non-ASCII rune (\u0040, \/, \u00e9) would.
func jsonEscape(s string) string {
	var b strings.Builder
	const hexd = "0123456789abcdef"
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '/':
			b.WriteString(`\/`)
		case r == '@' || r < 0x20 || (r >= 0x80 && r < 0x10000):
			b.WriteString(`\u`)
			b.WriteByte(hexd[r>>12&0xf])
			b.WriteByte(hexd[r>>8&0xf])
			b.WriteByte(hexd[r>>4&0xf])
			b.WriteByte(hexd[r&0xf])
		case r >= 0x10000:
			r -= 0x10000
			for _, u := range []rune{0xd800 + r>>10, 0xdc00 + r&0x3ff} {
				b.WriteString(`\u`)
				b.WriteByte(hexd[u>>12&0xf])
				b.WriteByte(hexd[u>>8&0xf])
				b.WriteByte(hexd[u>>4&0xf])
				b.WriteByte(hexd[u&0xf])
			}
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// base64Forms are the fragments of s's base64 encoding that are the same
// whatever bytes come before and after s in the encoded blob: s encoded at
// offset 0, 1 and 2 of a 3-byte group, without the characters that depend
// on the neighbouring bytes. Offset 0 matches the whole value encoded alone,
// with or without padding. Standard and URL-safe alphabets.
func base64Forms(s string) []form {
	var out []form
	for k := 0; k < 3; k++ {
		buf := make([]byte, k+len(s))
		copy(buf[k:], s)
		enc := base64.RawStdEncoding.EncodeToString(buf)
		lo := (4*k + 2) / 3
		hi := 4 * len(buf) / 3
		if hi-lo < minBase64 {
			continue
		}
		frag := enc[lo:hi]
		out = append(out, form{frag, "base64"})
		if u := strings.NewReplacer("+", "-", "/", "_").Replace(frag); u != frag {
			out = append(out, form{u, "base64url"})
		}
	}
	return out
}

type hasher interface {
	Write([]byte) (int, error)
	Sum([]byte) []byte
}

func hexSum[H hasher](newH func() H, s string) string {
	h := newH()
	h.Write([]byte(s))
	return hex.EncodeToString(h.Sum(nil))
}

func fold(b byte) byte {
	if b >= 'A' && b <= 'Z' {
		return b + 'a' - 'A'
	}
	return b
}

// build makes a complete DFA (Aho–Corasick goto plus failure transitions)
// over the folded bytes the needles use; every other byte is class 0, which
// no needle contains, so it sends every state back to the root.
func build(ns []needle) *Matcher {
	m := &Matcher{needles: ns}
	if len(ns) == 0 {
		m.empty = true
		return m
	}
	n := 1
	for _, nd := range ns {
		for i := 0; i < len(nd.text); i++ {
			c := fold(nd.text[i])
			if m.class[c] == 0 {
				m.class[c] = uint8(n)
				n++
			}
		}
	}
	for b := 'A'; b <= 'Z'; b++ {
		m.class[b] = m.class[b+'a'-'A']
	}
	m.nclass = n
	// Trie: at most one node per needle byte, plus the root.
	nodes := 1
	for _, nd := range ns {
		nodes += len(nd.text)
	}
	next := make([]int32, n, nodes*n)
	out := make([][]int32, 1, nodes)
	for i, nd := range ns {
		s := int32(0)
		for j := 0; j < len(nd.text); j++ {
			c := int32(m.class[nd.text[j]])
			t := next[s*int32(n)+c]
			if t == 0 {
				t = int32(len(out))
				next[s*int32(n)+c] = t
				next = append(next, make([]int32, n)...)
				out = append(out, nil)
			}
			s = t
		}
		out[s] = append(out[s], int32(i))
	}
	// Breadth-first: failure links folded into the transition table.
	fail := make([]int32, len(out))
	queue := make([]int32, 0, len(out))
	for c := 1; c < n; c++ {
		if t := next[c]; t != 0 {
			queue = append(queue, t)
		}
	}
	for q := 0; q < len(queue); q++ {
		s := queue[q]
		out[s] = append(out[s], out[fail[s]]...)
		for c := 1; c < n; c++ {
			t := next[s*int32(n)+int32(c)]
			f := next[fail[s]*int32(n)+int32(c)]
			if t != 0 {
				fail[t] = f
				queue = append(queue, t)
			} else {
				next[s*int32(n)+int32(c)] = f
			}
		}
	}
	m.out = out
	m.hasOut = make([]bool, len(out))
	for i, o := range out {
		m.hasOut[i] = len(o) > 0
	}
	if len(out) <= 1<<16 {
		m.next16 = make([]uint16, len(next))
		for i, t := range next {
			m.next16[i] = uint16(t)
		}
	} else {
		m.next32 = make([]uint32, len(next))
		for i, t := range next {
			m.next32[i] = uint32(t)
		}
	}
	return m
}

// match is one needle found at [start, end) of a field.
type match struct {
	needle     int32
	start, end int
}

// Search returns the canary values found in x, one Hit per kind, encoding
// and place, sorted. A value found only inside a longer value found at the
// same place (a first name inside the e-mail address) is not reported apart.
func (m *Matcher) Search(x Exchange) []Hit {
	if m == nil || m.empty {
		return nil
	}
	var hits []Hit
	var buf [16]match
	hits = collect(m, hits, WhereURL, scan(m, x.URL, buf[:0]), x.URL)
	for k, v := range x.Headers {
		// Header order does not matter: hits are sorted below.
		if ms := scan(m, v, buf[:0]); len(ms) > 0 {
			hits = collect(m, hits, headerWhere(k), ms, v)
		}
	}
	hits = collect(m, hits, WhereBody, scan(m, x.Body, buf[:0]), x.Body)
	if len(hits) == 0 {
		return nil
	}
	sort.Slice(hits, func(i, j int) bool {
		a, b := hits[i], hits[j]
		if a.Kind != b.Kind {
			return a.Kind < b.Kind
		}
		if a.Where != b.Where {
			return a.Where < b.Where
		}
		return a.Encoding < b.Encoding
	})
	out := hits[:1]
	for _, h := range hits[1:] {
		if h != out[len(out)-1] {
			out = append(out, h)
		}
	}
	return out
}

// headerWhere names a header as Hit.Where: cookie for Cookie and Set-Cookie,
// else header:<lower-case name>.
func headerWhere(k string) string {
	lk := strings.ToLower(k)
	if lk == "cookie" || lk == "set-cookie" {
		return WhereCookie
	}
	return "header:" + lk
}

// scan walks s once through the automaton and returns the verified matches.
func scan[T string | []byte](m *Matcher, s T, ms []match) []match {
	if m.next16 != nil {
		return walk(m, m.next16, s, ms)
	}
	return walk(m, m.next32, s, ms)
}

func walk[S uint16 | uint32, T string | []byte](m *Matcher, next []S, s T, ms []match) []match {
	var seen needleSet
	st := 0
	n := m.nclass
	class := &m.class
	hasOut := m.hasOut
	for i := 0; i < len(s); i++ {
		st = int(next[st*n+int(class[s[i]])])
		if !hasOut[st] {
			continue
		}
		for _, id := range m.out[st] {
			nd := &m.needles[id]
			start := i + 1 - len(nd.text)
			if nd.exact && string(s[start:i+1]) != nd.text {
				continue
			}
			if nd.bounded && !bounded(s, start, i+1) {
				continue
			}
			if len(ms) >= maxMatches && seen.has(ms, id) {
				// A body that repeats a value thousands of times says
				// no more than its first matches; collect stays cheap.
				continue
			}
			ms = append(ms, match{id, start, i + 1})
			seen.add(id)
		}
	}
	return ms
}

// needleSet records which needles matched in a part: a bit per needle for
// the first 1024, a look through the matches beyond.
type needleSet [16]uint64

func (s *needleSet) add(id int32) {
	if id < 1024 {
		s[id>>6] |= 1 << (id & 63)
	}
}

func (s *needleSet) has(ms []match, id int32) bool {
	if id < 1024 {
		return s[id>>6]&(1<<(id&63)) != 0
	}
	for _, x := range ms {
		if x.needle == id {
			return true
		}
	}
	return false
}

// bounded reports whether s[start:end] is not the middle of a longer word or
// number: the byte before (after) must not be a letter or digit of the same
// run. A percent escape (%3D) or JSON escape (\u0022) before the match, or
// one after it, is a boundary.
func bounded[T string | []byte](s T, start, end int) bool {
	if start > 0 {
		first, prev := s[start], s[start-1]
		if joins(prev, first) && !escapedBefore(s, start) {
			return false
		}
	}
	if end < len(s) {
		last, next := s[end-1], s[end]
		if joins(last, next) && next != '%' {
			return false
		}
	}
	return true
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }
func isAlnum(b byte) bool {
	return isDigit(b) || (b|0x20 >= 'a' && b|0x20 <= 'z') || b >= 0x80
}

// joins reports whether two adjacent bytes belong to one token (a word or a
// number, letters and digits mixed).
func joins(a, b byte) bool { return isAlnum(a) && isAlnum(b) }

func escapedBefore[T string | []byte](s T, start int) bool {
	if start >= 3 && s[start-3] == '%' && isHex(s[start-2]) && isHex(s[start-1]) {
		return true
	}
	if start >= 6 && s[start-6] == '\\' && s[start-5]|0x20 == 'u' {
		return true
	}
	return false
}

func isHex(b byte) bool {
	return isDigit(b) || (b|0x20 >= 'a' && b|0x20 <= 'f')
}

// collect turns one field's matches into hits: the exact-case candidate label
// wins for case-insensitive needles, and matches inside a longer match of
// another kind are dropped.
func collect[T string | []byte](m *Matcher, hits []Hit, where string, ms []match, s T) []Hit {
	for i, a := range ms {
		inside := false
		for j, b := range ms {
			if i != j && b.start <= a.start && a.end <= b.end && (b.end-b.start) > (a.end-a.start) &&
				m.needles[b.needle].kind != m.needles[a.needle].kind {
				inside = true
				break
			}
		}
		if inside {
			continue
		}
		nd := &m.needles[a.needle]
		enc := nd.encoding
		for _, al := range nd.alts {
			if string(s[a.start:a.end]) == al.text {
				enc = al.encoding
				break
			}
		}
		hits = append(hits, Hit{Kind: nd.kind, Encoding: enc, Where: where})
	}
	return hits
}
