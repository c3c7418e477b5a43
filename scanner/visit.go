package scanner

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/privacyscan/privacyscan/scanner/model"
)

// loadPage navigates and waits for load and network quiet.
func (s *Scanner) loadPage(tab context.Context, rc *recorder, u string) (res model.PageResult, crashed bool) {
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
