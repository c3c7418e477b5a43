package cli

import (
	"io"
	"os"

	"github.com/mattn/go-isatty"
	"github.com/privacyscan/privacyscan/internal/atomicfile"
)

// isTerminal reports whether w is a terminal (table output and colour default
// to on only there).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}

// emit writes output to path atomically, or to stdout when path is "" or "-".
func emit(env *Env, path string, write func(w io.Writer) error) error {
	if path == "" || path == "-" {
		return write(env.Stdout)
	}
	return atomicfile.Write(path, write)
}
