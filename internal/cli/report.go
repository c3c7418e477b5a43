package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/pflag"

	"github.com/privacyscan/privacyscan/reports"
	"github.com/privacyscan/privacyscan/scanner/model"
)

// reportHelp explains the report command.
const reportHelp = `Usage: privacyscan report [flags] FILE.jsonl|FILE.json

Renders a finished or interrupted run (--format jsonl, or a JSON report) in any format, for
example the SARIF, JUnit or HTML of a long run that wrote JSONL as it went. A torn last line
(a run killed mid-write) is left out and the report is marked interrupted.

%s
Exit codes:
  0  the report was written
  2  usage error: a bad flag, or a file that is missing or not a privacyscan JSONL or JSON report
  4  runtime failure: the output cannot be written
`

// runReport renders a JSONL or JSON run in another format.
func runReport(ctx context.Context, env *Env, args []string) error {
	fset := pflag.NewFlagSet("report", pflag.ContinueOnError)
	rf := registerRenderFlags(fset)
	helped, err := parseFlags(env, fset, "report", args, func(w io.Writer, usages string) {
		fmt.Fprintf(w, reportHelp, usages)
	})
	if helped || err != nil {
		return err
	}
	if fset.NArg() != 1 {
		return usagef("report: want one run, FILE.jsonl or FILE.json (got %d arguments)", fset.NArg())
	}
	o, err := rf.options(env)
	if err != nil {
		return err
	}
	rep, h, err := readRunFile(fset.Arg(0))
	if err != nil {
		return err
	}
	// Screenshot paths are recorded relative to the evidence bundle: tried
	// beside the file read, above it (a bundle's reports/), then as they
	// stand.
	in := filepath.Dir(fset.Arg(0))
	return render(env, o, rep, h, in, filepath.Dir(in))
}

// renderFlags are report's and merge's output flags.
type renderFlags struct {
	format  []string
	output  string
	noColor bool
}

func registerRenderFlags(fs *pflag.FlagSet) *renderFlags {
	g := &renderFlags{}
	fs.StringArrayVar(&g.format, "format", nil, "output format: "+strings.Join(reports.Formats(), ", ")+" (default table on a terminal, json otherwise); FORMAT=FILE writes that report to FILE, repeatable")
	fs.StringVarP(&g.output, "output", "o", "", "write the report to `FILE` (atomically) instead of standard output")
	fs.BoolVar(&g.noColor, "no-color", false, "no colour in the table")
	localFlags(fs, "format", "output")
	return g
}

func (g *renderFlags) options(env *Env) (outputOptions, error) {
	o := outputOptions{Path: g.output}
	if err := splitFormats(&o, g.format); err != nil {
		return o, err
	}
	if err := resolveOutput(env, &o, g.noColor); err != nil {
		return o, err
	}
	return o, nil
}

// render writes a read run with the settings its header records, in each
// format asked for.
func render(env *Env, o outputOptions, rep *model.Report, h reports.JSONLHeader, shots ...string) error {
	if err := render1(env, o, rep, h, shots); err != nil {
		return err
	}
	for _, m := range o.More {
		if err := render1(env, outputOptions{Format: m.Format, Path: m.Path}, rep, h, shots); err != nil {
			return err
		}
	}
	return nil
}

// render1 writes one report.
func render1(env *Env, o outputOptions, rep *model.Report, h reports.JSONLHeader, shots []string) error {
	ro := reports.Options{Color: o.Color, FailOn: rep.FailOn, Jurisdiction: h.Jurisdiction,
		Screenshots: reports.ScreenshotFiles(shots...)}
	if o.Path == "" || o.Path == "-" {
		ro.Width = columns(env)
	}
	w, err := reports.New(o.Format, ro)
	if err != nil {
		return usagef("--format: %v", err)
	}
	if err := emit(env, o.Path, func(out io.Writer) error { return w.Write(out, rep) }); err != nil {
		return &RuntimeError{fmt.Errorf("writing the report: %w", err)}
	}
	return nil
}

// readRunFile reads a JSONL run or a JSON report the user named, and the
// settings it records (a JSON report records fewer). Every failure is the
// user's input (exit 2).
func readRunFile(path string) (*model.Report, reports.JSONLHeader, error) {
	data, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, reports.JSONLHeader{}, usagef("%s: no such file", path)
	case err != nil:
		return nil, reports.JSONLHeader{}, usagef("reading %s: %w", path, err)
	}
	if reports.IsJSONL(data) {
		rep, h, err := reports.ReadJSONL(bytes.NewReader(data))
		if err != nil {
			return nil, reports.JSONLHeader{}, usagef("%s: %w", path, err)
		}
		return rep, *h, nil
	}
	rep, err := reports.ReadJSON(data)
	if err != nil {
		return nil, reports.JSONLHeader{}, usagef("%s: %w", path, err)
	}
	return rep, reports.JSONLHeader{SchemaVersion: rep.SchemaVersion, Tool: rep.Tool, StartedAt: rep.StartedAt,
		FailOn: rep.FailOn, MinSeverity: rep.MinSeverity}, nil
}
