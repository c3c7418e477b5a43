package rules

import (
	"fmt"
	"net/url"
	"regexp"
	"sort"
	"strings"

	"github.com/privacyscan/privacyscan/scanner/model"
)

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
