package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/privacyscan/privacyscan/internal/config"
	"github.com/privacyscan/privacyscan/reports"
	"github.com/privacyscan/privacyscan/rules"
	"github.com/privacyscan/privacyscan/scanner"
	"github.com/privacyscan/privacyscan/scanner/browser"
	"github.com/privacyscan/privacyscan/scanner/consent"
	"github.com/privacyscan/privacyscan/scanner/kb"
	"github.com/privacyscan/privacyscan/scanner/model"
	"github.com/privacyscan/privacyscan/scanner/policy"
	"github.com/privacyscan/privacyscan/scanner/route"
)

// scanOptions are the scan flags as a typed, validated value.
type scanOptions struct {
	URLs         []string
	Pages        int
	Phases       []string
	Concurrency  int
	PageTimeout  time.Duration
	IgnoreRobots bool
	PolicyURL    string
	ChromePath   string
	BrowserURL   string
	Routes       route.Table
	// Strict keeps every connection on the routed hosts (the demo).
	Strict       bool
	Insecure     bool
	FirstParty   []string
	Lang         string
	Format       string
	Output       string
	FailOn       string
	Jurisdiction string
	Config       *model.Config
	Baseline     rules.Baseline
	KB           kb.LoadOptions
	ConsentRules []string
	EvidenceDir  string
	ShowValues   bool
	NoCNAME      bool
	Quiet        bool
	Color        bool
}

// scanFlags declares the scan flags on fs and returns a function that turns
// them into validated options. demo shares them.
func scanFlags(fs *pflag.FlagSet) func(env *Env, args []string) (*scanOptions, error) {
	targets := fs.String("targets", "", "read URLs from `FILE`, one a line (# comments)")
	pages := fs.Int("pages", 8, "pages to sample per site")
	phases := fs.StringSlice("phases", model.AllPhases, "`PHASES` to run, comma-separated: "+strings.Join(model.AllPhases, ","))
	conc := fs.Int("concurrency", runtime.NumCPU(), "phases run at once")
	pageTimeout := fs.Duration("page-timeout", 30*time.Second, "time limit for one page visit")
	ignoreRobots := fs.Bool("ignore-robots", false, "do not honour robots.txt")
	policyURL := fs.String("policy-url", "", "the privacy policy's URL (skips discovery)")
	chromePath := fs.String("chrome-path", "", "Chromium or Chrome binary (default: auto-detect)")
	browserURL := fs.String("browser-url", "", "use a running browser at ws://HOST:PORT instead of starting one")
	resolve := fs.StringArray("resolve", nil, "route `HOST=IP[:PORT]`: send HOST (or *.domain) to that address, in the browser and the crawler (repeatable)")
	insecure := fs.Bool("insecure", false, "accept invalid TLS certificates")
	firstParty := fs.StringArray("first-party", nil, "extra `DOMAIN` that belongs to the site, e.g. its CDN (repeatable)")
	lang := fs.String("lang", "en-US", "browser language (Accept-Language)")
	format := fs.String("format", "", "output format: "+strings.Join(reports.Formats(), ", ")+" (default table on a terminal, json otherwise)")
	output := fs.StringP("output", "o", "", "write the report to `FILE` (atomically) instead of standard output")
	failOn := fs.String("fail-on", rules.High, "exit 1 when a finding is at or above this severity (critical, high, medium, low, info, none)")
	jurisdiction := fs.String("jurisdiction", rules.DefaultJurisdiction, "jurisdiction: "+strings.Join(rules.Jurisdictions(), ", "))
	configPath := fs.String("config", "", "configuration `FILE` (default: .privacyscan.yaml in the working directory)")
	baseline := fs.String("baseline", "", "previous JSON `REPORT`: only new findings count toward the exit code")
	cookieDB := fs.StringArray("cookie-db", nil, "Open Cookie Database CSV `FILE` (repeatable)")
	trackerDB := fs.StringArray("tracker-db", nil, "tracker database `FILE`: Disconnect services.json or DuckDuckGo TDS (repeatable)")
	filterList := fs.StringArray("filter-list", nil, "adblock-style filter list `FILE`, e.g. EasyPrivacy (repeatable)")
	consentRules := fs.StringArray("consent-rules", nil, "`DIR` or file of extra consent-platform rules (repeatable)")
	evidenceDir := fs.String("evidence-dir", "", "save consent screenshots to `DIR`")
	noCNAME := fs.Bool("no-cname", false, "do not look up CNAMEs of first-party subdomains (CNAME-cloaked trackers)")
	showValues := fs.Bool("show-values", false, "include cookie values in the report (personal data: redacted by default)")
	quiet := fs.BoolP("quiet", "q", false, "no progress on standard error")
	noColor := fs.Bool("no-color", false, "no colour in the table")

	return func(env *Env, args []string) (*scanOptions, error) {
		o := &scanOptions{
			URLs: args, Pages: *pages, Concurrency: *conc, PageTimeout: *pageTimeout, IgnoreRobots: *ignoreRobots,
			PolicyURL: *policyURL, ChromePath: *chromePath, BrowserURL: *browserURL, Insecure: *insecure,
			Lang: *lang, Format: *format, Output: *output, FailOn: strings.ToLower(*failOn), Jurisdiction: strings.ToLower(*jurisdiction),
			KB:           kb.LoadOptions{CookieDBs: *cookieDB, TrackerDBs: *trackerDB, FilterLists: *filterList},
			ConsentRules: *consentRules, EvidenceDir: *evidenceDir, ShowValues: *showValues, NoCNAME: *noCNAME, Quiet: *quiet,
		}
		if *targets != "" {
			more, err := readTargets(*targets)
			if err != nil {
				return nil, &UsageError{err}
			}
			o.URLs = append(o.URLs, more...)
		}
		for i, u := range o.URLs {
			nu, err := checkURL(u)
			if err != nil {
				return nil, &UsageError{err}
			}
			o.URLs[i] = nu
		}
		if o.Pages < 1 || o.Pages > 100 {
			return nil, usagef("--pages %d: want 1 to 100", o.Pages)
		}
		if o.Concurrency < 1 {
			return nil, usagef("--concurrency %d: want at least 1", o.Concurrency)
		}
		if o.PageTimeout < time.Second {
			return nil, usagef("--page-timeout %s: want at least 1s", o.PageTimeout)
		}
		seen := map[string]bool{}
		for _, p := range *phases {
			p = strings.TrimSpace(p)
			if !contains(model.AllPhases, p) {
				return nil, usagef("--phases: unknown phase %q (want %s)", p, strings.Join(model.AllPhases, ", "))
			}
			if !seen[p] {
				o.Phases = append(o.Phases, p)
				seen[p] = true
			}
		}
		if o.PolicyURL != "" {
			if _, err := checkURL(o.PolicyURL); err != nil {
				return nil, usagef("--policy-url: %v", err)
			}
		}
		if o.ChromePath != "" && o.BrowserURL == "" {
			if st, err := os.Stat(o.ChromePath); err != nil || st.IsDir() {
				return nil, usagef("--chrome-path %s: %v", o.ChromePath, browser.ErrNoChromium)
			}
		}
		if o.BrowserURL != "" {
			if u, err := url.Parse(o.BrowserURL); err != nil || (u.Scheme != "ws" && u.Scheme != "wss" && u.Scheme != "http") || u.Host == "" {
				return nil, usagef("--browser-url %q: want ws://HOST:PORT", o.BrowserURL)
			}
			if o.ChromePath != "" {
				return nil, usagef("--browser-url and --chrome-path exclude each other")
			}
		}
		rt, err := route.Parse(*resolve)
		if err != nil {
			return nil, &UsageError{err}
		}
		o.Routes = rt
		for _, d := range *firstParty {
			d = strings.ToLower(strings.TrimSpace(d))
			if d == "" || strings.ContainsAny(d, "/: ") {
				return nil, usagef("--first-party %q: want a domain such as cdn.example.net", d)
			}
			o.FirstParty = append(o.FirstParty, d)
		}
		if o.Format == "" {
			o.Format = "json"
			if o.Output == "" && isTerminal(env.Stdout) {
				o.Format = "table"
			}
		}
		if _, err := reports.New(o.Format, reports.Options{}); err != nil {
			return nil, usagef("--format: %v", err)
		}
		// Find out now, not after a long scan, that the report cannot be written.
		if o.Output != "" && o.Output != "-" {
			if err := checkWritableDir(filepath.Dir(o.Output)); err != nil {
				return nil, usagef("-o %s: %v", o.Output, err)
			}
		}
		if o.EvidenceDir != "" {
			if err := os.MkdirAll(o.EvidenceDir, 0o755); err != nil {
				return nil, usagef("--evidence-dir: %v", err)
			}
			if err := checkWritableDir(o.EvidenceDir); err != nil {
				return nil, usagef("--evidence-dir %s: %v", o.EvidenceDir, err)
			}
		}
		o.Color = o.Format == "table" && o.Output == "" && isTerminal(env.Stdout) && !*noColor && os.Getenv("NO_COLOR") == ""
		if o.FailOn != "none" {
			if err := rules.CheckFailOn(o.FailOn); err != nil {
				return nil, usagef("--fail-on: %v", err)
			}
		}
		if err := rules.CheckJurisdiction(o.Jurisdiction); err != nil {
			return nil, usagef("--jurisdiction: %v", err)
		}
		cfgPath := *configPath
		if cfgPath == "" {
			if p, ok := config.Find("."); ok {
				cfgPath = p
			}
		}
		if cfgPath != "" {
			cfg, err := loadConfig(cfgPath)
			if err != nil {
				return nil, &UsageError{err}
			}
			o.Config = cfg
			o.FirstParty = append(o.FirstParty, cfg.FirstParty...)
		}
		if *baseline != "" {
			b, err := rules.LoadBaseline(*baseline)
			if err != nil {
				return nil, &UsageError{err}
			}
			o.Baseline = b
		}
		return o, nil
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// checkWritableDir reports whether a file can be created in dir.
func checkWritableDir(dir string) error {
	f, err := os.CreateTemp(dir, ".privacyscan-check-*")
	if err != nil {
		return fmt.Errorf("cannot write there: %w", err)
	}
	f.Close()
	return os.Remove(f.Name())
}

// checkURL accepts http(s) URLs with a host; a bare host gets https://.
func checkURL(raw string) (string, error) {
	s := strings.TrimSpace(raw)
	if s == "" {
		return "", errors.New("empty URL")
	}
	if !strings.Contains(s, "://") {
		s = "https://" + s
	}
	u, err := url.Parse(s)
	if err != nil {
		return "", fmt.Errorf("invalid URL %q: %v", raw, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return "", fmt.Errorf("invalid URL %q: scheme %q is not http or https", raw, u.Scheme)
	}
	if u.Hostname() == "" {
		return "", fmt.Errorf("invalid URL %q: no host", raw)
	}
	if u.Path == "" {
		u.Path = "/"
	}
	return u.String(), nil
}

// readTargets reads one URL a line; blank lines and # comments are skipped.
func readTargets(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("--targets: %w", err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if i := strings.Index(line, "#"); i >= 0 && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t') {
			line = strings.TrimSpace(line[:i])
		}
		if line == "" {
			continue
		}
		u, err := checkURL(line)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %v", path, n, err)
		}
		out = append(out, u)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("--targets: %w", err)
	}
	return out, nil
}

func runScan(ctx context.Context, env *Env, args []string) error {
	fs := pflag.NewFlagSet("scan", pflag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(env.Stderr, "Usage: privacyscan scan [flags] URL...\n\nScans each site in five phases (%s) and reports findings.\n\nFlags:\n%s\nExit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage or configuration error, 3 nothing could be scanned.\n", strings.Join(model.AllPhases, ", "), fs.FlagUsages())
	}
	build := scanFlags(fs)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return nil
		}
		return &UsageError{err}
	}
	o, err := build(env, fs.Args())
	if err != nil {
		return err
	}
	if len(o.URLs) == 0 {
		return usagef("scan: no URL given (privacyscan scan https://shop.example, or --targets FILE)")
	}
	return scan(ctx, env, o)
}

// scan runs a validated scan and writes the report.
func scan(ctx context.Context, env *Env, o *scanOptions) error {
	started := time.Now().UTC()
	progress := func(format string, args ...any) {
		if !o.Quiet {
			fmt.Fprintf(env.Stderr, "privacyscan: "+format+"\n", args...)
		}
	}
	db, err := kb.Load(o.KB)
	if err != nil {
		return &UsageError{err}
	}
	var consentOpts consent.Options
	consentOpts.RuleDirs = o.ConsentRules
	consentOpts.EvidenceDir = o.EvidenceDir
	consentOpts.Recheck = true // reload after the choice: does the banner come back?
	if o.Config != nil {
		consentOpts.Accept, consentOpts.Reject = o.Config.Consent.Accept, o.Config.Consent.Reject
	}
	engine, err := consent.New(consentOpts)
	if err != nil {
		return &UsageError{err}
	}
	if o.BrowserURL != "" {
		fmt.Fprintln(env.Stderr, "privacyscan: warning: a browser started elsewhere keeps its own settings; start it with --disable-site-isolation-trials and third-party cookies allowed, or requests of cross-site iframes and third-party cookies may be missed")
	}
	hostRules := o.Routes.HostRules()
	if o.Strict {
		hostRules = o.Routes.StrictHostRules()
	}
	vendors := policyVendors(db)
	var resolver kb.Resolver
	if !o.NoCNAME && !o.Strict {
		resolver = net.DefaultResolver
	}
	sc := scanner.New(scanner.Options{
		Launch: browser.Options{
			ExecPath: o.ChromePath, RemoteURL: o.BrowserURL, HostRules: hostRules,
			Insecure: o.Insecure, Lang: o.Lang, Closed: o.Strict, Routed: o.Routes.Hosts(),
		},
		SitesParallel: siteParallelism,
		Crawl: scanner.CrawlOptions{
			MaxPages: o.Pages, IgnoreRobots: o.IgnoreRobots, PolicyURL: o.PolicyURL, UserAgent: browser.DesktopUserAgent,
			Client:     o.Routes.NewClient(route.ClientOptions{Strict: o.Strict, Insecure: o.Insecure, Timeout: o.PageTimeout, UserAgent: browser.DesktopUserAgent}),
			FirstParty: o.FirstParty,
		},
		Phases: o.Phases, Concurrency: o.Concurrency, PageTimeout: o.PageTimeout, FirstParty: o.FirstParty,
		KB: db, Consent: engine, ShowValues: o.ShowValues, Progress: progress,
		Resolver: resolver, Routed: func(host string) bool { _, ok := o.Routes.Match(host); return ok },
		Analyze: func(doc []byte, contentType, u string) *model.PolicyFacts {
			return policy.Analyze(doc, policy.Options{Vendors: vendors, URL: u, ContentType: contentType})
		},
	})
	// The browser outlives Ctrl-C until the report is written, so the
	// cookies of the pages already loaded can still be read; Close ends it.
	defer sc.Close()
	progress("starting the browser")
	if err := sc.Start(ctx); err != nil {
		return &RuntimeError{err}
	}

	rep := &model.Report{SchemaVersion: model.SchemaVersion, Tool: model.Tool{Name: "privacyscan", Version: Version}, StartedAt: started.Format(time.RFC3339), FailOn: o.FailOn}
	sup := rules.NewSuppressor(o.Config, started)
	ropts := rules.Options{Jurisdiction: o.Jurisdiction, Config: o.Config, Now: started, Vendors: kbVendors(db)}
	// Sites are crawled and scanned side by side; the report keeps the
	// order they were given.
	sites := make([]*model.Site, len(o.URLs))
	sc.Scan(ctx, o.URLs, func(i int, site *model.Site) { sites[i] = site })
	for _, site := range sites {
		if site == nil {
			continue // not started before Ctrl-C
		}
		rules.Derive(site) // the report shows the rules' verdicts (pixel, category, cookie_wall); Evaluate would derive too
		fs := rules.Evaluate(site, ropts)
		fs = sup.Apply(site.URL, fs)
		if o.Baseline != nil {
			fs = o.Baseline.Apply(fs)
		}
		rep.Sites = append(rep.Sites, model.SiteReport{Site: site, Findings: fs})
	}
	for _, n := range sup.Notices() {
		fmt.Fprintf(env.Stderr, "privacyscan: %s\n", n.Message)
	}
	rep.Interrupted = ctx.Err() != nil
	rep.FinishedAt = time.Now().UTC().Format(time.RFC3339)
	w, _ := reports.New(o.Format, reports.Options{Color: o.Color, FailOn: o.FailOn})
	write := func(out io.Writer) error { return w.Write(out, rep) }
	if err := emit(env, o.Output, write); err != nil {
		// The scan is not lost: keep the report somewhere it can be written.
		if f, terr := os.CreateTemp("", "privacyscan-report-*."+o.Format); terr == nil {
			werr := write(f)
			f.Close()
			if werr == nil {
				return fmt.Errorf("%w (the report was saved to %s instead)", err, f.Name())
			}
		}
		return err
	}
	if o.Output != "" {
		progress("report written to %s", o.Output)
	}
	return &ExitError{Code: exitFor(rep, o.FailOn)}
}

// siteParallelism is how many sites are crawled and scanned at once.
const siteParallelism = 4

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

// policyVendors gives the policy analyser the knowledge base's names.
func policyVendors(db *kb.DB) []policy.VendorName {
	vs := db.Vendors()
	out := make([]policy.VendorName, 0, len(vs))
	for _, v := range vs {
		out = append(out, policy.VendorName{ID: v.ID, Name: v.Name, Aliases: v.Aliases})
	}
	return out
}
