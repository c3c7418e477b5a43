package consent

import (
	"context"
	"slices"
	"sort"

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
