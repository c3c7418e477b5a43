package consent

import (
	"context"
	"slices"
	"sort"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// pageState is what a visitor who touched nothing carries away: the names
// of the cookies of the page and its frames, and its storage keys.
func pageState(ctx context.Context) ([]string, error) {
	var out, keys []string
	res, err := chromedp.Call(ctx, network.GetCookies, network.GetCookiesParams{})
	if err != nil {
		return nil, err
	}
	for _, c := range res.Cookies {
		out = append(out, "cookie "+c.Name)
	}
	keys, err = chromedp.Run(ctx, chromedp.Evaluate[[]string](`(() => { const k = []; try { for (let i = 0; i < localStorage.length; i++) k.push('local ' + localStorage.key(i)); for (let i = 0; i < sessionStorage.length; i++) k.push('session ' + sessionStorage.key(i)); } catch (e) {} return k; })()`))
	out = append(out, keys...)
	sort.Strings(out)
	return slices.Compact(out), err
}

// TestLookingChangesNothing: detecting a banner, and peeking into its
// settings layer, records no choice. Over every fixture banner the page is
// loaded twice side by side, once looked at with Detect (settings peek
// on), once left alone for as long; their cookies and storage keys must be
// the same.
func TestLookingChangesNothing(t *testing.T) {
	e := newEngine(t, Options{Wait: 2 * time.Second})
	var checked atomic.Int64
	t.Run("fixtures", func(t *testing.T) {
		for _, fc := range fixtureCases {
			if fc.NoBanner {
				continue
			}
			t.Run(fc.Host, func(t *testing.T) {
				t.Parallel()
				alone := open(t, fc.Host, "/")
				looked := open(t, fc.Host, "/")
				res, err := e.Act(looked, Detect)
				if err != nil {
					t.Fatal(err)
				}
				if !res.BannerDetected {
					t.Fatalf("no banner detected: %s", res.Error)
				}
				got, err := pageState(looked)
				if err != nil {
					t.Fatal(err)
				}
				want, err := pageState(alone)
				if err != nil {
					t.Fatal(err)
				}
				if !slices.Equal(got, want) {
					t.Fatalf("after detect (settings read %v, clicks %+v): %q; left alone: %q", res.SettingsRead, res.Elements, got, want)
				}
				checked.Add(1)
			})
		}
	})
	t.Logf("%d fixture banners: the same cookies and storage with detection on and off", checked.Load())
}
