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
