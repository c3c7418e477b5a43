package kb

import (
	"strings"

	"golang.org/x/net/publicsuffix"
)

// Query kinds for Explain.
const (
	QueryURL     = "url"
	QueryHost    = "host"
	QueryCookie  = "cookie"
	QueryStorage = "storage"
)

// Explanation is what the knowledge base knows about one query and where the
// knowledge comes from; "privacyscan db lookup" prints it.
type Explanation struct {
	// Query is what was asked.
	Query string `json:"query"`
	// Kind is url, host, cookie or storage.
	Kind string `json:"kind"`
	// ResourceType is the request's type a URL or host was looked up as
	// ("Script", "Image"...), empty when none was given.
	ResourceType string `json:"resource_type,omitempty"`
	// Match is the answer, with Source and Rule saying where it came from.
	Match Match `json:"match"`
	// Base is the base category of Match.Category.
	Base string `json:"base_category"`
	// Vendor is the matched vendor, when there is one.
	Vendor *Vendor `json:"vendor,omitempty"`
}

// QueryKind guesses what a query is: a URL (has a scheme), a host (a name
// under a public suffix, such as "www.google-analytics.com") or else a
// cookie name.
func QueryKind(q string) string {
	q = strings.TrimSpace(q)
	if strings.Contains(q, "://") || strings.HasPrefix(q, "//") {
		return QueryURL
	}
	if strings.ContainsAny(q, " /=;_:") || !strings.Contains(q, ".") || strings.HasPrefix(q, ".") {
		return QueryCookie
	}
	host := strings.ToLower(strings.TrimSuffix(q, "."))
	if !domainRe.MatchString(host) {
		return QueryCookie
	}
	if _, icann := publicsuffix.PublicSuffix(host); icann {
		return QueryHost
	}
	return QueryCookie
}

// Explain answers a query of the given kind ("" guesses it with QueryKind).
// domain is the cookie's domain, the storage key's origin or the page of a
// request; it may be empty. resourceType is the type of a URL or host
// request, as RequestTyped takes it ("" for unknown); cookies and storage
// keys have none.
func (db *DB) Explain(query, kind, domain, resourceType string) Explanation {
	if kind == "" {
		kind = QueryKind(query)
	}
	var m Match
	switch kind {
	case QueryURL:
		m = db.RequestTyped(query, domain, resourceType)
	case QueryHost:
		m = db.RequestTyped("https://"+normHost(query)+"/", domain, resourceType)
	case QueryStorage:
		m = db.StorageKey(query, domain)
	default:
		kind = QueryCookie
		m = db.Cookie(query, domain)
	}
	e := Explanation{Query: query, Kind: kind, Match: m, Base: BaseCategory(m.Category)}
	if kind == QueryURL || kind == QueryHost {
		e.ResourceType = resourceType
	}
	if v, ok := db.Vendor(m.VendorID); ok {
		e.Vendor = &v
	}
	return e
}
