package rules

import (
	"sort"
	"time"

	"github.com/privacyscan/privacyscan/scanner/model"
)

// DefaultJurisdiction is used when Options.Jurisdiction is empty.
const DefaultJurisdiction = "eu"

// Options are what Evaluate needs besides the observation.
type Options struct {
	// Jurisdiction selects which rules apply and at which severity (see
	// Jurisdictions); empty means eu.
	Jurisdiction string
	// Config is the loaded .privacyscan.yaml, or nil.
	Config *model.Config
	// Now is the scan time (policy age, suppression expiry); zero means
	// time.Now. Inject it for deterministic output.
	Now time.Time
	// Vendors answers where a vendor is headquartered and what it does;
	// nil means unknown for every vendor (transfer rules stay silent).
	Vendors VendorInfo
	// Only, when non-empty, restricts evaluation to these rule ids.
	Only []string
}

// Vendor is what the rules need to know about a vendor.
type Vendor struct {
	ID      string
	Name    string
	Company string
	// Country is the ISO 3166-1 alpha-2 code of the headquarters.
	Country string
	// EEA is true when the headquarters are in the EU/EEA (or the vendor
	// processes under an adequacy decision the knowledge base records).
	EEA bool
	// Adequate is true when the country has an EU adequacy decision for the
	// whole country (EEA included); transfers there need no disclosure rule.
	Adequate bool
	// Category is the vendor's main category (kb categories, plus payment
	// or cdn where known).
	Category string
	// Aliases are other names the vendor goes by in policies.
	Aliases []string
	// SelfHosted is true for software the site runs itself (PHP,
	// WordPress, Magento): its cookies are the site's own, not a third
	// party's, and nothing is transferred.
	SelfHosted bool
}

// VendorInfo looks vendors up by knowledge-base id.
type VendorInfo interface {
	Vendor(id string) (Vendor, bool)
}

// VendorFunc adapts a function to VendorInfo.
type VendorFunc func(id string) (Vendor, bool)

// Vendor implements VendorInfo.
func (f VendorFunc) Vendor(id string) (Vendor, bool) { return f(id) }

// Evaluate runs every applicable rule on one site and returns its findings
// sorted (severity, rule, phase, subject). It never returns nil and never
// panics on odd observations. Suppressions and baselines are applied
// afterwards (Suppressor, Baseline) because they span sites.
//
// Evaluate first applies Derive to site: the rules judge the derived
// verdicts (pixel, category, cookie wall), which are written into site, so
// a report built from the same site shows them.
func Evaluate(site *model.Site, opts Options) []model.Finding {
	out := []model.Finding{}
	if site == nil {
		return out
	}
	Derive(site)
	c := newContext(site, opts)
	only := map[string]bool{}
	for _, id := range opts.Only {
		only[id] = true
	}
	for _, r := range CatalogueWith(c.cfg) {
		if len(only) > 0 && !only[r.ID] {
			continue
		}
		sev, on := c.severityFor(r)
		if !on {
			continue
		}
		c.sev = sev
		for _, f := range r.check(c) {
			f.Rule = r.ID
			f.Title = r.Title
			switch {
			case c.configured(r.ID) != "":
				f.Severity = sev
			case f.Severity == "":
				f.Severity = sev
			}
			if f.Evidence == nil {
				f.Evidence = []model.Evidence{}
			}
			f.Fingerprint = Fingerprint(r.ID, site.URL, f.Subject)
			out = append(out, f)
		}
	}
	SortFindings(out)
	return out
}

// SortFindings orders findings most severe first, then by rule, phase,
// subject and message, so reports are stable.
func SortFindings(fs []model.Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if ra, rb := model.SeverityRank(a.Severity), model.SeverityRank(b.Severity); ra != rb {
			return ra > rb
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		if pa, pb := phaseOrder(a.Phase), phaseOrder(b.Phase); pa != pb {
			return pa < pb
		}
		if a.Subject != b.Subject {
			return a.Subject < b.Subject
		}
		return a.Message < b.Message
	})
}

func phaseOrder(p *string) int {
	if p == nil {
		return -1
	}
	for i, n := range model.AllPhases {
		if n == *p {
			return i
		}
	}
	return len(model.AllPhases)
}
