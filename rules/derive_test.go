package rules

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/privacyscan/privacyscan/scanner/model"
)

func boolPtr(b bool) *bool { return &b }

// TestIsCookieWall pins the coverage threshold on both sides and each way
// out of a wall.
func TestIsCookieWall(t *testing.T) {
	banner := func(coverage float64, locked bool) *model.Banner {
		return &model.Banner{Frame: exHome, Coverage: coverage, ScrollLocked: locked}
	}
	for _, tc := range []struct {
		name string
		r    *model.ConsentResult
		want bool
	}{
		{"nil", nil, false},
		{"no banner", &model.ConsentResult{SettingsAvailable: boolPtr(false)}, false},
		{"coverage just below", &model.ConsentResult{Banner: banner(0.59, false), SettingsAvailable: boolPtr(false)}, false},
		{"coverage at the threshold", &model.ConsentResult{Banner: banner(WallCoverage, false), SettingsAvailable: boolPtr(false)}, false},
		{"coverage just above", &model.ConsentResult{Banner: banner(0.61, false), SettingsAvailable: boolPtr(false)}, true},
		{"full screen", &model.ConsentResult{Banner: banner(1, false), SettingsAvailable: boolPtr(false)}, true},
		{"small but scroll locked", &model.ConsentResult{Banner: banner(0.1, true), SettingsAvailable: boolPtr(false)}, true},
		{"reject available", &model.ConsentResult{Banner: banner(1, true), RejectAvailable: true, SettingsAvailable: boolPtr(false)}, false},
		{"settings available", &model.ConsentResult{Banner: banner(1, true), SettingsAvailable: boolPtr(true)}, false},
		{"settings not measured (old recording)", &model.ConsentResult{Banner: banner(1, true)}, false},
	} {
		if got := IsCookieWall(tc.r); got != tc.want {
			t.Errorf("%s: IsCookieWall = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestIsPixel pins the size threshold on both sides and each condition of
// the size heuristic.
func TestIsPixel(t *testing.T) {
	img := func(mod func(*model.Request)) *model.Request {
		r := model.Request{URL: "https://px.tracker.example/p.gif?uid=1", Host: "px.tracker.example", Party: model.PartyThird,
			Category: "unknown", ResourceType: "Image", TransferBytes: 43, Attribution: model.AttributionNone}
		if mod != nil {
			mod(&r)
		}
		return &r
	}
	for _, tc := range []struct {
		name string
		r    *model.Request
		want bool
	}{
		{"nil", nil, false},
		{"tiny image with a query", img(nil), true},
		{"1 byte", img(func(r *model.Request) { r.TransferBytes = 1 }), true},
		{"just below the threshold", img(func(r *model.Request) { r.TransferBytes = PixelMaxBytes - 1 }), true},
		{"at the threshold", img(func(r *model.Request) { r.TransferBytes = PixelMaxBytes }), false},
		{"just above the threshold", img(func(r *model.Request) { r.TransferBytes = PixelMaxBytes + 1 }), false},
		{"size not measured", img(func(r *model.Request) { r.TransferBytes = 0 }), false},
		{"no query string", img(func(r *model.Request) { r.URL = "https://px.tracker.example/p.gif" }), false},
		{"empty query string", img(func(r *model.Request) { r.URL = "https://px.tracker.example/p.gif?" }), false},
		{"redacted query still a query", img(func(r *model.Request) { r.URL = "https://px.tracker.example/p.gif?uid=REDACTED" }), true},
		{"first party", img(func(r *model.Request) { r.Party = model.PartyFirst }), false},
		{"a script", img(func(r *model.Request) { r.ResourceType = "Script" }), false},
		{"failed", img(func(r *model.Request) { r.Failure = "net::ERR_BLOCKED_BY_CLIENT" }), false},
		{"beacon, whatever its size", img(func(r *model.Request) { r.Beacon, r.ResourceType, r.TransferBytes = true, "Ping", 5000 }), true},
		{"the knowledge base says pixel", img(func(r *model.Request) { r.Pixel, r.TransferBytes = true, 5000 }), true},
	} {
		if got := IsPixel(tc.r); got != tc.want {
			t.Errorf("%s: IsPixel = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestEssentialByDefault: only first-party requests nothing was attributed
// to are the site's own essential traffic.
func TestEssentialByDefault(t *testing.T) {
	for _, tc := range []struct {
		party, attribution string
		want               bool
	}{
		{model.PartyFirst, model.AttributionNone, true},
		{model.PartyFirst, model.AttributionKB, false},
		{model.PartyFirst, model.AttributionCNAME, false},
		{model.PartyFirst, "", false}, // an old recording: its category stands
		{model.PartyThird, model.AttributionNone, false},
	} {
		r := &model.Request{Party: tc.party, Attribution: tc.attribution, Category: "unknown"}
		if got := EssentialByDefault(r); got != tc.want {
			t.Errorf("%s/%q: EssentialByDefault = %v, want %v", tc.party, tc.attribution, got, tc.want)
		}
	}
	if EssentialByDefault(nil) {
		t.Error("EssentialByDefault(nil) = true")
	}
}

// TestDerive: Derive writes the verdicts into the observation, in the
// phases and in the pre-action requests, and a second call changes nothing.
func TestDerive(t *testing.T) {
	wall := &model.ConsentResult{Action: model.ActionDetect, BannerDetected: true,
		Banner: &model.Banner{Frame: exHome, Coverage: 0.9}, SettingsAvailable: boolPtr(false)}
	own := model.Request{URL: "https://shop.test/", Host: "shop.test", Party: model.PartyFirst, Category: "unknown", ResourceType: "Document", Attribution: model.AttributionNone}
	px := model.Request{URL: "https://px.tracker.example/p.gif?uid=1", Host: "px.tracker.example", Party: model.PartyThird,
		Category: "unknown", ResourceType: "Image", TransferBytes: 43, Attribution: model.AttributionNone}
	site := &model.Site{URL: exHome, Phases: map[string]*model.PhaseResult{
		model.PhaseBeforeConsent: {Requests: []model.Request{own, px}, Consent: wall},
		model.PhaseAfterAccept:   {PreAction: &model.PreAction{Requests: []model.Request{px}}},
		model.PhaseDNT:           nil,
	}}
	Derive(site)
	before := site.Phases[model.PhaseBeforeConsent]
	if before.Requests[0].Category != model.CategoryEssential || before.Requests[0].Pixel {
		t.Errorf("own request = %+v", before.Requests[0])
	}
	if !before.Requests[1].Pixel || before.Requests[1].Category != "unknown" {
		t.Errorf("pixel = %+v", before.Requests[1])
	}
	if !before.Consent.CookieWall {
		t.Error("the wall was not derived")
	}
	if !site.Phases[model.PhaseAfterAccept].PreAction.Requests[0].Pixel {
		t.Error("the pre-action pixel was not derived")
	}
	once, _ := json.Marshal(site)
	Derive(site)
	twice, _ := json.Marshal(site)
	if string(once) != string(twice) {
		t.Errorf("Derive is not idempotent:\n%s\n%s", once, twice)
	}
	Derive(nil)
}

// TestDeriveKeepsRecordings: recordings made when the scanner took the
// verdicts itself come out of Derive unchanged, set values included.
func TestDeriveKeepsRecordings(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "sites", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no recordings: %v", err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var site model.Site
		if err := json.Unmarshal(data, &site); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		want, _ := json.Marshal(&site)
		Derive(&site)
		got, _ := json.Marshal(&site)
		if string(got) != string(want) {
			t.Errorf("%s: Derive changed a recording", f)
		}
	}
}

// TestDeriveNeverClears: a verdict already recorded stays even when the
// measurements would not give it.
func TestDeriveNeverClears(t *testing.T) {
	site := &model.Site{Phases: map[string]*model.PhaseResult{model.PhaseBeforeConsent: {
		Requests: []model.Request{{URL: "https://cdn.example/big.png", Party: model.PartyThird, ResourceType: "Image", TransferBytes: 90000, Pixel: true, Category: "advertising"}},
		Consent:  &model.ConsentResult{Banner: &model.Banner{Coverage: 0.1}, SettingsAvailable: boolPtr(true), CookieWall: true},
	}}}
	Derive(site)
	p := site.Phases[model.PhaseBeforeConsent]
	if !p.Requests[0].Pixel || p.Requests[0].Category != "advertising" || !p.Consent.CookieWall {
		t.Errorf("Derive cleared recorded verdicts: %+v %+v", p.Requests[0], p.Consent)
	}
}
