package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/pflag"

	"github.com/privacyscan/privacyscan/internal/demo"
	"github.com/privacyscan/privacyscan/internal/fetch"
)

// runDemo starts the embedded demo shop on 127.0.0.1 and scans it with its
// hostnames routed there: a real report, offline.
func runDemo(ctx context.Context, env *Env, args []string) error {
	fs := pflag.NewFlagSet("demo", pflag.ContinueOnError)
	flags := newScanFlagSet(fs)
	localFlags(fs, "targets") // a PRIVACYSCAN_TARGETS meant for scan does not apply to the demo
	helped, err := parseFlags(env, fs, "demo", args, func(w io.Writer, usages string) {
		fmt.Fprintf(w, "Usage: privacyscan demo [scan flags]\n\nStarts an embedded demo shop (shop.test and real tracker hostnames, served on 127.0.0.1 over TLS) and scans it.\nThe demo shows findings without gating on them: --fail-on is none unless given (or PRIVACYSCAN_FAIL_ON is set).\n\n%s\n%s", usages, exitCodesHelp)
	})
	if helped || err != nil {
		return err
	}
	if fs.NArg() > 0 || fs.Changed("targets") {
		return usagef("demo takes no URL and no --targets (it scans %s)", demo.StartURL())
	}
	o, err := flags.options(env, []string{demo.StartURL()})
	if err != nil {
		return blameEnv(fs, err)
	}
	if len(o.Browser.BrowserURLs) > 0 {
		// A remote browser has its own host rules: the demo's trackers
		// would resolve to the real ones.
		return usagef("demo runs its own browser so that nothing leaves the machine; --browser-url is for scan")
	}
	if !fs.Changed("fail-on") {
		o.Output.FailOn = "none" // documented in the help: the demo shows findings, it does not gate on them
	}
	srv, err := demo.Start()
	if err != nil {
		return &RuntimeError{err}
	}
	defer srv.Close()
	for _, h := range srv.Hosts {
		if r, ok := o.Browser.Routes.Match(h); ok {
			return usagef("demo: --resolve %s=%s: the demo serves %s itself", r.Pattern, r.IP, h)
		}
	}
	rt, err := fetch.ParseRoutes(srv.Resolve())
	if err != nil {
		return &RuntimeError{fmt.Errorf("routing the demo shop: %w", err)}
	}
	o.Browser.Routes = append(rt, o.Browser.Routes...)
	o.Browser.Insecure, o.Browser.Strict = true, true // the demo's own certificate, and nothing leaves the machine
	if !o.Output.Quiet {
		fmt.Fprintf(env.Stderr, "privacyscan: demo shop on %s serving %s\n", srv.Addr, strings.Join(srv.Hosts, ", "))
	}
	jsonPath, htmlPath, err := demoReports(o)
	if err != nil {
		return err
	}
	err = scan(ctx, env, o)
	if htmlPath != "" {
		if _, serr := os.Stat(htmlPath); serr == nil {
			fmt.Fprintf(env.Stderr, "privacyscan: demo reports: JSON %s\nprivacyscan: demo reports: HTML %s (open it in a browser)\n", jsonPath, htmlPath)
		}
	}
	return err
}

// demoReports makes the demo write its HTML report next to its JSON: beside
// a JSON file the user named (report.json gets report.html), else both in a
// new temporary directory. It returns where they go; none for a
// --format jsonl run or when the user named an HTML report already.
func demoReports(o *scanOptions) (jsonPath, htmlPath string, err error) {
	outs := append([]reportOutput{{Format: o.Output.Format, Path: o.Output.Path}}, o.Output.More...)
	toFile := func(r reportOutput) bool { return r.Path != "" && r.Path != "-" }
	used := map[string]bool{}
	for _, r := range outs {
		if r.Format == "jsonl" || (r.Format == "html" && toFile(r)) {
			return "", "", nil
		}
		if toFile(r) {
			used[filepath.Clean(r.Path)] = true
		}
	}
	for _, r := range outs {
		if r.Format == "json" && toFile(r) {
			html := strings.TrimSuffix(r.Path, filepath.Ext(r.Path)) + ".html"
			if used[filepath.Clean(html)] {
				return "", "", nil
			}
			o.Output.More = append(o.Output.More, reportOutput{Format: "html", Path: html})
			return r.Path, html, nil
		}
	}
	dir, err := os.MkdirTemp("", "privacyscan-demo-")
	if err != nil {
		return "", "", &RuntimeError{fmt.Errorf("demo: a directory for its reports: %w", err)}
	}
	jsonPath, htmlPath = filepath.Join(dir, "report.json"), filepath.Join(dir, "report.html")
	o.Output.More = append(o.Output.More, reportOutput{Format: "json", Path: jsonPath}, reportOutput{Format: "html", Path: htmlPath})
	return jsonPath, htmlPath, nil
}
