package kb

import (
	"strings"
	"unicode"

	"golang.org/x/net/publicsuffix"
)

// guessRule infers a category from the shape of a name nobody knows. The
// order of guessRules matters: a consent record named "cookie_consent_session"
// is a consent record first.
type guessRule struct {
	category string
	purpose  string
	// contains are substrings of the lower-cased name (long enough not to
	// hit by accident).
	contains []string
	// tokens are whole words of the name, split at punctuation and at
	// lower-to-upper case changes ("ASP.NET_SessionId" -> asp net session id).
	tokens []string
	// prefixes are prefixes of the lower-cased name.
	prefixes []string
	// Examples keep each rule honest; TestGuessExamples runs them.
	positive, negative []string
}

var guessRules = []guessRule{
	{
		category: Consent, purpose: "name looks like a consent record",
		contains: []string{"consent", "cookielaw", "cookie_notice", "cookienotice", "cookiebanner", "cookie-banner", "cookie_banner", "gdpr", "cookies_accepted", "cookie_accept", "cookiesaccepted", "cookiepolicy", "cookie_policy", "cookie-agree", "cookie_agree", "cookiesettings", "cookie_settings", "cookie-settings", "cookiepref", "cookie_pref", "cookie-pref", "tracking_pref", "privacy_pref", "cookiewall", "cookie_opt", "optout", "opt_out", "opt-out"},
		tokens:   []string{"cmp", "tcf", "tcstring"},
		positive: []string{"my_cookie_consent", "CookieConsentShop", "gdpr_accepted", "shop-cookie-banner", "cmp_state"},
		negative: []string{"PHPSESSID", "cart_token"},
	},
	{
		category: Security, purpose: "name looks like a CSRF or anti-forgery token",
		contains: []string{"csrf", "xsrf", "requestverificationtoken", "antiforgery", "anti-forgery", "authenticity_token"},
		positive: []string{"csrftoken", "XSRF-TOKEN", "__RequestVerificationToken", ".AspNetCore.Antiforgery.x1"},
		negative: []string{"_ga", "lang"},
	},
	{
		category: Essential, purpose: "name looks like a load balancer's affinity cookie",
		contains: []string{"awsalb", "awselb", "bigipserver", "affinity", "serverid", "routeid", "loadbalancer", "load_balancer", "load-balancer", "sticky", "backendid", "backend_id"},
		tokens:   []string{"lb", "route", "node", "upstream", "srv"},
		positive: []string{"AWSALBTG", "BIGipServerpool_web", "ApplicationGatewayAffinity", "SERVERID", "lb_node", "ROUTE"},
		negative: []string{"_fbp", "trusted_device"},
	},
	{
		category: Security, purpose: "name looks like bot protection or a captcha",
		contains: []string{"captcha", "botprotect", "bot_protect", "antibot", "anti_bot", "bot-detect", "botdetect", "fraud", "challenge", "firewall"},
		tokens:   []string{"waf", "bot", "ddos"},
		positive: []string{"hcaptcha_passed", "bot_check", "waf_token", "shop_fraud_check"},
		negative: []string{"bottom_banner", "robotics_pref_x"},
	},
	{
		category: Essential, purpose: "name looks like a shopping cart or checkout",
		contains: []string{"cart", "basket", "checkout", "warenkorb", "panier", "carrito", "carrello", "winkelwagen", "handlekurv", "handlekorg", "kundvagn", "varukorg", "ostoskori", "koszyk", "kosik", "cesta", "korv"},
		tokens:   []string{"order", "kurv"},
		positive: []string{"cart_id", "shop_basket", "checkout_token", "warenkorb", "kurv"},
		negative: []string{"_ga", "_gid"},
	},
	{
		category: Essential, purpose: "name looks like a session id",
		contains: []string{"sessid", "session", "sesid", "sessionid", "_sess", "sess_"},
		tokens:   []string{"sid", "sess", "ses"},
		prefixes: []string{"sess"},
		positive: []string{"PHPSESSID", "JSESSIONID", "ASP.NET_SessionId", "connect.sid", "laravel_session", "SESS1a2b3c", "ci_session", "shop_sid"},
		negative: []string{"_fbp", "assets_version"},
	},
	{
		category: Essential, purpose: "name looks like an authentication or log-in cookie",
		contains: []string{"auth", "login", "logged_in", "loggedin", "remember_me", "rememberme", "remember_token", "access_token", "refresh_token", "id_token", "passwordless"},
		tokens:   []string{"jwt", "sso", "token", "identity"},
		positive: []string{"wordpress_logged_in_abc", "auth_token", "jwt", "remember_me", ".AspNetCore.Identity.Application"},
		negative: []string{"_gcl_au", "lang"},
	},
	{
		category: Advertising, purpose: "name looks like an ad click, campaign or affiliate id",
		contains: []string{"gclid", "fbclid", "msclkid", "dclid", "ttclid", "clickid", "click_id", "campaign", "affiliate", "retarget", "remarketing", "conversion", "advert", "adserver", "adroll", "utm_", "_utm"},
		tokens:   []string{"ad", "ads", "adid", "aff", "awc", "utm", "cmpid", "partner", "promo"},
		positive: []string{"shop_gclid", "utm_source", "aff_id", "ad_user", "campaign_src"},
		negative: []string{"lang", "cart_id"},
	},
	{
		category: Analytics, purpose: "name looks like a visitor id or an analytics counter",
		contains: []string{"analytic", "visitor", "tracking", "tracker", "pageview", "page_view", "statistic", "stats_", "_stats", "metrics", "heatmap", "fingerprint", "first_visit", "last_visit", "visit_count", "visits"},
		tokens:   []string{"uid", "uuid", "vid", "cid", "guid", "visit", "stat", "stats", "track", "pv", "ga", "abtest", "experiment", "variant"},
		positive: []string{"visitor_id", "shop_uid", "stats_counter", "_track_x", "ab_variant"},
		negative: []string{"lang", "PHPSESSID"},
	},
	{
		category: Functional, purpose: "name looks like a preference (language, currency, region, display)",
		contains: []string{"language", "locale", "currency", "country", "region", "timezone", "darkmode", "dark_mode", "theme", "preference", "settings", "recently_viewed", "recentlyviewed", "wishlist", "compare", "favorites", "favourites", "newsletter_popup", "popup", "dismiss", "notice", "banner", "zoom", "font_size"},
		tokens:   []string{"lang", "lng", "tz", "pref", "prefs", "store", "view", "geo", "ccy", "cur", "seen", "closed", "hide"},
		positive: []string{"lang", "shop_currency", "store_country", "popup_closed", "recently_viewed_products"},
		negative: []string{"_fbp", "_gcl_au"},
	},
	{
		category: Functional, purpose: "name looks like a test of whether cookies work",
		contains: []string{"test_cookie", "testcookie", "cookie_test", "cookietest", "cookies_enabled", "cookiesenabled", "cookie_check", "cookiecheck"},
		tokens:   []string{"test"},
		positive: []string{"test_cookie", "wordpress_test_cookie", "cookies_enabled"},
		negative: []string{"_fbp", "IDE"},
	},
}

// guessName classifies a name nothing knows, by its shape.
func guessName(name string) Match {
	lower := strings.ToLower(name)
	var toks []string
	for i := range guessRules {
		g := &guessRules[i]
		if g.hits(name, lower, &toks) {
			return Match{Category: g.category, Guess: true, Essential: IsEssential(g.category), Purpose: g.purpose, Source: "guess"}
		}
	}
	return Match{Category: Unknown}
}

// hits reports whether the rule fits name; toks caches the name's words
// between rules.
func (g *guessRule) hits(name, lower string, toks *[]string) bool {
	for _, c := range g.contains {
		if strings.Contains(lower, c) {
			return true
		}
	}
	for _, p := range g.prefixes {
		if strings.HasPrefix(lower, p) {
			return true
		}
	}
	if len(g.tokens) == 0 {
		return false
	}
	if *toks == nil {
		*toks = nameTokens(name)
	}
	for _, t := range g.tokens {
		if containsString(*toks, t) {
			return true
		}
	}
	return false
}

// nameTokens splits a name into lower-case words at punctuation, digits and
// lower-to-upper case changes.
func nameTokens(name string) []string {
	var toks []string
	start := -1
	rs := []rune(name)
	for i, r := range rs {
		letter := unicode.IsLetter(r)
		boundary := !letter || (i > 0 && unicode.IsUpper(r) && unicode.IsLower(rs[i-1]))
		if boundary && start >= 0 {
			toks = append(toks, strings.ToLower(string(rs[start:i])))
			start = -1
		}
		if letter && start < 0 {
			start = i
		}
	}
	if start >= 0 {
		toks = append(toks, strings.ToLower(string(rs[start:])))
	}
	return toks
}

func containsString(a []string, s string) bool {
	for _, x := range a {
		if x == s {
			return true
		}
	}
	return false
}

// registrable returns the registrable domain (eTLD+1) of host, or host
// itself when it has none (an IP address, "localhost", a public suffix).
func registrable(host string) string {
	if host == "" {
		return ""
	}
	d, err := publicsuffix.EffectiveTLDPlusOne(host)
	if err != nil {
		return host
	}
	return d
}
