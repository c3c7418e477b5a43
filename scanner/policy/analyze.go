package policy

import (
	"slices"
	"sort"
	"strings"

	"github.com/privacyscan/privacyscan/scanner/model"
)

// VendorName is a vendor the analyser looks for: its knowledge-base id, its
// display name and the other names it goes by.
type VendorName struct {
	ID      string
	Name    string
	Aliases []string
}

// Options tune one analysis.
type Options struct {
	// Vendors are the vendors to look for, usually every vendor of the
	// knowledge base.
	Vendors []VendorName
	// URL is where the policy was read; it is copied to Facts.URL.
	URL string
	// ContentType is the Content-Type header the document came with (its
	// charset is honoured); empty for files.
	ContentType string
}

// hit is one keyword occurrence in the text.
type hit struct {
	kw         *keyword
	start, end int
}

// sentence is a span of the text with the keywords it holds.
type sentence struct {
	span
	hits []hit // by start offset
	cues cueSet
}

// doc is a policy being analysed.
type doc struct {
	text  string
	lower []byte
	lang  string
	sents []sentence
	// vendorSpans are where vendor names were found.
	vendorSpans []span
}

// Analyze reads a policy (HTML or plain text) and returns what it declares.
// It never panics on bad input and reads at most MaxDocumentBytes.
func Analyze(raw []byte, opts Options) (f *model.PolicyFacts) {
	f = model.PolicyNotFound()
	if opts.URL != "" {
		u := opts.URL
		f.URL = &u
	}
	defer func() {
		if r := recover(); r != nil {
			// A bug must not take the scan down with it; say so in the report.
			g := model.PolicyNotFound()
			g.URL = f.URL
			g.Error = "policy analysis failed"
			f = g
		}
	}()
	f.Truncated = len(raw) > MaxDocumentBytes
	if err := checkInput(raw, opts.ContentType); err != nil {
		f.Error = err.Error()
		return f
	}
	text, declared, err := ExtractText(raw, opts.ContentType)
	if err != nil {
		f.Error = err.Error()
		return f
	}
	if strings.TrimSpace(text) == "" {
		f.Error = ErrNoText.Error()
		return f
	}
	analyzeText(f, text, declared, opts.Vendors)
	return f
}

func analyzeText(f *model.PolicyFacts, text, declared string, vendors []VendorName) {
	readable := true
	f.Readable = &readable
	if code := UnreadLanguage(text); code != "" {
		// A language without a lexicon: name it, find the names (they are
		// written alike in every language) and judge nothing else.
		readable = false
		f.Language = code
		d := newDoc(text, code)
		f.Evidence = map[string]model.Quote{}
		d.vendors(f, vendors)
		d.recipients(f)
		if len(f.Evidence) == 0 {
			f.Evidence = nil
		}
		return
	}
	primary, others := DetectLanguage(text)
	f.Language = chooseLanguage(declared, primary, text)
	f.OtherLanguages = slices.DeleteFunc(others, func(l string) bool { return l == f.Language })
	if f.Language != primary && primary != "" && !slices.Contains(f.OtherLanguages, primary) {
		f.OtherLanguages = append(f.OtherLanguages, primary)
	}
	if len(f.OtherLanguages) == 0 {
		f.OtherLanguages = nil
	}
	d := newDoc(text, f.Language)
	f.Evidence = map[string]model.Quote{}
	d.vendors(f, vendors)
	d.recipients(f)
	d.stances(f)
	d.lastUpdated(f)
	d.elements(f)
	if len(f.Recipients) > 0 && !f.Elements.Recipients {
		// Naming the recipients is the element, whatever words frame them.
		f.Elements.Recipients = true
		f.Evidence["elements.recipients"] = model.Quote{Sentence: f.Recipients[0].Sentence, Offset: f.Recipients[0].Offset}
	}
	d.claims(f)
	if (f.Claims.ConsentForMarketing != nil || f.Claims.ConsentForAnalytics != nil) && !slices.Contains(f.Details.LegalBases, "consent") {
		// Asking consent before marketing or analytics makes consent their basis.
		f.Details.LegalBases = append(f.Details.LegalBases, "consent")
		sort.Strings(f.Details.LegalBases)
		f.Elements.LegalBasis = true
	}
	if len(f.Evidence) == 0 {
		f.Evidence = nil
	}
}

// chooseLanguage trusts the page's lang attribute unless the text clearly
// says otherwise (themes ship lang="en" on pages written in other languages).
func chooseLanguage(declared, detected, text string) string {
	if declared == "" || declared == detected || detected == "" {
		if declared != "" {
			return declared
		}
		return detected
	}
	sc := langScores(text)
	di, ti := langIndex(declared), langIndex(detected)
	if sc[ti] >= 10 && sc[di]*4 < sc[ti] {
		return detected
	}
	return declared
}

func newDoc(text, lang string) *doc {
	d := &doc{text: text, lang: lang}
	d.lower = lowerSameLen(make([]byte, 0, len(text)), text)
	spans := splitSentences(text)
	d.sents = make([]sentence, len(spans))
	for i, s := range spans {
		d.sents[i].span = s
	}
	lx := lexiconMatcher()
	var hits []hit
	lx.m.scan(d.lower, func(p *matchPattern, start, end int) {
		k := &lx.keys[p.tag]
		if k.cue == cCountry && start >= 2 && d.lower[start-1] == '.' && isWordBefore(d.lower, start-1) {
			return // a domain's ending ("Tárhely.Eu", "shop.de"), not a country
		}
		hits = append(hits, hit{k, start, end})
	})
	sort.SliceStable(hits, func(i, j int) bool {
		if hits[i].start != hits[j].start {
			return hits[i].start < hits[j].start
		}
		return hits[i].end > hits[j].end
	})
	si := 0
	for _, h := range hits {
		for si < len(d.sents) && d.sents[si].end <= h.start {
			si++
		}
		if si == len(d.sents) {
			break
		}
		s := &d.sents[si]
		if h.start < s.start || h.end > s.end {
			continue // straddles a boundary
		}
		s.hits = append(s.hits, h)
		s.cues.add(h.kw.cue)
	}
	return d
}

func (d *doc) sentenceText(s *sentence) string { return d.text[s.start:s.end] }

func (d *doc) evidence(s *sentence) model.Quote {
	return model.Quote{Sentence: d.sentenceText(s), Offset: s.start}
}

func (d *doc) claim(s *sentence, value string) *model.Claim {
	return &model.Claim{Value: value, Sentence: d.sentenceText(s), Offset: s.start}
}

// each calls fn for the sentences holding all of cues, in order, until fn
// returns false.
func (d *doc) each(fn func(s *sentence) bool, cues ...cue) {
	for i := range d.sents {
		s := &d.sents[i]
		if s.cues.hasAll(cues...) && !fn(s) {
			return
		}
	}
}

func (s *sentence) hitsOf(c cue) []hit {
	var out []hit
	for _, h := range s.hits {
		if h.kw.cue == c {
			out = append(out, h)
		}
	}
	return out
}

func overlaps(h hit, spans []hit) bool {
	for _, m := range spans {
		if h.start < m.end && m.start < h.end {
			return true
		}
	}
	return false
}

// negated reports whether the verb at v is negated: a negation up to 40
// bytes before it (English, Romance, Slavic, Finnish order), fused with it
// (Czech "ne-"), or up to 25 bytes after it with no conjunction between
// (German, Dutch and Nordic order: "reagieren nicht", "svarar inte").
// Negations inside masked spans ("do not track") do not count.
func (d *doc) negated(s *sentence, v hit, mask []hit) bool {
	for _, n := range s.hits {
		if n.kw.cue != cNeg || overlaps(n, mask) {
			continue
		}
		switch {
		case n.start < v.end && v.start < n.end:
			return true
		case n.end <= v.start && v.start-n.end <= 40:
			return true
		case n.start >= v.end && n.start-v.end <= 25:
			conj := false
			for _, c := range s.hits {
				if c.kw.cue == cConj && c.start >= v.end && c.end <= n.start {
					conj = true
				}
			}
			if !conj {
				return true
			}
		}
	}
	return false
}

// stanceOf reads a sentence about a browser signal: honoured, refused, or
// "" when it takes no stance. Each mention of the signal is read with the
// verb nearest to it, so "we do not respond to DNT but honor GPC" gives
// each signal its own stance.
func (d *doc) stanceOf(s *sentence, targets, mask []hit) string {
	var verbs []hit
	for _, h := range s.hits {
		if (h.kw.cue == cHonor || h.kw.cue == cIgnore) && !overlaps(h, mask) {
			verbs = append(verbs, h)
		}
	}
	for _, t := range targets {
		best, bestDist := -1, 1<<30
		for i, v := range verbs {
			dist := t.start - v.end
			if v.start >= t.end {
				dist = v.start - t.end
			}
			if dist < bestDist {
				best, bestDist = i, dist
			}
		}
		if best < 0 {
			continue
		}
		v := verbs[best]
		neg := d.negated(s, v, mask)
		if (v.kw.cue == cIgnore) != neg {
			return model.StanceNotHonored
		}
		return model.StanceHonored
	}
	// "If your browser sends DNT, we do not set analytics cookies."
	if len(verbs) == 0 && s.cues.has(cIf) {
		for _, n := range s.hitsOf(cNeg) {
			if !overlaps(n, mask) {
				return model.StanceHonored
			}
		}
	}
	return ""
}

func (d *doc) stances(f *model.PolicyFacts) {
	dnt, dntEv := d.stanceFor(cDNT, false)
	f.DNTStance = dnt
	if dntEv != nil {
		f.Evidence["dnt_stance"] = *dntEv
	}
	gpc, gpcEv := d.stanceFor(cGPC, true)
	f.GPCStance = gpc
	if gpcEv != nil {
		f.Evidence["gpc_stance"] = *gpcEv
	}
}

// stanceFor finds the stance on DNT or GPC. For GPC, "similar mechanisms"
// count when the sentence is about browser signals.
func (d *doc) stanceFor(target cue, similar bool) (string, *model.Quote) {
	var mention *model.Quote
	for i := range d.sents {
		s := &d.sents[i]
		about := s.cues.has(target)
		if !about && similar && s.cues.has(cSimilarMech) && (s.cues.has(cBrowserSignal) || s.cues.has(cDNT)) {
			about = true
		}
		if !about {
			continue
		}
		mask := append(append(s.hitsOf(cDNT), s.hitsOf(cGPC)...), s.hitsOf(cSimilarMech)...)
		targets := s.hitsOf(target)
		if len(targets) == 0 || (similar && target == cGPC) {
			targets = append(targets, s.hitsOf(cSimilarMech)...)
		}
		if st := d.stanceOf(s, targets, mask); st != "" {
			ev := d.evidence(s)
			return st, &ev
		}
		if mention == nil {
			ev := d.evidence(s)
			mention = &ev
		}
	}
	return model.StanceNotMentioned, mention
}

func (d *doc) lastUpdated(f *model.PolicyFacts) {
	for i := range d.sents {
		s := &d.sents[i]
		if !s.cues.has(cDateLabel) {
			continue
		}
		for _, h := range s.hitsOf(cDateLabel) {
			if date, _, ok := dateAfter(d.text, h.end, d.lang); ok {
				f.LastUpdated = &date
				f.Evidence["last_updated"] = d.evidence(s)
				return
			}
		}
	}
}
