package reports

import (
	"fmt"
	"io"
	"strings"

	"github.com/privacyscan/privacyscan/scanner/model"
)

// DiffCommentMarker starts every Markdown diff, so that a CI step can find
// its earlier pull-request comment and update it instead of adding another.
const DiffCommentMarker = "<!-- privacyscan-diff -->"

// diffMarkdownWriter renders a diff as a pull-request comment: a verdict
// line, then per changed site what is new, resolved, appeared and
// disappeared, and what changed in the consent outcome and the policy.
type diffMarkdownWriter struct{ o Options }

func (m diffMarkdownWriter) Write(w io.Writer, d *model.ReportDiff) error {
	var b strings.Builder
	t := totals(d, m.o.FailOn)
	b.WriteString(DiffCommentMarker + "\n## privacyscan diff\n\n")
	verdict := t.summary(m.o.FailOn, func(s string) string { return "`" + s + "`" })
	if t.failing > 0 {
		verdict = "❌ " + verdict
	} else {
		verdict = "✅ " + verdict
	}
	fmt.Fprintf(&b, "%s\n\nOld: %s  \nNew: %s\n", verdict, mdEscape(diffSourceLine(d.Old)), mdEscape(diffSourceLine(d.New)))
	var unchanged []string
	for _, s := range d.Sites {
		if s.Status == model.DiffUnchanged {
			unchanged = append(unchanged, mdEscape(s.URL))
			continue
		}
		fmt.Fprintf(&b, "\n### %s (%s)\n", mdEscape(s.URL), s.Status)
		if note := siteNote(s); note != "" {
			fmt.Fprintf(&b, "\n%s.\n", capitalise(note))
		}
		for _, part := range []struct {
			title string
			fs    []model.Finding
		}{{"New findings", s.Findings.New}, {"Resolved findings", s.Findings.Resolved}} {
			if len(part.fs) == 0 {
				continue
			}
			fmt.Fprintf(&b, "\n#### %s\n\n| Severity | Rule | Phase | Finding |\n|---|---|---|---|\n", part.title)
			for _, f := range part.fs {
				fmt.Fprintf(&b, "| %s | `%s` | %s | %s |\n", severityLabel(f), f.Rule, phaseLabel(f), mdEscape(f.Message))
			}
		}
		if n := len(s.Findings.Unchanged); n > 0 && s.Status != model.DiffAdded {
			fmt.Fprintf(&b, "\n%s unchanged.\n", plural(n, "finding", "findings"))
		}
		if rows := phaseRows(s); len(rows) > 0 {
			b.WriteString("\n#### Appeared and disappeared\n\nPhases: " + phaseLegend + ".\n\n| | Kind | Item | Phases |\n|---|---|---|---|\n")
			for _, r := range rows {
				sign := "➕"
				if r.sign == "-" {
					sign = "➖"
				}
				fmt.Fprintf(&b, "| %s | %s | %s | `%s` |\n", sign, r.kind, mdEscape(r.item), phaseMarks(r))
			}
		}
		if rows := fieldRows(s); len(rows) > 0 {
			b.WriteString("\n#### Consent and policy\n\n| Section | Field | Old | New |\n|---|---|---|---|\n")
			for _, r := range rows {
				fmt.Fprintf(&b, "| %s | `%s` | %s | %s |\n", r.section, r.field, mdEscape(r.old), mdEscape(r.new))
			}
		}
	}
	if len(unchanged) > 0 {
		fmt.Fprintf(&b, "\nUnchanged: %s\n", strings.Join(unchanged, ", "))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
