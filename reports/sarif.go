package reports

import (
	"encoding/json"
	"io"

	"github.com/privacyscan/privacyscan/rules"
	"github.com/privacyscan/privacyscan/scanner/model"
)

type sarifWriter struct{}

// SARIF 2.1.0, the subset code-scanning dashboards read.
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool    sarifTool     `json:"tool"`
	Results []sarifResult `json:"results"`
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

type sarifText struct {
	Text string `json:"text"`
}

type sarifRule struct {
	ID                   string            `json:"id"`
	ShortDescription     sarifText         `json:"shortDescription"`
	FullDescription      sarifText         `json:"fullDescription"`
	Help                 sarifText         `json:"help"`
	DefaultConfiguration map[string]string `json:"defaultConfiguration"`
	Properties           map[string]any    `json:"properties,omitempty"`
}

type sarifResult struct {
	RuleID              string             `json:"ruleId"`
	Level               string             `json:"level"`
	Message             sarifText          `json:"message"`
	Locations           []sarifLocation    `json:"locations"`
	PartialFingerprints map[string]string  `json:"partialFingerprints"`
	Suppressions        []sarifSuppression `json:"suppressions,omitempty"`
	BaselineState       string             `json:"baselineState,omitempty"`
	Properties          map[string]any     `json:"properties,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
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

func (sarifWriter) Write(w io.Writer, r *model.Report) error {
	Normalize(r)
	run := sarifRun{Tool: sarifTool{Driver: sarifDriver{Name: "privacyscan", Version: r.Tool.Version, InformationURI: "https://github.com/privacyscan/privacyscan", Rules: []sarifRule{}}}, Results: []sarifResult{}}
	seen := map[string]bool{}
	addRule := func(id, title string) {
		if seen[id] {
			return
		}
		seen[id] = true
		sr := sarifRule{ID: id, ShortDescription: sarifText{title}, FullDescription: sarifText{title}, Help: sarifText{title}, DefaultConfiguration: map[string]string{"level": "warning"}}
		if rl, ok := rules.Lookup(id); ok {
			sr.ShortDescription = sarifText{rl.Title}
			sr.FullDescription = sarifText{rl.Rationale}
			sr.Help = sarifText{rl.Remediation}
			sr.DefaultConfiguration = map[string]string{"level": sarifLevel(rl.Severity)}
			sr.Properties = map[string]any{"references": rl.References, "severity": rl.Severity}
		}
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sr)
	}
	for _, s := range r.Sites {
		for _, f := range s.Findings {
			addRule(f.Rule, f.Title)
			uri := ""
			for _, e := range f.Evidence {
				if e.Page != "" {
					uri = e.Page
					break
				}
			}
			if uri == "" && s.Site != nil {
				uri = s.URL
			}
			res := sarifResult{
				RuleID: f.Rule, Level: sarifLevel(f.Severity), Message: sarifText{f.Message},
				Locations:           []sarifLocation{{sarifPhysical{sarifArtifact{uri}}}},
				PartialFingerprints: map[string]string{"privacyscan/v1": f.Fingerprint},
				Properties:          map[string]any{"severity": f.Severity, "evidence": f.Evidence},
			}
			if f.Phase != nil {
				res.Properties["phase"] = *f.Phase
			}
			if f.Suppressed != nil {
				res.Suppressions = []sarifSuppression{{Kind: "external", Justification: f.Suppressed.Reason}}
			}
			if f.Baseline {
				res.BaselineState = "unchanged"
			}
			run.Results = append(run.Results, res)
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLog{Schema: "https://json.schemastore.org/sarif-2.1.0.json", Version: "2.1.0", Runs: []sarifRun{run}})
}
