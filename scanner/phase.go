package scanner

import (
	"context"
	"fmt"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/privacyscan/privacyscan/scanner/model"
)

// phaseRun is the state of one phase: its tab, recorder and results.
type phaseRun struct {
	s          *Scanner
	phase      string
	ctx        context.Context // the scan's context: cancelled on Ctrl-C
	phaseCtx   context.Context // the browser context; outlives ctx so cookies can still be read
	tab        context.Context
	rc         *recorder
	pr         *model.PhaseResult
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
func (s *Scanner) runPhase(ctx context.Context, phase string, pages []model.PlannedPage, policyURL string, firstParty []string) (pr *model.PhaseResult, policyDoc []byte, errs []string) {
	pr = &model.PhaseResult{Pages: []model.PageResult{}, Cookies: []model.Cookie{}, Requests: []model.Request{}, Storage: []model.StorageItem{}}
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
			if phase == model.PhaseBeforeConsent && p.URL == policyURL && res.Error == "" {
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
		pr.PreAction = &model.PreAction{Requests: s.requests(ctx, *run.pre, firstParty, run.redact), Storage: s.storage(*run.pre)}
	}
	addHitConsent(pr)
	return pr, policyDoc, run.errs
}

// load loads one page, cancelled early by Ctrl-C.
func (r *phaseRun) load(u string) (model.PageResult, bool) {
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
func (r *phaseRun) operateConsent(u string, res model.PageResult) (model.PageResult, bool) {
	action := model.ActionDetect
	switch r.phase {
	case model.PhaseAfterAccept:
		action = model.ActionAccept
	case model.PhaseAfterReject:
		action = model.ActionReject
	case model.PhaseBeforeConsent:
	default:
		return res, false
	}
	// Everything recorded so far happened before any choice; what the click
	// itself sets off belongs to the choice.
	var pre recording
	if action != model.ActionDetect {
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
	if action == model.ActionDetect {
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
