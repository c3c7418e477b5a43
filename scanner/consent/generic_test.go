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
		looks  map[string]string // label → look, measured
	}{
		{"generic-shadow-necessary-sv.test", map[string]string{"Tillåt alla": model.ControlAccept, "Tillåt endast nödvändiga": model.ControlReject, "×": model.ControlReject}, "Tillåt endast nödvändiga", nil},
		{"generic-continue-hr.test", map[string]string{"Prihvati sve": model.ControlAccept, "Nastavi bez prihvaćanja →": model.ControlReject, "Postavke": model.ControlSettings}, "Nastavi bez prihvaćanja →", nil},
		{"generic-settings-fr.test", map[string]string{"Tout accepter": model.ControlAccept, "Personnaliser": model.ControlSettings}, "", nil},
		// A large filled accept over a small pale underlined refusal.
		{"generic-faint-it.test", map[string]string{"Accetta tutti": model.ControlAccept, "Rifiuta tutti": model.ControlReject}, "Rifiuta tutti",
			map[string]string{"Accetta tutti": model.LookFilled, "Rifiuta tutti": model.LookLink}},
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
			byLabel := map[string]model.Control{}
			for _, ctl := range res.Controls {
				byLabel[ctl.Label] = ctl
				if ctl.Box.Area() <= 0 || ctl.FontSize <= 0 || ctl.Contrast < 1 || ctl.Look == "" || ctl.Color == "" || ctl.Background == "" {
					t.Errorf("control %q not measured: %+v", ctl.Label, ctl)
				}
			}
			for label, look := range c.looks {
				if byLabel[label].Look != look {
					t.Errorf("%q looks %q, want %q (%+v)", label, byLabel[label].Look, look, byLabel[label])
				}
			}
			if c.looks != nil {
				acc, rej := byLabel["Accetta tutti"], byLabel["Rifiuta tutti"]
				t.Logf("accept %+v box %+v; reject %+v box %+v", acc, *acc.Box, rej, *rej.Box)
				// #fff on #0a7d32 is 5.3:1; #c4c4c4 on near-white is 1.7:1.
				if acc.Contrast < 4.5 || rej.Contrast > 2 || rej.Box.Area() > acc.Box.Area()/4 || rej.FontSize >= acc.FontSize {
					t.Errorf("accept contrast %.2f area %.0f font %.0f; reject contrast %.2f area %.0f font %.0f", acc.Contrast, acc.Box.Area(), acc.FontSize, rej.Contrast, rej.Box.Area(), rej.FontSize)
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
