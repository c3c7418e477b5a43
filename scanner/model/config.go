package model

import (
	"fmt"
	"path"
	"strings"
	"time"
)

// SeverityOff disables a rule in the configuration's rules section.
const SeverityOff = "off"

// CookieRequirements a custom cookie rule may list in require.
var CookieRequirements = []string{"secure", "http_only", "same_site"}

// Config is a loaded and validated configuration.
type Config struct {
	// Path is the file it was read from; empty for a zero Config.
	Path string `json:"path,omitempty"`
	// FirstParty lists domains that belong to the site (its CDNs, its
	// payment subdomain); requests to them count as first party.
	FirstParty []string `json:"first_party,omitempty"`
	// Allow lists vendors and cookies the auditor accepts, each with a reason.
	Allow Allow `json:"allow"`
	// Consent holds CSS selectors of the banner's buttons, for sites whose
	// banner the consent engine does not recognise.
	Consent ConsentSelectors `json:"consent"`
	// Rules maps a rule id to a severity or "off".
	Rules map[string]RuleSetting `json:"rules,omitempty"`
	// CustomRules are the site's own declarative rules.
	CustomRules []CustomRule `json:"custom_rules,omitempty"`
	// Suppressions accept findings, with a reason and an expiry.
	Suppressions []Suppression `json:"suppressions,omitempty"`
}

// Allow lists accepted vendors and cookies.
type Allow struct {
	Vendors []AllowedVendor `json:"vendors,omitempty"`
	Cookies []AllowedCookie `json:"cookies,omitempty"`
}

// AllowedVendor is a vendor never counted as tracking on this site, for
// example an audience-measurement tool configured to be exempt from consent.
type AllowedVendor struct {
	// Vendor is a knowledge-base id or a display name, matched case-insensitively.
	Vendor string `json:"vendor"`
	Reason string `json:"reason"`
	Line   int    `json:"line"`
}

// AllowedCookie is a cookie never counted as needing consent.
type AllowedCookie struct {
	// Name is a glob (path.Match syntax) on the cookie name.
	Name string `json:"name"`
	// Domain, when set, is a host pattern ("*.shop.test") on the cookie domain.
	Domain string `json:"domain,omitempty"`
	Reason string `json:"reason"`
	Line   int    `json:"line"`
}

// ConsentSelectors holds CSS selectors for the banner's buttons.
type ConsentSelectors struct {
	Accept string `json:"accept,omitempty"`
	Reject string `json:"reject,omitempty"`
	// Settings opens the second layer when reject lives there.
	Settings string `json:"settings,omitempty"`
}

// RuleSetting overrides a rule's severity, or turns it off.
type RuleSetting struct {
	// Severity is one of Severities; empty when Off.
	Severity string `json:"severity,omitempty"`
	Off      bool   `json:"off,omitempty"`
	Line     int    `json:"line"`
}

// CustomRule is a declarative rule: either a host that must never be
// contacted in some phases, or a cookie pattern that must carry attributes.
type CustomRule struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Severity string `json:"severity"`
	// Host is a host pattern ("*.hotjar.com" matches hotjar.com and its
	// subdomains); set for host rules.
	Host string `json:"host,omitempty"`
	// Never lists the phases in which Host must not be contacted.
	Never []string `json:"never,omitempty"`
	// Cookie is a glob on cookie names; set for cookie rules.
	Cookie string `json:"cookie,omitempty"`
	// Domain optionally narrows a cookie rule to a cookie-domain pattern.
	Domain string `json:"domain,omitempty"`
	// Require lists attributes the cookie must have (CookieRequirements).
	Require []string `json:"require,omitempty"`
	// MaxLifetimeDays, when positive, caps the lifetime the cookie may ask for.
	MaxLifetimeDays float64 `json:"max_lifetime_days,omitempty"`
	Line            int     `json:"line"`
}

// IsHostRule reports whether the rule is about a host rather than a cookie.
func (r CustomRule) IsHostRule() bool { return r.Host != "" }

// Suppression accepts findings. A finding matches when every field that is
// set matches: Rule (required), URL (prefix of the site or evidence URL,
// query ignored), Subject (glob), Fingerprint (exact).
type Suppression struct {
	Rule        string `json:"rule"`
	URL         string `json:"url,omitempty"`
	Subject     string `json:"subject,omitempty"`
	Fingerprint string `json:"fingerprint,omitempty"`
	Reason      string `json:"reason"`
	// Expires is YYYY-MM-DD; the suppression applies through that day.
	Expires string `json:"expires,omitempty"`
	// ExpiresAt is the first instant at which the suppression no longer
	// applies (midnight UTC after Expires); zero when it never expires.
	ExpiresAt time.Time `json:"-"`
	Line      int       `json:"line"`
}

// Expired reports whether the suppression no longer applies at now.
func (s Suppression) Expired(now time.Time) bool {
	return !s.ExpiresAt.IsZero() && !now.Before(s.ExpiresAt)
}

// ConfigError is one problem in a configuration file.
type ConfigError struct {
	File string
	// Line is 1-based; 0 when the problem has no line (unreadable file).
	Line int
	Msg  string
}

func (e *ConfigError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// MatchHost reports whether host matches pattern: an exact host, or
// "*.example.com" for example.com and every subdomain of it. A plain
// "example.com" also matches its subdomains, as first-party lists expect.
func MatchHost(pattern, host string) bool {
	pattern = strings.ToLower(strings.TrimPrefix(pattern, "*."))
	host = strings.ToLower(strings.TrimPrefix(strings.TrimSuffix(host, "."), "."))
	if pattern == "" || host == "" {
		return false
	}
	return host == pattern || strings.HasSuffix(host, "."+pattern)
}

// MatchGlob reports whether name matches a path.Match pattern; invalid
// patterns (rejected at load time) never match.
func MatchGlob(pattern, name string) bool {
	ok, err := path.Match(pattern, name)
	return err == nil && ok
}

// RuleLine returns the line of a rules-section entry, for callers that
// validate rule ids against a catalogue.
func (c *Config) RuleLine(id string) int {
	if c == nil {
		return 0
	}
	return c.Rules[id].Line
}
