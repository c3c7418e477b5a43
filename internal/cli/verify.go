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

	"github.com/privacyscan/privacyscan/internal/evidence"
)

const verifyHelp = `Usage: privacyscan verify [flags] DIR

Checks an evidence bundle written by 'privacyscan scan --evidence-dir DIR': re-hashes every
file against DIR/manifest.json and names each file added, missing or changed since the scan.

%s
Exit codes:
  0  the bundle is intact: every file listed, none changed, none added
  1  files were added, are missing or changed (each is named)
  2  usage error: no such directory, no manifest.json, or a manifest that is not privacyscan's
  4  runtime failure: a file cannot be read
`

// verifyFormats are the --format values of verify.
var verifyFormats = []string{"text", "json"}

// verifyResult is what 'privacyscan verify --format json' prints.
type verifyResult struct {
	Dir        string        `json:"dir"`
	Intact     bool          `json:"intact"`
	Files      int           `json:"files"`
	Tool       evidence.Tool `json:"tool"`
	StartedAt  string        `json:"started_at"`
	FinishedAt string        `json:"finished_at"`
	evidence.Diff
}

func runVerify(ctx context.Context, env *Env, args []string) error {
	fset := pflag.NewFlagSet("verify", pflag.ContinueOnError)
	quiet := fset.BoolP("quiet", "q", false, "print nothing for an intact bundle")
	format := fset.String("format", "text", "output format: "+strings.Join(verifyFormats, ", "))
	localFlags(fset, "quiet", "format")
	helped, err := parseFlags(env, fset, "verify", args, func(w io.Writer, usages string) {
		fmt.Fprintf(w, verifyHelp, usages)
	})
	if helped || err != nil {
		return err
	}
	if fset.NArg() != 1 {
		return usagef("verify: want one evidence directory (got %d arguments)", fset.NArg())
	}
	f := strings.ToLower(*format)
	if !contains(verifyFormats, f) {
		return usagef("verify: --format %q: want one of %s", *format, strings.Join(verifyFormats, ", "))
	}
	dir := fset.Arg(0)
	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return usagef("verify: %s: no such directory", dir)
	case err != nil:
		return usagef("verify: %v", err)
	case !st.IsDir():
		return usagef("verify: %s is not a directory (give the --evidence-dir of the scan)", dir)
	}
	m, diff, err := evidence.Verify(os.DirFS(dir))
	switch {
	case errors.Is(err, evidence.ErrNotManifest):
		return usagef("verify: %s/%s: %v", dir, evidence.ManifestName, err)
	case errors.Is(err, fs.ErrNotExist) && m == nil:
		return usagef("verify: %s has no %s: not an evidence bundle of privacyscan (scan with --evidence-dir DIR)", dir, evidence.ManifestName)
	case err != nil && m == nil:
		return usagef("verify: %s: %v", dir, err)
	case err != nil:
		return &RuntimeError{fmt.Errorf("verify: %s: %w", dir, err)}
	}
	if f == "json" {
		if err := writeDBJSON(env.Stdout, verifyResult{Dir: dir, Intact: diff.OK(), Files: len(m.Files), StartedAt: m.StartedAt, FinishedAt: m.FinishedAt, Tool: m.Tool, Diff: diff}); err != nil {
			return &RuntimeError{err}
		}
		if !diff.OK() {
			return &ExitError{Code: ExitFindings}
		}
		return nil
	}
	for _, p := range diff.Changed {
		fmt.Fprintf(env.Stdout, "changed  %s\n", sanitize(p))
	}
	for _, p := range diff.Missing {
		fmt.Fprintf(env.Stdout, "missing  %s\n", sanitize(p))
	}
	for _, p := range diff.Added {
		fmt.Fprintf(env.Stdout, "added    %s\n", sanitize(p))
	}
	if !diff.OK() {
		fmt.Fprintf(env.Stdout, "%s: NOT intact: %d changed, %d missing, %d added (manifest of %d files, scan %s to %s)\n",
			sanitize(dir), len(diff.Changed), len(diff.Missing), len(diff.Added), len(m.Files), sanitize(m.StartedAt), sanitize(m.FinishedAt))
		return &ExitError{Code: ExitFindings}
	}
	if !*quiet {
		fmt.Fprintf(env.Stdout, "%s: intact: %d files match %s (%s %s, scan %s to %s)\n",
			sanitize(dir), len(m.Files), evidence.ManifestName, sanitize(m.Tool.Name), sanitize(m.Tool.Version), sanitize(m.StartedAt), sanitize(m.FinishedAt))
	}
	return nil
}

// sanitize drops control characters: a file name in a bundle is anyone's.
func sanitize(s string) string {
	out := make([]rune, 0, len(s))
	for _, r := range s {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			out = append(out, '?')
			continue
		}
		out = append(out, r)
	}
	return string(out)
}
