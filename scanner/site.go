package scanner

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"sort"
	"strings"
	"sync"

	"github.com/privacyscan/privacyscan/scanner/consent"
	"github.com/privacyscan/privacyscan/scanner/model"
	"github.com/privacyscan/privacyscan/scanner/policy"
)

// ScanSite crawls and scans one site. It always returns a Site, filled with
// whatever could be gathered; problems are in Site.Errors. With a browser
// pool, a site whose endpoint is lost is scanned again on another.
func (s *Scanner) ScanSite(ctx context.Context, start string) *model.Site {
	if s.pool != nil {
		return s.scanSiteOnPool(ctx, start)
	}
	return s.scanSite(ctx, start)
}

func (s *Scanner) scanSite(ctx context.Context, start string) *model.Site {
	site := &model.Site{URL: start, FinalURL: start, Phases: map[string]*model.PhaseResult{}, Errors: []string{}, Policy: model.PolicyNotFound()}
	// The site's budget stops it as Ctrl-C would: what was gathered stays.
	parent := ctx
	ctx, cancel := context.WithTimeout(ctx, s.opts.SiteTimeout)
	defer cancel()
	defer func() {
		if parent.Err() == nil && errors.Is(ctx.Err(), context.DeadlineExceeded) {
			site.Errors = append(site.Errors, fmt.Sprintf("the site's time budget (--site-timeout %s) ran out: the report holds what was gathered", s.opts.SiteTimeout))
			sort.Strings(site.Errors)
		}
	}()
	s.opts.Progress("crawling %s", start)
	cr, err := Crawl(ctx, start, s.opts.Crawl)
	if err != nil {
		site.Errors = append(site.Errors, err.Error())
		return site
	}
	site.FinalURL = cr.FinalURL
	site.Pages = cr.Pages
	site.RobotsDisallowed = cr.Disallowed
	site.Errors = append(site.Errors, cr.Errors...)
	firstParty := append([]string{registrable(hostOf(cr.FinalURL)), registrable(hostOf(start))}, s.opts.FirstParty...)
	s.opts.Progress("%s: %d pages chosen, policy %s", start, len(cr.Pages), orNone(cr.PolicyURL))
	if s.journeyWanted(cr.Pages) {
		c := NewCanary(nil)
		if s.opts.Canary != nil {
			c = *s.opts.Canary
		}
		site.Canary = &c
		ctx = withCanary(ctx, c)
	}

	ev := s.siteEvidence(start)
	// The policy as served is read while the phases run: from the crawl's
	// copy when it fetched the page, else fetched now.
	var served chan servedPolicy
	if cr.PolicyURL != "" {
		served = make(chan servedPolicy, 1)
		go func() { served <- s.readServedPolicy(ctx, cr) }()
	}
	policyDoc, results := s.runPhases(ctx, site, cr, firstParty, ev)
	sort.Strings(site.Errors)
	site.Consent = summarize(results)
	for _, pr := range site.Phases {
		for _, p := range pr.Pages {
			if p.Error == "" && p.Status > 0 && p.Status < 400 {
				site.Scanned = true
			}
		}
	}

	if cr.PolicyURL != "" {
		site.Policy = s.readPolicy(ctx, site, cr, policyDoc, <-served, ev)
	}
	return site
}

func orNone(s string) string {
	if s == "" {
		return "not found"
	}
	return s
}

func primaryLang(tag string) string {
	l, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(tag)), "-")
	return l
}

func hostOf(u string) string {
	pu, err := url.Parse(u)
	if err != nil {
		return ""
	}
	return pu.Hostname()
}

// summarize builds the site-level consent section from the phases' results:
// the accept and reject runs, and the before-consent look for a banner.
func summarize(results map[string]*model.ConsentResult) model.ConsentSummary {
	var accept, reject model.ConsentResult
	if r := results[model.PhaseAfterAccept]; r != nil {
		accept = *r
	}
	if r := results[model.PhaseAfterReject]; r != nil {
		reject = *r
	}
	s := consent.Summarize(accept, reject)
	if r := results[model.PhaseBeforeConsent]; r != nil && r.BannerDetected {
		s.BannerDetected = true
		if s.CMP == nil && r.CMP != "" {
			cmp := r.CMP
			s.CMP = &cmp
		}
	}
	return s
}

// servedPolicy is the privacy policy as served: the document, its content
// type and what was read in it, or why it could not be had.
type servedPolicy struct {
	body  []byte
	ctype string
	facts *model.PolicyFacts
	err   error
}

// readServedPolicy reads the policy as served: the crawl's copy when it
// fetched the page (no second request), else a fetch through the same
// fetcher.
func (s *Scanner) readServedPolicy(ctx context.Context, cr *CrawlResult) servedPolicy {
	var sp servedPolicy
	if d := cr.Policy; d != nil {
		sp.body, sp.ctype = d.Body, d.ContentType
	} else {
		r, err := policy.Fetch(ctx, s.opts.Crawl.Fetcher, cr.PolicyURL)
		if err != nil {
			return servedPolicy{err: err}
		}
		sp.body, sp.ctype = r.Body, r.ContentType
	}
	if s.opts.Analyze != nil {
		sp.facts = s.opts.Analyze(sp.body, sp.ctype, cr.PolicyURL)
	}
	return sp
}

// readPolicy analyses the privacy policy: the page rendered before consent
// (scripts may build it) and the document as served (sp); the rendered page
// wins unless the served document says clearly more (a consent layer or a
// collapsed accordion can leave the rendered page poorer). A policy found
// but unreadable says so, so that rules never judge an empty text.
func (s *Scanner) readPolicy(ctx context.Context, site *model.Site, cr *CrawlResult, policyDoc []byte, sp servedPolicy, ev *siteEvidence) *model.PolicyFacts {
	pu := cr.PolicyURL
	rendered0 := policyDoc
	readErr := ""
	var rendered, fetched *model.PolicyFacts
	if policyDoc != nil && s.opts.Analyze != nil {
		rendered = s.opts.Analyze(policyDoc, "text/html; charset=utf-8", pu)
	}
	switch {
	case sp.err != nil && policyDoc != nil:
	case sp.err != nil && ctx.Err() != nil:
		readErr = "the scan was interrupted before it was read"
	case sp.err != nil:
		readErr = sp.err.Error()
		site.Errors = append(site.Errors, "policy: "+readErr)
	case s.opts.Analyze != nil:
		fetched = sp.facts
	default:
		policyDoc = sp.body
	}
	f := betterPolicy(rendered, fetched)
	if f == nil {
		f = model.PolicyNotFound()
		f.Language = primaryLang(cr.Lang)
		if policyDoc == nil {
			// Found but unreadable: the rules must not judge an empty text.
			f.Error = "the policy could not be read: " + orNone(readErr)
		}
	}
	f.URL = &pu
	if ev != nil {
		site.Errors = append(site.Errors, ev.writePolicy(rendered0, sp.body, sp.ctype, f.Source)...)
	}
	return f
}

// betterPolicy chooses between the facts read from the rendered page and
// from the served document, and records which (policy.source). The rendered
// page is what a visitor reads, so it wins ties.
func betterPolicy(rendered, fetched *model.PolicyFacts) *model.PolicyFacts {
	switch {
	case rendered == nil && fetched == nil:
		return nil
	case fetched == nil || (rendered != nil && policyRichness(rendered) >= policyRichness(fetched)):
		rendered.Source = model.PolicySourceRendered
		return rendered
	default:
		fetched.Source = model.PolicySourceFetched
		return fetched
	}
}

// policyRichness counts what a reading found: Art. 13 elements, a date,
// stances, vendors and recipients. A page whose main content is a consent
// layer finds next to none of it.
func policyRichness(f *model.PolicyFacts) int {
	if f.Error != "" {
		return -1
	}
	n := len(f.VendorIDs) + len(f.Recipients)
	for _, b := range []bool{f.Elements.ControllerIdentity, f.Elements.Contact, f.Elements.Purposes, f.Elements.LegalBasis,
		f.Elements.Retention, f.Elements.Rights, f.Elements.Complaint, f.Elements.Recipients, f.Elements.Transfers,
		f.Elements.Cookies, f.LastUpdated != nil, f.DNTStance != model.StanceNotMentioned, f.GPCStance != model.StanceNotMentioned} {
		if b {
			n++
		}
	}
	return n
}

// runPhases runs the phases of one site, each in its own browser context.
// They start in report order as the scanner's phase slots free up, so with
// little concurrency before-consent comes first; Ctrl-C starts no new phase.
// It returns the policy page as rendered before consent, if it was loaded,
// and each phase's consent interaction.
func (s *Scanner) runPhases(ctx context.Context, site *model.Site, cr *CrawlResult, firstParty []string, ev *siteEvidence) (policyDoc []byte, results map[string]*model.ConsentResult) {
	var mu sync.Mutex
	var wg sync.WaitGroup
	results = map[string]*model.ConsentResult{}
	doomed := &doomedPages{}
	for _, ph := range s.opts.Phases {
		acquired := false
		select {
		case s.sem <- struct{}{}:
			acquired = true
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			if acquired {
				<-s.sem
			}
			break
		}
		wg.Add(1)
		go func(ph string) {
			defer wg.Done()
			defer func() { <-s.sem }()
			s.opts.Progress("%s: phase %s", site.URL, ph)
			pr, doc, errs := s.runPhaseDoomed(ctx, ph, cr.Pages, cr.PolicyURL, firstParty, doomed, ev)
			mu.Lock()
			defer mu.Unlock()
			site.Phases[ph] = pr
			for _, e := range errs {
				site.Errors = append(site.Errors, ph+": "+e)
			}
			if doc != nil {
				policyDoc = doc
			}
			if pr.Consent != nil {
				results[ph] = pr.Consent
			}
		}(ph)
	}
	wg.Wait()
	return policyDoc, results
}
