package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/spf13/pflag"

	"github.com/privacyscan/privacyscan/reports"
	"github.com/privacyscan/privacyscan/rules"
	"github.com/privacyscan/privacyscan/scanner/model"
)

// diffOptions are the diff command's flags and arguments, validated.
type diffOptions struct {
	Old, New string
	Format   string
	Output   string
	FailOn   string
	Color    bool
}

// diffHelp explains the command; the flags and exit codes follow it.
const diffHelp = `Usage: privacyscan diff [flags] OLD.json NEW.json

Compares two JSON reports (privacyscan scan --format json) of the same sites, matched by URL:
findings new, resolved and unchanged (by fingerprint); vendors, third-party hosts, cookies and
storage keys that appeared or disappeared in each phase; changes of the consent outcome and of
the privacy policy's facts. --format markdown writes a pull-request comment.

%s
Exit codes:
  0  no new finding at or above --fail-on
  1  new findings at or above --fail-on (suppressed and baseline findings do not count)
  2  usage error: a bad flag, or a file that is missing, unreadable or not a privacyscan JSON report
  4  runtime failure: the output cannot be written
`

// runDiff compares two reports and exits 1 when the new one has findings
// the old one lacks at or above --fail-on.
func runDiff(ctx context.Context, env *Env, args []string) error {
	fset := pflag.NewFlagSet("diff", pflag.ContinueOnError)
	format := fset.String("format", "", "output format: "+strings.Join(reports.DiffFormats(), ", ")+" (default table on a terminal, json otherwise)")
	output := fset.StringP("output", "o", "", "write the diff to `FILE` (atomically) instead of standard output")
	failOn := fset.String("fail-on", rules.High, "exit 1 when a new finding is at or above this severity (critical, high, medium, low, info, none)")
	noColor := fset.Bool("no-color", false, "no colour in the table")
	localFlags(fset, "format", "output")
	helped, err := parseFlags(env, fset, "diff", args, func(w io.Writer, usages string) {
		fmt.Fprintf(w, diffHelp, usages)
	})
	if helped || err != nil {
		return err
	}
	if fset.NArg() != 2 {
		return usagef("diff: want two reports, OLD.json NEW.json (got %d arguments)", fset.NArg())
	}
	o := diffOptions{Old: fset.Arg(0), New: fset.Arg(1), Format: strings.ToLower(*format), Output: *output, FailOn: strings.ToLower(*failOn)}
	toStdout := o.Output == "" || o.Output == "-"
	if o.Format == "" {
		o.Format = "json"
		if toStdout && isTerminal(env.Stdout) {
			o.Format = "table"
		}
	}
	if _, err := reports.NewDiff(o.Format, reports.Options{}); err != nil {
		return usagef("diff: --format: %v", err)
	}
	if o.FailOn != "none" {
		if err := rules.CheckFailOn(o.FailOn); err != nil {
			return usagef("diff: --fail-on: %v", err)
		}
	}
	if err := checkOutputPath(o.Output); err != nil {
		return err
	}
	o.Color = o.Format == "table" && toStdout && isTerminal(env.Stdout) && !*noColor && os.Getenv("NO_COLOR") == ""
	return diff(env, o)
}

// diff runs a validated comparison.
func diff(env *Env, o diffOptions) error {
	oldRep, err := readReportFile(o.Old)
	if err != nil {
		return err
	}
	newRep, err := readReportFile(o.New)
	if err != nil {
		return err
	}
	d := reports.Diff(oldRep, newRep)
	d.Old.File, d.New.File = o.Old, o.New
	if o.FailOn != "none" {
		d.FailOn = o.FailOn
	}
	w, err := reports.NewDiff(o.Format, reports.Options{Color: o.Color, FailOn: o.FailOn})
	if err != nil {
		return usagef("diff: --format: %v", err) // checked with the flags; kept for safety
	}
	if err := emit(env, o.Output, func(out io.Writer) error { return w.Write(out, d) }); err != nil {
		return &RuntimeError{fmt.Errorf("writing the diff: %w", err)}
	}
	if len(reports.FailingNew(d, o.FailOn)) > 0 {
		return &ExitError{Code: ExitFindings}
	}
	return nil
}

// readReportFile reads a JSON report the user named. Every failure is the
// user's input (exit 2): a missing or unreadable file, or one that is not a
// privacyscan JSON report.
func readReportFile(path string) (*model.Report, error) {
	data, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, usagef("%s: no such file", path)
	case err != nil:
		return nil, usagef("reading %s: %w", path, err)
	}
	r, err := reports.ReadJSON(data)
	if err != nil {
		return nil, usagef("%s: %w", path, err)
	}
	return r, nil
}
