package rules

import (
	"sync"

	"github.com/privacyscan/privacyscan/scanner/model"
)

// Rule is one entry of the catalogue. Every field but the check is part of the
// catalogue's JSON (privacyscan rules --format json).
type Rule struct {
	// ID is stable: reports, suppressions and baselines refer to it.
	ID string `json:"id"`
	// Title says in a line what the rule checks.
	Title string `json:"title"`
	// Severity applies where Jurisdictions says nothing.
	Severity string `json:"severity"`
	// Rationale explains why the observation matters.
	Rationale string `json:"rationale"`
	// References are the legal texts and guidance the rule rests on.
	References []string `json:"references"`
	// Remediation says how a site fixes it.
	Remediation string `json:"remediation"`
	// Jurisdictions maps a jurisdiction (see Jurisdictions) to the rule's
	// severity there, or "off" where the rule does not apply. Jurisdictions
	// not listed use their group's entry ("eu", "us"), then Severity.
	Jurisdictions map[string]string `json:"jurisdictions,omitempty"`
	// Custom is true for rules defined in the configuration file.
	Custom bool `json:"custom,omitempty"`
	// Examples are recorded observations the rule must fire on (Fires) and
	// must stay silent on; a test runs every one.
	Examples []Example `json:"examples"`

	check func(c *evalContext) []model.Finding
}

// Example is a recorded observation with the expected verdict.
type Example struct {
	// Name says what the example shows.
	Name string `json:"name"`
	// Fires is true for a positive example.
	Fires bool `json:"fires"`
	// Site is the observation. It is left out of the catalogue's JSON.
	Site *model.Site `json:"-"`
	// Jurisdiction, when set, evaluates the example there.
	Jurisdiction string `json:"jurisdiction,omitempty"`
}

// registry returns the catalogue, built once: building it builds every
// example's recorded site, which Evaluate should not pay for on each call.
// The returned slice is a copy; the examples' sites are shared and must not
// be modified.
func registry() []Rule {
	return append([]Rule(nil), builtins()...)
}

var builtins = sync.OnceValue(buildRegistry)

// buildRegistry is the catalogue, in documentation order. It is an explicit
// slice so that what runs is what is read here.
func buildRegistry() []Rule {
	return []Rule{
		// Consent (the spine).
		trackingBeforeConsent(),
		cookieBeforeConsent(),
		trackingAfterReject(),
		cookieAfterReject(),
		storageBeforeConsent(),
		storageAfterReject(),
		noConsentBanner(),
		noRejectOption(),
		rejectHarderThanAccept(),
		preTickedPurposes(),
		cookieWall(),
		bannerReturnsAfterReject(),
		consentModeDefaultGranted(),
		// Do Not Track and Global Privacy Control.
		dntIgnored(),
		dntNotDisclosed(),
		gpcIgnored(),
		// Policy.
		policyNotFound(),
		policyIncomplete(),
		policyOutdated(),
		undisclosedThirdParty(),
		undisclosedTransfer(),
		// The policy's own claims.
		claimConsentContradicted(),
		claimNoSaleContradicted(),
		claimIPAnonymisationContradicted(),
		claimDataLocationContradicted(),
		// Cookies.
		cookieExcessiveLifetime(),
		cookieInsecure(),
		// What trackers do: typed data leaving the page, fingerprinting,
		// session recording, and the policy's silence on them.
		piiLeakToThirdParty(),
		keylogging(),
		fingerprinting(),
		sessionRecordingBeforeConsent(),
		undisclosedPIISharing(),
		undisclosedFingerprinting(),
		undisclosedSessionRecording(),
	}
}

// Catalogue returns the built-in rules in documentation order.
func Catalogue() []Rule {
	return registry()
}

// CatalogueWith returns the built-in rules followed by the custom rules of
// cfg (nil is fine), as Evaluate runs them.
func CatalogueWith(cfg *model.Config) []Rule {
	rs := registry()
	if cfg != nil {
		for _, cr := range cfg.CustomRules {
			rs = append(rs, customRule(cr))
		}
	}
	return rs
}

// Lookup returns the built-in rule with the id.
func Lookup(id string) (Rule, bool) {
	for _, r := range registry() {
		if r.ID == id {
			return r, true
		}
	}
	return Rule{}, false
}
