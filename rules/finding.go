// Package rules judges recorded observations (model.Site) against consent,
// Do Not Track and Global Privacy Control rules and against the site's own
// privacy policy. Rules read only recorded data, so they run without a browser.
package rules

import "github.com/privacyscan/privacyscan/scanner/model"

// Severities, lowest to highest, as the model names them.
const (
	Info     = model.SeverityInfo
	Low      = model.SeverityLow
	Medium   = model.SeverityMedium
	High     = model.SeverityHigh
	Critical = model.SeverityCritical
)
