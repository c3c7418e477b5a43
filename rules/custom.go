package rules

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/privacyscan/privacyscan/scanner/model"
)

// CheckConfig reports rule ids in the configuration that name no rule, and
// custom rules that reuse a built-in id. Errors are *model.ConfigError values
// naming file and line; internal/config.Load reads the file.
func CheckConfig(cfg *model.Config) error {
	if cfg == nil {
		return nil
	}
	known := map[string]bool{}
	for _, r := range registry() {
		known[r.ID] = true
	}
	var errs []error
	bad := func(line int, format string, args ...any) {
		errs = append(errs, &model.ConfigError{File: cfg.Path, Line: line, Msg: fmt.Sprintf(format, args...)})
	}
	for _, cr := range cfg.CustomRules {
		if known[cr.ID] {
			bad(cr.Line, "custom rule %s: the id is a built-in rule's; choose another", cr.ID)
		}
		known[cr.ID] = true
	}
	ids := make([]string, 0, len(cfg.Rules))
	for id := range cfg.Rules {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		if !known[id] {
			bad(cfg.Rules[id].Line, "rules.%s: no such rule%s", id, suggest(id, known))
		}
	}
	for i, s := range cfg.Suppressions {
		if s.Rule != "*" && !known[s.Rule] {
			bad(s.Line, "suppressions[%d]: no such rule %q%s", i, s.Rule, suggest(s.Rule, known))
		}
	}
	sort.SliceStable(errs, func(i, j int) bool {
		return errs[i].(*model.ConfigError).Line < errs[j].(*model.ConfigError).Line
	})
	return errors.Join(errs...)
}

// suggest names the closest rule id when a typo is likely.
func suggest(id string, known map[string]bool) string {
	best, bestD := "", 4
	for k := range known {
		if d := editDistance(id, k); d < bestD || (d == bestD && k < best) {
			best, bestD = k, d
		}
	}
	if best == "" {
		return " (privacyscan rules lists them)"
	}
	return fmt.Sprintf(" (did you mean %s?)", best)
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

// customRule turns a configured declarative rule into a Rule.
func customRule(cr model.CustomRule) Rule {
	r := Rule{ID: cr.ID, Title: cr.Title, Severity: cr.Severity, Custom: true,
		Rationale: "Defined in the site's configuration.", References: []string{},
		Remediation: "See the site's own policy for this rule."}
	if cr.IsHostRule() {
		r.check = func(c *evalContext) []model.Finding { return c.customHost(cr) }
	} else {
		r.check = func(c *evalContext) []model.Finding { return c.customCookie(cr) }
	}
	return r
}

// customHost reports requests to the rule's host in the phases it forbids.
func (c *evalContext) customHost(cr model.CustomRule) []model.Finding {
	var out []model.Finding
	for _, ph := range cr.Never {
		p := c.phase(ph)
		if p == nil {
			continue
		}
		var reqs []model.Request
		for _, r := range p.Requests {
			if model.MatchHost(cr.Host, hostOf(r)) {
				reqs = append(reqs, r)
			}
		}
		if len(reqs) == 0 {
			continue
		}
		name := reqs[0].Vendor
		if name == "" {
			name = hostOf(reqs[0])
		}
		out = append(out, model.Finding{
			Phase:    ptr(ph),
			Subject:  cr.Host + "@" + ph,
			Message:  fmt.Sprintf("%s contacted in phase %s, which the site's rule forbids%s", label(name, reqs[0].Category), ph, onPages(pagesOf(reqs))),
			Evidence: requestEvidence(reqs),
		})
	}
	return out
}

// customCookie reports cookies matching the rule's pattern that lack a
// required attribute or ask for too long a lifetime, once per cookie over
// all phases.
func (c *evalContext) customCookie(cr model.CustomRule) []model.Finding {
	var out []model.Finding
	seen := map[string]bool{}
	for _, ph := range model.AllPhases {
		p := c.phase(ph)
		if p == nil {
			continue
		}
		for _, ck := range p.Cookies {
			if !model.MatchGlob(cr.Cookie, ck.Name) || (cr.Domain != "" && !model.MatchHost(cr.Domain, ck.Domain)) {
				continue
			}
			var missing []string
			for _, q := range cr.Require {
				switch q {
				case "secure":
					if !ck.Secure {
						missing = append(missing, "Secure")
					}
				case "http_only":
					if !ck.HTTPOnly {
						missing = append(missing, "HttpOnly")
					}
				case "same_site":
					if ck.SameSite == "" || strings.EqualFold(ck.SameSite, "None") {
						missing = append(missing, "SameSite=Lax or Strict")
					}
				}
			}
			if cr.MaxLifetimeDays > 0 && ck.LifetimeDays > cr.MaxLifetimeDays {
				missing = append(missing, fmt.Sprintf("a lifetime of at most %s days (asks %s)", trimFloat(cr.MaxLifetimeDays), trimFloat(ck.LifetimeDays)))
			}
			key := cookieSubject(ck)
			if len(missing) == 0 || seen[key] {
				continue
			}
			seen[key] = true
			out = append(out, model.Finding{
				Phase:    ptr(ph),
				Subject:  key,
				Message:  fmt.Sprintf("Cookie %s on %s lacks %s", ck.Name, strings.TrimPrefix(ck.Domain, "."), strings.Join(missing, ", ")),
				Evidence: []model.Evidence{cookieEvidence(ck, ck.Page)},
			})
		}
	}
	return out
}
