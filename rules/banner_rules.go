package rules

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/privacyscan/privacyscan/scanner/model"
)

const refEDPBTaskforce = "EDPB Cookie Banner Taskforce report (January 2023)"

func noRejectOption() Rule {
	secondLayer := func(s *model.Site) {
		s.Consent.RejectOnFirstLayer, s.Consent.RejectClicks = false, 3
		if p := s.Phases[model.PhaseAfterReject]; p != nil && p.Consent != nil {
			p.Consent.FirstLayer, p.Consent.Clicks = false, 3
		}
	}
	acceptSettings := []model.Control{{Label: "Accept all", Class: model.ControlAccept, Reason: `text "Accept all" reads as accept all`, Tag: "button"},
		{Label: "Settings", Class: model.ControlSettings, Reason: `text "Settings" reads as settings`, Tag: "button"}}
	necessaryOnly := append(slices.Clone(acceptSettings), model.Control{Label: "Accept necessary cookies only", Class: model.ControlReject,
		Reason: `text "Accept necessary cookies only" reads as reject`, Tag: "button"})
	return Rule{
		ID:       "no-reject-option",
		Title:    "The consent banner offers no reject-all on its first layer",
		Severity: Medium,
		Rationale: "Refusing must be as easy as accepting. A banner whose first layer has \"Accept all\" but no " +
			"equivalent \"Reject all\" (only \"Settings\", or nothing) nudges visitors into consent, which is then " +
			"not freely given.",
		References:    []string{refGDPR7, refEDPB052020, refEDPBTaskforce, refCNIL2020092, refCCR7004},
		Remediation:   "Put a \"Reject all\" button on the banner's first layer, with the same prominence as \"Accept all\".",
		Jurisdictions: with(usAll(Off), "fr", High),
		Examples: []Example{
			{Name: "reject only in the settings layer, three clicks", Fires: true, Site: exSite(secondLayer)},
			{Name: "no way to reject at all", Fires: true, Site: exSite(rejectFailed)},
			{Name: "reject on the first layer", Fires: false, Site: exSite()},
			{Name: "no banner: no-consent-banner covers it", Fires: false, Site: exSite(noBanner)},
			{Name: "the after-reject phase did not run: no verdict", Fires: false,
				Site: exSite(rejectFailed, withoutPhase(model.PhaseAfterReject))},
			{Name: "the first layer showed accept and settings only, though the reject phase did not run", Fires: true,
				Site: exSite(rejectFailed, withoutPhase(model.PhaseAfterReject), shown(acceptSettings))},
			{Name: "the first layer showed \"accept necessary only\", the reject went through the settings", Fires: false,
				Site: exSite(secondLayer, shown(necessaryOnly))},
		},
		check: func(c *evalContext) []model.Finding {
			if !c.bannerDetected() || c.rejectOnFirstLayer() {
				return nil
			}
			if cs := c.shownControls(); cs != nil {
				// What was shown decides: no refusal among the first
				// layer's controls.
				ev := model.Evidence{Kind: "consent", Page: c.siteURL(), Detail: "the first layer showed " + describeControls(cs)}
				return []model.Finding{{Subject: "reject",
					Message:  fmt.Sprintf("The consent banner on %s shows no way to refuse on its first layer (%s)", c.siteURL(), describeControls(cs)),
					Evidence: append([]model.Evidence{ev}, clickEvidence(c.siteURL(), c.consentResult(model.PhaseAfterReject))...)}}
			}
			if c.consentResult(model.PhaseAfterReject) == nil {
				// Without a reject attempt (phase not selected, or
				// interrupted) nothing says the option is missing.
				return nil
			}
			s := c.site.Consent
			rej := c.consentResult(model.PhaseAfterReject)
			clicked, clicks := s.RejectClicked, s.RejectClicks
			if rej != nil && rej.Clicked {
				clicked, clicks = true, rej.Clicks
			}
			ev := model.Evidence{Kind: "consent", Page: c.siteURL()}
			msg := ""
			if clicked {
				ev.Detail = fmt.Sprintf("reject took %d clicks, accept %d", clicks, max(s.AcceptClicks, 1))
				msg = fmt.Sprintf("The consent banner on %s has no reject-all on its first layer: rejecting takes %d clicks, accepting %d", c.siteURL(), clicks, max(s.AcceptClicks, 1))
			} else {
				ev.Detail = "no reject option was found"
				msg = fmt.Sprintf("The consent banner on %s offers no way to reject all", c.siteURL())
			}
			return []model.Finding{{Subject: "reject", Message: msg, Evidence: append([]model.Evidence{ev}, clickEvidence(c.siteURL(), rej)...)}}
		},
	}
}

// consentResult is a phase's interaction with the banner, or nil.
func (c *evalContext) consentResult(phase string) *model.ConsentResult {
	if p := c.phase(phase); p != nil {
		return p.Consent
	}
	return nil
}

// shownControls returns the controls of the banner's first layer as a
// phase recorded them before any click (before-consent first), or nil when
// no phase did (recordings made before consent.controls existed).
func (c *evalContext) shownControls() []model.Control {
	for _, ph := range []string{model.PhaseBeforeConsent, model.PhaseAfterReject, model.PhaseAfterAccept} {
		if r := c.consentResult(ph); r != nil && len(r.Controls) > 0 {
			return r.Controls
		}
	}
	return nil
}

// describeControls lists controls as `"label" (class)` for evidence.
func describeControls(cs []model.Control) string {
	var parts []string
	for _, ctl := range cs {
		parts = append(parts, fmt.Sprintf("%q (%s)", shortLabel(ctl.Label), ctl.Class))
	}
	return strings.Join(parts, ", ")
}

// shown records the first layer's controls in the before-consent phase,
// for rule examples.
func shown(cs []model.Control) func(*model.Site) {
	return func(s *model.Site) {
		p := s.Phases[model.PhaseBeforeConsent]
		if p.Consent == nil {
			p.Consent = &model.ConsentResult{Action: model.ActionDetect, BannerDetected: true, CMP: "generic"}
		}
		p.Consent.Controls = cs
	}
}

// rejectOnFirstLayer reports whether the banner's first layer offered a
// refusal: from its controls as shown when a phase recorded them, whatever
// path the engine then took; otherwise whether the reject was carried out
// from the first layer. no-reject-option judges banners where it was not,
// reject-harder-than-accept those where it was.
func (c *evalContext) rejectOnFirstLayer() bool {
	if cs := c.shownControls(); cs != nil {
		return model.ShowsReject(cs)
	}
	rej := c.consentResult(model.PhaseAfterReject)
	return c.site.Consent.RejectOnFirstLayer || (rej != nil && rej.Clicked && rej.FirstLayer)
}

// clicks returns how many clicks an action took and whether it was carried
// out, from the phase's own result, else from the site summary.
func (c *evalContext) clicks(action model.ConsentAction) (n int, done bool) {
	s := c.site.Consent
	phase, n, done := model.PhaseAfterAccept, s.AcceptClicks, s.AcceptClicked
	if action == model.ActionReject {
		phase, n, done = model.PhaseAfterReject, s.RejectClicks, s.RejectClicked
	}
	if r := c.consentResult(phase); r != nil && r.Clicked {
		return r.Clicks, true
	}
	return n, done
}

// clickEvidence lists the elements the consent engine clicked.
func clickEvidence(page string, r *model.ConsentResult) []model.Evidence {
	var out []model.Evidence
	if r == nil {
		return out
	}
	for _, el := range r.Elements {
		out = append(out, model.Evidence{Kind: "consent", Page: page, Name: el.Selector, Detail: fmt.Sprintf("clicked %q", el.Text)})
	}
	return out
}

// References of the banner rules (here and in wall_rules.go).
const (
	refGDPR4_11    = "GDPR Art. 4(11) (freely given, specific, informed and unambiguous)"
	refGDPR7_4     = "GDPR Art. 7(4) (consent as a condition of access)"
	refRecital32   = "GDPR Recital 32 (pre-ticked boxes do not constitute consent)"
	refPlanet49    = "CJEU C-673/17 Planet49 (1 October 2019)"
	refEDPBWalls   = "EDPB Guidelines 05/2020 on consent §§ 39-41 (cookie walls)"
	refCNILWalls   = "CNIL deliberation 2020-091 art. 2 (access conditional on consent)"
	refCNILRefusal = "CNIL deliberation 2020-092 (keep a refusal as long as a consent, 6 months recommended)"
)

func rejectHarderThanAccept() Rule {
	rejectClicks := func(n int) func(*model.Site) {
		return func(s *model.Site) {
			s.Consent.RejectClicks = n
			s.Phases[model.PhaseAfterReject].Consent.Clicks = n
		}
	}
	confirm := func(s *model.Site) {
		rejectClicks(2)(s)
		s.Phases[model.PhaseAfterReject].Consent.Elements = []model.Clicked{
			{Selector: "#reject", Text: "Reject all"}, {Selector: "#confirm-reject", Text: "Yes, I am sure"}}
	}
	return Rule{
		ID:       "reject-harder-than-accept",
		Title:    "Rejecting takes more clicks than accepting, although the first layer offers a reject",
		Severity: Medium,
		Rationale: "Refusing must be as easy as accepting. A first-layer \"Reject all\" that then asks to confirm, " +
			"or opens another step, while \"Accept all\" takes effect at once, makes refusal the longer path. " +
			"Banners with no first-layer reject at all are no-reject-option's; this rule judges the rest.",
		References:    []string{refGDPR7, refEDPB052020, refEDPBTaskforce, refCNIL2020092, refCCR7004},
		Remediation:   "Make \"Reject all\" take effect in one click, as \"Accept all\" does: no confirmation dialog, no extra layer.",
		Jurisdictions: with(usAll(Off), "fr", High),
		Examples: []Example{
			{Name: "reject on the first layer asks to confirm: two clicks against one", Fires: true, Site: exSite(confirm)},
			{Name: "one click each", Fires: false, Site: exSite()},
			{Name: "reject only in the settings layer: no-reject-option covers it", Fires: false,
				Site: exSite(func(s *model.Site) {
					s.Consent.RejectOnFirstLayer = false
					s.Phases[model.PhaseAfterReject].Consent.FirstLayer = false
				}, rejectClicks(3))},
			{Name: "the first layer showed a reject that asks to confirm: two clicks against one", Fires: true,
				Site: exSite(confirm, shown([]model.Control{{Label: "Accept all", Class: model.ControlAccept, Reason: "text", Tag: "button"},
					{Label: "Reject all", Class: model.ControlReject, Reason: "text", Tag: "button"}}))},
			{Name: "the first layer showed \"necessary only\" but the reject went through the settings: the clicks are not a person's", Fires: false,
				Site: exSite(func(s *model.Site) {
					s.Consent.RejectOnFirstLayer = false
					s.Phases[model.PhaseAfterReject].Consent.FirstLayer = false
				}, rejectClicks(3), shown([]model.Control{{Label: "Accept all", Class: model.ControlAccept, Reason: "text", Tag: "button"},
					{Label: "Only necessary", Class: model.ControlReject, Reason: "text", Tag: "button"}}))},
			{Name: "accept could not be clicked: nothing to compare", Fires: false,
				Site: exSite(confirm, func(s *model.Site) {
					s.Consent.AcceptClicked, s.Consent.AcceptClicks = false, 0
					s.Phases[model.PhaseAfterAccept].Consent.Clicked, s.Phases[model.PhaseAfterAccept].Consent.Clicks = false, 0
				})},
		},
		check: func(c *evalContext) []model.Finding {
			if !c.bannerDetected() || !c.rejectOnFirstLayer() {
				return nil
			}
			if rej := c.consentResult(model.PhaseAfterReject); rej != nil && rej.Clicked && !rej.FirstLayer && c.shownControls() != nil {
				// The first layer showed a refusal the engine did not
				// take: its clicks are not what a person needs.
				return nil
			}
			acc, accepted := c.clicks(model.ActionAccept)
			rej, rejected := c.clicks(model.ActionReject)
			if !accepted || !rejected || rej <= acc {
				return nil
			}
			ev := []model.Evidence{{Kind: "consent", Page: c.siteURL(), Detail: fmt.Sprintf("reject took %d clicks, accept %d", rej, acc)}}
			ev = append(ev, clickEvidence(c.siteURL(), c.consentResult(model.PhaseAfterReject))...)
			return []model.Finding{{
				Subject:  "reject-clicks",
				Message:  fmt.Sprintf("Rejecting on %s takes %d clicks, accepting %d", c.siteURL(), rej, acc),
				Evidence: ev,
			}}
		},
	}
}

// necessaryStems are the words that name strictly necessary purposes in the
// consent engine's languages.
const necessaryStems = `(necessar|nécessaire|essential|essentiel|essenzi|esencial|strictly|required|notwendig|erforderlich|indispensable|imprescindible|noodzakelijk|nødvendig|nödvändig|välttämät|niezbędn|nezbytn|nevyhnutn|szükséges|obligatori|neophodn|nujn|būtin|nepieciešam|necesar|απαραίτητ|задължителн|необходим)`

// necessaryPurposeRE recognises the label of a strictly necessary purpose;
// such a toggle may be on by default. notNecessaryRE recognises its
// negation ("Non-essential cookies"), which is a purpose like any other.
var (
	necessaryPurposeRE = regexp.MustCompile(`(?i)` + necessaryStems)
	notNecessaryRE     = regexp.MustCompile(`(?i)(^|[^\pL])(non|not|nicht|niet|no|não|ikke|inte|nie|ne|nu|μη|не)[\s-]*(strictly\s+|strikt\s+)?` + necessaryStems)
)

// isNecessaryPurpose reports whether a toggle label names a strictly
// necessary purpose.
func isNecessaryPurpose(label string) bool {
	return necessaryPurposeRE.MatchString(label) && !notNecessaryRE.MatchString(label)
}

// maxPurposeLabel shortens toggle labels in messages.
const maxPurposeLabel = 60

func shortLabel(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > maxPurposeLabel {
		return string(r[:maxPurposeLabel-1]) + "…"
	}
	return s
}

func preTickedPurposes() Rule {
	preTicked := func(labels ...string) func(*model.Site) {
		return func(s *model.Site) {
			r := s.Phases[model.PhaseAfterReject].Consent
			r.FirstLayer, r.Clicks = false, 2+len(labels)
			s.Consent.RejectOnFirstLayer, s.Consent.RejectClicks = false, r.Clicks
			r.PreTicked = labels
			r.Elements = []model.Clicked{{Selector: "#settings", Text: "Settings"}}
			for i, l := range labels {
				r.Elements = append(r.Elements, model.Clicked{Selector: fmt.Sprintf("#purpose-%d", i+1), Text: l})
			}
			r.Elements = append(r.Elements, model.Clicked{Selector: "#save", Text: "Save choices"})
		}
	}
	return Rule{
		ID:       "preticked-purposes",
		Title:    "The consent settings switch non-essential purposes on before the visitor chooses",
		Severity: Medium,
		Rationale: "Consent is an active, specific choice. Toggles for marketing or statistics that are already on " +
			"when the settings open turn \"Save\" into an accept: consent given through pre-ticked boxes is not " +
			"valid. The consent engine records the enabled toggles it had to switch off to reject; locked " +
			"strictly necessary toggles are not among them.",
		References:    []string{refPlanet49, refGDPR4_11, refGDPR7, refRecital32, refEDPB052020, refCNIL2020091},
		Remediation:   "Open the settings layer with every non-essential purpose (and legitimate-interest toggle) off; only the visitor may switch them on.",
		Jurisdictions: with(consentOptional(), "fr", High),
		Examples: []Example{
			{Name: "marketing and statistics switched on in the settings layer", Fires: true, Site: exSite(preTicked("Marketing", "Statistics"))},
			{Name: "a toggle for non-essential cookies was on", Fires: true, Site: exSite(preTicked("Strictly necessary", "Non-essential cookies"))},
			{Name: "every purpose off when the settings open", Fires: false, Site: exSite(preTicked())},
			{Name: "only an unlocked strictly necessary toggle was on", Fires: false, Site: exSite(preTicked("Strictly necessary cookies"))},
			{Name: "US jurisdiction has no opt-in rule", Fires: false, Jurisdiction: "us-ca", Site: exSite(preTicked("Marketing"))},
		},
		check: func(c *evalContext) []model.Finding {
			var labels []string
			var phase *string
			var ev []model.Evidence
			for _, ph := range model.AllPhases {
				r := c.consentResult(ph)
				if r == nil {
					continue
				}
				for _, l := range r.PreTicked {
					l = shortLabel(l)
					if l == "" || isNecessaryPurpose(l) || containsStr(labels, l) {
						continue
					}
					if phase == nil {
						phase = ptr(ph)
					}
					labels = append(labels, l)
					e := model.Evidence{Kind: "consent", Page: c.siteURL(), Name: l, Detail: "switched on before any choice"}
					for _, el := range r.Elements {
						if shortLabel(el.Text) == l {
							e.Name, e.Detail = el.Selector, fmt.Sprintf("%q was switched on before any choice", l)
							break
						}
					}
					if len(ev) < maxEvidence {
						ev = append(ev, e)
					}
				}
			}
			if len(labels) == 0 {
				return nil
			}
			noun := "purpose"
			if len(labels) > 1 {
				noun = "purposes"
			}
			return []model.Finding{{
				Phase:    phase,
				Subject:  "purposes",
				Message:  fmt.Sprintf("The consent settings on %s had %d %s switched on before any choice: %s", c.siteURL(), len(labels), noun, joinNames(labels, 4)),
				Evidence: ev,
			}}
		},
	}
}

func bannerReturnsAfterReject() Rule {
	returned := func(s *model.Site) {
		r := s.Phases[model.PhaseAfterReject].Consent
		r.BannerReturned, r.ConsentRecord = true, []string{"cookie_consent"}
	}
	return Rule{
		ID:       "banner-returns-after-reject",
		Title:    "The consent banner shows again after the visitor rejected",
		Severity: Medium,
		Rationale: "A refusal must be remembered like a consent. A banner that comes back on the next page or after " +
			"a reload wears the visitor down until they accept. The consent engine reloads the page after a " +
			"verified reject and looks for the banner again.",
		References:    []string{refCNILRefusal, refCNIL2020091, refGDPR7, refEDPB052020, refEDPBTaskforce},
		Remediation:   "Store the refusal (a first-party cookie or storage key holding the choice, kept as long as a consent would be, 6 months at CNIL's recommendation) and do not show the banner while it is valid.",
		Jurisdictions: consentOptional(),
		Examples: []Example{
			{Name: "banner back after the reload that followed a reject, although a record was stored", Fires: true, Site: exSite(returned)},
			{Name: "banner back, and no consent record was stored", Fires: true,
				Site: exSite(returned, func(s *model.Site) { s.Phases[model.PhaseAfterReject].Consent.ConsentRecord = nil })},
			{Name: "the refusal is remembered", Fires: false, Site: exSite()},
			{Name: "banner back after accept only", Fires: false,
				Site: exSite(func(s *model.Site) { s.Phases[model.PhaseAfterAccept].Consent.BannerReturned = true })},
			{Name: "reject could not be verified: no verdict", Fires: false,
				Site: exSite(returned, func(s *model.Site) { s.Phases[model.PhaseAfterReject].Consent.Verified = false })},
		},
		check: func(c *evalContext) []model.Finding {
			r := c.consentResult(model.PhaseAfterReject)
			if r == nil || !r.Clicked || !r.Verified || !r.BannerReturned {
				return nil
			}
			record := "no consent record was found after the reject"
			if len(r.ConsentRecord) > 0 {
				record = "consent record after the reject: " + strings.Join(r.ConsentRecord, ", ")
			}
			ev := []model.Evidence{
				{Kind: "consent", Page: c.siteURL(), Detail: "after a verified reject the page was reloaded and the banner showed again"},
				{Kind: "consent", Page: c.siteURL(), Detail: record},
			}
			ev = append(ev, clickEvidence(c.siteURL(), r)...)
			return []model.Finding{{
				Phase:    ptr(model.PhaseAfterReject),
				Subject:  "banner-return",
				Message:  fmt.Sprintf("The consent banner on %s shows again after the visitor rejected: the refusal is not remembered", c.siteURL()),
				Evidence: ev,
			}}
		},
	}
}

// Thresholds of reject-less-prominent: the first-layer refusal is clearly
// less prominent than accept when its box is less than ProminenceAreaRatio
// of accept's, its text less than ProminenceFontRatio of accept's size, or
// its contrast below ProminenceMinContrast (WCAG's minimum for large text)
// while accept's is at least ProminenceContrastGap times higher; or when it
// is a bare link or text while accept is a filled button.
const (
	ProminenceAreaRatio   = 0.5
	ProminenceFontRatio   = 0.8
	ProminenceMinContrast = 3.0
	ProminenceContrastGap = 1.5
)

const refEDPBDeceptive = "EDPB Guidelines 03/2022 on deceptive design patterns (Version 2.0, 2023)"

// lookRank orders control looks by how much they stand out.
func lookRank(look string) int {
	switch look {
	case model.LookFilled:
		return 3
	case model.LookOutlined:
		return 2
	case model.LookLink:
		return 1
	}
	return 0
}

// mostProminent returns the measured control of a class that stands out
// most (look, then area), or nil.
func mostProminent(cs []model.Control, class string) *model.Control {
	var best *model.Control
	for i := range cs {
		c := &cs[i]
		if c.Class != class || c.Box == nil || c.Look == "" {
			continue
		}
		if best == nil || lookRank(c.Look) > lookRank(best.Look) ||
			lookRank(c.Look) == lookRank(best.Look) && c.Box.Area() > best.Box.Area() {
			best = c
		}
	}
	return best
}

// lessProminent says how the refusal is clearly less prominent than the
// accept, or returns nil when it is not.
func lessProminent(acc, rej *model.Control) []string {
	var why []string
	if lookRank(rej.Look) <= lookRank(model.LookLink) {
		why = append(why, "a bare "+rej.Look+" against a filled button")
	}
	if a, r := acc.Box.Area(), rej.Box.Area(); a > 0 && r < ProminenceAreaRatio*a {
		why = append(why, fmt.Sprintf("smaller: %.0f%% of accept's area", 100*r/a))
	}
	if acc.FontSize > 0 && rej.FontSize > 0 && rej.FontSize < ProminenceFontRatio*acc.FontSize {
		why = append(why, fmt.Sprintf("smaller text: %.0f px against %.0f px", rej.FontSize, acc.FontSize))
	}
	if rej.Contrast > 0 && rej.Contrast < ProminenceMinContrast && acc.Contrast >= ProminenceContrastGap*rej.Contrast {
		why = append(why, fmt.Sprintf("fainter: contrast %.2f:1 against %.2f:1", rej.Contrast, acc.Contrast))
	}
	return why
}

// describeProminence states a control's measurements for evidence.
func describeProminence(c *model.Control) string {
	look := c.Look
	if look == model.LookFilled || look == model.LookOutlined {
		look += " button"
	}
	return fmt.Sprintf("%s %q: %s %.0f×%.0f px, %.0f px text %s on %s, contrast %.2f:1",
		c.Class, shortLabel(c.Label), look, c.Box.Width, c.Box.Height, c.FontSize, c.Color, c.Background, c.Contrast)
}

func rejectLessProminent() Rule {
	ctl := func(class, label, look string, w, h, font float64, fg, bg string, contrast float64) model.Control {
		return model.Control{Label: label, Class: class, Reason: "text", Tag: map[bool]string{true: "a", false: "button"}[look == model.LookLink],
			Box: &model.Box{Width: w, Height: h}, FontSize: font, Color: fg, Background: bg, Contrast: contrast, Look: look}
	}
	accept := ctl(model.ControlAccept, "Accept all", model.LookFilled, 380, 49, 18, "#ffffff", "#0a7d32", 5.26)
	return Rule{
		ID:       "reject-less-prominent",
		Title:    "The first-layer refusal is less prominent than accept",
		Severity: Medium,
		Rationale: "Refusing must be as easy as accepting, and as visible. A \"Reject all\" shown as a small, pale or " +
			"bare link under a large coloured \"Accept all\" button steers the visitor towards consent (EDPB: " +
			"deceptive design, \"hindering\" and \"skipping\"); CNIL asks for refusal and acceptance at the same " +
			"level and in the same format. The consent engine measures each control as rendered: its box, font " +
			"size, colours and contrast ratio, and whether it is styled as a button.",
		References:    []string{refEDPBDeceptive, refEDPBTaskforce, refCNIL2020092, refGDPR7, refEDPB052020},
		Remediation:   "Give \"Reject all\" the same form as \"Accept all\" on the first layer: a button of the same size, font and contrast (a neutral colour is fine, a pale link is not).",
		Jurisdictions: with(usAll(Off), "fr", High),
		Examples: []Example{
			{Name: "a small pale link against a large filled accept", Fires: true, Site: exSite(shown([]model.Control{accept,
				ctl(model.ControlReject, "Reject all", model.LookLink, 52, 12, 11, "#c4c4c4", "#ffffff", 1.74)}))},
			{Name: "an outlined button of a third of accept's size", Fires: true, Site: exSite(shown([]model.Control{accept,
				ctl(model.ControlReject, "Reject all", model.LookOutlined, 120, 40, 16, "#333333", "#ffffff", 12.63)}))},
			{Name: "a filled button of the same size in pale grey on white", Fires: true, Site: exSite(shown([]model.Control{accept,
				ctl(model.ControlReject, "Reject all", model.LookFilled, 380, 49, 18, "#bbbbbb", "#f4f4f4", 1.8)}))},
			{Name: "two filled buttons of the same size and contrast", Fires: false, Site: exSite(shown([]model.Control{accept,
				ctl(model.ControlReject, "Reject all", model.LookFilled, 380, 49, 18, "#ffffff", "#444444", 9.74)}))},
			{Name: "an outlined reject of the same size with good contrast", Fires: false, Site: exSite(shown([]model.Control{accept,
				ctl(model.ControlReject, "Reject all", model.LookOutlined, 370, 49, 18, "#0a7d32", "#ffffff", 5.26)}))},
			{Name: "a pale link refusal next to a full-size reject button: the button counts", Fires: false, Site: exSite(shown([]model.Control{accept,
				ctl(model.ControlReject, "Continue without accepting", model.LookLink, 150, 14, 12, "#999999", "#ffffff", 2.85),
				ctl(model.ControlReject, "Reject all", model.LookFilled, 380, 49, 18, "#ffffff", "#444444", 9.74)}))},
			{Name: "accept is a link too", Fires: false, Site: exSite(shown([]model.Control{
				ctl(model.ControlAccept, "Accept", model.LookLink, 50, 14, 12, "#0645ad", "#ffffff", 8.6),
				ctl(model.ControlReject, "Refuse", model.LookLink, 50, 14, 12, "#0645ad", "#ffffff", 8.6)}))},
			{Name: "controls recorded without measurements", Fires: false, Site: exSite(shown([]model.Control{
				{Label: "Accept all", Class: model.ControlAccept, Reason: "text", Tag: "button"},
				{Label: "Reject all", Class: model.ControlReject, Reason: "text", Tag: "a"}}))},
			{Name: "no refusal on the first layer: no-reject-option covers it", Fires: false, Site: exSite(shown([]model.Control{accept,
				ctl(model.ControlSettings, "Settings", model.LookLink, 52, 12, 11, "#c4c4c4", "#ffffff", 1.74)}))},
		},
		check: func(c *evalContext) []model.Finding {
			cs := c.shownControls()
			acc, rej := mostProminent(cs, model.ControlAccept), mostProminent(cs, model.ControlReject)
			if !c.bannerDetected() || acc == nil || rej == nil || acc.Look != model.LookFilled {
				return nil
			}
			why := lessProminent(acc, rej)
			if len(why) == 0 {
				return nil
			}
			return []model.Finding{{
				Subject: "reject-prominence",
				Message: fmt.Sprintf("The refusal %q on the consent banner of %s is less prominent than %q: %s",
					shortLabel(rej.Label), c.siteURL(), shortLabel(acc.Label), strings.Join(why, "; ")),
				Evidence: []model.Evidence{
					{Kind: "consent", Page: c.siteURL(), Name: rej.Label, Detail: describeProminence(rej)},
					{Kind: "consent", Page: c.siteURL(), Name: acc.Label, Detail: describeProminence(acc)},
				},
			}}
		},
	}
}

// rejectEffect is what the page said after the reject: the phase's own
// result, else the site summary.
func (c *evalContext) rejectEffect() *model.ChoiceEffect {
	if r := c.consentResult(model.PhaseAfterReject); r != nil && r.Effect != nil {
		return r.Effect
	}
	return c.site.Consent.RejectEffective
}

func rejectNotEffective() Rule {
	effect := func(ev ...model.ChoiceEvidence) func(*model.Site) {
		return func(s *model.Site) {
			e := &model.ChoiceEffect{Effective: true, Evidence: ev}
			for _, x := range ev {
				e.Effective = e.Effective && x.Agrees
			}
			s.Phases[model.PhaseAfterReject].Consent.Effect = e
			s.Consent.RejectEffective = e
		}
	}
	allGranted := model.ChoiceEvidence{Source: "record:CookieConsent", Granted: []string{"marketing", "preferences", "statistics"},
		Agrees: false, Detail: "cookiebot consent record CookieConsent"}
	denied := model.ChoiceEvidence{Source: "record:CookieConsent", Denied: []string{"marketing", "preferences", "statistics"},
		Agrees: true, Detail: "cookiebot consent record CookieConsent"}
	tcfAll := model.ChoiceEvidence{Source: "tcf", Granted: []string{"purpose 1", "purpose 2", "purpose 3", "purpose 4"},
		Agrees: false, Detail: "TC string of CMP 10: 4 of 11 purposes consented, 120 vendors"}
	tcfNone := model.ChoiceEvidence{Source: "tcf", Denied: []string{"purpose 1", "purpose 2", "purpose 3", "purpose 4"},
		Agrees: true, Detail: "TC string of CMP 10: 0 of 11 purposes consented, 0 vendors"}
	return Rule{
		ID:       "reject-not-effective",
		Title:    "After the visitor rejected, the page records consent",
		Severity: High,
		Rationale: "A refusal must take effect. After a verified reject the consent engine reads what the page exposes " +
			"to its vendors — the TCF and GPP strings, Google Consent Mode, the consent platform's own record — and " +
			"a reject after which they still grant every non-essential purpose is no refusal at all: vendors read " +
			"the record, not the click.",
		References:    []string{refGDPR7, refGDPR4_11, refEDPB052020, refCNIL2020091},
		Remediation:   "Make \"Reject all\" write a record with every non-essential purpose denied (TC string without purpose consents, Consent Mode update to denied, the platform's categories off), and check it after a reject.",
		Jurisdictions: consentOptional(),
		Examples: []Example{
			{Name: "the platform's record grants every category after the reject", Fires: true, Site: exSite(effect(allGranted))},
			{Name: "the TC string keeps the purposes consented after the reject", Fires: true, Site: exSite(effect(tcfAll, denied))},
			{Name: "every record denies after the reject", Fires: false, Site: exSite(effect(tcfNone, denied))},
			{Name: "nothing readable after the reject: no verdict", Fires: false, Site: exSite()},
			{Name: "the reject was not carried out: no verdict", Fires: false, Site: exSite(effect(allGranted), rejectFailed)},
		},
		check: func(c *evalContext) []model.Finding {
			r := c.consentResult(model.PhaseAfterReject)
			eff := c.rejectEffect()
			if eff == nil || eff.Effective || r == nil || !r.Clicked {
				return nil
			}
			var ev []model.Evidence
			var sources []string
			for _, e := range eff.Evidence {
				if e.Agrees {
					continue
				}
				sources = append(sources, e.Source)
				ev = append(ev, model.Evidence{Kind: "consent", Page: c.siteURL(), Name: e.Source,
					Detail: fmt.Sprintf("%s: granted after the reject: %s", e.Detail, joinNames(e.Granted, 6))})
			}
			if len(ev) == 0 {
				return nil
			}
			ev = append(ev, clickEvidence(c.siteURL(), r)...)
			return []model.Finding{{
				Phase:    ptr(model.PhaseAfterReject),
				Subject:  "reject-effect",
				Message:  fmt.Sprintf("After the visitor rejected on %s, %s still grant non-essential purposes: the refusal did not take effect", c.siteURL(), strings.Join(sources, ", ")),
				Evidence: ev,
			}}
		},
	}
}
