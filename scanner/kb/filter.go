package kb

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"strings"
)

// filterList is a compiled adblock-style list (EasyPrivacy syntax): network
// rules `||domain^`, `|https://`, paths with `*` and `^`, `/regex/`, options
// `$third-party`, `$domain=a|~b`, resource types (`$script`, `$~image`...)
// and `@@` exceptions.
// Cosmetic rules (`##`) and rules whose options change what a match means
// (`$popup`, `$csp=`, `$redirect=`, `$removeparam=`...) are skipped.
type filterList struct {
	name     string
	category string
	block    filterSet
	allow    filterSet
	rules    int
	skipped  int
}

// filterSet indexes rules by the domain of `||domain^` rules and by one
// token every matching URL must contain; the rest are checked always.
type filterSet struct {
	byHost  map[string][]*filterRule
	byToken map[string][]*filterRule
	generic []*filterRule
}

type filterRule struct {
	raw     string
	line    int
	pattern string // lower-case, with '*' and '^' as specials
	re      *regexp.Regexp
	// anchors
	hostAnchor, startAnchor, endAnchor bool
	thirdParty                         int // 1 third-party only, -1 first-party only, 0 either
	domains, notDomains                []string
	// types is the set of resource types the rule applies to; 0 for any.
	types resourceType
	pixel bool
}

// resourceType is a set of adblock resource types, one bit each.
type resourceType uint16

const (
	typeScript resourceType = 1 << iota
	typeImage
	typeStylesheet
	typeObject
	typeXHR
	typeSubdocument
	typePing
	typeMedia
	typeFont
	typeWebsocket
	typeWebRTC
	typeOther

	typeAll = typeOther<<1 - 1
)

// filterTypeOptions maps the resource-type options of adblock syntax (and
// uBlock Origin's short forms) to their type. "all" is every type.
var filterTypeOptions = map[string]resourceType{
	"script": typeScript, "image": typeImage, "stylesheet": typeStylesheet, "css": typeStylesheet,
	"object": typeObject, "object-subrequest": typeObject, "xmlhttprequest": typeXHR, "xhr": typeXHR,
	"fetch": typeXHR, "subdocument": typeSubdocument, "frame": typeSubdocument, "ping": typePing,
	"beacon": typePing, "media": typeMedia, "font": typeFont, "websocket": typeWebsocket,
	"webrtc": typeWebRTC, "other": typeOther, "all": typeAll,
}

// filterFlagOptions are accepted and change nothing here: every rule is
// "important" to a scanner, and match-case is applied to regex rules.
var filterFlagOptions = map[string]bool{"important": true, "match-case": true}

// cdpTypes maps Chromium's DevTools Protocol resource types
// (network.ResourceType, lower-cased) to adblock resource types, as
// Chromium's extension API reports them to blockers. A frame's document is a
// subdocument; the adblock names themselves are accepted too.
var cdpTypes = func() map[string]resourceType {
	m := map[string]resourceType{
		"document": typeSubdocument, "stylesheet": typeStylesheet, "image": typeImage,
		"media": typeMedia, "font": typeFont, "script": typeScript, "texttrack": typeOther,
		"xhr": typeXHR, "fetch": typeXHR, "prefetch": typeOther, "eventsource": typeOther,
		"websocket": typeWebsocket, "manifest": typeOther, "signedexchange": typeOther,
		"ping": typePing, "cspviolationreport": typeOther, "preflight": typeOther,
		"fedcm": typeOther, "other": typeOther,
	}
	for name, t := range filterTypeOptions {
		if _, ok := m[name]; !ok && t != typeAll {
			m[name] = t
		}
	}
	return m
}()

// parseResourceType maps a CDP resource type ("Script", "XHR", "Ping"...)
// to its adblock type; "" or an unknown name gives 0, an unknown type.
func parseResourceType(s string) resourceType {
	if s == "" {
		return 0
	}
	return cdpTypes[lowerASCII(s)]
}

// parseFilterList reads an EasyPrivacy-syntax list. Unsupported rules are
// counted, not fatal: real lists use options no tool supports fully. A list
// with no usable rule at all is an error.
func parseFilterList(name string, r io.Reader) (*filterList, error) {
	fl := &filterList{
		name: name, category: filterCategory(name),
		block: newFilterSet(), allow: newFilterSet(),
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if line == 1 {
			text = strings.TrimPrefix(text, "\ufeff")
		}
		if text == "" || text[0] == '!' || text[0] == '[' || text[0] == '#' {
			continue
		}
		if strings.Contains(text, "##") || strings.Contains(text, "#@#") || strings.Contains(text, "#?#") ||
			strings.Contains(text, "#$#") || strings.Contains(text, "#%#") {
			continue // cosmetic
		}
		rule, allow, ok := compileFilter(text, line)
		if !ok {
			fl.skipped++
			continue
		}
		fl.rules++
		if allow {
			fl.allow.add(rule)
		} else {
			fl.block.add(rule)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: reading filter list: %w", name, line, err)
	}
	if fl.rules == 0 {
		return nil, fmt.Errorf("%s: no network filter rules found in %d lines (is it an adblock-style list?)", name, line)
	}
	return fl, nil
}

func filterCategory(name string) string {
	l := strings.ToLower(name)
	if strings.Contains(l, "easylist") && !strings.Contains(l, "privacy") {
		return Advertising
	}
	return Analytics
}

func newFilterSet() filterSet {
	return filterSet{byHost: map[string][]*filterRule{}, byToken: map[string][]*filterRule{}}
}

// compileFilter compiles one network rule; ok is false for rules this
// matcher does not support.
func compileFilter(text string, line int) (rule *filterRule, allow, ok bool) {
	r := &filterRule{raw: text, line: line}
	if strings.HasPrefix(text, "@@") {
		allow = true
		text = text[2:]
	}
	caseSensitive := false
	var types, notTypes resourceType
	isRegex := len(text) > 2 && text[0] == '/' && (strings.HasSuffix(text, "/") || strings.Contains(text, "/$"))
	opts := ""
	if i := strings.LastIndexByte(text, '$'); i >= 0 && i+1 < len(text) && (!isRegex || i > strings.LastIndexByte(text, '/')) {
		opts = text[i+1:]
		text = text[:i]
	}
	for _, o := range strings.Split(opts, ",") {
		o = strings.TrimSpace(strings.ToLower(o))
		neg := strings.HasPrefix(o, "~")
		base := strings.TrimPrefix(o, "~")
		switch {
		case o == "":
		case base == "third-party" || base == "3p":
			r.thirdParty = 1
			if neg {
				r.thirdParty = -1
			}
		case base == "first-party" || base == "1p":
			r.thirdParty = -1
			if neg {
				r.thirdParty = 1
			}
		case strings.HasPrefix(o, "domain="):
			for _, d := range strings.Split(o[len("domain="):], "|") {
				if strings.HasPrefix(d, "~") {
					r.notDomains = append(r.notDomains, d[1:])
				} else if d != "" {
					r.domains = append(r.domains, d)
				}
			}
		case filterTypeOptions[base] != 0:
			if neg {
				notTypes |= filterTypeOptions[base]
			} else {
				types |= filterTypeOptions[base]
			}
		case filterFlagOptions[o]:
			if o == "match-case" {
				caseSensitive = true
			}
		default:
			return nil, false, false
		}
	}
	if types|notTypes != 0 {
		// Listed types restrict the rule; negated ones are taken out of
		// the listed types, or of all types when none is listed.
		if types == 0 {
			types = typeAll
		}
		r.types = types &^ notTypes
		if r.types == 0 {
			return nil, false, false // "$script,~script" matches nothing
		}
		r.pixel = r.types&(typeImage|typePing) != 0 && r.types&^(typeImage|typePing) == 0
	}
	if isRegex {
		body := strings.TrimSuffix(text[1:], "/")
		if !caseSensitive {
			body = "(?i)" + body
		}
		re, err := regexp.Compile(body)
		if err != nil {
			return nil, false, false
		}
		r.re = re
		return r, allow, true
	}
	switch {
	case strings.HasPrefix(text, "||"):
		r.hostAnchor = true
		text = text[2:]
	case strings.HasPrefix(text, "|"):
		r.startAnchor = true
		text = text[1:]
	}
	if strings.HasSuffix(text, "|") {
		r.endAnchor = true
		text = text[:len(text)-1]
	}
	if strings.Trim(text, "*^") == "" && r.domains == nil {
		return nil, false, false // would match everything
	}
	r.pattern = strings.ToLower(text)
	return r, allow, true
}

func isTokenChar(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '%' }

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
