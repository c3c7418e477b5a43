package scanner

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/privacyscan/privacyscan/scanner/browser"
	"github.com/privacyscan/privacyscan/scanner/model"
)

// loadPage navigates and waits for load and network quiet. A navigation
// aborted by one the previous page started (a script that keeps replacing
// its location) is tried once more from a blank page, whose navigation ends
// the previous document and its timers.
func (s *Scanner) loadPage(tab context.Context, rc *recorder, u string) (res model.PageResult, crashed bool) {
	res, crashed = s.loadPageOnce(tab, rc, u)
	if crashed || tab.Err() != nil || !strings.Contains(res.Error, "ERR_ABORTED") || res.FinalURL == "" {
		return res, crashed
	}
	if !blank(tab) {
		return res, crashed
	}
	return s.loadPageOnce(tab, rc, u)
}

// blank navigates the tab to about:blank, which ends the document in it and
// its timers (a page that keeps replacing its location would otherwise race
// the next navigation). It reports whether the tab answered.
func blank(tab context.Context) bool {
	bctx, cancel := context.WithTimeout(tab, 2*time.Second)
	defer cancel()
	_, err := chromedp.Call(bctx, page.Navigate, page.NavigateParams{URL: "about:blank"})
	return err == nil
}

// loadPageOnce is one navigation of loadPage.
func (s *Scanner) loadPageOnce(tab context.Context, rc *recorder, u string) (res model.PageResult, crashed bool) {
	res = model.PageResult{URL: u}
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
			res.Error, crashed = s.crashReason(tab, start), true
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
	switch {
	case crashed:
	case tab.Err() != nil:
		// Interrupted (Ctrl-C, --timeout, the site's budget): no further
		// call to a renderer that may not answer; the report is waiting.
		return res, false
	case pctx.Err() != nil:
		// Stop a hung load so the next page starts clean, then ask the
		// renderer a trivial question: one that does not answer (a script
		// spinning the CPU, a page allocating until it dies) is abandoned.
		sctx, scancel := context.WithTimeout(tab, 2*time.Second)
		_, _ = chromedp.Call(sctx, page.StopLoading, cdp.Empty{})
		scancel()
		switch {
		case rc.hasCrashed():
			// It died meanwhile (out of memory, most often): say so.
			res.Error, crashed = s.crashReason(tab, start), true
		case !rendererAnswers(tab):
			if rc.hasCrashed() {
				res.Error = s.crashReason(tab, start)
			} else {
				res.Error = fmt.Sprintf("%s: %s", errRendererHung, res.Error)
			}
			crashed = true
		}
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

// crashReason says why the tab's renderer died, from Chromium's termination
// status and the browser's memory watch: a page that allocated past the
// limits is named as such.
func (s *Scanner) crashReason(tab context.Context, since time.Time) string {
	b := s.Browser()
	if b == nil {
		return errRendererCrashed.Error()
	}
	status := b.CrashStatus(tab, 500*time.Millisecond)
	if kills := b.MemoryKillsSince(since); len(kills) > 0 && (status == "killed" || status == "") {
		k := kills[len(kills)-1]
		if k.Joint {
			return fmt.Sprintf("%s: out of memory (its renderer used %d MiB, the most while all renderers together were over the limit of %d MiB, and was stopped); tab closed", errRendererCrashed, k.RSS>>20, k.Limit>>20)
		}
		return fmt.Sprintf("%s: out of memory (its renderer used %d MiB, over the limit of %d MiB, and was stopped); tab closed", errRendererCrashed, k.RSS>>20, k.Limit>>20)
	}
	switch status {
	case "", "crashed":
		if d := b.BigDeathsSince(since, 300*time.Millisecond); len(d) > 0 {
			return fmt.Sprintf("%s: out of memory (its renderer held %d MiB when it died; the JavaScript heap is capped at %d MiB)", errRendererCrashed, d[len(d)-1].RSS>>20, browser.JSHeapMiB)
		}
		return errRendererCrashed.Error()
	case "oom":
		return fmt.Sprintf("%s: out of memory (JavaScript heap limit %d MiB); tab closed", errRendererCrashed, browser.JSHeapMiB)
	}
	return fmt.Sprintf("%s (%s); tab closed", errRendererCrashed, status)
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

// errRendererHung marks a page whose renderer stopped answering CDP calls:
// the tab is abandoned like a crashed one.
var errRendererHung = errors.New("the page hung the renderer (it did not answer within " + probeTimeout.String() + "); tab abandoned")

// probeTimeout bounds the question that tells a busy renderer from a dead
// one; a renderer that answers nothing in this time is not going to.
const probeTimeout = 1500 * time.Millisecond

// rendererAnswers reports whether the tab's renderer still evaluates script.
func rendererAnswers(tab context.Context) bool {
	ctx, cancel := context.WithTimeout(tab, probeTimeout)
	defer cancel()
	_, err := chromedp.Run(ctx, chromedp.Evaluate[int]("1"))
	return err == nil || tab.Err() != nil
}
