package scanner

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/privacyscan/privacyscan/internal/fetch"
	"github.com/privacyscan/privacyscan/scanner/browser"
	"github.com/privacyscan/privacyscan/scanner/consent"
	"github.com/privacyscan/privacyscan/scanner/kb"
	"github.com/privacyscan/privacyscan/scanner/policy"
)

// Classifier tells who is behind a request, cookie or storage key. The
// knowledge base (scanner/kb) implements it.
type Classifier interface {
	RequestTyped(rawURL, pageURL, resourceType string) kb.Match
	Cookie(name, domain string) kb.Match
	StorageKey(key, origin string) kb.Match
}

// Options configure a Scanner.
type Options struct {
	// Browser runs the phases. The scanner relaunches it with the same
	// options if it dies.
	Browser *browser.Browser
	Crawl   CrawlOptions
	// Phases to run; nil means all.
	Phases []string
	// Concurrency bounds how many phases run at once (over all sites).
	Concurrency int
	// PageTimeout bounds one page visit (navigation, load, network quiet).
	PageTimeout time.Duration
	// FirstParty lists extra domains that belong to the site (its CDNs).
	FirstParty []string
	KB         Classifier
	// Resolver looks up CNAMEs of first-party subdomains to unmask trackers
	// hidden behind them (CNAME cloaking); nil disables the look-ups. Hosts
	// routed by --resolve are never looked up.
	Resolver kb.Resolver
	// Routed reports whether a host is routed by --resolve.
	Routed func(host string) bool
	// Consent operates consent banners; nil disables interaction.
	Consent consent.Operator
	// Analyze reads a privacy policy document; nil leaves the policy
	// section with the URL and language only.
	Analyze func(doc []byte, contentType, url string) *policy.Facts
	// ShowValues keeps cookie values in the report (redacted by default).
	ShowValues bool
	// Progress, when set, is told what the scanner is doing.
	Progress func(format string, args ...any)
	Now      func() time.Time
}

// Scanner scans sites. It is safe for concurrent use.
type Scanner struct {
	opts Options
	// afterNavigate is a test seam: it runs once a navigation has started.
	afterNavigate func(ctx context.Context, url string)
	sem           chan struct{}
	bmu           sync.Mutex
	b             *browser.Browser
}

// New returns a Scanner.
func New(opts Options) *Scanner {
	if opts.Concurrency < 1 {
		opts.Concurrency = 1
	}
	if opts.PageTimeout <= 0 {
		opts.PageTimeout = 30 * time.Second
	}
	if len(opts.Phases) == 0 {
		opts.Phases = AllPhases
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Progress == nil {
		opts.Progress = func(string, ...any) {}
	}
	if opts.Crawl.Fetcher == nil {
		opts.Crawl.Fetcher = fetch.New(fetch.Options{})
	}
	return &Scanner{opts: opts, sem: make(chan struct{}, opts.Concurrency), b: opts.Browser}
}

// browser returns a live browser, relaunching a crashed one once per call.
func (s *Scanner) browser(ctx context.Context) (*browser.Browser, error) {
	s.bmu.Lock()
	defer s.bmu.Unlock()
	if s.b != nil && s.b.Alive() {
		return s.b, nil
	}
	if s.b == nil {
		return nil, errors.New("no browser")
	}
	s.opts.Progress("browser died; restarting it")
	nb, err := browser.Launch(context.WithoutCancel(ctx), s.b.Options())
	if err != nil {
		return nil, fmt.Errorf("restarting the browser: %w", err)
	}
	s.b.Close()
	s.b = nb
	return nb, nil
}

// browserAlive reports whether the current browser still answers.
func (s *Scanner) browserAlive() bool {
	s.bmu.Lock()
	defer s.bmu.Unlock()
	return s.b != nil && s.b.Alive()
}

// Browser returns the current browser (it may have been relaunched).
func (s *Scanner) Browser() *browser.Browser {
	s.bmu.Lock()
	defer s.bmu.Unlock()
	return s.b
}

// ScanSite crawls and scans one site. It always returns a Site, filled with
// whatever could be gathered; problems are in Site.Errors.
func (s *Scanner) ScanSite(ctx context.Context, start string) *Site {
	site := &Site{URL: start, FinalURL: start, Phases: map[string]*PhaseResult{}, Errors: []string{}, Policy: policy.NotFound()}
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

	var mu sync.Mutex
	var wg sync.WaitGroup
	var policyDoc []byte
	results := map[string]*consent.Result{}
	// Phases start in report order as slots free up, so with little
	// concurrency before-consent comes first; Ctrl-C starts no new phase.
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
			s.opts.Progress("%s: phase %s", start, ph)
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
	sort.Strings(site.Errors)
	site.Consent = summarize(results)
	for _, pr := range site.Phases {
		for _, p := range pr.Pages {
			if p.Error == "" && p.Status > 0 && p.Status < 400 {
				site.Scanned = true
			}
		}
	}

	// The policy: the rendered page from before-consent, else a plain fetch.
	if cr.PolicyURL != "" {
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
		var f *policy.Facts
		if s.opts.Analyze != nil && policyDoc != nil {
			f = s.opts.Analyze(policyDoc, ct, pu)
		}
		if f == nil {
			f = policy.NotFound()
			f.Language = primaryLang(cr.Lang)
			if policyDoc == nil {
				// Found but unreadable: the rules must not judge an empty text.
				f.Error = "the policy could not be read: " + orNone(readErr)
			}
		}
		f.URL = &pu
		site.Policy = f
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
func summarize(results map[string]*consent.Result) consent.Summary {
	var accept, reject consent.Result
	if r := results[PhaseAfterAccept]; r != nil {
		accept = *r
	}
	if r := results[PhaseAfterReject]; r != nil {
		reject = *r
	}
	s := consent.Summarize(accept, reject)
	if r := results[PhaseBeforeConsent]; r != nil && r.BannerDetected {
		s.BannerDetected = true
		if s.CMP == nil && r.CMP != "" {
			cmp := r.CMP
			s.CMP = &cmp
		}
	}
	return s
}

// phaseRun is the state of one phase: its tab, recorder and results.
type phaseRun struct {
	s          *Scanner
	phase      string
	ctx        context.Context // the scan's context: cancelled on Ctrl-C
	phaseCtx   context.Context // the browser context; outlives ctx so cookies can still be read
	tab        context.Context
	rc         *recorder
	pr         *PhaseResult
	firstParty []string
	cookieSeen map[string]bool
	errs       []string
	// closers close the tabs opened after a renderer crash.
	closers []context.CancelFunc
	// redact hides cookie values and identifiers in recorded URLs; nil
	// with --show-values.
	redact *redactor
	// pre is what the first page did before a consent click.
	pre *recording
}

// runPhase loads the pages in a fresh browser context and records everything.
// On Ctrl-C it stops loading pages but keeps what it recorded.
func (s *Scanner) runPhase(ctx context.Context, phase string, pages []PlannedPage, policyURL string, firstParty []string) (pr *PhaseResult, policyDoc []byte, errs []string) {
	pr = &PhaseResult{Pages: []PageResult{}, Cookies: []Cookie{}, Requests: []Request{}, Storage: []StorageItem{}}
	b, err := s.browser(ctx)
	if err != nil {
		return pr, nil, []string{err.Error()}
	}
	phaseCtx, cancel := b.NewContext(context.WithoutCancel(ctx))
	defer cancel()
	run := &phaseRun{s: s, phase: phase, ctx: ctx, phaseCtx: phaseCtx, tab: phaseCtx, rc: newRecorder(), pr: pr, firstParty: firstParty, cookieSeen: map[string]bool{}}
	run.rc.now = s.opts.Now
	if !s.opts.ShowValues {
		run.redact = &redactor{}
	}
	defer func() {
		for _, c := range run.closers {
			c()
		}
	}()
	if err := setupTab(run.tab, run.rc, phase); err != nil {
		return pr, nil, []string{fmt.Sprintf("opening a tab: %v", err)}
	}
	for i, p := range pages {
		if ctx.Err() != nil {
			run.errs = append(run.errs, "interrupted before "+p.URL)
			break
		}
		s.opts.Progress("%s: %s: page %d/%d %s", pages[0].URL, phase, i+1, len(pages), p.URL)
		res, crashed := run.load(p.URL)
		// The banner is operated on the first page; dnt and gpc never touch it.
		if i == 0 && !crashed && (res.Error == "" || res.Status > 0) && s.opts.Consent != nil {
			res, crashed = run.operateConsent(p.URL, res)
		}
		if res.Error != "" {
			run.errs = append(run.errs, fmt.Sprintf("%s: %s", p.URL, res.Error))
		}
		if !crashed && res.Status > 0 {
			run.readSignals()
			if phase == PhaseBeforeConsent && p.URL == policyURL && res.Error == "" {
				policyDoc = run.html()
			}
		}
		pr.Pages = append(pr.Pages, res)
		run.snapshotCookies(p.URL)
		if crashed && !run.reopen(p.URL) {
			break
		}
	}
	rec := run.rc.take()
	if rec.dropped > 0 {
		run.errs = append(run.errs, fmt.Sprintf("%d requests past the first %d were not recorded", rec.dropped, maxRequests))
	}
	pr.Requests = s.requests(ctx, rec, firstParty, run.redact)
	pr.Storage = s.storage(rec)
	if run.pre != nil {
		pr.PreAction = &PreAction{Requests: s.requests(ctx, *run.pre, firstParty, run.redact), Storage: s.storage(*run.pre)}
	}
	addHitConsent(pr)
	return pr, policyDoc, run.errs
}

// load loads one page, cancelled early by Ctrl-C.
func (r *phaseRun) load(u string) (PageResult, bool) {
	tab, cancel := r.bounded(0)
	defer cancel()
	return r.s.loadPage(tab, r.rc, u)
}

// bounded returns a context of the tab that Ctrl-C cancels, with a timeout
// when d > 0. The tab itself outlives Ctrl-C so cookies can still be read.
func (r *phaseRun) bounded(d time.Duration) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithCancel(r.tab)
	if d > 0 {
		ctx, cancel = context.WithTimeout(r.tab, d)
	}
	stop := context.AfterFunc(r.ctx, cancel)
	return ctx, func() { stop(); cancel() }
}

// operateConsent looks for the banner (before-consent) or accepts or rejects
// it; after a click the page's earlier activity is kept apart as PreAction
// and the page is loaded again under the choice.
func (r *phaseRun) operateConsent(u string, res PageResult) (PageResult, bool) {
	action := consent.Detect
	switch r.phase {
	case PhaseAfterAccept:
		action = consent.Accept
	case PhaseAfterReject:
		action = consent.Reject
	case PhaseBeforeConsent:
	default:
		return res, false
	}
	// Everything recorded so far happened before any choice; what the click
	// itself sets off belongs to the choice.
	var pre recording
	if action != consent.Detect {
		pre = r.rc.take()
	}
	actx, acancel := r.bounded(r.s.opts.PageTimeout)
	result, err := r.s.opts.Consent.Act(actx, action)
	acancel()
	if err != nil && result.Error == "" {
		result.Error = err.Error()
	}
	if result.Action == "" {
		result.Action = action
	}
	r.pr.Consent = &result
	if action == consent.Detect {
		return res, false
	}
	r.pre = &pre
	if result.Clicked {
		sctx, scancel := r.bounded(r.s.opts.PageTimeout)
		if !r.rc.settle(sctx) && r.ctx.Err() == nil {
			r.errs = append(r.errs, fmt.Sprintf("%s: the network did not go quiet within %s of the consent click", u, r.s.opts.PageTimeout))
		}
		scancel()
	}
	if result.Rechecked {
		return res, false // the engine already reloaded the page under the choice
	}
	return r.load(u)
}

// readSignals merges the page's Consent Mode and TCF state into the phase's
// signals; the first value of a key wins.
func (r *phaseRun) readSignals() {
	sctx, cancel := context.WithTimeout(r.tab, 5*time.Second)
	defer cancel()
	sig, err := readSignals(sctx)
	if err != nil || len(sig) == 0 {
		return
	}
	if r.pr.Signals == nil {
		r.pr.Signals = map[string]string{}
	}
	for k, v := range sig {
		if _, ok := r.pr.Signals[k]; !ok {
			r.pr.Signals[k] = v
		}
	}
}

// html returns the rendered document (for the privacy policy, which may be
// built by scripts).
func (r *phaseRun) html() []byte {
	hctx, cancel := context.WithTimeout(r.tab, 10*time.Second)
	defer cancel()
	html, err := chromedp.Run(hctx, chromedp.Evaluate[string](`document.documentElement ? document.documentElement.outerHTML : ''`))
	if err != nil || html == "" {
		return nil
	}
	return []byte(html)
}

// snapshotCookies adds the cookies present after a page, so an interrupted
// phase keeps what it saw.
func (r *phaseRun) snapshotCookies(page string) {
	cctx, cancel := context.WithTimeout(r.phaseCtx, 5*time.Second)
	defer cancel()
	cs, err := cookies(cctx)
	if err != nil {
		return
	}
	for _, c := range cs {
		k := c.Name + "\x00" + c.Domain + "\x00" + c.Path
		if r.cookieSeen[k] {
			continue
		}
		if r.redact != nil {
			r.redact.add(c.Value)
		}
		r.cookieSeen[k] = true
		r.pr.Cookies = append(r.pr.Cookies, r.s.cookie(c, r.rc, page, r.firstParty))
	}
}

// reopen replaces a tab whose renderer crashed with a new tab in the same
// browser context. It reports whether the phase can go on.
func (r *phaseRun) reopen(u string) bool {
	if !r.s.browserAlive() {
		r.errs = append(r.errs, fmt.Sprintf("%s: browser lost", u))
		return false
	}
	newTab, closeTab := chromedp.NewContext(r.phaseCtx)
	r.closers = append(r.closers, closeTab)
	if err := setupTab(newTab, r.rc, r.phase); err != nil {
		r.errs = append(r.errs, fmt.Sprintf("reopening a tab: %v", err))
		return false
	}
	r.tab = newTab
	return true
}

// loadPage navigates and waits for load and network quiet.
func (s *Scanner) loadPage(tab context.Context, rc *recorder, u string) (res PageResult, crashed bool) {
	res = PageResult{URL: u}
	start := time.Now()
	rc.beginPage(u)
	pctx, cancel := context.WithTimeout(tab, s.opts.PageTimeout)
	defer cancel()
	nav, err := chromedp.Call(pctx, page.Navigate, page.NavigateParams{URL: u})
	switch {
	case err != nil:
		res.Error = navError(err, s.opts.PageTimeout)
	case nav.ErrorText != "":
		res.Error = nav.ErrorText
	case nav.IsDownload:
		res.Error = "not a web page (the browser downloaded it)"
	default:
		if s.afterNavigate != nil {
			s.afterNavigate(pctx, u)
		}
		loaded, err := rc.waitLoaded(pctx)
		switch {
		case errors.Is(err, errRendererCrashed):
			res.Error, crashed = err.Error(), true
		case err != nil && !loaded:
			res.Error = navError(err, s.opts.PageTimeout)
		case err != nil:
			res.Error = "" // loaded; the network never went quiet within the timeout
		}
	}
	res.LoadMS = time.Since(start).Milliseconds()
	status, final, failure := rc.docStatus()
	res.Status, res.FinalURL = status, final
	if res.Error == "" && failure != "" {
		res.Error = failure
	}
	if res.Error == "" && status >= 400 {
		res.Error = fmt.Sprintf("HTTP %d", status)
	}
	if final == u {
		res.FinalURL = ""
	}
	if pctx.Err() != nil {
		// Stop a hung load so the next page starts clean.
		sctx, scancel := context.WithTimeout(context.WithoutCancel(tab), 2*time.Second)
		_, _ = chromedp.Call(sctx, page.StopLoading, cdp.Empty{})
		scancel()
	}
	if !crashed && res.Status > 0 {
		ictx, icancel := context.WithTimeout(tab, 3*time.Second)
		info, err := chromedp.Run(ictx, chromedp.Evaluate[struct{ Title, Lang string }](`({Title: document.title || '', Lang: (document.documentElement && document.documentElement.lang) || ''})`))
		if err == nil {
			res.Title, res.Lang = info.Title, info.Lang
		}
		icancel()
	}
	return res, crashed
}

func navError(err error, timeout time.Duration) string {
	if errors.Is(err, context.DeadlineExceeded) {
		return fmt.Sprintf("timed out after %s", timeout)
	}
	if errors.Is(err, context.Canceled) {
		return "interrupted"
	}
	return err.Error()
}

func (s *Scanner) party(host string, firstParty []string) string {
	d := registrable(host)
	for _, fp := range firstParty {
		if d == registrable(fp) {
			return PartyFirst
		}
	}
	return PartyThird
}

// cookie turns a CDP cookie into a report cookie.
func (s *Scanner) cookie(c *network.Cookie, rc *recorder, page string, firstParty []string) Cookie {
	domain := strings.TrimPrefix(c.Domain, ".")
	out := Cookie{
		Name: c.Name, Domain: c.Domain, Path: c.Path, Party: s.party(domain, firstParty),
		Secure: c.Secure, HTTPOnly: c.HTTPOnly, SameSite: string(c.SameSite), Session: c.Session,
		Partitioned: c.PartitionKey != nil, Page: page, Category: kb.Unknown,
	}
	rc.mu.Lock()
	days, ok := rc.asked[cookieKey(c.Name, domain)]
	rc.mu.Unlock()
	switch {
	case c.Session:
		out.LifetimeDays = 0
	case ok && days > 0:
		out.LifetimeDays = days
	case c.Expires > 0:
		d := (c.Expires - float64(s.opts.Now().Unix())) / 86400
		out.LifetimeDays = float64(int64(d*100)) / 100
	}
	if s.opts.ShowValues {
		out.Value = c.Value
	}
	if s.opts.KB != nil {
		m := s.opts.KB.Cookie(c.Name, c.Domain)
		out.Vendor, out.VendorID, out.Guess = m.Vendor, m.VendorID, m.Guess
		if m.Category != "" {
			out.Category = m.Category
		}
	}
	return out
}

// requests turns recorded requests into report requests.
func (s *Scanner) requests(ctx context.Context, rec recording, firstParty []string, rd *redactor) []Request {
	out := make([]Request, 0, len(rec.order))
	cloaked := map[string]*kb.Match{}
	for _, id := range rec.order {
		st := rec.reqs[id]
		u, err := url.Parse(st.r.URL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
			continue
		}
		r := st.r
		if rd != nil {
			r.URL, r.Initiator = rd.url(r.URL), rd.initiator(r.Initiator)
			for i, red := range r.Redirects {
				r.Redirects[i] = rd.url(red)
			}
		}
		r.Host = u.Hostname()
		r.Party = s.party(r.Host, firstParty)
		r.Category = kb.Unknown
		r.Beacon = r.ResourceType == string(network.ResourceTypePing)
		if s.opts.KB != nil {
			m := s.opts.KB.RequestTyped(r.URL, r.Page, r.ResourceType)
			r.Vendor, r.VendorID, r.Pixel = m.Vendor, m.VendorID, m.Pixel
			if m.Category != "" {
				r.Category = m.Category
			}
		}
		if r.Party == PartyFirst && r.Vendor == "" {
			if m := s.uncloak(ctx, r.Host, firstParty, cloaked); m != nil {
				r.Vendor, r.VendorID, r.Category, r.CNAMECloaked = m.Vendor, m.VendorID, m.Category, true
			} else {
				r.Category = kb.Essential
			}
		}
		// A tiny third-party image with a query string is a pixel whatever
		// the knowledge base says; so is a beacon.
		if r.Beacon || (r.Party == PartyThird && r.ResourceType == string(network.ResourceTypeImage) && u.RawQuery != "" && st.size > 0 && st.size < 1200 && r.Failure == "") {
			r.Pixel = true
		}
		out = append(out, r)
	}
	return out
}

// uncloaker is implemented by the knowledge base.
type uncloaker interface {
	Uncloak(ctx context.Context, host string, r kb.Resolver) (kb.Match, bool)
}

// uncloak returns the tracker behind a first-party subdomain, if its CNAME
// points at one. The site's own hostnames and routed hosts are not looked up.
func (s *Scanner) uncloak(ctx context.Context, host string, firstParty []string, cache map[string]*kb.Match) *kb.Match {
	u, ok := s.opts.KB.(uncloaker)
	if !ok || s.opts.Resolver == nil || (s.opts.Routed != nil && s.opts.Routed(host)) {
		return nil
	}
	for _, fp := range firstParty {
		if host == fp || host == "www."+fp {
			return nil
		}
	}
	if m, done := cache[host]; done {
		return m
	}
	lctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 3*time.Second)
	defer cancel()
	var res *kb.Match
	if m, ok := u.Uncloak(lctx, host, s.opts.Resolver); ok {
		res = &m
	}
	cache[host] = res
	return res
}

// storage turns recorded storage keys into report items.
func (s *Scanner) storage(rec recording) []StorageItem {
	out := make([]StorageItem, 0, len(rec.storage))
	for _, it := range rec.storage {
		if s.opts.KB != nil {
			m := s.opts.KB.StorageKey(it.Key, it.Origin)
			it.Vendor, it.VendorID, it.Category = m.Vendor, m.VendorID, m.Category
		}
		out = append(out, it)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Origin != b.Origin {
			return a.Origin < b.Origin
		}
		if a.Type != b.Type {
			return a.Type < b.Type
		}
		return a.Key < b.Key
	})
	return out
}

// addHitConsent records the Consent Mode state Google's own hits carried in
// this phase (their gcs and gcd parameters), as signals "google_hits.gcs"
// and "google_hits.gcd": the distinct values, comma-separated, in order.
func addHitConsent(pr *PhaseResult) {
	var gcsList, gcdList []string
	seen := map[string]bool{}
	for _, r := range pr.Requests {
		gcs, gcd, ok := consent.GoogleHitConsent(r.URL)
		if !ok {
			continue
		}
		if gcs != "" && !seen["s"+gcs] {
			seen["s"+gcs] = true
			gcsList = append(gcsList, gcs)
		}
		if gcd != "" && !seen["d"+gcd] {
			seen["d"+gcd] = true
			gcdList = append(gcdList, gcd)
		}
	}
	if len(gcsList)+len(gcdList) == 0 {
		return
	}
	if pr.Signals == nil {
		pr.Signals = map[string]string{}
	}
	if len(gcsList) > 0 {
		pr.Signals["google_hits.gcs"] = strings.Join(gcsList, ",")
	}
	if len(gcdList) > 0 {
		pr.Signals["google_hits.gcd"] = strings.Join(gcdList, ",")
	}
}

// readSignals reads the page's Consent Mode and TCF state and flattens it to
// keys such as "consent_mode.default.ad_storage" and "tcf.tc_string".
func readSignals(ctx context.Context) (map[string]string, error) {
	sig, err := consent.ReadSignals(ctx)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	if cm := sig.ConsentMode; cm != nil {
		for k, v := range cm.Default {
			out["consent_mode.default."+k] = v
		}
		for k, v := range cm.Update {
			out["consent_mode.update."+k] = v
		}
	}
	if t := sig.TCF; t != nil {
		out["tcf.tc_string"] = t.TCString
		out["tcf.cmp_id"] = fmt.Sprint(t.CMPID)
		if t.EventStatus != "" {
			out["tcf.event_status"] = t.EventStatus
		}
	}
	return out, nil
}
