package scanner

import "testing"

func TestRedactor(t *testing.T) {
	rd := &redactor{}
	rd.add("fb.1.1795315698546.231706622")
	rd.add("GA1.1.1234567890.1700000000")
	rd.add("short")
	cases := []struct{ in, want string }{
		{"https://www.facebook.com/tr?id=48291&ev=PageView&fbp=fb.1.1795315698546.231706622&ts=1",
			"https://www.facebook.com/tr?id=48291&ev=PageView&fbp=REDACTED&ts=1"},
		// GA's cid is part of the _ga cookie value.
		{"https://www.google-analytics.com/g/collect?v=2&tid=G-1&cid=1234567890.1700000000&dl=https%3A%2F%2Fshop.test%2F",
			"https://www.google-analytics.com/g/collect?v=2&tid=G-1&cid=REDACTED&dl=https%3A%2F%2Fshop.test%2F"},
		// A cookie value under an unknown name.
		{"https://t.example/p?x=1&zz=fb.1.1795315698546.231706622#f", "https://t.example/p?x=1&zz=REDACTED#f"},
		{"https://shop.test/?q=short", "https://shop.test/?q=short"},
		{"https://shop.test/", "https://shop.test/"},
		{"https://x.test/?gclid=abc&email=a%40b.c", "https://x.test/?gclid=REDACTED&email=REDACTED"},
	}
	for _, c := range cases {
		if got := rd.url(c.in); got != c.want {
			t.Errorf("url(%s)\n got %s\nwant %s", c.in, got, c.want)
		}
	}
	if got := rd.initiator("script https://x.test/a.js?uid=42"); got != "script https://x.test/a.js?uid=REDACTED" {
		t.Errorf("initiator = %s", got)
	}
}
