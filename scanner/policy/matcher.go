package policy

import (
	"unicode"
	"unicode/utf8"
)

// matcher finds many keywords in one pass over a lower-cased text
// (Aho-Corasick over byte classes, compiled to a DFA). One pass keeps the
// analysis linear in the size of the policy whatever the number of keywords
// in all the languages.
type matcher struct {
	class  [256]uint8
	nclass int
	trans  []int32   // state*nclass + class -> state
	out    [][]int32 // patterns ending at a state, suffixes included
	pats   []matchPattern
}

// matchPattern is one keyword. Keywords are written lower-case; a leading
// '*' lets the keyword end a compound ("…behörde"), a trailing '*' lets it
// start one or be a stem ("conserv*").
type matchPattern struct {
	text        string
	left, right bool // a word boundary is required on that side
	tag         int  // what the caller attached to it
}

// parsePattern turns "*stem*" notation into a pattern.
func parsePattern(s string, tag int) matchPattern {
	p := matchPattern{left: true, right: true, tag: tag}
	if len(s) > 1 && s[0] == '*' {
		p.left = false
		s = s[1:]
	}
	if len(s) > 1 && s[len(s)-1] == '*' {
		p.right = false
		s = s[:len(s)-1]
	}
	p.text = string(lowerSameLen(nil, s))
	return p
}

func newMatcher(pats []matchPattern) *matcher {
	m := &matcher{pats: pats}
	// Byte classes: every byte used by a pattern gets its own class, the
	// rest share class 0.
	var used [256]bool
	for _, p := range pats {
		for i := 0; i < len(p.text); i++ {
			used[p.text[i]] = true
		}
	}
	m.nclass = 1
	for b := 0; b < 256; b++ {
		if used[b] {
			m.class[b] = uint8(m.nclass)
			m.nclass++
		}
	}
	if m.nclass > 256 {
		panic("policy: too many byte classes") // cannot happen: 256 bytes at most
	}
	nc := m.nclass
	// Trie.
	m.trans = make([]int32, nc)
	m.out = [][]int32{nil}
	for i, p := range pats {
		if p.text == "" {
			continue
		}
		s := int32(0)
		for j := 0; j < len(p.text); j++ {
			c := int(m.class[p.text[j]])
			next := m.trans[int(s)*nc+c]
			if next == 0 {
				next = int32(len(m.out))
				m.trans[int(s)*nc+c] = next
				m.trans = append(m.trans, make([]int32, nc)...)
				m.out = append(m.out, nil)
			}
			s = next
		}
		m.out[s] = append(m.out[s], int32(i))
	}
	// Failure links, breadth first, turning the trie into a DFA.
	fail := make([]int32, len(m.out))
	queue := make([]int32, 0, len(m.out))
	for c := 0; c < nc; c++ {
		if t := m.trans[c]; t != 0 {
			queue = append(queue, t)
		}
	}
	for qi := 0; qi < len(queue); qi++ {
		s := queue[qi]
		m.out[s] = append(m.out[s], m.out[fail[s]]...)
		for c := 0; c < nc; c++ {
			t := m.trans[int(s)*nc+c]
			if t != 0 {
				fail[t] = m.trans[int(fail[s])*nc+c]
				queue = append(queue, t)
			} else {
				m.trans[int(s)*nc+c] = m.trans[int(fail[s])*nc+c]
			}
		}
	}
	return m
}

// scan calls fn for every keyword occurrence in lower (a lowerSameLen text)
// whose word boundaries hold, in order of end offset.
func (m *matcher) scan(lower []byte, fn func(p *matchPattern, start, end int)) {
	s := int32(0)
	nc := m.nclass
	for i := 0; i < len(lower); i++ {
		s = m.trans[int(s)*nc+int(m.class[lower[i]])]
		if len(m.out[s]) == 0 {
			continue
		}
		end := i + 1
		for _, pi := range m.out[s] {
			p := &m.pats[pi]
			start := end - len(p.text)
			if p.left && isWordBefore(lower, start) {
				continue
			}
			if p.right && isWordAfter(lower, end) {
				continue
			}
			fn(p, start, end)
		}
	}
}

// isWordBefore reports whether the rune ending at i is a letter or digit.
func isWordBefore(b []byte, i int) bool {
	if i <= 0 {
		return false
	}
	c := b[i-1]
	if c < utf8.RuneSelf {
		return isASCIIWord(c)
	}
	r, _ := utf8.DecodeLastRune(b[:i])
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// isWordAfter reports whether the rune starting at i is a letter or digit.
func isWordAfter(b []byte, i int) bool {
	if i >= len(b) {
		return false
	}
	c := b[i]
	if c < utf8.RuneSelf {
		return isASCIIWord(c)
	}
	r, _ := utf8.DecodeRune(b[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isASCIIWord(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// lowerSameLen appends s lower-cased to dst, keeping every rune's byte
// length so offsets in the result are offsets in s. Runes whose lower case
// has another length are kept as they are.
func lowerSameLen(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		l := unicode.ToLower(r)
		if l != r && utf8.RuneLen(l) == n {
			dst = utf8.AppendRune(dst, l)
		} else {
			dst = append(dst, s[i:i+n]...)
		}
		i += n
	}
	return dst
}
