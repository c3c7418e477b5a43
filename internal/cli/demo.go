package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/pflag"

	"github.com/privacyscan/privacyscan/internal/demo"
	"github.com/privacyscan/privacyscan/internal/fetch"
)

// runDemo starts the embedded demo shop on 127.0.0.1 and scans it with its
// hostnames routed there: a real report, offline.
func runDemo(ctx context.Context, env *Env, args []string) error {
	fs := pflag.NewFlagSet("demo", pflag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(env.Stderr, "Usage: privacyscan demo [scan flags]\n\nStarts an embedded demo shop (shop.test and real tracker hostnames, served on 127.0.0.1 over TLS) and scans it.\n\nFlags:\n%s", fs.FlagUsages())
	}
	build := scanFlags(fs)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return nil
		}
		return &UsageError{err}
	}
	if fs.NArg() > 0 {
		return usagef("demo takes no URL (it scans %s)", demo.StartURL())
	}
	srv, err := demo.Start()
	if err != nil {
		return fmt.Errorf("starting the demo shop: %w", err)
	}
	defer srv.Close()
	o, err := build(env, []string{demo.StartURL()})
	if err != nil {
		return err
	}
	if o.BrowserURL != "" {
		// A remote browser has its own host rules: the demo's trackers
		// would resolve to the real ones.
		return usagef("demo runs its own browser so that nothing leaves the machine; --browser-url is for scan")
	}
	rt, err := fetch.ParseRoutes(srv.Resolve())
	if err != nil {
		return err
	}
	o.Routes = append(rt, o.Routes...)
	o.Insecure, o.Strict = true, true
	if !fs.Changed("fail-on") {
		o.FailOn = "none" // the demo shows findings; it does not gate on them
	}
	if !o.Quiet {
		fmt.Fprintf(env.Stderr, "privacyscan: demo shop on %s serving %s\n", srv.Addr, strings.Join(srv.Hosts, ", "))
	}
	return scan(ctx, env, o)
}
