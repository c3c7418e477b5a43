package scanner

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/privacyscan/privacyscan/internal/fixture"
	"github.com/privacyscan/privacyscan/scanner/browser"
	"github.com/privacyscan/privacyscan/scanner/route"
)

func crawlFixture(t *testing.T, opts CrawlOptions) *CrawlResult {
	t.Helper()
	srv, err := fixture.Start(os.DirFS("testdata/crawl"))
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	rt, err := route.Parse(srv.Resolve())
	if err != nil {
		t.Fatal(err)
	}
	opts.Client = rt.NewClient(route.ClientOptions{Strict: true, Insecure: true})
	opts.UserAgent = browser.DesktopUserAgent
	res, err := Crawl(context.Background(), "https://butikk.test/", opts)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestCrawlChoosesRepresentativePages(t *testing.T) {
	res := crawlFixture(t, CrawlOptions{MaxPages: 8})
	if res.PolicyURL != "https://butikk.test/sider/vilkar-og-personvern" {
		t.Errorf("policy = %q, want the Personvernerklæring link, not the cookie page", res.PolicyURL)
	}
	if res.Lang != "nb" {
		t.Errorf("lang = %q", res.Lang)
	}
	kinds := map[string][]string{}
	for _, p := range res.Pages {
		kinds[p.Kind] = append(kinds[p.Kind], p.URL)
		if strings.Contains(p.URL, "/private/") {
			t.Errorf("robots.txt disallows %s but it was chosen", p.URL)
		}
		if !strings.HasPrefix(p.URL, "https://butikk.test/") {
			t.Errorf("off-site page chosen: %s", p.URL)
		}
	}
	if len(res.Pages) > 8 || res.Pages[0].Kind != KindHome {
		t.Fatalf("pages = %+v", res.Pages)
	}
	for _, k := range []string{KindPolicy, KindCategory, KindProduct, KindCart, KindCheckout} {
		if len(kinds[k]) == 0 {
			t.Errorf("no %s page chosen; pages %+v", k, res.Pages)
		}
	}
	if len(kinds[KindProduct]) > 1 || len(kinds[KindCategory]) > 1 {
		t.Errorf("one page per URL pattern expected; got products %v, categories %v", kinds[KindProduct], kinds[KindCategory])
	}
}

func TestCrawlIgnoreRobots(t *testing.T) {
	res := crawlFixture(t, CrawlOptions{MaxPages: 8, IgnoreRobots: true})
	found := false
	for _, p := range res.Pages {
		if strings.Contains(p.URL, "/private/konto") {
			found = p.Kind == KindAccount
		}
	}
	if !found {
		t.Errorf("with --ignore-robots the account page should be chosen; pages %+v", res.Pages)
	}
}

func TestCrawlPolicyOverride(t *testing.T) {
	res := crawlFixture(t, CrawlOptions{MaxPages: 3, PolicyURL: "https://butikk.test/sider/om-oss"})
	if res.PolicyURL != "https://butikk.test/sider/om-oss" || len(res.Pages) != 3 || res.Pages[1].URL != res.PolicyURL {
		t.Errorf("override ignored: %+v", res)
	}
}
