package consent

import (
	"path/filepath"
	"testing"

	"github.com/privacyscan/privacyscan/internal/golden"
	"github.com/privacyscan/privacyscan/scanner/model"
)

// TestProve reads consent records of the known formats and judges choices
// from them and from TCF and Consent Mode, on both sides.
func TestProve(t *testing.T) {
	tcf := func(purposes ...int) *model.TCF {
		return &model.TCF{Decoded: &model.TCString{CMPID: 10, Purposes: purposes}}
	}
	cm := func(update map[string]string) *model.ConsentMode {
		return &model.ConsentMode{Default: map[string]string{"ad_storage": "denied", "analytics_storage": "denied"}, Update: update}
	}
	cases := []struct {
		name   string
		action model.ConsentAction
		sig    *model.Signals
		raw    []rawRecord
		want   *bool // nil: no proof
	}{
		{"cookiebot reject", Reject, nil, []rawRecord{{"CookieConsent", "{stamp:%27x%27%2Cnecessary:true%2Cpreferences:false%2Cstatistics:false%2Cmarketing:false%2Cmethod:%27explicit%27%2Cver:1}"}}, new(true)},
		{"cookiebot reject recorded as all granted", Reject, nil, []rawRecord{{"CookieConsent", "{stamp:'x',necessary:true,preferences:true,statistics:true,marketing:true}"}}, new(false)},
		{"onetrust accept", Accept, nil, []rawRecord{{"OptanonConsent", "isGpcEnabled=0&datestamp=x&groups=C0001%3A1%2CC0002%3A1%2CC0004%3A1"}}, new(true)},
		{"onetrust reject", Reject, nil, []rawRecord{{"OptanonConsent", "groups=C0001%3A1%2CC0002%3A0%2CC0004%3A0"}}, new(true)},
		{"cc_cookie v3 reject", Reject, nil, []rawRecord{{"cc_cookie", `{"categories":["necessary"],"revision":0}`}}, new(true)},
		{"cc_cookie v3 reject that kept analytics", Reject, nil, []rawRecord{{"cc_cookie", `{"categories":["necessary","analytics"],"revision":0}`}}, new(false)},
		{"klaro reject, a required service stays on", Reject, nil, []rawRecord{{"klaro", `{"session":true,"matomo":false,"youtube":false}`}}, new(true)},
		{"klaro accept", Accept, nil, []rawRecord{{"klaro", `{"session":true,"matomo":true}`}}, new(true)},
		{"tarteaucitron reject", Reject, nil, []rawRecord{{"tarteaucitron", "!gtag=false!youtube=false"}}, new(true)},
		{"tarteaucitron accept recorded as all refused", Accept, nil, []rawRecord{{"tarteaucitron", "!gtag=false!youtube=false"}}, new(false)},
		{"cookieyes reject", Reject, nil, []rawRecord{{"cookieyes-consent", "consentid:abc,consent:no,action:yes,necessary:yes,functional:no,analytics:no,advertisement:no"}}, new(true)},
		{"complianz reject", Reject, nil, []rawRecord{{"cmplz_marketing", "deny"}, {"cmplz_statistics", "deny"}}, new(true)},
		{"orejime v3 reject", Reject, nil, []rawRecord{{"eu-consent", "%7B%22analytics%22%3Afalse%2C%22ads%22%3Afalse%7D"}}, new(true)},
		{"osano opt-in reject", Reject, nil, []rawRecord{{"cookieconsent_status", "deny"}}, new(true)},
		{"osano reject recorded as allow", Reject, nil, []rawRecord{{"cookieconsent_status", "allow"}}, new(false)},
		{"cookie-consent-js accept", Accept, nil, []rawRecord{{"cookie-consent-tracking-allowed", "true"}}, new(true)},
		{"porsche banner reject", Reject, nil, []rawRecord{{"cookies_accepted_categories", "technically_required"}}, new(true)},
		{"porsche banner accept", Accept, nil, []rawRecord{{"cookies_accepted_categories", "technically_required,analytics,marketing"}}, new(true)},
		{"unknown cookie only", Reject, nil, []rawRecord{{"cookie_consent", "necessary"}}, nil},
		{"tcf reject", Reject, &model.Signals{TCF: tcf()}, nil, new(true)},
		{"tcf reject with every purpose", Reject, &model.Signals{TCF: tcf(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)}, nil, new(false)},
		{"tcf accept", Accept, &model.Signals{TCF: tcf(1, 2, 3, 4, 7, 9, 10)}, nil, new(true)},
		{"consent mode reject", Reject, &model.Signals{ConsentMode: cm(map[string]string{"ad_storage": "denied", "analytics_storage": "denied"})}, nil, new(true)},
		{"consent mode granted after reject", Reject, &model.Signals{ConsentMode: cm(map[string]string{"ad_storage": "granted", "analytics_storage": "granted"})}, nil, new(false)},
		{"consent mode accept without update", Accept, &model.Signals{ConsentMode: cm(nil)}, nil, new(false)},
		{"tcf reject but the record grants all", Reject, &model.Signals{TCF: tcf()}, []rawRecord{{"CookieConsent", "{necessary:true,preferences:true,statistics:true,marketing:true}"}}, new(false)},
		{"malformed records", Reject, nil, []rawRecord{{"cc_cookie", "{"}, {"klaro", "[1]"}, {"OptanonConsent", "%zz"}, {"CookieConsent", "-1"}}, nil},
		{"storm cookie-banner reject", Reject, nil, []rawRecord{{".CookiePreferences", "eyJjb25zZW50Ijp7InBlcmZvcm1hbmNlIjowLCJ0aGlyZFBhcnR5IjowfX0="}}, new(true)},
		{"storm cookie-banner reject recorded as granted", Reject, nil, []rawRecord{{".CookiePreferences", "eyJjb25zZW50Ijp7InBlcmZvcm1hbmNlIjoxfX0="}}, new(false)},
		{"storm cookie-banner not base64", Accept, nil, []rawRecord{{".CookiePreferences", "%%%"}}, nil},
	}
	type out struct {
		Name    string                     `json:"name"`
		Action  model.ConsentAction        `json:"action"`
		Records []model.ConsentRecordState `json:"records,omitempty"`
		Effect  *model.ChoiceEffect        `json:"effect"`
	}
	var got []out
	for _, c := range cases {
		sig := c.sig
		if sig == nil {
			sig = &model.Signals{}
		}
		sig.Records = readRecords(c.raw)
		eff := Prove(c.action, sig)
		if (eff == nil) != (c.want == nil) || eff != nil && eff.Effective != *c.want {
			t.Errorf("%s: effect %+v, want %v", c.name, eff, c.want)
		}
		got = append(got, out{c.name, c.action, sig.Records, eff})
	}
	golden.AssertJSON(t, filepath.Join("testdata", "golden", "prove.json"), got)
}
