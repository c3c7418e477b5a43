package model

// Severities, lowest to highest.
const (
	SeverityInfo     = "info"
	SeverityLow      = "low"
	SeverityMedium   = "medium"
	SeverityHigh     = "high"
	SeverityCritical = "critical"
)

// Severities lists the severities from lowest to highest.
var Severities = []string{SeverityInfo, SeverityLow, SeverityMedium, SeverityHigh, SeverityCritical}

// SeverityRank orders severities; unknown ones rank below info.
func SeverityRank(s string) int {
	for i, v := range Severities {
		if v == s {
			return i
		}
	}
	return -1
}

// Finding is one judged problem with its evidence. Field names are part of the
// JSON contract.
type Finding struct {
	Rule     string     `json:"rule"`
	Severity string     `json:"severity"`
	Phase    *string    `json:"phase"`
	Message  string     `json:"message"`
	Evidence []Evidence `json:"evidence"`
	// Title is the rule's title, for readers of the report.
	Title string `json:"title,omitempty"`
	// Subject is what the finding is about within the site (a vendor id, a
	// host, a cookie name and domain); it is part of the fingerprint.
	Subject string `json:"subject,omitempty"`
	// Fingerprint is stable across scans of the same site: rule, normalised
	// URL and subject. Baselines and SARIF partialFingerprints use it.
	Fingerprint string `json:"fingerprint"`
	// Suppressed is set when a configured suppression matched; the finding
	// is kept in the report but does not count toward the exit code.
	Suppressed *Waiver `json:"suppressed,omitempty"`
	// Baseline is true when the same fingerprint was in the --baseline report.
	Baseline bool `json:"baseline,omitempty"`
}

// Evidence points at the observation behind a finding.
type Evidence struct {
	// Kind is page, request, cookie, storage, policy, consent, config or
	// script (a script that fingerprinted or recorded the session).
	Kind string `json:"kind"`
	// Page is the page on which it was observed.
	Page string `json:"page,omitempty"`
	// URL of a request, or the policy URL.
	URL string `json:"url,omitempty"`
	// Name of a cookie or storage key.
	Name string `json:"name,omitempty"`
	// Domain or host.
	Domain string `json:"domain,omitempty"`
	Vendor string `json:"vendor,omitempty"`
	// Detail is free text: a policy sentence, a lifetime, a click count.
	Detail string `json:"detail,omitempty"`
}

// Waiver says why a finding is accepted and until when: the reason and
// expiry of the configured Suppression that matched it.
type Waiver struct {
	Reason  string `json:"reason"`
	Expires string `json:"expires,omitempty"`
}

// SuppressionNotice reports a configured suppression that no longer does its
// job: expired (it stopped applying) or stale (it matched nothing).
type SuppressionNotice struct {
	// Kind is "expired" or "stale".
	Kind        string      `json:"kind"`
	Suppression Suppression `json:"suppression"`
	// Message is a sentence for the report, naming the file and line.
	Message string `json:"message"`
}
