package model

import (
	"errors"
	"fmt"
)

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
	// Provenance says how the scan was run: what an auditor needs to repeat
	// it or to sign it.
	Provenance *Provenance `json:"provenance,omitempty"`
}

// Provenance is how a scan was run: program, browser, knowledge base,
// jurisdiction, phases and the settings that change results. Each phase's
// start and end are in the phase (PhaseResult.StartedAt/FinishedAt).
type Provenance struct {
	Version string `json:"version"`
	Commit  string `json:"commit,omitempty"`
	// Browser is the browser's product and version ("Chromium/131.0.6778.85"),
	// UserAgent the user agent the pages saw.
	Browser   string `json:"browser,omitempty"`
	UserAgent string `json:"user_agent,omitempty"`
	// KnowledgeBase lists the sources the vendor and cookie knowledge came
	// from, each with its date and hash.
	KnowledgeBase []KBSource `json:"knowledge_base,omitempty"`
	Jurisdiction  string     `json:"jurisdiction,omitempty"`
	Phases        []string   `json:"phases,omitempty"`
	// Settings are the flags and configuration that change results
	// (pages, page timeout, consent rules, journey, resolve rules...), by
	// flag name.
	Settings map[string]string `json:"settings,omitempty"`
}

// KBSource is one knowledge-base source of a scan.
type KBSource struct {
	Name string `json:"name"`
	// Date is when the source was built or fetched (YYYY-MM-DD or RFC 3339).
	Date   string `json:"date,omitempty"`
	SHA256 string `json:"sha256,omitempty"`
	URL    string `json:"url,omitempty"`
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

// ToolName is the tool.name every privacyscan report carries; readers of a
// report (--baseline, diff) check it so that another tool's JSON, a SARIF
// log say, is refused rather than read as a report without findings.
const ToolName = "privacyscan"

// ReportHeader is the part of a JSON report that says what the file is.
type ReportHeader struct {
	SchemaVersion int  `json:"schema_version"`
	Tool          Tool `json:"tool"`
}

// Check reports whether the header is that of a privacyscan JSON report
// whose schema version this build reads.
func (h ReportHeader) Check() error {
	switch {
	case h.SchemaVersion == 0 && h.Tool.Name == "":
		return errors.New("not a privacyscan JSON report: it has no schema_version and no tool.name (write one with --format json)")
	case h.Tool.Name != ToolName:
		return fmt.Errorf("not a privacyscan JSON report: tool.name is %q, want %q", h.Tool.Name, ToolName)
	case h.SchemaVersion <= 0:
		return fmt.Errorf("not a privacyscan JSON report: schema_version is %d", h.SchemaVersion)
	case h.SchemaVersion > SchemaVersion:
		return fmt.Errorf("report schema_version %d is newer than this privacyscan reads (%d): upgrade privacyscan", h.SchemaVersion, SchemaVersion)
	}
	return nil
}
