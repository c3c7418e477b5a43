// Package browser starts (or connects to) one Chromium and hands out isolated
// browser contexts, configured to behave like an ordinary desktop Chrome on a
// closed network.
package browser

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/remote"
)

// ErrNoChromium means no Chromium or Chrome binary was found.
var ErrNoChromium = errors.New("no Chromium found: install it (Debian/Ubuntu: apt-get install -y chromium; macOS: brew install --cask chromium) or pass --chrome-path")

// DesktopUserAgent is sent instead of the HeadlessChrome one so that sites
// treat the scanner as the visitor it stands for.
const DesktopUserAgent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36"

// Options configure the browser.
type Options struct {
	// ExecPath is the Chromium binary; empty means auto-detect.
	ExecPath string
	// RemoteURL connects to a running browser (ws://...) instead of starting one.
	RemoteURL string
	// HostRules are Chromium host-resolver-rules entries such as
	// "MAP shop.test 127.0.0.1:8443".
	HostRules []string
	// Insecure accepts invalid TLS certificates.
	Insecure bool
	// Lang is the Accept-Language / navigator.language, e.g. "en-US".
	Lang string
	// UserAgent overrides DesktopUserAgent.
	UserAgent string
	// Width and Height of the viewport; 0 means 1366x768.
	Width, Height int
	// Stderr receives Chromium's own output, nil discards it.
	Stderr *os.File
	// Closed keeps every request on the hosts HostRules map: the others,
	// IP literals included, go to a proxy that is not there. For the demo
	// and tests, which must never leave the machine.
	Closed bool
	// Routed lists the hosts HostRules map, for Closed.
	Routed []string
	// RendererMemory is the most resident memory one renderer may use
	// before it is stopped and its tab recorded as crashed (Linux, a
	// browser started here); 0 means DefaultRendererMemory, negative
	// none.
	RendererMemory int64
	// RenderersMemory bounds the resident memory of all renderers
	// together: past it the largest is stopped. 0 means
	// DefaultRenderersMemory, negative none.
	RenderersMemory int64
}

// DefaultRendererMemory bounds one renderer's resident memory: a page past
// it is one that allocates without end, not a shop.
const DefaultRendererMemory = 768 << 20

// DefaultRenderersMemory bounds all renderers' resident memory together,
// so that two tabs on the same hostile page (phases run side by side) do
// not hold twice the limit: with the browser's own processes and the
// scanner, the whole stays under 1.5 GB.
const DefaultRenderersMemory = 1024 << 20

// RenderersMemoryFor is the renderers' joint limit for tabs open side by
// side: DefaultRenderersMemory, or 384 MiB a tab when more run at once.
func RenderersMemoryFor(tabs int) int64 {
	return max(DefaultRenderersMemory, int64(tabs)*384<<20)
}

// JSHeapMiB caps each renderer's V8 heap (--max-old-space-size): a script
// allocating objects without end runs out of heap and crashes its renderer
// at this size instead of taking the machine's memory.
const JSHeapMiB = 512

// Browser is one running Chromium.
type Browser struct {
	ctx     context.Context
	cancel  context.CancelFunc
	opts    Options
	profile string
	g       guard
}

// FindChromium returns the path of a Chromium or Chrome binary.
func FindChromium() (string, error) {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome", "headless_shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	for _, p := range []string{"/usr/bin/chromium", "/Applications/Chromium.app/Contents/MacOS/Chromium", "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"} {
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	return "", ErrNoChromium
}

// preferences make a fresh profile behave like a default desktop Chrome:
// third-party cookies allowed (a fresh headless profile blocks them).
const preferences = `{"profile":{"cookie_controls_mode":0,"block_third_party_cookies":false,"default_content_setting_values":{"cookies":1}},"intl":{"accept_languages":%q}}`

// Launch starts Chromium (or connects to RemoteURL) and returns when it answers.
func Launch(ctx context.Context, opts Options) (*Browser, error) {
	opts = opts.withDefaults()
	b := &Browser{opts: opts}
	var allocCtx context.Context
	var allocCancel context.CancelFunc
	if opts.RemoteURL != "" {
		allocCtx, allocCancel = remote.NewAllocator(ctx, opts.RemoteURL)
	} else {
		path := opts.ExecPath
		if path == "" {
			p, err := FindChromium()
			if err != nil {
				return nil, err
			}
			path = p
		} else if _, err := os.Stat(path); err != nil {
			return nil, fmt.Errorf("chrome path %s: %w", path, ErrNoChromium)
		}
		dir, err := newProfile(opts)
		if err != nil {
			return nil, err
		}
		b.profile = dir
		allocOpts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(path))
		for _, f := range opts.flags(dir) {
			allocOpts = append(allocOpts, chromedp.Flag(f.name, f.value))
		}
		allocOpts = append(allocOpts, processGroup()...)
		if opts.Stderr != nil {
			allocOpts = append(allocOpts, chromedp.CombinedOutput(opts.Stderr))
		}
		allocCtx, allocCancel = chromedp.NewExecAllocator(ctx, allocOpts...)
	}
	bctx, bcancel := chromedp.NewContext(allocCtx)
	b.ctx = bctx
	b.cancel = func() { bcancel(); allocCancel() }
	if err := chromedp.Do(bctx); err != nil {
		b.Close()
		return nil, fmt.Errorf("starting the browser: %w", err)
	}
	b.watchTargets(bctx)
	if p := b.Process(); p != nil && opts.RendererMemory >= 0 {
		total := opts.RenderersMemory
		if total == 0 {
			total = DefaultRenderersMemory
		}
		// Chromium leads a process group of its own (processGroup).
		go b.watchMemory(bctx, p.Pid, b.RendererMemory(), total)
	}
	return b, nil
}

// withDefaults fills the language, user agent and viewport.
func (opts Options) withDefaults() Options {
	if opts.Lang == "" {
		opts.Lang = "en-US"
	}
	if opts.UserAgent == "" {
		opts.UserAgent = DesktopUserAgent
	}
	if opts.Width == 0 {
		opts.Width, opts.Height = 1366, 768
	}
	return opts
}

// flag is one Chromium command-line switch; true is a bare --name.
type flag struct {
	name  string
	value any
}

// newProfile creates a temporary profile seeded with the preferences of an
// ordinary desktop Chrome in the options' language.
func newProfile(opts Options) (string, error) {
	dir, err := os.MkdirTemp("", "privacyscan-profile-")
	if err != nil {
		return "", fmt.Errorf("creating browser profile: %w", err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "Default"), 0o700); err != nil {
		os.RemoveAll(dir)
		return "", fmt.Errorf("creating browser profile: %w", err)
	}
	prefs := fmt.Sprintf(preferences, opts.Lang+","+strings.SplitN(opts.Lang, "-", 2)[0])
	if err := os.WriteFile(filepath.Join(dir, "Default", "Preferences"), []byte(prefs), 0o600); err != nil {
		os.RemoveAll(dir)
		return "", fmt.Errorf("writing browser preferences: %w", err)
	}
	return dir, nil
}

// flags are the project's switches on top of chromedp's defaults: the same
// for a browser Launch starts and one Serve starts for others to attach to.
func (opts Options) flags(profile string) []flag {
	fs := []flag{
		{"user-data-dir", profile},
		{"no-sandbox", true},
		{"disable-gpu", true},
		{"user-agent", opts.UserAgent},
		{"window-size", fmt.Sprintf("%d,%d", opts.Width, opts.Height)},
		{"lang", opts.Lang},
		{"disable-background-networking", true},
		{"disable-component-update", true},
		{"disable-sync", true},
		{"disable-quic", true},
		{"no-first-run", true},
		{"disable-domain-reliability", true},
		{"hide-scrollbars", true},
		{"mute-audio", true},
		// Keep every frame in the page's process so one CDP session
		// sees the requests and frames of cross-origin iframes too.
		{"disable-site-isolation-trials", true},
		{"disable-features", "Translate,BlinkGenPropertyTrees,IsolateOrigins,SitePerProcess,ThirdPartyStoragePartitioning,TrackingProtection3pcd,PrivacySandboxSettings4,OptimizationHints,MediaRouter,DialMediaRouteProvider,AutofillServerCommunication,InterestFeedContentSuggestions,CertificateTransparencyComponentUpdater," +
			// Headless Chromium still starts the omnibox popup's WebUI
			// renderers (100-150 MiB resident each) that no scan uses.
			"WebUIOmniboxPopup,WebUIOmniboxAimPopup,OmniboxPopupWebUIContent,OmniboxAimPopupWebUIContent,OmniboxPopupWebUIBaseContent"},
		{"enable-automation", false},
		{"disable-blink-features", "AutomationControlled"},
		{"js-flags", fmt.Sprintf("--max-old-space-size=%d", JSHeapMiB)},
	}
	if len(opts.HostRules) > 0 {
		fs = append(fs, flag{"host-resolver-rules", strings.Join(opts.HostRules, ",")})
	}
	if opts.Insecure {
		fs = append(fs, flag{"ignore-certificate-errors", true})
	}
	if opts.Closed {
		// Port 9 on loopback is the discard port: nothing listens, so
		// a request that is not routed fails at once, on this machine.
		fs = append(fs, flag{"proxy-server", "http://127.0.0.1:9"},
			flag{"proxy-bypass-list", strings.Join(append(append([]string(nil), opts.Routed...), "127.0.0.1", "localhost", "[::1]"), ";")})
	}
	return fs
}

// Options returns the options the browser was started with, defaults filled.
func (b *Browser) Options() Options { return b.opts }

// NewContext opens a tab in a fresh browser context (Target.createBrowserContext),
// so cookies and storage never leak between callers. Cancel closes the tab and
// disposes of the context.
func (b *Browser) NewContext(parent context.Context) (context.Context, context.CancelFunc) {
	ctx, cancel := chromedp.NewContext(b.ctx, chromedp.WithNewBrowserContext())
	stop := context.AfterFunc(parent, cancel)
	return ctx, func() { stop(); cancel() }
}

// Process returns the browser process, nil for a remote browser.
func (b *Browser) Process() *os.Process {
	if c := chromedp.FromContext(b.ctx); c != nil && c.Browser != nil {
		return c.Browser.Process()
	}
	return nil
}

// Alive reports whether the browser process still answers.
func (b *Browser) Alive() bool {
	if b.ctx.Err() != nil {
		return false
	}
	_, err := chromedp.Targets(b.ctx)
	return err == nil
}

// Close stops the browser and removes its temporary profile.
func (b *Browser) Close() {
	if b.cancel != nil {
		b.cancel()
	}
	if b.profile != "" {
		os.RemoveAll(b.profile)
	}
}

// Version asks the browser for its product ("HeadlessChrome/131.0.6778.85")
// and the user agent the pages see: the one it was started with, or for a
// browser started elsewhere its own.
func (b *Browser) Version(ctx context.Context) (product, userAgent string, err error) {
	vctx, cancel := context.WithTimeout(b.ctx, 5*time.Second)
	defer cancel()
	stop := context.AfterFunc(ctx, cancel)
	defer stop()
	v, err := chromedp.CallBrowser(vctx, cdpbrowser.GetVersion, cdp.Empty{})
	if err != nil {
		return "", "", fmt.Errorf("asking the browser its version: %w", err)
	}
	userAgent = v.UserAgent
	if b.opts.RemoteURL == "" && b.opts.UserAgent != "" {
		userAgent = b.opts.UserAgent
	}
	return v.Product, userAgent, nil
}

// Runs reports whether ctx is a tab of this browser.
func (b *Browser) Runs(ctx context.Context) bool {
	c, own := chromedp.FromContext(ctx), chromedp.FromContext(b.ctx)
	return c != nil && own != nil && c.Browser != nil && c.Browser == own.Browser
}

// Open counts the browser contexts and the page targets open in the
// browser, to check that what a caller opened is closed again.
func (b *Browser) Open() (contexts, pages int, err error) {
	c := chromedp.FromContext(b.ctx)
	if c == nil || c.Browser == nil {
		return 0, 0, errors.New("browser not started")
	}
	res, err := chromedp.CallBrowser(b.ctx, target.GetBrowserContexts, cdp.Empty{})
	if err != nil {
		return 0, 0, err
	}
	infos, err := chromedp.Targets(b.ctx)
	if err != nil {
		return 0, 0, err
	}
	for _, t := range infos {
		if t.Type == "page" {
			pages++
		}
	}
	return len(res.BrowserContextIDs), pages, nil
}
