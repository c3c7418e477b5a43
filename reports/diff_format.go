package reports

import (
	"encoding/json"
	"fmt"
	"io"
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

// itemRow is one appeared or disappeared item, site strings not yet
// escaped: sign is + or -, kind vendor, host, cookie or storage.
type itemRow struct {
	phase, sign, kind, item string
}

// phaseRows flattens a site's phase changes into rows.
func phaseRows(s model.SiteDiff) []itemRow {
	var rows []itemRow
	for _, pd := range s.Phases {
		switch pd.Status {
		case model.PhaseAdded:
			rows = append(rows, itemRow{pd.Phase, "+", "phase", "only in the new scan (not compared)"})
			continue
		case model.PhaseRemoved:
			rows = append(rows, itemRow{pd.Phase, "-", "phase", "only in the old scan (not compared)"})
			continue
		}
		rows = append(rows, itemRows(pd.Phase, "+", pd.Vendors.Appeared, pd.Hosts.Appeared, pd.Cookies.Appeared, pd.Storage.Appeared)...)
		rows = append(rows, itemRows(pd.Phase, "-", pd.Vendors.Disappeared, pd.Hosts.Disappeared, pd.Cookies.Disappeared, pd.Storage.Disappeared)...)
	}
	return rows
}

// itemRows lists one side (appeared or disappeared) of a phase's changes.
func itemRows(phase, sign string, vs []model.VendorRef, hs []string, cs []model.CookieRef, ss []model.StorageRef) []itemRow {
	var rows []itemRow
	for _, v := range vs {
		rows = append(rows, itemRow{phase, sign, "vendor", vendorLabel(v)})
	}
	for _, h := range hs {
		rows = append(rows, itemRow{phase, sign, "host", h})
	}
	for _, c := range cs {
		rows = append(rows, itemRow{phase, sign, "cookie", withVendor(c.Name+" @ "+c.Domain, c.Vendor)})
	}
	for _, st := range ss {
		rows = append(rows, itemRow{phase, sign, "storage", withVendor(st.Type+" "+st.Key+" @ "+st.Origin, st.Vendor)})
	}
	return rows
}

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
