package consent

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/privacyscan/privacyscan/rules"
	"github.com/privacyscan/privacyscan/scanner/model"
)

// fixtureCase is one fixture site and what operating it must give. The
// engine is not told which fixture it sees: it finds everything in the page.
type fixtureCase struct {
	Host string
	// CMP is the expected consent.cmp ("generic" for the fallback).
	CMP string
	// RejectFirstLayer: the first layer offers a reject-all.
	RejectFirstLayer bool
	// PreTicked is how many purposes are on when the settings layer opens:
	// Detect reads them, and so does a reject through the settings layer.
	PreTicked int
	// Settings: the banner has a settings layer, so Detect must open and
	// read it (an empty PreTicked then means none was on, not unread).
	Settings bool
	// TCF: the page speaks TCF, so after a choice a TC string must decode.
	TCF bool
	// NoBanner: the page has no banner (a negative case).
	NoBanner bool
	// Wall: a cookie wall that cannot be refused; reject must fail and
	// report the wall.
	Wall bool
	// NoRefusal: a banner without reject or settings that does not block
	// the page; reject must fail without reporting a wall.
	NoRefusal bool
}

var fixtureCases = []fixtureCase{
	{Host: "generic-en.test", CMP: "generic", RejectFirstLayer: true},
	{Host: "generic-de.test", CMP: "generic", RejectFirstLayer: true},
	{Host: "generic-shadow-pl.test", CMP: "generic", RejectFirstLayer: true},
	{Host: "generic-iframe-sv.test", CMP: "generic", RejectFirstLayer: true},
	{Host: "generic-settings-fr.test", CMP: "generic", PreTicked: 2, Settings: true},
	{Host: "generic-el.test", CMP: "generic", RejectFirstLayer: true},
	{Host: "generic-bg.test", CMP: "generic", RejectFirstLayer: true},
	{Host: "generic-wall-it.test", CMP: "generic", Wall: true},
	{Host: "generic-preticked-pt.test", CMP: "generic", RejectFirstLayer: true, PreTicked: 2},
	{Host: "generic-late-nl.test", CMP: "generic", RejectFirstLayer: true},
	{Host: "generic-backdrop-es.test", CMP: "generic", Wall: true},
	{Host: "generic-lock-cs.test", CMP: "generic", Wall: true},
	{Host: "generic-iframe-da.test", CMP: "generic", NoRefusal: true},
	// Variants the vocabulary was not tuned on: a first-layer "allow
	// necessary only" in a nested shadow root, and a "continue without
	// accepting" link with a settings layer of ARIA switches.
	{Host: "generic-shadow-necessary-sv.test", CMP: "generic", RejectFirstLayer: true},
	{Host: "generic-continue-hr.test", CMP: "generic", RejectFirstLayer: true, PreTicked: 2, Settings: true},
	// The banner is inserted 1.5 s after the load event.
	{Host: "generic-delay-ro.test", CMP: "generic", RejectFirstLayer: true},
	// Each button navigates to another address after storing the choice.
	{Host: "generic-navigate-lt.test", CMP: "generic", RejectFirstLayer: true},
	// The bar is inserted on the first scroll: the engine scrolls when
	// nothing showed.
	{Host: "generic-scroll-sk.test", CMP: "generic", RejectFirstLayer: true},
	// Accept calls window.open; the reject is a target=_blank link.
	{Host: "generic-newtab-fi.test", CMP: "generic", RejectFirstLayer: true},
	// The banner keeps redrawing itself (progress bar, countdown, carousel).
	{Host: "generic-restless-sl.test", CMP: "generic", RejectFirstLayer: true},
	// The first layer is an iframe; its settings open in another,
	// cross-origin, iframe.
	{Host: "generic-iframe-settings-lv.test", CMP: "generic", PreTicked: 2, Settings: true},
	{Host: "no-banner.test", NoBanner: true},
	{Host: "onetrust.test", CMP: "onetrust", RejectFirstLayer: true, TCF: true},
	{Host: "onetrust-settings.test", CMP: "onetrust", PreTicked: 2, TCF: true, Settings: true},
	{Host: "onetrust-preticked.test", CMP: "onetrust", RejectFirstLayer: true, PreTicked: 2, TCF: true, Settings: true},
	{Host: "cookiebot.test", CMP: "cookiebot", RejectFirstLayer: true, TCF: true},
	{Host: "didomi.test", CMP: "didomi", RejectFirstLayer: true, TCF: true},
	{Host: "usercentrics.test", CMP: "usercentrics", RejectFirstLayer: true},
	{Host: "usercentrics-preticked.test", CMP: "usercentrics", RejectFirstLayer: true, PreTicked: 2, Settings: true},
	{Host: "sourcepoint.test", CMP: "sourcepoint", RejectFirstLayer: true, PreTicked: 2, TCF: true, Settings: true},
	{Host: "sourcepoint-settings.test", CMP: "sourcepoint", PreTicked: 2, TCF: true, Settings: true},
	{Host: "sourcepoint-wall.test", CMP: "sourcepoint", Wall: true},
	{Host: "quantcast.test", CMP: "quantcast", RejectFirstLayer: true, PreTicked: 2, TCF: true, Settings: true},
	{Host: "trustarc.test", CMP: "trustarc", RejectFirstLayer: true, PreTicked: 1, TCF: false, Settings: true},
	{Host: "consentmanager.test", CMP: "consentmanager", RejectFirstLayer: true, PreTicked: 0, TCF: true, Settings: true},
	{Host: "axeptio.test", CMP: "axeptio", RejectFirstLayer: true, PreTicked: 0, TCF: false, Settings: true},
	{Host: "cookieyes.test", CMP: "cookieyes", RejectFirstLayer: true, PreTicked: 0, TCF: false, Settings: true},
	{Host: "complianz.test", CMP: "complianz", RejectFirstLayer: false, PreTicked: 1, TCF: false, Settings: true},
	{Host: "iubenda.test", CMP: "iubenda", RejectFirstLayer: true, PreTicked: 0, TCF: true, Settings: true},
	{Host: "borlabs.test", CMP: "borlabs", RejectFirstLayer: true, PreTicked: 1, TCF: false, Settings: true},
	{Host: "termly.test", CMP: "termly", RejectFirstLayer: true, PreTicked: 0, TCF: false, Settings: true},
	{Host: "cookieinformation.test", CMP: "cookieinformation", RejectFirstLayer: true, PreTicked: 0, TCF: false, Settings: true},
	{Host: "cookiefirst.test", CMP: "cookiefirst", RejectFirstLayer: true, PreTicked: 0, TCF: false, Settings: true},
	{Host: "osano.test", CMP: "osano", RejectFirstLayer: true, PreTicked: 0, TCF: false, Settings: true},
	{Host: "klaro.test", CMP: "klaro", RejectFirstLayer: true, PreTicked: 0, TCF: false, Settings: true},
	{Host: "orejime.test", CMP: "orejime", RejectFirstLayer: true, PreTicked: 0, TCF: false, Settings: true},
	{Host: "tarteaucitron.test", CMP: "tarteaucitron", RejectFirstLayer: true, PreTicked: 0, TCF: false, Settings: true},
	{Host: "cookieconsent.test", CMP: "cookieconsent", RejectFirstLayer: true, PreTicked: 1, TCF: false, Settings: true},
	{Host: "shopify.test", CMP: "shopify", RejectFirstLayer: true, PreTicked: 0, TCF: false, Settings: true},
	{Host: "commandersact.test", CMP: "commandersact", RejectFirstLayer: true, PreTicked: 0, TCF: false, Settings: true},
	{Host: "sirdata.test", CMP: "sirdata", RejectFirstLayer: true, PreTicked: 2, TCF: true, Settings: true},
	{Host: "piwikpro.test", CMP: "piwikpro", RejectFirstLayer: true, PreTicked: 0, TCF: false, Settings: true},
	// The same platforms configured without a first-layer reject: a
	// reject goes through the settings layer and saves it.
	{Host: "consentmanager-settings.test", CMP: "consentmanager", RejectFirstLayer: false, PreTicked: 0, TCF: true, Settings: true},
	{Host: "iubenda-settings.test", CMP: "iubenda", RejectFirstLayer: false, PreTicked: 0, TCF: true, Settings: true},
	{Host: "borlabs-settings.test", CMP: "borlabs", RejectFirstLayer: false, PreTicked: 1, TCF: false, Settings: true},
	{Host: "cookieyes-settings.test", CMP: "cookieyes", RejectFirstLayer: false, PreTicked: 0, TCF: false, Settings: true},
	{Host: "cookieconsent-settings.test", CMP: "cookieconsent", RejectFirstLayer: false, PreTicked: 1, TCF: false, Settings: true},
	{Host: "cookiefirst-settings.test", CMP: "cookiefirst", RejectFirstLayer: false, PreTicked: 0, TCF: false, Settings: true},
	{Host: "osano-settings.test", CMP: "osano", RejectFirstLayer: false, PreTicked: 0, TCF: false, Settings: true},
	{Host: "commandersact-settings.test", CMP: "commandersact", RejectFirstLayer: false, PreTicked: 0, TCF: false, Settings: true},
	{Host: "cookieinformation-settings.test", CMP: "cookieinformation", RejectFirstLayer: false, PreTicked: 0, TCF: false, Settings: true},
	{Host: "shopify-settings.test", CMP: "shopify", RejectFirstLayer: false, PreTicked: 0, TCF: false, Settings: true},
	{Host: "orejime-settings.test", CMP: "orejime", RejectFirstLayer: false, PreTicked: 0, TCF: false, Settings: true},
	{Host: "piwikpro-settings.test", CMP: "piwikpro", RejectFirstLayer: false, PreTicked: 0, TCF: false, Settings: true},
	{Host: "termly-settings.test", CMP: "termly", RejectFirstLayer: false, PreTicked: 0, TCF: false, Settings: true},
	{Host: "sirdata-settings.test", CMP: "sirdata", RejectFirstLayer: false, PreTicked: 2, TCF: true, Settings: true},
	{Host: "quantcast-settings.test", CMP: "quantcast", RejectFirstLayer: false, PreTicked: 2, TCF: true, Settings: true},
	{Host: "trustarc-settings.test", CMP: "trustarc", RejectFirstLayer: false, PreTicked: 1, TCF: false, Settings: true},
	{Host: "axeptio-settings.test", CMP: "axeptio", RejectFirstLayer: false, PreTicked: 0, TCF: false, Settings: true},
	{Host: "klaro-settings.test", CMP: "klaro", RejectFirstLayer: false, PreTicked: 0, TCF: false, Settings: true},
}

// stats counts outcomes over all fixtures for the summary line.
var stats struct {
	sync.Mutex
	detect, detectOK, accept, acceptOK, reject, rejectOK, look, lookOK int
}

func TestFixtures(t *testing.T) {
	// The engine's own default wait: a banner that shows within it on a
	// loaded machine is found, as in a scan.
	e := newEngine(t, Options{Wait: 4 * time.Second})
	for _, fc := range fixtureCases {
		t.Run(fc.Host, func(t *testing.T) {
			t.Run("detect", func(t *testing.T) {
				ctx := open(t, fc.Host, "/")
				// Looking changes nothing: the same page, left alone
				// while Detect looks (and peeks into the settings), ends
				// with the same cookies and storage.
				alone := open(t, fc.Host, "/")
				res, err := e.Act(ctx, Detect)
				if err != nil {
					t.Fatal(err)
				}
				looked, err1 := pageState(ctx)
				untouched, err2 := pageState(alone)
				if err1 != nil || err2 != nil {
					t.Fatal(err1, err2)
				}
				same := slices.Equal(looked, untouched)
				count(&stats.look, &stats.lookOK, same)
				if !same {
					t.Errorf("detection changed the page (settings read %v, clicks %+v): %q; left alone: %q", res.SettingsRead, res.Elements, looked, untouched)
				}
				ok := res.BannerDetected != fc.NoBanner && (fc.NoBanner || res.CMP == fc.CMP && res.RejectAvailable == fc.RejectFirstLayer &&
					rules.IsCookieWall(&res) == fc.Wall && len(res.PreTicked) == fc.PreTicked)
				count(&stats.detect, &stats.detectOK, ok)
				if !ok {
					t.Fatalf("detected %v cmp %q reject available %v wall %v pre-ticked %q, want %v %q %v %v %d; banner %+v", res.BannerDetected, res.CMP, res.RejectAvailable, rules.IsCookieWall(&res), res.PreTicked,
						!fc.NoBanner, fc.CMP, fc.RejectFirstLayer, fc.Wall, fc.PreTicked, res.Banner)
				}
				// The measurement the rules judge a wall by: a banner with a
				// settings layer says so, a wall does not.
				if !fc.NoBanner && (res.SettingsAvailable == nil || fc.Settings && !*res.SettingsAvailable || fc.Wall && *res.SettingsAvailable) {
					t.Errorf("settings available measured %v, %v; want settings layer %v, wall %v", res.SettingsAvailable != nil, res.SettingsAvailable != nil && *res.SettingsAvailable, fc.Settings, fc.Wall)
				}
				if fc.Settings && !res.SettingsRead {
					t.Errorf("the settings layer was not read (elements %+v)", res.Elements)
				}
				if res.Clicked || res.Clicks != 0 || res.Verified {
					t.Errorf("detect made a choice: clicked %v clicks %d verified %v", res.Clicked, res.Clicks, res.Verified)
				}
				if len(res.Elements) > 0 {
					// Detect opened the settings layer: it must have left
					// no choice behind, so the banner shows again.
					if _, err := chromedp.Run(ctx, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.Reload())); err != nil {
						t.Fatal(err)
					}
					again, err := e.act(ctx, Detect, 2*time.Second, false, false)
					if err != nil || !again.BannerDetected || again.ConsentStored {
						t.Errorf("after detect opened the settings (%+v) and a reload: banner %v stored %v (%v)", res.Elements, again.BannerDetected, again.ConsentStored, err)
					}
				}
			})
			if fc.NoBanner {
				return
			}
			for _, action := range []model.ConsentAction{Accept, Reject} {
				t.Run(string(action), func(t *testing.T) {
					ctx := open(t, fc.Host, "/")
					res, err := e.Act(ctx, action)
					if err != nil {
						t.Fatal(err)
					}
					if (fc.Wall || fc.NoRefusal) && action == Reject {
						if res.Verified || rules.IsCookieWall(&res) != fc.Wall || res.RejectAvailable {
							t.Fatalf("no way to refuse: verified %v wall %v (want %v) reject available %v", res.Verified, rules.IsCookieWall(&res), fc.Wall, res.RejectAvailable)
						}
						return
					}
					ok := res.Verified && res.CMP == fc.CMP && len(res.ConsentRecord) > 0
					if action == Accept {
						count(&stats.accept, &stats.acceptOK, ok)
					} else {
						count(&stats.reject, &stats.rejectOK, ok)
					}
					if !ok {
						t.Fatalf("verified %v cmp %q record %v error %q elements %+v", res.Verified, res.CMP, res.ConsentRecord, res.Error, res.Elements)
					}
					if action == Reject {
						if res.FirstLayer != fc.RejectFirstLayer {
							t.Errorf("first layer %v, want %v (clicks %+v)", res.FirstLayer, fc.RejectFirstLayer, res.Elements)
						}
						// A first-layer reject never sees the settings.
						if want := map[bool]int{false: fc.PreTicked}[fc.RejectFirstLayer]; len(res.PreTicked) != want {
							t.Errorf("pre-ticked %q, want %d", res.PreTicked, want)
						}
						if !fc.RejectFirstLayer && (res.Clicks < 2 || !res.SettingsRead) {
							t.Errorf("a settings-layer reject took %d clicks, settings read %v", res.Clicks, res.SettingsRead)
						}
					}
					if fc.TCF {
						tcf := signalsTCF(res.Signals)
						if tcf == nil || tcf.Decoded == nil {
							t.Fatalf("no decoded TC string: %+v", tcf)
						}
						if n := len(tcf.Decoded.Purposes); (action == Accept) != (n > 0) {
							t.Errorf("%s gave %d consented purposes", action, n)
						}
					}
				})
			}
		})
	}
	t.Logf("detection %d/%d, accept %d/%d, reject %d/%d, looking changed nothing %d/%d", stats.detectOK, stats.detect, stats.acceptOK, stats.accept, stats.rejectOK, stats.reject, stats.lookOK, stats.look)
}

func signalsTCF(s *model.Signals) *model.TCF {
	if s == nil {
		return nil
	}
	return s.TCF
}

func count(n, ok *int, good bool) {
	stats.Lock()
	defer stats.Unlock()
	*n++
	if good {
		*ok++
	}
}

// TestEveryRuleHasFixture fails when a rule file has no fixture site that
// TestFixtures operates.
func TestEveryRuleHasFixture(t *testing.T) {
	e := newEngine(t, Options{})
	for _, r := range e.Rules() {
		i := slices.IndexFunc(fixtureCases, func(fc fixtureCase) bool { return fc.CMP == r.ID && !fc.NoBanner })
		if i < 0 {
			t.Errorf("rule %s (%s) has no fixture case", r.ID, r.File)
			continue
		}
		if _, err := os.Stat(filepath.Join("testdata/sites", fixtureCases[i].Host, "index.html")); err != nil {
			t.Errorf("rule %s: %v", r.ID, err)
		}
	}
	for _, fc := range fixtureCases {
		if fc.CMP != "generic" && !strings.HasPrefix(fc.Host, "generic") && !slices.ContainsFunc(e.Rules(), func(r Rule) bool { return r.ID == fc.CMP }) && !fc.NoBanner {
			t.Errorf("fixture %s expects unknown cmp %s", fc.Host, fc.CMP)
		}
	}
}
