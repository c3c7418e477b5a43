package reports

import (
	"fmt"
	"io"
	"strings"

	"github.com/privacyscan/privacyscan/scanner/model"
)

// diffTableWriter renders a diff for the terminal.
type diffTableWriter struct{ o Options }

func (t diffTableWriter) Write(w io.Writer, d *model.ReportDiff) error {
	c := func(v string) string { return Clean(v, 120) }
	tw := tableWriter{t.o}
	fmt.Fprintf(w, "privacyscan diff\n  old: %s\n  new: %s\n", c(diffSourceLine(d.Old)), c(diffSourceLine(d.New)))
	fmt.Fprintf(w, "Findings: %s\n", totals(d, t.o.FailOn).summary(t.o.FailOn, func(s string) string { return s }))
	var unchanged []string
	for _, s := range d.Sites {
		if s.Status == model.DiffUnchanged {
			unchanged = append(unchanged, c(s.URL))
			continue
		}
		fmt.Fprintf(w, "\n%s: %s", c(s.URL), s.Status)
		if note := siteNote(s); note != "" {
			fmt.Fprintf(w, " (%s)", note)
		}
		fmt.Fprintln(w)
		for _, part := range []struct {
			title string
			fs    []model.Finding
		}{{"New findings", s.Findings.New}, {"Resolved findings", s.Findings.Resolved}} {
			if len(part.fs) == 0 {
				continue
			}
			tw.heading(w, part.title)
			tb := NewFitTable(w, 50, t.o.Width, "Severity", "Rule", "Phase", "Finding")
			for _, f := range part.fs {
				_ = tb.Append(tw.sev(severityLabel(f), f.Severity), f.Rule, phaseLabel(f), c(f.Message))
			}
			if err := tb.Render(); err != nil {
				return err
			}
		}
		if n := len(s.Findings.Unchanged); n > 0 && s.Status != model.DiffAdded {
			fmt.Fprintf(w, "\n%s unchanged.\n", plural(n, "finding", "findings"))
		}
		if rows := phaseRows(s); len(rows) > 0 {
			tw.heading(w, "Appeared (+) and disappeared (-)")
			tb := NewFitTable(w, 50, t.o.Width, "", "Kind", "Item", "Phases")
			for _, r := range rows {
				_ = tb.Append(r.sign, r.kind, c(r.item), phaseMarks(r))
			}
			if err := tb.Render(); err != nil {
				return err
			}
			fmt.Fprintf(w, "Phases: %s.\n", phaseLegend)
		}
		if rows := fieldRows(s); len(rows) > 0 {
			tw.heading(w, "Consent and policy")
			tb := NewFitTable(w, 50, t.o.Width, "Section", "Field", "Old", "New")
			for _, r := range rows {
				_ = tb.Append(r.section, r.field, c(r.old), c(r.new))
			}
			if err := tb.Render(); err != nil {
				return err
			}
		}
	}
	if len(unchanged) > 0 {
		fmt.Fprintf(w, "\nUnchanged: %s\n", strings.Join(unchanged, ", "))
	}
	if len(d.Sites) == 0 {
		fmt.Fprintln(w, "\nNo sites in either report.")
	}
	return nil
}
