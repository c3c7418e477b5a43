package consent

import (
	"context"
	"testing"

	"github.com/privacyscan/privacyscan/scanner/model"
)

func TestGenericAcceptReject(t *testing.T) {
	e := newEngine(t, Options{})
	for _, action := range []model.ConsentAction{Accept, Reject} {
		t.Run(string(action), func(t *testing.T) {
			ctx := open(t, "generic-en.test", "/")
			res, err := e.Act(ctx, action)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%+v", res)
			if !res.BannerDetected || !res.Clicked || !res.Verified || res.CMP != "generic" || res.Method != "generic" {
				t.Fatalf("result %+v", res)
			}
			if res.Clicks != 1 || !res.FirstLayer {
				t.Errorf("clicks %d first layer %v", res.Clicks, res.FirstLayer)
			}
			want := map[model.ConsentAction]string{Accept: "Accept all", Reject: "Reject all"}[action]
			if res.Elements[0].Text != want || res.Elements[0].Input != "mouse" {
				t.Errorf("clicked %+v, want %q by mouse", res.Elements[0], want)
			}
			if len(res.ConsentRecord) != 1 || res.ConsentRecord[0] != "cookie_consent" {
				t.Errorf("consent record %v", res.ConsentRecord)
			}
			sig, err := ReadSignals(ctx)
			if err != nil {
				t.Fatal(err)
			}
			wantAds := map[model.ConsentAction]string{Accept: "granted", Reject: "denied"}[action]
			if sig.ConsentMode == nil || sig.ConsentMode.Default["ad_storage"] != "denied" || sig.ConsentMode.Granted("ad_storage") != wantAds {
				t.Errorf("consent mode %+v", sig.ConsentMode)
			}
		})
	}
	_ = context.Background
}

// TestClassifyControls checks consent.controls on banners the vocabulary
// was not tuned on, and that a reject takes the first-layer refusal shown.
func TestClassifyControls(t *testing.T) {
	e := newEngine(t, Options{SettingsPeek: -1})
	for _, c := range []struct {
		host   string
		want   map[string]string // label → class
		reject string            // the label a reject clicks
	}{
		{"generic-shadow-necessary-sv.test", map[string]string{"Tillåt alla": model.ControlAccept, "Tillåt endast nödvändiga": model.ControlReject, "×": model.ControlReject}, "Tillåt endast nödvändiga"},
		{"generic-continue-hr.test", map[string]string{"Prihvati sve": model.ControlAccept, "Nastavi bez prihvaćanja →": model.ControlReject, "Postavke": model.ControlSettings}, "Nastavi bez prihvaćanja →"},
		{"generic-settings-fr.test", map[string]string{"Tout accepter": model.ControlAccept, "Personnaliser": model.ControlSettings}, ""},
	} {
		t.Run(c.host, func(t *testing.T) {
			res, err := e.Act(open(t, c.host, "/"), Detect)
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]string{}
			for _, ctl := range res.Controls {
				got[ctl.Label] = ctl.Class
				if ctl.Reason == "" || ctl.Tag == "" || ctl.Frame == "" {
					t.Errorf("control %+v lacks reason, tag or frame", ctl)
				}
			}
			for label, class := range c.want {
				if got[label] != class {
					t.Errorf("%q is %q, want %q (controls %+v)", label, got[label], class, res.Controls)
				}
			}
			if model.ShowsReject(res.Controls) != (c.reject != "") || res.RejectAvailable != (c.reject != "") {
				t.Errorf("shows reject %v, reject available %v", model.ShowsReject(res.Controls), res.RejectAvailable)
			}
			if c.reject == "" {
				return
			}
			rej, err := e.Act(open(t, c.host, "/"), Reject)
			if err != nil {
				t.Fatal(err)
			}
			if !rej.Verified || !rej.FirstLayer || rej.Clicks != 1 || rej.Elements[0].Text != c.reject {
				t.Errorf("reject: verified %v first layer %v clicks %+v, want %q", rej.Verified, rej.FirstLayer, rej.Elements, c.reject)
			}
		})
	}
}
