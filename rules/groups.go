package rules

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/privacyscan/privacyscan/scanner/model"
)

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
