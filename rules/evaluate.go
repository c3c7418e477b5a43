package rules

import (
	"fmt"
	"net/url"
	"sort"
	"strings"
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
func Evaluate(site *model.Site, opts Options) []model.Finding {
	out := []model.Finding{}
	if site == nil {
		return out
	}
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

// requestGroup gathers the requests of one vendor (or host) in one phase.
type requestGroup struct {
	subject  string
	vendor   string
	category string
	reqs     []model.Request
}

// label names a group the way messages do: "Meta Pixel (advertising)".
func (g requestGroup) label() string { return label(g.vendor, g.category) }

func label(vendor, category string) string {
	if category == "" {
		category = "unknown"
	}
	return fmt.Sprintf("%s (%s)", vendor, category)
}

// trackingGroups returns the phase's tracking requests grouped by vendor id,
// vendor name or host, in order of first appearance.
func (c *evalContext) trackingGroups(p *model.PhaseResult) []*requestGroup {
	var out []*requestGroup
	if p == nil {
		return out
	}
	idx := map[string]*requestGroup{}
	for _, r := range p.Requests {
		if !c.isTracking(r) {
			continue
		}
		key := requestSubject(r)
		g := idx[key]
		if g == nil {
			name := r.Vendor
			if name == "" {
				name = hostOf(r)
			}
			g = &requestGroup{subject: key, vendor: name, category: r.Category}
			idx[key] = g
			out = append(out, g)
		}
		g.reqs = append(g.reqs, r)
	}
	return out
}

// requestSubject is the subject of findings about a request: vendor id,
// else vendor name, else host.
func requestSubject(r model.Request) string {
	switch {
	case r.VendorID != "":
		return r.VendorID
	case r.Vendor != "":
		return strings.ToLower(r.Vendor)
	default:
		return hostOf(r)
	}
}

func hostOf(r model.Request) string {
	if r.Host != "" {
		return strings.ToLower(r.Host)
	}
	if u, err := url.Parse(r.URL); err == nil {
		return strings.ToLower(u.Hostname())
	}
	return r.URL
}

// cookieSubject is name@domain without a leading dot.
func cookieSubject(ck model.Cookie) string {
	return ck.Name + "@" + strings.ToLower(strings.TrimPrefix(ck.Domain, "."))
}

// cookieGroup is one cookie (name and domain) seen in one phase.
type cookieGroup struct {
	subject string
	cookie  model.Cookie
	pages   []string
}

// consentCookies returns the phase's cookies that need consent, one per
// name and domain, in order of first appearance.
func (c *evalContext) consentCookies(p *model.PhaseResult) []*cookieGroup {
	var out []*cookieGroup
	if p == nil {
		return out
	}
	idx := map[string]*cookieGroup{}
	for _, ck := range p.Cookies {
		if !c.needsConsent(ck) {
			continue
		}
		key := cookieSubject(ck)
		g := idx[key]
		if g == nil {
			g = &cookieGroup{subject: key, cookie: ck}
			idx[key] = g
			out = append(out, g)
		}
		if ck.Page != "" && !containsStr(g.pages, ck.Page) {
			g.pages = append(g.pages, ck.Page)
		}
	}
	return out
}

// cookieLabel names a cookie for messages: "_fbp (Meta Pixel, advertising)".
func cookieLabel(ck model.Cookie) string {
	cat := ck.Category
	if cat == "" {
		cat = "unknown"
	}
	if ck.Vendor != "" {
		return fmt.Sprintf("%s (%s, %s)", ck.Name, ck.Vendor, cat)
	}
	return fmt.Sprintf("%s (%s)", ck.Name, cat)
}

// maxEvidence bounds the evidence of one finding; the message says how many
// more there were.
const maxEvidence = 10

// requestEvidence turns requests into evidence, one per distinct URL.
func requestEvidence(reqs []model.Request) []model.Evidence {
	ev := []model.Evidence{}
	seen := map[string]bool{}
	for _, r := range reqs {
		key := r.Page + "\x00" + r.URL
		if seen[key] {
			continue
		}
		seen[key] = true
		if len(ev) == maxEvidence {
			ev = append(ev, model.Evidence{Kind: "request", Detail: fmt.Sprintf("and %d more requests", countDistinct(reqs)-maxEvidence)})
			break
		}
		detail := ""
		switch {
		case r.Beacon:
			detail = "beacon"
		case r.Pixel:
			detail = "pixel"
		}
		ev = append(ev, model.Evidence{Kind: "request", Page: r.Page, URL: r.URL, Domain: hostOf(r), Vendor: r.Vendor, Detail: detail})
	}
	return ev
}

func countDistinct(reqs []model.Request) int {
	seen := map[string]bool{}
	for _, r := range reqs {
		seen[r.Page+"\x00"+r.URL] = true
	}
	return len(seen)
}

// cookieEvidence describes a cookie.
func cookieEvidence(ck model.Cookie, page string) model.Evidence {
	detail := "session cookie"
	if ck.LifetimeDays > 0 {
		detail = fmt.Sprintf("lifetime %s days", trimFloat(ck.LifetimeDays))
	}
	return model.Evidence{Kind: "cookie", Page: page, Name: ck.Name, Domain: strings.TrimPrefix(ck.Domain, "."), Vendor: ck.Vendor, Detail: detail}
}

func trimFloat(f float64) string {
	s := fmt.Sprintf("%.1f", f)
	return strings.TrimSuffix(s, ".0")
}

// pagesOf lists distinct pages of requests, in order.
func pagesOf(reqs []model.Request) []string {
	var out []string
	for _, r := range reqs {
		if r.Page != "" && !containsStr(out, r.Page) {
			out = append(out, r.Page)
		}
	}
	return out
}

// onPages says where: "on https://shop.test/" or "on https://shop.test/ and
// 2 other pages".
func onPages(pages []string) string {
	switch len(pages) {
	case 0:
		return ""
	case 1:
		return " on " + pages[0]
	case 2:
		return fmt.Sprintf(" on %s and 1 other page", pages[0])
	default:
		return fmt.Sprintf(" on %s and %d other pages", pages[0], len(pages)-1)
	}
}

func containsStr(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
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
