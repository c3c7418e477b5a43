// Package model is the observation model: the plain data a scan records and
// every type a report serialises — sites, phases, pages, requests, cookies,
// storage, the consent interaction and its signals, the policy's facts,
// findings, the site configuration — with the phase, party, category and
// severity names. It knows no browser, crawler or network: the scanner fills
// it, rules judge it, reports render it.
package model

// Phase names are part of the JSON contract; keep them exactly.
const (
	PhaseBeforeConsent = "before-consent"
	PhaseAfterAccept   = "after-accept"
	PhaseAfterReject   = "after-reject"
	PhaseDNT           = "dnt"
	PhaseGPC           = "gpc"
)

// AllPhases lists every phase in report order.
var AllPhases = []string{PhaseBeforeConsent, PhaseAfterAccept, PhaseAfterReject, PhaseDNT, PhaseGPC}

// Party values.
const (
	PartyFirst = "first"
	PartyThird = "third"
)

// Site is everything observed on one scanned site.
type Site struct {
	// URL is the start URL as the user gave it.
	URL string `json:"url"`
	// FinalURL is where the start page ended after redirects.
	FinalURL string `json:"final_url"`
	// Policy is what the site's privacy policy declares.
	Policy *PolicyFacts `json:"policy"`
	// Consent describes the consent banner and how it was operated.
	Consent ConsentSummary `json:"consent"`
	// Phases maps a phase name to what was observed in it.
	Phases map[string]*PhaseResult `json:"phases"`
	// Pages are the pages chosen by the crawler, with the kind of each.
	Pages []PlannedPage `json:"sampled_pages"`
	// Errors are problems that did not stop the scan (unreachable pages,
	// crashes, timeouts), in the order they happened.
	Errors []string `json:"errors"`
	// Scanned is false when nothing at all could be loaded.
	Scanned bool `json:"scanned"`
	// RobotsDisallowed counts candidate pages left out because robots.txt
	// disallows them (--ignore-robots to include them).
	RobotsDisallowed int `json:"robots_disallowed,omitempty"`
	// Canary is the made-up identity and search term the shopper's journey
	// typed, generated per scan; nil when no journey ran.
	Canary *Canary `json:"canary,omitempty"`
}

// PlannedPage is one page the crawler selected for the browser phases.
type PlannedPage struct {
	URL  string `json:"url"`
	Kind string `json:"kind"`
}

// PhaseResult is what one phase observed over all pages it loaded.
type PhaseResult struct {
	Pages    []PageResult  `json:"pages"`
	Cookies  []Cookie      `json:"cookies"`
	Requests []Request     `json:"requests"`
	Storage  []StorageItem `json:"storage"`
	// Consent is the interaction of this phase with the banner, when the phase
	// interacts (after-accept, after-reject).
	Consent *ConsentResult `json:"consent,omitempty"`
	// Signals holds per-phase signals read from the page, such as Google
	// Consent Mode state.
	Signals map[string]string `json:"signals,omitempty"`
	// PreAction is what the first page did before the consent click of an
	// after-accept or after-reject phase. It is kept as evidence; the phase's
	// Requests and Storage hold only what followed the choice (the first
	// page is loaded again after the click).
	PreAction *PreAction `json:"pre_action,omitempty"`
	// StartedAt and FinishedAt bound the phase (RFC 3339, UTC).
	StartedAt  string `json:"started_at,omitempty"`
	FinishedAt string `json:"finished_at,omitempty"`
	// Screenshot is the evidence file of the first page as loaded in this
	// phase (the visual state before consent, after accept, after reject),
	// relative to the evidence directory; empty when none was written.
	Screenshot string `json:"screenshot,omitempty"`
	// Journey is the shopper's journey walked after the sampled pages.
	Journey *Journey `json:"journey,omitempty"`
	// Leaks are canary values (typed personal data, the search term) found
	// in requests that left for another party.
	Leaks []Leak `json:"leaks,omitempty"`
	// PixelEvents are the tracking pixels' events decoded from requests.
	PixelEvents []PixelEvent `json:"pixel_events,omitempty"`
	// Behaviours are what scripts did in the page: fingerprinting and
	// session recording, each with the script that did it.
	Behaviours []Behaviour `json:"behaviours,omitempty"`
}

// PreAction is what was recorded before a consent click.
type PreAction struct {
	Requests []Request     `json:"requests"`
	Storage  []StorageItem `json:"storage"`
}

// PageResult is the outcome of loading one page.
type PageResult struct {
	URL      string `json:"url"`
	FinalURL string `json:"final_url,omitempty"`
	Status   int    `json:"status"`
	Error    string `json:"error"`
	// Title and Lang come from the loaded document.
	Title string `json:"title,omitempty"`
	Lang  string `json:"lang,omitempty"`
	// LoadMS is the time from navigation to network quiet.
	LoadMS int64 `json:"load_ms"`
}

// Attribution values: how a request's vendor was found.
const (
	// AttributionKB: the knowledge base knows the URL or host.
	AttributionKB = "kb"
	// AttributionCNAME: a first-party host's CNAME points at a known
	// vendor (CNAME cloaking).
	AttributionCNAME = "cname"
	// AttributionNone: no vendor was found.
	AttributionNone = "none"
)

// Request is one network request made while a page loaded.
type Request struct {
	URL      string `json:"url"`
	Host     string `json:"host"`
	Party    string `json:"party"`
	Vendor   string `json:"vendor"`
	VendorID string `json:"vendor_id,omitempty"`
	// Category is the knowledge base's category of the vendor or URL;
	// rules.Derive sets it to essential for a first-party request nothing
	// was attributed to (rules.EssentialByDefault).
	Category     string `json:"category"`
	ResourceType string `json:"resource_type"`
	// Pixel is true when the knowledge base lists the endpoint as a pixel
	// (knowledge, recorded by the scanner), and, once rules.Derive ran,
	// also when rules judge the request one by its measurements: a beacon,
	// or a tiny third-party image with a query string (rules.IsPixel).
	Pixel bool `json:"pixel"`
	// TransferBytes is what Chromium counted as received for the response
	// (its encoded data length when loading finished); 0 when the request
	// did not finish or was recorded before the field existed.
	TransferBytes int64 `json:"transfer_bytes,omitempty"`
	// Attribution is how Vendor was found: "kb", "cname" or "none" (see the
	// Attribution values); empty in recordings made before the field.
	Attribution string   `json:"attribution,omitempty"`
	Method      string   `json:"method,omitempty"`
	Status      int      `json:"status,omitempty"`
	Failure     string   `json:"failure,omitempty"`
	Initiator   string   `json:"initiator,omitempty"`
	Redirects   []string `json:"redirects,omitempty"`
	// Page is the page being loaded when the request was made.
	Page string `json:"page"`
	// Beacon is true for navigator.sendBeacon and <a ping> requests.
	Beacon bool `json:"beacon,omitempty"`
	// CNAMECloaked is true when a first-party hostname's CNAME points at
	// the vendor (CNAME cloaking).
	CNAMECloaked bool `json:"cname_cloaked,omitempty"`
}

// Cookie is one cookie present after a page loaded.
type Cookie struct {
	Name     string `json:"name"`
	Domain   string `json:"domain"`
	Path     string `json:"path,omitempty"`
	Party    string `json:"party"`
	Vendor   string `json:"vendor"`
	VendorID string `json:"vendor_id,omitempty"`
	Category string `json:"category"`
	// LifetimeDays is the lifetime the site asked for (from Set-Cookie or
	// document.cookie), not Chromium's 400-day cap; 0 for session cookies.
	LifetimeDays float64 `json:"lifetime_days"`
	Secure       bool    `json:"secure"`
	HTTPOnly     bool    `json:"http_only"`
	SameSite     string  `json:"same_site"`
	Session      bool    `json:"session,omitempty"`
	Partitioned  bool    `json:"partitioned,omitempty"`
	// Value is redacted unless the user asked for values.
	Value string `json:"value,omitempty"`
	// Page is the first page after whose load the cookie was seen.
	Page string `json:"page"`
	// Guess is true when the category is inferred rather than known.
	Guess bool `json:"guess,omitempty"`
	// Purpose is what the knowledge base says the cookie is for; empty
	// when it says nothing.
	Purpose string `json:"purpose,omitempty"`
}

// StorageItem is one localStorage or sessionStorage key.
type StorageItem struct {
	Origin   string `json:"origin"`
	Type     string `json:"type"`
	Key      string `json:"key"`
	Vendor   string `json:"vendor,omitempty"`
	VendorID string `json:"vendor_id,omitempty"`
	Category string `json:"category,omitempty"`
	Page     string `json:"page,omitempty"`
	// Purpose is what the knowledge base says the key is for; empty when
	// it says nothing.
	Purpose string `json:"purpose,omitempty"`
}
