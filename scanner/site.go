package scanner

import (
	"context"
	"net/url"
	"sort"
	"strings"
	"sync"

	"github.com/privacyscan/privacyscan/scanner/consent"
	"github.com/privacyscan/privacyscan/scanner/model"
	"github.com/privacyscan/privacyscan/scanner/policy"
)

// ScanSite crawls and scans one site. It always returns a Site, filled with
// whatever could be gathered; problems are in Site.Errors.
func (s *Scanner) ScanSite(ctx context.Context, start string) *model.Site {
	site := &model.Site{URL: start, FinalURL: start, Phases: map[string]*model.PhaseResult{}, Errors: []string{}, Policy: model.PolicyNotFound()}
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

	policyDoc, results := s.runPhases(ctx, site, cr, firstParty)
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
		site.Policy = s.readPolicy(ctx, site, cr, policyDoc)
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

// readPolicy analyses the privacy policy: the page rendered before consent
// (scripts may build it), else a plain fetch of its URL. A policy found but
// unreadable says so, so that rules never judge an empty text.
func (s *Scanner) readPolicy(ctx context.Context, site *model.Site, cr *CrawlResult, policyDoc []byte) *model.PolicyFacts {
	pu := cr.PolicyURL
	ct := "text/html; charset=utf-8"
	readErr := ""
	switch {
	case policyDoc != nil:
	case ctx.Err() != nil:
		readErr = "the scan was interrupted before it was read"
	default:
		r, err := policy.Fetch(ctx, s.opts.Crawl.Fetcher, pu)
		if err != nil {
			readErr = err.Error()
			site.Errors = append(site.Errors, "policy: "+readErr)
		} else {
			policyDoc, ct = r.Body, r.ContentType
		}
	}
	var f *model.PolicyFacts
	if s.opts.Analyze != nil && policyDoc != nil {
		f = s.opts.Analyze(policyDoc, ct, pu)
	}
	if f == nil {
		f = model.PolicyNotFound()
		f.Language = primaryLang(cr.Lang)
		if policyDoc == nil {
			// Found but unreadable: the rules must not judge an empty text.
			f.Error = "the policy could not be read: " + orNone(readErr)
		}
	}
	f.URL = &pu
	return f
}

// runPhases runs the phases of one site, each in its own browser context.
// They start in report order as the scanner's phase slots free up, so with
// little concurrency before-consent comes first; Ctrl-C starts no new phase.
// It returns the policy page as rendered before consent, if it was loaded,
// and each phase's consent interaction.
func (s *Scanner) runPhases(ctx context.Context, site *model.Site, cr *CrawlResult, firstParty []string) (policyDoc []byte, results map[string]*model.ConsentResult) {
	var mu sync.Mutex
	var wg sync.WaitGroup
	results = map[string]*model.ConsentResult{}
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
			pr, doc, errs := s.runPhase(ctx, ph, cr.Pages, cr.PolicyURL, firstParty)
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
