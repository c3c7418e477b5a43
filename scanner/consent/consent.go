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
	// Detect only looks.
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
	// Elements are the elements clicked, in order.
	Elements []Clicked `json:"elements,omitempty"`
	Error    string    `json:"error,omitempty"`
	// DurationMS is the time from the start of the search to verification.
	DurationMS int64 `json:"duration_ms"`
}

// Clicked records one element the engine clicked.
type Clicked struct {
	Frame    string `json:"frame,omitempty"`
	Selector string `json:"selector"`
	Text     string `json:"text"`
}

// Operator operates consent banners. ctx is a chromedp tab context whose page
// has loaded. Implementations must not sleep for fixed times.
type Operator interface {
	Act(ctx context.Context, action Action) (Result, error)
}
