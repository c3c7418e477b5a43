package policy

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// span is a sentence: text[start:end].
type span struct{ start, end int }

// maxSentence bounds a sentence so text without punctuation cannot make the
// per-sentence work quadratic.
const maxSentence = 1500

// abbreviations end with a dot without ending a sentence (lower case, no dot).
var abbreviations = map[string]bool{
	"e.g": true, "i.e": true, "eg": true, "ie": true, "etc": true, "vs": true, "inc": true, "ltd": true, "co": true,
	"dr": true, "mr": true, "mrs": true, "st": true, "no": true, "nr": true, "art": true, "abs": true, "ex": true,
	"p.ex": true, "cf": true, "z.b": true, "bzw": true, "ca": true, "vgl": true, "ggf": true, "usw": true, "u.a": true,
	"d.h": true, "str": true, "tel": true, "jne": true, "esim": true, "mm": true, "ks": true, "nt": true, "jm": true,
	"vrt": true, "np": true, "tzn": true, "itp": true, "itd": true, "tj": true, "např": true, "atd": true, "apod": true,
	"odst": true, "sb": true, "čl": true, "ust": true, "pkt": true, "lit": true, "b.v": true, "n.v": true, "s.a": true,
	"s.l": true, "s.p.a": true, "s.r.l": true, "s.r.o": true, "a.s": true, "o.o": true, "sp": true, "t": true, "ul": true,
	"av": true, "bd": true, "mnt": true, "tn": true, "puh": true, "tlf": true, "sig": true, "sr": true, "sra": true,
	"p": true, "pp": true, "par": true, "ex.g": true, "resp": true, "inkl": true, "evt": true, "bl.a": true, "f.eks": true,
	// The eleven languages of lexicon_eu.go.
	"τηλ": true, "λεωφ": true, "αρ": true, "π.χ": true, "тел": true, "ул": true, "бул": true, "гр": true, "напр": true,
	"npr": true, "pvz": true, "piem": true, "eż": true, "m.sh": true, "tālr": true, "reģ": true, "krt": true, "nám": true,
	"kft": true, "zrt": true, "nyrt": true, "bt": true, "d.o.o": true, "d.d": true, "j.d.o.o": true, "teo": true, "p.l.c": true,
	"fx": true, "dvs": true, "m.m": true, "t.ex": true, "o.s.v": true, "jf": true, "ev": true, "ref": true,
}

// splitSentences splits text into sentences: at line ends, and after . ! ?
// followed by a space and an upper-case letter, digit or quote, unless the
// dot ends a number, an initial or a known abbreviation.
func splitSentences(text string) []span {
	var out []span
	start := 0
	emit := func(end int) {
		s, e := start, end
		for s < e && (text[s] == ' ' || text[s] == '\n') {
			s++
		}
		for e > s && (text[e-1] == ' ' || text[e-1] == '\n') {
			e--
		}
		for e-s > maxSentence {
			cut := s + maxSentence
			if i := strings.LastIndexByte(text[s:cut], ' '); i > maxSentence/2 {
				cut = s + i
			}
			for cut < e && !utf8.RuneStart(text[cut]) {
				cut++
			}
			out = append(out, span{s, cut})
			s = cut
			for s < e && text[s] == ' ' {
				s++
			}
		}
		if e > s {
			out = append(out, span{s, e})
		}
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch c {
		case '\n':
			emit(i)
			start = i + 1
		case '.', '!', '?':
			if i+2 >= len(text) || text[i+1] != ' ' {
				continue
			}
			r, _ := utf8.DecodeRuneInString(text[i+2:])
			if !(unicode.IsUpper(r) || unicode.IsDigit(r) || r == '"' || r == '«' || r == '“' || r == '(' || r == '•' || r == '-') {
				continue
			}
			if c == '.' && !sentenceDot(text, i) {
				continue
			}
			emit(i + 1)
			start = i + 1
		}
	}
	emit(len(text))
	return out
}

// sentenceDot reports whether the dot at i ends a sentence rather than a
// number ("1. März"), an initial or an abbreviation.
func sentenceDot(text string, i int) bool {
	j := i
	for j > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:j])
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.') {
			break
		}
		j -= size
	}
	word := strings.ToLower(text[j:i])
	if word == "" {
		return true
	}
	if isDigits(word) && len(word) <= 2 {
		return false // ordinal day or list number
	}
	if utf8.RuneCountInString(word) == 1 {
		return false // initial
	}
	return !abbreviations[word]
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
