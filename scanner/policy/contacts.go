package policy

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/privacyscan/privacyscan/scanner/model"
)

var (
	reEmail = regexp.MustCompile(`[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}`)
	rePhone = regexp.MustCompile(`\+?\(?\d[\d ()./-]{6,20}\d`)
	rePost  = regexp.MustCompile(`\b(?:\d{4} ?[A-Z]{2}|\d{3} \d{2}|\d{2}-\d{3}|\d{4,6}) \p{Lu}\pL+`)
)

// contacts finds e-mail addresses, phone numbers, postal addresses, a DPO
// and contact forms.
func (d *doc) contacts(f *model.PolicyFacts) {
	det := &f.Details
	add := func(kind, value string) {
		value = strings.TrimSpace(value)
		for _, c := range det.Contacts {
			if c.Kind == kind && c.Value == value {
				return
			}
		}
		det.Contacts = append(det.Contacts, model.Contact{Kind: kind, Value: value})
	}
	for i := range d.sents {
		s := &d.sents[i]
		t := d.sentenceText(s)
		if strings.IndexByte(t, '@') >= 0 {
			for _, m := range reEmail.FindAllString(t, -1) {
				add("email", strings.TrimRight(m, "."))
			}
		}
		if strings.Contains(t, "[email protected]") || strings.Contains(t, "[email\u00a0protected]") {
			add("email", "[email protected]") // obfuscated by a CDN, an address all the same
		}
		if s.cues.has(cPhoneWord) || strings.IndexByte(t, '+') >= 0 {
			for _, loc := range rePhone.FindAllStringIndex(t, -1) {
				m := t[loc[0]:loc[1]]
				digits := 0
				for _, r := range m {
					if r >= '0' && r <= '9' {
						digits++
					}
				}
				if digits < 8 || digits > 15 {
					continue
				}
				if m[0] == '+' || d.phoneWordBefore(s, s.start+loc[0]) {
					add("phone", m)
				}
			}
		}
		if s.cues.has(cStreet) || (len(t) < 300 && strings.IndexAny(t, "0123456789") >= 0 && rePost.MatchString(t)) {
			if a := d.address(s); a != "" {
				add("address", a)
			}
		}
		for _, h := range s.hitsOf(cDPO) {
			add("dpo", d.wordAt(h))
			break
		}
		for _, h := range s.hitsOf(cContactForm) {
			add("form", d.wordAt(h))
			break
		}
	}
}

func (d *doc) phoneWordBefore(s *sentence, at int) bool {
	for _, h := range s.hitsOf(cPhoneWord) {
		if h.end <= at && at-h.end <= 12 {
			return true
		}
	}
	return false
}

var (
	reStreetNum  = regexp.MustCompile(`\d{1,4}[a-zA-Z]?\b`)
	reStreetLine = regexp.MustCompile(`^\p{Lu}\pL+(?: \pL+)? \d{1,4}[a-zA-Z]?(?:/\d{1,4})?$`)
)

// address returns a postal address in the sentence: the comma-separated
// part holding a street word next to a house number (or a postcode before a
// capitalised town), with the short parts that follow it (town, country).
func (d *doc) address(s *sentence) string {
	t := d.sentenceText(s)
	at := -1
	for _, h := range s.hitsOf(cStreet) {
		a, b := h.start-s.start, h.end-s.start
		// The number stands before the street word ("12 rue ..."), or
		// after it ("Hauptstraße 5"); after a capitalised street word, the
		// street's name may come between ("Strada Florilor nr. 12").
		lo, hi := a-25, b+12
		if r, _ := utf8.DecodeRuneInString(t[a:]); unicode.IsUpper(r) || t[b-1] == '.' {
			hi = b + 30
		}
		if lo < 0 {
			lo = 0
		}
		if hi > len(t) {
			hi = len(t)
		}
		if reStreetNum.MatchString(t[lo:a]) || reStreetNum.MatchString(t[b:hi]) {
			at = a
			break
		}
	}
	if at < 0 {
		loc := rePost.FindStringIndex(t)
		// A postcode follows a street line or a company name, never prose
		// numbers such as "within 30 Days".
		if loc == nil {
			return ""
		}
		// ... unless a street and its number stand right before it
		// ("Hlavná 25, 040 01 Košice"), as where streets need no street word.
		if strings.Count(t[:loc[0]], " ") >= 12 || utf8.RuneCountInString(t) >= 200 {
			before := strings.TrimRight(t[:loc[0]], ", ")
			if i := strings.LastIndexAny(before, ",:;("); i >= 0 {
				before = before[i+1:]
			}
			if !reStreetLine.MatchString(strings.TrimSpace(before)) {
				return ""
			}
		}
		at = loc[0]
	}
	isSep := func(c byte) bool { return c == ',' || c == ':' || c == '(' || c == ')' || c == ';' }
	lo := at
	for lo > 0 && !isSep(t[lo-1]) {
		lo--
	}
	hi := at
	for hi < len(t) && !isSep(t[hi]) {
		hi++
	}
	// Following parts: short, capitalised or numeric ("69009 Lyon", "Frankrike").
	for n := 0; n < 4 && hi < len(t) && t[hi] == ','; n++ {
		next := hi + 1
		for next < len(t) && !isSep(t[next]) {
			next++
		}
		part := strings.TrimSpace(t[hi+1 : next])
		r, _ := utf8.DecodeRuneInString(part)
		if part == "" || len(part) > 30 || !(unicode.IsUpper(r) || unicode.IsDigit(r)) {
			break
		}
		hi = next
	}
	return strings.Trim(strings.TrimSpace(t[lo:hi]), " ,;:.")
}
