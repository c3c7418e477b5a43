package policy

import (
	"slices"

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
		if cl.DataLocation == nil && c.hasAll(cStore, cCountry) && !c.has(cWorldwide) && !c.has(cTransfer) && !c.has(cThirdCountry) {
			if v := d.location(s); v != "" {
				cl.DataLocation = d.claim(s, v)
			}
		}
		if c.has(cConsent) && (c.has(cMarketing) || c.has(cAnalytics)) {
			switch d.consentObject(s) {
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

// consentObject says what a consent is for: the marketing or analytics
// keyword nearest to a consent keyword, within 90 bytes.
func (d *doc) consentObject(s *sentence) cue {
	best, bestDist := cue(numCues), 91
	for _, k := range s.hitsOf(cConsent) {
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
			if dist < bestDist {
				best, bestDist = h.kw.cue, dist
			}
		}
	}
	return best
}
