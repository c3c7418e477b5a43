// Package cli is privacyscan's command line: flags become typed options in one
// place, commands run in-process against the given streams, and typed errors
// map to the documented exit codes in one switch.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"strings"

	"github.com/spf13/pflag"
)

// Exit codes, documented in the README.
const (
	ExitOK         = 0 // nothing at or above --fail-on
	ExitFindings   = 1 // findings at or above --fail-on
	ExitUsage      = 2 // usage or configuration error
	ExitNotScanned = 3 // nothing could be scanned
	ExitRuntime    = 4 // runtime failure: browser will not start, report cannot be written, fetch failed
	// ExitInterrupted: Ctrl-C, SIGTERM or --timeout stopped the scan after
	// something was scanned; the report holds what was gathered. It wins
	// over ExitFindings: CI must know the scan was incomplete.
	ExitInterrupted = 5
)

// Version is set at build time with -ldflags "-X .../internal/cli.Version=v1.2.3"
// (the release build does, see .goreleaser.yaml); otherwise init sets it to
// the module version go install recorded, or "dev". It has no initialiser
// on purpose: -X cannot set a variable whose initialiser calls a function.
var Version string

func init() {
	if Version != "" {
		return
	}
	Version = "dev"
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		Version = bi.Main.Version
	}
}

// Env is what a command gets: its streams and its environment.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	// LookupEnv reads an environment variable (PRIVACYSCAN_*, COLUMNS);
	// nil reads the process's environment. Tests pass their own.
	LookupEnv func(string) (string, bool)
	// onFlags, when set, receives each command's flag set instead of a
	// run: completion discovers the flags through it.
	onFlags func(cmd string, fs *pflag.FlagSet)
}

// UsageError is a bad flag, argument or configuration: exit 2.
type UsageError struct{ Err error }

func (e *UsageError) Error() string { return e.Err.Error() }
func (e *UsageError) Unwrap() error { return e.Err }

// usagef returns a UsageError.
func usagef(format string, args ...any) error {
	return &UsageError{Err: fmt.Errorf(format, args...)}
}

// RuntimeError is a failure of the run itself, not of its input: the browser
// will not start, the report cannot be written, a URL cannot be fetched, a
// download fails: exit 4.
type RuntimeError struct{ Err error }

func (e *RuntimeError) Error() string { return e.Err.Error() }
func (e *RuntimeError) Unwrap() error { return e.Err }

// ExitError carries a non-error exit code (findings, nothing scanned).
type ExitError struct{ Code int }

func (e *ExitError) Error() string { return fmt.Sprintf("exit %d", e.Code) }

type command struct {
	name    string
	summary string
	run     func(ctx context.Context, env *Env, args []string) error
}

// commands is the registry, in help order.
func commands() []command {
	return []command{
		{"scan", "scan one or more sites and report findings", runScan},
		{"demo", "start the embedded demo shop and scan it, offline", runDemo},
		{"report", "render a --format jsonl run (or a JSON report) in any format", runReport},
		{"merge", "join the reports of shards (--shard) into one", runMerge},
		{"verify", "check an evidence bundle (--evidence-dir): files added, missing or changed", runVerify},
		{"diff", "compare two JSON reports: new and resolved findings, tracking, consent, policy", runDiff},
		{"policy", "analyse a privacy policy (file, URL or - for stdin)", runPolicy},
		{"rules", "list the rule catalogue", runRules},
		{"db", "knowledge base: lookup HOST|URL|COOKIE, update", runDB},
		{"version", "print the version of privacyscan, its knowledge base and Chromium", runVersion},
		{"completion", "print a shell completion script: bash, zsh or fish", runCompletion},
	}
}

// Run runs privacyscan with args (without the program name) and returns the
// exit code. Only main exits.
func Run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return runWith(ctx, &Env{Stdin: stdin, Stdout: stdout, Stderr: stderr}, args)
}

// runWith is Run with the whole environment given, for tests.
func runWith(ctx context.Context, env *Env, args []string) int {
	if len(args) == 0 {
		// Not a request for help: the usage goes with the error.
		usage(env.Stderr)
		return ExitUsage
	}
	switch args[0] {
	case "-h", "--help":
		usage(env.Stdout)
		return ExitOK
	case "help":
		// privacyscan help CMD [SUB] is CMD [SUB] --help.
		if len(args) == 1 {
			usage(env.Stdout)
			return ExitOK
		}
		args = append(append([]string{}, args[1:]...), "--help")
	case "--version":
		args = append([]string{"version"}, args[1:]...)
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return exitCode(env.Stderr, c.run(ctx, env, args[1:]))
		}
	}
	fmt.Fprintf(env.Stderr, "privacyscan: unknown command %q\n\n", args[0])
	usage(env.Stderr)
	return ExitUsage
}

func exitCode(stderr io.Writer, err error) int {
	var ue *UsageError
	var ee *ExitError
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, &ee):
		return ee.Code
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "privacyscan: %v\n", err)
		return ExitUsage
	default:
		// Anything that is not the user's input is a runtime failure.
		fmt.Fprintf(stderr, "privacyscan: %v\n", err)
		return ExitRuntime
	}
}

func usage(w io.Writer) {
	var b strings.Builder
	b.WriteString("privacyscan audits a website's privacy compliance: what it does before and after consent,\nwith Do Not Track and GPC, held against its own privacy policy.\n\nUsage:\n  privacyscan <command> [flags]\n\nCommands:\n")
	for _, c := range commands() {
		fmt.Fprintf(&b, "  %-8s %s\n", c.name, c.summary)
	}
	b.WriteString("\nRun 'privacyscan help <command>' or 'privacyscan <command> --help' for the flags of a command.\n")
	b.WriteString("Flags can also be set in PRIVACYSCAN_<FLAG> environment variables (--fail-on: PRIVACYSCAN_FAIL_ON);\n")
	b.WriteString("each command's help marks the ones it reads.\n")
	io.WriteString(w, b.String())
}
