package rules

import (
	"net/url"
	"strings"

	"github.com/privacyscan/privacyscan/scanner/model"
)

// This file builds the recorded observations the rules' examples use. A
// well-behaved shop is the base; each example changes what it needs.

const exHome = "https://shop.test/"

// exSite returns a compliant shop: a banner that accepts and rejects on the
// first layer, a complete and current policy naming its vendors, every
// phase loaded with only essential first-party traffic. Modifiers change it.
func exSite(mods ...func(*model.Site)) *model.Site {
	u := exHome + "privacy"
	updated := "2025-11-02"
	cmp := "generic"
	s := &model.Site{
		URL:      exHome,
		FinalURL: exHome,
		Scanned:  true,
		Policy: &model.PolicyFacts{
			URL:              &u,
			Language:         "en",
			VendorsMentioned: []string{"Google Analytics", "Meta Pixel", "Stripe"},
			VendorIDs:        []string{"google-analytics", "meta-pixel", "stripe"},
			DNTStance:        model.StanceNotHonored,
			GPCStance:        model.StanceHonored,
			LastUpdated:      &updated,
			Elements: model.Elements{ControllerIdentity: true, Contact: true, Purposes: true, LegalBasis: true,
				Retention: true, Rights: true, Complaint: true, Recipients: true, Transfers: true, Cookies: true},
		},
		Consent: model.ConsentSummary{BannerDetected: true, CMP: &cmp, AcceptClicked: true, RejectClicked: true,
			RejectOnFirstLayer: true, AcceptClicks: 1, RejectClicks: 1},
		Phases: map[string]*model.PhaseResult{},
	}
	for _, ph := range model.AllPhases {
		p := &model.PhaseResult{
			Pages:    []model.PageResult{{URL: exHome, Status: 200}},
			Requests: []model.Request{exReq("https://shop.test/app.js", "", "", "essential")},
			Cookies:  []model.Cookie{exCookie("session", "shop.test", "", "essential", 0)},
		}
		p.Cookies[0].Secure, p.Cookies[0].HTTPOnly, p.Cookies[0].SameSite = true, true, "Lax"
		switch ph {
		case model.PhaseAfterAccept:
			p.Consent = &model.ConsentResult{Action: model.ActionAccept, BannerDetected: true, CMP: cmp, Clicked: true, Clicks: 1, FirstLayer: true, Verified: true}
		case model.PhaseAfterReject:
			p.Consent = &model.ConsentResult{Action: model.ActionReject, BannerDetected: true, CMP: cmp, Clicked: true, Clicks: 1, FirstLayer: true, Verified: true}
		}
		s.Phases[ph] = p
	}
	for _, m := range mods {
		m(s)
	}
	return s
}

// exReq is a request made on the home page.
func exReq(raw, vendorID, vendor, category string) model.Request {
	host := raw
	if u, err := url.Parse(raw); err == nil {
		host = u.Hostname()
	}
	party := model.PartyThird
	if host == "shop.test" || strings.HasSuffix(host, ".shop.test") {
		party = model.PartyFirst
	}
	return model.Request{URL: raw, Host: host, Party: party, Vendor: vendor, VendorID: vendorID,
		Category: category, ResourceType: "Script", Method: "GET", Status: 200, Page: exHome}
}

// exPixel is a pixel request.
func exPixel(raw, vendorID, vendor, category string) model.Request {
	r := exReq(raw, vendorID, vendor, category)
	r.Pixel, r.ResourceType = true, "Image"
	return r
}

// exImage is an image request nothing is known of, as the scanner records
// it: its size measured, no verdict taken (IsPixel judges it).
func exImage(raw string, bytes int64) model.Request {
	r := exReq(raw, "", "", "unknown")
	r.ResourceType, r.TransferBytes, r.Attribution = "Image", bytes, model.AttributionNone
	return r
}

// exCookie is a cookie seen after the home page loaded.
func exCookie(name, domain, vendor, category string, days float64) model.Cookie {
	d := strings.TrimPrefix(domain, ".")
	party := model.PartyThird
	if d == "shop.test" || strings.HasSuffix(d, ".shop.test") {
		party = model.PartyFirst
	}
	return model.Cookie{Name: name, Domain: domain, Path: "/", Party: party, Vendor: vendor,
		VendorID: strings.ToLower(strings.ReplaceAll(vendor, " ", "-")), Category: category,
		LifetimeDays: days, Session: days == 0, Secure: true, SameSite: "Lax", Page: exHome}
}

// Common observations.
var (
	exMetaPixel = exPixel("https://www.facebook.com/tr?id=1234&ev=PageView", "meta-pixel", "Meta Pixel", "advertising")
	exGA4       = exPixel("https://region1.google-analytics.com/g/collect?v=2&tid=G-TEST", "google-analytics", "Google Analytics", "analytics")
	exStripe    = exReq("https://js.stripe.com/v3/", "stripe", "Stripe", "essential")
	exFBP       = exCookie("_fbp", ".shop.test", "Meta Pixel", "advertising", 90)
	exGA        = exCookie("_ga", ".shop.test", "Google Analytics", "analytics", 400)
)

// inPhase adds requests and cookies to a phase.
func inPhase(phase string, items ...any) func(*model.Site) {
	return func(s *model.Site) {
		p := s.Phases[phase]
		if p == nil {
			p = &model.PhaseResult{Pages: []model.PageResult{{URL: exHome, Status: 200}}}
			s.Phases[phase] = p
		}
		for _, it := range items {
			switch v := it.(type) {
			case model.Request:
				p.Requests = append(p.Requests, v)
			case model.Cookie:
				p.Cookies = append(p.Cookies, v)
			case model.StorageItem:
				p.Storage = append(p.Storage, v)
			}
		}
	}
}

// inPhases adds the same items to several phases.
func inPhases(phases []string, items ...any) func(*model.Site) {
	return func(s *model.Site) {
		for _, ph := range phases {
			inPhase(ph, items...)(s)
		}
	}
}

// withoutPhase removes a phase, as when --phases left it out.
func withoutPhase(phase string) func(*model.Site) {
	return func(s *model.Site) { delete(s.Phases, phase) }
}

// noBanner records that no banner was found in any phase.
func noBanner(s *model.Site) {
	s.Consent = model.ConsentSummary{}
	for _, p := range s.Phases {
		if p.Consent != nil {
			p.Consent = &model.ConsentResult{Action: p.Consent.Action}
		}
	}
}

// rejectFailed records that the reject action could not be carried out.
func rejectFailed(s *model.Site) {
	s.Consent.RejectClicked, s.Consent.RejectOnFirstLayer, s.Consent.RejectClicks = false, false, 0
	if p := s.Phases[model.PhaseAfterReject]; p != nil && p.Consent != nil {
		p.Consent.Clicked, p.Consent.Clicks, p.Consent.FirstLayer, p.Consent.Verified = false, 0, false, false
	}
}

// withPolicy changes the policy facts.
func withPolicy(f func(*model.PolicyFacts)) func(*model.Site) {
	return func(s *model.Site) { f(s.Policy) }
}

// noPolicy records that no policy was found.
func noPolicy(s *model.Site) { s.Policy = model.PolicyNotFound() }

// nothingLoaded records a site where no page could be loaded.
func nothingLoaded(s *model.Site) {
	s.Scanned = false
	for _, p := range s.Phases {
		for i := range p.Pages {
			p.Pages[i].Status, p.Pages[i].Error = 0, "net::ERR_NAME_NOT_RESOLVED"
		}
		p.Requests, p.Cookies = nil, nil
	}
}

// beforeAndAfterReject are the phases in which a visitor has not agreed.
var beforeAndAfterReject = []string{model.PhaseBeforeConsent, model.PhaseAfterReject}
