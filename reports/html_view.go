package reports

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/privacyscan/privacyscan/scanner/model"
)

// The HTML report is rendered from a view: everything the template shows,
// computed here in one pass per site so that the template only loops, and
// every list is linear in what the scan observed (no table of findings ×
// vendors, no per-cell search).

type htmlView struct {
	Tool        model.Tool
	StartedAt   string
	FinishedAt  string
	Interrupted bool
	MinSeverity string
	Hidden      int
	FailOn      string
	// Jurisdiction is what the rules ran with, shown when the report
	// records no provenance.
	Jurisdiction string
	Provenance   *model.Provenance
	Settings     []keyValue
	Sites        []*siteView
	// Embedded is the number of bytes of screenshots embedded.
	Embedded int
}

type keyValue struct{ Key, Value string }

type siteView struct {
	Anchor     string
	Name       string
	NotScanned string
	Site       *model.Site
	FinalURL   string
	// Verdict: counts by severity (highest first) and the most serious
	// findings in plain words.
	Counts  []sevCount
	Active  int
	Top     []topFinding
	Groups  []*ruleGroup
	Phases  []phaseView
	Vendors []*vendorRow
	Consent []consentView
	Policy  *policyView
	Decl    []DeclarationEntry
	Extra   []extraView
	Errors  []string
	Banner  string
	// Open is true when the site's sections open by default: in a report
	// of few sites. A report of many shows each site's verdict and
	// findings' headings, and every section opens on a click (and for
	// printing).
	Open bool
}

type sevCount struct {
	Severity string
	N        int
}

type topFinding struct {
	Severity, Title, Message, Anchor string
}

type ruleGroup struct {
	ID, Anchor, Title, Severity  string
	Rationale, Remediation       string
	References                   []string
	Findings                     []findingView
	Active, Suppressed, Baseline int
}

type findingView struct {
	Severity, Phase, Message, Status string
	Evidence                         []model.Evidence
	More                             []model.Evidence
	// ShotAnchor links the screenshot of the finding's phase, ShotLabel
	// says which.
	ShotAnchor, ShotLabel string
}

type phaseView struct {
	Name, StartedAt, FinishedAt string
	Requests, Third             int
	Cookies, Storage            int
	Pages                       int
	Shot                        *shot
}

type vendorRow struct {
	Name, Category, FirstPage, FirstPhase string
	Unattributed                          bool
	Cells                                 []vendorCell
}

type vendorCell struct {
	Phase                      string
	Present                    bool
	Requests, Cookies, Storage int
}

type consentView struct {
	Phase    string
	Anchor   string
	R        *model.ConsentResult
	Shots    []shot
	Files    []string
	PreTick  string
	Verified string
}

type policyView struct {
	Open                                      bool
	URL, Language, LastUpdated, Source, Error string
	Unread, Truncated                         bool
	Vendors                                   []policyVendor
	Signals                                   []signalRow
	Claims                                    []claimRow
	Elements                                  []elementRow
}

type policyVendor struct {
	Name, Named, Seen, Status, Class string
}

type signalRow struct {
	Signal, Stance, Quote, Phase, Behaviour, Verdict, Class string
}

type claimRow struct {
	Claim, Value, Sentence, Verdict, Class string
	Evidence                               []string
}

type elementRow struct {
	Name    string
	Present bool
	Quote   string
}

type extraView struct {
	Phase       string
	Journey     *model.Journey
	Leaks       []model.Leak
	PixelEvents []model.PixelEvent
	Behaviours  []model.Behaviour
}

// openSites is the most sites a report opens every section of.
const openSites = 5

type viewBuilder struct {
	o        Options
	embedded int
	// seen are the images of the current site by hash, each embedded once.
	seen map[[32]byte]shot
}

func (o Options) htmlView(r *model.Report) *htmlView {
	v := &viewBuilder{o: o}
	hv := &htmlView{Tool: r.Tool, StartedAt: r.StartedAt, FinishedAt: r.FinishedAt, Interrupted: r.Interrupted,
		MinSeverity: r.MinSeverity, Hidden: r.HiddenFindings, FailOn: o.failOn(r), Provenance: r.Provenance, Jurisdiction: o.Jurisdiction}
	if p := r.Provenance; p != nil {
		for k, val := range p.Settings {
			hv.Settings = append(hv.Settings, keyValue{k, val})
		}
		sort.Slice(hv.Settings, func(i, j int) bool { return hv.Settings[i].Key < hv.Settings[j].Key })
	}
	for i, s := range r.Sites {
		sv := v.site(i, s)
		sv.Open = len(r.Sites) <= openSites
		if sv.Policy != nil {
			sv.Policy.Open = sv.Open
		}
		hv.Sites = append(hv.Sites, sv)
	}
	hv.Embedded = v.embedded
	return hv
}

func (v *viewBuilder) site(i int, s model.SiteReport) *siteView {
	sv := &siteView{Anchor: fmt.Sprintf("s%d", i+1), Name: siteName(s, i), NotScanned: notScanned(s), Site: s.Site}
	v.seen = map[[32]byte]shot{}
	sv.verdict(s.Findings)
	if s.Site == nil {
		return sv
	}
	if s.FinalURL != "" && s.FinalURL != s.URL {
		sv.FinalURL = s.FinalURL
	}
	sv.Errors = s.Errors
	sv.Banner = bannerWords(s.Consent)
	shotAnchors := map[string]string{}
	for _, ph := range phasesOf(s.Site) {
		p := s.Phases[ph]
		if p == nil {
			continue
		}
		pv := phaseView{Name: ph, StartedAt: p.StartedAt, FinishedAt: p.FinishedAt, Requests: len(p.Requests), Third: countThird(p),
			Cookies: len(p.Cookies), Storage: len(p.Storage), Pages: len(p.Pages)}
		if p.Screenshot != "" {
			sh := v.loadShot(p.Screenshot, "The first page as loaded in "+ph, sv.Anchor+"-shot-"+ph)
			pv.Shot = &sh
			shotAnchors[ph] = sh.Anchor
		}
		sv.Phases = append(sv.Phases, pv)
		if p.Consent != nil {
			sv.Consent = append(sv.Consent, v.consent(sv.Anchor, ph, p.Consent))
		}
		if p.Journey != nil || len(p.Leaks)+len(p.PixelEvents)+len(p.Behaviours) > 0 {
			sv.Extra = append(sv.Extra, extraView{Phase: ph, Journey: p.Journey, Leaks: p.Leaks, PixelEvents: p.PixelEvents, Behaviours: p.Behaviours})
		}
	}
	consentAnchor := ""
	if len(sv.Consent) > 0 {
		consentAnchor = sv.Anchor + "-consent"
	}
	sv.groups(v.o, s.Findings, shotAnchors, consentAnchor)
	sv.Vendors = vendorMatrix(s.Site)
	sv.Policy = policyOf(s.Site, s.Findings)
	sv.Decl = siteDeclaration(s.Site)
	return sv
}

func bannerWords(c model.ConsentSummary) string {
	if !c.BannerDetected {
		return "not detected"
	}
	b := "detected"
	if c.CMP != nil && *c.CMP != "" {
		b += " (" + *c.CMP + ")"
	}
	if c.AcceptClicked {
		b += fmt.Sprintf("; accept in %d click(s)", c.AcceptClicks)
	} else {
		b += "; accept not done"
	}
	if c.RejectClicked {
		b += fmt.Sprintf("; reject in %d click(s)", c.RejectClicks)
		if c.RejectOnFirstLayer {
			b += " on the first layer"
		}
	} else {
		b += "; reject not done"
	}
	return b
}

// verdict counts the active findings by severity and picks the three most
// serious, one per rule.
func (sv *siteView) verdict(fs []model.Finding) {
	c := counts(fs)
	for i := len(model.Severities) - 1; i >= 0; i-- {
		sev := model.Severities[i]
		sv.Counts = append(sv.Counts, sevCount{sev, c[sev]})
		sv.Active += c[sev]
	}
	seen := map[string]bool{}
	for _, f := range fs { // sorted most serious first
		if f.Suppressed != nil || f.Baseline || seen[f.Rule] {
			continue
		}
		seen[f.Rule] = true
		title := f.Title
		if title == "" {
			title = f.Rule
		}
		sv.Top = append(sv.Top, topFinding{Severity: f.Severity, Title: title, Message: f.Message, Anchor: sv.Anchor + "-r-" + slug(f.Rule)})
		if len(sv.Top) == 3 {
			break
		}
	}
}

// groups gathers findings by rule, in the order of each rule's most serious
// finding, with the rule's rationale, references and remediation.
func (sv *siteView) groups(o Options, fs []model.Finding, shots map[string]string, consentAnchor string) {
	byRule := map[string]*ruleGroup{}
	for _, f := range fs {
		g := byRule[f.Rule]
		if g == nil {
			g = &ruleGroup{ID: f.Rule, Anchor: sv.Anchor + "-r-" + slug(f.Rule), Title: f.Title, Severity: f.Severity}
			if rl, ok := o.lookup(f.Rule); ok {
				g.Rationale, g.Remediation, g.References = rl.Rationale, rl.Remediation, rl.References
				if g.Title == "" {
					g.Title = rl.Title
				}
			}
			byRule[f.Rule] = g
			sv.Groups = append(sv.Groups, g)
		}
		fv := findingView{Severity: f.Severity, Message: f.Message, Phase: "-"}
		switch {
		case f.Suppressed != nil:
			fv.Status = "suppressed: " + f.Suppressed.Reason
			g.Suppressed++
		case f.Baseline:
			fv.Status = "baseline"
			g.Baseline++
		default:
			g.Active++
		}
		if f.Phase != nil {
			fv.Phase = *f.Phase
			if a := shots[*f.Phase]; a != "" {
				fv.ShotAnchor, fv.ShotLabel = a, "screenshot of "+*f.Phase
			}
		}
		for _, e := range f.Evidence {
			if e.Kind == "consent" && consentAnchor != "" {
				fv.ShotAnchor, fv.ShotLabel = consentAnchor, "banner screenshots"
			}
		}
		if len(f.Evidence) > 5 {
			fv.Evidence, fv.More = f.Evidence[:5], f.Evidence[5:]
		} else {
			fv.Evidence = f.Evidence
		}
		g.Findings = append(g.Findings, fv)
		if model.SeverityRank(f.Severity) > model.SeverityRank(g.Severity) {
			g.Severity = f.Severity
		}
	}
}

func (v *viewBuilder) consent(site, phase string, r *model.ConsentResult) consentView {
	cv := consentView{Phase: phase, Anchor: site + "-consent", R: r}
	imgs := 0
	for _, p := range r.Screenshots {
		if !isImagePath(p) {
			cv.Files = append(cv.Files, p)
			continue
		}
		caption := "the banner before the click"
		switch {
		case strings.HasSuffix(p, "-after.png"):
			caption = "the page after the click"
		case imgs > 0 && !strings.HasSuffix(p, "-before.png"):
			caption = "the page after the click"
		}
		imgs++
		cv.Shots = append(cv.Shots, v.loadShot(p, phase+": "+caption, fmt.Sprintf("%s-%s-%d", cv.Anchor, phase, imgs)))
	}
	if r.SettingsRead {
		if len(r.PreTicked) == 0 {
			cv.PreTick = "none"
		} else {
			cv.PreTick = strings.Join(r.PreTicked, ", ")
		}
	}
	switch {
	case !r.Clicked:
		cv.Verified = "no choice made"
	case r.Verified:
		cv.Verified = "the banner went away"
	default:
		cv.Verified = "the banner stayed after the click"
	}
	return cv
}

// vendorMatrix lists every vendor seen (and every third-party host no
// vendor was attributed to) with its presence in each phase.
func vendorMatrix(s *model.Site) []*vendorRow {
	phases := phasesOf(s)
	idx := map[string]*vendorRow{}
	var rows []*vendorRow
	get := func(key, name, category, phase, page string, unattributed bool) *vendorCell {
		r := idx[key]
		if r == nil {
			r = &vendorRow{Name: name, Category: category, Unattributed: unattributed}
			for _, ph := range phases {
				r.Cells = append(r.Cells, vendorCell{Phase: ph})
			}
			idx[key] = r
			rows = append(rows, r)
		}
		if (r.Category == "" || r.Category == model.CategoryUnknown) && category != "" {
			r.Category = category
		}
		if r.FirstPhase == "" || slices.Index(model.AllPhases, phase) < slices.Index(model.AllPhases, r.FirstPhase) {
			r.FirstPhase, r.FirstPage = phase, page
		}
		c := &r.Cells[slices.Index(phases, phase)]
		c.Present = true
		return c
	}
	key := func(id, name string) string {
		if id != "" {
			return "id:" + id
		}
		return "name:" + strings.ToLower(name)
	}
	for _, ph := range phases {
		p := s.Phases[ph]
		if p == nil {
			continue
		}
		for _, rq := range p.Requests {
			switch {
			case rq.Vendor != "":
				get(key(rq.VendorID, rq.Vendor), rq.Vendor, rq.Category, ph, rq.Page, false).Requests++
			case rq.Party == model.PartyThird && rq.Host != "":
				get("host:"+rq.Host, rq.Host, rq.Category, ph, rq.Page, true).Requests++
			}
		}
		for _, c := range p.Cookies {
			if c.Vendor != "" {
				get(key(c.VendorID, c.Vendor), c.Vendor, c.Category, ph, c.Page, false).Cookies++
			}
		}
		for _, it := range p.Storage {
			if it.Vendor != "" {
				get(key(it.VendorID, it.Vendor), it.Vendor, it.Category, ph, it.Page, false).Storage++
			}
		}
	}
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		if a.Unattributed != b.Unattributed {
			return !a.Unattributed
		}
		if ra, rb := categoryRank(a.Category), categoryRank(b.Category); ra != rb {
			return ra > rb // advertising and analytics first
		}
		return strings.ToLower(a.Name) < strings.ToLower(b.Name)
	})
	return rows
}

// claimRules maps each checkable claim onto the rule that checks it.
var claimRules = []struct {
	name, rule string
	get        func(*model.Claims) *model.Claim
}{
	{"IP addresses are anonymised", "claim-ip-anonymisation-contradicted", func(c *model.Claims) *model.Claim { return c.IPAnonymised }},
	{"Data stays in", "claim-data-location-contradicted", func(c *model.Claims) *model.Claim { return c.DataLocation }},
	{"Consent is asked before marketing", "claim-consent-contradicted", func(c *model.Claims) *model.Claim { return c.ConsentForMarketing }},
	{"Consent is asked before analytics", "claim-consent-contradicted", func(c *model.Claims) *model.Claim { return c.ConsentForAnalytics }},
	{"Data is not sold or shared", "claim-no-sale-contradicted", func(c *model.Claims) *model.Claim { return c.NoSale }},
}

// elementNames are the Art. 13 elements with the key of their evidence.
var art13Elements = []struct {
	name, key string
	get       func(model.Elements) bool
}{
	{"Identity of the controller", "controller_identity", func(e model.Elements) bool { return e.ControllerIdentity }},
	{"Contact details", "contact", func(e model.Elements) bool { return e.Contact }},
	{"Purposes of processing", "purposes", func(e model.Elements) bool { return e.Purposes }},
	{"Legal basis", "legal_basis", func(e model.Elements) bool { return e.LegalBasis }},
	{"Retention period", "retention", func(e model.Elements) bool { return e.Retention }},
	{"Data subject rights", "rights", func(e model.Elements) bool { return e.Rights }},
	{"Right to complain to an authority", "complaint", func(e model.Elements) bool { return e.Complaint }},
	{"Recipients", "recipients", func(e model.Elements) bool { return e.Recipients }},
	{"Transfers outside the EEA", "transfers", func(e model.Elements) bool { return e.Transfers }},
	{"Cookies", "cookies", func(e model.Elements) bool { return e.Cookies }},
}

// policyOf sets what the policy says beside what the site does.
func policyOf(s *model.Site, fs []model.Finding) *policyView {
	pf := s.Policy
	if pf == nil {
		return nil
	}
	pv := &policyView{Language: pf.Language, Source: pf.Source, Error: pf.Error, Unread: pf.PolicyUnread(), Truncated: pf.Truncated}
	if pf.URL != nil {
		pv.URL = *pf.URL
	}
	if pf.LastUpdated != nil {
		pv.LastUpdated = *pf.LastUpdated
	}
	byRule := map[string][]model.Finding{}
	for _, f := range fs {
		byRule[f.Rule] = append(byRule[f.Rule], f)
	}
	pv.Vendors = policyVendors(s, pf)
	pv.Signals = []signalRow{
		signalOf(s, "Do Not Track", pf.DNTStance, pf.Evidence["dnt_stance"], model.PhaseDNT, byRule["dnt-ignored"]),
		signalOf(s, "Global Privacy Control", pf.GPCStance, pf.Evidence["gpc_stance"], model.PhaseGPC, byRule["gpc-ignored"]),
	}
	for _, c := range claimRules {
		cl := c.get(&pf.Claims)
		if cl == nil {
			continue
		}
		row := claimRow{Claim: c.name, Value: cl.Value, Sentence: cl.Sentence}
		for _, f := range byRule[c.rule] {
			row.Evidence = append(row.Evidence, f.Message)
		}
		switch {
		case len(row.Evidence) > 0:
			row.Verdict, row.Class = "contradicted by the scan", "bad"
		case !s.Scanned:
			row.Verdict, row.Class = "not checked: the site was not scanned", "muted"
		default:
			row.Verdict, row.Class = "no contradiction observed", "good"
		}
		pv.Claims = append(pv.Claims, row)
	}
	if pv.URL != "" && !pv.Unread {
		for _, e := range art13Elements {
			row := elementRow{Name: e.name, Present: e.get(pf.Elements)}
			if q, ok := pf.Evidence["elements."+e.key]; ok {
				row.Quote = q.Sentence
			}
			pv.Elements = append(pv.Elements, row)
		}
	}
	return pv
}

// policyVendors sets the vendors the policy names against those seen.
func policyVendors(s *model.Site, pf *model.PolicyFacts) []policyVendor {
	type seen struct {
		name   string
		phases []string
	}
	var seenList []*seen
	seenBy := map[string]*seen{}
	for _, ph := range phasesOf(s) {
		p := s.Phases[ph]
		if p == nil {
			continue
		}
		note := func(id, name string) {
			if name == "" {
				return
			}
			k := strings.ToLower(name)
			if id != "" {
				k = "id:" + id
			}
			sv := seenBy[k]
			if sv == nil {
				sv = &seen{name: name}
				seenBy[k] = sv
				seenList = append(seenList, sv)
				if id != "" {
					seenBy[strings.ToLower(name)] = sv
				}
			}
			if !slices.Contains(sv.phases, ph) {
				sv.phases = append(sv.phases, ph)
			}
		}
		for _, r := range p.Requests {
			if r.Party == model.PartyThird || r.CNAMECloaked {
				note(r.VendorID, r.Vendor)
			}
		}
		for _, c := range p.Cookies {
			if c.Party == model.PartyThird {
				note(c.VendorID, c.Vendor)
			}
		}
	}
	var out []policyVendor
	matched := map[*seen]bool{}
	lookup := func(id, name string) *seen {
		if id != "" {
			if sv := seenBy["id:"+id]; sv != nil {
				return sv
			}
		}
		return seenBy[strings.ToLower(name)]
	}
	add := func(name, how, id string) {
		sv := lookup(id, name)
		pvd := policyVendor{Name: name, Named: how}
		if sv != nil {
			matched[sv] = true
			pvd.Seen = strings.Join(sv.phases, ", ")
			pvd.Status, pvd.Class = "named and seen", "good"
		} else {
			pvd.Seen = "not seen"
			pvd.Status, pvd.Class = "named, not seen", "muted"
		}
		out = append(out, pvd)
	}
	for i, name := range pf.VendorsMentioned {
		id := ""
		if i < len(pf.VendorIDs) && len(pf.VendorIDs) == len(pf.VendorsMentioned) {
			id = pf.VendorIDs[i]
		}
		how := "named"
		if q, ok := pf.Evidence["vendor:"+id]; ok && id != "" {
			how = "named: “" + q.Sentence + "”"
		}
		add(name, how, id)
	}
	for _, rc := range pf.Recipients {
		if slices.ContainsFunc(out, func(p policyVendor) bool { return strings.EqualFold(p.Name, rc.Name) }) {
			continue
		}
		how := "recipient"
		if rc.Role != "" {
			how += " (" + rc.Role + ")"
		}
		add(rc.Name, how, "")
	}
	for _, sv := range seenList {
		if matched[sv] {
			continue
		}
		matched[sv] = true
		out = append(out, policyVendor{Name: sv.name, Named: "not named", Seen: strings.Join(sv.phases, ", "), Status: "seen, not named", Class: "bad"})
	}
	return out
}

// signalOf sets a policy's stance on a signal beside what the site did in
// the phase that sent it.
func signalOf(s *model.Site, name, stance string, q model.Quote, phase string, fs []model.Finding) signalRow {
	row := signalRow{Signal: name, Stance: stance, Quote: q.Sentence, Phase: phase}
	if row.Stance == "" {
		row.Stance = model.StanceNotMentioned
	}
	p := s.Phases[phase]
	if p == nil {
		row.Behaviour = "the " + phase + " phase did not run"
		row.Class = "muted"
		return row
	}
	reqs, cookies := 0, 0
	var vendors []string
	for _, r := range p.Requests {
		if r.Party == model.PartyThird && tracking(r.Category) {
			reqs++
			if r.Vendor != "" && !slices.Contains(vendors, r.Vendor) {
				vendors = append(vendors, r.Vendor)
			}
		}
	}
	for _, c := range p.Cookies {
		if tracking(c.Category) {
			cookies++
		}
	}
	row.Behaviour = fmt.Sprintf("with the signal sent: %d tracking request(s), %d tracking cookie(s)", reqs, cookies)
	if len(vendors) > 0 {
		if len(vendors) > 8 {
			vendors = append(vendors[:8], "…")
		}
		row.Behaviour += " (" + strings.Join(vendors, ", ") + ")"
	}
	switch {
	case len(fs) > 0:
		row.Verdict, row.Class = "contradicted: "+fs[0].Message, "bad"
	case stance == model.StanceHonored && reqs+cookies > 0:
		row.Verdict, row.Class = "tracking went on although the policy says the signal is honoured", "bad"
	case stance == model.StanceHonored:
		row.Verdict, row.Class = "consistent", "good"
	default:
		row.Verdict, row.Class = "no promise to compare", "muted"
	}
	return row
}

// tracking tells the categories that need consent.
func tracking(c string) bool {
	switch model.BaseCategory(c) {
	case model.CategoryAnalytics, model.CategoryAdvertising, model.CategorySocial:
		return true
	}
	return false
}

// slug makes a rule id (a custom rule's id comes from a configuration file)
// into a fragment anchor.
func slug(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' {
			return r
		}
		return '_'
	}, s)
}
