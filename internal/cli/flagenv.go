package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"

	"github.com/spf13/pflag"
)

// Every command parses its flags through parseFlags, so that help, unknown
// flags and the environment behave the same everywhere: --help prints to
// standard output and exits 0, an unknown flag is a usage error, and a flag
// not given on the command line is taken from PRIVACYSCAN_<FLAG> when that
// variable is set. Precedence: flag, then environment, then default.
// .privacyscan.yaml holds no flag values.

// envPrefix starts every variable that sets a flag.
const envPrefix = "PRIVACYSCAN_"

// Flag annotations: noEnvKey marks a flag the environment does not set,
// fromEnvKey records the variable that set one.
const (
	noEnvKey   = "privacyscan/no-env"
	fromEnvKey = "privacyscan/from-env"
)

// envHelp ends the help of every command with flags the environment sets.
const envHelp = `Environment:
  A flag marked [$PRIVACYSCAN_...] can be set in that variable instead (CI jobs); a flag given on
  the command line wins over the variable, which wins over the default. Repeatable flags take
  several values separated by commas or newlines. An empty variable counts as unset.
`

// envName is the variable that sets a flag: --fail-on is PRIVACYSCAN_FAIL_ON.
func envName(flag string) string {
	return envPrefix + strings.ToUpper(strings.ReplaceAll(flag, "-", "_"))
}

// lookupEnv reads a variable through env.LookupEnv, or the process's
// environment when that is nil.
func (e *Env) lookupEnv(name string) (string, bool) {
	if e.LookupEnv != nil {
		return e.LookupEnv(name)
	}
	return os.LookupEnv(name)
}

// localFlags marks flags whose meaning is the command's own, so that no
// variable sets them: a PRIVACYSCAN_FORMAT meant for a scan's report must not
// change what 'privacyscan rules' prints, nor PRIVACYSCAN_OUTPUT where it
// writes.
func localFlags(fs *pflag.FlagSet, names ...string) {
	for _, n := range names {
		if fs.Lookup(n) == nil {
			panic("localFlags: no flag --" + n) // a programming error, caught by every test of the command
		}
		_ = fs.SetAnnotation(n, noEnvKey, []string{"true"})
	}
}

func isLocal(f *pflag.Flag) bool { return len(f.Annotations[noEnvKey]) > 0 }

// repeatable reports whether a flag takes several values (slices and arrays).
func repeatable(f *pflag.Flag) bool {
	t := f.Value.Type()
	return strings.HasSuffix(t, "Slice") || strings.HasSuffix(t, "Array")
}

// parseFlags parses args into fs for the command cmd ("scan", "db lookup").
// It adds -h/--help; when asked, help is called with the flags' usage and
// writes to standard output, and helped is true. Flags not given are then
// set from the environment; a bad value is a usage error naming the variable.
func parseFlags(env *Env, fs *pflag.FlagSet, cmd string, args []string, help func(w io.Writer, flags string)) (helped bool, err error) {
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	var asked *bool
	if fs.Lookup("help") == nil {
		asked = fs.BoolP("help", "h", false, "show this help")
		localFlags(fs, "help")
	}
	if env.onFlags != nil {
		env.onFlags(cmd, fs)
		return true, nil
	}
	if err := fs.Parse(args); err != nil {
		return false, usagef("%s: %v (see privacyscan %s --help)", cmd, err, cmd)
	}
	if asked != nil && *asked {
		help(env.Stdout, flagUsages(fs))
		return true, nil
	}
	return false, applyEnv(env, fs)
}

// flagUsages is the flag list of a help text: each flag the environment can
// set names its variable, and the environment paragraph follows.
func flagUsages(fs *pflag.FlagSet) string {
	var b strings.Builder
	b.WriteString("Flags:\n")
	any := false
	fs.VisitAll(func(f *pflag.Flag) {
		if !isLocal(f) && !strings.Contains(f.Usage, "[$"+envPrefix) {
			f.Usage += " [$" + envName(f.Name) + "]"
			any = true
		}
	})
	b.WriteString(fs.FlagUsages())
	if any {
		b.WriteString("\n" + envHelp)
	}
	return b.String()
}

// applyEnv sets each flag not given on the command line from its variable.
func applyEnv(env *Env, fs *pflag.FlagSet) error {
	var err error
	fs.VisitAll(func(f *pflag.Flag) {
		if err != nil || f.Changed || isLocal(f) {
			return
		}
		name := envName(f.Name)
		v, ok := env.lookupEnv(name)
		if !ok || strings.TrimSpace(v) == "" {
			return
		}
		values := []string{strings.TrimSpace(v)}
		if repeatable(f) {
			values = splitList(v)
		}
		for _, x := range values {
			if serr := fs.Set(f.Name, x); serr != nil {
				err = usagef("%s=%q: not a valid value for --%s: %v", name, v, f.Name, unwrapSetError(serr))
				return
			}
		}
		_ = fs.SetAnnotation(f.Name, fromEnvKey, []string{name})
	})
	return err
}

// splitList splits a repeatable flag's variable at commas and newlines.
func splitList(v string) []string {
	var out []string
	for _, s := range strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == '\n' || r == '\r' }) {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// unwrapSetError drops strconv's "parsing ..." noise from a pflag Set error.
func unwrapSetError(err error) error {
	var ne interface{ Unwrap() error }
	if errors.As(err, &ne) && ne.Unwrap() != nil {
		return ne.Unwrap()
	}
	return err
}

// blameEnv adds the variable to a usage error about a flag the environment
// set, so that "--fail-on: ..." says where the value came from.
func blameEnv(fs *pflag.FlagSet, err error) error {
	var ue *UsageError
	if err == nil || !errors.As(err, &ue) {
		return err
	}
	msg := err.Error()
	var names []string
	fs.VisitAll(func(f *pflag.Flag) {
		if v := f.Annotations[fromEnvKey]; len(v) > 0 && mentionsFlag(msg, f.Name) {
			names = append(names, v[0])
		}
	})
	if len(names) == 0 {
		return err
	}
	return &UsageError{Err: fmt.Errorf("%w (set by %s)", err, strings.Join(names, ", "))}
}

// mentionsFlag reports whether msg names --name as a whole flag.
func mentionsFlag(msg, name string) bool {
	return regexp.MustCompile(`--` + regexp.QuoteMeta(name) + `\b([^-]|$)`).MatchString(msg)
}
