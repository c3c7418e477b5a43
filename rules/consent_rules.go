package rules

import (
	"fmt"
	"strings"

	"github.com/privacyscan/privacyscan/scanner/model"
)

// consentOptional are the settings for rules that rest on the EU opt-in
// model: US jurisdictions have no prior-consent requirement for cookies.
func consentOptional() map[string]string { return usAll(Off) }

func trackingBeforeConsent() Rule {
	return Rule{
		ID:       "tracking-before-consent",
		Title:    "Tracking requests are sent before the visitor consents",
		Severity: High,
		Rationale: "Analytics, advertising and social requests read or store information on the visitor's " +
			"device and send personal data (IP address, identifiers, pages viewed) to vendors. Without prior " +
			"consent there is no lawful basis; a banner shown while tracking already runs is decoration.",
		References:    []string{refEPrivacy53, refGDPR6, refEDPB022023, refCNIL2020091, refTDDDG25, refPECR6},
		Remediation:   "Load analytics, advertising and social tags only after the visitor accepts: gate them in the tag manager on the consent state, or have the CMP insert them. Strictly necessary requests may stay.",
		Jurisdictions: consentOptional(),
		Examples: []Example{
			{Name: "Meta Pixel fires on the home page before any choice", Fires: true,
				Site: exSite(inPhase(model.PhaseBeforeConsent, exMetaPixel))},
			{Name: "first-party analytics proxy counts too", Fires: true,
				Site: exSite(inPhase(model.PhaseBeforeConsent, exReq("https://shop.test/metrics/collect", "", "Plausible", "analytics")))},
			{Name: "an unknown third-party pixel", Fires: true,
				Site: exSite(inPhase(model.PhaseBeforeConsent, exPixel("https://px.tracker.example/p.gif?uid=1", "", "", "unknown")))},
			{Name: "an unknown third-party image with a query string, 1199 bytes: a pixel by its size", Fires: true,
				Site: exSite(inPhase(model.PhaseBeforeConsent, exImage("https://img.tracker.example/i.gif?uid=1", PixelMaxBytes-1)))},
			{Name: "the same image at 1200 bytes is an image, not a pixel", Fires: false,
				Site: exSite(inPhase(model.PhaseBeforeConsent, exImage("https://img.tracker.example/i.gif?uid=1", PixelMaxBytes)))},
			{Name: "trackers only after accept", Fires: false,
				Site: exSite(inPhase(model.PhaseAfterAccept, exMetaPixel, exGA4))},
			{Name: "essential payment script before consent", Fires: false,
				Site: exSite(inPhase(model.PhaseBeforeConsent, exStripe))},
			{Name: "first-party functional request", Fires: false,
				Site: exSite(inPhase(model.PhaseBeforeConsent, exReq("https://cdn.shop.test/cart.js", "", "", "functional")))},
			{Name: "US jurisdiction has no prior-consent rule", Fires: false, Jurisdiction: "us-ca",
				Site: exSite(inPhase(model.PhaseBeforeConsent, exMetaPixel))},
		},
		check: func(c *evalContext) []model.Finding {
			return c.trackingIn(model.PhaseBeforeConsent, "before consent")
		},
	}
}

func trackingAfterReject() Rule {
	return Rule{
		ID:       "tracking-after-reject",
		Title:    "Tracking requests are sent after the visitor rejects",
		Severity: Critical,
		Rationale: "A visitor who rejects has said no. Tracking that goes on afterwards processes personal " +
			"data against an express refusal, and makes the banner misleading.",
		References:    []string{refEPrivacy53, refGDPR6, refGDPR7, refEDPB052020, refCNIL2020091, refCCR7004, refFTC5},
		Remediation:   "Make the CMP's reject state block every non-essential tag, including tags loaded outside the tag manager and server-side forwarding triggered from the page.",
		Jurisdictions: usAll(High),
		Examples: []Example{
			{Name: "Google Analytics collects after reject", Fires: true,
				Site: exSite(inPhase(model.PhaseAfterReject, exGA4))},
			{Name: "tracking only after accept", Fires: false,
				Site: exSite(inPhase(model.PhaseAfterAccept, exGA4))},
			{Name: "reject could not be clicked: no verdict on rejection", Fires: false,
				Site: exSite(rejectFailed, inPhase(model.PhaseAfterReject, exGA4))},
		},
		check: func(c *evalContext) []model.Finding {
			if !c.rejected() {
				return nil
			}
			return c.trackingIn(model.PhaseAfterReject, "after the visitor rejected")
		},
	}
}

// trackingIn reports one finding per tracking vendor seen in a phase.
func (c *evalContext) trackingIn(phase, when string) []model.Finding {
	var out []model.Finding
	for _, g := range c.trackingGroups(c.phase(phase)) {
		out = append(out, model.Finding{
			Phase:    ptr(phase),
			Subject:  g.subject,
			Message:  fmt.Sprintf("%s fired %s%s", g.label(), when, onPages(pagesOf(g.reqs))),
			Evidence: requestEvidence(g.reqs),
		})
	}
	return out
}

// rejected reports whether the reject action was carried out, so that the
// after-reject phase shows what happens after a refusal.
func (c *evalContext) rejected() bool {
	if p := c.phase(model.PhaseAfterReject); p != nil && p.Consent != nil {
		return p.Consent.Clicked
	}
	return c.site.Consent.RejectClicked
}

func cookieBeforeConsent() Rule {
	return Rule{
		ID:       "cookie-before-consent",
		Title:    "Cookies that need consent are set before the visitor consents",
		Severity: High,
		Rationale: "Storing an identifier on the visitor's device needs prior consent unless it is strictly " +
			"necessary for a service the visitor asked for. Analytics and advertising cookies are not.",
		References:    []string{refEPrivacy53, refEDPB022023, refCNIL2020091, refCNIL2020092, refTDDDG25, refPECR6},
		Remediation:   "Set analytics, advertising and social cookies only after consent; keep before consent only the cookies the shop needs to work (session, cart, security, the consent choice itself).",
		Jurisdictions: consentOptional(),
		Examples: []Example{
			{Name: "_fbp set on page load", Fires: true,
				Site: exSite(inPhase(model.PhaseBeforeConsent, exFBP))},
			{Name: "unknown third-party cookie", Fires: true,
				Site: exSite(inPhase(model.PhaseBeforeConsent, exCookie("uid", ".tracker.example", "", "unknown", 365)))},
			{Name: "session and cart cookies only", Fires: false,
				Site: exSite(inPhase(model.PhaseBeforeConsent, exCookie("cart", "shop.test", "", "functional", 30)))},
			{Name: "analytics cookie only after accept", Fires: false,
				Site: exSite(inPhase(model.PhaseAfterAccept, exGA))},
		},
		check: func(c *evalContext) []model.Finding {
			return c.cookiesIn(model.PhaseBeforeConsent, "before consent")
		},
	}
}

func cookieAfterReject() Rule {
	return Rule{
		ID:       "cookie-after-reject",
		Title:    "Cookies that need consent are present after the visitor rejects",
		Severity: High,
		Rationale: "After a refusal, non-essential cookies must not be set, and those set earlier should be " +
			"removed; otherwise the identifiers keep working against the visitor's choice.",
		References:    []string{refEPrivacy53, refGDPR7, refEDPB052020, refCNIL2020091},
		Remediation:   "Block non-essential cookies in the reject state and delete those set before the choice when the visitor rejects.",
		Jurisdictions: usAll(Medium),
		Examples: []Example{
			{Name: "_ga present after reject", Fires: true,
				Site: exSite(inPhase(model.PhaseAfterReject, exGA))},
			{Name: "only the consent cookie after reject", Fires: false,
				Site: exSite(inPhase(model.PhaseAfterReject, exCookie("cookie_consent", "shop.test", "", "essential", 180)))},
			{Name: "reject failed: no verdict", Fires: false,
				Site: exSite(rejectFailed, inPhase(model.PhaseAfterReject, exGA))},
		},
		check: func(c *evalContext) []model.Finding {
			if !c.rejected() {
				return nil
			}
			return c.cookiesIn(model.PhaseAfterReject, "after the visitor rejected")
		},
	}
}

// cookiesIn reports one finding per cookie that needs consent in a phase.
func (c *evalContext) cookiesIn(phase, when string) []model.Finding {
	var out []model.Finding
	for _, g := range c.consentCookies(c.phase(phase)) {
		var ev []model.Evidence
		for _, pg := range g.pages {
			ev = append(ev, cookieEvidence(g.cookie, pg))
			if len(ev) == maxEvidence {
				break
			}
		}
		if len(ev) == 0 {
			ev = append(ev, cookieEvidence(g.cookie, ""))
		}
		out = append(out, model.Finding{
			Phase:    ptr(phase),
			Subject:  g.subject,
			Message:  fmt.Sprintf("Cookie %s on %s set %s%s", cookieLabel(g.cookie), strings.TrimPrefix(g.cookie.Domain, "."), when, onPages(g.pages)),
			Evidence: ev,
		})
	}
	return out
}

func noConsentBanner() Rule {
	return Rule{
		ID:       "no-consent-banner",
		Title:    "No consent banner, yet the site uses tracking that needs consent",
		Severity: High,
		Rationale: "Consent must be asked before non-essential tracking. A site that tracks without any " +
			"banner gives the visitor no way to agree or refuse.",
		References:    []string{refEPrivacy53, refGDPR7, refEDPB052020, refCNIL2020092},
		Remediation:   "Add a consent banner (a CMP) that offers accept and reject on its first layer, and gate the tracking on it; or drop the tracking.",
		Jurisdictions: consentOptional(),
		Examples: []Example{
			{Name: "no banner while Google Analytics runs", Fires: true,
				Site: exSite(noBanner, inPhase(model.PhaseBeforeConsent, exGA4, exGA))},
			{Name: "no banner, only essential traffic", Fires: false,
				Site: exSite(noBanner)},
			{Name: "banner present", Fires: false,
				Site: exSite(inPhase(model.PhaseBeforeConsent, exGA4))},
		},
		check: func(c *evalContext) []model.Finding {
			if c.bannerDetected() {
				return nil
			}
			p := c.phase(model.PhaseBeforeConsent)
			if p == nil {
				// Without the before-consent phase, judge from what any
				// phase without a choice saw.
				p = c.phase(model.PhaseDNT)
			}
			groups := c.trackingGroups(p)
			cookies := c.consentCookies(p)
			if len(groups) == 0 && len(cookies) == 0 {
				return nil
			}
			var names []string
			var ev []model.Evidence
			for _, g := range groups {
				names = append(names, g.label())
				if len(ev) < maxEvidence {
					ev = append(ev, requestEvidence(g.reqs[:1])...)
				}
			}
			for _, g := range cookies {
				names = append(names, "cookie "+g.cookie.Name)
				if len(ev) < maxEvidence {
					ev = append(ev, cookieEvidence(g.cookie, firstOr(g.pages, "")))
				}
			}
			ev = append(ev, model.Evidence{Kind: "consent", Page: c.siteURL(), Detail: "no consent banner detected"})
			return []model.Finding{{
				Subject:  "banner",
				Message:  fmt.Sprintf("No consent banner found on %s, yet it uses %s", c.siteURL(), joinNames(names, 4)),
				Evidence: ev,
			}}
		},
	}
}

// bannerDetected reports whether any phase saw a banner.
func (c *evalContext) bannerDetected() bool {
	if c.site.Consent.BannerDetected {
		return true
	}
	for _, p := range c.site.Phases {
		if p != nil && p.Consent != nil && p.Consent.BannerDetected {
			return true
		}
	}
	return false
}

// hasPolicy reports whether a policy was found and read.
func (c *evalContext) hasPolicy() bool {
	p := c.site.Policy
	return p != nil && p.URL != nil && *p.URL != "" && p.Error == ""
}

// policyURL is the policy's URL, or "".
func (c *evalContext) policyURL() string {
	if c.site.Policy == nil || c.site.Policy.URL == nil {
		return ""
	}
	return *c.site.Policy.URL
}

// policyEvidence points at a policy sentence.
func (c *evalContext) policyEvidence(sentence string) model.Evidence {
	return model.Evidence{Kind: "policy", URL: c.policyURL(), Detail: sentence}
}

// claimEvidence points at the sentence of a claim.
func (c *evalContext) claimEvidence(cl *model.Claim) model.Evidence {
	return c.policyEvidence(cl.Sentence)
}

func firstOr(list []string, def string) string {
	if len(list) > 0 {
		return list[0]
	}
	return def
}

// joinNames lists up to max names, then "and N more".
func joinNames(names []string, max int) string {
	if len(names) <= max {
		if len(names) <= 1 {
			return strings.Join(names, "")
		}
		return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
	}
	return fmt.Sprintf("%s and %d more", strings.Join(names[:max], ", "), len(names)-max)
}
