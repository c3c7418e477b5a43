package kb

import (
	"context"
)

// Resolver looks up CNAME records. *net.Resolver satisfies it; tests pass a
// fake.
type Resolver interface {
	LookupCNAME(ctx context.Context, host string) (string, error)
}

// Uncloak tells whether host, a first-party subdomain, is a tracker in
// disguise: its CNAME points at a tracking vendor's domain (CNAME cloaking,
// used to pass a third party's cookies off as first-party). Known cloaking
// CNAMEs from a loaded TDS file are used without a DNS query. A CNAME to a
// CDN, payment, consent, chat or hosting provider is not cloaking and gives false,
// and so does a CNAME within the same site. Look-ups are cached per DB.
func (db *DB) Uncloak(ctx context.Context, host string, r Resolver) (Match, bool) {
	host = normHost(host)
	if host == "" {
		return Match{}, false
	}
	target, ok := db.cnames[host]
	if !ok {
		if c, hit := db.cnameCache.Load(host); hit {
			target = c.(string)
		} else if r != nil {
			t, err := r.LookupCNAME(ctx, host)
			if err != nil {
				if ctx.Err() != nil {
					return Match{}, false // cancelled: do not cache
				}
				t = ""
			}
			target = normHost(t)
			db.cnameCache.Store(host, target)
		}
	}
	if target == "" || target == host || registrable(target) == registrable(host) {
		return Match{}, false
	}
	m, ok := db.hosts.lookup(target, "/")
	if !ok {
		m, ok = db.extHosts.lookup(target, "/")
	}
	if !ok && len(db.filters) > 0 {
		m, ok = db.matchFilters("https://"+target+"/", target, "", 0)
	}
	if !ok {
		return Match{}, false
	}
	// Tag managers count: a first-party host aliased to server-side Google
	// Tag Manager hosting forwards tracking as if it were the site's own.
	switch BaseCategory(m.Category) {
	case Analytics, Advertising, Social:
	default:
		if m.Category != TagManager {
			return Match{}, false
		}
	}
	m.Rule = host + " CNAME " + target + " (" + m.Rule + ")"
	return m, true
}
