package reports

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/privacyscan/privacyscan/scanner/model"
)

// A cookie declaration is what a merchant publishes in its cookie policy:
// every cookie and storage key the site sets, who sets it, what for, for how
// long. This one is derived from observation, not declared: every cookie and
// storage key seen in any phase, with the phases and pages where it showed.

// Declaration is the cookie declaration of a report, one entry per site.
type Declaration struct {
	// Format names the document ("privacyscan-cookie-declaration"), Version
	// its version.
	Format  string            `json:"format"`
	Version int               `json:"version"`
	Tool    model.Tool        `json:"tool"`
	Scanned string            `json:"scanned_at"`
	Sites   []SiteDeclaration `json:"sites"`
}

// SiteDeclaration is one site's declaration.
type SiteDeclaration struct {
	URL string `json:"url"`
	// NotScanned says why the site has no entries when it was not scanned:
	// an empty declaration must not pass for a site that sets nothing.
	NotScanned string `json:"not_scanned,omitempty"`
	// Errors are the scan's problems with a site that was not scanned.
	Errors  []string           `json:"errors,omitempty"`
	Entries []DeclarationEntry `json:"entries"`
}

// Declaration entry types.
const (
	DeclCookie  = "cookie"
	DeclLocal   = "localStorage"
	DeclSession = "sessionStorage"
)

// DeclarationEntry is one cookie or storage key.
type DeclarationEntry struct {
	// Type is cookie, localStorage or sessionStorage.
	Type string `json:"type"`
	Name string `json:"name"`
	// Domain is the cookie's domain, or the storage key's origin host.
	Domain string `json:"domain"`
	// Provider is the vendor behind it, or the site itself for an
	// unattributed first-party entry; empty when unknown.
	Provider string `json:"provider"`
	VendorID string `json:"vendor_id,omitempty"`
	Category string `json:"category"`
	// Purpose is the knowledge base's word when it has one, else a
	// sentence derived from the category (PurposeSource says which).
	Purpose       string `json:"purpose"`
	PurposeSource string `json:"purpose_source"`
	// LifetimeDays is the longest lifetime the site asked for (cookies);
	// Session is true for a session cookie or sessionStorage.
	LifetimeDays float64 `json:"lifetime_days"`
	Session      bool    `json:"session"`
	// Lifetime is the lifetime in words ("session", "13 months", "persistent
	// until cleared").
	Lifetime string `json:"lifetime"`
	Party    string `json:"party"`
	// Guess is true when the category is inferred rather than known.
	Guess  bool     `json:"guess,omitempty"`
	Phases []string `json:"phases"`
	Pages  []string `json:"pages"`
}

// categoryPurpose says what an entry of a category is for when the
// knowledge base names no purpose: the category's own description.
func categoryPurpose(c string) string {
	if c == model.CategoryUnknown {
		return ""
	}
	for _, ci := range model.Categories() {
		if ci.Name == c {
			return strings.ToUpper(ci.Description[:1]) + ci.Description[1:] + " (from its category)."
		}
	}
	return ""
}

// BuildDeclaration derives the cookie declaration of a report.
func BuildDeclaration(r *model.Report) *Declaration {
	d := &Declaration{Format: "privacyscan-cookie-declaration", Version: 1, Tool: r.Tool, Scanned: r.StartedAt, Sites: []SiteDeclaration{}}
	for i, s := range r.Sites {
		sd := SiteDeclaration{URL: siteName(s, i), NotScanned: notScanned(s), Entries: []DeclarationEntry{}}
		if s.Site != nil {
			sd.Entries = siteDeclaration(s.Site)
			if sd.NotScanned != "" {
				sd.Errors = s.Errors
			}
		}
		d.Sites = append(d.Sites, sd)
	}
	return d
}

// siteDeclaration lists a site's cookies and storage keys.
func siteDeclaration(s *model.Site) []DeclarationEntry {
	type acc struct {
		e      DeclarationEntry
		phases map[string]bool
		pages  []string
	}
	byKey := map[string]*acc{}
	var order []string
	add := func(key, phase, page string, e DeclarationEntry) *acc {
		a := byKey[key]
		if a == nil {
			a = &acc{e: e, phases: map[string]bool{}}
			byKey[key] = a
			order = append(order, key)
		}
		a.phases[phase] = true
		if page != "" && !slices.Contains(a.pages, page) {
			a.pages = append(a.pages, page)
		}
		return a
	}
	parties := hostParties(s)
	siteHost := hostOf(s.FinalURL)
	if siteHost == "" {
		siteHost = hostOf(s.URL)
	}
	for _, ph := range phasesOf(s) {
		p := s.Phases[ph]
		if p == nil {
			continue
		}
		for _, c := range p.Cookies {
			dom := strings.TrimPrefix(c.Domain, ".")
			key := "c\x00" + c.Name + "\x00" + dom + "\x00" + c.Path
			a := add(key, ph, c.Page, DeclarationEntry{Type: DeclCookie, Name: c.Name, Domain: dom, Provider: c.Vendor,
				VendorID: c.VendorID, Category: c.Category, Purpose: c.Purpose, Party: c.Party, Guess: c.Guess})
			if c.Session {
				a.e.Session = true
			}
			if c.LifetimeDays > a.e.LifetimeDays {
				a.e.LifetimeDays = c.LifetimeDays
			}
			fill(&a.e, c.Vendor, c.VendorID, c.Category, c.Purpose)
		}
		for _, it := range p.Storage {
			typ := DeclLocal
			if it.Type == "session" {
				typ = DeclSession
			}
			host := hostOf(it.Origin)
			if host == "" {
				host = it.Origin
			}
			key := "s\x00" + typ + "\x00" + it.Key + "\x00" + host
			party := parties[host]
			if party == "" {
				party = partyByHost(host, siteHost)
			}
			a := add(key, ph, it.Page, DeclarationEntry{Type: typ, Name: it.Key, Domain: host, Provider: it.Vendor,
				VendorID: it.VendorID, Category: it.Category, Purpose: it.Purpose, Party: party, Session: typ == DeclSession})
			fill(&a.e, it.Vendor, it.VendorID, it.Category, it.Purpose)
		}
	}
	out := make([]DeclarationEntry, 0, len(order))
	for _, k := range order {
		a := byKey[k]
		e := a.e
		for _, ph := range model.AllPhases {
			if a.phases[ph] {
				e.Phases = append(e.Phases, ph)
			}
		}
		e.Pages = a.pages
		if e.Pages == nil {
			e.Pages = []string{}
		}
		if e.Category == "" {
			e.Category = model.CategoryUnknown
		}
		if e.Provider == "" && e.Party == model.PartyFirst {
			e.Provider = siteHost
		}
		e.PurposeSource = "knowledge-base"
		if e.Purpose == "" {
			e.PurposeSource = "category"
			e.Purpose = categoryPurpose(e.Category)
			if e.Purpose == "" {
				e.PurposeSource = "none"
				e.Purpose = "Unknown: the knowledge base does not know it."
			}
		}
		e.Lifetime = lifetimeWords(e)
		out = append(out, e)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Party != b.Party {
			return a.Party == model.PartyFirst
		}
		if ra, rb := categoryRank(a.Category), categoryRank(b.Category); ra != rb {
			return ra < rb
		}
		if a.Type != b.Type {
			return a.Type < b.Type
		}
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		return a.Domain < b.Domain
	})
	return out
}

// fill completes an entry from a later sighting that knows more.
func fill(e *DeclarationEntry, vendor, id, category, purpose string) {
	if e.Provider == "" {
		e.Provider, e.VendorID = vendor, id
	}
	if (e.Category == "" || e.Category == model.CategoryUnknown) && category != "" {
		e.Category = category
	}
	if e.Purpose == "" {
		e.Purpose = purpose
	}
}

// categoryRank orders categories as a declaration lists them.
func categoryRank(c string) int {
	for i, v := range []string{model.CategoryEssential, model.CategoryFunctional, model.CategoryAnalytics, model.CategoryAdvertising, model.CategorySocial} {
		if v == model.BaseCategory(c) {
			return i
		}
	}
	return 9
}

// lifetimeWords says an entry's lifetime in words.
func lifetimeWords(e DeclarationEntry) string {
	switch {
	case e.Type == DeclLocal:
		return "persistent until cleared"
	case e.Type == DeclSession:
		return "session"
	case e.Session || e.LifetimeDays <= 0:
		return "session"
	case e.LifetimeDays < 1:
		h := int(e.LifetimeDays*24 + 0.5)
		if h < 1 {
			return "less than an hour"
		}
		return unitPlural(h, "hour")
	case e.LifetimeDays < 60:
		return unitPlural(int(e.LifetimeDays+0.5), "day")
	case e.LifetimeDays < 730:
		return unitPlural(int(e.LifetimeDays/30.4+0.5), "month")
	}
	return unitPlural(int(e.LifetimeDays/365+0.5), "year")
}

func unitPlural(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return strconv.Itoa(n) + " " + unit + "s"
}

// hostParties maps each host requests went to onto their party, as the
// scanner judged it (first-party domains of the configuration included).
func hostParties(s *model.Site) map[string]string {
	m := map[string]string{}
	for _, p := range s.Phases {
		if p == nil {
			continue
		}
		for _, r := range p.Requests {
			if r.Host != "" && r.Party != "" {
				m[r.Host] = r.Party
			}
		}
	}
	return m
}

// partyByHost judges a host no request went to: the site's host, or one
// sharing its last two labels, is first party.
func partyByHost(host, site string) string {
	if host == "" || site == "" {
		return model.PartyThird
	}
	if host == site || strings.HasSuffix(host, "."+site) || strings.HasSuffix(site, "."+host) {
		return model.PartyFirst
	}
	if base(host) == base(site) {
		return model.PartyFirst
	}
	return model.PartyThird
}

func base(h string) string {
	parts := strings.Split(h, ".")
	if len(parts) > 2 {
		parts = parts[len(parts)-2:]
	}
	return strings.Join(parts, ".")
}

func hostOf(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return ""
	}
	return p.Hostname()
}

// cookies-json

type cookiesJSONWriter struct{}

func (cookiesJSONWriter) Write(w io.Writer, r *model.Report) error {
	Normalize(r)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(BuildDeclaration(r))
}

// cookies-csv

type cookiesCSVWriter struct{}

// CSVHeader is the header row of the cookies-csv format.
var CSVHeader = []string{"site", "type", "name", "domain", "provider", "category", "purpose", "lifetime", "lifetime_days", "party", "phases", "pages", "note"}

func (cookiesCSVWriter) Write(w io.Writer, r *model.Report) error {
	Normalize(r)
	cw := csv.NewWriter(w)
	cw.UseCRLF = true // RFC 4180
	if err := cw.Write(CSVHeader); err != nil {
		return err
	}
	for _, s := range BuildDeclaration(r).Sites {
		if s.NotScanned != "" && len(s.Entries) == 0 {
			note := strings.Join(append([]string{s.NotScanned}, s.Errors...), " ")
			if err := cw.Write(csvRow(s.URL, "", "", "", "", "", "", "", "", "", "", "", note)); err != nil {
				return err
			}
			continue
		}
		for _, e := range s.Entries {
			note := ""
			if e.Guess {
				note = "category inferred"
			}
			days := ""
			if e.Type == DeclCookie {
				days = strconv.FormatFloat(e.LifetimeDays, 'f', -1, 64)
			}
			if err := cw.Write(csvRow(s.URL, e.Type, e.Name, e.Domain, e.Provider, e.Category, e.Purpose, e.Lifetime, days,
				e.Party, strings.Join(e.Phases, " "), strings.Join(e.Pages, " "), note)); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// csvRow makes every cell safe to open in a spreadsheet: control characters
// stripped, and a cell a spreadsheet would read as a formula (starting with
// = + - @, tab or carriage return) prefixed with an apostrophe.
func csvRow(cells ...string) []string {
	for i, c := range cells {
		cells[i] = CSVCell(c)
	}
	return cells
}

// CSVCell guards one cell against CSV formula injection.
func CSVCell(s string) string {
	risky := s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0]))
	s = Clean(s, 0)
	if t := strings.TrimLeft(s, " "); t != "" && strings.ContainsRune("=+-@", rune(t[0])) {
		risky = true
	}
	if risky {
		s = "'" + s
	}
	return s
}
