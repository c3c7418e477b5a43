package consent

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/privacyscan/privacyscan/internal/fixture"
	"github.com/privacyscan/privacyscan/scanner/browser"
)

// One browser and one fixture server for the whole test binary; each test
// case gets a fresh browser context.
var (
	testBrowser *browser.Browser
	testServer  *fixture.Server
	testSetup   error
)

func TestMain(m *testing.M) {
	flag.Parse()
	code := func() int {
		srv, err := fixture.Start(os.DirFS("testdata/sites"))
		if err != nil {
			testSetup = fmt.Errorf("starting the fixture server: %w", err)
			return m.Run()
		}
		defer srv.Close()
		testServer = srv
		rules := srv.HostRulesStrict()
		if npm := npmServer(); npm != nil {
			defer npm.Close()
			rules = append(npm.HostRules(), rules...)
		}
		b, err := browser.Launch(context.Background(), browser.Options{HostRules: rules, Insecure: true})
		if err != nil {
			testSetup = fmt.Errorf("launching the browser: %w", err)
			return m.Run()
		}
		defer b.Close()
		testBrowser = b
		code := m.Run()
		if code == 0 && !b.Alive() {
			fmt.Fprintln(os.Stderr, "the browser died during the tests")
			code = 1
		}
		return code
	}()
	os.Exit(code)
}

// open loads https://host/path in a fresh browser context and waits for the
// load event.
func open(tb testing.TB, host, path string) context.Context {
	tb.Helper()
	if testSetup != nil {
		// Only a machine without Chromium may skip; any other failure to
		// set up is a failure, or the suite would pass testing nothing.
		if errors.Is(testSetup, browser.ErrNoChromium) {
			tb.Skipf("no browser: %v", testSetup)
		}
		tb.Fatalf("test setup: %v", testSetup)
	}
	ctx, cancel := testBrowser.NewContext(context.Background())
	tb.Cleanup(cancel)
	ctx, cancel2 := context.WithTimeout(ctx, 30*time.Second)
	tb.Cleanup(cancel2)
	if _, err := chromedp.Run(ctx, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.Navigate("https://"+host+path))); err != nil {
		tb.Fatalf("loading %s: %v", host, err)
	}
	return ctx
}

func newEngine(tb testing.TB, opts Options) *Engine {
	tb.Helper()
	if opts.Logf == nil && testing.Verbose() {
		opts.Logf = tb.Logf
	}
	e, err := New(opts)
	if err != nil {
		tb.Fatal(err)
	}
	return e
}
