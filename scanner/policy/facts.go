// Package policy reads a privacy policy in the language the site wrote it and
// extracts what it declares.
package policy

// Stance values for Do Not Track and Global Privacy Control.
const (
	StanceHonored      = "honored"
	StanceNotHonored   = "not-honored"
	StanceNotMentioned = "not-mentioned"
)

// Facts is the policy section of a scan report. The first fields are part of
// the JSON contract; keep their names.
type Facts struct {
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

// NotFound returns the facts of a site whose policy could not be found.
func NotFound() *Facts {
	return &Facts{VendorsMentioned: []string{}, DNTStance: StanceNotMentioned, GPCStance: StanceNotMentioned}
}
