package scanner

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
	"github.com/privacyscan/privacyscan/scanner/browser"
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
	// b is the phase's browser; popups is how many popups of the current
	// tab it had closed at the last look.
	b      *browser.Browser
	popups int
	// restless is set when the last page loaded in the tab failed (timed
	// out, aborted): its document may still be navigating by itself, so
	// the next page is reached through a blank page.
	restless bool
}

// runPhase loads the pages in a fresh browser context and records everything.
// On Ctrl-C it stops loading pages but keeps what it recorded.
func (s *Scanner) runPhase(ctx context.Context, phase string, pages []model.PlannedPage, policyURL string, firstParty []string) (pr *model.PhaseResult, policyDoc []byte, errs []string) {
	return s.runPhaseDoomed(ctx, phase, pages, policyURL, firstParty, &doomedPages{}, nil)
}

// runPhaseDoomed is runPhase with the site's record of doomed pages: the
// pages that hung or crashed the renderer in another phase are skipped, and
// those that do so here are added for the phases still to come. With ev
// (--evidence-dir) the phase's HAR and first-page screenshot go into the
// site's directory of the evidence bundle.
func (s *Scanner) runPhaseDoomed(ctx context.Context, phase string, pages []model.PlannedPage, policyURL string, firstParty []string, doomed *doomedPages, ev *siteEvidence) (pr *model.PhaseResult, policyDoc []byte, errs []string) {
	pr = &model.PhaseResult{Pages: []model.PageResult{}, Cookies: []model.Cookie{}, Requests: []model.Request{}, Storage: []model.StorageItem{}}
	pr.StartedAt = stamp(s.opts.Now())
	defer func() { pr.FinishedAt = stamp(s.opts.Now()) }()
	b, err := s.browser(ctx)
	if err != nil {
		return pr, nil, []string{err.Error()}
	}
	phaseCtx, cancel := b.NewContext(context.WithoutCancel(ctx))
	run := &phaseRun{s: s, phase: phase, ctx: ctx, phaseCtx: phaseCtx, tab: phaseCtx, rc: newRecorder(), pr: pr, firstParty: firstParty, cookieSeen: map[string]bool{}, b: b}
	run.rc.now = s.opts.Now
	if s.noBehaviour {
		run.rc.behave = nil
	}
	if !s.opts.ShowValues {
		run.redact = &redactor{}
	}
	if ev != nil && s.opts.Evidence.Bodies {
		run.rc.bodies = &bodyBudget{perBody: s.opts.Evidence.BodyLimit, left: s.opts.Evidence.PhaseBodyLimit}
	}
	defer func() {
		closeAll := func() {
			for _, c := range run.closers {
				c()
			}
			cancel()
		}
		// Closing a tab waits for Chromium to answer, which a tab still
		// pouring out events (a console flood) delays: when interrupted
		// the report does not wait for it, and closing the browser ends
		// the tabs anyway.
		if ctx.Err() != nil {
			go closeAll()
			return
		}
		closeAll()
	}()
	if err := setupTab(run.tab, run.rc, phase); err != nil {
		return pr, nil, []string{fmt.Sprintf("opening a tab: %v", err)}
	}
	b.Adopt(run.tab)
	consentDone, shot := false, false
	for i, p := range pages {
		if ctx.Err() != nil {
			run.errs = append(run.errs, "interrupted before "+p.URL)
			break
		}
		if why, ok := doomed.reason(p.URL); ok {
			// Paying the full page time again in every phase would overrun
			// the site's budget for a page already known to be lost.
			res := model.PageResult{URL: p.URL, Error: "skipped: " + why}
			run.errs = append(run.errs, fmt.Sprintf("%s: %s", p.URL, res.Error))
			pr.Pages = append(pr.Pages, res)
			continue
		}
		s.opts.Progress("%s: %s: page %d/%d %s", pages[0].URL, phase, i+1, len(pages), p.URL)
		res, crashed := run.load(p.URL)
		// The banner is operated on the first page visited; dnt and gpc
		// never touch it.
		if !consentDone && !crashed && (res.Error == "" || res.Status > 0) && s.opts.Consent != nil {
			consentDone = true
			res, crashed = run.operateConsent(p.URL, res)
		}
		run.noteInterruptions(p.URL)
		if crashed {
			doomed.add(p.URL, fmt.Sprintf("it hung or crashed the renderer in phase %s", phase))
		}
		if res.Error != "" {
			run.errs = append(run.errs, fmt.Sprintf("%s: %s", p.URL, res.Error))
		}
		if ev != nil && !shot && !crashed && res.Status > 0 && ctx.Err() == nil {
			// The first page as loaded in this phase: before consent,
			// after accept (reloaded under the choice), after reject.
			shot = true
			run.screenshot(ev)
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
	jres := run.journeyPhase(ctx, pages)
	run.rc.stopBodies()
	rec := run.rc.take()
	run.observe(ctx, rec, jres)
	if rec.dropped > 0 {
		run.errs = append(run.errs, fmt.Sprintf("%d requests past the first %d were not recorded", rec.dropped, maxRequests))
	}
	pr.Requests = s.requests(ctx, rec, firstParty, run.redact)
	pr.Storage = s.storage(rec)
	if run.pre != nil {
		pr.PreAction = &model.PreAction{Requests: s.requests(ctx, *run.pre, firstParty, run.redact), Storage: s.storage(*run.pre)}
	}
	addHitConsent(pr)
	if ev != nil {
		if run.pre != nil {
			run.writeHAR(ev, *run.pre, rec)
		} else {
			run.writeHAR(ev, rec)
		}
	}
	return pr, policyDoc, run.errs
}

// stamp is a phase's clock as the report writes it: RFC 3339, UTC, to the
// millisecond.
func stamp(t time.Time) string {
	return t.UTC().Format("2006-01-02T15:04:05.000Z07:00")
}

// load loads one page, cancelled early by Ctrl-C.
func (r *phaseRun) load(u string) (model.PageResult, bool) {
	tab, cancel := r.bounded(0)
	defer cancel()
	if r.restless {
		blank(tab)
	}
	res, crashed := r.s.loadPage(tab, r.rc, u)
	r.restless = res.Error != ""
	return res, crashed
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
	navs, _, _ := r.rc.mainDocument()
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
	quiet := false
	if result.Clicked {
		sctx, scancel := r.bounded(r.s.opts.PageTimeout)
		quiet = r.rc.settle(sctx)
		if !quiet && r.ctx.Err() == nil {
			r.errs = append(r.errs, fmt.Sprintf("%s: the network did not go quiet within %s of the consent click", u, r.s.opts.PageTimeout))
		}
		scancel()
	}
	if result.Rechecked {
		return res, false // the engine already reloaded the page under the choice
	}
	if n, at, loaded := r.rc.mainDocument(); quiet && loaded && n > navs && (at == u || at == res.FinalURL) {
		// The banner reloaded the page itself (as many do after a
		// choice), and it has loaded and gone quiet: it is already the
		// page under the choice, not to be loaded a third time.
		return res, false
	}
	return r.load(u)
}

// html returns the rendered document (for the privacy policy, which may be
// built by scripts) as a reader sees it: see readableHTML.
func (r *phaseRun) html() []byte {
	hctx, cancel := r.bounded(10 * time.Second)
	defer cancel()
	return readableHTML(hctx)
}

// readableHTML returns the tab's rendered document without what is not the
// page's own reading matter: hidden, aria-hidden and inert content, dialogs,
// frames, fixed and sticky overlays (consent banners, preference centres,
// chat and newsletter widgets), and the containers consent platforms inject
// (cookie declarations and tables). Styles and positions are only known in
// the browser, so the elements are chosen in the live page and removed from
// a copy of it: the page itself is left as it is. Nil when the page cannot
// be read.
func readableHTML(ctx context.Context) []byte {
	out, err := chromedp.Run(ctx, chromedp.Evaluate[string](readableScript))
	if err != nil || out == "" {
		return nil
	}
	return []byte(out)
}

// readableScript marks elements in the live document and returns the outer
// HTML of a deep copy without them (the copy's elements come in the same
// document order, so indices carry over). Containers holding the page's main
// content are never dropped, so a page laid out in a fixed shell still reads.
const readableScript = `(() => {
  const de = document.documentElement;
  if (!de) return '';
  const all = de.getElementsByTagName('*');
  // Consent platforms' own containers, whatever else their names say.
  const platform = /(onetrust|optanon|ot-sdk|didomi|cookiebot|cybot|cookiedeclaration|usercentrics|tarteaucitron|klaro|orejime|iubenda|qc-cmp|sp_message|truste|osano|termly|axeptio|cookieyes|cky-|cmplz|borlabs|cookiefirst|coi-|sirdata|cookie-?law|cookie-?script|cookie-?notice|cookie-?banner|consent-?banner|consent-?manager)/i;
  // Widgets and chrome, unless the name says it is the page's own content
  // ("cookie-policy", "privacy-content").
  const widget = /(^|[^a-z])(cookie|consent|cmp|gdpr|ccpa|chat|intercom|zendesk|crisp|tawk|livechat|newsletter|subscribe|popup|modal|overlay|lightbox|drawer|toast|snackbar)/i;
  const own = /(privacy|polic|datenschutz|content|main|article)/i;
  const holdsMain = el => el.matches('main,article,[role=main]') || el.querySelector('main,article,[role=main]') !== null;
  const drop = [];
  const unhide = [];
  const dropped = new Set();
  for (let i = 0; i < all.length; i++) {
    const el = all[i];
    if (el === de || el === document.body || el === document.head || (document.head && document.head.contains(el))) continue;
    const p = el.parentElement;
    if (p && dropped.has(p)) { dropped.add(el); continue; }
    let out = false;
    const tag = el.localName;
    const role = (el.getAttribute('role') || '').toLowerCase();
    if (el.hidden) out = true;
    // A modal consent layer marks the rest of the page aria-hidden or inert
    // while it is open: the page's main content is still its reading matter.
    else if (el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('inert')) {
      out = !holdsMain(el);
      if (!out) unhide.push(i);
    }
    else if (tag === 'dialog' || tag === 'iframe' || role === 'dialog' || role === 'alertdialog' || el.getAttribute('aria-modal') === 'true') out = !holdsMain(el);
    else if (tag !== 'script' && tag !== 'style' && tag !== 'template' && tag !== 'noscript') {
      const cs = getComputedStyle(el);
      if (cs.display === 'none' || cs.visibility === 'hidden' || cs.contentVisibility === 'hidden') out = true;
      else if ((cs.position === 'fixed' || cs.position === 'sticky') && !holdsMain(el)) out = true;
      else {
        const name = (typeof el.className === 'string' ? el.className : '') + ' ' + el.id;
        if (name.trim() !== '' && (platform.test(name) || (widget.test(name) && !own.test(name))) && !holdsMain(el)) out = true;
      }
    }
    if (out) { dropped.add(el); drop.push(i); }
  }
  const copy = de.cloneNode(true);
  const call = copy.getElementsByTagName('*');
  for (const i of unhide) {
    const n = call[i];
    if (n) { n.removeAttribute('aria-hidden'); n.removeAttribute('inert'); }
  }
  const nodes = drop.map(i => call[i]).filter(Boolean);
  for (const n of nodes) n.remove();
  // Bounded like a fetched document (internal/fetch.DefaultMaxBytes): a
  // page of hundreds of MiB is not copied whole over the wire.
  const html = copy.outerHTML;
  return html.length > 10485760 ? html.slice(0, 10485760) : html;
})()`

// snapshotCookies adds the cookies present after a page, so an interrupted
// phase keeps what it saw.
func (r *phaseRun) snapshotCookies(page string) {
	d := 5 * time.Second
	if r.ctx.Err() != nil {
		d = time.Second // interrupted: the report is waiting
	}
	// The cookies are the browser's (Storage.getCookies), so a tab whose
	// renderer hung or crashed still has them read.
	cctx, cancel := context.WithTimeout(r.tab, d)
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
	if !r.s.browserAlive(r.ctx) {
		r.errs = append(r.errs, fmt.Sprintf("%s: browser lost", u))
		return false
	}
	r.abandon()
	newTab, closeTab := chromedp.NewContext(r.phaseCtx)
	r.closers = append(r.closers, closeTab)
	if err := setupTab(newTab, r.rc, r.phase); err != nil {
		r.errs = append(r.errs, fmt.Sprintf("reopening a tab: %v", err))
		return false
	}
	r.tab = newTab
	r.popups = 0
	r.b.Adopt(newTab)
	return true
}

// noteInterruptions records the dialogs and popups the page opened (and the
// scanner closed as they appeared), so a report says what the page did.
func (r *phaseRun) noteInterruptions(u string) {
	if d := r.rc.takeDialogs(); len(d) > 0 {
		kinds := make([]string, 0, len(d))
		n := 0
		for k, c := range d {
			kinds = append(kinds, k)
			n += c
		}
		sort.Strings(kinds)
		r.errs = append(r.errs, fmt.Sprintf("%s: the page opened %d JavaScript dialogs (%s), each answered as it appeared", u, n, strings.Join(kinds, ", ")))
	}
	if n := r.b.PopupsClosed(r.tab); n > r.popups {
		r.errs = append(r.errs, fmt.Sprintf("%s: the page opened %d popups, each closed as it appeared", u, n-r.popups))
		r.popups = n
	}
}

// abandon closes the tab's target through the browser, which answers when
// the renderer does not: a renderer spinning in a script or out of memory
// stops costing CPU and memory, and its process is not handed to the next
// tab of the same site.
func (r *phaseRun) abandon() {
	c := chromedp.FromContext(r.tab)
	if c == nil || c.Target == nil || c.Browser == nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(r.tab), 2*time.Second)
	defer cancel()
	_, _ = chromedp.CallBrowser(ctx, target.CloseTarget, target.CloseTargetParams{TargetID: c.Target.TargetID})
}

// doomedPages is a site's record of the pages that hung or crashed the
// renderer, shared by its phases (they run side by side).
type doomedPages struct {
	mu    sync.Mutex
	pages map[string]string
}

// add records that u is doomed, and why; the first reason stays.
func (d *doomedPages) add(u, why string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.pages == nil {
		d.pages = map[string]string{}
	}
	if _, ok := d.pages[u]; !ok {
		d.pages[u] = why
	}
}

// reason says whether u is doomed, and why.
func (d *doomedPages) reason(u string) (string, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	why, ok := d.pages[u]
	return why, ok
}
