package cli

import (
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/privacyscan/privacyscan/rules"
	"github.com/privacyscan/privacyscan/scanner/model"
)

// runFlags bound a whole run and what its report shows: an overall time
// limit, and the lowest severity shown. Neither changes what is judged.
type runFlags struct {
	timeout  time.Duration
	severity string
}

// runOptions are the run flags, validated.
type runOptions struct {
	// Timeout ends the scan like Ctrl-C does; 0 is no limit.
	Timeout time.Duration
	// Severity is the lowest severity the report shows.
	Severity string
}

func (g *runFlags) register(fs *pflag.FlagSet) {
	fs.DurationVar(&g.timeout, "timeout", 0, "stop the whole scan after this long and write the report of what was gathered (\"interrupted\": true); 0 is no limit")
	fs.StringVar(&g.severity, "severity", rules.Info, "show only findings at or above this severity in the report (critical, high, medium, low, info); --fail-on still counts every finding")
}

func (g *runFlags) options() (runOptions, error) {
	o := runOptions{Timeout: g.timeout, Severity: strings.ToLower(g.severity)}
	if o.Timeout < 0 {
		return o, usagef("--timeout %s: want a positive duration such as 10m, or 0 for no limit", o.Timeout)
	}
	if model.SeverityRank(o.Severity) < 0 {
		return o, usagef("--severity %q: want one of %s", g.severity, strings.Join(model.Severities, ", "))
	}
	return o, nil
}

// filterSeverity returns the report to render: rep itself when every finding
// is shown, else a copy whose sites hold only the findings at or above min,
// and which says what it left out. The exit code is computed on rep before.
func filterSeverity(rep *model.Report, min string) *model.Report {
	if min == "" || model.SeverityRank(min) <= 0 {
		return rep
	}
	out := *rep
	out.Sites = make([]model.SiteReport, len(rep.Sites))
	out.MinSeverity = min
	for i, s := range rep.Sites {
		kept := make([]model.Finding, 0, len(s.Findings))
		for _, f := range s.Findings {
			if model.SeverityRank(f.Severity) >= model.SeverityRank(min) {
				kept = append(kept, f)
			} else {
				out.HiddenFindings++
			}
		}
		out.Sites[i] = model.SiteReport{Site: s.Site, Findings: kept}
	}
	return &out
}
