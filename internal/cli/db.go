package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/pflag"

	"github.com/privacyscan/privacyscan/scanner/kb"
	"github.com/privacyscan/privacyscan/scanner/model"
)

// dbFormats are the --format values of the db subcommands.
var dbFormats = []string{"table", "json"}

const dbUsage = `Usage: privacyscan db <command> [flags]

The knowledge base: who is behind a request, a cookie or a storage key.

Commands:
  lookup HOST|URL|COOKIE...  tell what the knowledge base knows and where from
  update                     download the openly licensed lists into the cache
  vendors                    list the vendors the knowledge base knows
  sources                    list what the knowledge base is built from

Run 'privacyscan db <command> --help' for its flags.

Exit codes: 0 done, 2 usage error or a knowledge-base file that does not load,
4 runtime failure (a download of db update failed, the output cannot be written).
`

// dbCommands are the db subcommands, in help order.
var dbCommands = []string{"lookup", "update", "vendors", "sources"}

// runDB dispatches the db subcommands.
func runDB(ctx context.Context, env *Env, args []string) error {
	if len(args) == 0 {
		io.WriteString(env.Stderr, dbUsage)
		return usagef("db: missing command (lookup, update, vendors or sources)")
	}
	switch args[0] {
	case "-h", "--help", "help":
		io.WriteString(env.Stdout, dbUsage)
		return nil
	case "lookup":
		return runDBLookup(ctx, env, args[1:])
	case "update":
		return runDBUpdate(ctx, env, args[1:])
	case "vendors":
		return runDBVendors(ctx, env, args[1:])
	case "sources":
		return runDBSources(ctx, env, args[1:])
	}
	return usagef("db: unknown command %q (want lookup, update, vendors or sources)", args[0])
}

// parseDBFlags parses a subcommand's flags; help is printed to stdout. Its
// own flags (--format, --timeout, ...) are not read from the environment;
// the knowledge-base flags, shared with scan, are.
func parseDBFlags(env *Env, fs *pflag.FlagSet, usage string, args []string) (helped bool, err error) {
	var kbFlags kbFlagGroup
	probe := pflag.NewFlagSet("", pflag.ContinueOnError)
	kbFlags.register(probe)
	fs.VisitAll(func(f *pflag.Flag) {
		if probe.Lookup(f.Name) == nil {
			localFlags(fs, f.Name)
		}
	})
	return parseFlags(env, fs, "db "+fs.Name(), args, func(w io.Writer, usages string) {
		fmt.Fprintf(w, "%s\n\n%s", usage, usages)
	})
}

func checkDBFormat(cmd, format string) (string, error) {
	f := strings.ToLower(format)
	if !slices.Contains(dbFormats, f) {
		return "", usagef("db %s: --format %q: want one of %s", cmd, format, strings.Join(dbFormats, ", "))
	}
	return f, nil
}

func writeDBJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// lookupKinds are the --kind values of db lookup.
var lookupKinds = []string{"auto", kb.QueryURL, kb.QueryHost, kb.QueryCookie, kb.QueryStorage}

func runDBLookup(ctx context.Context, env *Env, args []string) error {
	fs := pflag.NewFlagSet("lookup", pflag.ContinueOnError)
	format := fs.String("format", "table", "output format: "+strings.Join(dbFormats, ", "))
	kind := fs.String("kind", "auto", "what the queries are: "+strings.Join(lookupKinds, ", "))
	domain := fs.String("domain", "", "cookie `DOMAIN`, storage origin, or page URL of a request (first/third party)")
	rtype := fs.String("type", "", "resource `TYPE` of a URL or host request, as Chromium names it (Script, Image, XHR, Fetch, Ping, Document, Stylesheet, Font, Media...), for filter-list type options")
	var kbf kbFlagGroup
	kbf.register(fs)
	if helped, err := parseDBFlags(env, fs, "Usage: privacyscan db lookup [flags] HOST|URL|COOKIE...\n\nTells what the knowledge base knows about each query and where the knowledge comes from.\nA query with a scheme is a URL, a name under a public suffix is a host, anything else a cookie.", args); helped || err != nil {
		return err
	}
	f, err := checkDBFormat("lookup", *format)
	if err != nil {
		return err
	}
	k := strings.ToLower(*kind)
	if !slices.Contains(lookupKinds, k) {
		return usagef("db lookup: --kind %q: want one of %s", *kind, strings.Join(lookupKinds, ", "))
	}
	if k == "auto" {
		k = ""
	}
	if *rtype != "" && !kb.KnownResourceType(*rtype) {
		return usagef("db lookup: --type %q: want a Chromium resource type such as Script, Image, XHR, Fetch, Ping, Document, Stylesheet, Font, Media or Other", *rtype)
	}
	if fs.NArg() == 0 {
		return usagef("db lookup: nothing to look up (privacyscan db lookup www.google-analytics.com _ga)")
	}
	db, err := kbf.load()
	if err != nil {
		return blameEnv(fs, err)
	}
	out := make([]kb.Explanation, 0, fs.NArg())
	for _, q := range fs.Args() {
		if strings.TrimSpace(q) == "" {
			return usagef("db lookup: empty query")
		}
		out = append(out, db.Explain(q, k, *domain, *rtype))
	}
	if f == "json" {
		return writeDBJSON(env.Stdout, out)
	}
	return writeExplanations(env.Stdout, out)
}

// writeExplanations prints one block of aligned "key  value" lines per query.
func writeExplanations(w io.Writer, es []kb.Explanation) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for i, e := range es {
		if i > 0 {
			fmt.Fprintln(tw)
		}
		m := e.Match
		if e.ResourceType != "" {
			fmt.Fprintf(tw, "%s (%s, %s)\n", cleanDB(e.Query), e.Kind, cleanDB(e.ResourceType))
		} else {
			fmt.Fprintf(tw, "%s (%s)\n", cleanDB(e.Query), e.Kind)
		}
		if !m.Known() {
			fmt.Fprintf(tw, "  known\tno: nothing in the knowledge base matches\n")
			continue
		}
		if e.Vendor != nil {
			v := e.Vendor
			where := "outside the EEA"
			switch {
			case v.EEA:
				where = "EU/EEA"
			case v.Adequate:
				where = "outside the EEA, adequacy decision"
			}
			fmt.Fprintf(tw, "  vendor\t%s (%s)\n", v.Name, v.ID)
			if v.Country != "" {
				fmt.Fprintf(tw, "  company\t%s, %s, %s\n", v.Company, v.Country, where)
			}
			if v.SelfHosted {
				fmt.Fprintf(tw, "  hosting\tself-hosted software: not a third party\n")
			}
		} else if m.Vendor != "" {
			fmt.Fprintf(tw, "  vendor\t%s\n", cleanDB(m.Vendor))
		}
		cat := m.Category
		if e.Base != m.Category {
			cat += " (base " + e.Base + ")"
		}
		if m.Essential {
			cat += ", strictly necessary"
		}
		fmt.Fprintf(tw, "  category\t%s\n", cat)
		if m.Pixel {
			fmt.Fprintf(tw, "  pixel\tyes: a pixel, beacon or collect endpoint\n")
		}
		if m.Purpose != "" {
			fmt.Fprintf(tw, "  purpose\t%s\n", cleanDB(m.Purpose))
		}
		if m.Lifetime != "" {
			fmt.Fprintf(tw, "  lifetime\t%s\n", cleanDB(m.Lifetime))
		}
		if m.Guess {
			fmt.Fprintf(tw, "  guess\tyes: inferred from the shape of the name\n")
		}
		if m.Rule != "" {
			fmt.Fprintf(tw, "  matched\t%s\n", cleanDB(m.Rule))
		}
		fmt.Fprintf(tw, "  source\t%s\n", m.Source)
	}
	return tw.Flush()
}

// cleanDB strips control characters from text that came from data files.
func cleanDB(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, s)
}

func runDBUpdate(ctx context.Context, env *Env, args []string) error {
	fs := pflag.NewFlagSet("update", pflag.ContinueOnError)
	format := fs.String("format", "table", "output format: "+strings.Join(dbFormats, ", "))
	cacheDir := fs.String("cache-dir", "", "download cache `DIR` (default: the user cache directory/privacyscan)")
	srcs := kb.DefaultSources()
	urls := make([]*string, len(srcs))
	for i, s := range srcs {
		urls[i] = fs.String(s.Name+"-url", s.URL, "where to download "+s.Name+" ("+s.License+") from")
	}
	timeout := fs.Duration("timeout", 2*time.Minute, "give up on a download after this long")
	if helped, err := parseDBFlags(env, fs, "Usage: privacyscan db update [flags]\n\nDownloads the openly licensed lists (Open Cookie Database, EasyPrivacy) into the cache\ndirectory, verifies them and replaces the cached copies atomically; a failed download\nkeeps the old copy. Non-commercial lists (Disconnect, DuckDuckGo, Ghostery) are never\ndownloaded: pass files you obtained yourself with --tracker-db.\n\nExit codes: 0 every list updated, 2 usage error, 4 a download failed (its old copy is kept).", args); helped || err != nil {
		return err
	}
	f, err := checkDBFormat("update", *format)
	if err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("db update: unexpected argument %q", fs.Arg(0))
	}
	if *timeout <= 0 {
		return usagef("db update: --timeout must be positive")
	}
	if *cacheDir != "" {
		// A cache directory that cannot take the lists is a bad flag, not
		// a failed download.
		if err := os.MkdirAll(*cacheDir, 0o755); err != nil {
			return usagef("db update: --cache-dir: %v", err)
		}
		if err := checkWritableDir(*cacheDir); err != nil {
			return usagef("db update: --cache-dir %s: %v", *cacheDir, err)
		}
	}
	for i := range srcs {
		u := strings.TrimSpace(*urls[i])
		if !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "http://") {
			return usagef("db update: --%s-url %q: want an http or https URL", srcs[i].Name, u)
		}
		srcs[i].URL = u
	}
	results, err := kb.Update(ctx, kb.UpdateOptions{
		Dir: *cacheDir, Sources: srcs,
		Fetcher: kb.NewFetcher(*timeout),
	})
	if results == nil && err != nil {
		return &RuntimeError{fmt.Errorf("db update: %w", err)}
	}
	if f == "json" {
		if werr := writeDBJSON(env.Stdout, results); werr != nil {
			return werr
		}
	} else {
		tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "SOURCE\tENTRIES\tADDED\tREMOVED\tSTATUS")
		for _, r := range results {
			status := "updated " + r.Path
			switch {
			case r.Error != "":
				status = "FAILED, old copy kept: " + r.Error
			case r.First:
				status = "downloaded " + r.Path
			case r.Added == 0 && r.Removed == 0:
				status = "unchanged " + r.Path
			}
			fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%s\n", r.Name, r.Entries, r.Added, r.Removed, status)
		}
		if werr := tw.Flush(); werr != nil {
			return werr
		}
	}
	if err != nil {
		return &RuntimeError{fmt.Errorf("db update: %w", err)}
	}
	return nil
}

func runDBVendors(ctx context.Context, env *Env, args []string) error {
	fs := pflag.NewFlagSet("vendors", pflag.ContinueOnError)
	format := fs.String("format", "table", "output format: "+strings.Join(dbFormats, ", "))
	category := fs.String("category", "", "only vendors of this `CATEGORY` or base category")
	var kbf kbFlagGroup
	kbf.register(fs)
	if helped, err := parseDBFlags(env, fs, "Usage: privacyscan db vendors [flags]\n\nLists the vendors the knowledge base knows.", args); helped || err != nil {
		return err
	}
	f, err := checkDBFormat("vendors", *format)
	if err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("db vendors: unexpected argument %q", fs.Arg(0))
	}
	c := strings.ToLower(*category)
	if c != "" && model.BaseCategory(c) == kb.Unknown && c != kb.Unknown {
		names := make([]string, 0)
		for _, ci := range kb.Categories() {
			names = append(names, ci.Name)
		}
		return usagef("db vendors: --category %q: want one of %s", *category, strings.Join(names, ", "))
	}
	db, err := kbf.load()
	if err != nil {
		return blameEnv(fs, err)
	}
	vs := []kb.Vendor{}
	for _, v := range db.Vendors() {
		if c == "" || v.Category == c || model.BaseCategory(v.Category) == c {
			vs = append(vs, v)
		}
	}
	if f == "json" {
		return writeDBJSON(env.Stdout, vs)
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tNAME\tCATEGORY\tCOUNTRY\tEEA\tSOURCE")
	for _, v := range vs {
		eea := "no"
		if v.EEA {
			eea = "yes"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", v.ID, cleanDB(v.Name), v.Category, v.Country, eea, v.Source)
	}
	return tw.Flush()
}

func runDBSources(ctx context.Context, env *Env, args []string) error {
	fs := pflag.NewFlagSet("sources", pflag.ContinueOnError)
	format := fs.String("format", "table", "output format: "+strings.Join(dbFormats, ", "))
	var kbf kbFlagGroup
	kbf.register(fs)
	if helped, err := parseDBFlags(env, fs, "Usage: privacyscan db sources [flags]\n\nLists what the knowledge base is built from: the embedded vendors, the files given\nand the downloaded cache.", args); helped || err != nil {
		return err
	}
	f, err := checkDBFormat("sources", *format)
	if err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("db sources: unexpected argument %q", fs.Arg(0))
	}
	db, err := kbf.load()
	if err != nil {
		return blameEnv(fs, err)
	}
	srcs := db.Sources()
	if f == "json" {
		return writeDBJSON(env.Stdout, srcs)
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "SOURCE\tKIND\tENTRIES\tSKIPPED")
	for _, s := range srcs {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\n", s.Name, s.Kind, s.Entries, s.Skipped)
	}
	return tw.Flush()
}
