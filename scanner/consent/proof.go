package consent

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/privacyscan/privacyscan/scanner/model"
)

// This file proves a choice: what the page exposes after accept or reject
// (TCF, GPP, Google Consent Mode, the platform's own consent record) is
// read as purposes granted and denied, and compared with the choice.

// necessaryName recognises a strictly necessary purpose, category or
// service, which stays on after a reject.
var necessaryName = regexp.MustCompile(`(?i)^(c0001|necessary|strictly.?necessary|essential|required|technical|technically_required|security_storage|functionality_storage|mandatory)$|necessar|essentiel|notwendig|erforderlich`)

// recordFormats are the consent records whose format is known: cookie or
// localStorage names and how to read them.
var recordFormats = []struct {
	name   *regexp.Regexp
	format string
	parse  func(value string) (granted, denied []string, ok bool)
}{
	{regexp.MustCompile(`^CookieConsent$`), "cookiebot", parseCookiebot},
	{regexp.MustCompile(`^OptanonConsent$`), "onetrust", parseOptanon},
	{regexp.MustCompile(`^cc_cookie$`), "vanilla-cookieconsent", parseCCCookie},
	{regexp.MustCompile(`^(klaro|orejime|eu-consent|axeptio_cookies)$`), "json-map", parseJSONMap},
	{regexp.MustCompile(`^cookieconsent_status$`), "osano-cookieconsent", parseStatus},
	{regexp.MustCompile(`^cookie-consent-tracking-allowed$`), "cookie-consent-js", parseStatus},
	{regexp.MustCompile(`^cookies_accepted_categories$`), "porsche-cookie-consent-banner", parseCategoryList},
	{regexp.MustCompile(`^tarteaucitron$`), "tarteaucitron", parseTarteaucitron},
	{regexp.MustCompile(`^cookieyes-consent$`), "cookieyes", parseCookieYes},
	{regexp.MustCompile(`^cmplz_(marketing|statistics|preferences)$`), "complianz", nil},
	{regexp.MustCompile(`^\.CookiePreferences$`), "storm-cookie-banner", parseStormPreferences},
}

// recordNamesJS is the pattern the page script reads cookies and storage
// keys with.
const recordNamesJS = `^(CookieConsent|OptanonConsent|cc_cookie|klaro|orejime|eu-consent|axeptio_cookies|cookieconsent_status|cookie-consent-tracking-allowed|cookies_accepted_categories|tarteaucitron|cookieyes-consent|cmplz_(marketing|statistics|preferences)|\.CookiePreferences)$`

// rawRecord is a cookie or storage item the page script read.
type rawRecord struct {
	Name  string `json:"name"`
	Value string `json:"value"`
	// Where is "cookie", "localStorage" or "sessionStorage".
	Where string `json:"where,omitempty"`
}

// readRecords turns the raw records into states; values are not kept.
// Items of no known format are read by readGenericRecords.
func readRecords(raw []rawRecord) []model.ConsentRecordState {
	return readRecordsAfter(raw, nil)
}

// readRecordsAfter is readRecords that also reads, as a record of unknown
// format, an item named in appeared (the cookies and storage keys that
// appeared because of the click) whose name gives no hint.
func readRecordsAfter(raw []rawRecord, appeared []string) []model.ConsentRecordState {
	var out []model.ConsentRecordState
	var cmplz *model.ConsentRecordState
	for _, r := range raw {
		for _, f := range recordFormats {
			if !f.name.MatchString(r.Name) {
				continue
			}
			v := r.Value
			if u, err := url.QueryUnescape(v); err == nil {
				v = u
			}
			if f.parse == nil { // complianz: one cookie per category
				if cmplz == nil {
					cmplz = &model.ConsentRecordState{Name: "cmplz_*", Format: f.format}
				}
				cat := strings.TrimPrefix(r.Name, "cmplz_")
				switch v {
				case "allow":
					cmplz.Granted = append(cmplz.Granted, cat)
				case "deny":
					cmplz.Denied = append(cmplz.Denied, cat)
				}
				break
			}
			g, d, ok := f.parse(v)
			if !ok {
				break
			}
			g, d = nonNecessary(g), nonNecessary(d)
			sort.Strings(g)
			sort.Strings(d)
			out = append(out, model.ConsentRecordState{Name: r.Name, Format: f.format, Granted: g, Denied: d})
			break
		}
	}
	if cmplz != nil && len(cmplz.Granted)+len(cmplz.Denied) > 0 {
		cmplz.Granted, cmplz.Denied = nonNecessary(cmplz.Granted), nonNecessary(cmplz.Denied)
		out = append(out, *cmplz)
	}
	out = append(out, readGenericRecords(raw, appeared)...)
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// nonNecessary drops necessary names and never returns nil.
func nonNecessary(names []string) []string {
	out := []string{}
	for _, n := range names {
		if n != "" && !necessaryName.MatchString(n) && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

var cookiebotPair = regexp.MustCompile(`(\w+)\s*:\s*(true|false)`)

// parseCookiebot reads Cookiebot's CookieConsent:
// {stamp:'…',necessary:true,preferences:false,statistics:false,marketing:false,…}.
func parseCookiebot(v string) (g, d []string, ok bool) {
	if v == "-1" { // Cookiebot's "no consent needed here"
		return nil, nil, false
	}
	for _, m := range cookiebotPair.FindAllStringSubmatch(v, -1) {
		switch m[1] {
		case "necessary", "preferences", "statistics", "marketing":
			if m[2] == "true" {
				g = append(g, m[1])
			} else {
				d = append(d, m[1])
			}
		}
	}
	return g, d, len(g)+len(d) > 0
}

// parseOptanon reads OneTrust's OptanonConsent query string:
// groups=C0001:1,C0002:0,…
func parseOptanon(v string) (g, d []string, ok bool) {
	q, err := url.ParseQuery(v)
	if err != nil || q.Get("groups") == "" {
		return nil, nil, false
	}
	for _, p := range strings.Split(q.Get("groups"), ",") {
		id, st, found := strings.Cut(p, ":")
		if !found {
			continue
		}
		switch st {
		case "1":
			g = append(g, id)
		case "0":
			d = append(d, id)
		}
	}
	return g, d, len(g)+len(d) > 0
}

// parseCCCookie reads vanilla-cookieconsent's cc_cookie: v3 lists the
// accepted "categories", v2 the accepted "level"; what is off is not listed.
func parseCCCookie(v string) (g, d []string, ok bool) {
	var c struct {
		Categories []string `json:"categories"`
		Level      []string `json:"level"`
	}
	if json.Unmarshal([]byte(v), &c) != nil {
		return nil, nil, false
	}
	if c.Categories == nil && c.Level == nil {
		return nil, nil, false
	}
	return append(c.Categories, c.Level...), nil, true
}

// parseJSONMap reads a JSON object of purpose or service → boolean (klaro,
// orejime, axeptio); keys starting with $ or _ are metadata.
func parseJSONMap(v string) (g, d []string, ok bool) {
	var m map[string]any
	if json.Unmarshal([]byte(v), &m) != nil {
		return nil, nil, false
	}
	for k, val := range m {
		if strings.HasPrefix(k, "$") || strings.HasPrefix(k, "_") {
			continue
		}
		if b, isBool := val.(bool); isBool {
			if b {
				g = append(g, k)
			} else {
				d = append(d, k)
			}
		}
	}
	return g, d, len(g)+len(d) > 0
}

// parseStatus reads a record of one yes-or-no choice over tracking:
// Osano's cookieconsent_status (allow, deny; dismiss for an informational
// banner) and cookie-consent-js's tracking-allowed (true, false).
func parseStatus(v string) (g, d []string, ok bool) {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "allow", "true", "yes":
		return []string{"tracking"}, nil, true
	case "deny", "false", "no":
		return nil, []string{"tracking"}, true
	}
	return nil, nil, false
}

// parseCategoryList reads a list of accepted categories, as a JSON array or
// separated by commas; what is off is not listed.
func parseCategoryList(v string) (g, d []string, ok bool) {
	var list []string
	if json.Unmarshal([]byte(v), &list) != nil {
		for _, p := range strings.Split(v, ",") {
			if p = strings.TrimSpace(p); p != "" {
				list = append(list, p)
			}
		}
	}
	return list, nil, true
}

// parseTarteaucitron reads "!service=true!other=false".
func parseTarteaucitron(v string) (g, d []string, ok bool) {
	for _, p := range strings.Split(v, "!") {
		k, st, found := strings.Cut(p, "=")
		if !found || k == "" {
			continue
		}
		switch st {
		case "true":
			g = append(g, k)
		case "false":
			d = append(d, k)
		}
	}
	return g, d, len(g)+len(d) > 0
}

// parseCookieYes reads "consentid:…,consent:yes,necessary:yes,analytics:no,…".
func parseCookieYes(v string) (g, d []string, ok bool) {
	for _, p := range strings.Split(v, ",") {
		k, st, found := strings.Cut(p, ":")
		if !found || k == "consentid" || k == "consent" || k == "action" || k == "rev" {
			continue
		}
		switch st {
		case "yes":
			g = append(g, k)
		case "no":
			d = append(d, k)
		}
	}
	return g, d, len(g)+len(d) > 0
}

// tcfPurposes lists a TC string's purposes as granted and denied (1..11).
func tcfPurposes(t *model.TCString) (g, d []string) {
	g, d = []string{}, []string{}
	for p := 1; p <= 11; p++ {
		name := fmt.Sprintf("purpose %d", p)
		if slices.Contains(t.Purposes, p) {
			g = append(g, name)
		} else {
			d = append(d, name)
		}
	}
	return g, d
}

// consentModeKinds are the Consent Mode types a choice decides.
var consentModeKinds = []string{"ad_storage", "analytics_storage", "ad_user_data", "ad_personalization", "personalization_storage"}

// Prove judges whether action took effect from the signals read after it;
// nil when the page exposed nothing readable.
func Prove(action model.ConsentAction, sig *model.Signals) *model.ChoiceEffect {
	if sig == nil || action == Detect {
		return nil
	}
	var ev []model.ChoiceEvidence
	add := func(source string, g, d []string, detail string) {
		g, d = nonNecessary(g), nonNecessary(d)
		ev = append(ev, model.ChoiceEvidence{Source: source, Granted: g, Denied: d, Agrees: agrees(action, g, d), Detail: detail})
	}
	if t := sig.TCF; t != nil && t.Decoded != nil {
		g, d := tcfPurposes(t.Decoded)
		add("tcf", g, d, fmt.Sprintf("TC string of CMP %d: %d of 11 purposes consented, %d vendors", t.Decoded.CMPID, len(t.Decoded.Purposes), len(t.Decoded.Vendors)))
	}
	if gp := sig.GPP; gp != nil && gp.Decoded != nil {
		for _, s := range gp.Decoded.Sections {
			switch {
			case s.TCF != nil:
				g, d := tcfPurposes(s.TCF)
				add("gpp:tcfeuv2", g, d, fmt.Sprintf("GPP tcfeuv2 section: %d of 11 purposes consented", len(s.TCF.Purposes)))
			case s.USNat != nil:
				var g, d []string
				for _, o := range []struct {
					name string
					v    int
				}{{"sale", s.USNat.SaleOptOut}, {"sharing", s.USNat.SharingOptOut}, {"targeted advertising", s.USNat.TargetedAdvertisingOptOut}} {
					switch o.v {
					case 1:
						d = append(d, o.name)
					case 2:
						g = append(g, o.name)
					}
				}
				if len(g)+len(d) > 0 {
					add("gpp:usnat", g, d, fmt.Sprintf("GPP usnat section: opted out of %s", orNone(d)))
				}
			case s.USP != nil:
				switch s.USP.OptOutSale {
				case "Y":
					add("gpp:uspv1", nil, []string{"sale"}, "GPP uspv1 section: opted out of sale")
				case "N":
					add("gpp:uspv1", []string{"sale"}, nil, "GPP uspv1 section: not opted out of sale")
				}
			}
		}
	}
	if cm := sig.ConsentMode; cm != nil {
		var g, d []string
		for _, k := range consentModeKinds {
			switch cm.Granted(k) {
			case "granted":
				g = append(g, k)
			case "denied":
				d = append(d, k)
			}
		}
		if len(g)+len(d) > 0 {
			from := "the default (no update after the choice)"
			if len(cm.Update) > 0 {
				from = "the update after the choice"
			}
			add("consent-mode", g, d, "Google Consent Mode, "+from)
		}
	}
	for _, r := range sig.Records {
		if genericFormat(r.Format) {
			add("record-generic:"+r.Name, r.Granted, r.Denied, fmt.Sprintf("consent record %s of no known format, %s; the categories were inferred from its name and value", r.Name, strings.TrimPrefix(r.Format, "inferred: ")))
			continue
		}
		add("record:"+r.Name, r.Granted, r.Denied, fmt.Sprintf("%s consent record %s", r.Format, r.Name))
	}
	if len(ev) == 0 {
		return nil
	}
	eff := &model.ChoiceEffect{Effective: true, Evidence: ev}
	for _, e := range ev {
		eff.Effective = eff.Effective && e.Agrees
	}
	return eff
}

// agrees tells whether a source's granted and denied purposes agree with
// the choice: an accept grants something; a reject grants nothing, or
// denies something (a service the site marks required may stay on). A
// reject after which everything is granted does not agree.
func agrees(action model.ConsentAction, granted, denied []string) bool {
	if action == Accept {
		return len(granted) > 0
	}
	return len(granted) == 0 || len(denied) > 0
}

func orNone(s []string) string {
	if len(s) == 0 {
		return "nothing"
	}
	return strings.Join(s, ", ")
}

// parseStormPreferences reads @stormid/cookie-banner's .CookiePreferences:
// base64 of {"consent":{type: 1 or 0}}.
func parseStormPreferences(v string) (g, d []string, ok bool) {
	raw, err := base64.StdEncoding.DecodeString(strings.TrimSpace(v))
	if err != nil {
		return nil, nil, false
	}
	var rec struct {
		Consent map[string]any `json:"consent"`
	}
	if json.Unmarshal(raw, &rec) != nil {
		return nil, nil, false
	}
	for k, val := range rec.Consent {
		switch val {
		case 1.0, true:
			g = append(g, k)
		case 0.0, false:
			d = append(d, k)
		}
	}
	slices.Sort(g)
	slices.Sort(d)
	return g, d, len(g)+len(d) > 0
}
