package consent

import (
	"encoding/base64"
	"fmt"
	"path/filepath"
	"strings"
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
		{"cookiebot reject", Reject, nil, []rawRecord{{Name: "CookieConsent", Value: "{stamp:%27x%27%2Cnecessary:true%2Cpreferences:false%2Cstatistics:false%2Cmarketing:false%2Cmethod:%27explicit%27%2Cver:1}"}}, new(true)},
		{"cookiebot reject recorded as all granted", Reject, nil, []rawRecord{{Name: "CookieConsent", Value: "{stamp:'x',necessary:true,preferences:true,statistics:true,marketing:true}"}}, new(false)},
		{"onetrust accept", Accept, nil, []rawRecord{{Name: "OptanonConsent", Value: "isGpcEnabled=0&datestamp=x&groups=C0001%3A1%2CC0002%3A1%2CC0004%3A1"}}, new(true)},
		{"onetrust reject", Reject, nil, []rawRecord{{Name: "OptanonConsent", Value: "groups=C0001%3A1%2CC0002%3A0%2CC0004%3A0"}}, new(true)},
		{"cc_cookie v3 reject", Reject, nil, []rawRecord{{Name: "cc_cookie", Value: `{"categories":["necessary"],"revision":0}`}}, new(true)},
		{"cc_cookie v3 reject that kept analytics", Reject, nil, []rawRecord{{Name: "cc_cookie", Value: `{"categories":["necessary","analytics"],"revision":0}`}}, new(false)},
		{"klaro reject, a required service stays on", Reject, nil, []rawRecord{{Name: "klaro", Value: `{"session":true,"matomo":false,"youtube":false}`}}, new(true)},
		{"klaro accept", Accept, nil, []rawRecord{{Name: "klaro", Value: `{"session":true,"matomo":true}`}}, new(true)},
		{"tarteaucitron reject", Reject, nil, []rawRecord{{Name: "tarteaucitron", Value: "!gtag=false!youtube=false"}}, new(true)},
		{"tarteaucitron accept recorded as all refused", Accept, nil, []rawRecord{{Name: "tarteaucitron", Value: "!gtag=false!youtube=false"}}, new(false)},
		{"cookieyes reject", Reject, nil, []rawRecord{{Name: "cookieyes-consent", Value: "consentid:abc,consent:no,action:yes,necessary:yes,functional:no,analytics:no,advertisement:no"}}, new(true)},
		{"complianz reject", Reject, nil, []rawRecord{{Name: "cmplz_marketing", Value: "deny"}, {Name: "cmplz_statistics", Value: "deny"}}, new(true)},
		{"orejime v3 reject", Reject, nil, []rawRecord{{Name: "eu-consent", Value: "%7B%22analytics%22%3Afalse%2C%22ads%22%3Afalse%7D"}}, new(true)},
		{"osano opt-in reject", Reject, nil, []rawRecord{{Name: "cookieconsent_status", Value: "deny"}}, new(true)},
		{"osano reject recorded as allow", Reject, nil, []rawRecord{{Name: "cookieconsent_status", Value: "allow"}}, new(false)},
		{"cookie-consent-js accept", Accept, nil, []rawRecord{{Name: "cookie-consent-tracking-allowed", Value: "true"}}, new(true)},
		{"porsche banner reject", Reject, nil, []rawRecord{{Name: "cookies_accepted_categories", Value: "technically_required"}}, new(true)},
		{"porsche banner accept", Accept, nil, []rawRecord{{Name: "cookies_accepted_categories", Value: "technically_required,analytics,marketing"}}, new(true)},
		{"record of no known format", Reject, nil, []rawRecord{{Name: "cookie_consent", Value: "necessary"}}, new(true)},
		{"item of no known format whose value states nothing", Reject, nil, []rawRecord{{Name: "cookie_consent", Value: "d41d8cd98f00b204e9800998ecf8427e"}}, nil},
		{"tcf reject", Reject, &model.Signals{TCF: tcf()}, nil, new(true)},
		{"tcf reject with every purpose", Reject, &model.Signals{TCF: tcf(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)}, nil, new(false)},
		{"tcf accept", Accept, &model.Signals{TCF: tcf(1, 2, 3, 4, 7, 9, 10)}, nil, new(true)},
		{"consent mode reject", Reject, &model.Signals{ConsentMode: cm(map[string]string{"ad_storage": "denied", "analytics_storage": "denied"})}, nil, new(true)},
		{"consent mode granted after reject", Reject, &model.Signals{ConsentMode: cm(map[string]string{"ad_storage": "granted", "analytics_storage": "granted"})}, nil, new(false)},
		{"consent mode accept without update", Accept, &model.Signals{ConsentMode: cm(nil)}, nil, new(false)},
		{"tcf reject but the record grants all", Reject, &model.Signals{TCF: tcf()}, []rawRecord{{Name: "CookieConsent", Value: "{necessary:true,preferences:true,statistics:true,marketing:true}"}}, new(false)},
		{"malformed records", Reject, nil, []rawRecord{{Name: "cc_cookie", Value: "{"}, {Name: "klaro", Value: "[1]"}, {Name: "OptanonConsent", Value: "%zz"}, {Name: "CookieConsent", Value: "-1"}}, nil},
		{"storm cookie-banner reject", Reject, nil, []rawRecord{{Name: ".CookiePreferences", Value: "eyJjb25zZW50Ijp7InBlcmZvcm1hbmNlIjowLCJ0aGlyZFBhcnR5IjowfX0="}}, new(true)},
		{"storm cookie-banner reject recorded as granted", Reject, nil, []rawRecord{{Name: ".CookiePreferences", Value: "eyJjb25zZW50Ijp7InBlcmZvcm1hbmNlIjoxfX0="}}, new(false)},
		{"storm cookie-banner not base64", Accept, nil, []rawRecord{{Name: ".CookiePreferences", Value: "%%%"}}, nil},
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

// TestProveGenericRecord reads cookies and storage items of no known
// format: the value shapes sites use to record categories, in the EU
// languages, and values that state nothing (session ids, tokens, blobs),
// which must be ignored.
func TestProveGenericRecord(t *testing.T) {
	b64 := func(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }
	cases := []struct {
		name, value string
		where       string
		appeared    bool // the item appeared because of the click
		want        bool // read as a record
	}{
		// JSON objects of category → yes or no.
		{"cookie_consent", `{"necessary":true,"analytics":false,"marketing":false}`, "", false, true},
		{"cookie_consent", `{"necessary":true,"analytics":true,"marketing":true}`, "", false, true},
		{"site_consent", `{"statistics":"granted","advertising":"denied"}`, "localStorage", false, true},
		{"privacy-settings", `{"ad_storage":"denied","analytics_storage":"denied","functionality_storage":"granted"}`, "localStorage", false, true},
		{"cookiePrefs", `{"version":3,"updated":"2026-01-02T10:00:00Z","categories":{"analytics":false,"marketing":false,"preferences":true}}`, "localStorage", false, true},
		{"gdpr", `{"consent":{"performance":1,"targeting":0}}`, "", false, true},
		{"cmp_state", `{"purposes":{"Statistik":"allow","Marketing":"deny"}}`, "", false, true},
		{"einwilligung", `{"Statistiken":true,"Werbung":false,"Notwendig":true}`, "", false, true},
		{"consentement", `{"mesure_audience":"oui","publicite":"non"}`, "", false, true},
		{"preferencias_cookies", `{"analiticas":"si","publicidad":"no"}`, "", false, true},
		{"zgoda_cookies", `{"analityczne":true,"reklamowe":false,"niezbedne":true}`, "", false, true},
		{"souhlas", `{"analyticke":1,"marketingove":0}`, "", false, true},
		{"hozzajarulas", `{"statisztika":true,"hirdetes":false}`, "", false, true},
		{"privola", `{"analitika":"da","oglasavanje":"ne"}`, "", false, true},
		{"samtycke", `{"statistik":"ja","marknadsforing":"nej"}`, "", false, true},
		{"съгласие", `{"статистика":true,"реклама":false}`, "localStorage", false, true},
		{"συναίνεση", `{"στατιστικά":true,"διαφήμιση":false}`, "localStorage", false, true},
		{"cookie_settings", `{"analytics":{"enabled":false,"label":"Analytics"},"marketing":{"enabled":false}}`, "", false, true},
		// Lists of accepted (or rejected) categories.
		{"cookie_consent", `["necessary","analytics"]`, "", false, true},
		{"cookie_consent", `["necessary"]`, "", false, true},
		{"cookie_consent", `[]`, "", false, true},
		{"cookie_choice", `{"accepted":["necessary"],"rejected":["analytics","marketing"]}`, "localStorage", false, true},
		{"cookie_choice", `{"acceptedCategories":["necessary","analytics","marketing"],"services":["ga","fbq"]}`, "localStorage", false, true},
		{"consent", "necessary,analytics,marketing", "", false, true},
		{"kolacici_izbor", "Analitika+Oglašavanje", "", false, true},
		{"cookie_level", "necessary|functional", "", false, true},
		// Pairs.
		{"consent_prefs", "analytics=1&marketing=0", "", false, true},
		{"consent_prefs", "analytics%3D1%26marketing%3D0", "", false, true},
		{"cookie-consent", "necessary:true,analytics:false,ads:false", "", false, true},
		{"trackingConsent", "!statistics=yes!advertising=no", "", false, true},
		// Statuses.
		{"cookie_consent", "all", "", false, true},
		{"cookie_consent", "necessary", "", false, true},
		{"cookie-hinweis", "alle", "localStorage", false, true},
		{"cookie-hinweis", "notwendig", "localStorage", false, true},
		{"choix_cookies", "aucun", "", false, true},
		{"scelta_cookie", "tutti", "", false, true},
		{"cookiekeuze", "noodzakelijk", "", false, true},
		{"slapuku_pasirinkimas", "visi", "", false, true},
		{"souhlas_cookies", "vše", "", false, true},
		{"acord_cookie", "necesare", "", false, true},
		{"consent_status", `"accepted"`, "sessionStorage", false, true},
		{"cookie_consent", `{"status":"rejected","ts":1760000000}`, "", false, true},
		// One yes or no, where the name records an agreement or names the
		// category.
		{"zgoda", "tak", "", false, true},
		{"zgoda", "nie", "", false, true},
		{"consenso", "si", "", false, true},
		{"cookie_ok", "ja", "", false, true},
		{"tracking_consent", "false", "localStorage", false, true},
		{"cookies_publicidad", "si", "", false, true},
		{"allow_analytics_cookies", "0", "", false, true},
		// A structure of categories under a name that gives no hint, read
		// only when it appeared because of the click.
		{"_xyz_state", `{"analytics":false,"marketing":false}`, "localStorage", true, true},
		{"_xyz_state", `{"analytics":false,"marketing":false}`, "localStorage", false, false},
		{"_xyz_state", `{"analytics":false}`, "localStorage", true, false},
		{"_xyz_state", "1", "", true, false},
		{"_gat", "1", "", true, false},
		{"_xyz_state", "all", "", true, false},
		// Base64 of JSON.
		{"cookie_consent", b64(`{"analytics":0,"marketing":0}`), "", false, true},
		// Negatives: what states no categories.
		{"cookie_consent", "d41d8cd98f00b204e9800998ecf8427e", "", false, false},
		{"consent_id", "9f1c3a7e-5b2d-4e8f-a1c0-7d3e2b9f6a14", "", false, false},
		{"cookie_consent", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.dBjftJeZ4CVP", "", false, false},
		{"cookie_consent", b64("\x89PNG\r\n\x1a\n random bytes here"), "", false, false},
		{"cookie_consent", b64(`{"user":"u-123","ts":1760000000}`), "", false, false},
		{"cookie_consent", "1760000000", "", false, false},
		{"cookie_consent", "2", "", false, false},
		{"cookie_consent", "custom", "", false, false},
		{"cookie_consent", "https://shop.example/return?to=/cart", "", false, false},
		{"cookie_consent", "id=abc123&ts=1760000000", "", false, false},
		// django-cookie-consent: a version date per accepted group, -1 per
		// declined one; neither is a yes or no.
		{"cookie_consent", "analytics=-1|marketing=-1", "", false, false},
		{"cookie_consent", "analytics=2026-01-15T10:00:00|marketing=2026-01-15T10:00:00", "", false, false},
		{"cookie_consent", `{"id":"abc","analytics":true,"statistics":false}`, "", false, false}, // contradicts itself
		{"cookie_consent", `["ga","fbq","hotjar"]`, "", false, false},
		{"cookie_consent", `["necessary","zz-unknown"]`, "", false, false},
		{"cookie_consent", "necessary,sessionid", "", false, false},
		{"cookie_notice", "1", "", false, false},
		{"consentGiven", "true", "", false, false},
		{"hasConsented", "1", "localStorage", false, false},
		{"consent_interaction", "true", "localStorage", false, false},
		{"cookie_consent_set", "yes", "", false, false},
		{"cookie_consent_id", "1", "", false, false},
		{"cookie_banner_seen", "yes", "", false, false},
		{"cookie_test", "true", "", false, false},
		{"gdpr", "1", "", false, false},
		{"cmp_session", "a8Zx0qPl3", "sessionStorage", false, false},
		{"PHPSESSID", "abc123def456", "", true, false},
		{"_ga", "GA1.1.123456789.1760000000", "", true, false},
		{"cookie_consent", strings.Repeat(`{"analytics":true}`, 300), "", false, false},
	}
	type out struct {
		Name     string                    `json:"name"`
		Shape    string                    `json:"shape"`
		Appeared bool                      `json:"appeared,omitempty"`
		Record   *model.ConsentRecordState `json:"record"`
	}
	var got []out
	for i, c := range cases {
		var appeared []string
		if c.appeared {
			appeared = []string{c.name}
			if c.where == "localStorage" {
				appeared = []string{"localStorage:" + c.name}
			}
		}
		recs := readRecordsAfter([]rawRecord{{Name: c.name, Value: c.value, Where: c.where}}, appeared)
		if (len(recs) == 1) != c.want || len(recs) > 1 {
			t.Errorf("case %d %s=%q: records %+v, want a record %v", i, c.name, c.value, recs, c.want)
		}
		o := out{Name: c.name, Shape: shapeOf(c.value), Appeared: c.appeared}
		if len(recs) == 1 {
			o.Record = &recs[0]
			if strings.Contains(fmt.Sprint(recs[0]), c.value) && len(c.value) > 3 {
				t.Errorf("case %d: the record keeps the value: %+v", i, recs[0])
			}
		}
		got = append(got, o)
	}
	golden.AssertJSON(t, filepath.Join("testdata", "golden", "prove-generic.json"), got)
}

// shapeOf describes a test value in the golden file without the value
// itself, which stands for personal data.
func shapeOf(v string) string {
	if len(v) > 60 {
		return fmt.Sprintf("%d characters", len(v))
	}
	return v
}
