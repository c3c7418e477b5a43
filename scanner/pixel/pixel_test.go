package pixel

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"strings"
	"testing"

	"github.com/privacyscan/privacyscan/internal/golden"
	"github.com/privacyscan/privacyscan/scanner/model"
)

func sha(s string) string { h := sha256.Sum256([]byte(s)); return hex.EncodeToString(h[:]) }

var em = sha("lena.kowalski.q7x2@example.org")

type sample struct {
	name, method, url, body string
	// want is the summaries expected, in order; nil means not a pixel event.
	want []string
}

var samples = []sample{
	{"meta PageView, no user data", "GET",
		"https://www.facebook.com/tr/?id=1234567890&ev=PageView&dl=https%3A%2F%2Fshop.example%2F&rl=&if=false&ts=1733480000000&sw=1920&sh=1080&v=2.9.170&r=stable&a=tmgoogletagmanager&ec=0&o=4126&fbp=fb.1.1733480000000.123&cs_est=true&it=1733479999000&coo=false&rqm=GET",
		"", []string{"PageView, to Meta"}},
	{"meta AddToCart with value and hashed e-mail", "GET",
		"https://www.facebook.com/tr/?id=1234567890&ev=AddToCart&cd[value]=24.90&cd[currency]=EUR&cd[content_ids]=%5B%22SKU-4711%22%5D&cd[content_type]=product&ud[em]=" + em + "&ud[ph]=" + sha("4915123456789"),
		"", []string{"AddToCart, value 24.90 EUR, hashed e-mail, phone, to Meta"}},
	{"meta POST form body, e-mail in clear (udff)", "POST",
		"https://www.facebook.com/tr/", "id=1234567890&ev=Lead&udff%5Bem%5D=lena%40example.org",
		[]string{"Lead, e-mail in clear, to Meta"}},
	{"meta POST multipart (FormData) body", "POST", "https://www.facebook.com/tr/",
		"------WebKitFormBoundaryAbC123\r\nContent-Disposition: form-data; name=\"id\"\r\n\r\n1234567890\r\n" +
			"------WebKitFormBoundaryAbC123\r\nContent-Disposition: form-data; name=\"ev\"\r\n\r\nPurchase\r\n" +
			"------WebKitFormBoundaryAbC123\r\nContent-Disposition: form-data; name=\"cd[value]\"\r\n\r\n59.00\r\n" +
			"------WebKitFormBoundaryAbC123\r\nContent-Disposition: form-data; name=\"cd[currency]\"\r\n\r\nSEK\r\n" +
			"------WebKitFormBoundaryAbC123\r\nContent-Disposition: form-data; name=\"ud[em]\"\r\n\r\n" + em + "\r\n" +
			"------WebKitFormBoundaryAbC123--\r\n",
		[]string{"Purchase, value 59.00 SEK, hashed e-mail, to Meta"}},
	{"meta noscript image", "GET", "https://www.facebook.com/tr?id=1234567890&ev=PageView&noscript=1", "",
		[]string{"PageView, to Meta"}},
	{"facebook page that is not the pixel", "GET", "https://www.facebook.com/tracking-page?ev=PageView", "", nil},
	{"ga4 single event in the query", "POST",
		"https://region1.google-analytics.com/g/collect?v=2&tid=G-ABCDEF1234&cid=123.456&en=add_to_cart&ep.currency=EUR&epn.value=24.90&pr1=idSKU-4711~nmWanderschuh~pr24.90~qt1", "",
		[]string{"add_to_cart, value 24.90 EUR, to Google Analytics"}},
	{"ga4 batched events, one per body line", "POST",
		"https://www.google-analytics.com/g/collect?v=2&tid=G-ABCDEF1234&cid=123.456&cu=EUR&up.customer_tier=gold",
		"en=page_view&_et=10\nen=view_search_results&ep.search_term=wanderschuhe\nen=purchase&epn.value=129.90&ep.transaction_id=T-1",
		[]string{"page_view, to Google Analytics", "view_search_results, to Google Analytics", "purchase, value 129.90 EUR, to Google Analytics"}},
	{"ga4 through a first-party server container, enhanced conversions", "POST",
		"https://sgtm.shop.example/g/collect?v=2&tid=G-ABCDEF1234&en=sign_up&em=tv.1~em." + em + "~ph." + sha("+4915123456789"), "",
		[]string{"sign_up, hashed e-mail, phone, to Google Analytics"}},
	{"ga4-looking path without GA4 parameters", "GET", "https://shop.example/g/collect?foo=bar", "", nil},
	{"google ads conversion", "GET",
		"https://www.googleadservices.com/pagead/conversion/987654321/?label=AbC-dEfGh&value=24.90&currency_code=EUR&oid=ORDER-1&guid=ON&script=0", "",
		[]string{"conversion, value 24.90 EUR, to Google Ads"}},
	{"google ads remarketing ping", "GET",
		"https://googleads.g.doubleclick.net/pagead/viewthroughconversion/987654321/?random=1&cv=11&fst=1&num=1&url=https%3A%2F%2Fshop.example%2F", "",
		[]string{"remarketing, to Google Ads"}},
	{"google ads enhanced conversion", "GET",
		"https://www.google.com/pagead/1p-conversion/987654321/?label=AbC&value=5&currency_code=EUR&em=tv.1~em." + em, "",
		[]string{"conversion, value 5 EUR, hashed e-mail, to Google Ads"}},
	{"tiktok AddToCart with user context", "POST", "https://analytics.tiktok.com/api/v2/pixel",
		`{"event":"AddToCart","message_id":"m1","event_id":"e1","properties":{"value":24.90,"currency":"EUR","contents":[{"content_id":"SKU-4711","quantity":1}]},"context":{"pixel":{"code":"CABCDEF123"},"page":{"url":"https://shop.example/p/1"},"user":{"email":"` + em + `","phone_number":"","external_id":"` + sha("u1") + `"}}}`,
		[]string{"AddToCart, value 24.90 EUR, hashed e-mail, external id, to TikTok"}},
	{"tiktok batch", "POST", "https://analytics.tiktok.com/api/v2/pixel/batch",
		`{"batch":[{"event":"Pageview","context":{"pixel":{"code":"C1"}}},{"event":"ViewContent","properties":{"value":"9.99","currency":"USD"},"context":{"pixel":{"code":"C1"}}}]}`,
		[]string{"Pageview, to TikTok", "ViewContent, value 9.99 USD, to TikTok"}},
	{"pinterest checkout with event data and hashed e-mail", "GET",
		"https://ct.pinterest.com/v3/?tid=2612345678901&event=checkout&ed=" + url.QueryEscape(`{"value":"24.90","currency":"EUR","order_quantity":1}`) + "&pd=" + url.QueryEscape(`{"em":["`+em+`"],"np":"gtm"}`), "",
		[]string{"checkout, value 24.90 EUR, hashed e-mail, to Pinterest"}},
	{"pinterest init on /user", "GET", "https://ct.pinterest.com/user/?tid=2612345678901&pd=" + url.QueryEscape(`{"em":"`+em+`"}`), "",
		[]string{"init, hashed e-mail, to Pinterest"}},
	{"linkedin page view", "GET", "https://px.ads.linkedin.com/collect?v=2&fmt=js&pid=123456&time=1733480000000&url=https%3A%2F%2Fshop.example%2F", "",
		[]string{"PageView, to LinkedIn"}},
	{"linkedin conversion", "GET", "https://px.ads.linkedin.com/collect/?pid=123456&conversionId=7654321&fmt=gif", "",
		[]string{"conversion, to LinkedIn"}},
	{"snap purchase with hashed e-mail and phone (form body)", "POST", "https://tr.snapchat.com/p",
		"pid=abcd-1234&ev=PURCHASE&e_pr=24.90&e_cur=EUR&e_tid=T-1&u_hem=" + em + "&u_hpn=" + sha("4915123456789") + "&u_c1=1234&v=1.0",
		[]string{"PURCHASE, value 24.90 EUR, hashed e-mail, phone, to Snap"}},
	{"criteo OneTag: site type, product view and hashed e-mail", "GET",
		"https://sslwidget.criteo.com/event?a=12345&v=5.23.0&otl=1&p0=" + url.QueryEscape("e=exd&site_type=d") + "&p1=" + url.QueryEscape("e=vp&p=SKU-4711") + "&p2=" + url.QueryEscape("e=ce&m=["+sha("lena.kowalski.q7x2@example.org")+"]") + "&p3=" + url.QueryEscape("e=dis") + "&adce=1", "",
		[]string{"setSiteType, hashed e-mail, to Criteo", "viewItem, hashed e-mail, to Criteo", "setData, hashed e-mail, to Criteo"}},
	{"criteo basket", "GET", "https://dis.criteo.com/event?a=12345&p0=" + url.QueryEscape("e=vb&p=[{i:SKU-4711,pr:24.90,q:1}]"), "",
		[]string{"viewBasket, to Criteo"}},
	{"not a pixel: a shop request", "POST", "https://shop.example/cart/add", "id=4711&qty=1", nil},
	{"not a pixel: malformed URL", "GET", "://bad", "", nil},
}

func TestDecode(t *testing.T) {
	var all []model.PixelEvent
	for _, s := range samples {
		evs := Decode(s.method, s.url, []byte(s.body))
		var got []string
		for _, e := range evs {
			got = append(got, e.Summary)
			if strings.Contains(e.URL, em) {
				t.Errorf("%s: user data kept in URL %s", s.name, e.URL)
			}
			if e.VendorID == "" || e.Vendor == "" || e.URL == "" {
				t.Errorf("%s: incomplete event %+v", s.name, e)
			}
		}
		if strings.Join(got, "|") != strings.Join(s.want, "|") || len(got) != len(s.want) {
			t.Errorf("%s:\n got %q\nwant %q", s.name, got, s.want)
		}
		all = append(all, evs...)
	}
	golden.AssertJSON(t, "testdata/events.golden.json", all)
}

// TestUserDataValuesNeverKept: the decoded events never hold a user-data value.
func TestUserDataValuesNeverKept(t *testing.T) {
	for _, s := range samples {
		for _, e := range Decode(s.method, s.url, []byte(s.body)) {
			for k, v := range e.Params {
				if strings.Contains(v, em) || strings.Contains(k, em) || strings.Contains(v, "lena") {
					t.Errorf("%s: user data kept in param %s=%s", s.name, k, v)
				}
			}
			if strings.Contains(e.Summary, em) {
				t.Errorf("%s: user data in summary", s.name)
			}
		}
	}
}

func TestClipsHostileValues(t *testing.T) {
	evs := Decode("GET", "https://www.facebook.com/tr?id=1&ev=Add%1b[31mToCart&cd[x]="+strings.Repeat("a", 1000), nil)
	if len(evs) != 1 || strings.ContainsRune(evs[0].Event, 0x1b) || len(evs[0].Params["x"]) > maxParam+len("…") {
		t.Errorf("not clipped: %+v", evs)
	}
}
