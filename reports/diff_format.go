package reports

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/privacyscan/privacyscan/scanner/model"
)

// DiffWriter renders a comparison of two reports.
type DiffWriter interface {
	Write(w io.Writer, d *model.ReportDiff) error
}

type diffFormat struct {
	name string
	new  func(Options) DiffWriter
}

// diffFormats is the registry of diff writers, in help order: a table for
// the terminal, JSON for programs, Markdown for a pull-request comment.
var diffFormats = []diffFormat{
	{"table", func(o Options) DiffWriter { return diffTableWriter{o} }},
	{"json", func(o Options) DiffWriter { return diffJSONWriter{} }},
	{"markdown", func(o Options) DiffWriter { return diffMarkdownWriter{o} }},
}

// DiffFormats lists the format names of `privacyscan diff --format`.
func DiffFormats() []string {
	out := make([]string, len(diffFormats))
	for i, f := range diffFormats {
		out[i] = f.name
	}
	return out
}

// NewDiff returns the diff writer for a format name.
func NewDiff(name string, o Options) (DiffWriter, error) {
	for _, f := range diffFormats {
		if f.name == name {
			return f.new(o), nil
		}
	}
	return nil, fmt.Errorf("unknown format %q (want one of %s)", name, strings.Join(DiffFormats(), ", "))
}

type diffJSONWriter struct{}

// Write writes the diff as indented JSON, HTML characters escaped as in the
// JSON report.
func (diffJSONWriter) Write(w io.Writer, d *model.ReportDiff) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(d)
}

// diffTotals are the finding counts over all sites.
type diffTotals struct {
	new, resolved, unchanged, failing int
}

func totals(d *model.ReportDiff, failOn string) diffTotals {
	t := diffTotals{failing: len(FailingNew(d, failOn))}
	for _, s := range d.Sites {
		t.new += len(s.Findings.New)
		t.resolved += len(s.Findings.Resolved)
		t.unchanged += len(s.Findings.Unchanged)
	}
	return t
}

// summary is the one-line verdict both the table and Markdown start with.
func (t diffTotals) summary(failOn string, code func(string) string) string {
	s := plural(t.new, "new finding", "new findings")
	if failOn != "" && failOn != "none" {
		s += fmt.Sprintf(" (%d at or above %s)", t.failing, code(failOn))
	}
	return s + fmt.Sprintf(", %d resolved, %d unchanged", t.resolved, t.unchanged)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// diffSourceLine says which scan a side of the diff is.
func diffSourceLine(s model.DiffSource) string {
	line := "scan of " + s.StartedAt + " (privacyscan " + s.ToolVersion + ")"
	if s.File != "" {
		line = s.File + ": " + line
	}
	if s.Interrupted {
		line += ", interrupted"
	}
	return line
}

// itemRow is one item that appeared or disappeared, with the phases in
// which it did; site strings are not yet escaped. sign is + or -, kind
// vendor, host, cookie, storage, or phase for a phase that ran in one scan
// only.
type itemRow struct {
	sign, kind, item string
	phases           map[string]bool
}

// kindOrder orders the rows of one sign.
var kindOrder = map[string]int{"vendor": 0, "host": 1, "cookie": 2, "storage": 3, "phase": 4}

// phaseRows flattens a site's phase changes into one row per item, marked
// with every phase it appeared (or disappeared) in: a tag removed from
// every page is one row, not five.
func phaseRows(s model.SiteDiff) []*itemRow {
	var rows []*itemRow
	byKey := map[string]*itemRow{}
	add := func(phase, sign, kind, item string) {
		k := sign + "\x00" + kind + "\x00" + item
		r := byKey[k]
		if r == nil {
			r = &itemRow{sign: sign, kind: kind, item: item, phases: map[string]bool{}}
			byKey[k] = r
			rows = append(rows, r)
		}
		r.phases[phase] = true
	}
	side := func(phase, sign string, vs []model.VendorRef, hs []string, cs []model.CookieRef, ss []model.StorageRef) {
		for _, v := range vs {
			add(phase, sign, "vendor", vendorLabel(v))
		}
		for _, h := range hs {
			add(phase, sign, "host", h)
		}
		for _, c := range cs {
			add(phase, sign, "cookie", withVendor(c.Name+" @ "+c.Domain, c.Vendor))
		}
		for _, st := range ss {
			add(phase, sign, "storage", withVendor(st.Type+" "+st.Key+" @ "+st.Origin, st.Vendor))
		}
	}
	for _, pd := range s.Phases {
		switch pd.Status {
		case model.PhaseAdded:
			add(pd.Phase, "+", "phase", pd.Phase+": only in the new scan, not compared")
		case model.PhaseRemoved:
			add(pd.Phase, "-", "phase", pd.Phase+": only in the old scan, not compared")
		default:
			side(pd.Phase, "+", pd.Vendors.Appeared, pd.Hosts.Appeared, pd.Cookies.Appeared, pd.Storage.Appeared)
			side(pd.Phase, "-", pd.Vendors.Disappeared, pd.Hosts.Disappeared, pd.Cookies.Disappeared, pd.Storage.Disappeared)
		}
	}
	// Appeared first, then by kind; items keep their order within a kind
	// (sorted within each phase, first phase first).
	slices.SortStableFunc(rows, func(a, b *itemRow) int {
		return cmp.Or(strings.Compare(a.sign, b.sign), kindOrder[a.kind]-kindOrder[b.kind])
	})
	return rows
}

// phaseMarks are the phases of a row as the report's table marks them:
// one letter per phase in report order, · where the row is not.
func phaseMarks(r *itemRow) string { return marks(model.AllPhases, r.phases) }

// phaseLegend explains phaseMarks.
const phaseLegend = "B before consent, A after accept, R after reject, D DNT, G GPC"

func vendorLabel(v model.VendorRef) string {
	if v.Name == "" {
		return v.ID
	}
	return v.Name
}

func withVendor(s, vendor string) string {
	if vendor == "" {
		return s
	}
	return s + " (" + vendor + ")"
}

// fieldRow is one changed consent or policy field, values not yet escaped.
type fieldRow struct {
	section, field, old, new string
}

// fieldRows renders the consent and policy changes for people: scalars as
// old and new value, lists as what was removed (under Old) and added (under
// New).
func fieldRows(s model.SiteDiff) []fieldRow {
	var rows []fieldRow
	add := func(section string, cs []model.FieldChange) {
		for _, c := range cs {
			if c.Added != nil || c.Removed != nil {
				rows = append(rows, fieldRow{section, c.Field, listed("removed", c.Removed), listed("added", c.Added)})
				continue
			}
			rows = append(rows, fieldRow{section, c.Field, fieldValue(c.Old), fieldValue(c.New)})
		}
	}
	add("consent", s.Consent)
	add("policy", s.Policy)
	return rows
}

// listed renders one side of a list change: "removed: a, b".
func listed(what string, items []string) string {
	if len(items) == 0 {
		return ""
	}
	return what + ": " + strings.Join(items, ", ")
}

// siteNote is what a site without compared contents shows.
func siteNote(s model.SiteDiff) string {
	switch s.Status {
	case model.DiffRemoved:
		return "only in the old report: no longer scanned, nothing compared"
	case model.DiffNotScanned:
		return "the new scan could not load it: nothing compared"
	case model.DiffAdded:
		return "only in the new report: its findings are new"
	}
	return ""
}
