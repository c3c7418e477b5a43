package kb

import (
	"fmt"
	"strings"
	"testing"
)

var benchURLs = []string{
	"https://www.google-analytics.com/g/collect?v=2&tid=G-XYZ&cid=1.2",
	"https://connect.facebook.net/en_US/fbevents.js",
	"https://www.facebook.com/tr/?id=1&ev=PageView",
	"https://cdn.shopify.com/s/files/1/0000/0001/t/1/assets/theme.css?v=1",
	"https://fonts.gstatic.com/s/inter/v12/a.woff2",
	"https://shop.test/products/shoe?variant=1",
	"https://static.hotjar.com/c/hotjar-1.js?sv=6",
	"https://unknown-cdn.example.net/lib.js",
}

var benchCookies = []struct{ name, domain string }{
	{"_ga", ".shop.test"}, {"_ga_ABC123", ".shop.test"}, {"_fbp", ".shop.test"},
	{"IDE", ".doubleclick.net"}, {"_hjSessionUser_123", ".shop.test"},
	{"PHPSESSID", "shop.test"}, {"mp_0123_mixpanel", ".shop.test"}, {"zzqx_unknown", "shop.test"},
}

func BenchmarkRequest(b *testing.B) {
	db := Default()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		db.Request(benchURLs[i%len(benchURLs)], "https://shop.test/")
	}
}

func BenchmarkCookie(b *testing.B) {
	db := Default()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		c := benchCookies[i%len(benchCookies)]
		db.Cookie(c.name, c.domain)
	}
}

func BenchmarkStorageKey(b *testing.B) {
	db := Default()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		c := benchCookies[i%len(benchCookies)]
		db.StorageKey(c.name, "https://shop.test")
	}
}

// BenchmarkRequestWithFilterList measures a request that falls through the
// embedded knowledge to a 20,000-rule list, about the size of EasyPrivacy.
func BenchmarkRequestWithFilterList(b *testing.B) {
	var list strings.Builder
	for i := 0; i < 10000; i++ {
		fmt.Fprintf(&list, "||tracker%d.example^$third-party\n/collect%d/pixel.gif\n", i, i)
	}
	db, _ := newEmbedded()
	fl, err := parseFilterList("bench.txt", strings.NewReader(list.String()))
	if err != nil {
		b.Fatal(err)
	}
	db.filters = append(db.filters, fl)
	urls := []string{"https://tracker77.example/t.js", "https://cdn.example.org/collect5/pixel.gif?x=1", "https://nothing.example.org/app/main.js?v=3"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		db.Request(urls[i%len(urls)], "https://shop.test/")
	}
}

// BenchmarkRequestTypedWithFilterList is BenchmarkRequestWithFilterList
// with resource-type options on the rules and Chromium types on the requests.
func BenchmarkRequestTypedWithFilterList(b *testing.B) {
	var list strings.Builder
	for i := 0; i < 10000; i++ {
		fmt.Fprintf(&list, "||tracker%d.example^$script,third-party\n/collect%d/pixel.gif$image,ping\n", i, i)
	}
	db, _ := newEmbedded()
	fl, err := parseFilterList("bench.txt", strings.NewReader(list.String()))
	if err != nil {
		b.Fatal(err)
	}
	db.filters = append(db.filters, fl)
	reqs := []struct{ url, typ string }{
		{"https://tracker77.example/t.js", "Script"},
		{"https://tracker77.example/t.gif", "Image"},
		{"https://cdn.example.org/collect5/pixel.gif?x=1", "Image"},
		{"https://nothing.example.org/app/main.js?v=3", "Script"},
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		r := reqs[i%len(reqs)]
		db.RequestTyped(r.url, "https://shop.test/", r.typ)
	}
}

// BenchmarkLoadEmbedded measures compiling the embedded vendor database,
// which Default does once per process.
func BenchmarkLoadEmbedded(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := newEmbedded(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoadOpenCookieDB(b *testing.B) {
	path := ocdCopy(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(LoadOptions{CookieDBs: []string{path}, NoCache: true}); err != nil {
			b.Fatal(err)
		}
	}
}
