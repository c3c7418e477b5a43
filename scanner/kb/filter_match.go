package kb

import (
	"fmt"
	"strings"
)

func (fs *filterSet) add(r *filterRule) {
	if r.re != nil {
		fs.generic = append(fs.generic, r)
		return
	}
	if r.hostAnchor {
		end := strings.IndexAny(r.pattern, "^/*|?:")
		host := r.pattern
		if end >= 0 {
			host = r.pattern[:end]
		}
		if host != "" && domainRe.MatchString(host) && (end < 0 || r.pattern[end] != '*') {
			fs.byHost[host] = append(fs.byHost[host], r)
			return
		}
	}
	if tok := bestToken(r); tok != "" {
		fs.byToken[tok] = append(fs.byToken[tok], r)
		return
	}
	fs.generic = append(fs.generic, r)
}

// bestToken picks the longest run of token characters that every matching
// URL must contain as a whole token: bounded on both sides by a non-token
// character of the pattern (not '*'), or by an anchor.
func bestToken(r *filterRule) string {
	p := r.pattern
	best := ""
	for i := 0; i < len(p); {
		if !isTokenChar(p[i]) {
			i++
			continue
		}
		j := i
		for j < len(p) && isTokenChar(p[j]) {
			j++
		}
		leftOK := (i == 0 && (r.startAnchor || r.hostAnchor)) || (i > 0 && p[i-1] != '*')
		rightOK := (j == len(p) && r.endAnchor) || (j < len(p) && p[j] != '*')
		if leftOK && rightOK && j-i > len(best) && j-i >= 2 {
			best = p[i:j]
		}
		i = j
	}
	return best
}

// match finds a rule of fs matching url (lower-case), whose host is host.
func (fs *filterSet) match(url, host string, tokens []string, ctx *filterCtx) *filterRule {
	for s := host; ; {
		for _, r := range fs.byHost[s] {
			if r.matches(url, host, ctx) {
				return r
			}
		}
		i := strings.IndexByte(s, '.')
		if i < 0 {
			break
		}
		s = s[i+1:]
	}
	for _, t := range tokens {
		for _, r := range fs.byToken[t] {
			if r.matches(url, host, ctx) {
				return r
			}
		}
	}
	for _, r := range fs.generic {
		if r.matches(url, host, ctx) {
			return r
		}
	}
	return nil
}

// filterCtx is the page context, computed once per request.
type filterCtx struct {
	pageHost   string
	thirdParty int          // 1 third, -1 first, 0 unknown
	rtype      resourceType // the request's type, 0 when unknown
}

func (r *filterRule) matches(url, host string, ctx *filterCtx) bool {
	if r.thirdParty != 0 && ctx.thirdParty != 0 && r.thirdParty != ctx.thirdParty {
		return false
	}
	// A request of unknown type matches whatever types the rule names.
	if r.types != 0 && ctx.rtype != 0 && r.types&ctx.rtype == 0 {
		return false
	}
	if len(r.domains) > 0 && !hostInAny(ctx.pageHost, r.domains) {
		return false
	}
	if len(r.notDomains) > 0 && hostInAny(ctx.pageHost, r.notDomains) {
		return false
	}
	if r.re != nil {
		return r.re.MatchString(url)
	}
	switch {
	case r.hostAnchor:
		// The pattern starts at the host or after any dot in it.
		start := strings.Index(url, "://")
		if start < 0 {
			return false
		}
		start += 3
		if at := strings.Index(url[start:], host); at >= 0 {
			start += at
		}
		for i := start; i < start+len(host); i++ {
			if (i == start || url[i-1] == '.') && globMatch(r.pattern, url[i:], r.endAnchor) {
				return true
			}
		}
		return false
	case r.startAnchor:
		return globMatch(r.pattern, url, r.endAnchor)
	default:
		lit := leadingLiteral(r.pattern)
		for i := 0; i <= len(url); i++ {
			if lit != "" {
				j := strings.Index(url[i:], lit)
				if j < 0 {
					return false
				}
				i += j
			}
			if globMatch(r.pattern, url[i:], r.endAnchor) {
				return true
			}
		}
		return false
	}
}

func leadingLiteral(p string) string {
	if i := strings.IndexAny(p, "*^"); i >= 0 {
		return p[:i]
	}
	return p
}

func hostInAny(host string, domains []string) bool {
	if host == "" {
		return false
	}
	for _, d := range domains {
		if host == d || (strings.HasSuffix(host, d) && host[len(host)-len(d)-1] == '.') {
			return true
		}
	}
	return false
}

// isSeparator is the adblock '^': anything but a letter, digit or one of
// "_-.%".
func isSeparator(c byte) bool {
	return !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.' || c == '%')
}

// globMatch matches adblock pattern p at the start of s; with end, s must be
// used up.
func globMatch(p, s string, end bool) bool {
	for len(p) > 0 {
		switch p[0] {
		case '*':
			for len(p) > 0 && p[0] == '*' {
				p = p[1:]
			}
			if len(p) == 0 {
				return true
			}
			lit := leadingLiteral(p)
			for i := 0; i <= len(s); i++ {
				if lit != "" {
					j := strings.Index(s[i:], lit)
					if j < 0 {
						return false
					}
					i += j
				}
				if globMatch(p, s[i:], end) {
					return true
				}
			}
			return false
		case '^':
			if len(s) == 0 {
				p = p[1:]
				continue
			}
			if !isSeparator(s[0]) {
				return false
			}
			p, s = p[1:], s[1:]
		default:
			if len(s) == 0 || s[0] != p[0] {
				return false
			}
			p, s = p[1:], s[1:]
		}
	}
	return !end || len(s) == 0
}

// urlTokens splits a lower-case URL into runs of token characters.
func urlTokens(url string, buf []string) []string {
	for i := 0; i < len(url); {
		if !isTokenChar(url[i]) {
			i++
			continue
		}
		j := i
		for j < len(url) && isTokenChar(url[j]) {
			j++
		}
		if j-i >= 2 {
			buf = append(buf, url[i:j])
		}
		i = j
	}
	return buf
}

// matchFilters checks the URL against every filter list: the first list
// with a blocking rule not overridden by an exception wins. rtype is the
// request's type, 0 when unknown.
func (db *DB) matchFilters(rawURL, host, pageURL string, rtype resourceType) (Match, bool) {
	url := lowerASCII(rawURL)
	ctx := filterCtx{rtype: rtype}
	if ph, _, ok := splitURL(pageURL); ok {
		ctx.pageHost = ph
		if registrable(ph) == registrable(host) {
			ctx.thirdParty = -1
		} else {
			ctx.thirdParty = 1
		}
	}
	var arr [48]string
	tokens := urlTokens(url, arr[:0])
	for _, fl := range db.filters {
		r := fl.block.match(url, host, tokens, &ctx)
		if r == nil || fl.allow.match(url, host, tokens, &ctx) != nil {
			continue
		}
		// A typed request is a pixel when it is an image or a beacon; an
		// untyped one when the rule only blocks images and beacons.
		pixel := r.pixel
		if rtype != 0 {
			pixel = rtype&(typeImage|typePing) != 0
		}
		return Match{
			Category: fl.category,
			Pixel:    pixel,
			Source:   fmt.Sprintf("%s:%d", fl.name, r.line),
			Rule:     r.raw,
		}, true
	}
	return Match{}, false
}
