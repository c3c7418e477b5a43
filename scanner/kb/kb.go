// Package kb knows who is behind a request, a cookie or a storage key: the
// vendor, its category and whether it is strictly necessary.
//
// The knowledge comes from three places, in this order of precedence:
//
//  1. the vendor database written by the project and embedded in the binary
//     (vendors.yaml, see Default);
//  2. open data the user supplies or downloads (Open Cookie Database CSV,
//     Disconnect services.json, DuckDuckGo TDS JSON, EasyPrivacy-syntax
//     filter lists, see Load and Update);
//  3. a reasoned guess from the shape of a cookie or key name, marked Guess.
//
// Lookups never fail and never allocate much: hosts are indexed by domain
// suffix and cookie patterns by their literal prefix, so a lookup costs well
// under a microsecond.
package kb

import (
	"fmt"
	"sort"
	"sync"

	"github.com/privacyscan/privacyscan/scanner/model"
)

// Categories, as named in the model (see model.CategoryInfo); kb's own names
// keep the vendor data and lookups short.
const (
	Essential        = model.CategoryEssential
	Functional       = model.CategoryFunctional
	Analytics        = model.CategoryAnalytics
	Advertising      = model.CategoryAdvertising
	Social           = model.CategorySocial
	Unknown          = model.CategoryUnknown
	Consent          = model.CategoryConsent
	Payment          = model.CategoryPayment
	CDN              = model.CategoryCDN
	Security         = model.CategorySecurity
	Platform         = model.CategoryPlatform
	Fonts            = model.CategoryFonts
	TagManager       = model.CategoryTagManager
	Chat             = model.CategoryChat
	Video            = model.CategoryVideo
	Maps             = model.CategoryMaps
	Reviews          = model.CategoryReviews
	Search           = model.CategorySearch
	Personalization  = model.CategoryPersonalization
	SessionRecording = model.CategorySessionRecording
	ABTesting        = model.CategoryABTesting
	Monitoring       = model.CategoryMonitoring
	EmailMarketing   = model.CategoryEmailMarketing
	Affiliate        = model.CategoryAffiliate
)

// CategoryInfo describes one category.
type CategoryInfo = model.CategoryInfo

// Categories lists every category, base categories first.
func Categories() []CategoryInfo { return model.Categories() }

// BaseCategory maps a category to its base (model.BaseCategory).
func BaseCategory(category string) string { return model.BaseCategory(category) }

// IsEssential reports whether a category is strictly necessary.
func IsEssential(category string) bool { return model.IsEssential(category) }

func validCategory(c string) bool { return model.ValidCategory(c) }

// Match is what the knowledge base knows about a request, cookie or key.
type Match struct {
	// Vendor is the display name ("Google Analytics"), empty when unknown.
	Vendor string `json:"vendor,omitempty"`
	// VendorID is the stable id of the vendor in the database.
	VendorID string `json:"vendor_id,omitempty"`
	// Category is one of the categories above; BaseCategory maps it to the
	// five base ones.
	Category string `json:"category"`
	// Pixel is true when the URL is a known pixel, beacon or collect endpoint.
	Pixel bool `json:"pixel,omitempty"`
	// Guess is true when the category is inferred from the shape of a name.
	Guess bool `json:"guess,omitempty"`
	// Source names where the knowledge came from ("embedded", a file path
	// with its line).
	Source string `json:"source,omitempty"`
	// Essential is true when the cookie, key or request is strictly
	// necessary. A cookie can be essential while its vendor is not (a
	// payment provider's fraud cookie).
	Essential bool `json:"essential,omitempty"`
	// Purpose says what a cookie or key is for, or why it was guessed so.
	Purpose string `json:"purpose,omitempty"`
	// Lifetime is the typical lifetime of a cookie ("session", "13 months").
	Lifetime string `json:"lifetime,omitempty"`
	// Rule is the entry that matched: a domain, URL pattern, cookie pattern
	// or filter rule. With Source it tells an auditor where to look.
	Rule string `json:"rule,omitempty"`
}

// Known reports whether the match names a vendor or a category.
func (m Match) Known() bool { return m.VendorID != "" || (m.Category != "" && m.Category != Unknown) }

// Vendor is a company's service as privacy policies name it.
type Vendor struct {
	// ID is a stable slug ("google-analytics"), used in Match.VendorID.
	ID string `json:"id"`
	// Name is the service's display name ("Google Analytics").
	Name string `json:"name"`
	// Company is the legal entity behind it ("Google LLC").
	Company string `json:"company"`
	// Aliases are the other names policies use for the service, in several
	// languages ("pixel Facebook", "Facebook-Pixel"). Name is not repeated.
	Aliases []string `json:"aliases"`
	// Country is the ISO 3166-1 alpha-2 code of the headquarters.
	Country string `json:"country"`
	// EEA is true when Country is in the EU or the EEA.
	EEA bool `json:"eea"`
	// Adequate is true when Country is in the EEA or has an EU adequacy
	// decision for the whole country (UK, Switzerland, Japan...). The USA is
	// not: its Data Privacy Framework covers certified companies only.
	Adequate bool `json:"adequate"`
	// Category is the vendor's main category.
	Category string `json:"category"`
	// Domains are the hosts and domains the vendor serves from; a domain
	// covers its subdomains.
	Domains []string `json:"domains"`
	// Essential is true when the service is strictly necessary where it is
	// used (payment, CDN, consent management, bot protection).
	Essential bool `json:"essential"`
	// SelfHosted is true for software that runs on the site itself (PHP,
	// WordPress, Magento, Shopware...): its cookies are the site's own and
	// no data goes to the company behind it, so it is not a third party.
	SelfHosted bool `json:"self_hosted,omitempty"`
	// Description says in a few words what the service does.
	Description string `json:"description,omitempty"`
	// Cookies lists the cookie names and patterns known for the vendor.
	Cookies []string `json:"cookies,omitempty"`
	// Source is "embedded" or the file the vendor came from.
	Source string `json:"source"`
}

// DB is a compiled knowledge base. It is safe for concurrent use.
type DB struct {
	vendors []*Vendor
	byID    map[string]*Vendor

	names map[string]*Vendor // lower-cased names, aliases and ids

	hosts    hostIndex // embedded and --vendor-db vendors
	extHosts hostIndex // Disconnect and DuckDuckGo tracker databases

	cookies    cookieIndex // embedded cookie rules
	storage    cookieIndex // embedded storage key rules
	extCookies cookieIndex // Open Cookie Database rows

	filters []*filterList
	cnames  map[string]string // known cloaking CNAMEs from a TDS file

	cnameCache sync.Map // host -> cachedCNAME

	// Sources describes what was loaded, for "db lookup" and reports.
	sources []SourceInfo
}

// SourceInfo describes one source of knowledge loaded into a DB.
type SourceInfo struct {
	// Name is "embedded" or a file path.
	Name string `json:"name"`
	// Kind is vendors, open-cookie-database, disconnect, duckduckgo-tds or
	// filter-list.
	Kind string `json:"kind"`
	// Entries counts vendors, cookie rows or filter rules.
	Entries int `json:"entries"`
	// Skipped counts entries that could not be used (unsupported filter
	// syntax, rows without a name).
	Skipped int `json:"skipped,omitempty"`
}

// Sources lists what the DB was built from, in load order.
func (db *DB) Sources() []SourceInfo { return append([]SourceInfo(nil), db.sources...) }

var (
	defaultOnce sync.Once
	defaultDB   *DB
)

// Default returns the embedded knowledge base, compiled once. It never fails:
// TestEmbeddedValid keeps the embedded data valid.
func Default() *DB {
	defaultOnce.Do(func() {
		db, err := newEmbedded()
		if err != nil {
			panic(fmt.Sprintf("kb: embedded vendor data is invalid: %v", err))
		}
		defaultDB = db
	})
	return defaultDB
}

// Vendors lists every vendor, sorted by id.
func (db *DB) Vendors() []Vendor {
	out := make([]Vendor, 0, len(db.vendors))
	for _, v := range db.vendors {
		out = append(out, cloneVendor(v))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Vendor returns the vendor with the given id.
func (db *DB) Vendor(id string) (Vendor, bool) {
	v, ok := db.byID[id]
	if !ok {
		return Vendor{}, false
	}
	return cloneVendor(v), true
}

func cloneVendor(v *Vendor) Vendor {
	c := *v
	c.Aliases = append([]string{}, v.Aliases...)
	c.Domains = append([]string{}, v.Domains...)
	c.Cookies = append([]string(nil), v.Cookies...)
	return c
}

// vendorMatch builds the match for a vendor with the category of the entry
// that matched (empty: the vendor's).
func vendorMatch(v *Vendor, category string, essential bool) Match {
	if category == "" {
		category = v.Category
		essential = essential || v.Essential
	}
	return Match{
		Vendor:    v.Name,
		VendorID:  v.ID,
		Category:  category,
		Source:    v.Source,
		Essential: essential || IsEssential(category),
	}
}
