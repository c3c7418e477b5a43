package consent

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
	"github.com/privacyscan/privacyscan/scanner/model"
)

// This file holds what the engine does for banners that do not simply sit
// on the loaded page: banners that show only after a scroll, clicks that
// open another tab, and banners that never stop changing.

// scrollSteps are the wheel turns given to a page that showed no banner
// within the wait, and scrollLook how long the engine looks after each; the
// last look is twice as long. A page without any banner pays about
// scrollSteps*scrollLook+scrollLook more.
const (
	scrollSteps = 2
	scrollLook  = 400 * time.Millisecond
)

// scroll turns the mouse wheel once over the middle of the viewport, as a
// person reading on does (the page gets wheel and scroll events, and what
// comes into view is intersected). When the wheel moved nothing (a page
// that scrolls an inner element, a wheel swallowed by a handler), the
// window is scrolled by script, which still fires a scroll event.
func (s *session) scroll() error {
	var vp struct {
		W float64 `json:"w"`
		H float64 `json:"h"`
		Y float64 `json:"y"`
	}
	const where = `({w: innerWidth, h: innerHeight, y: scrollY})`
	if err := s.evalIn(0, where, &vp); err != nil {
		return fmt.Errorf("reading the viewport: %w", err)
	}
	if vp.W <= 0 || vp.H <= 0 {
		return nil
	}
	y0 := vp.Y
	delta := vp.H * 0.8
	// The typed parameters leave out a zero deltaX, which the wheel event
	// requires.
	wheel := map[string]any{"type": input.DispatchMouseEventTypeMouseWheel, "x": vp.W / 2, "y": vp.H / 2, "deltaX": 0, "deltaY": delta}
	if _, err := chromedp.Call(s.ctx, wheelEvent, wheel); err != nil {
		return fmt.Errorf("turning the wheel: %w", err)
	}
	if err := s.evalIn(0, where, &vp); err == nil && vp.Y == y0 {
		return s.evalIn(0, fmt.Sprintf("window.scrollBy(0, %d)", int(delta)), nil)
	}
	return nil
}

// wheelEvent is Input.dispatchMouseEvent with untyped parameters.
var wheelEvent = cdp.Command[map[string]any, cdp.Empty]{Method: input.CommandDispatchMouseEvent}

// tabWatch records the tabs the page of a session opens while the engine
// works on it: popups, window.open, links with target=_blank.
type tabWatch struct {
	mu   sync.Mutex
	urls []string    // from Page.windowOpen, in order
	ids  []target.ID // tabs opened by this page, not yet closed
	made []string    // their URLs as created, for when windowOpen was not seen
	n    int         // tabs opened
	// closing are the tabs closed by the engine, and gone those whose end
	// the browser reported: Target.closeTarget returns before the tab is
	// gone.
	closing []target.ID
	gone    map[target.ID]bool
	// changed is signalled when a tab is created or destroyed.
	changed chan struct{}
}

func (w *tabWatch) signal() {
	select {
	case w.changed <- struct{}{}:
	default:
	}
}

// await waits, bounded, until done (called under the lock) holds.
func (w *tabWatch) await(ctx context.Context, bound time.Duration, done func() bool) {
	if w.changed == nil {
		return
	}
	timer := time.NewTimer(bound)
	defer timer.Stop()
	for {
		w.mu.Lock()
		ok := done()
		w.mu.Unlock()
		if ok {
			return
		}
		select {
		case <-w.changed:
		case <-timer.C:
			return
		case <-ctx.Done():
			return
		}
	}
}

// watchTabs starts recording the tabs the session's page opens; the
// returned function stops it.
func (s *session) watchTabs() func() {
	c := chromedp.FromContext(s.ctx)
	if c == nil || c.Target == nil {
		return func() {}
	}
	me := c.Target.TargetID
	lctx, cancel := context.WithCancel(s.ctx)
	w := &s.tabs
	w.changed = make(chan struct{}, 1)
	w.gone = map[target.ID]bool{}
	_ = chromedp.ListenBrowser(lctx, func(ev any) {
		if d, ok := ev.(*target.EventTargetDestroyed); ok {
			w.mu.Lock()
			_, ours := w.gone[d.TargetID]
			if ours {
				w.gone[d.TargetID] = true
			}
			w.mu.Unlock()
			if ours {
				w.signal()
			}
			return
		}
		e, ok := ev.(*target.EventTargetCreated)
		if !ok || e.TargetInfo == nil || e.TargetInfo.Type != "page" || e.TargetInfo.OpenerID != me {
			return
		}
		w.mu.Lock()
		w.ids = append(w.ids, e.TargetInfo.TargetID)
		w.gone[e.TargetInfo.TargetID] = false
		w.made = append(w.made, e.TargetInfo.URL)
		w.n++
		w.mu.Unlock()
		w.signal()
	})
	_ = chromedp.Listen(lctx, func(ev any) {
		if e, ok := ev.(*page.EventWindowOpen); ok {
			w.mu.Lock()
			w.urls = append(w.urls, e.URL)
			w.mu.Unlock()
		}
	})
	return cancel
}

// tabCreated bounds the wait for a tab the page asked for (Page.windowOpen)
// to be created, so that it can be closed, and then for it to be gone.
const tabCreated = time.Second

// closeTabs closes the tabs the page opened since the last call and
// records them in res: the engine goes on in the page's own tab, and the
// visit is of the page, not of what its banner opens. With wait, a tab the
// page asked for and the browser has not created yet is waited for
// (bounded).
func (s *session) closeTabs(res *model.ConsentResult, wait bool) {
	w := &s.tabs
	if wait {
		// A tab the page asked for that the browser has not created yet.
		w.await(s.ctx, tabCreated, func() bool { return len(w.urls) <= w.n })
	}
	w.mu.Lock()
	ids := w.ids
	w.ids = nil
	urls := slices.Clone(w.urls)
	made := slices.Clone(w.made)
	n := w.n
	w.mu.Unlock()
	for _, id := range ids {
		// The browser's own guard may have closed it already.
		if _, err := chromedp.CallBrowser(s.ctx, target.CloseTarget, target.CloseTargetParams{TargetID: id}); err == nil {
			w.mu.Lock()
			w.closing = append(w.closing, id)
			w.mu.Unlock()
		}
	}
	if wait {
		w.await(s.ctx, tabCreated, func() bool {
			return !slices.ContainsFunc(w.closing, func(id target.ID) bool { return !w.gone[id] })
		})
	}
	// The addresses the page asked for, else those the tabs were created
	// with; at least one entry per tab opened.
	if len(urls) < n {
		for _, u := range made[len(urls):] {
			if u == "" {
				u = "about:blank"
			}
			urls = append(urls, u)
		}
	}
	for _, u := range urls[min(len(res.NewTabs), len(urls)):] {
		res.NewTabs = append(res.NewTabs, u)
		res.Notes = append(res.Notes, "a click opened a new tab ("+truncate(u, 200)+"); it was closed and the engine went on in the page's own tab")
		s.e.logf("consent: a click opened a new tab %s: closed", u)
	}
}

// Bounds of the wait for a banner to stop changing: it has settled once
// it went settleQuiet without a change, and it is taken as it is after
// settleBound of changes.
const (
	settleQuiet = 80 * time.Millisecond
	settleBound = time.Second
)

// unsettled waits (bounded) for the banner to stop changing and records
// in res a banner that never did: a countdown, a carousel, a progress bar
// redrawn for as long as it shows. The engine then measures and operates
// it as it is.
func (s *session) unsettled(sc *scan, op operator, res *model.ConsentResult) {
	f := s.bannerFrame(sc, op)
	if f.world == 0 {
		return
	}
	var r struct {
		Restless bool    `json:"restless"`
		Watched  float64 `json:"watched"`
		Changes  int     `json:"changes"`
	}
	if err := s.eval(f, fmt.Sprintf("__ps.restless(%d, %d)", settleQuiet.Milliseconds(), settleBound.Milliseconds()), &r); err != nil || !r.Restless {
		return
	}
	res.Unsettled = true
	res.Notes = append(res.Notes, fmt.Sprintf("the banner never settled: it changed %d times in %d ms without a pause of %d ms; it was measured and operated as it was", r.Changes, int(r.Watched), settleQuiet.Milliseconds()))
	s.e.logf("consent: the banner never settled (%d changes in %.0f ms)", r.Changes, r.Watched)
}
