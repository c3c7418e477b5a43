package rules

import (
	"net/url"

	"github.com/privacyscan/privacyscan/scanner/model"
)

// The scanner records measurements; the verdicts that reports show as
// observation fields (a request's pixel and category, a banner's
// cookie_wall) are taken here, where rule examples reach the thresholds.

// WallCoverage is the share of the viewport above which a banner that
// cannot be refused is a cookie wall even when the page still scrolls.
// A banner covering exactly this share is not.
const WallCoverage = 0.6

// PixelMaxBytes bounds a pixel's response: a third-party image with a query
// string counts as a pixel when fewer bytes than this came back (an image
// that shows something is larger; a tracking GIF or an empty 204 is not).
const PixelMaxBytes = 1200

// imageResource is Chromium's resource type of images.
const imageResource = "Image"

// IsCookieWall judges a banner from the consent engine's measurements: it
// blocks the page (covers more than WallCoverage of the viewport, or locks
// scrolling) and offers no way to refuse (no first-layer reject, no
// settings layer). A result without a SettingsAvailable measurement (a
// recording older than the field) is not judged: false.
func IsCookieWall(r *model.ConsentResult) bool {
	if r == nil || r.Banner == nil || r.SettingsAvailable == nil {
		return false
	}
	if r.RejectAvailable || *r.SettingsAvailable {
		return false
	}
	return r.Banner.Coverage > WallCoverage || r.Banner.ScrollLocked
}

// IsPixel judges whether a request is a tracking pixel: the knowledge base
// says so (Pixel as recorded), it is a beacon, or it is a third-party image
// with a query string whose response came back, successfully, in fewer than
// PixelMaxBytes bytes, whatever the knowledge base says of its host. An
// unmeasured size (0) is not small.
func IsPixel(r *model.Request) bool {
	if r == nil {
		return false
	}
	if r.Pixel || r.Beacon {
		return true
	}
	if r.Party != model.PartyThird || r.ResourceType != imageResource || r.Failure != "" {
		return false
	}
	if r.TransferBytes <= 0 || r.TransferBytes >= PixelMaxBytes {
		return false
	}
	u, err := url.Parse(r.URL)
	return err == nil && u.RawQuery != ""
}

// EssentialByDefault judges that a first-party request nothing was
// attributed to (no vendor in the knowledge base, no CNAME to a tracker) is
// the site's own essential traffic. Recordings older than the Attribution
// field already carry the category and are not judged again.
func EssentialByDefault(r *model.Request) bool {
	return r != nil && r.Party == model.PartyFirst && r.Attribution == model.AttributionNone
}

// Derive applies the verdicts the report shows as observation fields:
// Pixel (IsPixel), the essential category of unattributed first-party
// requests (EssentialByDefault) and CookieWall (IsCookieWall). It only
// ever sets: a value already in the recording stays, so recordings made
// when the scanner still took these verdicts come out unchanged, and a
// second call changes nothing. Evaluate calls it first; call it yourself
// when a site is reported without being evaluated.
func Derive(site *model.Site) {
	if site == nil {
		return
	}
	for _, p := range site.Phases {
		if p == nil {
			continue
		}
		deriveRequests(p.Requests)
		if p.PreAction != nil {
			deriveRequests(p.PreAction.Requests)
		}
		if IsCookieWall(p.Consent) {
			p.Consent.CookieWall = true
		}
	}
}

func deriveRequests(reqs []model.Request) {
	for i := range reqs {
		r := &reqs[i]
		if IsPixel(r) {
			r.Pixel = true
		}
		if EssentialByDefault(r) {
			r.Category = model.CategoryEssential
		}
	}
}
