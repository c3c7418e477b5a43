package model

// Stance values for Do Not Track and Global Privacy Control.
const (
	StanceHonored      = "honored"
	StanceNotHonored   = "not-honored"
	StanceNotMentioned = "not-mentioned"
)

// PolicyFacts is the policy section of a scan report. The first fields are part of
// the JSON contract; keep their names.
type PolicyFacts struct {
	// URL is where the policy was found, nil when no policy was found.
	URL *string `json:"url"`
	// Language is the ISO 639-1 code of the policy's main language.
	Language         string   `json:"language"`
	VendorsMentioned []string `json:"vendors_mentioned"`
	DNTStance        string   `json:"dnt_stance"`
	GPCStance        string   `json:"gpc_stance"`
	// LastUpdated is YYYY-MM-DD or nil.
	LastUpdated *string  `json:"last_updated"`
	Elements    Elements `json:"elements"`

	// Fields below extend the contract; the policy analyser fills them.

	// OtherLanguages lists further languages that make up a large share of the text.
	OtherLanguages []string `json:"other_languages,omitempty"`
	// VendorIDs are the knowledge-base ids of the vendors mentioned, so rules
	// can compare them with observed vendors whatever name the policy used.
	VendorIDs []string `json:"vendor_ids,omitempty"`
	// Claims are promises a scan can check.
	Claims Claims `json:"claims"`
	// Evidence maps a field name (e.g. "dnt_stance", "last_updated",
	// "elements.retention", "vendor:google-analytics") to the sentence that supports it.
	Evidence map[string]Quote `json:"evidence,omitempty"`
	// Error is set when the policy was found but could not be read.
	Error string `json:"error,omitempty"`

	// Details say what lies behind the element booleans: which rights, which
	// durations, which authorities, so a reader sees why an element is true.
	Details PolicyDetails `json:"details"`
	// Truncated is set when the document was larger than the analyser reads
	// (MaxDocumentBytes); the facts cover only its beginning.
	Truncated bool `json:"truncated,omitempty"`
	// Source says which reading of the policy page the facts come from during
	// a scan: PolicySourceRendered (the page as the browser rendered it before
	// consent, without consent layers and hidden content) or
	// PolicySourceFetched (the document as served, when the rendered page said
	// clearly less). Empty when the policy was read directly.
	Source string `json:"source,omitempty"`
	// Recipients are the organisations the policy names as receiving personal
	// data (processors, hosts, payment, delivery, invoicing, analytics,
	// marketing providers...), whether or not the knowledge base knows them.
	Recipients []Recipient `json:"recipients,omitempty"`
	// Readable says whether the analyser reads the policy's language: false
	// for a policy in a language it has no lexicon for (Language then names
	// that language, or "und"), whose elements, stances and claims were not
	// judged and must not be taken as absent. Nil when no text was read.
	Readable *bool `json:"readable,omitempty"`
}

// PolicyUnread reports whether a policy was found but its language is one
// the analyser does not read, so its facts say nothing about what it
// discloses.
func (f *PolicyFacts) PolicyUnread() bool {
	return f != nil && f.Readable != nil && !*f.Readable
}

// Policy sources: which reading of the policy page a scan's facts come from.
const (
	PolicySourceRendered = "rendered"
	PolicySourceFetched  = "fetched"
)

// Recipient is one organisation a policy names as receiving personal data.
type Recipient struct {
	// Name is the organisation as written, legal form included ("PostNord AB").
	Name string `json:"name"`
	// Role is what it does for the controller when the policy says so:
	// processor, hosting, payment, delivery, invoicing, accounting, analytics,
	// marketing, email, support, it, other.
	Role string `json:"role,omitempty"`
	// Country is the ISO 3166-1 alpha-2 code of its seat when stated.
	Country string `json:"country,omitempty"`
	// Sentence is where it is named, Offset its byte offset in the main text.
	Sentence string `json:"sentence"`
	Offset   int    `json:"offset"`
}

// PolicyDetails are the specifics found for the Art. 13 elements. Lists are sorted
// and never null in JSON.
type PolicyDetails struct {
	// Contacts are the ways to reach the controller or its DPO.
	Contacts []Contact `json:"contacts"`
	// LegalBases: consent, contract, legal_obligation, legitimate_interest,
	// vital_interest, public_task.
	LegalBases []string `json:"legal_bases"`
	// Retention lists the durations stated for keeping data, in order of appearance.
	Retention []Duration `json:"retention"`
	// Rights: access, rectification, erasure, restriction, portability,
	// objection, withdraw_consent, automated_decisions.
	Rights []string `json:"rights"`
	// Authorities are the supervisory authorities named (e.g. "CNIL").
	Authorities []string `json:"authorities"`
	// TransferMechanisms: scc, adequacy, dpf, privacy_shield, bcr, consent.
	TransferMechanisms []string `json:"transfer_mechanisms"`
	// TransferCountries are ISO 3166-1 alpha-2 codes of non-EEA countries data
	// is said to go to.
	TransferCountries []string `json:"transfer_countries"`
}

// Contact is one way to reach the controller.
type Contact struct {
	// Kind is email, phone, address, dpo or form.
	Kind  string `json:"kind"`
	Value string `json:"value"`
}

// Duration is a retention period as written and as a number of days
// (months count 30 days, years 365) so rules can compare it with cookie lifetimes.
type Duration struct {
	Text string `json:"text"`
	Days int    `json:"days"`
}

// Claims are checkable promises. A nil claim was not made.
type Claims struct {
	// IPAnonymised: the policy says IP addresses are anonymised/masked.
	IPAnonymised *Claim `json:"ip_anonymised,omitempty"`
	// DataLocation: data stays in a named country or region; Value is an
	// ISO 3166-1 alpha-2 code or "EU"/"EEA".
	DataLocation *Claim `json:"data_location,omitempty"`
	// ConsentForMarketing / ConsentForAnalytics: consent is asked before
	// marketing / analytics processing.
	ConsentForMarketing *Claim `json:"consent_for_marketing,omitempty"`
	ConsentForAnalytics *Claim `json:"consent_for_analytics,omitempty"`
	// NoSale: "we do not sell or share your data".
	NoSale *Claim `json:"no_sale,omitempty"`
}

// Claim is one promise with the sentence that makes it.
type Claim struct {
	Value    string `json:"value,omitempty"`
	Sentence string `json:"sentence"`
	Offset   int    `json:"offset"`
}

// Quote is the sentence supporting an extracted fact, with its byte
// offset in the extracted main text.
type Quote struct {
	Sentence string `json:"sentence"`
	Offset   int    `json:"offset"`
}

// Elements are the GDPR Art. 13 information elements.
type Elements struct {
	ControllerIdentity bool `json:"controller_identity"`
	Contact            bool `json:"contact"`
	Purposes           bool `json:"purposes"`
	LegalBasis         bool `json:"legal_basis"`
	Retention          bool `json:"retention"`
	Rights             bool `json:"rights"`
	Complaint          bool `json:"complaint"`
	Recipients         bool `json:"recipients"`
	Transfers          bool `json:"transfers"`
	Cookies            bool `json:"cookies"`
}

// PolicyNotFound returns the facts of a site whose policy could not be found.
func PolicyNotFound() *PolicyFacts {
	return &PolicyFacts{VendorsMentioned: []string{}, DNTStance: StanceNotMentioned, GPCStance: StanceNotMentioned, Details: EmptyPolicyDetails()}
}

// EmptyPolicyDetails has every list empty rather than null, for JSON.
func EmptyPolicyDetails() PolicyDetails {
	return PolicyDetails{
		Contacts: []Contact{}, LegalBases: []string{}, Retention: []Duration{}, Rights: []string{},
		Authorities: []string{}, TransferMechanisms: []string{}, TransferCountries: []string{},
	}
}
