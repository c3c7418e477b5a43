package scanner

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/privacyscan/privacyscan/scanner/consent"
	"github.com/privacyscan/privacyscan/scanner/model"
)

// readSignals merges the page's Consent Mode and TCF state into the phase's
// signals; the first value of a key wins.
func (r *phaseRun) readSignals() {
	// Bounded and cancelled with the scan: a hung renderer must not hold
	// an interrupted scan or a site past its budget.
	sctx, cancel := r.bounded(5 * time.Second)
	defer cancel()
	sig, err := readSignals(sctx)
	if err != nil || len(sig) == 0 {
		return
	}
	if r.pr.Signals == nil {
		r.pr.Signals = map[string]string{}
	}
	for k, v := range sig {
		if _, ok := r.pr.Signals[k]; !ok {
			r.pr.Signals[k] = v
		}
	}
}

// addHitConsent records the Consent Mode state Google's own hits carried in
// this phase (their gcs and gcd parameters), as signals "google_hits.gcs"
// and "google_hits.gcd": the distinct values, comma-separated, in order.
func addHitConsent(pr *model.PhaseResult) {
	var gcsList, gcdList []string
	seen := map[string]bool{}
	for _, r := range pr.Requests {
		gcs, gcd, ok := consent.GoogleHitConsent(r.URL)
		if !ok {
			continue
		}
		if gcs != "" && !seen["s"+gcs] {
			seen["s"+gcs] = true
			gcsList = append(gcsList, gcs)
		}
		if gcd != "" && !seen["d"+gcd] {
			seen["d"+gcd] = true
			gcdList = append(gcdList, gcd)
		}
	}
	if len(gcsList)+len(gcdList) == 0 {
		return
	}
	if pr.Signals == nil {
		pr.Signals = map[string]string{}
	}
	if len(gcsList) > 0 {
		pr.Signals["google_hits.gcs"] = strings.Join(gcsList, ",")
	}
	if len(gcdList) > 0 {
		pr.Signals["google_hits.gcd"] = strings.Join(gcdList, ",")
	}
}

// readSignals reads the page's Consent Mode and TCF state and flattens it to
// keys such as "consent_mode.default.ad_storage" and "tcf.tc_string".
func readSignals(ctx context.Context) (map[string]string, error) {
	sig, err := consent.ReadSignals(ctx)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	if cm := sig.ConsentMode; cm != nil {
		for k, v := range cm.Default {
			out["consent_mode.default."+k] = v
		}
		for k, v := range cm.Update {
			out["consent_mode.update."+k] = v
		}
	}
	if t := sig.TCF; t != nil {
		out["tcf.tc_string"] = t.TCString
		out["tcf.cmp_id"] = fmt.Sprint(t.CMPID)
		if t.EventStatus != "" {
			out["tcf.event_status"] = t.EventStatus
		}
	}
	return out, nil
}
