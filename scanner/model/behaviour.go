package model

// Canary is the made-up identity the shopper's journey types into forms,
// generated per scan so that finding one of its values in a request proves
// the page sent what was typed. The e-mail is under a reserved domain
// (example.com / example.org).
type Canary struct {
	Email      string `json:"email"`
	FirstName  string `json:"first_name"`
	LastName   string `json:"last_name"`
	Phone      string `json:"phone"`
	Street     string `json:"street"`
	PostalCode string `json:"postal_code"`
	City       string `json:"city"`
	// SearchTerm is typed into the site search (the one thing submitted).
	SearchTerm string `json:"search_term"`
}

// Journey step names (JourneyStep.Step).
const (
	StepSearch    = "search"
	StepProduct   = "product"
	StepAddToCart = "add-to-cart"
	StepCart      = "cart"
	StepCheckout  = "checkout"
	StepForm      = "form"
)

// Journey is the shopper's journey of one phase: each step tried, and where
// and why it stopped.
type Journey struct {
	Steps []JourneyStep `json:"steps"`
	// Completed is true when every step the site offers was taken.
	Completed bool `json:"completed"`
	// StoppedAt is the step the journey could not take ("" when completed),
	// StopReason why ("no cart button found", "timeout"...).
	StoppedAt  string `json:"stopped_at,omitempty"`
	StopReason string `json:"stop_reason,omitempty"`
}

// JourneyStep is one step of the journey.
type JourneyStep struct {
	Step string `json:"step"`
	// URL is the page the step ended on.
	URL string `json:"url,omitempty"`
	OK  bool   `json:"ok"`
	// Detail says what was done or why not ("clicked 'In den Warenkorb'").
	Detail string `json:"detail,omitempty"`
	// Fields are the canary kinds typed in this step (email, name, phone,
	// address), each into the field named.
	Fields []TypedField `json:"fields,omitempty"`
	// AtMS is the time from the start of the journey.
	AtMS int64 `json:"at_ms"`
}

// TypedField is one form field the journey typed into.
type TypedField struct {
	// Kind is the canary kind: email, first_name, last_name, name, phone,
	// street, postal_code, city, search.
	Kind string `json:"kind"`
	// Field names the field (its name, id, autocomplete or label).
	Field string `json:"field"`
	// Form is the form's purpose when known: search, newsletter, account,
	// checkout.
	Form string `json:"form,omitempty"`
	// Frame is the origin of a frame the field lives in, when not the page.
	Frame string `json:"frame,omitempty"`
}

// Leak is one canary value found in a request.
type Leak struct {
	// Kind is the canary kind found (email, phone, first_name, search...).
	Kind string `json:"kind"`
	// Encoding is how it was written: plain, url, base64, base64url,
	// lower, md5, sha1, sha256, digits, digits-cc (phone with country code),
	// or a combination ("sha256(lower)").
	Encoding string `json:"encoding"`
	// Where in the request: url, header:<name>, body, cookie, websocket.
	Where    string `json:"where"`
	URL      string `json:"url"`
	Host     string `json:"host"`
	Party    string `json:"party"`
	Vendor   string `json:"vendor,omitempty"`
	VendorID string `json:"vendor_id,omitempty"`
	Category string `json:"category,omitempty"`
	Page     string `json:"page"`
	// BeforeSubmit is true when the value left before any form holding it
	// was submitted (typed data sent as it was typed: key logging).
	BeforeSubmit bool `json:"before_submit"`
	// Step is the journey step during which the request left.
	Step string `json:"step,omitempty"`
}

// PixelEvent is one tracking-pixel event decoded from a request.
type PixelEvent struct {
	Vendor   string `json:"vendor"`
	VendorID string `json:"vendor_id,omitempty"`
	// Event is the event name as sent (PageView, AddToCart, add_to_cart...).
	Event string `json:"event"`
	// Params are the event parameters (value, currency, content ids...).
	Params map[string]string `json:"params,omitempty"`
	// UserData names the user-data fields sent (em, ph, fn...: advanced
	// matching), hashed or not; values are never kept.
	UserData []string `json:"user_data,omitempty"`
	// Summary is the event in plain words: "AddToCart, value 24.90 EUR,
	// hashed e-mail, to Meta".
	Summary string `json:"summary"`
	URL     string `json:"url"`
	Page    string `json:"page"`
}

// Behaviour kinds.
const (
	BehaviourCanvas           = "canvas-fingerprinting"
	BehaviourWebGL            = "webgl-fingerprinting"
	BehaviourAudio            = "audio-fingerprinting"
	BehaviourFont             = "font-fingerprinting"
	BehaviourNavigator        = "navigator-probing"
	BehaviourSessionRecording = "session-recording"
)

// Behaviour is something a script did in the page that the page could not
// see being watched: a fingerprinting technique or session recording.
type Behaviour struct {
	Kind string `json:"kind"`
	// Script is the URL of the script that did it (the page URL for an
	// inline script).
	Script   string `json:"script"`
	Host     string `json:"host,omitempty"`
	Party    string `json:"party"`
	Vendor   string `json:"vendor,omitempty"`
	VendorID string `json:"vendor_id,omitempty"`
	Page     string `json:"page"`
	// Detail is the evidence in words ("toDataURL after drawing text, 3
	// reads"; "MutationObserver on document plus 4 input listeners, 2
	// batches sent to rec.example").
	Detail string `json:"detail"`
	// Count is how many times it was seen.
	Count int `json:"count,omitempty"`
}
