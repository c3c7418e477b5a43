package model

// DiffSchemaVersion is the version of the JSON diff format
// (`privacyscan diff --format json`).
const DiffSchemaVersion = 1

// Site statuses in a ReportDiff.
const (
	// DiffChanged: the site is in both reports and something differs.
	DiffChanged = "changed"
	// DiffUnchanged: the site is in both reports and nothing compared differs.
	DiffUnchanged = "unchanged"
	// DiffAdded: the site is only in the new report; its findings are new.
	DiffAdded = "added"
	// DiffRemoved: the site is only in the old report; nothing is compared
	// (a site no longer scanned has not resolved its findings).
	DiffRemoved = "removed"
	// DiffNotScanned: the new report could not scan the site; nothing is
	// compared, since a failed scan would otherwise "resolve" everything.
	DiffNotScanned = "not-scanned"
)

// ReportDiff is what changed between two JSON reports of the same sites:
// the output of `privacyscan diff OLD NEW`. Field names are a contract.
type ReportDiff struct {
	SchemaVersion int  `json:"schema_version"`
	Tool          Tool `json:"tool"`
	// Old and New say which reports were compared.
	Old DiffSource `json:"old"`
	New DiffSource `json:"new"`
	// Sites are matched by their URL (normalised as fingerprints are), in
	// the new report's order, then the sites only the old report has.
	Sites []SiteDiff `json:"sites"`
	// FailOn is the --fail-on severity the exit code was computed with.
	FailOn string `json:"fail_on,omitempty"`
}

// DiffSource describes one of the compared reports.
type DiffSource struct {
	// File is the path given on the command line; empty when the diff was
	// computed from reports in memory.
	File        string `json:"file,omitempty"`
	ToolVersion string `json:"tool_version"`
	StartedAt   string `json:"started_at"`
	FinishedAt  string `json:"finished_at"`
	Interrupted bool   `json:"interrupted,omitempty"`
}

// SiteDiff is what changed on one site.
type SiteDiff struct {
	URL string `json:"url"`
	// Status is changed, unchanged, added, removed or not-scanned (the
	// Diff* constants).
	Status   string       `json:"status"`
	Findings FindingsDiff `json:"findings"`
	// Phases lists the phases with a change, in report order.
	Phases []PhaseDiff `json:"phases"`
	// Consent lists the fields of the site's consent summary that changed.
	Consent []FieldChange `json:"consent"`
	// Policy lists the privacy-policy facts that changed.
	Policy []FieldChange `json:"policy"`
}

// FindingsDiff sorts a site's findings by fingerprint: in the new report
// only, in the old only, in both.
type FindingsDiff struct {
	// New are the new report's findings whose fingerprint the old report
	// lacks: the ones --fail-on gates on.
	New []Finding `json:"new"`
	// Resolved are the old report's findings the new report no longer has.
	Resolved []Finding `json:"resolved"`
	// Unchanged are the new report's findings also in the old report.
	Unchanged []Finding `json:"unchanged"`
}

// Phase statuses in a PhaseDiff.
const (
	// PhaseCompared: the phase ran in both scans.
	PhaseCompared = "compared"
	// PhaseAdded / PhaseRemoved: the phase ran in one scan only, so its
	// contents are not compared.
	PhaseAdded   = "added"
	PhaseRemoved = "removed"
)

// PhaseDiff is what appeared and disappeared in one phase.
type PhaseDiff struct {
	Phase string `json:"phase"`
	// Status is compared, added or removed (the Phase* constants).
	Status  string               `json:"status"`
	Vendors ItemDiff[VendorRef]  `json:"vendors"`
	Hosts   ItemDiff[string]     `json:"third_party_hosts"`
	Cookies ItemDiff[CookieRef]  `json:"cookies"`
	Storage ItemDiff[StorageRef] `json:"storage"`
}

// ItemDiff lists what appeared (in the new report only) and disappeared (in
// the old only). Lists are sorted and never null in JSON.
type ItemDiff[T any] struct {
	Appeared    []T `json:"appeared"`
	Disappeared []T `json:"disappeared"`
}

// Empty reports whether nothing appeared or disappeared.
func (d ItemDiff[T]) Empty() bool { return len(d.Appeared) == 0 && len(d.Disappeared) == 0 }

// VendorRef names a vendor seen in a phase through a request, a cookie or a
// storage key.
type VendorRef struct {
	// ID is the knowledge-base id; empty for a vendor known by name only.
	ID   string `json:"id,omitempty"`
	Name string `json:"name"`
}

// CookieRef identifies a cookie across scans: name and domain (without a
// leading dot).
type CookieRef struct {
	Name   string `json:"name"`
	Domain string `json:"domain"`
	Vendor string `json:"vendor,omitempty"`
}

// StorageRef identifies a storage key across scans: origin, type and key.
type StorageRef struct {
	Origin string `json:"origin"`
	Type   string `json:"type"`
	Key    string `json:"key"`
	Vendor string `json:"vendor,omitempty"`
}

// FieldChange is one changed field of the consent summary or the policy
// facts. A scalar field has Old and New (a JSON string, boolean, number or
// null); a list field (vendors_mentioned, elements) has Added and Removed.
type FieldChange struct {
	// Field is the report's JSON name of the field (banner_detected, cmp,
	// url, dnt_stance, elements...).
	Field   string   `json:"field"`
	Old     any      `json:"old,omitempty"`
	New     any      `json:"new,omitempty"`
	Added   []string `json:"added,omitempty"`
	Removed []string `json:"removed,omitempty"`
}
