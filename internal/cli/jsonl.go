package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/privacyscan/privacyscan/reports"
	"github.com/privacyscan/privacyscan/rules"
	"github.com/privacyscan/privacyscan/scanner"
	"github.com/privacyscan/privacyscan/scanner/kb"
	"github.com/privacyscan/privacyscan/scanner/model"
)

// jsonlRun is a --format jsonl scan: each site is judged and written as it
// finishes, and only the counts the exit code needs stay in memory, so a
// run of thousands of sites does not grow with them.
type jsonlRun struct {
	f      *os.File // nil when writing to standard output
	w      *reports.JSONLWriter
	header reports.JSONLHeader
	sum    reports.JSONLSummary
	// done holds the target URLs the file already reports (--resume).
	done map[string]bool
}

// jsonlHeader is the header a scan with options o writes.
func jsonlHeader(o *scanOptions, started time.Time) reports.JSONLHeader {
	h := reports.JSONLHeader{SchemaVersion: model.SchemaVersion, Tool: model.Tool{Name: model.ToolName, Version: Version},
		StartedAt: started.Format(time.RFC3339), FailOn: o.Output.FailOn, Jurisdiction: o.Rules.Jurisdiction,
		Phases: o.Phases.Phases, Shard: o.Stream.Shard.String()}
	if model.SeverityRank(o.Run.Severity) > 0 {
		h.MinSeverity = o.Run.Severity
	}
	return h
}

// openJSONL opens the run's output before the browser starts, so that a
// file that cannot be written or resumed fails at once. With --resume it
// reads the file's complete sites, cuts a torn last line and the old
// summary off, and appends from there.
func openJSONL(env *Env, o *scanOptions, started time.Time, progress func(string, ...any)) (*jsonlRun, error) {
	r := &jsonlRun{header: jsonlHeader(o, started), done: map[string]bool{}}
	path := o.Output.Path
	if path == "" || path == "-" {
		r.w = reports.NewJSONLWriter(env.Stdout, nil)
		return r, r.writeHeader()
	}
	flags := os.O_RDWR | os.O_CREATE
	if !o.Stream.Resume {
		flags |= os.O_TRUNC
	}
	f, err := os.OpenFile(path, flags, 0o644)
	if err != nil {
		return nil, &RuntimeError{fmt.Errorf("opening the report: %w", err)}
	}
	r.f = f
	r.w = reports.NewJSONLWriter(f, f.Sync)
	if !o.Stream.Resume {
		return r, r.writeHeader()
	}
	res, err := reports.ScanJSONL(f, func(l reports.JSONLSite) error {
		r.done[l.URL] = true
		r.sum.Add(l)
		return nil
	})
	if err == nil && res.Header != nil {
		err = sameSettings(*res.Header, r.header, true)
	}
	if err != nil {
		f.Close()
		return nil, usagef("--resume %s: %w", path, err)
	}
	if err := f.Truncate(res.Keep); err != nil {
		f.Close()
		return nil, &RuntimeError{fmt.Errorf("resuming %s: %w", path, err)}
	}
	if _, err := f.Seek(res.Keep, io.SeekStart); err != nil {
		f.Close()
		return nil, &RuntimeError{fmt.Errorf("resuming %s: %w", path, err)}
	}
	if res.Torn {
		progress("%s: a torn last line was discarded; its site is scanned again", path)
	}
	if res.Header == nil {
		return r, r.writeHeader()
	}
	r.header.StartedAt = res.Header.StartedAt // the run began when its first part did
	progress("resuming %s: %d sites already reported", path, len(r.done))
	return r, nil
}

func (r *jsonlRun) writeHeader() error {
	if err := r.w.Header(r.header); err != nil {
		r.close()
		return &RuntimeError{fmt.Errorf("writing the report: %w", err)}
	}
	return nil
}

func (r *jsonlRun) close() {
	if r.f != nil {
		r.f.Close()
		r.f = nil
	}
}

// run scans the sites the file does not hold yet and writes each as it
// finishes, judged as runSites judges. A site that finishes after the run
// was stopped (Ctrl-C, --timeout) may be cut short: it is not written, so
// that --resume scans it again.
func (r *jsonlRun) run(ctx context.Context, env *Env, sc *scanner.Scanner, o *scanOptions, db *kb.DB, started time.Time) error {
	sup := rules.NewSuppressor(o.Rules.Config, started)
	ropts := rules.Options{Jurisdiction: o.Rules.Jurisdiction, Config: o.Rules.Config, Now: started, Vendors: kbVendors(db)}
	var todo []string
	var index []int
	for k, u := range o.URLs {
		if r.done[u] {
			continue
		}
		r.done[u] = true // a URL listed twice is scanned once
		todo = append(todo, u)
		if k < len(o.Stream.Index) {
			index = append(index, o.Stream.Index[k])
		} else {
			index = append(index, k)
		}
	}
	var werr error
	sc.Scan(ctx, todo, func(i int, site *model.Site) { // called one at a time
		if site == nil || ctx.Err() != nil || werr != nil {
			return
		}
		rules.Derive(site)
		fs := rules.Evaluate(site, ropts)
		fs = sup.Apply(site.URL, fs)
		if o.Rules.Baseline != nil {
			fs = o.Rules.Baseline.Apply(fs)
		}
		shown := filterSeverity(&model.Report{Sites: []model.SiteReport{{Site: site, Findings: fs}}}, o.Run.Severity)
		l := reports.JSONLSite{Index: index[i], URL: todo[i], Failing: reports.Failing(fs, o.Output.FailOn),
			Hidden: shown.HiddenFindings, Site: &shown.Sites[0]}
		if err := r.w.Site(l); err != nil {
			werr = err
			return
		}
		r.sum.Add(l)
	})
	for _, n := range sup.Notices() {
		fmt.Fprintf(env.Stderr, "privacyscan: %s\n", n.Message)
	}
	if werr != nil {
		return &RuntimeError{fmt.Errorf("writing the report: %w", werr)}
	}
	return nil
}

// finish writes the summary line and returns the exit code, computed from
// the counts as exitFor computes it from a whole report.
func (r *jsonlRun) finish(o *scanOptions, interrupted bool, progress func(string, ...any)) error {
	defer r.close()
	code := ExitOK
	switch {
	case r.sum.Scanned == 0:
		code = ExitNotScanned
	case o.Output.FailOn != "none" && r.sum.Failing > 0:
		code = ExitFindings
	}
	s := r.sum
	s.StartedAt, s.FinishedAt = r.header.StartedAt, time.Now().UTC().Format(time.RFC3339)
	s.Interrupted, s.FailOn, s.ExitCode = interrupted, o.Output.FailOn, code
	if err := r.w.Summary(s); err != nil {
		return &RuntimeError{fmt.Errorf("writing the report: %w", err)}
	}
	if r.f != nil {
		if err := r.f.Close(); err != nil {
			return &RuntimeError{fmt.Errorf("writing the report: %w", err)}
		}
		r.f = nil
		progress("report written to %s", o.Output.Path)
	}
	return &ExitError{Code: code}
}

// sameSettings refuses to join runs that judged differently: another
// version of privacyscan, another --fail-on, jurisdiction, phase list or
// --severity (and, for a resume, another shard). A setting one side does
// not record (a JSON report has no jurisdiction) is not compared.
func sameSettings(a, b reports.JSONLHeader, shard bool) error {
	var diffs []string
	cmp := func(what, x, y string, always bool) {
		if x != y && (always || x != "" && y != "") {
			diffs = append(diffs, fmt.Sprintf("%s %q against %q", what, x, y))
		}
	}
	cmp("tool.version", a.Tool.Version, b.Tool.Version, true)
	cmp("schema_version", fmt.Sprint(a.SchemaVersion), fmt.Sprint(b.SchemaVersion), true)
	cmp("fail_on", a.FailOn, b.FailOn, true)
	cmp("jurisdiction", a.Jurisdiction, b.Jurisdiction, false)
	if len(a.Phases) > 0 && len(b.Phases) > 0 && !slices.Equal(sorted(a.Phases), sorted(b.Phases)) {
		diffs = append(diffs, fmt.Sprintf("phases %v against %v", a.Phases, b.Phases))
	}
	cmp("min_severity", a.MinSeverity, b.MinSeverity, true)
	if shard {
		cmp("shard", a.Shard, b.Shard, true)
	}
	if len(diffs) > 0 {
		return errors.New("made with different settings: " + strings.Join(diffs, "; "))
	}
	return nil
}

func sorted(s []string) []string {
	out := slices.Clone(s)
	slices.Sort(out)
	return out
}
