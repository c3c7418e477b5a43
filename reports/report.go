// Package reports renders a scan as a table for people and as JSON, SARIF,
// JUnit, Markdown, HTML and GitLab Code Quality for machines, CI systems and
// auditors. Every format is a Writer in its own file; Formats lists them.
package reports

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/privacyscan/privacyscan/rules"
	"github.com/privacyscan/privacyscan/scanner/model"
)

// Options tune writers.
type Options struct {
	// Color enables ANSI colour in the table (only on a terminal).
	Color bool
	// FailOn is the --fail-on severity, shown in summaries.
	FailOn string
}

// Writer renders a report.
type Writer interface {
	Write(w io.Writer, r *model.Report) error
}

type format struct {
	name string
	new  func(Options) Writer
}

// formats is the registry of writers, in help order.
var formats = []format{
	{"table", func(o Options) Writer { return tableWriter{o} }},
	{"json", func(o Options) Writer { return jsonWriter{} }},
	{"sarif", func(o Options) Writer { return sarifWriter{} }},
	{"junit", func(o Options) Writer { return junitWriter{o} }},
	{"markdown", func(o Options) Writer { return markdownWriter{} }},
	{"html", func(o Options) Writer { return htmlWriter{} }},
	{"codequality", func(o Options) Writer { return codeQualityWriter{} }},
}

// Formats lists the format names.
func Formats() []string {
	out := make([]string, len(formats))
	for i, f := range formats {
		out[i] = f.name
	}
	return out
}

// New returns the writer for a format name.
func New(name string, o Options) (Writer, error) {
	for _, f := range formats {
		if f.name == name {
			return f.new(o), nil
		}
	}
	return nil, fmt.Errorf("unknown format %q (want one of %s)", name, strings.Join(Formats(), ", "))
}

// Normalize makes a report deterministic and JSON-friendly: sorted findings
// and lists, [] instead of null.
func Normalize(r *model.Report) {
	if r.Sites == nil {
		r.Sites = []model.SiteReport{}
	}
	for i := range r.Sites {
		s := &r.Sites[i]
		if s.Findings == nil {
			s.Findings = []model.Finding{}
		}
		for j := range s.Findings {
			if s.Findings[j].Evidence == nil {
				s.Findings[j].Evidence = []model.Evidence{}
			}
		}
		rules.SortFindings(s.Findings)
		if s.Site == nil {
			continue
		}
		if s.Errors == nil {
			s.Errors = []string{}
		}
		if s.Pages == nil {
			s.Pages = []model.PlannedPage{}
		}
		if s.Phases == nil {
			s.Phases = map[string]*model.PhaseResult{}
		}
		if s.Policy != nil {
			if s.Policy.VendorsMentioned == nil {
				s.Policy.VendorsMentioned = []string{}
			}
		}
		for _, p := range s.Phases {
			if p == nil {
				continue
			}
			if p.Pages == nil {
				p.Pages = []model.PageResult{}
			}
			if p.Cookies == nil {
				p.Cookies = []model.Cookie{}
			}
			if p.Requests == nil {
				p.Requests = []model.Request{}
			}
			if p.Storage == nil {
				p.Storage = []model.StorageItem{}
			}
			sort.SliceStable(p.Cookies, func(a, b int) bool {
				ca, cb := p.Cookies[a], p.Cookies[b]
				if ca.Domain != cb.Domain {
					return ca.Domain < cb.Domain
				}
				return ca.Name < cb.Name
			})
		}
	}
}

// counts returns the number of active (not suppressed, not baseline)
// findings per severity.
func counts(fs []model.Finding) map[string]int {
	m := map[string]int{}
	for _, f := range fs {
		if f.Suppressed == nil && !f.Baseline {
			m[f.Severity]++
		}
	}
	return m
}

// phasesOf returns the site's phases in report order.
func phasesOf(s *model.Site) []string {
	var out []string
	for _, p := range model.AllPhases {
		if _, ok := s.Phases[p]; ok {
			out = append(out, p)
		}
	}
	return out
}
