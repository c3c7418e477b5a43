package rules

import (
	"fmt"
	"net/url"
	"regexp"
	"sort"
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
		},
		check: func(c *evalContext) []model.Finding {
			if !c.bannerDetected() || c.rejectOnFirstLayer() {
				return nil
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

// rejectOnFirstLayer reports whether the reject was carried out from the
// banner's first layer. no-reject-option judges banners where it was not,
// reject-harder-than-accept those where it was.
func (c *evalContext) rejectOnFirstLayer() bool {
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

// consentModeTypes are Google Consent Mode's storage types.
var consentModeTypes = []string{"ad_storage", "analytics_storage", "ad_user_data", "ad_personalization"}

// consentModeSignalRE recognises a signal key holding a Consent Mode state.
var consentModeSignalRE = regexp.MustCompile(`(?i)(ad_storage|analytics_storage|ad_user_data|ad_personalization)`)

// grantedByDefault returns the Consent Mode storage types granted before any
// choice: from the consent engine's reading of the default commands, from the
// before-consent phase's signals, and from the gcs
// parameter Google tags put on their hits (G1xy: x ad_storage, y
// analytics_storage, 1 granted).
func (c *evalContext) grantedByDefault() (types []string, ev []model.Evidence) {
	set := map[string]bool{}
	// The consent engine reads the Consent Mode state around its click; the
	// merged 'default' commands are the state before any choice.
	for _, ph := range model.AllPhases {
		q := c.phase(ph)
		if q == nil || q.Consent == nil || q.Consent.Signals == nil || q.Consent.Signals.ConsentMode == nil {
			continue
		}
		def := q.Consent.Signals.ConsentMode.Default
		for _, t := range consentModeTypes {
			if strings.EqualFold(def[t], "granted") && !set[t] {
				set[t] = true
				ev = append(ev, model.Evidence{Kind: "consent", Page: c.siteURL(), Name: "consent default " + t, Detail: "gtag('consent', 'default', {" + t + ": 'granted'})"})
			}
		}
	}
	p := c.phase(model.PhaseBeforeConsent)
	if p == nil {
		p = &model.PhaseResult{}
	}
	keys := make([]string, 0, len(p.Signals))
	for k := range p.Signals {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := p.Signals[k]
		lk := strings.ToLower(k)
		m := consentModeSignalRE.FindString(lk)
		if m == "" || strings.Contains(lk, "update") || !strings.EqualFold(strings.TrimSpace(v), "granted") {
			continue
		}
		if !set[m] {
			set[m] = true
			ev = append(ev, model.Evidence{Kind: "consent", Name: k, Detail: k + " = " + v})
		}
	}
	for _, r := range p.Requests {
		u, err := url.Parse(r.URL)
		if err != nil {
			continue
		}
		gcs := u.Query().Get("gcs")
		if len(gcs) != 4 || gcs[:2] != "G1" {
			continue
		}
		var got []string
		if gcs[2] == '1' {
			got = append(got, "ad_storage")
		}
		if gcs[3] == '1' {
			got = append(got, "analytics_storage")
		}
		if len(got) == 0 {
			continue
		}
		fresh := false
		for _, t := range got {
			if !set[t] {
				set[t], fresh = true, true
			}
		}
		if fresh {
			ev = append(ev, model.Evidence{Kind: "request", Page: r.Page, URL: r.URL, Domain: hostOf(r), Vendor: r.Vendor, Detail: "gcs=" + gcs})
		}
	}
	for _, t := range consentModeTypes {
		if set[t] {
			types = append(types, t)
		}
	}
	return types, ev
}

func consentModeDefaultGranted() Rule {
	signal := func(k, v string) func(*model.Site) {
		return func(s *model.Site) {
			p := s.Phases[model.PhaseBeforeConsent]
			if p.Signals == nil {
				p.Signals = map[string]string{}
			}
			p.Signals[k] = v
		}
	}
	return Rule{
		ID:       "consent-mode-default-granted",
		Title:    "Google Consent Mode defaults to granted before the visitor chooses",
		Severity: High,
		Rationale: "Consent Mode tells Google's tags what the visitor agreed to. Defaulting ad_storage or " +
			"analytics_storage to granted before any choice makes the tags set cookies and send full hits as if " +
			"the visitor had accepted.",
		References:    []string{refEPrivacy53, refGDPR7, refEDPB052020, "Google Consent Mode documentation (gtag consent default)"},
		Remediation:   "Call gtag('consent', 'default', {...}) with every storage type set to denied before any Google tag loads, and update to granted only from the CMP's accept.",
		Jurisdictions: usAll(Off),
		Examples: []Example{
			{Name: "default ad_storage granted in the page's Consent Mode state", Fires: true,
				Site: exSite(signal("consent_mode.default.ad_storage", "granted"), signal("consent_mode.default.analytics_storage", "denied"))},
			{Name: "Google hit before consent says gcs=G111", Fires: true,
				Site: exSite(inPhase(model.PhaseBeforeConsent, exPixel("https://region1.google-analytics.com/g/collect?v=2&tid=G-TEST&gcs=G111", "google-analytics", "Google Analytics", "analytics")))},
			{Name: "the consent engine read a granted default around its click", Fires: true,
				Site: exSite(func(s *model.Site) {
					s.Phases[model.PhaseAfterReject].Consent.Signals = &model.Signals{ConsentMode: &model.ConsentMode{
						Default: map[string]string{"ad_storage": "denied", "analytics_storage": "granted"},
						Update:  map[string]string{"analytics_storage": "denied"}}}
				})},
			{Name: "all denied by default, granted by the accept click", Fires: false,
				Site: exSite(func(s *model.Site) {
					s.Phases[model.PhaseAfterAccept].Consent.Signals = &model.Signals{ConsentMode: &model.ConsentMode{
						Default: map[string]string{"ad_storage": "denied", "analytics_storage": "denied"},
						Update:  map[string]string{"ad_storage": "granted", "analytics_storage": "granted"}}}
				})},
			{Name: "all denied by default", Fires: false,
				Site: exSite(signal("consent_mode.default.ad_storage", "denied"), signal("consent_mode.default.analytics_storage", "denied"))},
			{Name: "cookieless ping with gcs=G100 before consent", Fires: false,
				Site: exSite(inPhase(model.PhaseBeforeConsent, exPixel("https://region1.google-analytics.com/g/collect?v=2&tid=G-TEST&gcs=G100", "google-analytics", "Google Analytics", "analytics")))},
		},
		check: func(c *evalContext) []model.Finding {
			types, ev := c.grantedByDefault()
			if len(types) == 0 {
				return nil
			}
			for i := range ev {
				if ev[i].Page == "" {
					ev[i].Page = c.siteURL()
				}
			}
			return []model.Finding{{
				Phase:    ptr(model.PhaseBeforeConsent),
				Subject:  "consent-mode",
				Message:  fmt.Sprintf("Google Consent Mode reports %s as granted before any choice on %s", strings.Join(types, ", "), c.siteURL()),
				Evidence: ev,
			}}
		},
	}
}

// References of the banner rules below.
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
	return Rule{
		ID:       "cookie-wall",
		Title:    "The site withholds its content until the visitor accepts, with no way to refuse",
		Severity: High,
		Rationale: "Consent is not freely given when access to the site depends on it. A banner that covers the " +
			"page or locks scrolling and offers only \"Accept\" (no reject, no settings) leaves the visitor the choice " +
			"between consenting and leaving. The consent engine reports such a banner as a cookie wall; when its " +
			"reject run still found a way to refuse, the rule stays silent.",
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
