package kb

import (
	"sort"
	"strings"
)

// cookieRule is one known cookie or storage key name or pattern.
type cookieRule struct {
	g          glob
	vendor     *Vendor // nil for imported rows without a known vendor
	vendorName string
	category   string
	essential  bool
	purpose    string
	lifetime   string
	// own restricts the rule to cookies on the vendor's domains.
	own bool
	// domain is a registrable domain the row names (imported data); rows
	// whose domain matches the cookie's are preferred.
	domain string
	source string
}

// cookieIndex finds rules by exact name, then by the literal prefix of
// patterns, longest first, then patterns that start with a wildcard.
type cookieIndex struct {
	exact      map[string][]*cookieRule
	fold       map[string][]*cookieRule // lower-cased exact names
	prefix     map[string][]*cookieRule
	prefixLens []int // distinct prefix lengths, longest first
	floating   []*cookieRule
	n          int
}

func newCookieIndex() cookieIndex {
	return cookieIndex{exact: map[string][]*cookieRule{}, fold: map[string][]*cookieRule{}, prefix: map[string][]*cookieRule{}}
}

func (x *cookieIndex) add(r *cookieRule) {
	x.n++
	if r.g.isLiteral() {
		x.exact[r.g.raw] = append(x.exact[r.g.raw], r)
		k := strings.ToLower(r.g.raw)
		x.fold[k] = append(x.fold[k], r)
		return
	}
	p := r.g.literalPrefix()
	if p == "" {
		x.floating = append(x.floating, r)
		return
	}
	if _, ok := x.prefix[p]; !ok {
		x.prefixLens = append(x.prefixLens, len(p))
		sort.Sort(sort.Reverse(sort.IntSlice(x.prefixLens)))
		x.prefixLens = dedupSorted(x.prefixLens)
	}
	x.prefix[p] = append(x.prefix[p], r)
	rs := x.prefix[p]
	sort.SliceStable(rs, func(i, j int) bool { return rs[i].g.specificity() > rs[j].g.specificity() })
}

func dedupSorted(a []int) []int {
	out := a[:0]
	for i, v := range a {
		if i == 0 || v != a[i-1] {
			out = append(out, v)
		}
	}
	return out
}

// pick chooses among rules for the same name: one whose vendor owns the
// cookie's domain, then one of the same company (Meta Pixel's "fr" on
// facebook.com), then one naming that domain, then the first not restricted
// to its vendor's own domains.
func pick(rs []*cookieRule, name string, dv *Vendor, regDomain string, checkGlob bool) *cookieRule {
	var first, company, domain *cookieRule
	for _, r := range rs {
		if checkGlob && !r.g.match(name) {
			continue
		}
		if dv != nil && r.vendor == dv {
			return r
		}
		if company == nil && dv != nil && r.vendor != nil && r.vendor.Company == dv.Company {
			company = r
		}
		if domain == nil && r.domain != "" && r.domain == regDomain {
			domain = r
		}
		if first == nil && !r.own {
			first = r
		}
	}
	switch {
	case company != nil:
		return company
	case domain != nil:
		return domain
	}
	return first
}

// lookup finds the best rule for name; dv is the vendor owning the cookie's
// domain (or nil) and regDomain its registrable domain.
func (x *cookieIndex) lookup(name string, dv *Vendor, regDomain string) *cookieRule {
	if x.n == 0 {
		return nil
	}
	if r := pick(x.exact[name], name, dv, regDomain, false); r != nil {
		return r
	}
	if r := pick(x.fold[lowerASCII(name)], name, dv, regDomain, false); r != nil {
		return r
	}
	for _, l := range x.prefixLens {
		if l > len(name) {
			continue
		}
		if r := pick(x.prefix[name[:l]], name, dv, regDomain, true); r != nil {
			return r
		}
	}
	return pick(x.floating, name, dv, regDomain, true)
}

func (r *cookieRule) match() Match {
	m := Match{
		Vendor: r.vendorName, Category: r.category, Essential: r.essential,
		Purpose: r.purpose, Lifetime: r.lifetime, Source: r.source, Rule: r.g.raw,
	}
	if r.vendor != nil {
		m.VendorID, m.Vendor = r.vendor.ID, r.vendor.Name
	}
	return m
}

// Cookie classifies a cookie by name, using the domain it was set on to
// choose between vendors that use the same name. Order: the embedded
// database (exact name, then patterns), imported cookie databases, the vendor
// owning the cookie's domain, then a guess from the name's shape (session
// ids, carts, CSRF tokens, load balancers and consent records are essential),
// marked Guess. A name nothing fits has category unknown.
func (db *DB) Cookie(name, domain string) Match {
	host := normHost(domain)
	var dv *Vendor
	if host != "" {
		dv = db.hosts.domainVendor(host)
	}
	if r := db.cookies.lookup(name, dv, ""); r != nil {
		return r.match()
	}
	if db.extCookies.n > 0 {
		if r := db.extCookies.lookup(name, dv, registrable(host)); r != nil {
			return r.match()
		}
	}
	if dv == nil && host != "" {
		if m, ok := db.extHosts.lookup(host, "/"); ok {
			m.Rule = "cookie domain " + m.Rule
			return m
		}
	}
	if dv != nil {
		return domainGuess(dv, name, "cookie domain "+host)
	}
	return guessName(name)
}

// domainGuess attributes an unknown name to the vendor owning the domain it
// was set on. The vendor is certain, the purpose is not: the category comes
// from the name's shape when it tells one, else from the vendor, and the
// match is marked Guess.
func domainGuess(v *Vendor, name, rule string) Match {
	m := vendorMatch(v, "", false)
	if g := guessName(name); g.Category != Unknown {
		m.Category, m.Essential = g.Category, g.Essential
		m.Purpose = g.Purpose + "; set by " + v.Name
	} else {
		m.Purpose = "set on a domain of " + v.Name + "; purpose assumed from the vendor"
	}
	m.Guess = true
	m.Rule = rule
	return m
}

// StorageKey classifies a localStorage or sessionStorage key of origin. Keys
// are looked up among storage rules first, then among cookie rules, since
// many scripts use the same names for both; the origin's vendor and a guess
// follow, as for cookies.
func (db *DB) StorageKey(key, origin string) Match {
	host := ""
	if h, _, ok := splitURL(origin); ok {
		host = h
	} else {
		host = normHost(origin)
	}
	var dv *Vendor
	if host != "" {
		dv = db.hosts.domainVendor(host)
	}
	if r := db.storage.lookup(key, dv, ""); r != nil {
		return r.match()
	}
	if r := db.cookies.lookup(key, dv, ""); r != nil {
		return r.match()
	}
	if db.extCookies.n > 0 {
		if r := db.extCookies.lookup(key, dv, registrable(host)); r != nil {
			return r.match()
		}
	}
	if dv != nil {
		return domainGuess(dv, key, "origin "+host)
	}
	return guessName(key)
}
