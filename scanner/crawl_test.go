package scanner

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/privacyscan/privacyscan/internal/fetch"
	"github.com/privacyscan/privacyscan/internal/fixture"
	"github.com/privacyscan/privacyscan/scanner/browser"
)

func crawlFixture(t *testing.T, opts CrawlOptions) *CrawlResult {
	t.Helper()
	res, _ := crawlFrom(t, "https://butikk.test/", opts)
	return res
}

func crawlFrom(t *testing.T, start string, opts CrawlOptions) (*CrawlResult, *fixture.Server) {
	t.Helper()
	srv, err := fixture.Start(os.DirFS("testdata/crawl"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Close)
	rt, err := fetch.ParseRoutes(srv.Resolve())
	if err != nil {
		t.Fatal(err)
	}
	opts.Fetcher = fetch.New(fetch.Options{Routes: rt, Strict: true, Insecure: true, UserAgent: browser.DesktopUserAgent})
	res, err := Crawl(context.Background(), start, opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range srv.Requests() {
		if l.Host == "other.test" {
			t.Errorf("the crawler fetched %s from another site", l.URL())
		}
	}
	return res, srv
}

// TestCrawlFollowsRedirectToAnotherSite: brand.test sends its home page to
// butikk.test; the sample is butikk.test's, not just one page.
func TestCrawlFollowsRedirectToAnotherSite(t *testing.T) {
	res, _ := crawlFrom(t, "https://brand.test/", CrawlOptions{MaxPages: 8})
	if res.FinalURL != "https://butikk.test/" || len(res.Pages) < 5 || res.PolicyURL == "" {
		t.Errorf("after the redirect: final %s, %d pages, policy %q", res.FinalURL, len(res.Pages), res.PolicyURL)
	}
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
