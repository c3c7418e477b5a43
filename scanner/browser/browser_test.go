package browser

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/storage"
	"github.com/chromedp/chromedp"
)

// TestThirdPartyCookiesAllowed checks that a browser context accepts
// third-party cookies and that host rules route hostnames to the test server,
// as a default desktop Chrome would (a fresh headless profile blocks them).
// It launches a browser of its own on purpose: what it tests is Launch, the
// profile preferences it seeds and the host rules it passes.
func TestThirdPartyCookiesAllowed(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case strings.HasPrefix(r.Host, "tracker.test"):
			http.SetCookie(w, &http.Cookie{Name: "tp", Value: "1", MaxAge: 3600, Secure: true, SameSite: http.SameSiteNoneMode})
			w.Header().Set("Content-Type", "image/gif")
		default:
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte(`<html><body><img src="https://tracker.test/p.gif"></body></html>`))
		}
	}))
	defer srv.Close()
	addr := strings.TrimPrefix(srv.URL, "https://")
	b, err := Launch(context.Background(), Options{
		HostRules: []string{"MAP shop.test " + addr, "MAP tracker.test " + addr},
		Insecure:  true,
	})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	ctx, cancel := b.NewContext(context.Background())
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate("https://shop.test/")); err != nil {
		t.Fatal(err)
	}
	res, err := chromedp.CallBrowser(ctx, storage.GetCookies, storage.GetCookiesParams{BrowserContextID: chromedp.FromContext(ctx).BrowserContextID})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range res.Cookies {
		names = append(names, c.Name+"@"+c.Domain)
	}
	if !strings.Contains(strings.Join(names, ","), "tp@tracker.test") {
		t.Fatalf("third-party cookie missing; have %v", names)
	}
}

// TestClosedBrowser: with Closed, a request to a host the rules do not map
// goes to the dead loopback proxy and fails, so a page cannot make the
// browser leave the machine (the same holds for IP literals, which the host
// rules cannot catch; the test does not try one, so that it never sends a
// packet off the machine if the guard broke). Closed is a launch option, so
// the test launches a browser of its own.
func TestClosedBrowser(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(`<html><body><img src="https://unrouted.test/x.gif"></body></html>`))
	}))
	defer srv.Close()
	addr := strings.TrimPrefix(srv.URL, "https://")
	b, err := Launch(context.Background(), Options{HostRules: []string{"MAP shop.test " + addr, "MAP * ~NOTFOUND"}, Insecure: true, Closed: true, Routed: []string{"shop.test"}})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	ctx, cancel := b.NewContext(context.Background())
	defer cancel()
	var mu sync.Mutex
	failed := map[string]string{}
	urls := map[network.RequestID]string{}
	if err := chromedp.Listen(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			urls[e.RequestID] = e.Request.URL
		case *network.EventLoadingFailed:
			failed[urls[e.RequestID]] = e.ErrorText
		}
	}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate("https://shop.test/")); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	for _, u := range []string{"https://unrouted.test/x.gif"} {
		if !strings.Contains(failed[u], "PROXY") {
			t.Errorf("%s: failure %q, want it refused by the closed proxy (all failures %v)", u, failed[u], failed)
		}
	}
}

// TestTreePSS: the memory of a process tree is read from /proc (this test
// binary is a tree of one), and nothing is read of a process that is not
// there.
func TestTreePSS(t *testing.T) {
	if _, err := os.Stat("/proc/self/smaps_rollup"); err != nil {
		t.Skip("no /proc/PID/smaps_rollup here")
	}
	if mb := treePSS(os.Getpid()); mb <= 1 || mb > 4096 {
		t.Errorf("this process: %.1f MB", mb)
	}
	if mb := treePSS(1 << 30); mb != 0 {
		t.Errorf("no such process: %.1f MB", mb)
	}
}
