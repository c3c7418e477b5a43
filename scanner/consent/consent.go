// Package consent finds a page's consent banner and operates it the way a
// visitor would: accept all, or reject all non-essential purposes.
package consent

import "context"

// Action is what to do with a banner.
type Action string

const (
	// Accept clicks the first-layer accept-all.
	Accept Action = "accept"
	// Reject refuses every non-essential purpose, through the settings layer
	// when the first layer has no reject.
	Reject Action = "reject"
	// Detect looks without choosing: it describes the banner and, when the
	// banner has a settings layer, opens it to read which purposes are
	// already on (Result.PreTicked), then leaves it without saving.
	Detect Action = "detect"
)

// Summary is the site-level consent section of the report. Field names are
// part of the JSON contract.
type Summary struct {
	BannerDetected     bool    `json:"banner_detected"`
	CMP                *string `json:"cmp"`
	AcceptClicked      bool    `json:"accept_clicked"`
	RejectClicked      bool    `json:"reject_clicked"`
	RejectOnFirstLayer bool    `json:"reject_on_first_layer"`
	AcceptClicks       int     `json:"accept_clicks"`
	RejectClicks       int     `json:"reject_clicks"`
}

// Result is the outcome of one Act call on one page.
type Result struct {
	Action         Action `json:"action"`
	BannerDetected bool   `json:"banner_detected"`
	// CMP names the platform, or "generic" for the heuristic fallback.
	CMP string `json:"cmp,omitempty"`
	// Clicked is true when the action was carried out.
	Clicked bool `json:"clicked"`
	// Clicks is how many clicks the action took.
	Clicks int `json:"clicks"`
	// FirstLayer is true when the action was available on the first layer.
	FirstLayer bool `json:"first_layer"`
	// Verified is true when the banner went away after the click.
	Verified bool `json:"verified"`
	// Elements are the elements clicked, in order. For Detect they are the
	// clicks that opened the settings layer (Clicked stays false: no choice
	// was made).
	Elements []Clicked `json:"elements,omitempty"`
	Error    string    `json:"error,omitempty"`
	// DurationMS is the time from the start of the search to verification.
	DurationMS int64 `json:"duration_ms"`

	// Method is how the banner was operated: "rule" (the platform's rule
	// file), "generic" (the vocabulary fallback) or "config" (selectors from
	// .privacyscan.yaml).
	Method string `json:"method,omitempty"`
	// WaitMS is the part of DurationMS spent waiting for the banner to show;
	// DurationMS-WaitMS is the time from banner visible to verified consent.
	WaitMS int64 `json:"wait_ms"`
	// Banner describes the first layer as found.
	Banner *Banner `json:"banner,omitempty"`
	// RejectAvailable is true when the first layer offers a reject-all (set
	// for every action, so an accept run can tell too).
	RejectAvailable bool `json:"reject_available"`
	// ConsentRecord names the cookies and localStorage keys that hold the
	// choice after the action.
	ConsentRecord []string `json:"consent_record,omitempty"`
	// ConsentStored is true when no banner showed because a consent record
	// of a detected platform was already present.
	ConsentStored bool `json:"consent_stored,omitempty"`
	// PreTicked lists the purposes (toggle labels) that were already on when
	// the settings layer opened, before any choice: read by Detect, which
	// opens the layer without switching anything, and switched off by a
	// Reject that goes through the layer. Locked toggles are left out.
	PreTicked []string `json:"pre_ticked,omitempty"`
	// SettingsRead is true when the settings layer was opened and its
	// toggles read, so that an empty PreTicked means none was on rather
	// than not looked at.
	SettingsRead bool `json:"settings_read,omitempty"`
	// CookieWall is true when the banner blocks the page (it and its
	// backdrop cover most of the viewport, or it locks scrolling) and offers
	// no way to refuse: no reject, no settings layer.
	CookieWall bool `json:"cookie_wall"`
	// BannerReturned is true when Options.Recheck reloaded the page after a
	// verified choice and the banner showed again.
	BannerReturned bool `json:"banner_returned"`
	// Rechecked is true when the page was reloaded after the choice (the
	// scanner then need not load it again).
	Rechecked bool `json:"rechecked,omitempty"`
	// Signals are the TCF and Google Consent Mode states read after the
	// action (before it, for Detect).
	Signals *Signals `json:"signals,omitempty"`
	// Retries counts clicks repeated because the first had no visible
	// effect (a platform that binds its buttons late); they are not in
	// Clicks.
	Retries int `json:"retries,omitempty"`
	// Screenshots are the evidence files written: the banner before the
	// click and the page after it.
	Screenshots []string `json:"screenshots,omitempty"`
}

// Banner describes a consent banner's first layer.
type Banner struct {
	// Frame is the URL of the frame that holds it.
	Frame string `json:"frame"`
	// Selector is a CSS path to it (" >>> " crosses a shadow root).
	Selector string `json:"selector,omitempty"`
	// Text is the start of its visible text.
	Text string `json:"text,omitempty"`
	// Buttons lists the labels of its buttons by class (accept_all, reject,
	// settings, ...), as the generic vocabulary reads them.
	Buttons map[string][]string `json:"buttons,omitempty"`
	// Coverage is the share of the viewport it blocks, 0..1: where a click
	// lands on the banner or on a bare backdrop behind it rather than on the
	// page. A banner in an iframe is measured by its iframe in the page.
	Coverage float64 `json:"coverage"`
	// ScrollLocked is true when the page under it is taller than the
	// viewport but cannot scroll.
	ScrollLocked bool `json:"scroll_locked"`
}

// Summarize folds the accept and reject runs of a site into the report's
// consent section.
func Summarize(accept, reject Result) Summary {
	var s Summary
	s.BannerDetected = accept.BannerDetected || reject.BannerDetected
	for _, r := range []Result{accept, reject} {
		if r.CMP != "" && s.CMP == nil {
			cmp := r.CMP
			s.CMP = &cmp
		}
	}
	s.AcceptClicked = accept.Clicked
	s.AcceptClicks = accept.Clicks
	s.RejectClicked = reject.Clicked
	s.RejectClicks = reject.Clicks
	s.RejectOnFirstLayer = reject.Clicked && reject.FirstLayer
	return s
}

// Clicked records one element the engine clicked.
type Clicked struct {
	Frame    string `json:"frame,omitempty"`
	Selector string `json:"selector"`
	Text     string `json:"text"`
	// Input is "mouse" for a real mouse click at the element's centre, or
	// "js" when something covered it and element.click() was used.
	Input string `json:"input,omitempty"`
}

// Operator operates consent banners. ctx is a chromedp tab context whose page
// has loaded. Implementations must not sleep for fixed times.
type Operator interface {
	Act(ctx context.Context, action Action) (Result, error)
}
