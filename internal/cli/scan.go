package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/privacyscan/privacyscan/reports"
	"github.com/privacyscan/privacyscan/rules"
	"github.com/privacyscan/privacyscan/scanner"
	"github.com/privacyscan/privacyscan/scanner/kb"
	"github.com/privacyscan/privacyscan/scanner/model"
)

// exitCodesHelp ends the --help of the commands that scan.
const exitCodesHelp = `Exit codes:
  0  nothing at or above --fail-on
  1  findings at or above --fail-on
  2  usage or configuration error (bad flag, URL, config file, baseline, knowledge-base file)
  3  nothing could be scanned
  4  runtime failure (the browser will not start, the report cannot be written)
  5  interrupted (Ctrl-C, SIGTERM, --timeout) after something was scanned: the report
     holds what was gathered; it wins over 1, since the scan is incomplete
`

func runScan(ctx context.Context, env *Env, args []string) error {
	fs := pflag.NewFlagSet("scan", pflag.ContinueOnError)
	flags := newScanFlagSet(fs)
	helped, err := parseFlags(env, fs, "scan", args, func(w io.Writer, usages string) {
		fmt.Fprintf(w, "Usage: privacyscan scan [flags] URL...\n\nScans each site in five phases (%s) and reports findings.\nQuote a URL with spaces or shell characters: privacyscan scan 'https://shop.example/?a=1&b=2'\n\n%s\n%s", strings.Join(model.AllPhases, ", "), usages, exitCodesHelp)
	})
	if helped || err != nil {
		return err
	}
	o, err := flags.options(env, fs.Args())
	if err != nil {
		return blameEnv(fs, err)
	}
	if len(o.URLs) == 0 && o.Stream.Shard.N > 0 {
		return emptyShard(ctx, env, o)
	}
	if len(o.URLs) == 0 {
		return usagef("scan: no URL given (privacyscan scan https://shop.example, or --targets FILE, or --targets - to read them from standard input)")
	}
	return scan(ctx, env, o)
}

// scan runs a validated scan and writes the report.
func scan(ctx context.Context, env *Env, o *scanOptions) error {
	started := time.Now().UTC()
	if o.Run.Timeout > 0 {
		// The deadline stops the scan as Ctrl-C does: what was gathered is
		// still judged and written, marked "interrupted".
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, o.Run.Timeout)
		defer cancel()
	}
	progress := func(format string, args ...any) {
		if !o.Output.Quiet {
			fmt.Fprintf(env.Stderr, "privacyscan: "+format+"\n", args...)
		}
	}
	if o.Rules.BaselineNotice != "" {
		// Not progress: a CI log should say that nothing was gated on a
		// baseline, even with --quiet.
		fmt.Fprintf(env.Stderr, "privacyscan: notice: %s\n", o.Rules.BaselineNotice)
	}
	db, err := loadKB(o.KB)
	if err != nil {
		return err
	}
	engine, err := newConsentEngine(o)
	if err != nil {
		return err
	}
	if len(o.Browser.BrowserURLs) > 0 {
		fmt.Fprintln(env.Stderr, "privacyscan: warning: a browser started elsewhere keeps its own settings; start it with --disable-site-isolation-trials and third-party cookies allowed, or requests of cross-site iframes and third-party cookies may be missed")
	}
	var stream *jsonlRun // --format jsonl: written site by site
	if o.Output.Format == "jsonl" {
		if stream, err = openJSONL(env, o, started, progress); err != nil {
			return err
		}
		defer stream.close()
	}
	warn := func(format string, args ...any) {
		fmt.Fprintf(env.Stderr, "privacyscan: warning: "+format+"\n", args...)
	}
	sc := newScanner(o, db, engine, progress, warn)
	// The browser outlives Ctrl-C until the report is written, so the
	// cookies of the pages already loaded can still be read; Close ends it.
	defer sc.Close()
	progress("starting the browser")
	var rep *model.Report
	prov := provenance(o, db)
	// The browser starts while the first sites are crawled (both mostly
	// wait); their phases wait for it. A browser that cannot start stops
	// the run and exits 4, as it did before any crawl; a pool none of
	// whose browsers answers is known at once, before any crawl.
	launched := sc.StartBackground(ctx)
	select {
	case err := <-launched:
		if err != nil {
			return browserStartError(err)
		}
		launched = nil
	default:
	}
	runCtx, stopRun := context.WithCancelCause(ctx)
	defer stopRun(nil)
	if launched != nil {
		go func() {
			if err := <-launched; err != nil {
				stopRun(&startFailure{err})
			}
		}()
	}
	failedStart := func() error {
		var f *startFailure
		if errors.As(context.Cause(runCtx), &f) {
			return browserStartError(f.err)
		}
		return nil
	}
	if stream != nil {
		err := stream.run(runCtx, env, sc, o, db, started)
		if f := failedStart(); f != nil {
			return f
		}
		if err != nil {
			return err
		}
		return sealStream(o, stream.finish(o, ctx.Err() != nil, progress), started, progress)
	}
	rep = runSites(runCtx, env, sc, o, db, started)
	if f := failedStart(); f != nil {
		return f
	}
	addBrowserVersion(ctx, sc, prov)
	rep.Provenance = prov
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		progress("--timeout %s reached: the report holds what was gathered", o.Run.Timeout)
	}
	return finishScan(env, o, rep, progress)
}

// finishScan writes the report and returns the exit code. The code judges
// every finding; --severity only hides some from the report.
func finishScan(env *Env, o *scanOptions, rep *model.Report, progress func(string, ...any)) error {
	code := exitFor(rep, o.Output.FailOn)
	shown := filterSeverity(rep, o.Run.Severity)
	if err := writeReport(env, o.Output, reportOptions(o, code), shown); err != nil {
		return err
	}
	if o.Output.Path != "" && o.Output.Path != "-" {
		progress("report written to %s", o.Output.Path)
	}
	if err := writeMoreReports(env, o, reportOptions(o, code), shown); err != nil {
		return err
	}
	for _, m := range o.Output.More {
		progress("%s report written to %s", m.Format, m.Path)
	}
	if err := finishBundle(o, reportOptions(o, code), shown, rep.StartedAt, rep.FinishedAt, progress); err != nil {
		return err
	}
	return &ExitError{Code: code}
}

// sealStream seals the evidence bundle of a --format jsonl run once its
// summary is written; err is what finishing the stream returned.
func sealStream(o *scanOptions, err error, started time.Time, progress func(string, ...any)) error {
	var ee *ExitError
	if err != nil && !errors.As(err, &ee) {
		return err
	}
	if berr := finishBundle(o, reportOptions(o, ExitOK), nil, started.Format(time.RFC3339), time.Now().UTC().Format(time.RFC3339), progress); berr != nil {
		return berr
	}
	return err
}

// newReport is the envelope of a scan's report.
func newReport(o *scanOptions, started time.Time) *model.Report {
	return &model.Report{SchemaVersion: model.SchemaVersion, Tool: model.Tool{Name: "privacyscan", Version: Version},
		StartedAt: started.Format(time.RFC3339), FailOn: o.Output.FailOn}
}

// runSites scans the sites and judges each: rules, then the
// configuration's suppressions, then the baseline.
func runSites(ctx context.Context, env *Env, sc *scanner.Scanner, o *scanOptions, db *kb.DB, started time.Time) *model.Report {
	rep := newReport(o, started)
	sup := rules.NewSuppressor(o.Rules.Config, started)
	ropts := rules.Options{Jurisdiction: o.Rules.Jurisdiction, Config: o.Rules.Config, Now: started, Vendors: kbVendors(db)}
	// Sites are crawled and scanned side by side; the report keeps the
	// order they were given.
	sites := make([]*model.Site, len(o.URLs))
	sc.Scan(ctx, o.URLs, func(i int, site *model.Site) { sites[i] = site })
	for i, site := range sites {
		if site == nil {
			// Not started before Ctrl-C: listed, with the reason.
			rep.Sites = append(rep.Sites, unscanned(o.URLs[i:i+1], sites[i:i+1])...)
			continue
		}
		rules.Derive(site) // the report shows the rules' verdicts (pixel, category, cookie_wall); Evaluate would derive too
		fs := rules.Evaluate(site, ropts)
		fs = sup.Apply(site.URL, fs)
		if o.Rules.Baseline != nil {
			fs = o.Rules.Baseline.Apply(fs)
		}
		rep.Sites = append(rep.Sites, model.SiteReport{Site: site, Findings: fs})
	}
	for _, n := range sup.Notices() {
		fmt.Fprintf(env.Stderr, "privacyscan: %s\n", n.Message)
	}
	rep.Interrupted = ctx.Err() != nil
	rep.FinishedAt = time.Now().UTC().Format(time.RFC3339)
	return rep
}

// reportOptions is what the writers need to know of a scan: how findings
// were judged (jurisdiction, configuration, --fail-on), where SARIF results
// point, and the exit code the run ends with.
func reportOptions(o *scanOptions, code int) reports.Options {
	return reports.Options{Color: o.Output.Color, FailOn: o.Output.FailOn, SARIFArtifact: o.Output.SARIFArtifact,
		Jurisdiction: o.Rules.Jurisdiction, Config: o.Rules.Config, ExitCode: &code,
		Screenshots: reports.ScreenshotFiles(o.Consent.EvidenceDir)} // the HTML report embeds the evidence screenshots
}

// writeReport renders the report to its file or standard output. When that
// fails the scan is not lost: the report is saved to a temporary file,
// and the run still fails (exit 4), since the report is not where asked.
func writeReport(env *Env, o outputOptions, ro reports.Options, rep *model.Report) error {
	if o.Path == "" || o.Path == "-" {
		ro.Width = columns(env)
	}
	w, err := reports.New(o.Format, ro)
	if err != nil {
		return &UsageError{fmt.Errorf("--format: %w", err)} // checked with the flags; kept for safety
	}
	write := func(out io.Writer) error { return w.Write(out, rep) }
	err = emit(env, o.Path, write)
	if err == nil {
		return nil
	}
	if f, terr := os.CreateTemp("", "privacyscan-report-*."+o.Format); terr == nil {
		werr := write(f)
		if cerr := f.Close(); werr == nil {
			werr = cerr
		}
		if werr == nil {
			return &RuntimeError{fmt.Errorf("writing the report: %w (it was saved to %s instead)", err, f.Name())}
		}
		os.Remove(f.Name())
	}
	return &RuntimeError{fmt.Errorf("writing the report: %w", err)}
}

// columns is the terminal's width from COLUMNS, 0 when unset or
// implausible: tables keep within it.
func columns(env *Env) int {
	v, ok := env.lookupEnv("COLUMNS")
	if !ok {
		return 0
	}
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n < 20 {
		return 0
	}
	return n
}

// exitFor computes the exit code of a finished scan.
func exitFor(rep *model.Report, failOn string) int {
	scanned := false
	for _, s := range rep.Sites {
		if s.Site != nil && s.Scanned {
			scanned = true
		}
	}
	if !scanned {
		return ExitNotScanned
	}
	if rep.Interrupted {
		return ExitInterrupted
	}
	if failOn == "none" {
		return ExitOK
	}
	for _, s := range rep.Sites {
		for _, f := range s.Findings {
			if rules.CountsTowardExit(f, failOn) {
				return ExitFindings
			}
		}
	}
	return ExitOK
}

// unscanned lists the sites a stopped scan never started (nil in sites),
// each with the reason, so the report names every site it was given.
func unscanned(urls []string, sites []*model.Site) []model.SiteReport {
	var out []model.SiteReport
	for i, u := range urls {
		if sites[i] != nil {
			continue
		}
		out = append(out, model.SiteReport{Site: &model.Site{URL: u, FinalURL: u, Phases: map[string]*model.PhaseResult{},
			Errors: []string{"not scanned: the scan was interrupted before this site started"}, Policy: model.PolicyNotFound()}, Findings: []model.Finding{}})
	}
	return out
}

// startFailure is the cause a run is stopped with when its browser could
// not start.
type startFailure struct{ err error }

func (f *startFailure) Error() string { return f.err.Error() }

// browserStartError is the runtime error (exit 4) of a browser that could
// not start: "starting the browser: …".
func browserStartError(err error) error {
	if !strings.HasPrefix(err.Error(), "starting the browser") {
		err = fmt.Errorf("starting the browser: %w", err)
	}
	return &RuntimeError{err}
}
