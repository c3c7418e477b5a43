package kb

import "strings"

// glob is a compiled pattern where '*' matches any run of characters. It is
// enough for cookie names ("_ga_*", "mp_*_mixpanel") and URL paths
// ("/*/fbevents.js"), and much cheaper than a regular expression.
type glob struct {
	raw   string
	parts []string // literal parts between stars
	// anchoredStart and anchoredEnd are false when the pattern starts or
	// ends with '*'.
	anchoredStart, anchoredEnd bool
}

func compileGlob(p string) glob {
	g := glob{raw: p, anchoredStart: !strings.HasPrefix(p, "*"), anchoredEnd: !strings.HasSuffix(p, "*")}
	for _, s := range strings.Split(p, "*") {
		if s != "" {
			g.parts = append(g.parts, s)
		}
	}
	return g
}

// literalPrefix is the text before the first star ("" when it starts with one).
func (g glob) literalPrefix() string {
	if !g.anchoredStart || len(g.parts) == 0 {
		return ""
	}
	return g.parts[0]
}

// isLiteral reports whether the pattern has no star.
func (g glob) isLiteral() bool { return !strings.Contains(g.raw, "*") }

// match reports whether s matches the whole pattern. With only '*' as a
// wildcard, taking each literal part at its leftmost position is correct,
// except for the last part of an end-anchored pattern, which must be a suffix.
func (g glob) match(s string) bool {
	parts := g.parts
	if len(parts) == 0 {
		return !g.anchoredStart || !g.anchoredEnd || s == ""
	}
	if g.anchoredStart {
		if !strings.HasPrefix(s, parts[0]) {
			return false
		}
		if len(parts) == 1 && g.anchoredEnd {
			return len(s) == len(parts[0])
		}
		s = s[len(parts[0]):]
		parts = parts[1:]
	}
	if g.anchoredEnd && len(parts) > 0 {
		last := parts[len(parts)-1]
		if !strings.HasSuffix(s, last) {
			return false
		}
		s = s[:len(s)-len(last)]
		parts = parts[:len(parts)-1]
	}
	for _, p := range parts {
		i := strings.Index(s, p)
		if i < 0 {
			return false
		}
		s = s[i+len(p):]
	}
	return true
}

// specificity orders patterns: more literal characters first.
func (g glob) specificity() int {
	n := 0
	for _, p := range g.parts {
		n += len(p)
	}
	if g.isLiteral() {
		n += 1000
	}
	return n
}
