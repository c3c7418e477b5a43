package leak

import (
	"bytes"
	"fmt"

	"github.com/privacyscan/privacyscan/scanner/model"
	"math/rand"
	"strings"
	"testing"
)

// ga4Request is a typical GA4 collect request: a 2 KB URL of parameters
// and the browser's headers, no user data.
func ga4Request() Exchange {
	var u strings.Builder
	u.WriteString("https://region1.google-analytics.com/g/collect?v=2&tid=G-ABCDEF1234&gtm=45je4c10v9&_p=1733480000000&gcd=13l3l3l3l1&npa=0&dma=0&cid=1234567890.1733480000&ul=de-de&sr=1920x1080&uaa=x86&uab=64&uafvl=Chromium%3B131.0.6778.85%7CNot_A%2520Brand%3B24.0.0.0&uamb=0&uam=&uap=Linux&uapv=6.8.0&uaw=0&are=1&frm=0&pscdl=noapi&_s=3&sid=1733480000&sct=1&seg=1&dl=https%3A%2F%2Fshop.example%2Fprodukte%2Fwanderschuh-alpin%3Fvariant%3D42&dr=https%3A%2F%2Fshop.example%2F&dt=Wanderschuh%20Alpin%20%E2%80%93%20Shop&en=view_item&_ee=1&ep.currency=EUR&epn.value=129.9&pr1=idSKU-4711~nmWanderschuh%20Alpin~brBergkraft~caSchuhe~va42~pr129.9~qt1&tfd=5123")
	for u.Len() < 1900 {
		u.WriteString("&ep.item_list=" + "kategorie-schuhe-wandern")
	}
	return Exchange{
		URL:    u.String(),
		Method: "POST",
		Headers: map[string]string{
			"User-Agent":      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
			"Referer":         "https://shop.example/",
			"Accept-Language": "de-DE,de;q=0.9",
			"Content-Type":    "text/plain;charset=UTF-8",
		},
	}
}

// body30K is a 30 KB JSON-ish body of mixed text, numbers and base64, with
// no canary value in it.
func body30K() []byte {
	r := rand.New(rand.NewSource(1))
	const alpha = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	var b strings.Builder
	for b.Len() < 30*1024 {
		b.WriteString(`{"event":"add_to_cart","ts":1733480012345,"items":[{"id":"SKU-4711","name":"Wanderschuh Alpin","price":129.90}],"blob":"`)
		for i := 0; i < 50; i++ {
			b.WriteByte(alpha[r.Intn(64)])
		}
		b.WriteString(`"},`)
	}
	return []byte(b.String())
}

func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		New(canary)
	}
}

func BenchmarkSearch(b *testing.B) {
	m := New(canary)
	ga4 := ga4Request()
	big := ga4Request()
	big.Body = body30K()
	b.Run("ga4-2KB", func(b *testing.B) {
		b.SetBytes(int64(len(ga4.URL)))
		b.ReportAllocs()
		for b.Loop() {
			m.Search(ga4)
		}
	})
	b.Run("body-30KB", func(b *testing.B) {
		b.SetBytes(int64(len(big.URL) + len(big.Body)))
		b.ReportAllocs()
		for b.Loop() {
			m.Search(big)
		}
	})
	leaky := ga4Request()
	leaky.URL += "&ud[em]=" + sha256hex("lena.kowalski.q7x2@example.org") + "&q=wanderschuhe+canary"
	b.Run("ga4-2KB-with-leaks", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			m.Search(leaky)
		}
	})
}

// TestNoFalseHits searches realistic traffic that holds none of the values
// for many random canaries: base64 fragments, digests and bounded short
// values must not match by chance.
func TestNoFalseHits(t *testing.T) {
	r := rand.New(rand.NewSource(7))
	firsts := []string{"Lena", "Jonas", "Marta", "Piotr", "Aino", "Sven", "Chloé", "Mateo", "Noor", "Elif"}
	lasts := []string{"Kowalski", "Virtanen", "Lindqvist", "Moreau", "García", "Okafor", "Brandt", "Novák"}
	cities := []string{"Bad Neustadt", "Tampere", "Lyon", "Uppsala", "Graz", "Brno"}
	ga4 := ga4Request()
	big := ga4Request()
	big.Body = body30K()
	hits := 0
	for i := 0; i < 50; i++ {
		fn, ln := firsts[r.Intn(len(firsts))], lasts[r.Intn(len(lasts))]
		c := model.Canary{
			Email:      fmt.Sprintf("%s.%s.%04x@example.org", strings.ToLower(fn), strings.ToLower(ln), r.Intn(1<<16)),
			FirstName:  fn,
			LastName:   ln,
			Phone:      fmt.Sprintf("+49 15%d %08d", r.Intn(10), r.Intn(1e8)),
			Street:     fmt.Sprintf("Canarystraße %d", 1+r.Intn(200)),
			PostalCode: fmt.Sprintf("%05d", 10000+r.Intn(89999)),
			City:       cities[r.Intn(len(cities))],
			SearchTerm: fmt.Sprintf("canary %04x", r.Intn(1<<16)),
		}
		m := New(c)
		for _, x := range []Exchange{ga4, big} {
			if got := m.Search(x); len(got) > 0 {
				hits++
				t.Errorf("canary %+v: false hits %v", c, got)
			}
		}
	}
	t.Logf("%d false hits over 100 searches", hits)
}

// BenchmarkSearchNaive is the baseline the automaton replaces: one
// bytes.Index per needle per request part (case-sensitive, so it even does
// less than Search).
func BenchmarkSearchNaive(b *testing.B) {
	m := New(canary)
	big := ga4Request()
	big.Body = body30K()
	url := []byte(big.URL)
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for i := range m.needles {
			nd := []byte(m.needles[i].text)
			if bytes.Contains(url, nd) || bytes.Contains(big.Body, nd) {
				n++
			}
		}
		if n != 0 {
			b.Fatal("hit")
		}
	}
}
