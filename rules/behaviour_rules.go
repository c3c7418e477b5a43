package rules

import (
	"fmt"
	"net/url"
	"sort"
	"strings"

	"github.com/privacyscan/privacyscan/scanner/model"
)

// This file holds the rules on what trackers do, not only where they
// connect: personal data typed by the shopper's journey that leaves for a
// third party (leaks), key logging, fingerprinting and session recording,
// and the policy's silence on each. The scanner records Leaks and
// Behaviours per phase (scanner/leak, the in-page instrumentation); the
// rules judge them.

// Leak kinds the journey types (model.Leak.Kind); the search term is the one
// value submitted on purpose.
const leakSearch = "search"

var leakWords = map[string]string{
	"email": "e-mail address", "first_name": "first name", "last_name": "last name", "name": "name",
	"phone": "phone number", "street": "street", "postal_code": "postal code", "city": "city",
	leakSearch: "search term",
}

func leakWord(kind string) string {
	if w := leakWords[kind]; w != "" {
		return w
	}
	return kind
}

// fingerprintKinds are the Behaviour kinds that are fingerprinting.
var fingerprintKinds = map[string]string{
	model.BehaviourCanvas:    "canvas",
	model.BehaviourWebGL:     "WebGL",
	model.BehaviourAudio:     "audio",
	model.BehaviourFont:      "font",
	model.BehaviourNavigator: "navigator/screen probing",
}

// phasedLeak is a leak with the phase it was seen in.
type phasedLeak struct {
	phase string
	leak  model.Leak
}

// unconsentedPhases are the phases in which the visitor has not agreed:
// before consent, after reject when the reject was carried out, and the DNT
// and GPC phases, which touch no banner (with a signal against tracking on
// top).
func (c *evalContext) unconsentedPhases() []string {
	out := []string{model.PhaseBeforeConsent}
	if c.rejected() {
		out = append(out, model.PhaseAfterReject)
	}
	return append(out, model.PhaseDNT, model.PhaseGPC)
}

// leaksIn returns the leaks of the phases that are real disclosures to a
// third party: not to the site itself, not to a vendor the configuration
// allows, and not to the origin of a frame the shopper typed the value into
// (a payment form in the payment provider's iframe).
// With pixels, the contact fields of decoded pixel events count too
// (pixelLeaks).
func (c *evalContext) leaksIn(phases []string, pixels bool) []phasedLeak {
	var out []phasedLeak
	for _, ph := range phases {
		p := c.phase(ph)
		if p == nil {
			continue
		}
		for _, l := range p.Leaks {
			// The site's own server is not a third party, unless an
			// analytics or advertising vendor stands behind its host (a
			// CNAME-cloaked tracker, a server-side tag manager).
			own := c.firstParty(l.Party, l.Host) && !trackingCategories[baseCategory(l.Category)]
			if own || c.vendorAllowed(l.VendorID, l.Vendor) || typedIntoFrameOf(p.Journey, l) {
				continue
			}
			out = append(out, phasedLeak{ph, l})
		}
		if pixels {
			out = append(out, c.pixelLeaks(ph, p)...)
		}
	}
	return out
}

// pixelFieldKinds maps pixels' user-data (advanced matching) field names
// to canary kinds: the contact data a pixel event carries.
var pixelFieldKinds = map[string]string{
	"em": "email", "email": "email", "u_hem": "email", "sha256_email_address": "email", "hashed_email": "email",
	"ph": "phone", "phone": "phone", "phone_number": "phone", "u_hpn": "phone", "sha256_phone_number": "phone",
	"fn": "first_name", "first_name": "first_name", "u_hfn": "first_name",
	"ln": "last_name", "last_name": "last_name", "u_hln": "last_name",
	"ct": "city", "city": "city", "zp": "postal_code", "zip": "postal_code", "postal_code": "postal_code",
	"street": "street",
}

// pixelLeaks are the contact fields decoded pixel events carried to a third
// party (advanced matching) that the canary search did not find in the same
// phase for the same recipient: a value hashed in a way the search does not
// try, or an identity the page knew without the journey typing it.
func (c *evalContext) pixelLeaks(ph string, p *model.PhaseResult) []phasedLeak {
	have := map[string]bool{}
	for _, l := range p.Leaks {
		have[l.VendorID+"\x00"+l.Kind] = true
	}
	var out []phasedLeak
	for _, e := range p.PixelEvents {
		host := ""
		if u, err := url.Parse(e.URL); err == nil {
			host = strings.ToLower(u.Hostname())
		}
		// A pixel's collector on the site's own host (a server-side tag
		// manager) still feeds the vendor, so the host does not matter.
		if host == "" || c.vendorAllowed(e.VendorID, e.Vendor) {
			continue
		}
		for _, f := range e.UserData {
			kind := pixelFieldKinds[strings.ToLower(f)]
			if kind == "" || have[e.VendorID+"\x00"+kind] {
				continue
			}
			have[e.VendorID+"\x00"+kind] = true
			out = append(out, phasedLeak{ph, model.Leak{Kind: kind, Encoding: "user data " + f, Where: "url", URL: e.URL, Host: host,
				Party: model.PartyThird, Vendor: e.Vendor, VendorID: e.VendorID, Page: e.Page}})
		}
	}
	return out
}

// typedIntoFrameOf reports whether the journey typed the leaked kind into a
// frame whose site is the leak's recipient: the service the shopper typed
// into received what was typed into it.
func typedIntoFrameOf(j *model.Journey, l model.Leak) bool {
	if j == nil {
		return false
	}
	for _, st := range j.Steps {
		for _, f := range st.Fields {
			if f.Frame == "" || !sameKind(f.Kind, l.Kind) {
				continue
			}
			fh := f.Frame
			if u, err := url.Parse(f.Frame); err == nil && u.Hostname() != "" {
				fh = u.Hostname()
			}
			if registrable(fh) == registrable(l.Host) {
				return true
			}
		}
	}
	return false
}

func sameKind(typed, leaked string) bool {
	if typed == leaked {
		return true
	}
	return typed == "name" && (leaked == "first_name" || leaked == "last_name")
}

// registrable approximates a host's registrable domain: the last two labels,
// three under a two-letter country code with a generic second level
// (shop.co.uk).
func registrable(host string) string {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	labels := strings.Split(host, ".")
	n := 2
	if len(labels) >= 3 && len(labels[len(labels)-1]) == 2 {
		switch labels[len(labels)-2] {
		case "co", "com", "org", "net", "ac", "gov", "ne", "or", "edu":
			n = 3
		}
	}
	if len(labels) <= n {
		return host
	}
	return strings.Join(labels[len(labels)-n:], ".")
}

// leakGroup is the leaks of one recipient.
type leakGroup struct {
	subject, vendor, vendorID, host, category string
	leaks                                     []phasedLeak
}

func (g *leakGroup) label() string {
	if g.vendor != "" {
		return label(g.vendor, g.category)
	}
	return g.host
}

// kinds lists the distinct kinds leaked, in a stable order.
func (g *leakGroup) kinds() []string {
	var out []string
	for _, pl := range g.leaks {
		if !containsStr(out, pl.leak.Kind) {
			out = append(out, pl.leak.Kind)
		}
	}
	sort.Strings(out)
	return out
}

func (g *leakGroup) phases() []string {
	var out []string
	for _, ph := range model.AllPhases {
		for _, pl := range g.leaks {
			if pl.phase == ph {
				out = append(out, ph)
				break
			}
		}
	}
	return out
}

// groupLeaks groups leaks by recipient (vendor id, else host), in order of
// first appearance.
func groupLeaks(ls []phasedLeak) []*leakGroup {
	var out []*leakGroup
	by := map[string]*leakGroup{}
	for _, pl := range ls {
		l := pl.leak
		subject := l.VendorID
		if subject == "" {
			subject = strings.ToLower(l.Host)
		}
		g := by[subject]
		if g == nil {
			g = &leakGroup{subject: subject, vendor: l.Vendor, vendorID: l.VendorID, host: l.Host, category: l.Category}
			by[subject] = g
			out = append(out, g)
		}
		g.leaks = append(g.leaks, pl)
	}
	return out
}

// describe says what was sent and how: "e-mail address (sha256(lower), in
// the URL) and phone number (sha256(digits-cc))".
func (g *leakGroup) describe() string {
	var parts []string
	for _, k := range g.kinds() {
		var encs []string
		for _, pl := range g.leaks {
			if pl.leak.Kind == k {
				e := pl.leak.Encoding
				if !containsStr(encs, e) {
					encs = append(encs, e)
				}
			}
		}
		sort.Strings(encs)
		parts = append(parts, fmt.Sprintf("%s (%s)", leakWord(k), strings.Join(encs, ", ")))
	}
	return joinAnd(parts)
}

func joinAnd(parts []string) string {
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	default:
		return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
	}
}

// phaseWords names a phase in a sentence.
func phaseWords(ph string) string {
	switch ph {
	case model.PhaseBeforeConsent:
		return "before consent"
	case model.PhaseAfterAccept:
		return "after accept"
	case model.PhaseAfterReject:
		return "after the visitor rejected"
	case model.PhaseDNT:
		return "with Do Not Track (no choice made)"
	case model.PhaseGPC:
		return "with Global Privacy Control (no choice made)"
	}
	return ph
}

func phasesWords(phs []string) string {
	var w []string
	for _, ph := range phs {
		w = append(w, phaseWords(ph))
	}
	return joinAnd(w)
}

// leakEvidence is one evidence per distinct request and value.
func leakEvidence(ls []phasedLeak) []model.Evidence {
	var ev []model.Evidence
	seen := map[string]bool{}
	for _, pl := range ls {
		l := pl.leak
		key := pl.phase + "\x00" + l.URL + "\x00" + l.Kind + "\x00" + l.Encoding + "\x00" + l.Where
		if seen[key] {
			continue
		}
		seen[key] = true
		if len(ev) == maxEvidence {
			ev = append(ev, model.Evidence{Kind: "request", Detail: "and more requests"})
			break
		}
		d := fmt.Sprintf("%s as %s in the %s, %s", leakWord(l.Kind), l.Encoding, whereWords(l.Where), phaseWords(pl.phase))
		if l.BeforeSubmit {
			d += ", before the form was submitted"
		}
		if l.Step != "" {
			d += ", journey step " + l.Step
		}
		ev = append(ev, model.Evidence{Kind: "request", Page: l.Page, URL: l.URL, Domain: l.Host, Vendor: l.Vendor, Detail: d})
	}
	return ev
}

func whereWords(w string) string {
	switch {
	case w == "url":
		return "URL"
	case strings.HasPrefix(w, "header:"):
		return strings.TrimPrefix(w, "header:") + " header"
	case w == "":
		return "request"
	}
	return w
}

// healthTrade returns what suggests the shop trades in health products or
// services (a pharmacy, a clinic): a word in its address or a page title.
// Data about such a shop's customers can reveal their health (GDPR Art. 9).
// Empty when nothing does; the rules then leave Art. 9 out.
func (c *evalContext) healthTrade() string {
	words := []string{"apotheke", "apotheek", "apoteket", "apotek", "pharmacy", "pharmacie", "pharmazie", "farmacia", "farmacie", "apteka", "apteekki", "drugstore", "klinik", "clinic", "clinique", "hospital", "krankenhaus"}
	texts := []string{c.site.URL, c.site.FinalURL}
	for _, ph := range model.AllPhases {
		if p := c.phase(ph); p != nil {
			for _, pg := range p.Pages {
				texts = append(texts, pg.Title)
			}
		}
	}
	for _, t := range texts {
		lt := strings.ToLower(t)
		for _, w := range words {
			if strings.Contains(lt, w) {
				return w
			}
		}
	}
	return ""
}

func (c *evalContext) usJurisdiction() bool {
	return c.jur == "us" || strings.HasPrefix(c.jur, "us-")
}

// --- examples ---

// exLeak is a canary value found in a request to a vendor.
func exLeak(kind, encoding, where, raw, vendorID, vendor, category string, beforeSubmit bool) model.Leak {
	r := exReq(raw, vendorID, vendor, category)
	return model.Leak{Kind: kind, Encoding: encoding, Where: where, URL: raw, Host: r.Host, Party: r.Party,
		Vendor: vendor, VendorID: vendorID, Category: category, Page: exHome + "checkout", BeforeSubmit: beforeSubmit, Step: model.StepCheckout}
}

// exBehaviour is something a script did on the home page.
func exBehaviour(kind, script, vendorID, vendor, detail string) model.Behaviour {
	r := exReq(script, vendorID, vendor, "")
	return model.Behaviour{Kind: kind, Script: script, Host: r.Host, Party: r.Party, Vendor: vendor, VendorID: vendorID,
		Page: exHome, Detail: detail, Count: 1}
}

// withLeaks adds leaks to a phase.
func withLeaks(phase string, ls ...model.Leak) func(*model.Site) {
	return func(s *model.Site) { s.Phases[phase].Leaks = append(s.Phases[phase].Leaks, ls...) }
}

// withBehaviours adds behaviours to a phase.
func withBehaviours(phase string, bs ...model.Behaviour) func(*model.Site) {
	return func(s *model.Site) { s.Phases[phase].Behaviours = append(s.Phases[phase].Behaviours, bs...) }
}

// withJourney sets a phase's journey.
func withJourney(phase string, j model.Journey) func(*model.Site) {
	return func(s *model.Site) { s.Phases[phase].Journey = &j }
}

var (
	exMetaEmailLeak = exLeak("email", "sha256(lower)", "url",
		"https://www.facebook.com/tr?id=1234&ev=AddPaymentInfo&ud[em]=106bb3fc12d311bb944148588a045d333c23d73796269d1c62318345dd4cfad1",
		"meta-pixel", "Meta Pixel", "advertising", false)
	exMetaKeylog = exLeak("email", "sha256(lower)", "url",
		"https://www.facebook.com/tr?id=1234&ev=PageView&ud[em]=106bb3fc12d311bb944148588a045d333c23d73796269d1c62318345dd4cfad1",
		"meta-pixel", "Meta Pixel", "advertising", true)
	exRecorderLeak = exLeak("phone", "plain", "body", "https://rec.tracker.example/batch", "", "", "unknown", true)
	exGA4Search    = exLeak(leakSearch, "url(url)", "url",
		"https://region1.google-analytics.com/g/collect?v=2&tid=G-TEST&en=page_view&dl=https%3A%2F%2Fshop.test%2Fsearch%3Fq%3Dwanderschuhe%2Bcanary",
		"google-analytics", "Google Analytics", "analytics", false)
	exOwnSearch  = exLeak(leakSearch, "url", "url", "https://shop.test/search?q=wanderschuhe+canary", "", "", "functional", false)
	exStripeLeak = exLeak("postal_code", "plain", "body", "https://api.stripe.com/v1/payment_methods", "stripe", "Stripe", "payment", false)
	exStripeForm = model.Journey{Steps: []model.JourneyStep{{Step: model.StepCheckout, OK: true,
		Fields: []model.TypedField{{Kind: "postal_code", Field: "postal", Form: "checkout", Frame: "https://js.stripe.com"}}}}}
	exCanvasFP    = exBehaviour(model.BehaviourCanvas, "https://fp.tracker.example/fp.js", "", "", "toDataURL after drawing text and emoji, 2 reads")
	exFontFP      = exBehaviour(model.BehaviourFont, "https://fp.tracker.example/fp.js", "", "", "text measured in 64 fonts")
	exHotjarRec   = exBehaviour(model.BehaviourSessionRecording, "https://script.hotjar.com/modules.js", "hotjar", "Hotjar", "MutationObserver on document plus 4 input listeners, 2 batches sent to in.hotjar.com")
	exOwnRec      = exBehaviour(model.BehaviourSessionRecording, "https://shop.test/assets/replay.js", "", "", "MutationObserver on document plus 3 input listeners, 5 batches sent to shop.test")
	exMetaMatched = model.PixelEvent{Vendor: "Meta Pixel", VendorID: "meta-pixel", Event: "Purchase", UserData: []string{"em", "external_id"},
		Summary: "Purchase, value 24.90 EUR, hashed e-mail, external id, to Meta",
		URL:     "https://www.facebook.com/tr/?id=1234&ev=Purchase&ud[em]=redacted&ud[external_id]=redacted", Page: exHome + "checkout"}
	exMetaPolicy = withPolicy(func(p *model.PolicyFacts) {
		p.VendorIDs, p.VendorsMentioned = []string{"google-analytics", "stripe"}, []string{"Google Analytics", "Stripe"}
	})
	exPharmacy = func(s *model.Site) {
		for _, p := range s.Phases {
			for i := range p.Pages {
				p.Pages[i].Title = "Online-Apotheke Muster – Kasse"
			}
		}
	}
)

// --- rules ---

func piiLeakToThirdParty() Rule {
	return Rule{
		ID:       "pii-leak-to-third-party",
		Title:    "Personal data the visitor typed is sent to a third party",
		Severity: High,
		Rationale: "The shopper's journey types a made-up identity into the shop's forms (newsletter, account, " +
			"checkout) and a search term into the site search; finding those values in a request to another " +
			"party proves the page sent what the visitor typed, in clear or hashed. A hash of an e-mail address " +
			"or phone number is still personal data: advertising pixels' \"advanced matching\" hashes them " +
			"precisely so the vendor can match them to its users' accounts. Without consent there is no lawful " +
			"basis (critical before consent or after a reject, and in the DNT and GPC phases, where no choice " +
			"is made); with it, sending form data is rarely necessary " +
			"for the purpose and must be disclosed. Where the shop's trade implies health (a pharmacy), what a " +
			"customer buys can reveal health data (Art. 9); the rule says so when the site's address or a page " +
			"title names a pharmacy, clinic or hospital, and otherwise leaves Art. 9 out. A first-party search request and a payment provider's iframe " +
			"receiving what was typed into it are not reported. A search term alone is reported at medium after " +
			"consent.",
		References: []string{refGDPR5_1c, refGDPR6, refGDPR9, refGDPR13, refGDPR32, refEPrivacy53, refEDPB022023,
			refIMYPixel, refCNILSan09},
		Remediation: "Turn off automatic advanced matching and form-field collection in the pixel's settings (Meta " +
			"\"Automatic Advanced Matching\", Google \"user-provided data\" from page forms, TikTok and Snap " +
			"equivalents); send no customer data to advertising vendors before consent; strip form values and " +
			"search terms from URLs and event parameters sent to third parties; on health-related shops do not " +
			"send product or customer data to advertising vendors at all.",
		Examples: []Example{
			{Name: "Meta pixel sends the hashed e-mail typed at checkout, after accept", Fires: true,
				Site: exSite(withLeaks(model.PhaseAfterAccept, exMetaEmailLeak))},
			{Name: "same before consent (critical)", Fires: true,
				Site: exSite(withLeaks(model.PhaseBeforeConsent, exMetaEmailLeak))},
			{Name: "a pharmacy's checkout e-mail to Meta", Fires: true,
				Site: exSite(exPharmacy, withLeaks(model.PhaseAfterAccept, exMetaEmailLeak))},
			{Name: "the search term in the page URL sent to Google Analytics", Fires: true,
				Site: exSite(withLeaks(model.PhaseAfterAccept, exGA4Search))},
			{Name: "a pixel event carries a hashed e-mail the canary search did not match (advanced matching)", Fires: true,
				Site: exSite(func(s *model.Site) {
					s.Phases[model.PhaseAfterAccept].PixelEvents = []model.PixelEvent{exMetaMatched}
				})},
			{Name: "a first-party host that is a CNAME-cloaked analytics collector receives the e-mail", Fires: true,
				Site: exSite(withLeaks(model.PhaseAfterAccept, func() model.Leak {
					l := exLeak("email", "plain", "body", "https://metrics.shop.test/collect", "adobe-analytics", "Adobe Analytics", "analytics", false)
					l.Party = model.PartyFirst
					return l
				}()))},
			{Name: "a pixel event without user data", Fires: false,
				Site: exSite(func(s *model.Site) {
					e := exMetaMatched
					e.UserData, e.Summary = nil, "Purchase, value 24.90 EUR, to Meta"
					s.Phases[model.PhaseAfterAccept].PixelEvents = []model.PixelEvent{e}
				})},
			{Name: "a first-party search request", Fires: false,
				Site: exSite(withLeaks(model.PhaseBeforeConsent, exOwnSearch))},
			{Name: "Stripe's iframe receives the postal code typed into it", Fires: false,
				Site: exSite(withJourney(model.PhaseBeforeConsent, exStripeForm), withLeaks(model.PhaseBeforeConsent, exStripeLeak))},
			{Name: "an analytics pixel without user data (no leak recorded)", Fires: false,
				Site: exSite(inPhase(model.PhaseAfterAccept, exGA4))},
		},
		check: func(c *evalContext) []model.Finding {
			unconsented := map[string]bool{}
			for _, ph := range c.unconsentedPhases() {
				unconsented[ph] = true
			}
			health := c.healthTrade()
			var out []model.Finding
			for _, g := range groupLeaks(c.leaksIn(model.AllPhases, true)) {
				phs := g.phases()
				// The finding sits in the worst phase: unconsented first.
				phase := phs[0]
				for _, ph := range phs {
					if unconsented[ph] {
						phase = ph
						break
					}
				}
				personal := false
				for _, k := range g.kinds() {
					if k != leakSearch {
						personal = true
					}
				}
				f := model.Finding{
					Phase:    ptr(phase),
					Subject:  g.subject,
					Message:  fmt.Sprintf("%s received the %s typed by the visitor, %s", g.label(), g.describe(), phasesWords(phs)),
					Evidence: leakEvidence(g.leaks),
				}
				switch {
				case unconsented[phase] && !c.usJurisdiction() && personal:
					f.Severity = higher(c.sev, Critical)
				case !personal && !unconsented[phase]:
					f.Severity = lower(c.sev, Medium)
				}
				if health != "" && personal {
					f.Message += fmt.Sprintf("; the shop appears to trade in health products (%q), so the data can reveal health (GDPR Art. 9)", health)
				}
				out = append(out, f)
			}
			return out
		},
	}
}

func keylogging() Rule {
	return Rule{
		ID:       "keylogging",
		Title:    "What the visitor types is sent to a third party before the form is submitted",
		Severity: High,
		Rationale: "The journey types into forms and submits none of them (only the site search); a typed value " +
			"that leaves the page anyway was captured as it was typed: key logging, by a session recorder, an " +
			"advertising pixel's automatic form matching or an abandoned-form script. The visitor who changes " +
			"their mind and never submits has still disclosed the data. It is reported in every phase; the " +
			"search term is left out (search suggestions are expected).",
		References:  []string{refGDPR5_1c, refGDPR6, refGDPR13, refEPrivacy53, refEDPB022023, refCIPA631},
		Remediation: "Stop scripts from reading form fields before submission: exclude inputs from session recording (mask all inputs), turn off automatic form-field matching in advertising pixels, and send form data only to the shop's own server when the visitor submits.",
		Examples: []Example{
			{Name: "a recorder ships the phone number as it is typed", Fires: true,
				Site: exSite(withLeaks(model.PhaseAfterAccept, exRecorderLeak))},
			{Name: "Meta pixel sends the e-mail before the form is submitted", Fires: true,
				Site: exSite(withLeaks(model.PhaseBeforeConsent, exMetaKeylog))},
			{Name: "the e-mail leaves only with the submitted search (not before submit)", Fires: false,
				Site: exSite(withLeaks(model.PhaseAfterAccept, exMetaEmailLeak))},
			{Name: "search suggestions while typing the search term", Fires: false,
				Site: exSite(withLeaks(model.PhaseAfterAccept, func() model.Leak { l := exGA4Search; l.BeforeSubmit = true; return l }()))},
		},
		check: func(c *evalContext) []model.Finding {
			var ls []phasedLeak
			for _, pl := range c.leaksIn(model.AllPhases, false) {
				if pl.leak.BeforeSubmit && pl.leak.Kind != leakSearch {
					ls = append(ls, pl)
				}
			}
			var out []model.Finding
			for _, g := range groupLeaks(ls) {
				phs := g.phases()
				out = append(out, model.Finding{
					Phase:    ptr(phs[0]),
					Subject:  g.subject,
					Message:  fmt.Sprintf("%s received the %s while it was being typed, before any form was submitted, %s", g.label(), g.describe(), phasesWords(phs)),
					Evidence: leakEvidence(g.leaks),
				})
			}
			return out
		},
	}
}

// behaviourGroup is what one script did.
type behaviourGroup struct {
	subject, script, host, vendor, vendorID, party string
	kinds                                          []string
	phases                                         []string
	items                                          []model.Behaviour
}

func (g *behaviourGroup) label() string {
	if g.vendor != "" {
		return g.vendor + " (" + g.script + ")"
	}
	if g.party == model.PartyFirst {
		return "the site's own script " + g.script
	}
	return "the script " + g.script
}

// behaviours groups the behaviours of the phases whose kind passes keep by
// script vendor (id, else the script's host), in phase order.
func (c *evalContext) behaviours(phases []string, keep func(kind string) bool) []*behaviourGroup {
	var out []*behaviourGroup
	by := map[string]*behaviourGroup{}
	for _, ph := range phases {
		p := c.phase(ph)
		if p == nil {
			continue
		}
		for _, b := range p.Behaviours {
			if !keep(b.Kind) || c.vendorAllowed(b.VendorID, b.Vendor) {
				continue
			}
			subject := b.VendorID
			if subject == "" {
				subject = strings.ToLower(b.Host)
			}
			if subject == "" {
				subject = b.Script
			}
			g := by[subject]
			if g == nil {
				g = &behaviourGroup{subject: subject, script: b.Script, host: b.Host, vendor: b.Vendor, vendorID: b.VendorID, party: b.Party}
				by[subject] = g
				out = append(out, g)
			}
			if !containsStr(g.kinds, b.Kind) {
				g.kinds = append(g.kinds, b.Kind)
			}
			if !containsStr(g.phases, ph) {
				g.phases = append(g.phases, ph)
			}
			b.Detail = phaseWords(ph) + ": " + b.Detail
			g.items = append(g.items, b)
		}
	}
	return out
}

func (g *behaviourGroup) evidence() []model.Evidence {
	var ev []model.Evidence
	for _, b := range g.items {
		if len(ev) == maxEvidence {
			ev = append(ev, model.Evidence{Kind: "script", Detail: "and more"})
			break
		}
		ev = append(ev, model.Evidence{Kind: "script", Page: b.Page, URL: b.Script, Domain: b.Host, Vendor: b.Vendor,
			Detail: b.Kind + " — " + b.Detail})
	}
	return ev
}

func (g *behaviourGroup) techniques() string {
	var w []string
	for _, k := range g.kinds {
		if t := fingerprintKinds[k]; t != "" {
			w = append(w, t)
		}
	}
	sort.Strings(w)
	return joinAnd(w)
}

// allOnPaymentPages reports whether every behaviour happened on a page where
// the visitor pays or logs in: a checkout, cart or account page as the
// crawler classified it, or a checkout page the journey reached.
func (c *evalContext) allOnPaymentPages(bs []model.Behaviour) bool {
	pay := map[string]bool{}
	for _, pg := range c.site.Pages {
		switch pg.Kind {
		case "checkout", "cart", "account":
			pay[pg.URL] = true
		}
	}
	for _, p := range c.site.Phases {
		if p == nil || p.Journey == nil {
			continue
		}
		for _, st := range p.Journey.Steps {
			if st.Step == model.StepCheckout || st.Step == model.StepCart {
				pay[st.URL] = true
			}
		}
	}
	for _, b := range bs {
		if !pay[b.Page] {
			return false
		}
	}
	return len(bs) > 0
}

func isFingerprinting(kind string) bool { return fingerprintKinds[kind] != "" }
func isRecording(kind string) bool      { return kind == model.BehaviourSessionRecording }

func fingerprinting() Rule {
	return Rule{
		ID:       "fingerprinting",
		Title:    "A script fingerprints the browser before consent or after a reject",
		Severity: High,
		Rationale: "Reading a canvas back after drawing text, querying the graphics card's unmasked vendor and " +
			"renderer, rendering an audio signal offline, measuring text in many fonts, or probing navigator, " +
			"screen and plugin properties in bulk derives an identifier from the device instead of storing " +
			"one. It is access to information stored in the terminal equipment like a cookie (EDPB Guidelines " +
			"2/2023) and needs the same prior consent; the visitor cannot delete it. A canvas drawn and never " +
			"read is not reported (the scanner records reads only). The DNT and GPC phases, which make no " +
			"choice, count as before consent. A payment or security vendor's fraud check " +
			"running only where the visitor pays or logs in is reported at low severity: it may be strictly " +
			"necessary there, which the site must be able to show; elsewhere it is not.",
		References:    []string{refEPrivacy53, refEDPB022023, refGDPR6, refCNIL2020091, refTDDDG25, refPECR6},
		Remediation:   "Load the fingerprinting script only after consent, or remove it; if it is a fraud check at payment, load it on the payment step only and document why it is strictly necessary.",
		Jurisdictions: consentOptional(),
		Examples: []Example{
			{Name: "canvas and font fingerprinting before consent", Fires: true,
				Site: exSite(withBehaviours(model.PhaseBeforeConsent, exCanvasFP, exFontFP))},
			{Name: "canvas fingerprinting after reject", Fires: true,
				Site: exSite(withBehaviours(model.PhaseAfterReject, exCanvasFP))},
			{Name: "fingerprinting only after accept", Fires: false,
				Site: exSite(withBehaviours(model.PhaseAfterAccept, exCanvasFP))},
			{Name: "session recording is not fingerprinting", Fires: false,
				Site: exSite(withBehaviours(model.PhaseBeforeConsent, exOwnRec))},
			{Name: "US jurisdiction has no prior-consent rule", Fires: false, Jurisdiction: "us-ca",
				Site: exSite(withBehaviours(model.PhaseBeforeConsent, exCanvasFP))},
		},
		check: func(c *evalContext) []model.Finding {
			var out []model.Finding
			for _, g := range c.behaviours(c.unconsentedPhases(), isFingerprinting) {
				f := model.Finding{
					Phase:    ptr(g.phases[0]),
					Subject:  g.subject,
					Message:  fmt.Sprintf("%s fingerprints the browser (%s) %s", g.label(), g.techniques(), phasesWords(g.phases)),
					Evidence: g.evidence(),
				}
				if c.essentialVendor(observedVendor{id: g.vendorID, name: g.vendor}) {
					if c.allOnPaymentPages(g.items) {
						f.Severity = lower(c.sev, Low)
						f.Message += "; the vendor is a payment or security service and it ran only where the visitor pays or logs in: a fraud check there may be strictly necessary, which the site must be able to show"
					} else {
						f.Message += "; the vendor sells it as fraud prevention, but it ran on pages where nobody pays or logs in, where it is not strictly necessary"
					}
				}
				out = append(out, f)
			}
			return out
		},
	}
}

func sessionRecordingBeforeConsent() Rule {
	return Rule{
		ID:       "session-recording-before-consent",
		Title:    "A session recorder captures the visit before consent or after a reject",
		Severity: High,
		Rationale: "A session recorder watches the whole document (a MutationObserver on it) and the visitor's " +
			"input, and ships batches of what it saw: every page, click, scroll and often what is typed. It " +
			"needs prior consent like any analytics, more so as it captures far more than the purpose needs. " +
			"Recognised by behaviour, so a recorder hosted on the shop's own domain is reported too. The DNT and " +
			"GPC phases, which make no choice, count as before consent.",
		References:    []string{refEPrivacy53, refGDPR6, refGDPR5_1c, refEDPB022023, refCNIL2020091, refCIPA631},
		Remediation:   "Start the recorder only after the visitor consents to it, mask every input field, and exclude checkout and account pages from recording.",
		Jurisdictions: consentOptional(),
		Examples: []Example{
			{Name: "Hotjar records before consent", Fires: true,
				Site: exSite(withBehaviours(model.PhaseBeforeConsent, exHotjarRec))},
			{Name: "a first-party-hosted recorder after reject", Fires: true,
				Site: exSite(withBehaviours(model.PhaseAfterReject, exOwnRec))},
			{Name: "recording only after accept", Fires: false,
				Site: exSite(withBehaviours(model.PhaseAfterAccept, exHotjarRec))},
			{Name: "reject could not be clicked: no verdict on rejection", Fires: false,
				Site: exSite(rejectFailed, withBehaviours(model.PhaseAfterReject, exOwnRec))},
		},
		check: func(c *evalContext) []model.Finding {
			var out []model.Finding
			for _, g := range c.behaviours(c.unconsentedPhases(), isRecording) {
				out = append(out, model.Finding{
					Phase:    ptr(g.phases[0]),
					Subject:  g.subject,
					Message:  fmt.Sprintf("%s records the session %s", g.label(), phasesWords(g.phases)),
					Evidence: g.evidence(),
				})
			}
			return out
		},
	}
}

// namedInPolicy reports whether the policy names the vendor (id, name,
// alias, company or recipient).
func (c *evalContext) namedInPolicy(id, name, category string) bool {
	if id == "" && name == "" {
		return false
	}
	if name == "" {
		name = id
	}
	return c.disclosed(observedVendor{id: id, name: name, category: category})
}

// policyNamesCategory reports whether the policy names any vendor of the
// category (the knowledge base's category of the vendor ids it mentions).
func (c *evalContext) policyNamesCategory(cat string) bool {
	for _, id := range c.site.Policy.VendorIDs {
		if v, ok := c.lookup(id); ok && v.Category == cat {
			return true
		}
	}
	for _, r := range c.site.Policy.Recipients {
		if r.Role == cat {
			return true
		}
	}
	return false
}

func undisclosedPIISharing() Rule {
	return Rule{
		ID:       "undisclosed-pii-sharing",
		Title:    "Typed personal data goes to a recipient the privacy policy does not name",
		Severity: Medium,
		Rationale: "The visitor must be told who receives their data (Art. 13(1)(e)). A vendor that receives the " +
			"e-mail address, name, phone or address typed into the shop's forms, in clear or hashed, is a " +
			"recipient of contact data, not only of page views. The policy analyser reads vendor names and " +
			"recipients, not statements on advanced matching, so this rule checks the least the policy owes: " +
			"that it names the recipient. A recipient without a known vendor cannot have been named.",
		References:  []string{refGDPR13, refGDPR131e, refGDPR5_1a, refIMYPixel},
		Remediation: "Stop sending the form data (see pii-leak-to-third-party), or name the recipient in the privacy policy with what it receives (hashed contact data for ad matching) and why.",
		Examples: []Example{
			{Name: "Meta receives the hashed e-mail; the policy names only Google Analytics and Stripe", Fires: true,
				Site: exSite(exMetaPolicy, withLeaks(model.PhaseAfterAccept, exMetaEmailLeak))},
			{Name: "an unknown recorder host receives the phone number", Fires: true,
				Site: exSite(withLeaks(model.PhaseAfterAccept, exRecorderLeak))},
			{Name: "the policy names Meta Pixel", Fires: false,
				Site: exSite(withLeaks(model.PhaseAfterAccept, exMetaEmailLeak))},
			{Name: "only the search term is shared", Fires: false,
				Site: exSite(exMetaPolicy, withLeaks(model.PhaseAfterAccept, exGA4Search))},
			{Name: "no policy: policy-not-found covers it", Fires: false,
				Site: exSite(noPolicy, withLeaks(model.PhaseAfterAccept, exMetaEmailLeak))},
		},
		check: func(c *evalContext) []model.Finding {
			if !c.readPolicy() {
				return nil
			}
			var ls []phasedLeak
			for _, pl := range c.leaksIn(model.AllPhases, true) {
				if pl.leak.Kind != leakSearch {
					ls = append(ls, pl)
				}
			}
			var out []model.Finding
			for _, g := range groupLeaks(ls) {
				if c.namedInPolicy(g.vendorID, g.vendor, g.category) {
					continue
				}
				out = append(out, model.Finding{
					Phase:   ptr(g.phases()[0]),
					Subject: g.subject,
					Message: fmt.Sprintf("%s received the %s typed by the visitor, but the privacy policy %s does not name it", g.label(), g.describe(), c.policyURL()),
					Evidence: append(leakEvidence(g.leaks),
						model.Evidence{Kind: "policy", URL: c.policyURL(), Vendor: g.vendor, Detail: "recipient not named in the policy"}),
				})
			}
			return out
		},
	}
}

func undisclosedFingerprinting() Rule {
	return Rule{
		ID:       "undisclosed-fingerprinting",
		Title:    "A script fingerprints the browser and the privacy policy does not name it",
		Severity: Medium,
		Rationale: "Fingerprinting is processing the visitor cannot see or clear; the least transparency " +
			"requires is that the policy names who does it. The policy analyser reads vendor names, not " +
			"statements on fingerprinting, so the rule is silent when the policy names the script's vendor, " +
			"and fires for a script of no known vendor (the site's own or an unknown host), which no policy " +
			"entry can cover. Reported in any phase.",
		References:  []string{refGDPR13, refGDPR5_1a, refEPrivacy53, refEDPB022023},
		Remediation: "Remove the fingerprinting, or name the vendor in the privacy policy with the technique and its purpose (and ask consent for it).",
		Examples: []Example{
			{Name: "an unknown host fingerprints after accept", Fires: true,
				Site: exSite(withBehaviours(model.PhaseAfterAccept, exCanvasFP))},
			{Name: "the policy names the fingerprinting vendor", Fires: false,
				Site: exSite(withBehaviours(model.PhaseAfterAccept,
					exBehaviour(model.BehaviourWebGL, "https://region1.google-analytics.com/gtag.js", "google-analytics", "Google Analytics", "UNMASKED_RENDERER_WEBGL read")))},
			{Name: "session recording only", Fires: false,
				Site: exSite(withBehaviours(model.PhaseAfterAccept, exHotjarRec), withPolicy(func(p *model.PolicyFacts) {
					p.VendorIDs = append(p.VendorIDs, "hotjar")
				}))},
			{Name: "a policy in a language the analyser does not read is not judged", Fires: false,
				Site: exSite(unreadPolicy, withBehaviours(model.PhaseAfterAccept, exCanvasFP))},
		},
		check: func(c *evalContext) []model.Finding {
			if !c.readPolicy() {
				return nil
			}
			var out []model.Finding
			for _, g := range c.behaviours(model.AllPhases, isFingerprinting) {
				if c.namedInPolicy(g.vendorID, g.vendor, "") {
					continue
				}
				out = append(out, model.Finding{
					Phase:   ptr(g.phases[0]),
					Subject: g.subject,
					Message: fmt.Sprintf("%s fingerprints the browser (%s), and the privacy policy %s does not name who does", g.label(), g.techniques(), c.policyURL()),
					Evidence: append(g.evidence(),
						model.Evidence{Kind: "policy", URL: c.policyURL(), Vendor: g.vendor, Detail: "fingerprinting vendor not named in the policy"}),
				})
			}
			return out
		},
	}
}

func undisclosedSessionRecording() Rule {
	return Rule{
		ID:       "undisclosed-session-recording",
		Title:    "The visit is recorded and the privacy policy names no session recorder",
		Severity: Medium,
		Rationale: "A session recording captures everything the visitor does on the page; the visitor must be " +
			"told. The rule is silent when the policy names the recorder's vendor, or, for a recorder of no " +
			"known vendor (self-hosted, or proxied through the shop's domain), when it names any session-" +
			"recording provider. Reported in any phase.",
		References:  []string{refGDPR13, refGDPR131e, refGDPR5_1a, refCIPA631},
		Remediation: "Name the session-recording provider in the privacy policy, with what it records and why, or remove it.",
		Examples: []Example{
			{Name: "Hotjar records after accept, the policy never names it", Fires: true,
				Site: exSite(withBehaviours(model.PhaseAfterAccept, exHotjarRec))},
			{Name: "a self-hosted recorder, no recorder in the policy", Fires: true,
				Site: exSite(withBehaviours(model.PhaseAfterAccept, exOwnRec))},
			{Name: "the policy names Hotjar", Fires: false,
				Site: exSite(withBehaviours(model.PhaseAfterAccept, exHotjarRec, exOwnRec), withPolicy(func(p *model.PolicyFacts) {
					p.VendorIDs = append(p.VendorIDs, "hotjar")
				}))},
			{Name: "no policy: policy-not-found covers it", Fires: false,
				Site: exSite(noPolicy, withBehaviours(model.PhaseAfterAccept, exHotjarRec))},
		},
		check: func(c *evalContext) []model.Finding {
			if !c.readPolicy() {
				return nil
			}
			var out []model.Finding
			for _, g := range c.behaviours(model.AllPhases, isRecording) {
				if g.vendorID != "" || g.vendor != "" {
					if c.namedInPolicy(g.vendorID, g.vendor, model.CategorySessionRecording) {
						continue
					}
				} else if c.policyNamesCategory(model.CategorySessionRecording) {
					continue
				}
				out = append(out, model.Finding{
					Phase:   ptr(g.phases[0]),
					Subject: g.subject,
					Message: fmt.Sprintf("%s records the session, and the privacy policy %s names no such recorder", g.label(), c.policyURL()),
					Evidence: append(g.evidence(),
						model.Evidence{Kind: "policy", URL: c.policyURL(), Vendor: g.vendor, Detail: "session recorder not named in the policy"}),
				})
			}
			return out
		},
	}
}
