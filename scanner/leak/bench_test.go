package leak

import (
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
		for i := 0; i < 200; i++ {
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
