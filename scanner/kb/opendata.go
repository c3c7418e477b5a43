package kb

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
)

// Source kinds.
const (
	KindVendors    = "vendors"
	KindCookieDB   = "open-cookie-database"
	KindFilterList = "filter-list"
	KindTrackerDB  = "tracker-db"
	KindDisconnect = "disconnect"
	KindTDS        = "duckduckgo-tds"
)

// ocdRow is one row of the Open Cookie Database CSV.
type ocdRow struct {
	Line        int
	Platform    string
	Category    string // mapped to this package's categories
	Name        string // with a trailing '*' for wildcard rows
	Domain      string
	Description string
	Retention   string
	Controller  string
}

// ocdColumns are the header names the importer needs.
var ocdColumns = []string{"Platform", "Category", "Cookie / Data Key name", "Domain", "Description", "Retention period", "Data Controller", "Wildcard match"}

// ocdCategory maps the database's categories to this package's.
var ocdCategory = map[string]string{
	"functional":      Functional,
	"analytics":       Analytics,
	"marketing":       Advertising,
	"security":        Security,
	"necessary":       Essential,
	"personalization": Personalization,
}

// parseOpenCookieDB reads the Open Cookie Database CSV. Columns are found by
// header name, so reordered or added columns do not matter.
func parseOpenCookieDB(name string, r io.Reader) ([]ocdRow, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("%s:1: reading header: %w", name, err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))] = i
	}
	for _, c := range ocdColumns {
		if _, ok := col[c]; !ok {
			return nil, fmt.Errorf("%s:1: missing column %q (is it the Open Cookie Database CSV?)", name, c)
		}
	}
	var rows []ocdRow
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		line, _ := cr.FieldPos(0)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		get := func(c string) string {
			if i := col[c]; i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		if len(rec) < len(header) {
			return nil, fmt.Errorf("%s:%d: %d fields, want %d", name, line, len(rec), len(header))
		}
		cat, ok := ocdCategory[strings.ToLower(get("Category"))]
		if !ok {
			return nil, fmt.Errorf("%s:%d: unknown category %q", name, line, get("Category"))
		}
		row := ocdRow{
			Line: line, Platform: get("Platform"), Category: cat, Name: get("Cookie / Data Key name"),
			Domain: get("Domain"), Description: get("Description"), Retention: get("Retention period"),
			Controller: get("Data Controller"),
		}
		switch get("Wildcard match") {
		case "1":
			if row.Name != "" && !strings.HasSuffix(row.Name, "*") {
				row.Name += "*"
			}
		case "0", "":
		default:
			return nil, fmt.Errorf("%s:%d: wildcard match %q, want 0 or 1", name, line, get("Wildcard match"))
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// ocdRule turns a row into a cookie rule, tied to an embedded vendor when the
// platform's name is one of its names.
func (db *DB) ocdRule(file string, r ocdRow) *cookieRule {
	v := db.vendorByName(r.Platform)
	rule := &cookieRule{
		g: compileGlob(r.Name), vendor: v, vendorName: r.Platform,
		category: r.Category, essential: IsEssential(r.Category),
		purpose: r.Description, lifetime: r.Retention,
		source: fmt.Sprintf("%s:%d", file, r.Line),
	}
	d := strings.TrimSpace(strings.Split(strings.ToLower(r.Domain), "(")[0])
	if d != "" && !strings.ContainsAny(d, " /") {
		rule.domain = registrable(strings.TrimPrefix(d, "."))
	}
	return rule
}

// addTrackerDB reads a Disconnect services.json or a DuckDuckGo TDS JSON,
// told apart by their top-level keys, and returns the kind and the number of
// domains it added.
func (db *DB) addTrackerDB(name string, data []byte) (string, int, error) {
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil {
		return "", 0, jsonError(name, data, err)
	}
	switch {
	case top["trackers"] != nil:
		n, err := db.addTDS(name, data)
		return KindTDS, n, err
	case top["categories"] != nil:
		n, err := db.addDisconnect(name, data, top["categories"])
		return KindDisconnect, n, err
	}
	return "", 0, fmt.Errorf("%s:1: neither a Disconnect services.json (\"categories\") nor a DuckDuckGo TDS (\"trackers\")", name)
}

// jsonError names the line of a JSON syntax or type error.
func jsonError(name string, data []byte, err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	off := int64(-1)
	switch {
	case errors.As(err, &se):
		off = se.Offset
	case errors.As(err, &te):
		off = te.Offset
	}
	if off >= 0 && off <= int64(len(data)) {
		line := 1 + bytes.Count(data[:off], []byte("\n"))
		return fmt.Errorf("%s:%d: %w", name, line, err)
	}
	return fmt.Errorf("%s: %w", name, err)
}

// disconnectCategories maps Disconnect's categories, in the order they win
// when a domain is listed twice.
var disconnectCategories = []struct{ name, category string }{
	{"Advertising", Advertising},
	{"Analytics", Analytics},
	{"Social", Social},
	{"FingerprintingInvasive", Advertising},
	{"FingerprintingGeneral", Advertising},
	{"Cryptomining", Advertising},
	{"Email", EmailMarketing},
	{"EmailAggressive", EmailMarketing},
	{"Anti-fraud", Security},
	{"ConsentManagers", Consent},
	{"Content", Functional},
	{"Disconnect", Advertising},
}

func (db *DB) addDisconnect(name string, data []byte, raw json.RawMessage) (int, error) {
	var cats map[string][]map[string]map[string]json.RawMessage
	if err := json.Unmarshal(raw, &cats); err != nil {
		return 0, jsonError(name, data, fmt.Errorf("reading categories: %w", err))
	}
	order := append([]struct{ name, category string }(nil), disconnectCategories...)
	var extra []string
	for c := range cats {
		known := false
		for _, o := range disconnectCategories {
			known = known || o.name == c
		}
		if !known {
			extra = append(extra, c)
		}
	}
	sort.Strings(extra)
	for _, c := range extra {
		order = append(order, struct{ name, category string }{c, Unknown})
	}
	n := 0
	for _, o := range order {
		for _, entry := range cats[o.name] {
			companies := make([]string, 0, len(entry))
			for c := range entry {
				companies = append(companies, c)
			}
			sort.Strings(companies)
			for _, company := range companies {
				v := db.extVendor("disconnect", company, company, o.category, name)
				for _, val := range entry[company] {
					var domains []string
					if json.Unmarshal(val, &domains) != nil {
						continue // "performance": "true" and similar flags
					}
					for _, d := range domains {
						d = normHost(d)
						if !domainRe.MatchString(d) || db.extHosts.owner(d) != nil {
							continue
						}
						db.extHosts.addDomainCategory(d, v, o.category, name)
						n++
					}
				}
			}
		}
	}
	if n == 0 {
		return 0, fmt.Errorf("%s: no domains found in \"categories\"", name)
	}
	return n, nil
}

// tdsFile is the part of DuckDuckGo's Tracker Data Set the importer reads.
type tdsFile struct {
	Trackers map[string]struct {
		Domain string `json:"domain"`
		Owner  struct {
			Name        string `json:"name"`
			DisplayName string `json:"displayName"`
		} `json:"owner"`
		Categories []string `json:"categories"`
	} `json:"trackers"`
	Entities map[string]struct {
		DisplayName string   `json:"displayName"`
		Domains     []string `json:"domains"`
	} `json:"entities"`
	Domains map[string]string `json:"domains"`
	CNAMEs  map[string]string `json:"cnames"`
}

// tdsCategories maps TDS categories, most telling first.
var tdsCategories = []struct{ name, category string }{
	{"Session Replay", SessionRecording},
	{"Action Pixels", Advertising},
	{"Ad Motivated Tracking", Advertising},
	{"Advertising", Advertising},
	{"Audience Measurement", Analytics},
	{"Analytics", Analytics},
	{"Third-Party Analytics Marketing", Analytics},
	{"Social - Share", Social},
	{"Social - Comment", Social},
	{"Social Network", Social},
	{"Tag Manager", TagManager},
	{"Consent Management Platform", Consent},
	{"Online Payment", Payment},
	{"Ad Fraud", Security},
	{"Fraud Prevention", Security},
	{"CDN", CDN},
	{"Embedded Content", Functional},
	{"Federated Login", Functional},
	{"SSO", Functional},
	{"Badge", Functional},
}

func tdsCategory(cats []string) string {
	for _, o := range tdsCategories {
		for _, c := range cats {
			if c == o.name {
				return o.category
			}
		}
	}
	return Unknown
}

func (db *DB) addTDS(name string, data []byte) (int, error) {
	var f tdsFile
	if err := json.Unmarshal(data, &f); err != nil {
		return 0, jsonError(name, data, err)
	}
	n := 0
	domains := make([]string, 0, len(f.Trackers))
	for d := range f.Trackers {
		domains = append(domains, d)
	}
	sort.Strings(domains)
	for _, d := range domains {
		t := f.Trackers[d]
		host := normHost(d)
		if !domainRe.MatchString(host) || db.extHosts.owner(host) != nil {
			continue
		}
		display := t.Owner.DisplayName
		if display == "" {
			display = t.Owner.Name
		}
		if display == "" {
			display = host
		}
		cat := tdsCategory(t.Categories)
		v := db.extVendor("tds", display, t.Owner.Name, cat, name)
		db.extHosts.addDomainCategory(host, v, cat, name)
		n++
	}
	// Other domains of the same entities: the vendor is known, the purpose
	// is not.
	entityDomains := make([]string, 0, len(f.Domains))
	for d := range f.Domains {
		entityDomains = append(entityDomains, d)
	}
	sort.Strings(entityDomains)
	for _, d := range entityDomains {
		host := normHost(d)
		if !domainRe.MatchString(host) || db.extHosts.owner(host) != nil {
			continue
		}
		entity := f.Domains[d]
		display := f.Entities[entity].DisplayName
		if display == "" {
			display = entity
		}
		v := db.extVendor("tds", display, entity, Unknown, name)
		db.extHosts.addDomainCategory(host, v, Unknown, name)
		n++
	}
	for from, to := range f.CNAMEs {
		db.cnames[normHost(from)] = normHost(to)
	}
	if n == 0 {
		return 0, fmt.Errorf("%s: no tracker domains found in \"trackers\"", name)
	}
	return n, nil
}

// extVendor returns the vendor for a company named in an imported list: an
// embedded vendor with that name or alias, or a vendor made for the list.
func (db *DB) extVendor(prefix, display, company, category, source string) *Vendor {
	if v := db.vendorByName(display); v != nil {
		return v
	}
	id := prefix + "-" + slug(display)
	if v := db.byID[id]; v != nil {
		return v
	}
	if company == "" {
		company = display
	}
	v := &Vendor{
		ID: id, Name: display, Company: company, Category: category,
		Essential: IsEssential(category), Aliases: []string{}, Domains: []string{},
		Source: source,
	}
	if v.Category == "" {
		v.Category = Unknown
	}
	db.vendors = append(db.vendors, v)
	db.byID[id] = v
	db.addNames(v)
	return v
}

// slug turns a name into a lower-case id.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}
