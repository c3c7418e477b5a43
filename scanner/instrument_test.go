package scanner

import (
	"context"
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
