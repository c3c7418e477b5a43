package leak

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/privacyscan/privacyscan/internal/golden"
	"github.com/privacyscan/privacyscan/scanner/model"
)

var canary = model.Canary{
	Email:      "Lena.Kowalski.q7x2@example.org",
	FirstName:  "Lena",
	LastName:   "Kowalski",
	Phone:      "+49 151 23456789",
	Street:     "Lindenstraße 17",
	PostalCode: "10115",
	City:       "Bad Neustadt",
	SearchTerm: "wanderschuhe canary",
}

func sha256hex(s string) string { h := sha256.Sum256([]byte(s)); return hex.EncodeToString(h[:]) }
func sha1hex(s string) string   { h := sha1.Sum([]byte(s)); return hex.EncodeToString(h[:]) }
func md5hex(s string) string    { h := md5.Sum([]byte(s)); return hex.EncodeToString(h[:]) }

func h(kind, enc, where string) Hit { return Hit{Kind: kind, Encoding: enc, Where: where} }

func TestSearch(t *testing.T) {
	m := New(canary)
	email := "lena.kowalski.q7x2@example.org"
	tests := []struct {
		name string
		x    Exchange
		want []Hit
	}{
		{"email in clear in the body", Exchange{Body: []byte(`{"email":"Lena.Kowalski.q7x2@example.org"}`)},
			[]Hit{h("email", "plain", "body")}},
		{"email lower-cased", Exchange{Body: []byte(`em=` + email)},
			[]Hit{h("email", "lower", "body")}},
		{"email url-encoded in the query", Exchange{URL: "https://t.example/c?e=" + url.QueryEscape(canary.Email)},
			[]Hit{h("email", "url", "url")}},
		{"email url-encoded, lower-case hex escape", Exchange{URL: "https://t.example/c?e=Lena.Kowalski.q7x2%40example.org"},
			[]Hit{h("email", "url", "url")}},
		{"email JSON-escaped", Exchange{Body: []byte(`{"e":"Lena.Kowalski.q7x2\u0040example.org"}`)},
			[]Hit{h("email", "json", "body")}},
		{"email sha256 of lower-trimmed (Meta advanced matching)", Exchange{URL: "https://www.facebook.com/tr?ev=Lead&ud[em]=" + sha256hex(email)},
			[]Hit{h("email", "sha256(lower)", "url")}},
		{"email sha256 upper-case hex", Exchange{Body: []byte("x=" + strings.ToUpper(sha256hex(email)))},
			[]Hit{h("email", "sha256(lower)", "body")}},
		{"email md5 and sha1", Exchange{Body: []byte(md5hex(email) + " " + sha1hex(canary.Email))},
			[]Hit{h("email", "md5(lower)", "body"), h("email", "sha1", "body")}},
		{"email base64 whole value", Exchange{Body: []byte(`d=` + base64.StdEncoding.EncodeToString([]byte(canary.Email)))},
			[]Hit{h("email", "base64", "body")}},
		{"email base64 inside a longer JSON blob, every alignment", Exchange{Body: []byte(
			base64.StdEncoding.EncodeToString([]byte(`{"a":"`+canary.Email+`"}`)) + " " +
				base64.StdEncoding.EncodeToString([]byte(`{"ab":"`+canary.Email+`"}`)) + " " +
				base64.RawURLEncoding.EncodeToString([]byte(`{"abc":"`+canary.Email+`"}`)))},
			[]Hit{h("email", "base64", "body")}},
		{"email base64 then url-encoded in a query (no + or / in the fragment)", Exchange{URL: "https://t.example/c?d=" + url.QueryEscape(base64.StdEncoding.EncodeToString([]byte(`{"e":"`+canary.Email+`"}`)))},
			[]Hit{h("email", "base64", "url")}},
		{"email in a cookie header", Exchange{Headers: map[string]string{"Cookie": "_fbp=1; em=" + url.QueryEscape(canary.Email)}},
			[]Hit{h("email", "url", "cookie")}},
		{"email in a custom header", Exchange{Headers: map[string]string{"X-User": canary.Email}},
			[]Hit{h("email", "plain", "header:x-user")}},
		{"phone digits with country code hashed (Meta ph)", Exchange{URL: "https://www.facebook.com/tr?ud[ph]=" + sha256hex("4915123456789")},
			[]Hit{h("phone", "sha256(digits-cc)", "url")}},
		{"phone E.164 hashed (Google)", Exchange{Body: []byte(`{"sha256_phone_number":"` + sha256hex("+4915123456789") + `"}`)},
			[]Hit{h("phone", "sha256(e164)", "body")}},
		{"phone national digits", Exchange{Body: []byte(`tel=015123456789&x=1`)},
			[]Hit{h("phone", "digits", "body")}},
		{"phone as typed, url-encoded", Exchange{Body: []byte(`tel=%2B49+151+23456789`)},
			[]Hit{h("phone", "url", "body")}},
		{"names lower-cased and hashed", Exchange{URL: "https://t.example/p?fn=" + sha256hex("lena") + "&ln=" + sha256hex("kowalski")},
			[]Hit{h("first_name", "sha256(lower)", "url"), h("last_name", "sha256(lower)", "url")}},
		{"first name in clear (short value, bounded)", Exchange{Body: []byte(`{"firstName":"Lena"}`)},
			[]Hit{h("first_name", "plain", "body")}},
		{"first name inside a longer word is not a hit", Exchange{Body: []byte(`{"t":"Magdalena","u":"Helenas"}`)}, nil},
		{"first name inside the e-mail is the e-mail only", Exchange{Body: []byte(`u=` + canary.Email)},
			[]Hit{h("email", "plain", "body")}},
		{"street with ß url-encoded", Exchange{Body: []byte("street=Lindenstra%C3%9Fe+17")},
			[]Hit{h("street", "url", "body")}},
		{"street JSON-escaped non-ASCII", Exchange{Body: []byte(`{"s":"Lindenstra\u00dfe 17"}`)},
			[]Hit{h("street", "json", "body")}},
		{"postal code in a form field", Exchange{Body: []byte("zip=10115&country=de")},
			[]Hit{h("postal_code", "plain", "body")}},
		{"postal code digits inside a longer number are not a hit", Exchange{URL: "https://t.example/c?ts=1733410115123&id=101152"}, nil},
		{"city lower without spaces hashed (Meta ct)", Exchange{URL: "https://t.example/tr?ud[ct]=" + sha256hex("badneustadt")},
			[]Hit{h("city", "sha256(lower)", "url")}},
		{"search term in query style", Exchange{URL: "https://shop.example/search?q=wanderschuhe+canary"},
			[]Hit{h("search", "url", "url")}},
		{"search term path style", Exchange{URL: "https://www.google-analytics.com/g/collect?dl=https%3A%2F%2Fshop.example%2Fsearch%3Fq%3Dwanderschuhe%2520canary"},
			[]Hit{h("search", "url(url)", "url")}},
		{"search term in a page URL inside a URL (GA4 dl)", Exchange{URL: "https://www.google-analytics.com/g/collect?v=2&dl=https%3A%2F%2Fshop.example%2Fsearch%3Fq%3Dwanderschuhe%2Bcanary&en=page_view"},
			[]Hit{h("search", "url(url)", "url")}},
		{"street url-encoded with lower-case hex escapes", Exchange{Body: []byte("street=Lindenstra%c3%9fe%2017")},
			[]Hit{h("street", "url", "body")}},
		{"search term in clear inside a GA4 body", Exchange{Body: []byte("en=view_search_results&ep.search_term=wanderschuhe%20canary")},
			[]Hit{h("search", "url", "body")}},
		{"nothing of the canary", Exchange{URL: "https://www.google-analytics.com/g/collect?v=2&tid=G-XXXX&en=page_view", Body: []byte(strings.Repeat("abcdefghij0123456789", 100))}, nil},
	}
	var report strings.Builder
	for _, tc := range tests {
		got := m.Search(tc.x)
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
		}
		fmt.Fprintf(&report, "%s: %v\n", tc.name, got)
	}
	golden.Assert(t, "testdata/search.golden", []byte(report.String()))
}

func TestBase64Alignment(t *testing.T) {
	m := New(model.Canary{Email: "someone.long@example.com"})
	for pre := 0; pre < 6; pre++ {
		for post := 0; post < 4; post++ {
			blob := strings.Repeat("x", pre) + "someone.long@example.com" + strings.Repeat("y", post)
			for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding} {
				got := m.Search(Exchange{Body: []byte(enc.EncodeToString([]byte(blob)))})
				if len(got) != 1 || got[0].Kind != "email" || !strings.HasPrefix(got[0].Encoding, "base64") {
					t.Errorf("pre %d post %d: %v", pre, post, got)
				}
			}
		}
	}
}

// TestBase64URLEncoded: a base64 fragment with + or / inside a query string
// is percent-encoded (%2B, %2F).
func TestBase64URLEncoded(t *testing.T) {
	term := "wandersocken größe 42 ~ rot?"
	m := New(model.Canary{SearchTerm: term})
	blob := base64.StdEncoding.EncodeToString([]byte(`{"q":"` + term + `"}`))
	if !strings.ContainsAny(blob, "+/") {
		t.Fatalf("the sample should need percent-encoding: %s", blob)
	}
	got := m.Search(Exchange{URL: "https://t.example/c?d=" + url.QueryEscape(blob)})
	want := []Hit{h("search", "url(base64)", "url")}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestNeedles(t *testing.T) {
	m := New(canary)
	var b strings.Builder
	for _, n := range m.needles {
		fmt.Fprintf(&b, "%-12s %-24s exact=%-5v bounded=%-5v %s\n", n.kind, n.encoding, n.exact, n.bounded, n.text)
		if len(n.text) < MinNeedle {
			t.Errorf("needle %q shorter than %d", n.text, MinNeedle)
		}
	}
	golden.Assert(t, "testdata/needles.golden", []byte(b.String()))
	if New(model.Canary{}).Search(Exchange{Body: []byte("x")}) != nil {
		t.Error("empty canary found something")
	}
	// Values too short to search are skipped, not matched everywhere.
	short := New(model.Canary{FirstName: "Al", PostalCode: "123"})
	if got := short.Search(Exchange{Body: []byte("Al 123 Al")}); got != nil {
		t.Errorf("short values: %v", got)
	}
}

// TestRepeatedValue: a body repeating values thousands of times is searched
// quickly and reported once.
func TestRepeatedValue(t *testing.T) {
	m := New(canary)
	body := []byte(strings.Repeat(`{"fn":"Lena","e":"`+canary.Email+`"},`, 20000) + `{"city":"Bad Neustadt"}`)
	got := m.Search(Exchange{Body: body})
	// The city, after 40000 matches of the others, is still found.
	want := []Hit{h("city", "plain", "body"), h("email", "plain", "body"), h("first_name", "plain", "body")}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}
