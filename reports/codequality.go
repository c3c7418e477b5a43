package reports

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"strings"

	"github.com/privacyscan/privacyscan/rules"
	"github.com/privacyscan/privacyscan/scanner/model"
)

// codeQualityWriter writes GitLab's Code Quality report (a subset of the
// Code Climate issue format), which GitLab reads from
// artifacts:reports:codequality and shows in merge requests, new and fixed
// issues compared with the target branch.
type codeQualityWriter struct{}

// codeQualityIssue is one entry of the report; the fields are those GitLab
// reads.
type codeQualityIssue struct {
	Type        string              `json:"type"`
	Description string              `json:"description"`
	CheckName   string              `json:"check_name"`
	Fingerprint string              `json:"fingerprint"`
	Severity    string              `json:"severity"`
	Categories  []string            `json:"categories"`
	Location    codeQualityLocation `json:"location"`
}

type codeQualityLocation struct {
	// Path is the page the finding was observed on: a website has no
	// source file, and GitLab shows the path as text.
	Path  string           `json:"path"`
	Lines codeQualityLines `json:"lines"`
}

type codeQualityLines struct {
	Begin int `json:"begin"`
}

// codeQualitySeverity maps privacyscan's five severities one to one, in
// order, onto GitLab's five (info, minor, major, critical, blocker), so the
// distinctions survive.
func codeQualitySeverity(sev string) string {
	switch sev {
	case rules.Critical:
		return "blocker"
	case rules.High:
		return "critical"
	case rules.Medium:
		return "major"
	case rules.Low:
		return "minor"
	default:
		return "info"
	}
}

// Write writes the findings as a JSON array. Suppressed findings are left
// out: Code Quality has no notion of an accepted issue, and a suppression
// is one. Baseline findings stay in: GitLab compares the report with the
// target branch's itself, and a baseline finding is still there.
func (codeQualityWriter) Write(w io.Writer, r *model.Report) error {
	Normalize(r)
	out := []codeQualityIssue{}
	for i, s := range r.Sites {
		site := ""
		if s.Site != nil {
			site = s.URL
		}
		if ns := notScanned(s); ns != "" {
			// An empty list would read as a clean site: a site that could
			// not be scanned is an issue of its own, with the reasons.
			desc := ns
			if s.Site != nil && len(s.Errors) > 0 {
				desc += " " + strings.Join(s.Errors, "; ")
			}
			name := siteName(s, i)
			sum := sha256.Sum256([]byte("not-scanned\x00" + name))
			out = append(out, codeQualityIssue{
				Type: "issue", Description: Clean(desc, 0), CheckName: "privacyscan-not-scanned",
				Fingerprint: hex.EncodeToString(sum[:16]), Severity: "blocker", Categories: []string{"Security"},
				Location: codeQualityLocation{Path: Clean(name, 0), Lines: codeQualityLines{Begin: 1}},
			})
		}
		for _, f := range s.Findings {
			if f.Suppressed != nil {
				continue
			}
			path := site
			for _, e := range f.Evidence {
				if e.Page != "" {
					path = e.Page
					break
				}
			}
			if path == "" {
				path = "privacyscan"
			}
			fp := f.Fingerprint
			if fp == "" {
				// GitLab needs a fingerprint to tell issues apart across
				// pipelines; derive one from what identifies the finding.
				sum := sha256.Sum256([]byte(f.Rule + "\x00" + path + "\x00" + f.Subject + "\x00" + f.Message))
				fp = hex.EncodeToString(sum[:16])
			}
			out = append(out, codeQualityIssue{
				Type:        "issue",
				Description: Clean(f.Message, 0),
				CheckName:   f.Rule,
				Fingerprint: fp,
				Severity:    codeQualitySeverity(f.Severity),
				Categories:  []string{"Security"},
				Location:    codeQualityLocation{Path: Clean(path, 0), Lines: codeQualityLines{Begin: 1}},
			})
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
