package rules

import (
	"fmt"
	"sort"
	"strings"

	"github.com/privacyscan/privacyscan/scanner/model"
)

func cookieWall() Rule {
	wall := func(coverage float64, locked bool) func(*model.Site) {
		return func(s *model.Site) {
			rejectFailed(s)
			b := &model.Banner{Frame: exHome, Selector: "#consent-wall", Text: "We and our partners use cookies. Accept to continue reading.",
				Buttons: map[string][]string{"accept_all": {"Accept and continue"}}, Coverage: coverage, ScrollLocked: locked}
			for _, ph := range []string{model.PhaseBeforeConsent, model.PhaseAfterAccept, model.PhaseAfterReject} {
				p := s.Phases[ph]
				if p.Consent == nil {
					p.Consent = &model.ConsentResult{Action: model.ActionDetect, BannerDetected: true, CMP: "generic"}
				}
				p.Consent.Banner, p.Consent.CookieWall, p.Consent.RejectAvailable = b, true, false
			}
			s.Phases[model.PhaseAfterReject].Consent.Error = "no reject option found"
		}
	}
	// measured is a banner as the consent engine records it now: the
	// measurements only, the verdict left to IsCookieWall.
	measured := func(coverage float64, locked, settings bool) func(*model.Site) {
		return func(s *model.Site) {
			wall(coverage, locked)(s)
			for _, p := range s.Phases {
				if p.Consent != nil {
					p.Consent.CookieWall, p.Consent.SettingsAvailable = false, &settings
				}
			}
		}
	}
	return Rule{
		ID:       "cookie-wall",
		Title:    "The site withholds its content until the visitor accepts, with no way to refuse",
		Severity: High,
		Rationale: "Consent is not freely given when access to the site depends on it. A banner that covers the " +
			"page or locks scrolling and offers only \"Accept\" (no reject, no settings) leaves the visitor the choice " +
			"between consenting and leaving. The consent engine measures the banner (its share of the viewport, " +
			"scroll lock, reject and settings controls); a banner covering more than 60% of the viewport or locking " +
			"scrolling with neither is a cookie wall. When the reject run still found a way to refuse, the rule stays silent.",
		References:    []string{refGDPR4_11, refGDPR7_4, refEDPBWalls, refEPrivacy53, refCNILWalls},
		Remediation:   "Let visitors who refuse use the site: add a \"Reject all\" (or \"Continue without accepting\") that closes the banner and keeps non-essential tracking off.",
		Jurisdictions: consentOptional(),
		Examples: []Example{
			{Name: "full-screen banner with only \"Accept and continue\"", Fires: true, Site: exSite(wall(1, true))},
			{Name: "bottom bar that locks scrolling", Fires: true, Site: exSite(wall(0.2, true))},
			{Name: "a banner with a first-layer reject", Fires: false, Site: exSite()},
			{Name: "the engine flagged a wall, yet its reject run refused", Fires: false,
				Site: exSite(wall(1, true), func(s *model.Site) {
					r := s.Phases[model.PhaseAfterReject].Consent
					r.Clicked, r.Clicks, r.Verified, r.Error = true, 1, true, ""
				})},
			{Name: "US jurisdiction", Fires: false, Jurisdiction: "us-ca", Site: exSite(wall(1, true))},
			{Name: "measured: covers 61% of the viewport, no reject, no settings", Fires: true, Site: exSite(measured(0.61, false, false))},
			{Name: "measured: covers exactly 60% and the page scrolls", Fires: false, Site: exSite(measured(WallCoverage, false, false))},
			{Name: "measured: a small bar that locks scrolling", Fires: true, Site: exSite(measured(0.2, true, false))},
			{Name: "measured: covers the page, but a settings layer is reachable", Fires: false, Site: exSite(measured(1, true, true))},
		},
		check: func(c *evalContext) []model.Finding {
			if c.rejected() {
				return nil
			}
			for _, ph := range model.AllPhases {
				r := c.consentResult(ph)
				if r == nil || !r.CookieWall {
					continue
				}
				var how []string
				ev := model.Evidence{Kind: "consent", Page: c.siteURL(), Detail: "no reject and no settings on the banner"}
				if b := r.Banner; b != nil {
					if b.Coverage > 0 {
						how = append(how, fmt.Sprintf("covers %.0f%% of the viewport", b.Coverage*100))
					}
					if b.ScrollLocked {
						how = append(how, "locks scrolling")
					}
					ev.Name = b.Selector
					var buttons []string
					for _, cls := range sortedKeys(b.Buttons) {
						for _, l := range b.Buttons[cls] {
							buttons = append(buttons, fmt.Sprintf("%s %q", cls, l))
						}
					}
					if len(buttons) > 0 {
						ev.Detail += "; buttons: " + strings.Join(buttons, ", ")
					}
					if len(how) > 0 {
						ev.Detail = strings.Join(how, ", ") + "; " + ev.Detail
					}
				}
				blocks := "blocks the page"
				if len(how) > 0 {
					blocks = "blocks the page (" + strings.Join(how, ", ") + ")"
				}
				return []model.Finding{{
					Phase:    ptr(ph),
					Subject:  "cookie-wall",
					Message:  fmt.Sprintf("The consent banner on %s %s and offers no way to refuse: access depends on accepting", c.siteURL(), blocks),
					Evidence: []model.Evidence{ev},
				}}
			}
			return nil
		},
	}
}

func sortedKeys(m map[string][]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
