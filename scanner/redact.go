package scanner

import (
	"net/url"
	"strings"
)

// Redacted replaces identifiers in recorded URLs.
const Redacted = "REDACTED"

// idParams are query parameters that carry a visitor or click identifier in
// the hits of common trackers; their values are personal data.
var idParams = map[string]bool{
	"fbp": true, "fbc": true, "cid": true, "uid": true, "_gl": true, "gclid": true, "gbraid": true, "wbraid": true,
	"fbclid": true, "msclkid": true, "ttclid": true, "twclid": true, "li_fat_id": true, "user_id": true, "userid": true,
	"uuid": true, "client_id": true, "clientid": true, "sid": true, "sessionid": true, "session_id": true,
	"vid": true, "visitor_id": true, "visitorid": true, "ecid": true, "mid": true, "_ga": true, "tuid": true,
	"guid": true, "anonymous_id": true, "anonymousid": true, "ajs_anonymous_id": true, "email": true, "em": true, "ph": true,
}

// redactor hides cookie values and identifiers in URLs: a query value that
// is an identifier parameter, or that holds (or is held by) a cookie value of
// eight characters or more, is replaced by Redacted.
type redactor struct {
	values []string
}

func (rd *redactor) add(v string) {
	if len(v) >= 8 {
		rd.values = append(rd.values, v)
	}
}

func (rd *redactor) sensitive(key, val string) bool {
	if val == "" {
		return false
	}
	if idParams[strings.ToLower(key)] {
		return true
	}
	if len(val) < 8 {
		return false
	}
	for _, v := range rd.values {
		if strings.Contains(v, val) || strings.Contains(val, v) {
			return true
		}
	}
	return false
}

// url returns raw with sensitive query values redacted, keeping the order of
// the parameters.
func (rd *redactor) url(raw string) string {
	base, query, ok := strings.Cut(raw, "?")
	if !ok || query == "" {
		return raw
	}
	frag := ""
	if i := strings.IndexByte(query, '#'); i >= 0 {
		query, frag = query[:i], query[i:]
	}
	parts := strings.Split(query, "&")
	changed := false
	for i, p := range parts {
		k, v, hasVal := strings.Cut(p, "=")
		if !hasVal {
			continue
		}
		key, err1 := url.QueryUnescape(k)
		val, err2 := url.QueryUnescape(v)
		if err1 != nil || err2 != nil {
			key, val = k, v
		}
		if rd.sensitive(key, val) {
			parts[i] = k + "=" + Redacted
			changed = true
		}
	}
	if !changed {
		return raw
	}
	return base + "?" + strings.Join(parts, "&") + frag
}

// initiator redacts the URL in an initiator string ("script https://...").
func (rd *redactor) initiator(s string) string {
	kind, u, ok := strings.Cut(s, " ")
	if !ok {
		return s
	}
	return kind + " " + rd.url(u)
}

// text replaces every cookie value of eight characters or more in s by
// Redacted: for HAR headers and bodies, where identifiers are not in a
// query.
func (rd *redactor) text(s string) string {
	for _, v := range rd.values {
		if strings.Contains(s, v) {
			s = strings.ReplaceAll(s, v, Redacted)
		}
	}
	return s
}
