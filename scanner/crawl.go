package scanner

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"mime"
	"net/url"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/gocolly/colly/v2"
	"github.com/privacyscan/privacyscan/scanner/model"
	"github.com/temoto/robotstxt"
	"golang.org/x/net/publicsuffix"

	"github.com/privacyscan/privacyscan/internal/fetch"
)

// CrawlOptions configure Crawl.
type CrawlOptions struct {
	// MaxPages is how many pages to choose for the browser phases (≥1).
	MaxPages int
	// MaxFetch bounds how many pages the crawler itself downloads.
	MaxFetch int
	// IgnoreRobots disables robots.txt (honoured by default).
	IgnoreRobots bool
	// PolicyURL overrides privacy-policy discovery.
	PolicyURL string
	// Fetcher downloads robots.txt, sitemaps and pages: routing, TLS
	// settings, size limit, and the user agent that is sent and matched
	// against robots.txt. Nil means fetch.New's defaults.
	Fetcher *fetch.Client
	// FirstParty lists extra registrable domains that belong to the site.
	FirstParty []string
}

// CrawlResult is what the crawler found.
type CrawlResult struct {
	FinalURL string
	Pages    []model.PlannedPage
	// PolicyURL is the privacy policy's URL, "" when none was found.
	PolicyURL string
	// Lang is the start page's <html lang>.
	Lang   string
	Errors []string
	// Disallowed counts candidate URLs skipped because of robots.txt.
	Disallowed int
	// Policy is the privacy policy as the crawl fetched it, when it did
	// (nil otherwise): the policy reading uses it instead of fetching the
	// page again.
	Policy *FetchedDoc
}

// FetchedDoc is a document the crawl fetched: its body, as UTF-8, and its
// content type.
type FetchedDoc struct {
	Body        []byte
	ContentType string
}

// crawlDocsLimit bounds the documents a crawl keeps until it has chosen
// the policy; the rest are dropped then.
const crawlDocsLimit = 16 << 20

type candidate struct {
	url    *url.URL
	texts  []string
	depth  int
	kind   string
	score  int
	policy int // privacy-policy link score
}

// Crawl reads robots.txt and the sitemap, follows same-site links of the start
// page and its neighbours, and chooses a representative sample of pages.
func Crawl(ctx context.Context, start string, opts CrawlOptions) (*CrawlResult, error) {
	su, err := url.Parse(start)
	if err != nil {
		return nil, fmt.Errorf("start url: %w", err)
	}
	if opts.MaxPages < 1 {
		opts.MaxPages = 8
	}
	if opts.MaxFetch < 1 {
		opts.MaxFetch = 4 * opts.MaxPages
	}
	if opts.Fetcher == nil {
		opts.Fetcher = fetch.New(fetch.Options{})
	}
	c := &crawler{ctx: ctx, opts: opts, ua: opts.Fetcher.UserAgent(), res: &CrawlResult{FinalURL: start},
		site: registrable(su.Hostname()), cands: map[string]*candidate{}, linkDepth: 1}
	col := c.collector()
	c.readRobots(su)

	// Start page (depth 1), then its same-site neighbours (depth 2).
	err = col.Visit(start)
	col.Wait()
	if err != nil {
		if errors.Is(err, colly.ErrRobotsTxtBlocked) {
			c.res.Errors = append(c.res.Errors, fmt.Sprintf("robots.txt disallows the start page %s (use --ignore-robots to scan it anyway)", start))
			return c.res, nil
		}
		c.res.Errors = append(c.res.Errors, fmt.Sprintf("crawl %s: %v", start, err))
	}
	if fu, err := url.Parse(c.res.FinalURL); err == nil && fu.Host != su.Host {
		c.readRobots(fu) // the start page moved: its host's rules and sitemaps apply
	}
	c.linkDepth = 2
	c.addSitemaps()
	c.visitNeighbours(col)
	col.Wait()
	c.choose(start)
	if c.res.PolicyURL != "" {
		c.res.Policy = c.docs[c.res.PolicyURL]
	}
	c.docs = nil
	return c.res, nil
}

// crawler is the state of one Crawl: the candidates found so far and the
// rules that decide which of them may be fetched.
type crawler struct {
	ctx  context.Context
	opts CrawlOptions
	ua   string
	res  *CrawlResult
	// site is the registrable domain being sampled; a start page that
	// redirects to another site (brand.com -> brand.de) changes it.
	site string
	// robots are the rules of robotsHost; sitemaps those it names.
	robots     *robotstxt.RobotsData
	robotsHost string
	sitemaps   []string
	mu         sync.Mutex
	cands      map[string]*candidate
	fetched    int
	// linkDepth is the depth of links found now: 1 on the start page, 2 on
	// its neighbours.
	linkDepth int
	// docs are the HTML documents fetched so far that may be the policy,
	// by final URL, up to crawlDocsLimit bytes together (docBytes).
	docs     map[string]*FetchedDoc
	docBytes int
}

// sameSite reports whether u belongs to the site or a first-party domain.
func (c *crawler) sameSite(u *url.URL) bool {
	if u.Scheme != "http" && u.Scheme != "https" {
		return false
	}
	d := registrable(u.Hostname())
	if d == c.site {
		return true
	}
	for _, fp := range c.opts.FirstParty {
		if d == registrable(fp) {
			return true
		}
	}
	return false
}

// allowed reports whether robots.txt lets privacyscan fetch u.
func (c *crawler) allowed(u *url.URL) bool {
	if c.opts.IgnoreRobots || c.robots == nil || u.Host != c.robotsHost {
		return true
	}
	p := u.EscapedPath()
	if u.RawQuery != "" {
		p += "?" + u.RawQuery
	}
	return c.robots.TestAgent(p, c.ua)
}

// add records a same-site link with its text, keeping its smallest depth.
func (c *crawler) add(u *url.URL, text string, depth int) {
	u.Fragment = ""
	if !c.sameSite(u) {
		return
	}
	k := u.String()
	c.mu.Lock()
	defer c.mu.Unlock()
	cd, ok := c.cands[k]
	if !ok {
		cd = &candidate{url: u, depth: depth}
		c.cands[k] = cd
	}
	if text = strings.TrimSpace(text); text != "" && len(cd.texts) < 4 {
		cd.texts = append(cd.texts, text)
	}
	if depth < cd.depth {
		cd.depth = depth
	}
}

// collector returns the colly collector that fetches the start page and its
// neighbours through the fetcher's client and reads their links.
func (c *crawler) collector() *colly.Collector {
	col := colly.NewCollector(colly.StdlibContext(c.ctx))
	// NewCollector reads COLLY_* variables after its options; set ours after.
	col.IgnoreRobotsTxt = c.opts.IgnoreRobots
	col.UserAgent = c.ua
	col.MaxDepth = 2
	// colly keeps a page's beginning, as Get's callers of documents do.
	col.MaxBodySize = int(c.opts.Fetcher.MaxBytes())
	// The neighbours are fetched side by side, as many at once as the
	// fetcher lets be in flight to one host (its per-host limits and
	// Crawl-delay pace them anyway).
	col.Async = true
	_ = col.Limit(&colly.LimitRule{DomainGlob: "*", Parallelism: max(1, c.opts.Fetcher.HostConcurrency())})
	col.AllowURLRevisit = false
	col.ParseHTTPErrorResponse = true
	col.DetectCharset = true
	col.SetClient(c.opts.Fetcher.HTTPClient())
	col.OnRequest(func(r *colly.Request) {
		c.mu.Lock()
		defer c.mu.Unlock()
		if c.fetched >= c.opts.MaxFetch {
			r.Abort()
			return
		}
		c.fetched++
	})
	col.OnHTML("html", func(e *colly.HTMLElement) {
		if c.linkDepth == 1 && c.res.Lang == "" { // the start page, alone
			c.res.Lang = strings.TrimSpace(e.Attr("lang"))
		}
	})
	col.OnHTML("a[href]", func(e *colly.HTMLElement) {
		href := e.Attr("href")
		abs, err := url.Parse(e.Request.AbsoluteURL(href))
		if err != nil || href == "" || strings.HasPrefix(href, "#") {
			return
		}
		text := e.Text
		if t := e.Attr("title"); t != "" {
			text += " " + t
		}
		if t := e.Attr("aria-label"); t != "" {
			text += " " + t
		}
		c.add(abs, text, c.linkDepth)
	})
	col.OnResponse(func(r *colly.Response) {
		c.keep(r)
		if c.linkDepth == 1 {
			// Before the page's links are read: a start page that
			// redirected to another site makes that site the one to sample.
			c.res.FinalURL = r.Request.URL.String()
			c.site = registrable(r.Request.URL.Hostname())
		}
	})
	col.OnError(func(r *colly.Response, err error) {
		if c.linkDepth == 1 {
			c.res.Errors = append(c.res.Errors, fmt.Sprintf("crawl %s: %v", r.Request.URL, err))
		}
	})
	return col
}

// keep records a fetched HTML document for reuse. colly may have recoded
// the body from the charset it detected, so only a body that is valid
// UTF-8 and was served as UTF-8 or without a charset is kept, labelled
// UTF-8; any other is fetched again when needed.
func (c *crawler) keep(r *colly.Response) {
	if r.StatusCode < 200 || r.StatusCode >= 300 || r.Request == nil || r.Request.URL == nil {
		return
	}
	ct := r.Headers.Get("Content-Type")
	mt, params, err := mime.ParseMediaType(ct)
	if err != nil || (mt != "text/html" && mt != "application/xhtml+xml") {
		return
	}
	if cs := strings.ToLower(params["charset"]); cs != "" && cs != "utf-8" && cs != "utf8" {
		return
	}
	if !utf8.Valid(r.Body) {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	// Only a page that may be the policy is kept: one the user named, or
	// whose links and address read as a privacy policy.
	u := r.Request.URL.String()
	if cd := c.cands[u]; u != c.opts.PolicyURL && (cd == nil || policyScore(cd) == 0) {
		return
	}
	if c.docBytes+len(r.Body) > crawlDocsLimit {
		return
	}
	if c.docs == nil {
		c.docs = map[string]*FetchedDoc{}
	}
	c.docs[u] = &FetchedDoc{Body: r.Body, ContentType: mt + "; charset=utf-8"}
	c.docBytes += len(r.Body)
}

// readRobots reads robots.txt of u's host once, for its rules and its
// Sitemap lines (sitemap.xml when it names none).
func (c *crawler) readRobots(u *url.URL) {
	c.robots, c.robotsHost, c.sitemaps = nil, u.Host, nil
	r, err := c.opts.Fetcher.Get(c.ctx, u.Scheme+"://"+u.Host+"/robots.txt", fetch.Any)
	if errors.Is(err, fetch.ErrTooLarge) {
		err = nil // RFC 9309 lets a crawler read only the beginning
	}
	if err == nil {
		if rd, err := robotstxt.FromBytes(r.Body); err == nil {
			c.robots, c.sitemaps = rd, rd.Sitemaps
			// The host's Crawl-delay spaces every later request to it,
			// this site's and others' (the fetcher caps it).
			if g := rd.FindGroup(c.ua); g != nil && g.CrawlDelay > 0 && !c.opts.IgnoreRobots {
				c.opts.Fetcher.SetCrawlDelay(u.Host, g.CrawlDelay)
			}
		}
	}
	if len(c.sitemaps) == 0 {
		c.sitemaps = []string{u.Scheme + "://" + u.Host + "/sitemap.xml"}
	}
}

// addSitemaps adds the pages of the site's sitemaps (and sitemap indexes),
// bounded.
func (c *crawler) addSitemaps() {
	onSite := func(raw string) bool {
		u, err := url.Parse(raw)
		return err == nil && c.sameSite(u)
	}
	for _, u := range readSitemaps(c.ctx, c.opts.Fetcher, c.sitemaps, 500, onSite) {
		if pu, err := url.Parse(u); err == nil {
			c.add(pu, "", 2)
		}
	}
}

// visitNeighbours fetches the start page's neighbours, the best candidate of
// each kind and pattern first, for their links and language. They are
// fetched side by side, but which are fetched does not depend on timing:
// the best ones up to the fetch budget, in rank order.
func (c *crawler) visitNeighbours(col *colly.Collector) {
	c.mu.Lock()
	left := c.opts.MaxFetch - c.fetched
	all := ranked(c.cands, c.res.FinalURL)
	c.mu.Unlock()
	for _, cd := range all {
		if left <= 0 || c.ctx.Err() != nil {
			break
		}
		if cd.depth > 1 || !c.allowed(cd.url) || cd.kind == KindOther && cd.depth > 1 {
			continue
		}
		// Errors are recorded by OnError, or are robots rules or
		// duplicates (not fetched: no budget spent).
		if col.Visit(cd.url.String()) == nil {
			left--
		}
	}
}

// choose picks the sample: the start page, the privacy policy, then one
// page per kind and URL pattern, then a second round while there is room.
func (c *crawler) choose(start string) {
	res, opts := c.res, c.opts
	final, _ := url.Parse(res.FinalURL)
	res.Pages = append(res.Pages, model.PlannedPage{URL: res.FinalURL, Kind: KindHome})
	seenPattern := map[string]bool{urlPattern(final): true}
	seenURL := map[string]bool{res.FinalURL: true, start: true}
	if opts.PolicyURL != "" {
		res.PolicyURL = opts.PolicyURL
	}
	all := ranked(c.cands, res.FinalURL)
	if res.PolicyURL == "" {
		best := 0
		for _, cd := range all {
			if cd.policy > best {
				best, res.PolicyURL = cd.policy, cd.url.String()
			}
		}
	}
	if res.PolicyURL != "" && len(res.Pages) < opts.MaxPages {
		if pu, err := url.Parse(res.PolicyURL); err == nil && !seenURL[res.PolicyURL] {
			res.Pages = append(res.Pages, model.PlannedPage{URL: res.PolicyURL, Kind: KindPolicy})
			seenURL[res.PolicyURL], seenPattern[urlPattern(pu)] = true, true
		}
	}
	kinds := []string{KindCategory, KindProduct, KindCart, KindCheckout, KindAccount, KindLegal, KindOther}
	for round := 0; round < 2 && len(res.Pages) < opts.MaxPages; round++ {
		for _, k := range kinds {
			for _, cd := range all {
				if len(res.Pages) >= opts.MaxPages {
					break
				}
				s := cd.url.String()
				if cd.kind != k || seenURL[s] || seenPattern[urlPattern(cd.url)] || !c.allowed(cd.url) {
					if !c.allowed(cd.url) && cd.kind == k && round == 0 {
						res.Disallowed++
					}
					continue
				}
				if isAsset(cd.url) {
					continue
				}
				res.Pages = append(res.Pages, model.PlannedPage{URL: s, Kind: k})
				seenURL[s], seenPattern[urlPattern(cd.url)] = true, true
				if round == 0 {
					break // one page per kind in the first round
				}
			}
		}
	}
}

// ranked classifies and orders candidates: by kind score, then by depth, then URL.
func ranked(cands map[string]*candidate, home string) []*candidate {
	out := make([]*candidate, 0, len(cands))
	for _, c := range cands {
		if c.url.String() == home {
			continue
		}
		c.kind, c.score = classify(c.url, strings.Join(c.texts, " "))
		c.policy = policyScore(c)
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.score != b.score {
			return a.score > b.score
		}
		if a.depth != b.depth {
			return a.depth < b.depth
		}
		return a.url.String() < b.url.String()
	})
	return out
}

// policyScore scores a link as the privacy policy: link text counts most,
// then the URL; cookie-only pages score lower than privacy pages.
func policyScore(c *candidate) int {
	text := foldText(strings.Join(c.texts, " "))
	path, _ := url.PathUnescape(c.url.EscapedPath())
	s := 3*textScore(KindPolicy, text) + textScore(KindPolicy, foldText(path))
	if s > 0 && (containsPhrase(text, "cookie") || containsPhrase(text, "cookies")) && textScore(KindPolicy, text) == 0 {
		s /= 2
	}
	return s
}

var assetExt = []string{".pdf", ".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".zip", ".css", ".js", ".xml", ".json", ".mp4", ".mp3", ".ico", ".woff", ".woff2"}

func isAsset(u *url.URL) bool {
	p := strings.ToLower(u.Path)
	for _, e := range assetExt {
		if strings.HasSuffix(p, e) {
			return true
		}
	}
	return false
}

// registrable returns the registrable domain (eTLD+1) of host, or host itself
// for IPs and single-label names.
func registrable(host string) string {
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	if d, err := publicsuffix.EffectiveTLDPlusOne(host); err == nil {
		return d
	}
	return host
}

// readSitemaps reads sitemaps and sitemap indexes breadth-first, up to max URLs.
func readSitemaps(ctx context.Context, f *fetch.Client, roots []string, max int, onSite func(string) bool) []string {
	type doc struct {
		XMLName  xml.Name
		Sitemaps []struct {
			Loc string `xml:"loc"`
		} `xml:"sitemap"`
		URLs []struct {
			Loc string `xml:"loc"`
		} `xml:"url"`
	}
	var out []string
	queue := append([]string(nil), roots...)
	seen := map[string]bool{}
	for len(queue) > 0 && len(out) < max && len(seen) < 20 {
		u := queue[0]
		queue = queue[1:]
		if seen[u] || !onSite(u) {
			continue
		}
		seen[u] = true
		r, err := f.Get(ctx, u, fetch.XML) // a sitemap over the limit would be cut XML: skipped
		if err != nil {
			continue
		}
		var d doc
		if err := xml.NewDecoder(bytes.NewReader(r.Body)).Decode(&d); err != nil {
			continue
		}
		for _, s := range d.Sitemaps {
			queue = append(queue, strings.TrimSpace(s.Loc))
		}
		for _, l := range d.URLs {
			if len(out) < max {
				out = append(out, strings.TrimSpace(l.Loc))
			}
		}
	}
	return out
}
