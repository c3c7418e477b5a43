package rules

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/privacyscan/privacyscan/scanner/model"
)

// claimRefs back every claim rule: a false statement in a policy breaks
// transparency and is a deceptive practice.
var claimRefs = []string{refGDPR5_1a, refGDPR13, refFTC5}

// withClaim sets a claim on the example policy.
func withClaim(set func(*model.Claims, *model.Claim), sentence, value string) func(*model.Site) {
	return withPolicy(func(p *model.PolicyFacts) { set(&p.Claims, &model.Claim{Value: value, Sentence: sentence}) })
}

// uaHit reports whether a request is a Universal Analytics hit without IP
// anonymisation (no aip=1). GA4 hits (/g/collect) have no such parameter:
// Google documents that GA4 never logs IP addresses, so they are not judged.
func uaHitWithoutAIP(r model.Request) bool {
	u, err := url.Parse(r.URL)
	if err != nil {
		return false
	}
	host := strings.ToLower(u.Hostname())
	if host != "google-analytics.com" && !strings.HasSuffix(host, ".google-analytics.com") &&
		!strings.HasSuffix(host, ".doubleclick.net") {
		return false
	}
	path := strings.TrimSuffix(u.Path, "/")
	if path != "/collect" && path != "/j/collect" && path != "/r/collect" && path != "/__utm.gif" {
		return false
	}
	q := u.Query()
	if q.Get("v") != "1" && path != "/__utm.gif" {
		return false
	}
	aip := strings.ToLower(q.Get("aip"))
	return aip != "1" && aip != "true"
}

func claimIPAnonymisationContradicted() Rule {
	claim := withClaim(func(c *model.Claims, cl *model.Claim) { c.IPAnonymised = cl },
		"We use Google Analytics with IP anonymisation, so your IP address is shortened before it is stored.", "")
	ua := func(q string) model.Request {
		return exPixel("https://www.google-analytics.com/collect?v=1&tid=UA-1-1&t=pageview"+q, "google-analytics", "Google Analytics", "analytics")
	}
	return Rule{
		ID:       "claim-ip-anonymisation-contradicted",
		Title:    "The policy claims IP anonymisation, but Google Analytics hits are sent without it",
		Severity: Medium,
		Rationale: "Universal Analytics anonymises the visitor's IP address only when each hit carries aip=1. " +
			"A policy that promises anonymisation while hits lack the flag misstates the processing.",
		References:  append([]string{"Google Analytics Measurement Protocol, parameter aip"}, claimRefs...),
		Remediation: "Set anonymize_ip (gtag) or aip=1 on every hit, move to GA4, or correct the policy.",
		Examples: []Example{
			{Name: "UA hit without aip while the policy claims anonymisation", Fires: true,
				Site: exSite(claim, inPhase(model.PhaseAfterAccept, ua("")))},
			{Name: "UA hit with aip=1", Fires: false, Site: exSite(claim, inPhase(model.PhaseAfterAccept, ua("&aip=1")))},
			{Name: "no claim", Fires: false, Site: exSite(inPhase(model.PhaseAfterAccept, ua("")))},
		},
		check: func(c *evalContext) []model.Finding {
			if !c.hasPolicy() || c.site.Policy.Claims.IPAnonymised == nil {
				return nil
			}
			var reqs []model.Request
			phase := ""
			for _, ph := range model.AllPhases {
				if p := c.phase(ph); p != nil {
					for _, r := range p.Requests {
						if uaHitWithoutAIP(r) {
							if phase == "" {
								phase = ph
							}
							reqs = append(reqs, r)
						}
					}
				}
			}
			if len(reqs) == 0 {
				return nil
			}
			return []model.Finding{{
				Phase:    ptr(phase),
				Subject:  "google-analytics",
				Message:  fmt.Sprintf("The privacy policy claims IP anonymisation, but Google Analytics (analytics) hits without aip=1 were sent%s", onPages(pagesOf(reqs))),
				Evidence: append([]model.Evidence{c.claimEvidence(c.site.Policy.Claims.IPAnonymised)}, requestEvidence(reqs)...),
			}}
		},
	}
}

func claimNoSaleContradicted() Rule {
	claim := withClaim(func(c *model.Claims, cl *model.Claim) { c.NoSale = cl },
		"We do not sell or share your personal information.", "")
	return Rule{
		ID:       "claim-no-sale-contradicted",
		Title:    "The policy says personal data is not sold or shared, yet advertising pixels fire",
		Severity: Medium,
		Rationale: "Under the CCPA, making personal data available to an advertising vendor for cross-context " +
			"behavioural advertising is \"sharing\", and often a \"sale\". A policy that denies it while " +
			"advertising pixels and beacons fire is false.",
		References:    append([]string{"CCPA Cal. Civ. Code §1798.140(ad), (ah)", refCCPA135}, claimRefs...),
		Remediation:   "Offer a \"Do Not Sell or Share My Personal Information\" opt-out and describe the sharing, or remove the advertising tags.",
		Jurisdictions: usAll(High),
		Examples: []Example{
			{Name: "Meta Pixel fires while the policy denies sharing", Fires: true,
				Site: exSite(claim, inPhase(model.PhaseAfterAccept, exMetaPixel))},
			{Name: "only analytics", Fires: false, Site: exSite(claim, inPhase(model.PhaseAfterAccept, exGA4))},
			{Name: "advertising, but no claim", Fires: false, Site: exSite(inPhase(model.PhaseAfterAccept, exMetaPixel))},
		},
		check: func(c *evalContext) []model.Finding {
			if !c.hasPolicy() || c.site.Policy.Claims.NoSale == nil {
				return nil
			}
			var out []model.Finding
			seen := map[string]bool{}
			for _, ph := range model.AllPhases {
				for _, g := range c.trackingGroups(c.phase(ph)) {
					if baseCategory(g.category) != "advertising" || seen[g.subject] {
						continue
					}
					var px []model.Request
					for _, r := range g.reqs {
						if r.Pixel || r.Beacon {
							px = append(px, r)
						}
					}
					if len(px) == 0 {
						continue
					}
					seen[g.subject] = true
					out = append(out, model.Finding{
						Phase:    ptr(ph),
						Subject:  g.subject,
						Message:  fmt.Sprintf("%s pixel fired%s, although the privacy policy says personal data is not sold or shared", g.label(), onPages(pagesOf(px))),
						Evidence: append([]model.Evidence{c.claimEvidence(c.site.Policy.Claims.NoSale)}, requestEvidence(px)...),
					})
				}
			}
			return out
		},
	}
}

func claimConsentContradicted() Rule {
	marketing := withClaim(func(c *model.Claims, cl *model.Claim) { c.ConsentForMarketing = cl },
		"Marketing cookies are only set with your consent.", "")
	analytics := withClaim(func(c *model.Claims, cl *model.Claim) { c.ConsentForAnalytics = cl },
		"We only use analytics cookies if you agree to them.", "")
	return Rule{
		ID:       "claim-consent-contradicted",
		Title:    "The policy says consent is asked first, yet such cookies or trackers run before consent",
		Severity: High,
		Rationale: "A policy promising that marketing (or analytics) runs only with consent, while the scan sees " +
			"it before any choice or after a refusal, tells visitors the opposite of what happens.",
		References:    append([]string{refEPrivacy53, refGDPR7}, claimRefs...),
		Remediation:   "Gate the tags on consent as the policy promises (see tracking-before-consent), or correct the policy.",
		Jurisdictions: usAll(Medium),
		Examples: []Example{
			{Name: "marketing cookie before consent, policy promises consent", Fires: true,
				Site: exSite(marketing, inPhase(model.PhaseBeforeConsent, exFBP))},
			{Name: "analytics after reject, policy promises consent", Fires: true,
				Site: exSite(analytics, inPhase(model.PhaseAfterReject, exGA4))},
			{Name: "marketing only after accept", Fires: false,
				Site: exSite(marketing, inPhase(model.PhaseAfterAccept, exFBP, exMetaPixel))},
			{Name: "analytics before consent, claim covers marketing only", Fires: false,
				Site: exSite(marketing, inPhase(model.PhaseBeforeConsent, exGA4))},
		},
		check: func(c *evalContext) []model.Finding {
			if !c.hasPolicy() {
				return nil
			}
			var out []model.Finding
			for _, claim := range []struct {
				purpose string
				base    string
				cl      *model.Claim
			}{
				{"marketing", "advertising", c.site.Policy.Claims.ConsentForMarketing},
				{"analytics", "analytics", c.site.Policy.Claims.ConsentForAnalytics},
			} {
				if claim.cl == nil {
					continue
				}
				seen := map[string]bool{}
				for _, ph := range beforeAndAfterReject {
					if ph == model.PhaseAfterReject && !c.rejected() {
						continue
					}
					when := map[string]string{model.PhaseBeforeConsent: "before consent", model.PhaseAfterReject: "after the visitor rejected"}[ph]
					p := c.phase(ph)
					for _, g := range c.trackingGroups(p) {
						if baseCategory(g.category) != claim.base || seen[g.subject] {
							continue
						}
						seen[g.subject] = true
						out = append(out, model.Finding{
							Phase:    ptr(ph),
							Subject:  claim.purpose + ":" + g.subject,
							Message:  fmt.Sprintf("%s fired %s%s, although the privacy policy says %s needs consent", g.label(), when, onPages(pagesOf(g.reqs)), claim.purpose),
							Evidence: append([]model.Evidence{c.claimEvidence(claim.cl)}, requestEvidence(g.reqs)...),
						})
					}
					for _, g := range c.consentCookies(p) {
						if baseCategory(g.cookie.Category) != claim.base || seen["cookie:"+g.subject] {
							continue
						}
						seen["cookie:"+g.subject] = true
						out = append(out, model.Finding{
							Phase:    ptr(ph),
							Subject:  claim.purpose + ":" + g.subject,
							Message:  fmt.Sprintf("Cookie %s set %s%s, although the privacy policy says %s needs consent", cookieLabel(g.cookie), when, onPages(g.pages), claim.purpose),
							Evidence: []model.Evidence{c.claimEvidence(claim.cl), cookieEvidence(g.cookie, firstOr(g.pages, ""))},
						})
					}
				}
			}
			return out
		},
	}
}

func claimDataLocationContradicted() Rule {
	inEU := withClaim(func(c *model.Claims, cl *model.Claim) { c.DataLocation = cl },
		"All your data is stored and processed exclusively within the European Union.", "EU")
	inDE := withClaim(func(c *model.Claims, cl *model.Claim) { c.DataLocation = cl },
		"Ihre Daten werden ausschließlich auf Servern in Deutschland verarbeitet.", "DE")
	hotjar := exReq("https://script.hotjar.com/modules.js", "hotjar", "Hotjar", "session-recording")
	return Rule{
		ID:       "claim-data-location-contradicted",
		Title:    "The policy says data stays in a named place, yet vendors elsewhere receive it",
		Severity: High,
		Rationale: "A promise that data stays in the EU (or in one country) is false when the site sends " +
			"visitors' data to vendors headquartered elsewhere, and it hides an international transfer.",
		References:    append([]string{refGDPR131f, refGDPR44}, claimRefs...),
		Remediation:   "Use vendors that process where the policy says, or describe the transfers honestly.",
		Jurisdictions: usAll(Medium),
		Examples: []Example{
			{Name: "\"only in the EU\" while Google Analytics (US) runs", Fires: true,
				Site: exSite(inEU, inPhase(model.PhaseAfterAccept, exGA4))},
			{Name: "\"only in Germany\" while Hotjar (Malta) runs", Fires: true,
				Site: exSite(inDE, inPhase(model.PhaseAfterAccept, hotjar))},
			{Name: "\"only in the EU\" and only an EU vendor", Fires: false,
				Site: exSite(inEU, inPhase(model.PhaseAfterAccept, hotjar))},
			{Name: "US vendor, no location claim", Fires: false,
				Site: exSite(inPhase(model.PhaseAfterAccept, exGA4))},
		},
		check: func(c *evalContext) []model.Finding {
			if !c.hasPolicy() || c.site.Policy.Claims.DataLocation == nil {
				return nil
			}
			cl := c.site.Policy.Claims.DataLocation
			where := strings.ToUpper(strings.TrimSpace(cl.Value))
			if where == "" {
				return nil
			}
			var out []model.Finding
			for _, v := range c.observedVendors() {
				kv, ok := c.lookup(v.id)
				if !ok || kv.Country == "" {
					continue
				}
				var contradicted bool
				switch where {
				case "EU", "EEA":
					contradicted = !kv.EEA
				default:
					contradicted = !strings.EqualFold(kv.Country, where)
				}
				if !contradicted {
					continue
				}
				out = append(out, model.Finding{
					Phase:    ptr(v.phase),
					Subject:  v.subject(),
					Message:  fmt.Sprintf("The privacy policy says data stays in %s, but %s sends it to %s (%s)", placeName(where), label(v.name, v.category), companyOr(kv, v.name), kv.Country),
					Evidence: []model.Evidence{c.claimEvidence(cl), v.evidence()},
				})
			}
			return out
		},
	}
}

func placeName(code string) string {
	switch code {
	case "EU":
		return "the EU"
	case "EEA":
		return "the EEA"
	}
	return code
}
