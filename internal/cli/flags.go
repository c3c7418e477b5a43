package cli

import (
	"errors"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/privacyscan/privacyscan/internal/config"
	"github.com/privacyscan/privacyscan/internal/fetch"
	"github.com/privacyscan/privacyscan/reports"
	"github.com/privacyscan/privacyscan/rules"
	"github.com/privacyscan/privacyscan/scanner"
	"github.com/privacyscan/privacyscan/scanner/browser"
	"github.com/privacyscan/privacyscan/scanner/kb"
	"github.com/privacyscan/privacyscan/scanner/model"
)

// Flag groups: each declares a few related flags on a flag set and turns
// them into a typed value, with an error that names the flag. Commands
// compose the groups they need, so a flag means the same on every command
// that takes it. Checks that span groups live in scanFlagSet.options.

// crawlFlags say what to sample of each site.
type crawlFlags struct {
	targets      string
	pages        int
	ignoreRobots bool
	policyURL    string
	firstParty   []string
}

// crawlOptions are the crawl flags, validated.
type crawlOptions struct {
	Pages        int
	IgnoreRobots bool
	PolicyURL    string
	// FirstParty holds --first-party, then the configuration's domains.
	FirstParty []string
}

func (g *crawlFlags) register(fs *pflag.FlagSet) {
	fs.StringVar(&g.targets, "targets", "", "read URLs from `FILE`, one a line (# comments); - reads standard input")
	fs.IntVar(&g.pages, "pages", 8, "pages to sample per site")
	fs.BoolVar(&g.ignoreRobots, "ignore-robots", false, "do not honour robots.txt")
	fs.StringVar(&g.policyURL, "policy-url", "", "the privacy policy's URL (skips discovery)")
	fs.StringArrayVar(&g.firstParty, "first-party", nil, "extra `DOMAIN` that belongs to the site, e.g. its CDN (repeatable)")
}

// urls checks the URL arguments and appends those of --targets (stdin for
// --targets -).
func (g *crawlFlags) urls(stdin io.Reader, args []string) ([]string, error) {
	out := make([]string, 0, len(args))
	for _, u := range args {
		nu, err := checkURL(u)
		if err != nil {
			return nil, &UsageError{err}
		}
		out = append(out, nu)
	}
	if g.targets != "" {
		more, err := readTargets(g.targets, stdin)
		if err != nil {
			return nil, &UsageError{err}
		}
		out = append(out, more...)
	}
	return out, nil
}

func (g *crawlFlags) options() (crawlOptions, error) {
	o := crawlOptions{Pages: g.pages, IgnoreRobots: g.ignoreRobots, PolicyURL: g.policyURL}
	if o.Pages < 1 || o.Pages > 100 {
		return o, usagef("--pages %d: want 1 to 100", o.Pages)
	}
	if o.PolicyURL != "" {
		u, err := checkURL(o.PolicyURL)
		if err != nil {
			return o, usagef("--policy-url: %v", err)
		}
		o.PolicyURL = u
	}
	for _, d := range g.firstParty {
		d = strings.ToLower(strings.TrimSpace(d))
		if d == "" || strings.ContainsAny(d, "/: ") {
			return o, usagef("--first-party %q: want a domain such as cdn.example.net", d)
		}
		o.FirstParty = append(o.FirstParty, d)
	}
	return o, nil
}

// phaseFlags say how the browser phases run.
type phaseFlags struct {
	phases      []string
	concurrency int
	pageTimeout time.Duration
	siteTimeout time.Duration
	noCNAME     bool
	showValues  bool
	journey     bool
	noJourney   bool
}

// phaseOptions are the phase flags, validated.
type phaseOptions struct {
	Phases      []string
	Concurrency int
	PageTimeout time.Duration
	// SiteTimeout bounds one site; 0 is scanner.DefaultSiteTimeout.
	SiteTimeout time.Duration
	NoCNAME     bool
	ShowValues  bool
	// Journey is scanner.JourneyAuto (shops), JourneyOn or JourneyOff.
	Journey string
}

func (g *phaseFlags) register(fs *pflag.FlagSet) {
	fs.StringSliceVar(&g.phases, "phases", model.AllPhases, "`PHASES` to run, comma-separated: "+strings.Join(model.AllPhases, ","))
	fs.IntVar(&g.concurrency, "concurrency", 0, "phases run at once over all sites (default 0: every phase of every site in flight, phases × --sites-parallel; a phase mostly waits for the network)")
	fs.DurationVar(&g.pageTimeout, "page-timeout", 30*time.Second, "time limit for one page visit")
	fs.DurationVar(&g.siteTimeout, "site-timeout", 0, "time limit for one site: what was gathered is kept (default pages × page-timeout × 2 + 60s)")
	fs.BoolVar(&g.noCNAME, "no-cname", false, "do not look up CNAMEs of first-party subdomains (CNAME-cloaked trackers)")
	fs.BoolVar(&g.showValues, "show-values", false, "include cookie values in the report (personal data: redacted by default)")
	fs.BoolVar(&g.journey, "journey", false, "walk the shopper's journey on every site, not only on shops (search, product, cart, checkout; types a made-up identity, submits only the search)")
	fs.BoolVar(&g.noJourney, "no-journey", false, "do not walk the shopper's journey (it runs on shops by default)")
}

func (g *phaseFlags) options() (phaseOptions, error) {
	o := phaseOptions{Concurrency: g.concurrency, PageTimeout: g.pageTimeout, SiteTimeout: g.siteTimeout, NoCNAME: g.noCNAME, ShowValues: g.showValues}
	if o.Concurrency < 0 {
		return o, usagef("--concurrency %d: want 0 (every phase of every site in flight) or more", o.Concurrency)
	}
	if o.PageTimeout < time.Second {
		return o, usagef("--page-timeout %s: want at least 1s", o.PageTimeout)
	}
	switch {
	case g.journey && g.noJourney:
		return o, usagef("--journey and --no-journey exclude each other")
	case g.journey:
		o.Journey = scanner.JourneyOn
	case g.noJourney:
		o.Journey = scanner.JourneyOff
	}
	if o.SiteTimeout != 0 && o.SiteTimeout < time.Second {
		return o, usagef("--site-timeout %s: want at least 1s, or 0 for pages × page-timeout × 2 + 60s", o.SiteTimeout)
	}
	seen := map[string]bool{}
	for _, p := range g.phases {
		p = strings.TrimSpace(p)
		if !contains(model.AllPhases, p) {
			return o, usagef("--phases: unknown phase %q (want %s)", p, strings.Join(model.AllPhases, ", "))
		}
		if !seen[p] {
			o.Phases = append(o.Phases, p)
			seen[p] = true
		}
	}
	return o, nil
}

// browserFlags say which browser to drive and how it reaches the sites.
type browserFlags struct {
	chromePath string
	browserURL []string
	userAgent  string
	resolve    []string
	insecure   bool
	lang       string
}

// browserOptions are the browser flags, validated.
type browserOptions struct {
	ChromePath string
	// BrowserURLs are running browsers to attach to: one is used as the
	// browser, several are a pool the sites are spread over.
	BrowserURLs []string
	// UserAgent is the browser's; empty is browser.DesktopUserAgent.
	UserAgent string
	Routes    fetch.Routes
	Insecure  bool
	Lang      string
	// Strict keeps every connection on the routed hosts (the demo).
	Strict bool
}

func (g *browserFlags) register(fs *pflag.FlagSet) {
	fs.StringVar(&g.chromePath, "chrome-path", "", "Chromium or Chrome binary (default: auto-detect)")
	fs.StringArrayVar(&g.browserURL, "browser-url", nil, "use a running browser at ws://HOST:PORT instead of starting one; repeat for a pool the sites are spread over")
	fs.StringArrayVar(&g.resolve, "resolve", nil, "route `HOST=IP[:PORT]`: send HOST (or *.domain) to that address, in the browser and the crawler (repeatable)")
	fs.BoolVar(&g.insecure, "insecure", false, "accept invalid TLS certificates")
	fs.StringVar(&g.lang, "lang", "en-US", "browser language (Accept-Language), a `TAG` such as de-DE")
	fs.StringVar(&g.userAgent, "user-agent", "", "the browser's user agent (default: a desktop Chrome's); the crawler's is --crawler-user-agent")
}

// langRe is the shape of a language tag as Chromium takes it in --lang.
var langRe = regexp.MustCompile(`^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)

func (g *browserFlags) options() (browserOptions, error) {
	o := browserOptions{ChromePath: g.chromePath, Insecure: g.insecure, Lang: g.lang, UserAgent: strings.TrimSpace(g.userAgent)}
	if strings.ContainsAny(o.UserAgent, "\r\n") {
		return o, usagef("--user-agent: want one line")
	}
	for _, u := range g.browserURL {
		if u = strings.TrimSpace(u); u != "" && !contains(o.BrowserURLs, u) {
			o.BrowserURLs = append(o.BrowserURLs, u)
		}
	}
	if len(o.BrowserURLs) > 0 && o.ChromePath != "" {
		return o, usagef("--browser-url and --chrome-path exclude each other: the first uses a running browser, the second starts one")
	}
	if o.ChromePath != "" {
		if st, err := os.Stat(o.ChromePath); err != nil || st.IsDir() {
			return o, usagef("--chrome-path %s: %v", o.ChromePath, browser.ErrNoChromium)
		}
	}
	for _, bu := range o.BrowserURLs {
		if u, err := url.Parse(bu); err != nil || (u.Scheme != "ws" && u.Scheme != "wss" && u.Scheme != "http") || u.Host == "" {
			return o, usagef("--browser-url %q: want ws://HOST:PORT", bu)
		}
	}
	if !langRe.MatchString(o.Lang) {
		return o, usagef("--lang %q: want a language tag such as en-US or de", o.Lang)
	}
	rt, err := fetch.ParseRoutes(g.resolve)
	if err != nil {
		return o, &UsageError{err}
	}
	o.Routes = rt
	return o, nil
}

// kbFlagGroup says which open data the knowledge base loads besides the
// embedded vendors. db, scan and demo share it, so --vendor-db or
// --no-cache mean the same to a lookup and to a scan.
type kbFlagGroup struct {
	cookieDB   []string
	trackerDB  []string
	filterList []string
	vendorDB   []string
	cacheDir   string
	noCache    bool
}

func (g *kbFlagGroup) register(fs *pflag.FlagSet) {
	fs.StringArrayVar(&g.cookieDB, "cookie-db", nil, "Open Cookie Database CSV `FILE` (repeatable)")
	fs.StringArrayVar(&g.trackerDB, "tracker-db", nil, "Disconnect services.json or DuckDuckGo TDS JSON `FILE` (repeatable)")
	fs.StringArrayVar(&g.filterList, "filter-list", nil, "EasyPrivacy-syntax filter list `FILE` (repeatable)")
	fs.StringArrayVar(&g.vendorDB, "vendor-db", nil, "extra vendors in the vendors.yaml format, `FILE` (repeatable)")
	fs.StringVar(&g.cacheDir, "cache-dir", "", "download cache `DIR` (default: the user cache directory/privacyscan)")
	fs.BoolVar(&g.noCache, "no-cache", false, "do not load the lists downloaded by 'db update'")
}

func (g *kbFlagGroup) options() (kb.LoadOptions, error) {
	if g.noCache && g.cacheDir != "" {
		return kb.LoadOptions{}, usagef("--cache-dir and --no-cache exclude each other: --no-cache loads nothing from a cache")
	}
	return kb.LoadOptions{CookieDBs: g.cookieDB, TrackerDBs: g.trackerDB, FilterLists: g.filterList,
		VendorDBs: g.vendorDB, CacheDir: g.cacheDir, NoCache: g.noCache}, nil
}

// load validates the flags and loads the knowledge base. A file that does
// not load is the user's input: exit 2.
func (g *kbFlagGroup) load() (*kb.DB, error) {
	o, err := g.options()
	if err != nil {
		return nil, err
	}
	return loadKB(o)
}

// outputFlags say where the report goes, in which format, and which
// findings fail the run.
type outputFlags struct {
	format        []string
	output        string
	failOn        string
	noColor       bool
	quiet         bool
	sarifArtifact string
}

// outputOptions are the output flags, validated.
type outputOptions struct {
	Format string
	// Path is the report file; "" or "-" is standard output.
	Path   string
	FailOn string
	Color  bool
	Quiet  bool
	// SARIFArtifact is the repository file SARIF results point at; empty
	// means privacyscan/<host>.
	SARIFArtifact string
	// More are the further reports of --format FORMAT=FILE, beyond the
	// first (Format and Path), each written to its own file.
	More []reportOutput
}

// reportOutput is one more report of the same scan: a format and its file.
type reportOutput struct {
	Format string
	Path   string
}

func (g *outputFlags) register(fs *pflag.FlagSet) {
	fs.StringArrayVar(&g.format, "format", nil, "output format: "+strings.Join(reports.Formats(), ", ")+" (default table on a terminal, json otherwise); FORMAT=FILE writes that report to FILE, repeatable: --format json=r.json --format html=r.html")
	fs.StringVarP(&g.output, "output", "o", "", "write the report to `FILE` (atomically) instead of standard output")
	fs.StringVar(&g.failOn, "fail-on", rules.High, "exit 1 when a finding is at or above this severity (critical, high, medium, low, info, none)")
	fs.BoolVar(&g.noColor, "no-color", false, "no colour in the table")
	fs.BoolVarP(&g.quiet, "quiet", "q", false, "no progress on standard error")
	fs.StringVar(&g.sarifArtifact, "sarif-artifact", "", "repository-relative `PATH` SARIF results point at, e.g. the file that declares the site's tags (default privacyscan/<host>)")
}

// options needs env: table output and colour are the defaults only on a
// terminal.
func (g *outputFlags) options(env *Env) (outputOptions, error) {
	o := outputOptions{Path: g.output, FailOn: strings.ToLower(g.failOn), Quiet: g.quiet}
	if err := splitFormats(&o, g.format); err != nil {
		return o, err
	}
	artifact, err := sarifArtifact(g.sarifArtifact)
	if err != nil {
		return o, err
	}
	o.SARIFArtifact = artifact
	// Find out now, not after a long scan, that the report cannot be written.
	if err := resolveOutput(env, &o, g.noColor); err != nil {
		return o, err
	}
	if o.FailOn != "none" {
		if err := rules.CheckFailOn(o.FailOn); err != nil {
			return o, usagef("--fail-on: %v", err)
		}
	}
	return o, nil
}

// splitFormats reads the --format values: at most one plain FORMAT, whose
// report goes to -o or standard output, and any number of FORMAT=FILE, each
// written to its own file. Without a plain FORMAT the first FORMAT=FILE is
// the main report (Format and Path) and the others are More.
func splitFormats(o *outputOptions, values []string) error {
	var plain []string
	var named []reportOutput
	for _, v := range values {
		f, file, hasFile := strings.Cut(v, "=")
		f = strings.ToLower(strings.TrimSpace(f))
		if !hasFile {
			plain = append(plain, f)
			continue
		}
		if f == "" || strings.TrimSpace(file) == "" {
			return usagef("--format %q: want FORMAT=FILE, such as html=report.html", v)
		}
		named = append(named, reportOutput{Format: f, Path: file})
	}
	switch {
	case len(plain) > 1:
		return usagef("--format given %d times without a file (%s): one report goes to -o or standard output; name the file of each other one with FORMAT=FILE", len(plain), strings.Join(plain, ", "))
	case len(plain) == 1:
		o.Format = plain[0]
		o.More = named
	case len(named) > 0:
		if o.Path != "" {
			return usagef("-o %s: with --format FORMAT=FILE each report names its own file; give -o only with a plain --format FORMAT", o.Path)
		}
		o.Format, o.Path = named[0].Format, named[0].Path
		o.More = named[1:]
	}
	if len(o.More) == 0 {
		o.More = nil
		return nil
	}
	all := append([]reportOutput{{Format: o.Format, Path: o.Path}}, o.More...)
	seen := map[string]string{}
	for _, r := range all {
		if r.Format == "jsonl" {
			return usagef("--format jsonl is written site by site as the scan goes and cannot be combined with other reports; render them from it afterwards with privacyscan report FILE.jsonl --format FORMAT")
		}
		key := "-"
		if r.Path != "" && r.Path != "-" {
			key = filepath.Clean(r.Path)
		}
		if prev, dup := seen[key]; dup {
			if key == "-" {
				return usagef("--format %s and --format %s both go to standard output: give one of them a file (FORMAT=FILE)", prev, r.Format)
			}
			return usagef("--format %s and --format %s both write %s: give each report its own file", prev, r.Format, r.Path)
		}
		seen[key] = r.Format
	}
	return nil
}

// sarifArtifact checks --sarif-artifact: code scanning places results only
// at a relative path inside the repository, so an absolute path or one that
// climbs out of it would hide every alert. Backslashes become slashes, as
// SARIF URIs want.
func sarifArtifact(p string) (string, error) {
	if p == "" {
		return "", nil
	}
	clean := path.Clean(strings.ReplaceAll(p, "\\", "/"))
	if path.IsAbs(clean) || filepath.IsAbs(p) || clean == "." || clean == ".." || strings.HasPrefix(clean, "../") || strings.Contains(clean, ":") {
		return "", usagef("--sarif-artifact %q: want a path relative to the repository root, such as sites/shop.yaml", p)
	}
	return clean, nil
}

// ruleFlags say how findings are judged.
type ruleFlags struct {
	jurisdiction    string
	config          string
	baseline        string
	baselineMissing string
}

// ruleOptions are the rule flags, validated and loaded.
type ruleOptions struct {
	Jurisdiction string
	Config       *model.Config
	Baseline     rules.Baseline
	// BaselineNotice says that --baseline was missing and none was applied
	// (--baseline-missing ok); the scan prints it.
	BaselineNotice string
	// BaselinePath is --baseline, for the report's provenance.
	BaselinePath string
}

func (g *ruleFlags) register(fs *pflag.FlagSet) {
	fs.StringVar(&g.jurisdiction, "jurisdiction", rules.DefaultJurisdiction, "jurisdiction: "+strings.Join(rules.Jurisdictions(), ", "))
	fs.StringVar(&g.config, "config", "", "configuration `FILE` (default: .privacyscan.yaml in the working directory)")
	fs.StringVar(&g.baseline, "baseline", "", "previous JSON `REPORT`: only new findings count toward the exit code")
	fs.StringVar(&g.baselineMissing, "baseline-missing", baselineMissingError, "when the --baseline file does not exist: error, or ok (a first run: no baseline, a notice)")
}

func (g *ruleFlags) options() (ruleOptions, error) {
	o := ruleOptions{Jurisdiction: strings.ToLower(g.jurisdiction)}
	if err := rules.CheckJurisdiction(o.Jurisdiction); err != nil {
		return o, usagef("--jurisdiction: %v", err)
	}
	path := g.config
	if path == "" {
		if p, ok := config.Find("."); ok {
			path = p
		}
	}
	if path != "" {
		cfg, err := loadConfig(path)
		if err != nil {
			return o, &UsageError{err}
		}
		o.Config = cfg
	}
	if m := strings.ToLower(g.baselineMissing); m != baselineMissingError && m != baselineMissingOK {
		return o, usagef("--baseline-missing %q: want %s or %s", g.baselineMissing, baselineMissingError, baselineMissingOK)
	}
	if g.baseline != "" {
		b, notice, err := loadBaseline(g.baseline, strings.ToLower(g.baselineMissing))
		if err != nil {
			return o, err
		}
		o.Baseline, o.BaselineNotice, o.BaselinePath = b, notice, g.baseline
	}
	return o, nil
}

// consentFlags tune the consent engine and say where the evidence goes.
type consentFlags struct {
	rules       []string
	evidenceDir string
	harBodies   bool
	force       bool
}

// consentOptions are the consent flags, validated.
type consentOptions struct {
	RuleDirs    []string
	EvidenceDir string
	// HARBodies keeps response bodies in the evidence HARs.
	HARBodies bool
	// GenericOnly: --consent-rules none, no rule file at all.
	GenericOnly bool
}

func (g *consentFlags) register(fs *pflag.FlagSet) {
	fs.StringArrayVar(&g.rules, "consent-rules", nil, "`DIR` or file of extra consent-platform rules (repeatable); none: no rule file at all, the generic engine alone")
	fs.StringVar(&g.evidenceDir, "evidence-dir", "", "write the evidence bundle to `DIR`: per site and phase a HAR and screenshots, the policy, the reports, manifest.json (check it with privacyscan verify DIR)")
	fs.BoolVar(&g.harBodies, "har-bodies", false, "keep response bodies in the evidence HARs (at most 1 MiB each, 16 MiB per phase)")
	fs.BoolVar(&g.force, "force", false, "write the evidence bundle into a --evidence-dir that is not empty (its files are kept and sealed with the new ones)")
}

func (g *consentFlags) options() (consentOptions, error) {
	o := consentOptions{RuleDirs: g.rules, EvidenceDir: g.evidenceDir, HARBodies: g.harBodies}
	if slices.Contains(o.RuleDirs, "none") {
		if len(o.RuleDirs) > 1 {
			return o, usagef("--consent-rules none runs the generic engine alone: it takes no rule directory (for a directory named none, write ./none)")
		}
		o.RuleDirs, o.GenericOnly = nil, true
	}
	for _, r := range o.RuleDirs {
		if _, err := os.Stat(r); err != nil {
			return o, usagef("--consent-rules: %v", err)
		}
	}
	if o.EvidenceDir == "" {
		if o.HARBodies {
			return o, usagef("--har-bodies keeps bodies in the evidence bundle's HARs: give --evidence-dir DIR too")
		}
		return o, nil
	}
	switch entries, err := os.ReadDir(o.EvidenceDir); {
	case err == nil && len(entries) > 0 && !g.force:
		return o, usagef("--evidence-dir %s is not empty: name a new or empty directory, or add --force to write into it (nothing in it is removed)", o.EvidenceDir)
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return o, usagef("--evidence-dir %s: %v", o.EvidenceDir, err)
	}
	if err := os.MkdirAll(o.EvidenceDir, 0o755); err != nil {
		return o, usagef("--evidence-dir: %v", err)
	}
	if err := checkWritableDir(o.EvidenceDir); err != nil {
		return o, usagef("--evidence-dir %s: %v", o.EvidenceDir, err)
	}
	return o, nil
}

// resolveOutput completes the output options every rendering command
// shares: the format's default (table on a terminal, JSON otherwise), a
// known format, a writable output path, and colour only for a table on a
// terminal.
func resolveOutput(env *Env, o *outputOptions, noColor bool) error {
	toStdout := o.Path == "" || o.Path == "-"
	if o.Format == "" {
		o.Format = "json"
		if toStdout && isTerminal(env.Stdout) {
			o.Format = "table"
		}
	}
	if _, err := reports.New(o.Format, reports.Options{}); err != nil {
		return usagef("--format: %v", err)
	}
	if err := checkOutputPath(o.Path); err != nil {
		return err
	}
	for _, m := range o.More {
		if _, err := reports.New(m.Format, reports.Options{}); err != nil {
			return usagef("--format %s=%s: %v", m.Format, m.Path, err)
		}
		if err := checkOutputPath(m.Path); err != nil {
			return err
		}
	}
	o.Color = o.Format == "table" && toStdout && isTerminal(env.Stdout) && !noColor && os.Getenv("NO_COLOR") == ""
	return nil
}
