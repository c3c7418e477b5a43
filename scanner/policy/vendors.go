package policy

import (
	"hash/fnv"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/privacyscan/privacyscan/scanner/model"
)

// ambiguousNames are vendor names that are also ordinary words somewhere;
// they only count when written with the vendor's own capitals.
var ambiguousNames = map[string]bool{
	"adjust": true, "segment": true, "branch": true, "amplitude": true, "heap": true, "drift": true, "sentry": true,
	"square": true, "snap": true, "shop": true, "pay": true, "live": true, "target": true, "meta": true, "clarity": true,
	"mail": true, "post": true, "bol": true, "teams": true, "optimize": true, "tag": true, "pixel": true, "ads": true,
	"analytics": true, "klar": true, "piano": true, "plausible": true, "fathom": true, "intercom": true, "zoom": true, "box": true, "signal": true, "linear": true, "notion": true,
}

type vendorMatcher struct {
	m     *matcher
	names []vendorPattern
}

type vendorPattern struct {
	vendor    int
	text      string // as written in the knowledge base
	exactCase bool
	// ambiguous names are also ordinary words: inside a run of capitalised
	// words ("Fitzwilliam Square", "Square Mile") they name something else.
	ambiguous bool
	// parent names are the bare name of a company that also makes
	// browsers, operating systems or app stores ("Google", "Apple",
	// "Microsoft"): they count only where the sentence speaks of data.
	parent bool
}

var vendorCache struct {
	sync.Mutex
	key uint64
	vm  *vendorMatcher
}

// compileVendors builds (or reuses, for the same list) the vendor matcher.
func compileVendors(vendors []VendorName) *vendorMatcher {
	h := fnv.New64a()
	for _, v := range vendors {
		h.Write([]byte(v.ID))
		h.Write([]byte{0})
		h.Write([]byte(v.Name))
		for _, a := range v.Aliases {
			h.Write([]byte{1})
			h.Write([]byte(a))
		}
		h.Write([]byte{2})
	}
	key := h.Sum64()
	vendorCache.Lock()
	defer vendorCache.Unlock()
	if vendorCache.vm != nil && vendorCache.key == key {
		return vendorCache.vm
	}
	vm := &vendorMatcher{}
	var pats []matchPattern
	// Makers of browsers, operating systems and app stores are the first
	// word of a product name in the lexicon ("google chrome", "apple
	// safari", "microsoft edge").
	makers := map[string]bool{}
	for _, e := range lexicon {
		if e.cue == cBrowserName {
			for _, w := range words(e.words) {
				if first, _, ok := strings.Cut(w, " "); ok {
					makers[first] = true
				}
			}
		}
	}
	for vi, v := range vendors {
		for _, n := range append([]string{v.Name}, v.Aliases...) {
			n = strings.TrimSpace(n)
			if utf8.RuneCountInString(n) < 2 && !(n != "" && unicode.IsUpper([]rune(n)[0])) {
				continue
			}
			low := string(lowerSameLen(nil, n))
			exact := utf8.RuneCountInString(n) <= 3 || (ambiguousNames[low] && n != low)
			// The right boundary is checked after matching: Finnish and
			// Estonian inflect names ("Googlen", "Google Analyticsit").
			pats = append(pats, matchPattern{text: low, left: true, right: false, tag: len(vm.names)})
			parent := n == v.Name && makers[low]
			vm.names = append(vm.names, vendorPattern{vendor: vi, text: n, exactCase: exact, ambiguous: ambiguousNames[low], parent: parent})
		}
	}
	vm.m = newMatcher(pats)
	vendorCache.key, vendorCache.vm = key, vm
	return vm
}

func (d *doc) vendors(f *model.PolicyFacts, vendors []VendorName) {
	if len(vendors) == 0 {
		return
	}
	vm := compileVendors(vendors)
	type vhit struct {
		vendor     int
		start, end int
		parent     bool
	}
	var hits []vhit
	vm.m.scan(d.lower, func(p *matchPattern, start, end int) {
		vp := vm.names[p.tag]
		if vp.exactCase && d.text[start:end] != vp.text {
			return
		}
		if vp.ambiguous && inProperNoun(d.text, start, end) {
			return
		}
		if isWordAfter(d.lower, end) && !(inflects(d.lang) && utf8.RuneCountInString(vp.text) >= 4 && shortSuffix(d.lower, end)) {
			return
		}
		hits = append(hits, vhit{vp.vendor, start, end, vp.parent})
	})
	// Leftmost-longest: "Google Analytics" is not also "Google".
	sort.Slice(hits, func(i, j int) bool {
		if hits[i].start != hits[j].start {
			return hits[i].start < hits[j].start
		}
		return hits[i].end > hits[j].end
	})
	seen := map[int]bool{}
	lastEnd := -1
	si := 0
	own := d.ownNames()
	for _, h := range hits {
		if h.start < lastEnd {
			continue
		}
		lastEnd = h.end
		d.vendorSpans = append(d.vendorSpans, span{h.start, h.end})
		if seen[h.vendor] {
			continue
		}
		for si < len(d.sents) && d.sents[si].end <= h.start {
			si++
		}
		v := vendors[h.vendor]
		if own[recipientKey(v.Name)] || (si < len(d.sents) && !d.vendorCounts(&d.sents[si], h.start, h.end, h.parent)) {
			continue
		}
		seen[h.vendor] = true
		f.VendorsMentioned = append(f.VendorsMentioned, v.Name)
		if v.ID != "" {
			f.VendorIDs = append(f.VendorIDs, v.ID)
		}
		if si < len(d.sents) {
			f.Evidence["vendor:"+vendorKey(v)] = d.evidence(&d.sents[si])
		}
	}
	sort.Strings(f.VendorsMentioned)
	f.VendorsMentioned = compactStrings(f.VendorsMentioned)
	sort.Strings(f.VendorIDs)
	f.VendorIDs = compactStrings(f.VendorIDs)
}

// dataCues are the cues by which a sentence speaks of data being handled.
var dataCues = []cue{cPersonalData, cAnalytics, cMarketing, cTransfer, cRecipient, cThirdParty, cShare, cSell, cUseVerb, cStore, cIP, cCookie, cConsent}

func (s *sentence) speaksOfData() bool {
	for _, c := range dataCues {
		if s.cues.has(c) {
			return true
		}
	}
	return false
}

// vendorCounts decides whether a vendor name found at [start,end) in s
// names the vendor as one that handles data. Browsers, operating systems
// and app stores ("Google Chrome", "Google Play", "Microsoft Edge") are
// products, not the vendor; a how-to on deleting cookies in a browser, a
// pointer to another company's policy and a platform footer name no
// recipient; and a parent company's bare name ("Google") counts only in
// a sentence about data.
func (d *doc) vendorCounts(s *sentence, start, end int, parent bool) bool {
	for _, b := range s.hitsOf(cBrowserName) {
		if b.start < end && start < b.end {
			return false // the name is part of the product's ("Google Play")
		}
		if b.start >= end && b.start-end <= 1 {
			return false // "Google Chrome", "Apple Safari"
		}
	}
	if s.cues.has(cFooter) {
		return false
	}
	howTo := s.cues.has(cCookie) && (s.cues.has(cHowTo) || s.cues.has(cExample)) && (s.cues.has(cBrowserName) || s.cues.has(cBrowserSignal))
	data := false
	for _, c := range dataCues {
		if c != cCookie && c != cConsent && s.cues.has(c) {
			data = true
		}
	}
	if howTo && (parent || !data) {
		return false
	}
	if s.cues.has(cPolicyLink) && !data {
		return false
	}
	if parent && !s.speaksOfData() {
		return false
	}
	return true
}

// ownNames are the names the policy's contact addresses use: the shop
// itself ("Zalando", datenschutz@zalando.de), which is no vendor of its own.
func (d *doc) ownNames() map[string]bool {
	own := map[string]bool{}
	for _, m := range emailDomain.FindAllStringSubmatch(d.text, -1) {
		own[strings.ToLower(m[1])] = true
	}
	return own
}

// inProperNoun reports whether text[start:end] sits next to another
// capitalised word on the same line ("Fitzwilliam Square", "Square Mile"),
// which makes it part of a name, not the vendor's.
func inProperNoun(text string, start, end int) bool {
	// The word before.
	i := start
	for i > 0 && text[i-1] == ' ' {
		i--
	}
	if i < start && i > 0 {
		j := i
		for j > 0 {
			r, size := utf8.DecodeLastRuneInString(text[:j])
			if !unicode.IsLetter(r) {
				break
			}
			j -= size
		}
		if j < i {
			r, _ := utf8.DecodeRuneInString(text[j:i])
			if unicode.IsUpper(r) && !sentenceStart(text, j) {
				return true
			}
		}
	}
	// The word after.
	k := end
	for k < len(text) && text[k] == ' ' {
		k++
	}
	if k > end && k < len(text) {
		r, _ := utf8.DecodeRuneInString(text[k:])
		if unicode.IsUpper(r) && !companyWord(text[k:]) {
			return true
		}
	}
	return false
}

// companyWords follow a company's name without making it another name
// ("Adjust Inc. SDK", "Square Payments").
var companyWords = []string{"Inc", "Ltd", "LLC", "GmbH", "AG", "SDK", "API", "AB", "AS", "ASA", "SA", "SAS", "SARL", "BV", "B.V", "NV", "Oy", "Oyj", "Corp", "Co", "Limited", "Technologies", "Payments", "Pay", "Analytics", "Software"}

func companyWord(rest string) bool {
	for _, w := range companyWords {
		if strings.HasPrefix(rest, w) {
			after := rest[len(w):]
			r, _ := utf8.DecodeRuneInString(after)
			if after == "" || !unicode.IsLetter(r) {
				return true
			}
		}
	}
	return false
}

// sentenceStart reports whether position i begins a sentence or a line.
func sentenceStart(text string, i int) bool {
	for i > 0 && (text[i-1] == ' ' || text[i-1] == '\t') {
		i--
	}
	return i == 0 || strings.ContainsRune(".!?:\n\r\"“(", rune(text[i-1]))
}

// inflects reports languages that add case endings to brand names.
func inflects(lang string) bool { return lang == "fi" || lang == "et" }

// shortSuffix reports one to three letters at i followed by a word boundary.
func shortSuffix(b []byte, i int) bool {
	n := 0
	for i < len(b) && isWordAfter(b, i) {
		r, size := utf8.DecodeRune(b[i:])
		if !unicode.IsLower(r) {
			return false
		}
		i += size
		n++
		if n > 3 {
			return false
		}
	}
	return n > 0
}

func vendorKey(v VendorName) string {
	if v.ID != "" {
		return v.ID
	}
	return v.Name
}

func compactStrings(s []string) []string {
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}
