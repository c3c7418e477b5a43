package kb

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"
)

// vendorsYAML is the project's own vendor database: one readable file, written
// by the project, embedded in the binary.
//
//go:embed vendors.yaml
var vendorsYAML []byte

// rawFile is the shape of vendors.yaml (and of --vendor-db files).
type rawFile struct {
	Vendors []rawVendor `yaml:"vendors"`
}

// rawVendor is one vendor as written in the data file, before compiling.
type rawVendor struct {
	ID          string      `yaml:"id"`
	Name        string      `yaml:"name"`
	Company     string      `yaml:"company"`
	Country     string      `yaml:"country"`
	Category    string      `yaml:"category"`
	Essential   bool        `yaml:"essential"`
	SelfHosted  bool        `yaml:"self-hosted"`
	Description string      `yaml:"description"`
	Aliases     []string    `yaml:"aliases"`
	Domains     []string    `yaml:"domains"`
	URLs        []rawURL    `yaml:"urls"`
	Paths       []rawURL    `yaml:"paths"`
	Cookies     []rawCookie `yaml:"cookies"`
	Storage     []rawCookie `yaml:"storage"`
	CNAMEs      []string    `yaml:"cnames"`
	line        int
}

// rawURL is a URL pattern: "host/path", where host covers its subdomains and
// path is a '*' pattern matched as a prefix of the path and query.
type rawURL struct {
	Match    string `yaml:"match"`
	Pixel    bool   `yaml:"pixel"`
	Category string `yaml:"category"`
	line     int
}

// rawCookie is a cookie or storage key name, exact or with '*' wildcards.
type rawCookie struct {
	Name      string `yaml:"name"`
	Category  string `yaml:"category"`
	Essential bool   `yaml:"essential"`
	Life      string `yaml:"life"`
	Purpose   string `yaml:"purpose"`
	// Own restricts the rule to cookies set on the vendor's own domains,
	// for names too generic to identify the vendor elsewhere ("uid").
	Own  bool `yaml:"own"`
	line int
}

func (r *rawVendor) UnmarshalYAML(n *yaml.Node) error {
	type plain rawVendor
	if err := n.Decode((*plain)(r)); err != nil {
		return err
	}
	r.line = n.Line
	return nil
}

func (r *rawURL) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		r.Match, r.line = n.Value, n.Line
		return nil
	}
	type plain rawURL
	if err := n.Decode((*plain)(r)); err != nil {
		return err
	}
	r.line = n.Line
	return nil
}

func (r *rawCookie) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		r.Name, r.line = n.Value, n.Line
		return nil
	}
	type plain rawCookie
	if err := n.Decode((*plain)(r)); err != nil {
		return err
	}
	r.line = n.Line
	return nil
}

var (
	idRe     = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	domainRe = regexp.MustCompile(`^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$`)
)

// parseVendorFile decodes a vendor file strictly (unknown fields are errors).
func parseVendorFile(name string, data []byte) (*rawFile, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var f rawFile
	if err := dec.Decode(&f); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return &f, nil
}

// newEmbedded compiles the embedded vendor database.
func newEmbedded() (*DB, error) {
	db := newDB()
	if err := db.addVendorFile("embedded", "vendors.yaml", vendorsYAML); err != nil {
		return nil, err
	}
	return db, nil
}

func newDB() *DB {
	return &DB{
		byID:       map[string]*Vendor{},
		hosts:      newHostIndex(),
		extHosts:   newHostIndex(),
		cookies:    newCookieIndex(),
		storage:    newCookieIndex(),
		extCookies: newCookieIndex(),
		cnames:     map[string]string{},
		names:      map[string]*Vendor{},
	}
}

// addVendorFile compiles a vendor file into db. source is "embedded" or the
// file path; every error names the file, line and vendor.
func (db *DB) addVendorFile(source, file string, data []byte) error {
	f, err := parseVendorFile(file, data)
	if err != nil {
		return err
	}
	var errs []error
	for i := range f.Vendors {
		if err := db.addVendor(source, &f.Vendors[i]); err != nil {
			errs = append(errs, fmt.Errorf("%s:%d: vendor %q: %w", file, f.Vendors[i].line, f.Vendors[i].ID, err))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}
	db.sources = append(db.sources, SourceInfo{Name: source, Kind: "vendors", Entries: len(f.Vendors)})
	return nil
}

func (db *DB) addVendor(source string, r *rawVendor) error {
	switch {
	case !idRe.MatchString(r.ID):
		return errors.New("id must be a lower-case slug")
	case db.byID[r.ID] != nil:
		return errors.New("duplicate id")
	case strings.TrimSpace(r.Name) == "":
		return errors.New("missing name")
	case r.Company == "":
		return errors.New("missing company")
	case !knownCountry(r.Country):
		return fmt.Errorf("unknown country %q (want an ISO 3166-1 alpha-2 code)", r.Country)
	case !validCategory(r.Category) || r.Category == Unknown:
		return fmt.Errorf("unknown category %q", r.Category)
	}
	v := &Vendor{
		ID: r.ID, Name: r.Name, Company: r.Company, Country: r.Country,
		EEA: InEEA(r.Country), Adequate: Adequate(r.Country),
		Category: r.Category, Essential: r.Essential || IsEssential(r.Category),
		SelfHosted: r.SelfHosted, Description: r.Description, Source: source,
		Aliases: []string{}, Domains: []string{},
	}
	seen := map[string]bool{strings.ToLower(v.Name): true}
	for _, a := range r.Aliases {
		a = strings.TrimSpace(a)
		if a == "" {
			return errors.New("empty alias")
		}
		if seen[strings.ToLower(a)] {
			continue
		}
		seen[strings.ToLower(a)] = true
		v.Aliases = append(v.Aliases, a)
	}
	for _, d := range r.Domains {
		if !domainRe.MatchString(d) {
			return fmt.Errorf("bad domain %q (lower-case host name, no scheme or path)", d)
		}
		if prev := db.hosts.owner(d); prev != nil {
			return fmt.Errorf("domain %q already belongs to %q", d, prev.ID)
		}
		db.hosts.addDomain(d, v, source)
		v.Domains = append(v.Domains, d)
	}
	for _, u := range r.URLs {
		cat := u.Category
		if cat != "" && !validCategory(cat) {
			return fmt.Errorf("line %d: url %q: unknown category %q", u.line, u.Match, cat)
		}
		host, path, _ := strings.Cut(u.Match, "/")
		if !domainRe.MatchString(host) {
			return fmt.Errorf("line %d: url %q: bad host (want host/path)", u.line, u.Match)
		}
		db.hosts.addURL(host, "/"+path, v, cat, u.Pixel, source)
	}
	for _, p := range r.Paths {
		if !strings.HasPrefix(p.Match, "/") || len(p.Match) < 3 {
			return fmt.Errorf("line %d: path %q: want a path prefix such as /cdn-cgi/zaraz/", p.line, p.Match)
		}
		if p.Category != "" && !validCategory(p.Category) {
			return fmt.Errorf("line %d: path %q: unknown category %q", p.line, p.Match, p.Category)
		}
		db.hosts.addPath(p.Match, v, p.Category, p.Pixel, source)
	}
	for _, c := range r.CNAMEs {
		if !domainRe.MatchString(c) {
			return fmt.Errorf("bad cname target %q", c)
		}
		if prev := db.hosts.owner(c); prev != nil && prev != v {
			return fmt.Errorf("cname target %q already belongs to %q", c, prev.ID)
		}
		if db.hosts.owner(c) == nil {
			db.hosts.addDomain(c, v, source)
		}
	}
	for i := range r.Cookies {
		rule, err := compileCookie(&r.Cookies[i], v, source, " ;=,")
		if err != nil {
			return err
		}
		db.cookies.add(rule)
		v.Cookies = append(v.Cookies, r.Cookies[i].Name)
	}
	for i := range r.Storage {
		rule, err := compileCookie(&r.Storage[i], v, source, "")
		if err != nil {
			return err
		}
		db.storage.add(rule)
	}
	if len(v.Domains) == 0 && len(r.URLs) == 0 && len(r.Paths) == 0 && len(r.Cookies) == 0 && len(r.Storage) == 0 {
		return errors.New("no domains, urls, cookies or storage: nothing would ever match")
	}
	db.vendors = append(db.vendors, v)
	db.byID[v.ID] = v
	db.addNames(v)
	return nil
}

// compileCookie compiles a cookie rule (forbidden lists the characters a
// cookie name cannot hold; storage keys can hold any).
func compileCookie(c *rawCookie, v *Vendor, source, forbidden string) (*cookieRule, error) {
	if strings.TrimSpace(c.Name) == "" || strings.ContainsAny(c.Name, forbidden) {
		return nil, fmt.Errorf("line %d: bad cookie or key name %q", c.line, c.Name)
	}
	if c.Category != "" && !validCategory(c.Category) {
		return nil, fmt.Errorf("line %d: cookie %q: unknown category %q", c.line, c.Name, c.Category)
	}
	if c.Name == "*" {
		return nil, fmt.Errorf("line %d: cookie pattern %q matches everything", c.line, c.Name)
	}
	cat, ess := c.Category, c.Essential
	if cat == "" {
		cat, ess = v.Category, ess || v.Essential
	}
	return &cookieRule{
		g: compileGlob(c.Name), vendor: v, vendorName: v.Name,
		category: cat, essential: ess || IsEssential(cat),
		purpose: c.Purpose, lifetime: c.Life, own: c.Own, source: source,
	}, nil
}

// addNames indexes a vendor's name and aliases, lower-cased, so imported
// data ("Platform" in the Open Cookie Database) can be tied to a vendor id.
func (db *DB) addNames(v *Vendor) {
	for _, n := range append([]string{v.Name, v.ID}, v.Aliases...) {
		k := strings.ToLower(n)
		if _, ok := db.names[k]; !ok {
			db.names[k] = v
		}
	}
}

// vendorByName finds a vendor by name, alias or id, ignoring case.
func (db *DB) vendorByName(name string) *Vendor {
	return db.names[strings.ToLower(strings.TrimSpace(name))]
}
