package rules

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/privacyscan/privacyscan/scanner/model"
)

// storageCategory is the base category of a storage key: the knowledge
// base's, else that of its vendor when only the vendor is known.
func (c *evalContext) storageCategory(it model.StorageItem) string {
	if it.Category != "" {
		return baseCategory(it.Category)
	}
	if it.VendorID != "" && c.vendors != nil {
		if v, ok := c.vendors.Vendor(it.VendorID); ok && v.Category != "" {
			return baseCategory(v.Category)
		}
	}
	return baseCategory("")
}

// storageNeedsConsent reports whether a localStorage or sessionStorage key
// needs consent: it belongs to an analytics, advertising or social vendor
// the configuration does not allow. Keys of unknown purpose do not count:
// unlike a third-party cookie, a key's origin says little about its purpose.
func (c *evalContext) storageNeedsConsent(it model.StorageItem) bool {
	if c.vendorAllowed(it.VendorID, it.Vendor) {
		return false
	}
	return trackingCategories[c.storageCategory(it)]
}

// storageGroup gathers the tracking keys of one vendor (or one unattributed
// key) in one phase.
type storageGroup struct {
	subject  string
	vendor   string
	category string
	items    []model.StorageItem
}

// storageHost is the host of a storage origin ("https://shop.test" ->
// "shop.test").
func storageHost(origin string) string {
	if u, err := url.Parse(origin); err == nil && u.Hostname() != "" {
		return strings.ToLower(u.Hostname())
	}
	return strings.ToLower(origin)
}

// storageKeySubject is type:key@host, e.g. "local:_gcl_ls@shop.test".
func storageKeySubject(it model.StorageItem) string {
	return it.Type + ":" + it.Key + "@" + storageHost(it.Origin)
}

// storageGroups returns the items that need consent grouped by vendor id,
// else vendor name, else key, in order of first appearance. keep, when not
// nil, filters the items first.
func (c *evalContext) storageGroups(items []model.StorageItem, keep func(model.StorageItem) bool) []*storageGroup {
	var out []*storageGroup
	idx := map[string]*storageGroup{}
	for _, it := range items {
		if !c.storageNeedsConsent(it) || (keep != nil && !keep(it)) {
			continue
		}
		key := strings.ToLower(it.VendorID)
		if key == "" {
			key = strings.ToLower(it.Vendor)
		}
		if key == "" {
			key = storageKeySubject(it)
		}
		g := idx[key]
		if g == nil {
			name := it.Vendor
			if name == "" {
				name = "unknown vendor"
			}
			cat := it.Category
			if cat == "" {
				cat = c.storageCategory(it)
			}
			g = &storageGroup{subject: key, vendor: name, category: cat}
			idx[key] = g
			out = append(out, g)
		}
		g.items = append(g.items, it)
	}
	return out
}

// storageEvidence describes one key.
func storageEvidence(it model.StorageItem) model.Evidence {
	kind := "localStorage"
	if it.Type == "session" {
		kind = "sessionStorage"
	}
	return model.Evidence{Kind: "storage", Page: it.Page, Name: it.Key, Domain: storageHost(it.Origin), Vendor: it.Vendor, Detail: kind}
}

// storageKind names the storage of items: "localStorage" or
// "sessionStorage" when they all share one, else "web storage".
func storageKind(items []model.StorageItem) string {
	kind := ""
	for _, it := range items {
		k := storageEvidence(it).Detail
		if kind != "" && k != kind {
			return "web storage"
		}
		kind = k
	}
	return kind
}

// storageIn reports one finding per vendor whose keys were written in a
// phase.
func (c *evalContext) storageIn(phase, when string, keep func(model.StorageItem) bool) []model.Finding {
	p := c.phase(phase)
	if p == nil {
		return nil
	}
	var out []model.Finding
	for _, g := range c.storageGroups(p.Storage, keep) {
		var keys, pages []string
		ev := []model.Evidence{}
		for _, it := range g.items {
			if !containsStr(keys, it.Key) {
				keys = append(keys, it.Key)
			}
			if it.Page != "" && !containsStr(pages, it.Page) {
				pages = append(pages, it.Page)
			}
			if len(ev) < maxEvidence {
				ev = append(ev, storageEvidence(it))
			}
		}
		if n := len(g.items) - maxEvidence; n > 0 {
			ev = append(ev, model.Evidence{Kind: "storage", Detail: fmt.Sprintf("and %d more keys", n)})
		}
		noun := "key"
		if len(keys) > 1 {
			noun = "keys"
		}
		out = append(out, model.Finding{
			Phase:    ptr(phase),
			Subject:  g.subject,
			Message:  fmt.Sprintf("%s wrote %s %s %s %s%s", label(g.vendor, g.category), storageKind(g.items), noun, joinNames(keys, 4), when, onPages(pages)),
			Evidence: ev,
		})
	}
	return out
}

// exStorage is a localStorage key written on the home page.
func exStorage(key, vendorID, vendor, category string) model.StorageItem {
	return model.StorageItem{Origin: "https://shop.test", Type: "local", Key: key, Vendor: vendor, VendorID: vendorID, Category: category, Page: exHome}
}

// inSession moves a key to sessionStorage.
func inSession(it model.StorageItem) model.StorageItem {
	it.Type = "session"
	return it
}

// Common storage observations.
var (
	exGclLS    = exStorage("_gcl_ls", "google-ads", "Google Ads", "advertising")
	exHotjarLS = exStorage("_hjSessionStorageTest", "hotjar", "Hotjar", "session-recording")
)

func storageBeforeConsent() Rule {
	return Rule{
		ID:       "storage-before-consent",
		Title:    "Tracking data is written to localStorage or sessionStorage before the visitor consents",
		Severity: High,
		Rationale: "Art. 5(3) ePrivacy covers any information stored on or read from the visitor's device, not only " +
			"cookies: the EDPB names local and session storage expressly. Analytics, advertising and social vendors " +
			"that keep identifiers or events in web storage before any choice need the same prior consent as a cookie.",
		References:    []string{refEPrivacy53, refEDPB022023, refCNIL2020091, refTDDDG25, refPECR6},
		Remediation:   "Load the vendor's script only after consent, or configure it not to use web storage until the CMP grants its purpose; keep before consent only storage the page needs to work (cart, the consent choice itself).",
		Jurisdictions: consentOptional(),
		Examples: []Example{
			{Name: "Google Ads writes _gcl_ls on page load", Fires: true,
				Site: exSite(inPhase(model.PhaseBeforeConsent, exGclLS))},
			{Name: "a key known only by its analytics vendor", Fires: true,
				Site: exSite(inPhase(model.PhaseBeforeConsent, model.StorageItem{Origin: "https://shop.test", Type: "session", Key: "ga_session_probe", VendorID: "google-analytics", Vendor: "Google Analytics", Page: exHome}))},
			{Name: "Hotjar's session-recording test key in sessionStorage", Fires: true,
				Site: exSite(inPhase(model.PhaseBeforeConsent, inSession(exHotjarLS)))},
			{Name: "cart and consent-choice keys only", Fires: false,
				Site: exSite(inPhase(model.PhaseBeforeConsent, exStorage("cart", "", "", "functional"), exStorage("OptanonConsent", "onetrust", "OneTrust", "consent")))},
			{Name: "an unknown first-party key", Fires: false,
				Site: exSite(inPhase(model.PhaseBeforeConsent, exStorage("ui_theme", "", "", "")))},
			{Name: "tracking keys only after accept", Fires: false,
				Site: exSite(inPhase(model.PhaseAfterAccept, exGclLS, exHotjarLS))},
			{Name: "US jurisdiction has no prior-consent rule", Fires: false, Jurisdiction: "us-ca",
				Site: exSite(inPhase(model.PhaseBeforeConsent, exGclLS))},
		},
		check: func(c *evalContext) []model.Finding {
			return c.storageIn(model.PhaseBeforeConsent, "before consent", nil)
		},
	}
}

func storageAfterReject() Rule {
	return Rule{
		ID:       "storage-after-reject",
		Title:    "Tracking data is written to localStorage or sessionStorage after the visitor rejects",
		Severity: High,
		Rationale: "A refusal covers every way of storing information on the device. Analytics, advertising and " +
			"social vendors that go on writing to web storage after the visitor rejected act against an express " +
			"refusal. The scanner keeps what the first page wrote before the click apart (pre_action) and loads " +
			"the page again under the choice, so every key judged here was written after the reject.",
		References:    []string{refEPrivacy53, refEDPB022023, refGDPR7, refEDPB052020, refCNIL2020091},
		Remediation:   "Make the CMP's reject state block every non-essential script that uses web storage, and clear the keys such scripts wrote before the choice.",
		Jurisdictions: usAll(Medium),
		Examples: []Example{
			{Name: "Google Ads writes _gcl_ls after reject", Fires: true,
				Site: exSite(inPhase(model.PhaseAfterReject, exGclLS))},
			{Name: "Hotjar writes its key after reject, as it did before consent", Fires: true,
				Site: exSite(inPhases(beforeAndAfterReject, exHotjarLS))},
			{Name: "the key was written only before the click", Fires: false,
				Site: exSite(func(s *model.Site) {
					s.Phases[model.PhaseAfterReject].PreAction = &model.PreAction{Storage: []model.StorageItem{exGclLS}}
				})},
			{Name: "only the consent choice after reject", Fires: false,
				Site: exSite(inPhase(model.PhaseAfterReject, exStorage("OptanonConsent", "onetrust", "OneTrust", "consent")))},
			{Name: "reject failed: no verdict", Fires: false,
				Site: exSite(rejectFailed, inPhase(model.PhaseAfterReject, exGclLS))},
		},
		check: func(c *evalContext) []model.Finding {
			if !c.rejected() {
				return nil
			}
			return c.storageIn(model.PhaseAfterReject, "after the visitor rejected", nil)
		},
	}
}
