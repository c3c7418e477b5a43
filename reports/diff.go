package reports

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/privacyscan/privacyscan/rules"
	"github.com/privacyscan/privacyscan/scanner/model"
)

// Diff compares two reports of the same sites: findings by fingerprint,
// what each phase saw (vendors, third-party hosts, cookies, storage keys),
// the consent outcome and the policy's facts. Sites are matched by URL,
// normalised as fingerprints normalise it. Diff reads old and new and does
// not change them; the result has every list non-nil.
func Diff(old, new *model.Report) *model.ReportDiff {
	d := &model.ReportDiff{
		SchemaVersion: model.DiffSchemaVersion,
		Tool:          model.Tool{Name: model.ToolName, Version: new.Tool.Version},
		Old:           source(old),
		New:           source(new),
		Sites:         []model.SiteDiff{},
	}
	olds := map[string]*model.SiteReport{}
	for i := range old.Sites {
		if s := &old.Sites[i]; s.Site != nil {
			if k := rules.NormaliseURL(s.URL); olds[k] == nil {
				olds[k] = s
			}
		}
	}
	seen := map[string]bool{}
	for i := range new.Sites {
		s := &new.Sites[i]
		if s.Site == nil {
			continue
		}
		k := rules.NormaliseURL(s.URL)
		if seen[k] {
			continue // the same site twice in one report: the first counts
		}
		seen[k] = true
		d.Sites = append(d.Sites, diffSite(olds[k], s))
	}
	for i := range old.Sites {
		s := &old.Sites[i]
		if s.Site == nil || seen[rules.NormaliseURL(s.URL)] {
			continue
		}
		seen[rules.NormaliseURL(s.URL)] = true
		sd := emptySiteDiff(s.URL, model.DiffRemoved)
		d.Sites = append(d.Sites, sd)
	}
	return d
}

// FailingNew returns the new findings that count toward the exit code with
// --fail-on failOn ("none": none): at or above it, neither suppressed nor
// marked as in the new scan's --baseline.
func FailingNew(d *model.ReportDiff, failOn string) []model.Finding {
	var out []model.Finding
	if failOn == "none" {
		return out
	}
	for _, s := range d.Sites {
		for _, f := range s.Findings.New {
			if rules.CountsTowardExit(f, failOn) {
				out = append(out, f)
			}
		}
	}
	return out
}

func source(r *model.Report) model.DiffSource {
	return model.DiffSource{ToolVersion: r.Tool.Version, StartedAt: r.StartedAt, FinishedAt: r.FinishedAt, Interrupted: r.Interrupted}
}

func emptySiteDiff(url, status string) model.SiteDiff {
	return model.SiteDiff{
		URL: url, Status: status,
		Findings: model.FindingsDiff{New: []model.Finding{}, Resolved: []model.Finding{}, Unchanged: []model.Finding{}},
		Phases:   []model.PhaseDiff{}, Consent: []model.FieldChange{}, Policy: []model.FieldChange{},
	}
}

// diffSite compares one site; old is nil when only the new report has it.
func diffSite(old, new *model.SiteReport) model.SiteDiff {
	if !new.Scanned {
		return emptySiteDiff(new.URL, model.DiffNotScanned)
	}
	status := model.DiffChanged
	if old == nil {
		status = model.DiffAdded
		// An absent site compares as one that saw nothing and had no
		// findings: everything the new scan has is new.
		old = &model.SiteReport{Site: &model.Site{URL: new.URL, Policy: model.PolicyNotFound()}}
	}
	d := emptySiteDiff(new.URL, status)
	d.Findings = diffFindings(old.Findings, new.Findings)
	d.Phases = diffPhases(old.Site, new.Site)
	if status == model.DiffChanged {
		// For an added site every consent and policy field would "change"
		// from nothing: the site's report says what they are.
		d.Consent = diffConsent(old.Consent, new.Consent)
		d.Policy = diffPolicy(old.Policy, new.Policy)
	}
	if status == model.DiffChanged && len(d.Findings.New) == 0 && len(d.Findings.Resolved) == 0 &&
		len(d.Phases) == 0 && len(d.Consent) == 0 && len(d.Policy) == 0 {
		d.Status = model.DiffUnchanged
	}
	return d
}

// findingKey is what matches a finding across reports: its fingerprint, or
// for a report without fingerprints its rule, phase and subject.
func findingKey(f model.Finding) string {
	if f.Fingerprint != "" {
		return f.Fingerprint
	}
	ph := ""
	if f.Phase != nil {
		ph = *f.Phase
	}
	return "\x00" + f.Rule + "\x00" + ph + "\x00" + f.Subject + "\x00" + f.Message
}

// diffFindings matches findings by key as multisets: two findings with one
// fingerprint in the new report and one in the old make one unchanged and
// one new.
func diffFindings(old, new []model.Finding) model.FindingsDiff {
	d := model.FindingsDiff{New: []model.Finding{}, Resolved: []model.Finding{}, Unchanged: []model.Finding{}}
	left := map[string]int{}
	for _, f := range old {
		left[findingKey(f)]++
	}
	for _, f := range new {
		k := findingKey(f)
		if left[k] > 0 {
			left[k]--
			d.Unchanged = append(d.Unchanged, withEvidence(f))
		} else {
			d.New = append(d.New, withEvidence(f))
		}
	}
	inNew := map[string]int{}
	for _, f := range new {
		inNew[findingKey(f)]++
	}
	for _, f := range old {
		k := findingKey(f)
		if inNew[k] > 0 {
			inNew[k]--
			continue
		}
		d.Resolved = append(d.Resolved, withEvidence(f))
	}
	rules.SortFindings(d.New)
	rules.SortFindings(d.Resolved)
	rules.SortFindings(d.Unchanged)
	return d
}

// withEvidence gives a finding without evidence an empty list, [] in JSON.
func withEvidence(f model.Finding) model.Finding {
	if f.Evidence == nil {
		f.Evidence = []model.Evidence{}
	}
	return f
}

// diffPhases compares the phases of two scans of a site, in report order,
// keeping those with a change.
func diffPhases(old, new *model.Site) []model.PhaseDiff {
	out := []model.PhaseDiff{}
	for _, ph := range model.AllPhases {
		o, n := old.Phases[ph], new.Phases[ph]
		pd := model.PhaseDiff{Phase: ph, Status: model.PhaseCompared}
		switch {
		case o == nil && n == nil:
			continue
		case o == nil && len(old.Phases) > 0:
			pd.Status = model.PhaseAdded // the old scan ran other phases: --phases changed
		case n == nil:
			pd.Status = model.PhaseRemoved
		}
		if pd.Status == model.PhaseCompared {
			// An old site without phases (added, or not scanned) compares as
			// empty phases.
			if o == nil {
				o = &model.PhaseResult{}
			}
			pd.Vendors = diffItems(vendorsOf(o), vendorsOf(n), vendorKey, same, compareVendors)
			pd.Hosts = diffItems(hostsOf(o), hostsOf(n), same, same, strings.Compare)
			pd.Cookies = diffItems(o.Cookies, n.Cookies, cookieKey, cookieRef, compareCookies)
			pd.Storage = diffItems(o.Storage, n.Storage, storageKey, storageRef, compareStorage)
			if pd.Vendors.Empty() && pd.Hosts.Empty() && pd.Cookies.Empty() && pd.Storage.Empty() {
				continue
			}
		} else {
			pd.Vendors = model.ItemDiff[model.VendorRef]{Appeared: []model.VendorRef{}, Disappeared: []model.VendorRef{}}
			pd.Hosts = model.ItemDiff[string]{Appeared: []string{}, Disappeared: []string{}}
			pd.Cookies = model.ItemDiff[model.CookieRef]{Appeared: []model.CookieRef{}, Disappeared: []model.CookieRef{}}
			pd.Storage = model.ItemDiff[model.StorageRef]{Appeared: []model.StorageRef{}, Disappeared: []model.StorageRef{}}
		}
		out = append(out, pd)
	}
	return out
}

// same is the identity, the key of a string and the conversion of an item
// that is its own reference.
func same[T any](v T) T { return v }

// diffItems returns the items of new whose key old lacks (appeared) and
// those of old whose key new lacks (disappeared), one per key, converted
// with conv and sorted with cmpf.
func diffItems[T, R any](old, new []T, key func(T) string, conv func(T) R, cmpf func(a, b R) int) model.ItemDiff[R] {
	keys := func(list []T) map[string]T {
		m := map[string]T{}
		for _, v := range list {
			if k := key(v); k != "" {
				if _, ok := m[k]; !ok {
					m[k] = v
				}
			}
		}
		return m
	}
	om, nm := keys(old), keys(new)
	d := model.ItemDiff[R]{Appeared: []R{}, Disappeared: []R{}}
	for k, v := range nm {
		if _, ok := om[k]; !ok {
			d.Appeared = append(d.Appeared, conv(v))
		}
	}
	for k, v := range om {
		if _, ok := nm[k]; !ok {
			d.Disappeared = append(d.Disappeared, conv(v))
		}
	}
	slices.SortFunc(d.Appeared, cmpf)
	slices.SortFunc(d.Disappeared, cmpf)
	return d
}

// vendorsOf lists the vendors a phase saw through requests, cookies and
// storage keys (a vendor may show itself through a cookie alone).
func vendorsOf(p *model.PhaseResult) []model.VendorRef {
	var out []model.VendorRef
	add := func(id, name string) {
		if id != "" || name != "" {
			if name == "" {
				name = id
			}
			out = append(out, model.VendorRef{ID: id, Name: name})
		}
	}
	for _, r := range p.Requests {
		add(r.VendorID, r.Vendor)
	}
	for _, c := range p.Cookies {
		add(c.VendorID, c.Vendor)
	}
	for _, s := range p.Storage {
		add(s.VendorID, s.Vendor)
	}
	return out
}

// vendorKey is a vendor's id, or its name for a vendor without one.
func vendorKey(v model.VendorRef) string {
	if v.ID != "" {
		return v.ID
	}
	return "name:" + strings.ToLower(v.Name)
}

func compareVendors(a, b model.VendorRef) int {
	return cmp.Or(strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)), strings.Compare(a.ID, b.ID))
}

// hostsOf lists the third-party hosts a phase requested.
func hostsOf(p *model.PhaseResult) []string {
	var out []string
	for _, r := range p.Requests {
		if r.Party == model.PartyThird && r.Host != "" {
			out = append(out, strings.ToLower(r.Host))
		}
	}
	return out
}

// cookieDomain drops the leading dot, which only says whether subdomains
// get the cookie.
func cookieDomain(c model.Cookie) string {
	return strings.TrimPrefix(strings.ToLower(c.Domain), ".")
}

func cookieKey(c model.Cookie) string { return c.Name + "\x00" + cookieDomain(c) }

func cookieRef(c model.Cookie) model.CookieRef {
	return model.CookieRef{Name: c.Name, Domain: cookieDomain(c), Vendor: c.Vendor}
}

func compareCookies(a, b model.CookieRef) int {
	return cmp.Or(strings.Compare(a.Domain, b.Domain), strings.Compare(a.Name, b.Name))
}

func storageKey(s model.StorageItem) string { return s.Origin + "\x00" + s.Type + "\x00" + s.Key }

func storageRef(s model.StorageItem) model.StorageRef {
	return model.StorageRef{Origin: s.Origin, Type: s.Type, Key: s.Key, Vendor: s.Vendor}
}

func compareStorage(a, b model.StorageRef) int {
	return cmp.Or(strings.Compare(a.Origin, b.Origin), strings.Compare(a.Type, b.Type), strings.Compare(a.Key, b.Key))
}

// diffConsent compares the consent summaries field by field.
func diffConsent(o, n model.ConsentSummary) []model.FieldChange {
	out := []model.FieldChange{}
	scalar(&out, "banner_detected", o.BannerDetected, n.BannerDetected)
	scalar(&out, "cmp", strOrNil(o.CMP), strOrNil(n.CMP))
	scalar(&out, "accept_clicked", o.AcceptClicked, n.AcceptClicked)
	scalar(&out, "accept_clicks", o.AcceptClicks, n.AcceptClicks)
	scalar(&out, "reject_clicked", o.RejectClicked, n.RejectClicked)
	scalar(&out, "reject_clicks", o.RejectClicks, n.RejectClicks)
	scalar(&out, "reject_on_first_layer", o.RejectOnFirstLayer, n.RejectOnFirstLayer)
	return out
}

// diffPolicy compares the policy facts the report's summary shows.
func diffPolicy(o, n *model.PolicyFacts) []model.FieldChange {
	if o == nil {
		o = model.PolicyNotFound()
	}
	if n == nil {
		n = model.PolicyNotFound()
	}
	out := []model.FieldChange{}
	scalar(&out, "found", o.URL != nil, n.URL != nil)
	scalar(&out, "url", strOrNil(o.URL), strOrNil(n.URL))
	if (o.URL == nil) != (n.URL == nil) {
		// A policy found on one side only: that is the change; the facts
		// of the other side are those of no policy, not a comparison.
		return out
	}
	scalar(&out, "language", o.Language, n.Language)
	scalar(&out, "last_updated", strOrNil(o.LastUpdated), strOrNil(n.LastUpdated))
	scalar(&out, "dnt_stance", o.DNTStance, n.DNTStance)
	scalar(&out, "gpc_stance", o.GPCStance, n.GPCStance)
	list(&out, "vendors_mentioned", o.VendorsMentioned, n.VendorsMentioned)
	list(&out, "elements", elementNames(o.Elements), elementNames(n.Elements))
	return out
}

// scalar appends a change when o and n differ. Both are comparable values
// of one type or nil.
func scalar(out *[]model.FieldChange, field string, o, n any) {
	if o != n {
		*out = append(*out, model.FieldChange{Field: field, Old: o, New: n})
	}
}

// list appends a change when the sets o and n differ.
func list(out *[]model.FieldChange, field string, o, n []string) {
	d := diffItems(o, n, same, same, strings.Compare)
	if !d.Empty() {
		*out = append(*out, model.FieldChange{Field: field, Added: d.Appeared, Removed: d.Disappeared})
	}
}

// strOrNil makes an absent string nil (JSON null) and a present one a
// string, so that a comparison of the two is a comparison of values.
func strOrNil(s *string) any {
	if s == nil {
		return nil
	}
	return *s
}

// elementNames lists the Art. 13 elements a policy covers, by JSON name.
func elementNames(e model.Elements) []string {
	var out []string
	for _, el := range []struct {
		name string
		ok   bool
	}{
		{"controller_identity", e.ControllerIdentity}, {"contact", e.Contact}, {"purposes", e.Purposes},
		{"legal_basis", e.LegalBasis}, {"retention", e.Retention}, {"rights", e.Rights},
		{"complaint", e.Complaint}, {"recipients", e.Recipients}, {"transfers", e.Transfers}, {"cookies", e.Cookies},
	} {
		if el.ok {
			out = append(out, el.name)
		}
	}
	return out
}

// fieldValue renders a FieldChange's Old or New for people.
func fieldValue(v any) string {
	switch x := v.(type) {
	case nil:
		return "none"
	case bool:
		if x {
			return "yes"
		}
		return "no"
	case string:
		if x == "" {
			return "none"
		}
		return x
	case float64:
		return fmt.Sprintf("%g", x)
	default:
		return fmt.Sprint(x)
	}
}
