package kb

import (
	"sort"
	"strings"
)

// hostIndex maps a host or domain to what is known about it. A lookup walks
// the suffixes of a host ("a.b.example.com", "b.example.com", "example.com",
// "com"), which is the registrable-domain index without paying for a public
// suffix look-up on every request.
type hostIndex struct {
	m map[string]*hostEntry
	// paths identify a vendor on any host by a path prefix (a first-party
	// proxy such as /cdn-cgi/zaraz/), indexed by the first path segment.
	paths map[string][]*urlRule
}

type hostEntry struct {
	// vendor owns the domain and its subdomains, unless a URL rule says
	// otherwise.
	vendor   *Vendor
	category string // "" for the vendor's
	source   string
	domain   string
	// urls are path rules on this host or domain, most specific first.
	urls []*urlRule
}

type urlRule struct {
	host     string
	path     glob
	vendor   *Vendor
	category string
	pixel    bool
	source   string
}

func newHostIndex() hostIndex {
	return hostIndex{m: map[string]*hostEntry{}, paths: map[string][]*urlRule{}}
}

// firstSegment returns "/seg" of a path ("/cdn-cgi/zaraz/s.js" -> "/cdn-cgi").
func firstSegment(path string) string {
	if i := strings.IndexAny(path[1:], "/?"); i >= 0 {
		return path[:i+1]
	}
	return path
}

func (h hostIndex) addPath(prefix string, v *Vendor, category string, pixel bool, source string) {
	seg := firstSegment(prefix)
	r := &urlRule{path: compileGlob(prefix + "*"), vendor: v, category: category, pixel: pixel, source: source}
	rs := append(h.paths[seg], r)
	sort.SliceStable(rs, func(i, j int) bool { return rs[i].path.specificity() > rs[j].path.specificity() })
	h.paths[seg] = rs
}

func (h hostIndex) entry(d string) *hostEntry {
	e := h.m[d]
	if e == nil {
		e = &hostEntry{domain: d}
		h.m[d] = e
	}
	return e
}

// owner returns the vendor that owns exactly domain d.
func (h hostIndex) owner(d string) *Vendor {
	if e := h.m[d]; e != nil {
		return e.vendor
	}
	return nil
}

func (h hostIndex) addDomain(d string, v *Vendor, source string) {
	e := h.entry(d)
	e.vendor, e.source = v, source
}

func (h hostIndex) addDomainCategory(d string, v *Vendor, category, source string) {
	e := h.entry(d)
	e.vendor, e.category, e.source = v, category, source
}

func (h hostIndex) addURL(host, path string, v *Vendor, category string, pixel bool, source string) {
	e := h.entry(host)
	if !strings.HasSuffix(path, "*") {
		path += "*"
	}
	r := &urlRule{host: host, path: compileGlob(path), vendor: v, category: category, pixel: pixel, source: source}
	// Keep the most specific path first so "/tr/" wins over "/".
	i := len(e.urls)
	for i > 0 && e.urls[i-1].path.specificity() < r.path.specificity() {
		i--
	}
	e.urls = append(e.urls, nil)
	copy(e.urls[i+1:], e.urls[i:])
	e.urls[i] = r
}

// lookup finds the vendor of host with path (path and query of the URL). URL
// rules win over domain ownership; among domains the longest suffix wins.
func (h hostIndex) lookup(host, path string) (Match, bool) {
	var dom *hostEntry
	for s := host; ; {
		if e := h.m[s]; e != nil {
			for _, u := range e.urls {
				if u.path.match(path) {
					m := vendorMatch(u.vendor, u.category, false)
					m.Pixel = u.pixel
					m.Source = u.source
					m.Rule = u.host + strings.TrimSuffix(u.path.raw, "*")
					return m, true
				}
			}
			if dom == nil && e.vendor != nil {
				dom = e
			}
		}
		i := strings.IndexByte(s, '.')
		if i < 0 {
			break
		}
		s = s[i+1:]
	}
	if dom == nil {
		if len(h.paths) > 0 && len(path) > 1 {
			for _, u := range h.paths[firstSegment(path)] {
				if u.path.match(path) {
					m := vendorMatch(u.vendor, u.category, false)
					m.Pixel = u.pixel
					m.Source = u.source
					m.Rule = "*" + strings.TrimSuffix(u.path.raw, "*")
					return m, true
				}
			}
		}
		return Match{}, false
	}
	m := vendorMatch(dom.vendor, dom.category, false)
	m.Source = dom.source
	m.Rule = dom.domain
	return m, true
}

// domainVendor returns the vendor owning host by domain alone.
func (h hostIndex) domainVendor(host string) *Vendor {
	for s := host; ; {
		if e := h.m[s]; e != nil && e.vendor != nil {
			return e.vendor
		}
		i := strings.IndexByte(s, '.')
		if i < 0 {
			return nil
		}
		s = s[i+1:]
	}
}

// splitURL returns the lower-case host and the path with query of a URL
// without allocating in the common case. ok is false when there is no host.
func splitURL(raw string) (host, path string, ok bool) {
	i := strings.Index(raw, "://")
	var s string
	switch {
	case i >= 0:
		s = raw[i+3:]
	case strings.HasPrefix(raw, "//"):
		s = raw[2:]
	default:
		return "", "", false
	}
	path = "/"
	if end := strings.IndexAny(s, "/?#"); end >= 0 {
		path = s[end:]
		s = s[:end]
		if path[0] == '?' {
			path = "/" + path
		}
	}
	if f := strings.IndexByte(path, '#'); f >= 0 {
		path = path[:f]
		if path == "" {
			path = "/"
		}
	}
	if at := strings.LastIndexByte(s, '@'); at >= 0 {
		s = s[at+1:]
	}
	if strings.HasPrefix(s, "[") {
		if e := strings.IndexByte(s, ']'); e >= 0 {
			s = s[1:e]
		}
	} else if c := strings.LastIndexByte(s, ':'); c >= 0 {
		s = s[:c]
	}
	s = strings.TrimSuffix(s, ".")
	if s == "" {
		return "", "", false
	}
	return lowerASCII(s), path, true
}

// normHost lower-cases a host or cookie domain and strips a leading dot,
// a trailing dot and a port.
func normHost(h string) string {
	h = strings.TrimPrefix(strings.TrimSpace(h), ".")
	if !strings.HasPrefix(h, "[") {
		if c := strings.LastIndexByte(h, ':'); c >= 0 {
			h = h[:c]
		}
	}
	return lowerASCII(strings.TrimSuffix(h, "."))
}

// lowerASCII lower-cases s, allocating only when s has upper-case letters.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}
