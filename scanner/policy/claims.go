package policy

import (
	"slices"
	"strings"

	"github.com/privacyscan/privacyscan/scanner/model"
)

// conditionBefore reports an "if" before offset at in the sentence: "if you
// prefer that we do not share" is no promise.
func (d *doc) conditionBefore(s *sentence, at int) bool {
	for _, h := range s.hitsOf(cIf) {
		if h.end <= at {
			return true
		}
	}
	return false
}

// vendorBefore reports a vendor name ending just before at ("Google, Inc."):
// a vendor's legal form does not identify the controller.
func (d *doc) vendorBefore(at int) bool {
	for _, v := range d.vendorSpans {
		if v.end <= at && at-v.end <= 3 {
			return true
		}
	}
	return false
}

func (d *doc) claims(f *model.PolicyFacts) {
	cl := &f.Claims
	for i := range d.sents {
		s := &d.sents[i]
		c := s.cues
		if cl.IPAnonymised == nil && c.hasAll(cIP, cAnonymise) {
			neg := false
			for _, h := range s.hitsOf(cAnonymise) {
				neg = neg || d.negated(s, h, nil)
			}
			if !neg {
				cl.IPAnonymised = d.claim(s, "")
			}
		}
		// "Hosted in France and not transferred outside the EU" says where
		// the data is; "transferred to the US" does not.
		transferDenied := c.has(cTransfer) && d.allNegated(s, cTransfer)
		if cl.DataLocation == nil && c.hasAll(cStore, cCountry) && !c.has(cWorldwide) && (transferDenied || !c.has(cTransfer) && !c.has(cThirdCountry)) {
			if v := d.location(s); v != "" {
				cl.DataLocation = d.claim(s, v)
			}
		}
		if c.has(cConsent) && (c.has(cMarketing) || c.has(cAnalytics)) {
			for _, obj := range d.consentObjects(s) {
				switch obj {
				case cMarketing:
					if cl.ConsentForMarketing == nil {
						cl.ConsentForMarketing = d.claim(s, "")
					}
				case cAnalytics:
					if cl.ConsentForAnalytics == nil {
						cl.ConsentForAnalytics = d.claim(s, "")
					}
				}
			}
		}
		if cl.NoSale == nil && (c.has(cSell) || (c.has(cShare) && (c.has(cThirdParty) || c.has(cCommercial)))) {
			for _, h := range s.hits {
				if (h.kw.cue == cSell || h.kw.cue == cShare) && d.negated(s, h, nil) && !d.conditionBefore(s, h.start) {
					cl.NoSale = d.claim(s, "")
					break
				}
			}
		}
	}
}

// location is the single place a storage sentence names: a country code,
// else "EEA" or "EU".
func (d *doc) location(s *sentence) string {
	var countries, regions []string
	for _, h := range s.hitsOf(cCountry) {
		switch h.kw.val {
		case "EU", "EEA":
			if !slices.Contains(regions, h.kw.val) {
				regions = append(regions, h.kw.val)
			}
		default:
			if !slices.Contains(countries, h.kw.val) {
				countries = append(countries, h.kw.val)
			}
		}
	}
	switch {
	case len(countries) == 1:
		return countries[0]
	case len(countries) == 0 && slices.Contains(regions, "EEA"):
		return "EEA"
	case len(countries) == 0 && len(regions) == 1:
		return regions[0]
	}
	return ""
}

// consentObjects says what each consent in the sentence is for: the
// marketing or analytics keyword nearest to it, within 90 bytes ("marketing
// emails only with your consent, and analytics cookies only if you consent").
func (d *doc) consentObjects(s *sentence) []cue {
	var out []cue
	lastEnd := -1
	for _, k := range s.hitsOf(cConsent) {
		if k.start < lastEnd {
			continue // "consent" inside "consenti"
		}
		lastEnd = k.end
		best, bestDist := cue(numCues), 1<<30
		for _, h := range s.hits {
			if h.kw.cue != cMarketing && h.kw.cue != cAnalytics {
				continue
			}
			dist := h.start - k.end
			if h.end <= k.start {
				dist = k.start - h.end
			}
			if dist < 0 {
				dist = 0
			}
			if dist > 90 {
				continue
			}
			// An object in the consent's own clause comes first.
			lo, hi := min(h.end, k.end), max(h.start, k.start)
			if lo < hi && strings.ContainsAny(d.text[lo:hi], ",;") {
				dist += 100
			}
			if dist < bestDist {
				best, bestDist = h.kw.cue, dist
			}
		}
		if best != numCues {
			out = append(out, best)
		}
	}
	return out
}

// allNegated reports that every keyword of cue c in the sentence is negated.
func (d *doc) allNegated(s *sentence, c cue) bool {
	hs := s.hitsOf(c)
	for _, h := range hs {
		if !d.negated(s, h, nil) {
			return false
		}
	}
	return len(hs) > 0
}
