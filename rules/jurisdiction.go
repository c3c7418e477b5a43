package rules

import (
	"fmt"
	"sort"
	"strings"
)

// jurisdictionParent maps each known jurisdiction to the one whose rule
// settings it inherits. EU and EEA member states inherit "eu"; the United
// Kingdom (UK GDPR and PECR mirror the EU texts) inherits "eu" too; US states
// inherit "us".
var jurisdictionParent = map[string]string{
	"eu": "",
	"uk": "eu",
	"us": "",
	// EU member states.
	"at": "eu", "be": "eu", "bg": "eu", "hr": "eu", "cy": "eu", "cz": "eu", "dk": "eu",
	"ee": "eu", "fi": "eu", "fr": "eu", "de": "eu", "gr": "eu", "hu": "eu", "ie": "eu",
	"it": "eu", "lv": "eu", "lt": "eu", "lu": "eu", "mt": "eu", "nl": "eu", "pl": "eu",
	"pt": "eu", "ro": "eu", "sk": "eu", "si": "eu", "es": "eu", "se": "eu",
	// EEA members outside the EU.
	"is": "eu", "li": "eu", "no": "eu",
	// US states with comprehensive privacy laws.
	"us-ca": "us", "us-co": "us", "us-ct": "us", "us-va": "us", "us-ut": "us",
	"us-tx": "us", "us-or": "us", "us-mt": "us", "us-de": "us", "us-nj": "us",
	"us-nh": "us", "us-mn": "us", "us-md": "us",
}

// optOutStates are US jurisdictions whose law makes a browser's universal
// opt-out signal (GPC) binding: California (CCPA §1798.135, 11 CCR §7025),
// Colorado (4 CCR 904-3 Rule 5), Connecticut (CTDPA §42-520), and states
// that followed them.
var optOutStates = []string{"us-ca", "us-co", "us-ct", "us-tx", "us-or", "us-mt", "us-de", "us-nj", "us-nh", "us-mn", "us-md"}

// Jurisdictions lists the accepted --jurisdiction values, sorted.
func Jurisdictions() []string {
	out := make([]string, 0, len(jurisdictionParent))
	for j := range jurisdictionParent {
		out = append(out, j)
	}
	sort.Strings(out)
	return out
}

// CheckJurisdiction returns an error naming the accepted values when j is
// not a known jurisdiction.
func CheckJurisdiction(j string) error {
	if _, ok := jurisdictionParent[strings.ToLower(j)]; ok {
		return nil
	}
	return fmt.Errorf("unknown jurisdiction %q (want one of %s)", j, strings.Join(Jurisdictions(), ", "))
}

// SeverityIn returns the rule's severity in jurisdiction j, or "off" when the
// rule does not apply there. Unknown jurisdictions get the default.
func (r Rule) SeverityIn(j string) string {
	j = strings.ToLower(j)
	for j != "" {
		if s, ok := r.Jurisdictions[j]; ok {
			return s
		}
		j = jurisdictionParent[j]
	}
	return r.Severity
}

// isOptOutState reports whether GPC is a binding opt-out in j.
func isOptOutState(j string) bool {
	return containsStr(optOutStates, strings.ToLower(j))
}

// Off in Rule.Jurisdictions (and in the configuration) disables a rule.
const Off = "off"

// usAll sets every US jurisdiction (the "us" group) to s.
func usAll(s string) map[string]string { return map[string]string{"us": s} }

// with adds entries to a jurisdiction map.
func with(m map[string]string, kv ...string) map[string]string {
	if m == nil {
		m = map[string]string{}
	}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return m
}
