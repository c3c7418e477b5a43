package scanner

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/har"
	"github.com/chromedp/cdproto/network"

	"github.com/privacyscan/privacyscan/internal/golden"
	"github.com/privacyscan/privacyscan/scanner/model"
)

// harRecording is a page and a tracker hit with what a HAR must redact:
// cookies sent and set, a credential, an identifier in the query and the
// referrer, a form body with an identifier and a JSON body with a cookie
// value.
func harRecording() ([]model.PageResult, recording) {
	t0 := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	doc := &reqState{r: model.Request{URL: "https://shop.test/", Method: "GET", ResourceType: "Document", Page: "https://shop.test/", Status: 200}, size: 2048, mimeType: "text/html",
		raw: rawExchange{Started: t0, Ended: t0.Add(120 * time.Millisecond), Protocol: "h2", RemoteIP: "127.0.0.1", StatusText: "",
			ReqHeaders:  network.Headers{"Cookie": "session=s3cr3t-session-id; lang=en", "User-Agent": "UA", "Authorization": "Bearer abc.def"},
			RespHeaders: network.Headers{"content-type": "text/html"},
			RespWire:    network.Headers{"content-type": "text/html", "set-cookie": "_ga=GA1.1.1234567890.1700000000; Max-Age=63072000; Path=/; Domain=shop.test\nlang=en; Path=/"},
			Body:        []byte("<html>hello GA1.1.1234567890.1700000000</html>")}}
	hit := &reqState{r: model.Request{URL: "https://www.google-analytics.com/g/collect?v=2&cid=1234567890.1700000000&dl=https%3A%2F%2Fshop.test%2F", Method: "POST", ResourceType: "Ping", Page: "https://shop.test/", Status: 204, Redirects: []string{"https://ga.test/r?uid=42"}},
		mimeType: "",
		raw: rawExchange{Started: t0.Add(200 * time.Millisecond), Ended: t0.Add(230 * time.Millisecond), Protocol: "http/1.1",
			ReqHeaders:  network.Headers{"Referer": "https://shop.test/?gclid=xyz", "Content-Type": "application/x-www-form-urlencoded", "X-Client": "s3cr3t-session-id"},
			PostData:    []byte("en=page_view&cid=1234567890.1700000000&note=s3cr3t-session-id"),
			RespHeaders: network.Headers{"Location": "https://shop.test/next?fbclid=f00"}}}
	beacon := &reqState{r: model.Request{URL: "https://in.hotjar.com/api", Method: "POST", ResourceType: "Fetch", Page: "https://shop.test/", Failure: "net::ERR_ABORTED"},
		raw: rawExchange{Started: t0.Add(300 * time.Millisecond), ReqHeaders: network.Headers{"content-type": "application/json"},
			PostData: []byte(`{"user":"s3cr3t-session-id","n":1}`)}}
	data := &reqState{r: model.Request{URL: "data:image/png;base64,AAAA", Method: "GET", Page: "https://shop.test/"}}
	rec := recording{order: []network.RequestID{"1", "2", "3", "4"}, reqs: map[network.RequestID]*reqState{"1": doc, "2": hit, "3": beacon, "4": data}}
	pages := []model.PageResult{{URL: "https://shop.test/", Status: 200, Title: "Shop", LoadMS: 140}}
	return pages, rec
}

func TestBuildHAR(t *testing.T) {
	for _, tc := range []struct {
		name   string
		redact bool
	}{{"redacted", true}, {"show-values", false}} {
		t.Run(tc.name, func(t *testing.T) {
			pages, rec := harRecording()
			var rd *redactor
			if tc.redact {
				rd = &redactor{}
				rd.add("s3cr3t-session-id")
				rd.add("GA1.1.1234567890.1700000000")
			}
			h := buildHAR(harInfo{Creator: "privacyscan", CreatorVersion: "dev", Browser: "HeadlessChrome", BrowserVersion: "1.0"}, pages, rd, rec)
			out, err := json.MarshalIndent(h, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			golden.Assert(t, "testdata/har/"+tc.name+".har", append(out, '\n'))
			var back har.HAR
			if err := json.Unmarshal(out, &back); err != nil || back.Log.Version != "1.2" || len(back.Log.Entries) != 3 {
				t.Fatalf("round trip: %v, %+v", err, back.Log)
			}
			secrets := []string{"s3cr3t-session-id", "1234567890.1700000000", "Bearer abc", "gclid=xyz", "fbclid=f00", "uid=42"}
			for _, s := range secrets {
				if got := strings.Contains(string(out), s); got == tc.redact {
					t.Errorf("HAR holds %q: %v, want %v", s, got, !tc.redact)
				}
			}
		})
	}
}

func TestHARHTTPVersion(t *testing.T) {
	for in, want := range map[string]string{"h2": "HTTP/2.0", "h3": "HTTP/3", "http/1.1": "HTTP/1.1", "": "HTTP/1.1", "http/1.0": "HTTP/1.0", "spdy": "SPDY"} {
		if got := harHTTPVersion(in); got != want {
			t.Errorf("harHTTPVersion(%q) = %q, want %q", in, got, want)
		}
	}
}
