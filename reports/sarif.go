package reports

import (
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"strings"

	"github.com/privacyscan/privacyscan/rules"
	"github.com/privacyscan/privacyscan/scanner/model"
)

// SARIFSchemaURI is the official SARIF 2.1.0 schema (OASIS, errata 01), the
// $schema of every log; reports/testdata holds a copy the tests validate
// against.
const SARIFSchemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

// RulesDocURL is where each rule is documented: docs/rules.md has one
// heading per rule id, so RulesDocURL + "#" + id is a rule's helpUri.
const RulesDocURL = "https://github.com/privacyscan/privacyscan/blob/main/docs/rules.md"

// projectURL is the tool's informationUri.
const projectURL = "https://github.com/privacyscan/privacyscan"

// securitySeverity is GitHub code scanning's numeric severity per
// privacyscan severity: GitHub maps > 9.0 to critical, 7.0–8.9 to high,
// 4.0–6.9 to medium and 0.1–3.9 to low, so each value sits inside its band.
var securitySeverity = map[string]string{
	rules.Critical: "9.5", rules.High: "8.0", rules.Medium: "5.5", rules.Low: "3.0", rules.Info: "1.0",
}

type sarifWriter struct{ o Options }

// The SARIF 2.1.0 objects privacyscan writes: the subset GitHub code
// scanning, GitLab and the SARIF viewers read.
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

// sarifRun is one site: GitHub keeps one analysis per category
// (automationDetails.id), so a site's alerts are replaced only by the next
// scan of that site.
type sarifRun struct {
	Tool              sarifTool         `json:"tool"`
	AutomationDetails sarifAutomation   `json:"automationDetails"`
	Invocations       []sarifInvocation `json:"invocations"`
	// Results is absent (nil), not empty, for a site that could not be
	// scanned: in SARIF an empty array says "looked and found nothing", an
	// absent one "no results were produced".
	Results    *[]sarifResult `json:"results,omitempty"`
	Properties map[string]any `json:"properties,omitempty"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifAutomation struct {
	ID string `json:"id"`
}

type sarifInvocation struct {
	ExecutionSuccessful bool                `json:"executionSuccessful"`
	ExitCode            *int                `json:"exitCode,omitempty"`
	StartTimeUTC        string              `json:"startTimeUtc,omitempty"`
	EndTimeUTC          string              `json:"endTimeUtc,omitempty"`
	Notifications       []sarifNotification `json:"toolExecutionNotifications,omitempty"`
	// Properties hold the scan's provenance (browser, knowledge base,
	// settings that change results).
	Properties map[string]any `json:"properties,omitempty"`
}

type sarifNotification struct {
	Level   string    `json:"level"`
	Message sarifText `json:"message"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifHelp struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown"`
}

type sarifRule struct {
	ID                   string         `json:"id"`
	ShortDescription     sarifText      `json:"shortDescription"`
	FullDescription      sarifText      `json:"fullDescription"`
	Help                 sarifHelp      `json:"help"`
	HelpURI              string         `json:"helpUri,omitempty"`
	DefaultConfiguration sarifConfig    `json:"defaultConfiguration"`
	Properties           map[string]any `json:"properties"`
}

type sarifConfig struct {
	Level string `json:"level"`
}

type sarifResult struct {
	RuleID              string             `json:"ruleId"`
	RuleIndex           int                `json:"ruleIndex"`
	Level               string             `json:"level"`
	Message             sarifText          `json:"message"`
	Locations           []sarifLocation    `json:"locations"`
	RelatedLocations    []sarifLocation    `json:"relatedLocations,omitempty"`
	PartialFingerprints map[string]string  `json:"partialFingerprints"`
	Suppressions        []sarifSuppression `json:"suppressions,omitempty"`
	BaselineState       string             `json:"baselineState,omitempty"`
	Properties          map[string]any     `json:"properties,omitempty"`
}

type sarifLocation struct {
	ID               *int          `json:"id,omitempty"`
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
	Message          *sarifText    `json:"message,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine int `json:"startLine"`
}

type sarifSuppression struct {
	Kind          string `json:"kind"`
	Justification string `json:"justification,omitempty"`
}

// sarifLevel maps severities to SARIF levels.
func sarifLevel(sev string) string {
	switch sev {
	case rules.Critical, rules.High:
		return "error"
	case rules.Medium:
		return "warning"
	default:
		return "note"
	}
}

// Write renders one run per site. A site's findings sit at a file of the
// repository (privacyscan/<host> unless --sarif-artifact names the file that
// declares the site's tags), since code scanning only shows results in the
// repository; the page is in the message and a related location.
func (s sarifWriter) Write(w io.Writer, r *model.Report) error {
	Normalize(r)
	runs := []sarifRun{}
	categories := map[string]int{}
	for i := range r.Sites {
		run := s.run(r, i)
		// Two sites on one host and path (http and https) would share a
		// category, and GitHub rejects an upload with duplicate categories.
		base := strings.TrimSuffix(run.AutomationDetails.ID, "/")
		if categories[base]++; categories[base] > 1 {
			run.AutomationDetails.ID = fmt.Sprintf("%s-%d/", base, categories[base])
		}
		runs = append(runs, run)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLog{Schema: SARIFSchemaURI, Version: "2.1.0", Runs: runs})
}

// run renders site i of r.
func (s sarifWriter) run(r *model.Report, i int) sarifRun {
	sr := r.Sites[i]
	scanned := sr.Site != nil && sr.Scanned
	host, category := siteKeys(sr, i)
	artifact := s.o.SARIFArtifact
	if artifact == "" {
		artifact = "privacyscan/" + host
	}
	run := sarifRun{
		Tool:              sarifTool{Driver: sarifDriver{Name: "privacyscan", Version: r.Tool.Version, InformationURI: projectURL, Rules: []sarifRule{}}},
		AutomationDetails: sarifAutomation{ID: "privacyscan/" + category + "/"},
	}
	inv := sarifInvocation{ExecutionSuccessful: scanned && !r.Interrupted, ExitCode: s.o.ExitCode, StartTimeUTC: r.StartedAt, EndTimeUTC: r.FinishedAt}
	if pairs := provenancePairs(r.Provenance); pairs != nil {
		prov := map[string]any{}
		for _, kv := range pairs {
			prov[kv.Key] = Clean(kv.Value, 2000)
		}
		inv.Properties = map[string]any{"provenance": prov}
		if r.Provenance.Version != "" {
			run.Tool.Driver.Version = r.Provenance.Version
		}
	}
	if sr.Site == nil {
		inv.Notifications = append(inv.Notifications, sarifNotification{Level: "error", Message: sarifText{"the site was not scanned: the report has no observation for it"}})
	} else {
		run.Properties = map[string]any{"site": sr.URL, "scanned": sr.Scanned}
		if !sr.Scanned {
			inv.Notifications = append(inv.Notifications, sarifNotification{Level: "error", Message: sarifText{"no page of " + Clean(sr.URL, 300) + " could be loaded: the site was not scanned and the absence of results says nothing about it"}})
		}
		level := "warning"
		if !sr.Scanned {
			level = "error"
		}
		for _, e := range sr.Errors {
			inv.Notifications = append(inv.Notifications, sarifNotification{Level: level, Message: sarifText{Clean(e, 1000)}})
		}
	}
	if r.Interrupted {
		inv.Notifications = append(inv.Notifications, sarifNotification{Level: "warning", Message: sarifText{"the scan was interrupted: the results hold what was gathered"}})
	}
	run.Invocations = []sarifInvocation{inv}
	if !scanned && len(sr.Findings) == 0 {
		return run // results absent: nothing was produced
	}
	results := []sarifResult{}
	run.Results = &results
	index := map[string]int{}
	baseline := false
	for _, f := range sr.Findings {
		baseline = baseline || f.Baseline
	}
	for _, f := range sr.Findings {
		idx, ok := index[f.Rule]
		if !ok {
			idx = len(run.Tool.Driver.Rules)
			index[f.Rule] = idx
			run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, s.rule(f))
		}
		page := ""
		for _, e := range f.Evidence {
			if e.Page != "" {
				page = e.Page
				break
			}
		}
		if page == "" && sr.Site != nil {
			page = sr.URL
		}
		msg := Clean(f.Message, 0)
		if page != "" {
			msg += " (page: " + Clean(page, 0) + ")"
		}
		res := sarifResult{
			RuleID: f.Rule, RuleIndex: idx, Level: sarifLevel(f.Severity), Message: sarifText{msg},
			Locations:           []sarifLocation{{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{artifact}, Region: &sarifRegion{StartLine: 1}}}},
			PartialFingerprints: map[string]string{"privacyscan/v1": f.Fingerprint},
			Properties:          map[string]any{"severity": f.Severity, "evidence": f.Evidence},
		}
		if u, err := url.Parse(page); err == nil && u.Scheme != "" && u.Host != "" {
			id := 1
			res.RelatedLocations = []sarifLocation{{ID: &id, PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{u.String()}}, Message: &sarifText{"page"}}}
		}
		if f.Phase != nil {
			res.Properties["phase"] = *f.Phase
		}
		if f.Suppressed != nil {
			res.Suppressions = []sarifSuppression{{Kind: "external", Justification: f.Suppressed.Reason}}
		}
		// SARIF wants baselineState on every result of a run or on none.
		if baseline {
			res.BaselineState = "new"
			if f.Baseline {
				res.BaselineState = "unchanged"
			}
		}
		results = append(results, res)
	}
	return run
}

// rule describes the rule of finding f: the catalogue's (or the
// configuration's custom) rule at its severity in the jurisdiction.
func (s sarifWriter) rule(f model.Finding) sarifRule {
	rl, known := s.o.lookup(f.Rule)
	if !known {
		// A report from elsewhere may name a rule this build does not have.
		return sarifRule{ID: f.Rule, ShortDescription: sarifText{f.Title}, FullDescription: sarifText{f.Title},
			Help: sarifHelp{Text: f.Title, Markdown: f.Title}, DefaultConfiguration: sarifConfig{sarifLevel(f.Severity)},
			Properties: map[string]any{"security-severity": securitySeverity[f.Severity], "tags": []string{"privacy", "security"}, "severity": f.Severity}}
	}
	sev, on := s.o.ruleOn(rl)
	if !on {
		sev = f.Severity
	}
	tags := []string{"privacy", "security"}
	helpURI := RulesDocURL + "#" + rl.ID
	if rl.Custom {
		tags = append(tags, "custom")
		helpURI = "" // documented in the site's configuration, not in docs/rules.md
	}
	text, md := ruleHelp(rl, helpURI)
	return sarifRule{
		ID: rl.ID, ShortDescription: sarifText{rl.Title}, FullDescription: sarifText{rl.Rationale},
		Help: sarifHelp{Text: text, Markdown: md}, HelpURI: helpURI,
		DefaultConfiguration: sarifConfig{sarifLevel(sev)},
		Properties:           map[string]any{"security-severity": securitySeverity[sev], "tags": tags, "severity": sev, "references": nonNil(rl.References)},
	}
}

// ruleHelp is a rule's help as plain text and Markdown: why it matters, the
// legal references, how to fix it.
func ruleHelp(rl rules.Rule, helpURI string) (string, string) {
	var t, m strings.Builder
	fmt.Fprintf(&t, "%s\n\nWhy it matters: %s\n", rl.Title, rl.Rationale)
	fmt.Fprintf(&m, "**%s**\n\n**Why it matters.** %s\n", rl.Title, rl.Rationale)
	if len(rl.References) > 0 {
		t.WriteString("\nLegal references:\n")
		m.WriteString("\n**Legal references.**\n\n")
		for _, ref := range rl.References {
			fmt.Fprintf(&t, "- %s\n", ref)
			fmt.Fprintf(&m, "- %s\n", ref)
		}
	}
	fmt.Fprintf(&t, "\nHow to fix it: %s\n", rl.Remediation)
	fmt.Fprintf(&m, "\n**How to fix it.** %s\n", rl.Remediation)
	if helpURI != "" {
		fmt.Fprintf(&t, "\nDocumentation: %s\n", helpURI)
		fmt.Fprintf(&m, "\n[Rule documentation](%s)\n", helpURI)
	}
	return t.String(), m.String()
}

// siteKeys returns the host a site's default artifact is named after and the
// category key of its run (host and path); a report entry without a site
// is named after its position.
func siteKeys(sr model.SiteReport, i int) (host, category string) {
	if sr.Site != nil {
		if u, err := url.Parse(sr.URL); err == nil && u.Host != "" {
			host = pathSafe(u.Host)
			category = host
			if p := strings.Trim(u.Path, "/"); p != "" {
				category += "/" + pathSafe(p)
			}
			return host, category
		}
	}
	host = fmt.Sprintf("site-%d", i+1)
	return host, host
}

// pathSafe keeps letters, digits and . _ - / of a URL part and turns the
// rest (a port's colon, escapes) into _, so artifact paths and categories
// stay plain relative paths.
func pathSafe(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '.', r == '-', r == '_', r == '/':
			return r
		}
		return '_'
	}, s)
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
