package reports

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"

	"github.com/privacyscan/privacyscan/rules"
	"github.com/privacyscan/privacyscan/scanner/model"
)

type tableWriter struct{ o Options }

// phaseLetters abbreviate phases in "seen in" columns.
var phaseLetters = map[string]string{
	model.PhaseBeforeConsent: "B", model.PhaseAfterAccept: "A", model.PhaseAfterReject: "R",
	model.PhaseDNT: "D", model.PhaseGPC: "G",
}

func (t tableWriter) Write(w io.Writer, r *model.Report) error {
	Normalize(r)
	for i := range r.Sites {
		if i > 0 {
			fmt.Fprintln(w)
		}
		if err := t.site(w, &r.Sites[i], i); err != nil {
			return err
		}
	}
	if r.HiddenFindings > 0 {
		fmt.Fprintf(w, "\n%d finding(s) below %s not shown (--severity); they still count toward --fail-on.\n", r.HiddenFindings, r.MinSeverity)
	}
	if r.Interrupted {
		fmt.Fprintln(w, "\nThe scan was interrupted; the report holds what was gathered.")
	}
	if line := provenanceLine(r); line != "" {
		fmt.Fprintf(w, "\n%s\n", wrapWords("Scanned with "+line+".", t.o.Width))
	}
	return nil
}

func (t tableWriter) heading(w io.Writer, s string) {
	if t.o.Color {
		fmt.Fprintf(w, "\n\x1b[1m%s\x1b[0m\n", s)
		return
	}
	fmt.Fprintf(w, "\n%s\n", s)
}

func (t tableWriter) newTable(w io.Writer, header ...string) *FitTable {
	return NewFitTable(w, 50, t.o.Width, header...)
}

// NewTable is privacyscan's table style: box drawing, cells wrapped at
// maxWidth, headers as written. Every command's table uses it.
func NewTable(w io.Writer, maxWidth int, header ...any) *tablewriter.Table {
	tb := tablewriter.NewTable(w,
		tablewriter.WithRenderer(renderer.NewBlueprint()),
		tablewriter.WithRowAutoWrap(tw.WrapNormal),
		tablewriter.WithRowMaxWidth(maxWidth),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithTrimSpace(tw.On),
	)
	if len(header) > 0 {
		tb.Header(header...)
	}
	return tb
}

// severityLabel is a finding's severity with its suppressed or baseline state.
func severityLabel(f model.Finding) string {
	switch {
	case f.Suppressed != nil:
		return f.Severity + " (suppressed)"
	case f.Baseline:
		return f.Severity + " (baseline)"
	}
	return f.Severity
}

// phaseLabel is a finding's phase, "-" for site-wide findings.
func phaseLabel(f model.Finding) string {
	if f.Phase == nil {
		return "-"
	}
	return *f.Phase
}

func (t tableWriter) site(w io.Writer, s *model.SiteReport, i int) error {
	c := func(v string) string { return Clean(v, 120) }
	fmt.Fprintf(w, "privacyscan report for %s\n", c(siteName(*s, i)))
	ns := notScanned(*s)
	if ns != "" {
		fmt.Fprintln(w, t.sev(ns, rules.Critical))
	}
	if s.Site == nil {
		return nil
	}

	// Summary.
	sum := t.newTable(w)
	phases := phasesOf(s.Site)
	add := func(k, v string) { _ = sum.Append(k, v) }
	if s.FinalURL != "" && s.FinalURL != s.URL {
		add("Final URL", c(s.FinalURL))
	}
	add("Pages", fmt.Sprintf("%d sampled", len(s.Pages)))
	add("Phases", strings.Join(phases, ", "))
	banner := "not detected"
	if s.Consent.BannerDetected {
		banner = "detected"
		if s.Consent.CMP != nil {
			banner += " (" + c(*s.Consent.CMP) + ")"
		}
	}
	add("Consent banner", banner)
	add("Accept / reject", fmt.Sprintf("accept %s, reject %s", clicked(s.Consent.AcceptClicked, s.Consent.AcceptClicks), clickedLayer(s.Consent.RejectClicked, s.Consent.RejectClicks, s.Consent.RejectOnFirstLayer)))
	pol := "not found"
	if s.Policy != nil && s.Policy.URL != nil {
		pol = c(*s.Policy.URL)
		if s.Policy.Language != "" {
			pol += " [" + c(s.Policy.Language) + "]"
		}
		if s.Policy.LastUpdated != nil {
			pol += ", updated " + c(*s.Policy.LastUpdated)
		}
		pol += policyNotes(s.Policy, c)
	}
	add("Privacy policy", pol)
	for _, ph := range phases {
		p := s.Phases[ph]
		third := map[string]bool{}
		for _, rq := range p.Requests {
			if rq.Party == model.PartyThird {
				third[rq.Host] = true
			}
		}
		add("  "+ph, fmt.Sprintf("%d requests, %d third-party hosts, %d cookies, %d storage keys", len(p.Requests), len(third), len(p.Cookies), len(p.Storage)))
	}
	cn := counts(s.Findings)
	var parts []string
	for i := len(model.Severities) - 1; i >= 0; i-- {
		if n := cn[model.Severities[i]]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, model.Severities[i]))
		}
	}
	if len(parts) == 0 {
		parts = []string{"none"}
		if ns != "" {
			parts = []string{"none: the site was not scanned"}
		}
	}
	add("Findings", strings.Join(parts, ", "))
	if err := sum.Render(); err != nil {
		return err
	}

	// Third parties per phase.
	type tp struct {
		host, vendor, category string
		phases                 map[string]bool
		n                      int
	}
	hosts := map[string]*tp{}
	for _, ph := range phases {
		for _, rq := range s.Phases[ph].Requests {
			if rq.Party != model.PartyThird {
				continue
			}
			h := hosts[rq.Host]
			if h == nil {
				h = &tp{host: rq.Host, vendor: rq.Vendor, category: rq.Category, phases: map[string]bool{}}
				hosts[rq.Host] = h
			}
			h.phases[ph] = true
			h.n++
		}
	}
	if len(hosts) > 0 {
		t.heading(w, "Third parties (B before consent, A after accept, R after reject, D DNT, G GPC)")
		tb := t.newTable(w, "Host", "Vendor", "Category", "Phases", "Requests")
		keys := make([]string, 0, len(hosts))
		for k := range hosts {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			h := hosts[k]
			_ = tb.Append(c(h.host), orDash(c(h.vendor)), orDash(h.category), marks(phases, h.phases), fmt.Sprint(h.n))
		}
		if err := tb.Render(); err != nil {
			return err
		}
	}

	// Cookies per phase.
	type ck struct {
		sc     model.Cookie
		phases map[string]bool
	}
	cks := map[string]*ck{}
	for _, ph := range phases {
		for _, co := range s.Phases[ph].Cookies {
			k := co.Domain + "\x00" + co.Name
			if cks[k] == nil {
				cks[k] = &ck{sc: co, phases: map[string]bool{}}
			}
			cks[k].phases[ph] = true
		}
	}
	if len(cks) > 0 {
		t.heading(w, "Cookies")
		tb := t.newTable(w, "Name", "Domain", "Party", "Vendor", "Category", "Lifetime", "Phases")
		keys := make([]string, 0, len(cks))
		for k := range cks {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			co := cks[k].sc
			cat := co.Category
			if co.Guess {
				cat += " (guess)"
			}
			_ = tb.Append(c(co.Name), c(co.Domain), co.Party, orDash(c(co.Vendor)), orDash(cat), lifetime(co), marks(phases, cks[k].phases))
		}
		if err := tb.Render(); err != nil {
			return err
		}
	}

	// Findings.
	t.heading(w, "Findings")
	switch {
	case len(s.Findings) == 0 && ns != "":
		fmt.Fprintln(w, "None: the site was not scanned.")
	case len(s.Findings) == 0:
		fmt.Fprintln(w, "No findings.")
	default:
		tb := t.newTable(w, "Severity", "Rule", "Phase", "Finding", "Evidence")
		for _, f := range s.Findings {
			_ = tb.Append(t.sev(severityLabel(f), f.Severity), f.Rule, phaseLabel(f), c(f.Message), evidenceSummary(f.Evidence, 3))
		}
		if err := tb.Render(); err != nil {
			return err
		}
	}
	if len(s.Errors) > 0 {
		t.heading(w, "Problems during the scan")
		for _, e := range s.Errors {
			fmt.Fprintf(w, "  - %s\n", Clean(e, 300))
		}
	}
	return nil
}

func (t tableWriter) sev(label, sev string) string {
	if !t.o.Color {
		return label
	}
	code := map[string]string{rules.Critical: "1;31", rules.High: "31", rules.Medium: "33", rules.Low: "36", rules.Info: "2"}[sev]
	return "\x1b[" + code + "m" + label + "\x1b[0m"
}

// evidenceSummary renders up to n distinct evidence items, site strings
// cleaned and shortened to fit a terminal.
func evidenceSummary(ev []model.Evidence, n int) string {
	var parts []string
	seen := map[string]bool{}
	shown, distinct := 0, 0
	for _, e := range ev {
		line := Clean(evidenceLine(e), 70)
		if seen[line] {
			continue
		}
		seen[line] = true
		distinct++
		if shown < n {
			parts = append(parts, line)
			shown++
		}
	}
	if distinct > shown {
		parts = append(parts, fmt.Sprintf("… %d more (see JSON)", distinct-shown))
	}
	return strings.Join(parts, "\n")
}

// evidenceLine renders one evidence item as text.
func evidenceLine(e model.Evidence) string {
	var b strings.Builder
	b.WriteString(e.Kind)
	b.WriteString(": ")
	switch {
	case e.Name != "":
		b.WriteString(e.Name)
		if e.Domain != "" {
			b.WriteString(" @ " + e.Domain)
		}
	case e.URL != "":
		b.WriteString(e.URL)
	case e.Domain != "":
		b.WriteString(e.Domain)
	}
	if e.Detail != "" {
		b.WriteString(" (" + e.Detail + ")")
	}
	return b.String()
}

func marks(all []string, seen map[string]bool) string {
	var b strings.Builder
	for _, p := range all {
		if seen[p] {
			b.WriteString(phaseLetters[p])
		} else {
			b.WriteString("·")
		}
	}
	return b.String()
}

func lifetime(c model.Cookie) string {
	switch {
	case c.Session || c.LifetimeDays == 0:
		return "session"
	case c.LifetimeDays >= 365:
		return fmt.Sprintf("%.1f years", c.LifetimeDays/365)
	case c.LifetimeDays >= 1:
		return fmt.Sprintf("%.0f days", c.LifetimeDays)
	case c.LifetimeDays*24 >= 1:
		return fmt.Sprintf("%.0f hours", c.LifetimeDays*24)
	default:
		return fmt.Sprintf("%.0f minutes", c.LifetimeDays*24*60)
	}
}

func clicked(ok bool, n int) string {
	if !ok {
		return "not done"
	}
	return fmt.Sprintf("in %d click(s)", n)
}

func clickedLayer(ok bool, n int, first bool) string {
	s := clicked(ok, n)
	if ok && first {
		s += " on the first layer"
	}
	return s
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// policyNotes says what limits the reading of a policy: an error, a
// language the analyser does not read, a document cut at the size limit.
func policyNotes(p *model.PolicyFacts, clean func(string) string) string {
	var out string
	if p.Error != "" {
		out += ", not read: " + clean(p.Error)
	}
	if p.PolicyUnread() {
		out += ", not read: language not supported"
	}
	if p.Truncated {
		out += ", cut at the size limit: only its beginning was read"
	}
	return out
}
