package scanner

import (
	"context"
	"io/fs"
	"os"
	"path"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/privacyscan/privacyscan/internal/demo"
	"github.com/privacyscan/privacyscan/internal/fetch"
	"github.com/privacyscan/privacyscan/internal/fixture"
	"github.com/privacyscan/privacyscan/scanner/browser"
	"github.com/privacyscan/privacyscan/scanner/consent"
	"github.com/privacyscan/privacyscan/scanner/kb"
	"github.com/privacyscan/privacyscan/scanner/model"
	"github.com/privacyscan/privacyscan/scanner/policy"
)

// consentSitesDir holds one fixture site per consent platform.
const consentSitesDir = "consent/testdata/sites"

// insituPolicyPath is the page consentPolicySites adds to every consent
// platform's fixture site.
const insituPolicyPath = "/privacy-insitu.html"

// insituPolicies are the policies put into the consent platforms' pages, in
// turn, so that several languages meet every platform.
var insituPolicies = []string{"en_store.html", "de_mode.html", "da_butik.html", "it_negozio.html"}

var mainRe = regexp.MustCompile(`(?is)<main\b.*?</main>|<article\b.*?</article>`)

// consentPolicySites is the consent platforms' fixture sites, each with a
// policy page: its home page (which loads the platform) with a policy of
// scanner/policy/testdata in place of its main content.
func consentPolicySites() fs.FS {
	base := os.DirFS(consentSitesDir)
	return fixture.Overlay(policyPages(base, consentPolicyHosts(), insituPolicies), base)
}

// npmRoot holds the pages of the real consent managers from npm
// (scanner/consent/testdata/npm: install.sh links npm.test to node_modules).
const npmRoot = "consent/testdata/npm/www"

// npmPolicies are the policies the npm consent managers' pages carry, in
// turn: other languages than the platforms' sites get.
var npmPolicies = []string{"fr_boutique.html", "el_katastima.html", "ro_magazin.html", "bg_magazin.html", "lt_parduotuve.html", "en_shop.html"}

// npmInstalled reports whether install.sh put the consent managers in place.
func npmInstalled() bool {
	_, err := os.Stat(path.Join(npmRoot, "npm.test/klaro/dist/klaro.js"))
	return err == nil
}

// npmPolicyHosts are the pages of testdata/npm/www, every one a real consent
// manager from npm on a shop page (the ones added later included).
func npmPolicyHosts() []string {
	ents, err := os.ReadDir(npmRoot)
	if err != nil {
		return nil
	}
	var hosts []string
	for _, e := range ents {
		if e.IsDir() && strings.HasSuffix(e.Name(), "-npm.test") {
			if _, err := os.Stat(path.Join(npmRoot, e.Name(), "index.html")); err == nil {
				hosts = append(hosts, e.Name())
			}
		}
	}
	return hosts
}

// npmPolicySites serves the npm consent managers, each page with a policy
// page beside it.
func npmPolicySites() fs.FS {
	base := linkFS{os.DirFS(npmRoot)}
	return fixture.Overlay(policyPages(base, npmPolicyHosts(), npmPolicies), base)
}

// linkFS reports symbolic links to directories as directories, so the
// fixture server takes the npm.test link for a host.
type linkFS struct{ fs.FS }

func (l linkFS) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := fs.ReadDir(l.FS, name)
	for i, e := range entries {
		if e.Type()&fs.ModeSymlink != 0 {
			if info, err := fs.Stat(l.FS, path.Join(name, e.Name())); err == nil {
				entries[i] = fs.FileInfoToDirEntry(info)
			}
		}
	}
	return entries, err
}

// policyPages makes, for each host of base, the page insituPolicyPath: its
// home page with one of policies (in turn) in place of its main content.
func policyPages(base fs.FS, hosts, policies []string) fstest.MapFS {
	add := fstest.MapFS{}
	for i, host := range hosts {
		home, err := fs.ReadFile(base, host+"/index.html")
		if err != nil {
			continue
		}
		pol, err := os.ReadFile(path.Join("policy/testdata/corpus", policies[i%len(policies)]))
		if err != nil {
			continue
		}
		body := mainRe.Find(pol)
		var doc string
		if loc := mainRe.FindIndex(home); loc != nil {
			doc = string(home[:loc[0]]) + string(body) + string(home[loc[1]:])
		} else {
			doc = strings.Replace(string(home), "</body>", string(body)+"</body>", 1)
		}
		add[host+insituPolicyPath] = &fstest.MapFile{Data: []byte(doc), Mode: 0o644}
	}
	return add
}

// consentPolicyHosts are the fixture sites that are shops (a .test host with
// a home page), not a platform's script host.
func consentPolicyHosts() []string {
	ents, err := os.ReadDir(consentSitesDir)
	if err != nil {
		return nil
	}
	var hosts []string
	for _, e := range ents {
		if !e.IsDir() || !strings.HasSuffix(e.Name(), ".test") {
			continue
		}
		if _, err := os.Stat(path.Join(consentSitesDir, e.Name(), "index.html")); err == nil {
			hosts = append(hosts, e.Name())
		}
	}
	return hosts
}

// comparableFacts are the facts a reading must not change: language, date,
// Art. 13 elements, vendors, recipients and the DNT/GPC stances.
type comparableFacts struct {
	Language    string
	LastUpdated string
	Elements    model.Elements
	VendorIDs   []string
	Recipients  []string
	DNT, GPC    string
}

func comparable(f *model.PolicyFacts) comparableFacts {
	c := comparableFacts{Language: f.Language, Elements: f.Elements, VendorIDs: f.VendorIDs, DNT: f.DNTStance, GPC: f.GPCStance}
	if f.LastUpdated != nil {
		c.LastUpdated = *f.LastUpdated
	}
	for _, r := range f.Recipients {
		c.Recipients = append(c.Recipients, r.Name)
	}
	return c
}

// TestPolicyInSitu reads the policy of every fixture shop, of every
// consent platform's fixture site and of every real consent manager from npm
// (vanilla-cookieconsent, Klaro, Orejime, tarteaucitron) as the scan does (the rendered page,
// consent layers and all, with the banner shown and after accepting it) and
// as served, and wants the same facts from both.
func TestPolicyInSitu(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	db := kb.Default()
	var vendors []policy.VendorName
	for _, v := range db.Vendors() {
		vendors = append(vendors, policy.VendorName{ID: v.ID, Name: v.Name, Aliases: v.Aliases})
	}
	analyze := func(doc []byte, ct, u string) *model.PolicyFacts {
		return policy.Analyze(doc, policy.Options{Vendors: vendors, URL: u, ContentType: ct})
	}
	type site struct {
		name string
		fsys fs.FS
		urls []string // policy pages; a consent site's server serves them all
	}
	sites := []site{
		{"compliant", demo.Shop("../testdata/shops/compliant"), []string{"https://shop.test/privacy-policy"}},
		{"leaky", demo.Shop("../testdata/shops/leaky"), []string{"https://shop.test/privacy"}},
		{"adtech", demo.Shop("../testdata/shops/adtech"), []string{"https://shop.test/privacy-policy"}},
		{"hostile", demo.Shop("../testdata/shops/hostile"), []string{"https://shop.test/privacy-policy"}},
		{"norsk", demo.Shop("../testdata/shops/norsk"), []string{"https://shop.test/sider/vilkar-og-personvern"}},
	}
	// Layers that only the browser tells apart from the page: fixed, sticky,
	// hidden, aria-hidden, inert, dialogs, with class names that say nothing.
	sites = append(sites, site{"layers", os.DirFS("testdata/insitu"), []string{"https://overlays.test/privacy.html"}})
	var consentURLs []string
	for _, h := range consentPolicyHosts() {
		consentURLs = append(consentURLs, "https://"+h+insituPolicyPath)
	}
	sites = append(sites, site{"consent", consentPolicySites(), consentURLs})
	// Real consent managers from npm, their banners on policy pages.
	if npmInstalled() {
		var npmURLs []string
		for _, h := range npmPolicyHosts() {
			npmURLs = append(npmURLs, "https://"+h+insituPolicyPath)
		}
		sites = append(sites, site{"npm", npmPolicySites(), npmURLs})
	} else if os.Getenv("CI") != "" {
		t.Error("the npm consent managers are not installed: run scanner/consent/testdata/npm/install.sh")
	} else {
		t.Log("npm consent managers not installed (scanner/consent/testdata/npm/install.sh): their cases are skipped")
	}
	eng, err := consent.New(consent.Options{Wait: 3 * time.Second, SettingsPeek: 3 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range sites {
		t.Run(st.name, func(t *testing.T) {
			srv := serve(t, st.fsys)
			b := sharedBrowser(t, srv)
			rt, _ := fetch.ParseRoutes(srv.Resolve())
			fetcher := fetch.New(fetch.Options{Routes: rt, Strict: true, Insecure: true, Timeout: 10 * time.Second, UserAgent: browser.DesktopUserAgent})
			for _, u := range st.urls {
				name := strings.TrimPrefix(u, "https://")
				t.Run(name, func(t *testing.T) {
					r, err := policy.Fetch(context.Background(), fetcher, u)
					if err != nil {
						t.Fatalf("fetching: %v", err)
					}
					direct := comparable(analyze(r.Body, r.ContentType, u))
					if direct.Language == "" || !direct.Elements.Cookies {
						t.Fatalf("the served policy reads poorly: %+v", direct)
					}
					for _, action := range []model.ConsentAction{model.ActionDetect, model.ActionAccept} {
						doc := renderPolicy(t, b, eng, u, action)
						got := comparable(analyze(doc, "text/html; charset=utf-8", u))
						if !reflect.DeepEqual(got, direct) {
							text, _, _ := policy.ExtractText(doc, "text/html; charset=utf-8")
							t.Errorf("%s: rendered facts differ from the served document's\n got %+v\nwant %+v\nrendered text (%d bytes of %d): %.300q", action, got, direct, len(text), len(doc), text)
						}
					}
				})
			}
		})
	}
}

// renderPolicy loads u in a fresh browser context, lets the consent engine
// find the banner (and open its settings layer) or accept it, and returns
// the page as the scan reads it.
func renderPolicy(t *testing.T, b *browser.Browser, eng *consent.Engine, u string, action model.ConsentAction) []byte {
	t.Helper()
	ctx, cancel := b.NewContext(context.Background())
	defer cancel()
	ctx, cancel2 := context.WithTimeout(ctx, 40*time.Second)
	defer cancel2()
	if _, err := chromedp.Run(ctx, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.Navigate(u))); err != nil {
		t.Fatalf("loading: %v", err)
	}
	if _, err := eng.Act(ctx, action); err != nil {
		t.Logf("%s: consent: %v", action, err)
	}
	doc := readableHTML(ctx)
	if doc == nil {
		t.Fatalf("%s: no rendered document", action)
	}
	return doc
}
