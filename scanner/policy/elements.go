package policy

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/privacyscan/privacyscan/scanner/model"
)

// legalForms are company forms as they are written; a lower-case match of
// the lexicon must be one of these, after a capitalised word, to count.
var legalForms = withEUFormSet(map[string]bool{
	"GmbH": true, "B.V.": true, "BV": true, "N.V.": true, "NV": true, "OÜ": true, "Oy": true, "Oyj": true,
	"SARL": true, "S.A.R.L.": true, "S.A.S.": true, "SAS": true, "S.L.": true, "S.L.U.": true, "S.r.l.": true,
	"Srl": true, "S.R.L.": true, "SRL": true, "S.p.A.": true, "SpA": true, "S.P.A.": true, "Sp. z o.o.": true,
	"sp. z o.o.": true, "s.r.o.": true, "a.s.": true, "Ltd": true, "Ltd.": true, "Limited": true, "LLC": true,
	"Inc.": true, "ApS": true, "A/S": true, "ASA": true, "Lda.": true, "Lda": true, "AB": true, "AS": true,
	"UG": true, "e.K.": true, "KG": true, "SA": true, "S.A.": true,
})

func (d *doc) elements(f *model.PolicyFacts) {
	e := &f.Elements
	det := &f.Details
	mark := func(key string, s *sentence) {
		if _, ok := f.Evidence[key]; !ok {
			f.Evidence[key] = d.evidence(s)
		}
	}

	d.contacts(f)
	if len(det.Contacts) > 0 {
		e.Contact = true
	}

	bases := map[string]bool{}
	rightsCtx := 0 // sentences left in a rights context
	retentionCtx := 0
	for i := range d.sents {
		s := &d.sents[i]
		c := s.cues

		// Controller identity.
		if !e.ControllerIdentity && (c.has(cController) || d.legalEntity(s) || d.registry(s)) {
			e.ControllerIdentity = true
			mark("elements.controller_identity", s)
		}
		if c.has(cDPO) {
			mark("elements.contact", s)
		}
		// Purposes.
		if (c.has(cPurpose) || c.hasAll(cUseVerb, cPersonalData)) && !e.Purposes {
			e.Purposes = true
			mark("elements.purposes", s)
		}
		// Legal bases.
		found := false
		if c.has(cLegitInterest) {
			bases["legitimate_interest"], found = true, true
		}
		if c.has(cLegalObligation) {
			bases["legal_obligation"], found = true, true
		}
		if d.near(s, cContractWord, cFulfil, 60) {
			bases["contract"], found = true, true
		}
		if c.has(cConsent) && (c.has(cBasedOn) || c.has(cLegalBasis) || d.near(s, cWith, cConsent, 30)) {
			bases["consent"], found = true, true
		}
		if c.has(cVitalInterest) {
			bases["vital_interest"], found = true, true
		}
		if c.has(cPublicTask) && c.has(cLegalBasis) {
			bases["public_task"], found = true, true
		}
		if found || c.has(cLegalBasis) {
			if !e.LegalBasis {
				e.LegalBasis = true
				mark("elements.legal_basis", s)
			}
		}
		// Retention.
		if c.has(cHowLong) {
			retentionCtx = 2
		}
		durs := d.durations(s)
		isRetention := c.has(cRetainNoun) ||
			(c.has(cRetainVerb) && (len(durs) > 0 || c.has(cAsLongAs))) ||
			(retentionCtx > 0 && (len(durs) > 0 || c.has(cAsLongAs)))
		if isRetention {
			if !e.Retention {
				e.Retention = true
				mark("elements.retention", s)
			}
			det.Retention = append(det.Retention, durs...)
		}
		if retentionCtx > 0 && !c.has(cHowLong) {
			retentionCtx--
		}
		// Rights: a sentence naming a right, a request, or "you can … your
		// data", and the short list items that follow it.
		if c.has(cRightWord) || (c.has(cRequest) && c.has(cRight)) || (c.has(cCan) && c.has(cRight) && (c.has(cPersonalData) || c.has(cConsent))) {
			rightsCtx = 7
		}
		if rightsCtx > 0 {
			got := false
			for _, h := range s.hitsOf(cRight) {
				if h.kw.val == "withdraw_consent" && !c.has(cConsent) {
					continue
				}
				if !slices.Contains(det.Rights, h.kw.val) {
					det.Rights = append(det.Rights, h.kw.val)
				}
				got = true
			}
			if got && !e.Rights {
				e.Rights = true
				mark("elements.rights", s)
			}
			rightsCtx--
			if s.end-s.start > 400 && !c.has(cRightWord) {
				rightsCtx = 0
			}
		}
		// Complaint to an authority.
		for _, h := range s.hitsOf(cAuthority) {
			if !slices.Contains(det.Authorities, h.kw.val) {
				det.Authorities = append(det.Authorities, h.kw.val)
			}
		}
		if c.has(cComplaint) && (c.has(cAuthority) || c.has(cAuthorityGeneric)) && !e.Complaint {
			e.Complaint = true
			mark("elements.complaint", s)
		}
		// Recipients.
		if (c.has(cRecipient) || c.has(cThirdParty)) && !e.Recipients {
			e.Recipients = true
			mark("elements.recipients", s)
		}
		// Transfers outside the EEA.
		nonEEA := d.nonEEACountries(s)
		if ((c.has(cTransfer) || c.has(cStore)) && (c.has(cThirdCountry) || len(nonEEA) > 0)) || c.has(cMechanism) {
			if !e.Transfers {
				e.Transfers = true
				mark("elements.transfers", s)
			}
			if c.has(cTransfer) || c.has(cStore) {
				for _, cc := range nonEEA {
					if !slices.Contains(det.TransferCountries, cc) {
						det.TransferCountries = append(det.TransferCountries, cc)
					}
				}
			}
			for _, h := range s.hitsOf(cMechanism) {
				if !slices.Contains(det.TransferMechanisms, h.kw.val) {
					det.TransferMechanisms = append(det.TransferMechanisms, h.kw.val)
				}
			}
		}
		// Cookies.
		if c.has(cCookie) && !e.Cookies {
			e.Cookies = true
			mark("elements.cookies", s)
		}
	}
	if e.Transfers {
		d.each(func(s *sentence) bool {
			if !slices.Contains(det.TransferMechanisms, "consent") {
				det.TransferMechanisms = append(det.TransferMechanisms, "consent")
			}
			return false
		}, cTransfer, cConsent)
	}
	if _, ok := f.Evidence["elements.contact"]; !ok && e.Contact {
		// Evidence for contact is the sentence holding the first contact.
		for i := range d.sents {
			s := &d.sents[i]
			t := d.sentenceText(s)
			if strings.Contains(t, det.Contacts[0].Value) {
				mark("elements.contact", s)
				break
			}
		}
	}
	for b := range bases {
		det.LegalBases = append(det.LegalBases, b)
	}
	sort.Strings(det.LegalBases)
	sort.Strings(det.Rights)
	sort.Strings(det.Authorities)
	sort.Strings(det.TransferMechanisms)
	sort.Strings(det.TransferCountries)
}

// legalEntity reports a company name with its legal form ("Xmi OÜ").
func (d *doc) legalEntity(s *sentence) bool {
	for _, h := range s.hitsOf(cLegalForm) {
		if !legalForms[d.text[h.start:h.end]] || d.vendorBefore(h.start) {
			continue
		}
		before := strings.TrimRight(d.text[s.start:h.start], " ,")
		if before == "" {
			continue
		}
		r, _ := utf8.DecodeLastRuneInString(before)
		if unicode.IsUpper(r) || unicode.IsDigit(r) || unicode.IsLower(r) && lastWordCapitalised(before) {
			return true
		}
	}
	return false
}

func lastWordCapitalised(s string) bool {
	i := strings.LastIndexByte(s, ' ')
	w := s[i+1:]
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// registry reports a company or VAT number: a registry word followed by
// at least five digits.
func (d *doc) registry(s *sentence) bool {
	for _, h := range s.hitsOf(cRegistry) {
		end := h.end + 30
		if end > s.end {
			end = s.end
		}
		digits := 0
		for i := h.end; i < end; i++ {
			if d.text[i] >= '0' && d.text[i] <= '9' {
				digits++
			}
		}
		if digits >= 5 {
			return true
		}
	}
	return false
}

// durations parses "3 years", "trois mois", "tre år" in a sentence.
func (d *doc) durations(s *sentence) []model.Duration {
	var out []model.Duration
	for _, u := range s.hitsOf(cUnit) {
		// The number just before the unit: digits or a number word.
		j := u.start
		for j > s.start && d.text[j-1] == ' ' {
			j--
		}
		if j == u.start || j <= s.start {
			continue
		}
		n, from := 0, j
		if d.text[j-1] >= '0' && d.text[j-1] <= '9' {
			k := j
			for k > s.start && d.text[k-1] >= '0' && d.text[k-1] <= '9' {
				k--
			}
			n, _ = strconv.Atoi(d.text[k:j])
			from = k
		} else {
			for _, h := range s.hits {
				if h.kw.cue == cNumWord && h.end == j {
					n, from = h.kw.n, h.start
				}
			}
		}
		if n <= 0 || n > 1000 {
			continue
		}
		out = append(out, model.Duration{Text: d.text[from:u.end], Days: n * u.kw.n})
	}
	return out
}

// nonEEA are the country codes outside the EEA.
var eea = map[string]bool{
	"EU": true, "EEA": true, "FR": true, "DE": true, "NL": true, "SE": true, "NO": true, "DK": true, "FI": true,
	"EE": true, "PL": true, "CZ": true, "ES": true, "IT": true, "PT": true, "BE": true, "AT": true, "IE": true, "LU": true,
	"RO": true, "HU": true, "SK": true, "SI": true, "HR": true, "LT": true, "LV": true, "MT": true, "BG": true, "GR": true,
	"CY": true, "IS": true, "LI": true,
}

func (d *doc) nonEEACountries(s *sentence) []string {
	var out []string
	for _, h := range s.hitsOf(cCountry) {
		if !eea[h.kw.val] && !slices.Contains(out, h.kw.val) {
			out = append(out, h.kw.val)
		}
	}
	return out
}

// wordAt is the text of a hit extended to the end of its word ("palautelomake").
func (d *doc) wordAt(h hit) string {
	e := h.end
	for e < len(d.text) {
		r, n := utf8.DecodeRuneInString(d.text[e:])
		if !unicode.IsLetter(r) {
			break
		}
		e += n
	}
	return d.text[h.start:e]
}

// near reports two cues in the sentence within dist bytes of each other.
func (d *doc) near(s *sentence, a, b cue, dist int) bool {
	if !s.cues.hasAll(a, b) {
		return false
	}
	for _, x := range s.hitsOf(a) {
		for _, y := range s.hitsOf(b) {
			gap := y.start - x.end
			if y.end <= x.start {
				gap = x.start - y.end
			}
			if gap <= dist {
				return true
			}
		}
	}
	return false
}
