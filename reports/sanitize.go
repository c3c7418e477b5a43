package reports

import (
	"strings"
	"unicode"
)

// Clean strips control and bidi-override characters from a string that a
// scanned site controls, so it cannot move the cursor, recolour the terminal
// or reorder text, and bounds its length.
func Clean(s string, max int) string {
	var b strings.Builder
	n := 0
	for _, r := range s {
		switch {
		case r == '\n' || r == '\t' || r == '\r':
			r = ' '
		case r == '\u2028' || r == '\u2029':
			r = ' '
		case unicode.IsControl(r), unicode.Is(unicode.Bidi_Control, r), r == 0xFEFF:
			continue
		}
		if max > 0 && n >= max {
			b.WriteString("…")
			break
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}
