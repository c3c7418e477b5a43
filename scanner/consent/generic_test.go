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
