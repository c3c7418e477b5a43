package rules

import (
	"strings"
	"time"

	"github.com/privacyscan/privacyscan/scanner/model"
)

// evalContext is what a rule's check reads.
type evalContext struct {
	site    *model.Site
	cfg     *model.Config
	now     time.Time
	jur     string
	vendors VendorInfo
	// sev is the severity of the rule being run, after jurisdiction and
	// configuration; checks may lower or raise single findings from it.
	sev string
}

func newContext(site *model.Site, opts Options) *evalContext {
	c := &evalContext{site: site, cfg: opts.Config, now: opts.Now, jur: strings.ToLower(opts.Jurisdiction), vendors: opts.Vendors}
	if c.now.IsZero() {
		c.now = time.Now()
	}
	if c.jur == "" {
		c.jur = DefaultJurisdiction
	}
	return c
}

// configured returns the configuration's severity for a rule ("off" when
// disabled), or "".
func (c *evalContext) configured(id string) string {
	if c.cfg == nil {
		return ""
	}
	s, ok := c.cfg.Rules[id]
	if !ok {
		return ""
	}
	if s.Off {
		return model.SeverityOff
	}
	return s.Severity
}

// SeverityFor returns the severity rule r runs at under opts (the
// configuration, then the jurisdiction, then the rule's default) and false
// when it is off there. Reports use it to tell a rule that passed from one
// that was never run.
func SeverityFor(r Rule, opts Options) (string, bool) {
	return newContext(nil, opts).severityFor(r)
}

// severityFor applies the configuration, then the jurisdiction, then the
// rule's default.
func (c *evalContext) severityFor(r Rule) (string, bool) {
	if s := c.configured(r.ID); s != "" {
		return s, s != model.SeverityOff
	}
	s := r.SeverityIn(c.jur)
	return s, s != model.SeverityOff
}

// phase returns a phase's observations, or nil when the phase did not run.
func (c *evalContext) phase(name string) *model.PhaseResult {
	if c.site.Phases == nil {
		return nil
	}
	return c.site.Phases[name]
}

// ptr returns a pointer to a phase name for Finding.Phase.
func ptr(s string) *string { return &s }

// firstParty reports whether a request or cookie host belongs to the site:
// the scanner said so, or the configuration lists it.
func (c *evalContext) firstParty(party, host string) bool {
	if party == model.PartyFirst {
		return true
	}
	if c.cfg != nil {
		for _, d := range c.cfg.FirstParty {
			if model.MatchHost(d, host) {
				return true
			}
		}
	}
	return false
}

// vendorAllowed reports whether the configuration accepts the vendor.
func (c *evalContext) vendorAllowed(id, name string) bool {
	if c.cfg == nil {
		return false
	}
	for _, v := range c.cfg.Allow.Vendors {
		if (id != "" && strings.EqualFold(v.Vendor, id)) || (name != "" && strings.EqualFold(v.Vendor, name)) {
			return true
		}
	}
	return false
}

// cookieAllowed reports whether the configuration accepts the cookie.
func (c *evalContext) cookieAllowed(ck model.Cookie) bool {
	if c.cfg == nil {
		return false
	}
	for _, a := range c.cfg.Allow.Cookies {
		if model.MatchGlob(a.Name, ck.Name) && (a.Domain == "" || model.MatchHost(a.Domain, ck.Domain)) {
			return true
		}
	}
	return false
}

// trackingCategories need consent whoever serves them.
var trackingCategories = map[string]bool{"analytics": true, "advertising": true, "social": true}

// isTracking reports whether a request needs consent: an analytics,
// advertising or social vendor, or a pixel or beacon sent to an unknown third
// party. Essential requests and the site's own first-party functional ones
// never count; nor do vendors the configuration allows.
func (c *evalContext) isTracking(r model.Request) bool {
	cat := baseCategory(r.Category)
	if cat == "essential" || c.vendorAllowed(r.VendorID, r.Vendor) {
		return false
	}
	if trackingCategories[cat] {
		return true
	}
	if c.firstParty(r.Party, r.Host) {
		return false
	}
	return cat == "unknown" && (r.Pixel || r.Beacon)
}

// needsConsent reports whether a cookie needs consent: an analytics,
// advertising or social cookie, or a third-party cookie that is not known to
// be essential. The site's own functional and unknown cookies do not count.
func (c *evalContext) needsConsent(ck model.Cookie) bool {
	cat := baseCategory(ck.Category)
	if cat == "essential" || c.cookieAllowed(ck) || c.vendorAllowed(ck.VendorID, ck.Vendor) {
		return false
	}
	if trackingCategories[cat] {
		return true
	}
	return !c.firstParty(ck.Party, strings.TrimPrefix(ck.Domain, "."))
}

// siteLoaded reports whether at least one page loaded in some phase, so that
// site-level rules do not judge a site that could not be scanned.
func (c *evalContext) siteLoaded() bool {
	if c.site.Scanned {
		return true
	}
	for _, p := range c.site.Phases {
		if p == nil {
			continue
		}
		for _, pg := range p.Pages {
			if pg.Error == "" && pg.Status < 400 {
				return true
			}
		}
	}
	return false
}

// siteURL is the URL findings about the whole site point at.
func (c *evalContext) siteURL() string {
	if c.site.FinalURL != "" {
		return c.site.FinalURL
	}
	return c.site.URL
}

// baseCategory maps the knowledge base's finer categories (payment,
// session-recording, affiliate...) to the six base ones; "" is unknown.
func baseCategory(cat string) string { return model.BaseCategory(cat) }
