package scanner

import (
	"context"
	"github.com/chromedp/cdproto/network"
	"github.com/privacyscan/privacyscan/scanner/model"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestInstrumentHidden: the page sees neither binding, and the functions
// the instrumentation wraps still say they are native code.
func TestInstrumentHidden(t *testing.T) {
	_, b := startFixture(t, "capture")
	ctx, cancel := b.NewContext(context.Background())
	defer cancel()
	rc := newRecorder()
	if err := setupTab(ctx, rc, "before-consent"); err != nil {
		t.Fatal(err)
	}
	s := newScanner(t, Options{Browser: b, PageTimeout: 10 * time.Second})
	if res, _ := s.loadPage(ctx, rc, "https://shop.test/"); res.Error != "" {
		t.Fatal(res.Error)
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[
	  typeof window.__privacyscanBehave, typeof window.__privacyscanCookie,
	  HTMLCanvasElement.prototype.toDataURL.toString(),
	  Object.getOwnPropertyDescriptor(Navigator.prototype, 'userAgent').get.toString(),
	  Function.prototype.toString.toString(),
	  String(Object.keys(window).filter(k => /privacyscan/i.test(k)).length),
	]`))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"undefined", "undefined", "function toDataURL() { [native code] }", "function get userAgent() { [native code] }", "function toString() { [native code] }", "0"}
	for i := range want {
		if i >= len(got) || got[i] != want[i] {
			t.Errorf("page sees %q, want %q", got, want)
			break
		}
	}
}

// TestBehavioursFromEvents: the instrumentation's reports become one
// behaviour per kind and script, attributed by party; session recording
// needs a whole-document observer, input listeners and a batch carrying
// data from the same script after it began observing.
func TestBehavioursFromEvents(t *testing.T) {
	t0 := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	at := func(s int) time.Time { return t0.Add(time.Duration(s) * time.Second) }
	const fp, rec, helper = "https://fp.tracker.test/fp.js", "https://shop.test/replay.js", "https://shop.test/helper.js"
	events := []behaviourEvent{
		{Kind: "canvas", Script: fp, Detail: "toDataURL", Page: "https://shop.test/", At: at(1)},
		{Kind: "canvas", Script: fp, Detail: "getImageData", Page: "https://shop.test/p", At: at(2)},
		{Kind: "font", Script: fp, Detail: "x", Extra: 30.0, Page: "https://shop.test/", At: at(1)},
		{Kind: "font", Script: fp, Detail: "x", Extra: 50.0, Page: "https://shop.test/", At: at(1)},
		{Kind: "observe", Script: rec, Page: "https://shop.test/", At: at(1)},
		{Kind: "listen", Script: rec, Detail: "input", At: at(1)},
		{Kind: "observe", Script: helper, Page: "https://shop.test/", At: at(1)},
		{Kind: "listen", Script: helper, Detail: "input", At: at(1)},
		{Kind: "bogus", Script: fp},
		{Kind: "webgl", Script: ""},
	}
	req := func(id, method, typ, init string, s int) (network.RequestID, *reqState) {
		st := &reqState{r: model.Request{URL: "https://shop.test/" + id, Method: method, ResourceType: typ, Initiator: "script " + init}}
		st.raw.Started = at(s)
		return network.RequestID(id), st
	}
	r := recording{reqs: map[network.RequestID]*reqState{}}
	for _, x := range []struct {
		id, method, typ, init string
		s                     int
	}{
		{"early", "POST", "Fetch", rec, 0},        // before observing: not a batch
		{"batch1", "POST", "Fetch", rec, 2},       // a batch
		{"batch2", "POST", "Ping", rec, 3},        // a beacon
		{"search", "GET", "Fetch", helper, 3},     // the helper's GET: no batch
		{"other", "POST", "XHR", "https://x/", 3}, // another script's
	} {
		id, st := req(x.id, x.method, x.typ, x.init, x.s)
		r.reqs[id] = st
		r.order = append(r.order, id)
	}
	s := New(Options{})
	got := s.behaviours(events, r, []string{"shop.test"}, nil)
	if len(got) != 3 {
		t.Fatalf("behaviours = %+v", got)
	}
	c, f, sr := got[0], got[1], got[2]
	if c.Kind != model.BehaviourCanvas || c.Count != 2 || c.Page != "https://shop.test/" || c.Party != model.PartyThird || c.Host != "fp.tracker.test" || !strings.Contains(c.Detail, "getImageData, toDataURL") {
		t.Errorf("canvas = %+v", c)
	}
	if f.Kind != model.BehaviourFont || !strings.Contains(f.Detail, "50 font families") {
		t.Errorf("font = %+v", f)
	}
	if sr.Kind != model.BehaviourSessionRecording || sr.Script != rec || sr.Count != 2 || sr.Party != model.PartyFirst || !strings.Contains(sr.Detail, "2 batches") {
		t.Errorf("session recording = %+v", sr)
	}
}
