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
	// FailOn is the --fail-on severity, shown in summaries; empty means the
	// report's own fail_on, then high.
	FailOn string
	// SARIFArtifact is the repository file SARIF results point at
	// (--sarif-artifact), e.g. the file that declares the site's tags;
	// empty means privacyscan/<host> per site.
	SARIFArtifact string
	// Jurisdiction and Config are what the rules ran with: they say which
	// rules apply (JUnit skips the others) and at which severity (SARIF's
	// rule metadata), and which custom rules exist.
	Jurisdiction string
	Config       *model.Config
	// ExitCode is the exit code the run ends with, recorded in SARIF's
	// invocation; nil leaves it out.
	ExitCode *int
	// Width is the terminal's width (COLUMNS) tables keep within; 0 is
	// no limit.
	Width int
	// Screenshots reads the evidence files a report names (the consent
	// engine's banner shots, each phase's first page) so that the HTML
	// report embeds them; nil embeds none, and the report says where they
	// are. See ScreenshotFiles.
	Screenshots func(path string) ([]byte, error)
}

// failOn is the threshold a report is judged by.
func (o Options) failOn(r *model.Report) string {
	switch {
	case o.FailOn != "":
		return o.FailOn
	case r.FailOn != "":
		return r.FailOn
	}
	return rules.High
}

// catalogue is the rules the scan ran: the built-in ones, then the
// configuration's custom rules.
func (o Options) catalogue() []rules.Rule {
	return rules.CatalogueWith(o.Config)
}

// lookup finds a rule of the catalogue by id.
func (o Options) lookup(id string) (rules.Rule, bool) {
	for _, rl := range o.catalogue() {
		if rl.ID == id {
			return rl, true
		}
	}
	return rules.Rule{}, false
}

// ruleOn reports whether rule rl runs under the options' jurisdiction and
// configuration, and at which severity.
func (o Options) ruleOn(rl rules.Rule) (string, bool) {
	return rules.SeverityFor(rl, rules.Options{Jurisdiction: o.Jurisdiction, Config: o.Config})
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
	{"sarif", func(o Options) Writer { return sarifWriter{o} }},
	{"junit", func(o Options) Writer { return junitWriter{o} }},
	{"markdown", func(o Options) Writer { return markdownWriter{} }},
	{"html", func(o Options) Writer { return htmlWriter{o} }},
	{"codequality", func(o Options) Writer { return codeQualityWriter{} }},
	{"jsonl", func(o Options) Writer { return jsonlWriter{o} }},
	{"cookies-csv", func(o Options) Writer { return cookiesCSVWriter{} }},
	{"cookies-json", func(o Options) Writer { return cookiesJSONWriter{} }},
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

// notScanned says why a site's report holds no judgement, or "" when the
// site was scanned: every format shows it, so that no format passes an
// unreachable site off as one without findings.
func notScanned(s model.SiteReport) string {
	switch {
	case s.Site == nil:
		return "Not scanned: the report has no observation of this site."
	case !s.Scanned:
		return "Not scanned: no page of the site could be loaded, so nothing was judged."
	}
	return ""
}

// siteName is the name a report gives site i: its URL, or its position when
// the report has no observation of it.
func siteName(s model.SiteReport, i int) string {
	if s.Site != nil {
		return s.URL
	}
	return fmt.Sprintf("site %d", i+1)
}
