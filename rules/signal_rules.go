package rules

import (
	"fmt"

	"github.com/privacyscan/privacyscan/scanner/model"
)

// stanceEvidence points at the policy sentence behind a field.
func (c *evalContext) stanceEvidence(field, fallback string) model.Evidence {
	if e, ok := c.site.Policy.Evidence[field]; ok && e.Sentence != "" {
		return c.policyEvidence(e.Sentence)
	}
	return c.policyEvidence(fallback)
}

func dntIgnored() Rule {
	honours := withPolicy(func(p *model.PolicyFacts) {
		p.DNTStance = model.StanceHonored
		p.Evidence = map[string]model.Quote{"dnt_stance": {Sentence: "We honour Do Not Track signals: when your browser sends DNT, we do not load analytics or advertising."}}
	})
	return Rule{
		ID:       "dnt-ignored",
		Title:    "The policy promises to honour Do Not Track, yet tracking runs with the signal",
		Severity: Medium,
		Rationale: "A promise in a privacy policy is a statement to consumers. When the browser sends DNT: 1 " +
			"and the same tracking still runs, the statement is false, which is a deceptive practice and, " +
			"under CalOPPA, a misstatement of how the site responds to the signal.",
		References:    []string{refCalOPPA, refFTC5, refGDPR5_1a},
		Remediation:   "Either stop tracking when navigator.doNotTrack is \"1\" or the DNT: 1 header is present, or correct the policy.",
		Jurisdictions: map[string]string{"us-ca": High},
		Examples: []Example{
			{Name: "policy honours DNT, Meta Pixel fires with DNT", Fires: true,
				Site: exSite(honours, inPhase(model.PhaseDNT, exMetaPixel))},
			{Name: "policy honours DNT and nothing tracks with it", Fires: false,
				Site: exSite(honours, inPhase(model.PhaseAfterAccept, exMetaPixel))},
			{Name: "policy says it does not honour DNT", Fires: false,
				Site: exSite(inPhase(model.PhaseDNT, exMetaPixel))},
		},
		check: func(c *evalContext) []model.Finding {
			if !c.hasPolicy() || c.site.Policy.DNTStance != model.StanceHonored {
				return nil
			}
			var out []model.Finding
			for _, g := range c.trackingGroups(c.phase(model.PhaseDNT)) {
				out = append(out, model.Finding{
					Phase:    ptr(model.PhaseDNT),
					Subject:  g.subject,
					Message:  fmt.Sprintf("%s fired despite Do Not Track%s, although the privacy policy says DNT is honoured", g.label(), onPages(pagesOf(g.reqs))),
					Evidence: append([]model.Evidence{c.stanceEvidence("dnt_stance", "the policy says Do Not Track is honoured")}, requestEvidence(g.reqs)...),
				})
			}
			return out
		},
	}
}

func dntNotDisclosed() Rule {
	silent := withPolicy(func(p *model.PolicyFacts) { p.DNTStance = model.StanceNotMentioned })
	return Rule{
		ID:       "dnt-not-disclosed",
		Title:    "The policy does not say how the site responds to Do Not Track",
		Severity: Low,
		Rationale: "CalOPPA requires the privacy policy of a site that collects personal information from " +
			"California residents to disclose how it responds to Do Not Track signals. It is a US matter: " +
			"the rule is off in EU jurisdictions.",
		References:    []string{refCalOPPA},
		Remediation:   "Add a sentence to the policy saying whether and how the site responds to Do Not Track (\"we do not respond to DNT signals\" is a valid answer).",
		Jurisdictions: map[string]string{"eu": Off, "us-ca": Medium},
		Examples: []Example{
			{Name: "policy silent on DNT (California)", Fires: true, Jurisdiction: "us-ca", Site: exSite(silent)},
			{Name: "policy states it does not honour DNT (California)", Fires: false, Jurisdiction: "us-ca", Site: exSite()},
			{Name: "policy silent on DNT in the EU", Fires: false, Site: exSite(silent)},
		},
		check: func(c *evalContext) []model.Finding {
			if !c.hasPolicy() {
				return nil
			}
			if s := c.site.Policy.DNTStance; s == model.StanceHonored || s == model.StanceNotHonored {
				return nil
			}
			return []model.Finding{{
				Subject:  "dnt",
				Message:  fmt.Sprintf("The privacy policy %s does not say how the site responds to Do Not Track", c.policyURL()),
				Evidence: []model.Evidence{c.policyEvidence("no statement on Do Not Track found")},
			}}
		},
	}
}

func gpcIgnored() Rule {
	return Rule{
		ID:       "gpc-ignored",
		Title:    "Advertising still runs when the browser sends Global Privacy Control",
		Severity: Medium,
		Rationale: "Global Privacy Control (Sec-GPC: 1) is a visitor's opt-out of the sale and sharing of " +
			"personal data. California, Colorado and Connecticut (and states that followed) require sites to " +
			"treat it as a valid opt-out; advertising vendors active with the signal are selling or sharing " +
			"against it. The finding is high there, and anywhere the policy promises to honour GPC.",
		References: []string{refCCPA135, refCCR7025, refColorado, refConnecticut, refFTC5},
		Remediation: "When navigator.globalPrivacyControl is true or Sec-GPC: 1 is sent, treat the visitor as opted out: do not load " +
			"advertising and cross-context tags, and pass the opt-out to vendors (e.g. the IAB GPP string).",
		Jurisdictions: func() map[string]string {
			m := map[string]string{"eu": Low}
			for _, j := range optOutStates {
				m[j] = High
			}
			return m
		}(),
		Examples: []Example{
			{Name: "Meta Pixel fires with GPC in California", Fires: true, Jurisdiction: "us-ca",
				Site: exSite(inPhase(model.PhaseGPC, exMetaPixel))},
			{Name: "policy promises GPC, EU site still runs advertising", Fires: true,
				Site: exSite(inPhase(model.PhaseGPC, exMetaPixel))},
			{Name: "only analytics with GPC", Fires: false, Jurisdiction: "us-ca",
				Site: exSite(inPhase(model.PhaseGPC, exGA4))},
			{Name: "advertising stops with GPC", Fires: false, Jurisdiction: "us-co",
				Site: exSite(inPhase(model.PhaseAfterAccept, exMetaPixel))},
		},
		check: func(c *evalContext) []model.Finding {
			claimed := c.site.Policy != nil && c.site.Policy.GPCStance == model.StanceHonored
			var out []model.Finding
			for _, g := range c.trackingGroups(c.phase(model.PhaseGPC)) {
				if baseCategory(g.category) != "advertising" && baseCategory(g.category) != "social" {
					continue
				}
				f := model.Finding{
					Phase:    ptr(model.PhaseGPC),
					Subject:  g.subject,
					Message:  fmt.Sprintf("%s active with Global Privacy Control%s", g.label(), onPages(pagesOf(g.reqs))),
					Evidence: requestEvidence(g.reqs),
				}
				if claimed {
					f.Severity = higher(c.sev, High)
					f.Message += ", although the privacy policy says GPC is honoured"
					f.Evidence = append([]model.Evidence{c.stanceEvidence("gpc_stance", "the policy says GPC is honoured")}, f.Evidence...)
				}
				out = append(out, f)
			}
			return out
		},
	}
}
