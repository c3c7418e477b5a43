package cli

import (
	"net"

	"github.com/privacyscan/privacyscan/internal/config"
	"github.com/privacyscan/privacyscan/internal/fetch"
	"github.com/privacyscan/privacyscan/rules"
	"github.com/privacyscan/privacyscan/scanner"
	"github.com/privacyscan/privacyscan/scanner/browser"
	"github.com/privacyscan/privacyscan/scanner/consent"
	"github.com/privacyscan/privacyscan/scanner/kb"
	"github.com/privacyscan/privacyscan/scanner/model"
	"github.com/privacyscan/privacyscan/scanner/policy"
)

// kbVendors answers the rules' vendor questions from a knowledge base
// (kb.Default() or one loaded with extra sources): the wiring between the
// scanner's knowledge and the rules, which know no knowledge base.
func kbVendors(db *kb.DB) rules.VendorInfo {
	return rules.VendorFunc(func(id string) (rules.Vendor, bool) {
		if db == nil {
			return rules.Vendor{}, false
		}
		v, ok := db.Vendor(id)
		if !ok {
			return rules.Vendor{}, false
		}
		return rules.Vendor{ID: v.ID, Name: v.Name, Company: v.Company, Country: v.Country,
			EEA: v.EEA, Adequate: v.Adequate, Category: v.Category, Aliases: v.Aliases, SelfHosted: v.SelfHosted}, true
	})
}

// loadConfig reads a configuration file and checks it against the rule
// catalogue. Errors are *model.ConfigError values naming file and line; they
// exit 2.
func loadConfig(path string) (*model.Config, error) {
	cfg, err := config.Load(path)
	if err != nil {
		return nil, err
	}
	if err := rules.CheckConfig(cfg); err != nil {
		return nil, err
	}
	return cfg, nil
}

// loadKB loads the knowledge base of a command. A file that does not load
// (missing, malformed, a bad line) is the user's input: exit 2.
func loadKB(o kb.LoadOptions) (*kb.DB, error) {
	db, err := kb.Load(o)
	if err != nil {
		return nil, &UsageError{err}
	}
	return db, nil
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

// newConsentEngine builds the consent engine of a scan. Rule files that do
// not load are the user's input: exit 2.
func newConsentEngine(o *scanOptions) (*consent.Engine, error) {
	co := consent.Options{
		RuleDirs:    o.Consent.RuleDirs,
		GenericOnly: o.Consent.GenericOnly,
		EvidenceDir: o.Consent.EvidenceDir,
		Recheck:     true, // reload after the choice: does the banner come back?
	}
	if cfg := o.Rules.Config; cfg != nil {
		co.Accept, co.Reject = cfg.Consent.Accept, cfg.Consent.Reject
	}
	engine, err := consent.New(co)
	if err != nil {
		return nil, &UsageError{err}
	}
	return engine, nil
}

// newScanner wires the options, the knowledge base and the consent engine
// into a scanner. The demo's strict routing keeps every connection, DNS
// lookups included, on the machine.
func newScanner(o *scanOptions, db *kb.DB, engine *consent.Engine, progress, warn func(string, ...any)) *scanner.Scanner {
	b := o.Browser
	hostRules := b.Routes.HostRules()
	if b.Strict {
		hostRules = b.Routes.StrictHostRules()
	}
	var resolver kb.Resolver
	if !o.Phases.NoCNAME && !b.Strict {
		resolver = net.DefaultResolver
	}
	vendors := policyVendors(db)
	fetcher := fetch.New(fetch.Options{Routes: b.Routes, Strict: b.Strict, Insecure: b.Insecure, Timeout: o.Phases.PageTimeout,
		UserAgent: o.Scale.CrawlerUserAgent, HostConcurrency: o.Scale.HostConcurrency, HostInterval: o.Scale.HostInterval, MaxWait: o.Scale.MaxCrawlDelay})
	launch := browser.Options{ExecPath: b.ChromePath, HostRules: hostRules, UserAgent: b.UserAgent,
		Insecure: b.Insecure, Lang: b.Lang, Closed: b.Strict, Routed: b.Routes.Hosts()}
	var endpoints []string
	if len(b.BrowserURLs) == 1 {
		launch.RemoteURL = b.BrowserURLs[0]
	} else {
		endpoints = b.BrowserURLs
	}
	return scanner.New(scanner.Options{
		Launch: launch, Endpoints: endpoints, Recycle: o.Scale.BrowserRecycle, RecycleMB: o.Scale.BrowserMemory, Warn: warn,
		SitesParallel: o.Scale.SitesParallel,
		Crawl: scanner.CrawlOptions{
			MaxPages: o.Crawl.Pages, IgnoreRobots: o.Crawl.IgnoreRobots, PolicyURL: o.Crawl.PolicyURL,
			Fetcher: fetcher, FirstParty: o.Crawl.FirstParty,
		},
		Phases: o.Phases.Phases, Concurrency: o.Phases.Concurrency, PageTimeout: o.Phases.PageTimeout, SiteTimeout: o.Phases.SiteTimeout,
		FirstParty: o.Crawl.FirstParty, KB: db, Consent: engine, ShowValues: o.Phases.ShowValues, Journey: o.Phases.Journey, Progress: progress,
		Evidence: scanner.EvidenceOptions{Dir: o.Consent.EvidenceDir, Bodies: o.Consent.HARBodies, Tool: model.Tool{Name: model.ToolName, Version: Version}},
		Resolver: resolver, Routed: func(host string) bool { _, ok := b.Routes.Match(host); return ok },
		Analyze: func(doc []byte, contentType, u string) *model.PolicyFacts {
			return policy.Analyze(doc, policy.Options{Vendors: vendors, URL: u, ContentType: contentType})
		},
	})
}
