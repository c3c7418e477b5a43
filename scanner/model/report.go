package model

// SchemaVersion is the version of the JSON report format.
const SchemaVersion = 1

// Report is a whole scan: the JSON report's top level.
type Report struct {
	SchemaVersion int    `json:"schema_version"`
	Tool          Tool   `json:"tool"`
	StartedAt     string `json:"started_at"`
	FinishedAt    string `json:"finished_at"`
	// Interrupted is true when the scan was stopped (Ctrl-C) and the report
	// holds what had been gathered.
	Interrupted bool         `json:"interrupted,omitempty"`
	Sites       []SiteReport `json:"sites"`
	// FailOn is the severity threshold used for the exit code.
	FailOn string `json:"fail_on,omitempty"`
	// MinSeverity is the --severity the report was written with: findings
	// below it are left out of sites[].findings, HiddenFindings counts them,
	// and they still counted toward the exit code. Empty when every finding
	// is in the report (such a report is not a complete --baseline).
	MinSeverity    string `json:"min_severity,omitempty"`
	HiddenFindings int    `json:"hidden_findings,omitempty"`
}

// Tool names the program that wrote the report.
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// SiteReport is one site's observations and findings.
type SiteReport struct {
	*Site
	Findings []Finding `json:"findings"`
}
