// Package consent finds a page's consent banner and operates it the way a
// visitor would: accept all, or reject all non-essential purposes.
//
// Banners that do not simply sit on the loaded page are handled as a
// visitor meets them (reach.go): a page that shows no banner within the
// wait is scrolled and looked at again (Result.Scrolled); a click that
// opens another tab leaves the engine in the page's own tab and the new
// tab is closed (Result.NewTabs); a banner that never stops changing is
// taken as it is after a bounded wait (Result.Unsettled). Result.Notes say
// each in words. A settings layer may live in another frame than the first
// layer, cross-origin included: every step looks in every frame.
package consent

import (
	"context"

	"github.com/privacyscan/privacyscan/scanner/model"
)

// The actions Act takes, as the model names them.
const (
	// Accept clicks the first-layer accept-all.
	Accept = model.ActionAccept
	// Reject refuses every non-essential purpose, through the settings layer
	// when the first layer has no reject.
	Reject = model.ActionReject
	// Detect looks without choosing: it describes the banner and, when the
	// banner has a settings layer, opens it to read which purposes are
	// already on (Result.PreTicked), then leaves it without saving.
	Detect = model.ActionDetect
)

// Summarize folds the accept and reject runs of a site into the report's
// consent section.
func Summarize(accept, reject model.ConsentResult) model.ConsentSummary {
	var s model.ConsentSummary
	s.BannerDetected = accept.BannerDetected || reject.BannerDetected
	for _, r := range []model.ConsentResult{accept, reject} {
		if r.CMP != "" && s.CMP == nil {
			cmp := r.CMP
			s.CMP = &cmp
		}
	}
	s.AcceptClicked = accept.Clicked
	s.AcceptClicks = accept.Clicks
	s.RejectClicked = reject.Clicked
	s.RejectClicks = reject.Clicks
	// The first layer is judged from what was shown: a refusal among its
	// controls counts whatever path the engine then took.
	if accept.Clicked {
		s.AcceptEffective = accept.Effect
	}
	if reject.Clicked {
		s.RejectEffective = reject.Effect
	}
	s.RejectOnFirstLayer = reject.Clicked && reject.FirstLayer || model.ShowsReject(reject.Controls) || model.ShowsReject(accept.Controls)
	return s
}

// Operator operates consent banners. ctx is a chromedp tab context whose page
// has loaded. Implementations must not sleep for fixed times.
type Operator interface {
	Act(ctx context.Context, action model.ConsentAction) (model.ConsentResult, error)
}
