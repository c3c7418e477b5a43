package rules

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"github.com/privacyscan/privacyscan/scanner/model"
)

// maxLifetimeDays is CNIL's 13 months, counted generously (13 × 31 days)
// so that cookies set for exactly "13 months" or 395 days pass.
const maxLifetimeDays = 403

// seenCookie is one cookie (name and domain) with the first phase it was
// seen in.
type seenCookie struct {
	phase  string
	cookie model.Cookie
}

// allCookies lists every cookie of the scan once, in phase order.
func (c *evalContext) allCookies() []seenCookie {
	var out []seenCookie
	seen := map[string]bool{}
	for _, ph := range model.AllPhases {
		p := c.phase(ph)
		if p == nil {
			continue
		}
		for _, ck := range p.Cookies {
			k := cookieSubject(ck)
			if seen[k] {
				continue
			}
			seen[k] = true
			out = append(out, seenCookie{ph, ck})
		}
	}
	return out
}

func cookieExcessiveLifetime() Rule {
	return Rule{
		ID:       "cookie-excessive-lifetime",
		Title:    "A cookie that needs consent asks to live longer than 13 months",
		Severity: Low,
		Rationale: "Consent is not forever: the CNIL holds that trackers needing consent should not live " +
			"longer than 13 months, after which consent must be asked again. The rule reads the lifetime the " +
			"site asked for, not Chromium's 400-day cap.",
		References:    []string{refCNILLifetime, refCNIL2020092, refEDPB052020},
		Remediation:   "Set the cookie's Max-Age or Expires to at most 13 months (for Google Analytics, cookie_expires: 33696000).",
		Jurisdictions: map[string]string{"fr": Medium, "us": Off},
		Examples: []Example{
			{Name: "_ga asks for two years", Fires: true,
				Site: exSite(inPhase(model.PhaseAfterAccept, exCookie("_ga", ".shop.test", "Google Analytics", "analytics", 730)))},
			{Name: "_fbp at 90 days", Fires: false, Site: exSite(inPhase(model.PhaseAfterAccept, exFBP))},
			{Name: "long-lived essential cookie", Fires: false,
				Site: exSite(inPhase(model.PhaseAfterAccept, exCookie("remember_login", "shop.test", "", "essential", 730)))},
			{Name: "off in the US", Fires: false, Jurisdiction: "us-ca",
				Site: exSite(inPhase(model.PhaseAfterAccept, exCookie("_ga", ".shop.test", "Google Analytics", "analytics", 730)))},
		},
		check: func(c *evalContext) []model.Finding {
			var out []model.Finding
			for _, sc := range c.allCookies() {
				ck := sc.cookie
				if ck.LifetimeDays <= maxLifetimeDays || !c.needsConsent(ck) {
					continue
				}
				out = append(out, model.Finding{
					Phase:    ptr(sc.phase),
					Subject:  cookieSubject(ck),
					Message:  fmt.Sprintf("Cookie %s on %s asks to live %s days (%.0f months); at most 13 months is allowed", cookieLabel(ck), strings.TrimPrefix(ck.Domain, "."), trimFloat(ck.LifetimeDays), ck.LifetimeDays/30.44),
					Evidence: []model.Evidence{cookieEvidence(ck, ck.Page)},
				})
			}
			return out
		},
	}
}

// sessionIDRE matches names of cookies that usually carry a session
// identifier.
var sessionIDRE = regexp.MustCompile(`(?i)^(phpsessid|jsessionid|asp\.net_sessionid|aspsessionid.*|connect\.sid|sid|sessid|session|sessionid|session_id|.*[_.-]session|.*[_.-]sess|laravel_session|wordpress_logged_in_.*|wp_woocommerce_session_.*|_shopify_s|frontend|ci_session|cfid|cftoken|.*_sid)$`)

// https reports whether the site was served over HTTPS.
func (c *evalContext) https() bool {
	u, err := url.Parse(c.siteURL())
	return err == nil && strings.EqualFold(u.Scheme, "https")
}

func cookieInsecure() Rule {
	insecure := func(name string, mod func(*model.Cookie)) func(*model.Site) {
		ck := exCookie(name, "shop.test", "", "essential", 0)
		ck.HTTPOnly = true
		mod(&ck)
		return inPhase(model.PhaseBeforeConsent, ck)
	}
	return Rule{
		ID:       "cookie-insecure",
		Title:    "A first-party cookie lacks the Secure, HttpOnly or SameSite protection it needs",
		Severity: Medium,
		Rationale: "On an HTTPS site, a cookie without Secure is also sent over plain HTTP, where it can be read " +
			"on the network; SameSite=None without Secure is rejected by browsers; a session identifier readable " +
			"from JavaScript (no HttpOnly) is stolen by any injected script. Only the site's own cookies are " +
			"judged: third parties set theirs.",
		References:    []string{refGDPR32, "OWASP Session Management Cheat Sheet", "RFC 6265bis"},
		Remediation:   "Set Secure on every cookie of an HTTPS site, HttpOnly on session cookies, and SameSite=Lax (or Strict) unless the cookie must travel cross-site.",
		Jurisdictions: map[string]string{},
		Examples: []Example{
			{Name: "PHPSESSID without HttpOnly", Fires: true,
				Site: exSite(insecure("PHPSESSID", func(c *model.Cookie) { c.HTTPOnly = false }))},
			{Name: "cart cookie without Secure on HTTPS", Fires: true,
				Site: exSite(insecure("cart", func(c *model.Cookie) { c.Secure = false }))},
			{Name: "SameSite=None without Secure", Fires: true,
				Site: exSite(insecure("prefs", func(c *model.Cookie) { c.Secure, c.SameSite = false, "None" }))},
			{Name: "Secure, HttpOnly session cookie", Fires: false,
				Site: exSite(insecure("PHPSESSID", func(c *model.Cookie) {}))},
			{Name: "third-party cookie without Secure is the vendor's", Fires: false,
				Site: exSite(inPhase(model.PhaseAfterAccept, func() model.Cookie {
					ck := exCookie("uid", ".tracker.example", "", "advertising", 30)
					ck.Secure = false
					return ck
				}()))},
			{Name: "plain HTTP site: Secure cannot apply", Fires: false,
				Site: exSite(func(s *model.Site) { s.URL, s.FinalURL = "http://shop.test/", "http://shop.test/" },
					insecure("cart", func(c *model.Cookie) { c.Secure = false }))},
		},
		check: func(c *evalContext) []model.Finding {
			var out []model.Finding
			https := c.https()
			for _, sc := range c.allCookies() {
				ck := sc.cookie
				if !c.firstParty(ck.Party, strings.TrimPrefix(ck.Domain, ".")) {
					continue
				}
				var problems []string
				sessionID := sessionIDRE.MatchString(ck.Name)
				if https && !ck.Secure {
					problems = append(problems, "no Secure attribute on an HTTPS site")
				}
				if strings.EqualFold(ck.SameSite, "None") && !ck.Secure {
					problems = append(problems, "SameSite=None without Secure")
				}
				if sessionID && !ck.HTTPOnly {
					problems = append(problems, "session identifier without HttpOnly")
				}
				if len(problems) == 0 {
					continue
				}
				f := model.Finding{
					Phase:    ptr(sc.phase),
					Subject:  cookieSubject(ck),
					Message:  fmt.Sprintf("Cookie %s on %s: %s", ck.Name, strings.TrimPrefix(ck.Domain, "."), strings.Join(problems, "; ")),
					Evidence: []model.Evidence{cookieEvidence(ck, ck.Page)},
				}
				if !sessionID && !strings.EqualFold(ck.SameSite, "None") {
					// A missing Secure flag on a cookie that is no session
					// identifier exposes little.
					f.Severity = lower(c.sev, Low)
				}
				out = append(out, f)
			}
			return out
		},
	}
}
