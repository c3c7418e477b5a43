package rules

import (
	"fmt"
	"strings"
	"time"

	"github.com/privacyscan/privacyscan/scanner/model"
)

// observedVendor is a vendor seen anywhere in a scan.
type observedVendor struct {
	id       string
	name     string
	category string
	// phase is the first phase (report order) in which it was seen.
	phase string
	// req is its first request, when it was seen through a request.
	req *model.Request
	// cookie is its first cookie, when it was seen only through cookies.
	cookie *model.Cookie
}

// subject is the vendor id, or its lower-cased name.
func (v observedVendor) subject() string {
	if v.id != "" {
		return v.id
	}
	return strings.ToLower(v.name)
}

// evidence points at the request or cookie through which the vendor was seen.
func (v observedVendor) evidence() model.Evidence {
	if v.req != nil {
		return requestEvidence([]model.Request{*v.req})[0]
	}
	return cookieEvidence(*v.cookie, v.cookie.Page)
}

// observedVendors lists every named vendor of the scan that is not the site itself,
// in phase order then order of appearance.
func (c *evalContext) observedVendors() []observedVendor {
	var out []observedVendor
	seen := map[string]bool{}
	add := func(v observedVendor) {
		if v.name == "" && v.id == "" {
			return
		}
		if v.name == "" {
			v.name = v.id
		}
		if kv, ok := c.lookup(v.id); ok && kv.SelfHosted {
			return // the site's own software, not a third party
		}
		if seen[v.subject()] {
			return
		}
		seen[v.subject()] = true
		out = append(out, v)
	}
	for _, ph := range model.AllPhases {
		p := c.phase(ph)
		if p == nil {
			continue
		}
		for i := range p.Requests {
			r := &p.Requests[i]
			if r.Vendor == "" && r.VendorID == "" {
				continue
			}
			if c.firstParty(r.Party, r.Host) && baseCategory(r.Category) != "analytics" && baseCategory(r.Category) != "advertising" {
				continue
			}
			add(observedVendor{id: r.VendorID, name: r.Vendor, category: r.Category, phase: ph, req: r})
		}
		for i := range p.Cookies {
			ck := &p.Cookies[i]
			if ck.Vendor == "" && ck.VendorID == "" {
				continue
			}
			add(observedVendor{id: ck.VendorID, name: ck.Vendor, category: ck.Category, phase: ph, cookie: ck})
		}
	}
	return out
}

// lookup returns the knowledge base's facts on a vendor.
func (c *evalContext) lookup(id string) (Vendor, bool) {
	if c.vendors == nil || id == "" {
		return Vendor{}, false
	}
	return c.vendors.Vendor(id)
}

// legalSuffixes are dropped from company names before comparing them with
// names in a policy.
var legalSuffixes = []string{", inc.", " inc.", " inc", " llc", " ltd", " ltd.", " limited", " gmbh", " ag", " s.a.", " sa", " sas", " b.v.", " bv", " ab", " as", " oy", " plc", " corp.", " corporation", " co."}

func normName(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, suf := range legalSuffixes {
		s = strings.TrimSuffix(s, suf)
	}
	return strings.Join(strings.Fields(strings.Trim(s, " ,.")), " ")
}

// disclosed reports whether the policy names the vendor: by knowledge-base
// id, by name, by an alias or by its company.
func (c *evalContext) disclosed(v observedVendor) bool {
	p := c.site.Policy
	if v.id != "" && containsStr(p.VendorIDs, v.id) {
		return true
	}
	names := []string{v.name}
	if kv, ok := c.lookup(v.id); ok {
		names = append(names, kv.Name, kv.Company)
		names = append(names, kv.Aliases...)
	}
	for _, m := range p.VendorsMentioned {
		nm := normName(m)
		for _, n := range names {
			if n != "" && normName(n) == nm {
				return true
			}
		}
	}
	// Recipients the knowledge base does not know by that name: the
	// vendor's company or brand, whole words, within the recipient's name
	// ("Klarna" in "Klarna Bank AB", "Google Ireland Limited").
	return c.recipientFor(v) != nil
}

// recipientFor returns the recipient the policy names that is the vendor:
// its company or brand, whole words, within the recipient's name ("Klarna"
// in "Klarna Bank AB", "Google Ireland Limited"); nil when none is.
func (c *evalContext) recipientFor(v observedVendor) *model.Recipient {
	names := []string{v.name}
	if kv, ok := c.lookup(v.id); ok {
		names = append(names, kv.Name, kv.Company)
		names = append(names, kv.Aliases...)
	}
	p := c.site.Policy
	for i, r := range p.Recipients {
		rn := " " + normName(r.Name) + " "
		for _, n := range names {
			if nn := normName(n); len(nn) >= 3 && strings.Contains(rn, " "+nn+" ") {
				return &p.Recipients[i]
			}
		}
	}
	return nil
}

// essentialVendor reports whether a vendor is a payment, CDN, security or
// similar strictly necessary service.
func (c *evalContext) essentialVendor(v observedVendor) bool {
	if baseCategory(v.category) == "essential" {
		return true
	}
	kv, ok := c.lookup(v.id)
	return ok && baseCategory(kv.Category) == "essential"
}

// readPolicy reports whether there is a policy whose content the analyser
// read: a policy in a language it does not read says nothing of what it
// discloses, so no rule may judge it absent.
func (c *evalContext) readPolicy() bool {
	return c.hasPolicy() && !c.site.Policy.PolicyUnread()
}

// unreadPolicy marks the example's policy as one in a language the
// analyser does not read, with none of its elements found.
func unreadPolicy(s *model.Site) {
	no := false
	s.Policy.Language, s.Policy.Readable = "hu", &no
	s.Policy.Elements = model.Elements{}
	s.Policy.VendorIDs, s.Policy.VendorsMentioned = nil, []string{}
}

// readableHungarian is the counterpart: the same empty facts from a policy
// the analyser did read.
func readableHungarian(s *model.Site) {
	unreadPolicy(s)
	yes := true
	s.Policy.Readable = &yes
}

func undisclosedThirdParty() Rule {
	withGA := exSite(inPhase(model.PhaseAfterAccept, exGA4, exGA))
	return Rule{
		ID:       "undisclosed-third-party",
		Title:    "A vendor the site uses is not named in its privacy policy",
		Severity: Medium,
		Rationale: "Visitors must be told who receives their data. A vendor contacted from the site's pages " +
			"receives at least the visitor's IP address and the page; the policy must name it (or its category " +
			"of recipients, for processors) in the policy's own language. Payment and CDN vendors are reported " +
			"at lower severity: they are expected, but still recipients.",
		References:    []string{refGDPR131e, refGDPR13, refGDPR5_1a, refCCPA135},
		Remediation:   "Name the vendor in the privacy policy with its purpose, or remove it from the site.",
		Jurisdictions: usAll(Low),
		Examples: []Example{
			{Name: "Hotjar records sessions but the policy never names it", Fires: true,
				Site: exSite(inPhase(model.PhaseAfterAccept, exReq("https://script.hotjar.com/modules.js", "hotjar", "Hotjar", "session-recording")))},
			{Name: "an unnamed payment provider is reported too (at low severity)", Fires: true,
				Site: exSite(withPolicy(func(p *model.PolicyFacts) {
					p.VendorIDs, p.VendorsMentioned = []string{"google-analytics"}, []string{"Google Analytics"}
				}),
					inPhase(model.PhaseBeforeConsent, exStripe))},
			{Name: "vendor named by id", Fires: false, Site: withGA},
			{Name: "vendor named by an alias only", Fires: false,
				Site: exSite(withPolicy(func(p *model.PolicyFacts) { p.VendorIDs, p.VendorsMentioned = nil, []string{"Facebook Pixel"} }),
					inPhase(model.PhaseAfterAccept, exMetaPixel))},
			{Name: "vendor named only as a recipient, with its legal form", Fires: false,
				Site: exSite(withPolicy(func(p *model.PolicyFacts) {
					p.Recipients = []model.Recipient{{Name: "Hotjar Ltd", Role: "analytics", Country: "MT", Sentence: "We share usage data with Hotjar Ltd (Malta)."}}
				}), inPhase(model.PhaseAfterAccept, exReq("https://script.hotjar.com/modules.js", "hotjar", "Hotjar", "session-recording")))},
			{Name: "no policy: policy-not-found covers it", Fires: false,
				Site: exSite(noPolicy, inPhase(model.PhaseAfterAccept, exGA4))},
			{Name: "a policy in a language the analyser does not read is not judged", Fires: false,
				Site: exSite(unreadPolicy, inPhase(model.PhaseAfterAccept, exGA4))},
			{Name: "a read policy that names no vendor", Fires: true,
				Site: exSite(readableHungarian, inPhase(model.PhaseAfterAccept, exGA4))},
			{Name: "the site's own PHP session cookie (self-hosted software)", Fires: false,
				Site: exSite(inPhase(model.PhaseBeforeConsent, exCookie("PHPSESSID", "shop.test", "PHP", "essential", 0)))},
		},
		check: func(c *evalContext) []model.Finding {
			if !c.readPolicy() {
				return nil
			}
			var out []model.Finding
			for _, v := range c.observedVendors() {
				if c.disclosed(v) {
					continue
				}
				f := model.Finding{
					Phase:   ptr(v.phase),
					Subject: v.subject(),
					Message: fmt.Sprintf("%s is used on the site but not named in the privacy policy %s", label(v.name, v.category), c.policyURL()),
					Evidence: []model.Evidence{v.evidence(),
						{Kind: "policy", URL: c.policyURL(), Vendor: v.name, Detail: "vendor not named in the policy"}},
				}
				if c.essentialVendor(v) {
					f.Severity = lower(c.sev, Low)
				}
				out = append(out, f)
			}
			return out
		},
	}
}

// lower returns the lower of two severities.
func lower(a, b string) string {
	if model.SeverityRank(a) < model.SeverityRank(b) {
		return a
	}
	return b
}

// higher returns the higher of two severities.
func higher(a, b string) string {
	if model.SeverityRank(a) > model.SeverityRank(b) {
		return a
	}
	return b
}

// outsideEEA reports whether the knowledge base places a vendor outside the
// EU/EEA and outside countries with an adequacy decision.
func (c *evalContext) outsideEEA(id string) (Vendor, bool) {
	kv, ok := c.lookup(id)
	if !ok || kv.Country == "" || kv.EEA || kv.Adequate {
		return kv, false
	}
	return kv, true
}

func undisclosedTransfer() Rule {
	silent := withPolicy(func(p *model.PolicyFacts) { p.Elements.Transfers = false })
	return Rule{
		ID:       "undisclosed-transfer",
		Title:    "Data goes to a vendor outside the EU/EEA, and the policy says nothing of transfers",
		Severity: High,
		Rationale: "A vendor headquartered outside the EU/EEA (without an adequacy decision for its country) " +
			"receives the visitor's data. The policy must say that data is transferred, where, and on which " +
			"safeguard (standard contractual clauses, the EU-US Data Privacy Framework, ...). A policy that " +
			"claims data stays in a named place is checked by claim-data-location-contradicted.",
		References:    []string{refGDPR131f, refGDPR44, refGDPR13},
		Remediation:   "Describe international transfers in the policy: the vendors or categories of recipients, the countries and the safeguard relied on; or choose vendors that process in the EEA.",
		Jurisdictions: usAll(Off),
		Examples: []Example{
			{Name: "Google Analytics (US) while the policy is silent on transfers", Fires: true,
				Site: exSite(silent, inPhase(model.PhaseAfterAccept, exGA4))},
			{Name: "the policy describes transfers", Fires: false,
				Site: exSite(inPhase(model.PhaseAfterAccept, exGA4))},
			{Name: "the vendor is a named recipient in its country", Fires: false,
				Site: exSite(silent, withPolicy(func(p *model.PolicyFacts) {
					p.Recipients = []model.Recipient{{Name: "Google LLC", Country: "US", Sentence: "Google LLC (USA) provides our analytics."}}
				}), inPhase(model.PhaseAfterAccept, exGA4))},
			{Name: "a policy in a language the analyser does not read is not judged", Fires: false,
				Site: exSite(unreadPolicy, inPhase(model.PhaseAfterAccept, exGA4))},
			{Name: "a read policy silent on transfers", Fires: true,
				Site: exSite(readableHungarian, inPhase(model.PhaseAfterAccept, exGA4))},
			{Name: "an EEA vendor only", Fires: false,
				Site: exSite(silent, inPhase(model.PhaseAfterAccept, exReq("https://script.hotjar.com/modules.js", "hotjar", "Hotjar", "session-recording")))},
		},
		check: func(c *evalContext) []model.Finding {
			if !c.readPolicy() || c.site.Policy.Elements.Transfers {
				return nil
			}
			var out []model.Finding
			for _, v := range c.observedVendors() {
				kv, outside := c.outsideEEA(v.id)
				if !outside {
					continue
				}
				if r := c.recipientFor(v); r != nil && r.Country != "" && r.Country == kv.Country {
					// The policy names the vendor and where it is: the transfer is stated.
					continue
				}
				out = append(out, model.Finding{
					Phase:   ptr(v.phase),
					Subject: v.subject(),
					Message: fmt.Sprintf("%s sends data to %s (%s), but the privacy policy says nothing of transfers outside the EU/EEA", label(v.name, v.category), companyOr(kv, v.name), kv.Country),
					Evidence: []model.Evidence{v.evidence(),
						{Kind: "policy", URL: c.policyURL(), Detail: "no statement on international transfers found"}},
				})
			}
			return out
		},
	}
}

func companyOr(v Vendor, def string) string {
	if v.Company != "" {
		return v.Company
	}
	return def
}

// elementNames are the Art. 13 elements in the order GDPR lists them, with
// the words messages use.
var elementNames = []struct {
	field string
	name  string
	get   func(model.Elements) bool
}{
	{"controller_identity", "identity of the controller", func(e model.Elements) bool { return e.ControllerIdentity }},
	{"contact", "contact details", func(e model.Elements) bool { return e.Contact }},
	{"purposes", "purposes", func(e model.Elements) bool { return e.Purposes }},
	{"legal_basis", "legal basis", func(e model.Elements) bool { return e.LegalBasis }},
	{"recipients", "recipients", func(e model.Elements) bool { return e.Recipients }},
	{"transfers", "international transfers", func(e model.Elements) bool { return e.Transfers }},
	{"retention", "retention period", func(e model.Elements) bool { return e.Retention }},
	{"rights", "data subject rights", func(e model.Elements) bool { return e.Rights }},
	{"complaint", "right to lodge a complaint", func(e model.Elements) bool { return e.Complaint }},
	{"cookies", "cookies", func(e model.Elements) bool { return e.Cookies }},
}

func policyIncomplete() Rule {
	return Rule{
		ID:       "policy-incomplete",
		Title:    "The privacy policy lacks information GDPR Art. 13 requires",
		Severity: Medium,
		Rationale: "Art. 13 lists what visitors must be told when their data is collected: who the controller " +
			"is and how to reach it, the purposes and legal basis, recipients, transfers, retention, their " +
			"rights and the right to complain to a supervisory authority. A policy that omits any of them is " +
			"incomplete.",
		References:    []string{refGDPR13, refGDPR12, refEPrivacy53},
		Remediation:   "Add the missing sections to the policy; the finding lists them.",
		Jurisdictions: usAll(Off),
		Examples: []Example{
			{Name: "no retention and no complaint right", Fires: true,
				Site: exSite(withPolicy(func(p *model.PolicyFacts) { p.Elements.Retention, p.Elements.Complaint = false, false }))},
			{Name: "complete policy", Fires: false, Site: exSite()},
			{Name: "no policy: policy-not-found covers it", Fires: false, Site: exSite(noPolicy)},
			{Name: "a policy in a language the analyser does not read is not judged", Fires: false, Site: exSite(unreadPolicy)},
			{Name: "a read policy with no element found", Fires: true, Site: exSite(readableHungarian)},
		},
		check: func(c *evalContext) []model.Finding {
			if !c.readPolicy() {
				return nil
			}
			var missing, fields []string
			for _, e := range elementNames {
				if !e.get(c.site.Policy.Elements) {
					missing = append(missing, e.name)
					fields = append(fields, e.field)
				}
			}
			if len(missing) == 0 {
				return nil
			}
			return []model.Finding{{
				Subject:  "elements",
				Message:  fmt.Sprintf("The privacy policy %s lacks: %s", c.policyURL(), strings.Join(missing, ", ")),
				Evidence: []model.Evidence{{Kind: "policy", URL: c.policyURL(), Detail: "missing elements: " + strings.Join(fields, ", ")}},
			}}
		},
	}
}

func policyOutdated() Rule {
	dated := func(d string) func(*model.Site) {
		return withPolicy(func(p *model.PolicyFacts) { p.LastUpdated = &d })
	}
	return Rule{
		ID:       "policy-outdated",
		Title:    "The privacy policy was last updated more than 12 months before the scan",
		Severity: Low,
		Rationale: "Sites change vendors often; a policy untouched for more than a year rarely still describes " +
			"what the site does. The CCPA regulations require the policy to be updated at least once every " +
			"12 months.",
		References:    []string{refGDPR13, refGDPR12, "CCPA Cal. Civ. Code §1798.130(a)(5)", "11 CCR §7011"},
		Remediation:   "Review the policy against the vendors the scan found, update it, and change its date.",
		Jurisdictions: map[string]string{"us-ca": Medium},
		Examples: []Example{
			{Name: "last updated in 2023", Fires: true, Site: exSite(dated("2023-05-01"))},
			{Name: "updated 4 months ago", Fires: false, Site: exSite()},
			{Name: "no date found", Fires: false, Site: exSite(withPolicy(func(p *model.PolicyFacts) { p.LastUpdated = nil }))},
		},
		check: func(c *evalContext) []model.Finding {
			if !c.hasPolicy() || c.site.Policy.LastUpdated == nil {
				return nil
			}
			d, err := time.Parse("2006-01-02", *c.site.Policy.LastUpdated)
			if err != nil || !d.AddDate(1, 0, 0).Before(c.now) {
				return nil
			}
			months := monthsBetween(d, c.now)
			return []model.Finding{{
				Subject:  "last-updated",
				Message:  fmt.Sprintf("The privacy policy %s was last updated on %s, %d months before the scan", c.policyURL(), *c.site.Policy.LastUpdated, months),
				Evidence: []model.Evidence{c.stanceEvidence("last_updated", "last updated "+*c.site.Policy.LastUpdated)},
			}}
		},
	}
}

func monthsBetween(a, b time.Time) int {
	m := (b.Year()-a.Year())*12 + int(b.Month()-a.Month())
	if b.Day() < a.Day() {
		m--
	}
	return m
}

func policyNotFound() Rule {
	return Rule{
		ID:       "policy-not-found",
		Title:    "No privacy policy was found",
		Severity: High,
		Rationale: "A site that collects personal data must tell visitors who it is, what it collects, why, " +
			"on which legal basis, for how long and what their rights are, in an easily accessible place.",
		References:    []string{refGDPR12, refGDPR13, refCalOPPA},
		Remediation:   "Publish a privacy policy and link it from every page (footer) with a recognisable name such as \"Privacy policy\"; or pass --policy-url if the link exists but was not found.",
		Jurisdictions: usAll(Medium),
		Examples: []Example{
			{Name: "no policy link anywhere", Fires: true, Site: exSite(noPolicy)},
			{Name: "policy facts missing entirely", Fires: true, Site: exSite(func(s *model.Site) { s.Policy = nil })},
			{Name: "policy found", Fires: false, Site: exSite()},
			{Name: "nothing could be loaded: no verdict", Fires: false, Site: exSite(noPolicy, nothingLoaded)},
			{Name: "policy link found but the page could not be read (404)", Fires: true,
				Site: exSite(func(s *model.Site) { s.Policy.Error = "the policy could not be read: HTTP 404" })},
		},
		check: func(c *evalContext) []model.Finding {
			if !c.siteLoaded() {
				return nil
			}
			if p := c.site.Policy; p != nil && p.URL != nil && *p.URL != "" {
				if p.Error == "" {
					return nil
				}
				return []model.Finding{{
					Subject:  "policy",
					Message:  fmt.Sprintf("The privacy policy linked from %s could not be read: %s", c.siteURL(), p.Error),
					Evidence: []model.Evidence{{Kind: "policy", URL: *p.URL, Detail: p.Error}},
				}}
			}
			return []model.Finding{{
				Subject:  "policy",
				Message:  fmt.Sprintf("No privacy policy found on %s", c.siteURL()),
				Evidence: []model.Evidence{{Kind: "policy", Page: c.siteURL(), Detail: "no link to a privacy policy was recognised"}},
			}}
		},
	}
}
