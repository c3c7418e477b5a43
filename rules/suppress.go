package rules

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/privacyscan/privacyscan/scanner/model"
)

// Fingerprint identifies a finding across scans: the rule, the site URL
// normalised (lower-case scheme and host, default port, "www." and query and
// fragment dropped, no trailing slash) and the subject. It is 32 hex digits.
func Fingerprint(rule, siteURL, subject string) string {
	h := sha256.Sum256([]byte(rule + "\x00" + NormaliseURL(siteURL) + "\x00" + subject))
	return hex.EncodeToString(h[:16])
}

// NormaliseURL drops what varies between scans of the same page.
func NormaliseURL(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return strings.ToLower(strings.TrimRight(strings.TrimSpace(raw), "/"))
	}
	host := strings.ToLower(u.Hostname())
	host = strings.TrimPrefix(host, "www.")
	scheme := strings.ToLower(u.Scheme)
	port := u.Port()
	if (scheme == "https" && port == "443") || (scheme == "http" && port == "80") {
		port = ""
	}
	if port != "" {
		host += ":" + port
	}
	return scheme + "://" + host + strings.TrimRight(u.EscapedPath(), "/")
}

// CountsTowardExit reports whether a finding makes the scan fail with
// --fail-on failOn: it is at or above that severity and neither suppressed
// nor in the baseline. failOn "none" (or "off") never fails.
func CountsTowardExit(f model.Finding, failOn string) bool {
	if f.Suppressed != nil || f.Baseline {
		return false
	}
	if failOn == "" {
		failOn = High
	}
	min := model.SeverityRank(failOn)
	if min < 0 {
		return false
	}
	return model.SeverityRank(f.Severity) >= min
}

// CheckFailOn validates a --fail-on value.
func CheckFailOn(s string) error {
	if s == "none" || model.SeverityRank(s) >= 0 {
		return nil
	}
	return fmt.Errorf("--fail-on %q: want one of %s or none", s, strings.Join(model.Severities, ", "))
}

// Suppressor applies a configuration's suppressions to the findings of one
// or more sites and remembers which entries were used, so that stale ones can
// be reported after the last site.
type Suppressor struct {
	file  string
	sups  []model.Suppression
	now   time.Time
	used  []bool
	which []bool // expired entries that would have matched
}

// NewSuppressor prepares the suppressions of cfg (nil is fine) at time now.
func NewSuppressor(cfg *model.Config, now time.Time) *Suppressor {
	s := &Suppressor{now: now}
	if now.IsZero() {
		s.now = time.Now()
	}
	if cfg != nil {
		s.file = cfg.Path
		s.sups = cfg.Suppressions
	}
	s.used = make([]bool, len(s.sups))
	s.which = make([]bool, len(s.sups))
	return s
}

// Apply marks the findings of the site at siteURL that a live suppression
// matches (Finding.Suppressed) and returns them; suppressed findings stay in
// the list. fs is modified in place.
func (s *Suppressor) Apply(siteURL string, fs []model.Finding) []model.Finding {
	for i := range fs {
		for j, sup := range s.sups {
			if !matches(sup, siteURL, fs[i]) {
				continue
			}
			if sup.Expired(s.now) {
				s.which[j] = true
				continue
			}
			s.used[j] = true
			if fs[i].Suppressed == nil {
				fs[i].Suppressed = &model.Waiver{Reason: sup.Reason, Expires: sup.Expires}
			}
		}
	}
	return fs
}

// Notices lists expired suppressions, then those that matched nothing, in
// file order. Call it after the last Apply.
func (s *Suppressor) Notices() []model.SuppressionNotice {
	out := []model.SuppressionNotice{}
	for j, sup := range s.sups {
		where := fmt.Sprintf("%s:%d", s.file, sup.Line)
		switch {
		case sup.Expired(s.now):
			out = append(out, model.SuppressionNotice{Kind: "expired", Suppression: sup,
				Message: fmt.Sprintf("%s: suppression of %s expired on %s and no longer applies%s", where, sup.Rule, sup.Expires, map[bool]string{true: " (it matches findings in this scan)", false: ""}[s.which[j]])})
		case !s.used[j]:
			out = append(out, model.SuppressionNotice{Kind: "stale", Suppression: sup,
				Message: fmt.Sprintf("%s: suppression of %s matched no finding; remove it if the problem is fixed", where, sup.Rule)})
		}
	}
	return out
}

// ApplySuppressions is the single-site form of Suppressor: it marks the
// findings and returns the notices.
func ApplySuppressions(siteURL string, fs []model.Finding, cfg *model.Config, now time.Time) ([]model.Finding, []model.SuppressionNotice) {
	s := NewSuppressor(cfg, now)
	fs = s.Apply(siteURL, fs)
	return fs, s.Notices()
}

// matches reports whether every field the suppression sets matches.
func matches(sup model.Suppression, siteURL string, f model.Finding) bool {
	if sup.Rule != "*" && sup.Rule != f.Rule {
		return false
	}
	if sup.Fingerprint != "" && sup.Fingerprint != f.Fingerprint {
		return false
	}
	if sup.Subject != "" && !model.MatchGlob(sup.Subject, f.Subject) {
		return false
	}
	if sup.URL != "" && !urlMatches(sup.URL, siteURL, f) {
		return false
	}
	return true
}

// urlMatches reports whether the suppression URL is a prefix of the site URL
// or of an evidence URL or page, compared normalised.
func urlMatches(prefix, siteURL string, f model.Finding) bool {
	p := NormaliseURL(prefix)
	cands := []string{siteURL}
	for _, e := range f.Evidence {
		cands = append(cands, e.URL, e.Page)
	}
	for _, c := range cands {
		if c == "" {
			continue
		}
		n := NormaliseURL(c)
		if n == p || strings.HasPrefix(n, p+"/") {
			return true
		}
	}
	return false
}

// Baseline is the set of fingerprints of a previous report.
type Baseline map[string]bool

// LoadBaseline reads a previous JSON report (sites[].findings[].fingerprint).
func LoadBaseline(path string) (Baseline, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading baseline: %w", err)
	}
	return ParseBaseline(data)
}

// ParseBaseline reads the fingerprints of a JSON report. It refuses JSON
// that is not a privacyscan report (schema_version and tool.name), such as
// a SARIF log, which would otherwise read as a baseline without findings
// and let every finding count as new.
func ParseBaseline(data []byte) (Baseline, error) {
	var h model.ReportHeader
	if err := json.Unmarshal(data, &h); err != nil {
		return nil, fmt.Errorf("reading baseline: not a privacyscan JSON report: %w", err)
	}
	if err := h.Check(); err != nil {
		return nil, fmt.Errorf("reading baseline: %w", err)
	}
	var rep model.Report
	if err := json.Unmarshal(data, &rep); err != nil {
		return nil, fmt.Errorf("reading baseline: not a privacyscan JSON report: %w", err)
	}
	return BaselineOf(&rep), nil
}

// BaselineOf is the baseline of a report already read.
func BaselineOf(r *model.Report) Baseline {
	b := Baseline{}
	for _, s := range r.Sites {
		for _, f := range s.Findings {
			if f.Fingerprint != "" {
				b[f.Fingerprint] = true
			}
		}
	}
	return b
}

// Apply marks findings whose fingerprint the baseline holds.
func (b Baseline) Apply(fs []model.Finding) []model.Finding {
	for i := range fs {
		if b[fs[i].Fingerprint] {
			fs[i].Baseline = true
		}
	}
	return fs
}
