package kb

import (
	"strings"
	"testing"

	"github.com/chromedp/cdproto/network"
)

// typedList exercises the resource-type options; written for this test.
const typedList = `! resource types
||ads.example^$script
||img.example^$image,ping
||noxhr.example^$~xmlhttprequest
||frames.example^$subdocument
||styles.example^$stylesheet,third-party
||any.example^
@@||any.example/allowed-scripts/$script
/beacon/collect?$ping
||fonts.example^$font
||media.example^$media
||sockets.example^$websocket
||all.example^$all
||mixed.example^$image,~image
`

func typedDB(t *testing.T) *DB {
	t.Helper()
	fl, err := parseFilterList("typed.txt", strings.NewReader(typedList))
	if err != nil {
		t.Fatal(err)
	}
	if fl.rules != 12 || fl.skipped != 1 {
		t.Fatalf("%d rules, %d skipped; want 12 and 1 ($image,~image matches nothing)", fl.rules, fl.skipped)
	}
	db := newDB()
	db.filters = append(db.filters, fl)
	return db
}

func TestRequestTyped(t *testing.T) {
	db := typedDB(t)
	shop := "https://shop.test/"
	cases := []struct {
		url, page, typ string
		rule           string // "" for no match
		pixel          bool
	}{
		// $script: scripts only; an unknown type matches whatever the rule names.
		{"https://ads.example/a.js", shop, "Script", "||ads.example^$script", false},
		{"https://ads.example/a.js", shop, "script", "||ads.example^$script", false},
		{"https://ads.example/a.gif", shop, "Image", "", false},
		{"https://ads.example/a.json", shop, "Fetch", "", false},
		{"https://ads.example/a.js", shop, "", "||ads.example^$script", false},
		{"https://ads.example/a.js", shop, "NoSuchType", "||ads.example^$script", false},
		// $image,ping: images and beacons, which are pixels.
		{"https://img.example/p.gif?id=1", shop, "Image", "||img.example^$image,ping", true},
		{"https://img.example/p?id=1", shop, "Ping", "||img.example^$image,ping", true},
		{"https://img.example/t.js", shop, "Script", "", false},
		{"https://img.example/p.gif?id=1", shop, "", "||img.example^$image,ping", true},
		// $~xmlhttprequest: everything but XHR and fetch.
		{"https://noxhr.example/api", shop, "XHR", "", false},
		{"https://noxhr.example/api", shop, "Fetch", "", false},
		{"https://noxhr.example/t.js", shop, "Script", "||noxhr.example^$~xmlhttprequest", false},
		{"https://noxhr.example/api", shop, "", "||noxhr.example^$~xmlhttprequest", false},
		// $subdocument: a frame's document.
		{"https://frames.example/widget", shop, "Document", "||frames.example^$subdocument", false},
		{"https://frames.example/widget.js", shop, "Script", "", false},
		// types combine with $third-party.
		{"https://styles.example/s.css", shop, "Stylesheet", "||styles.example^$stylesheet,third-party", false},
		{"https://styles.example/s.css", "https://www.styles.example/", "Stylesheet", "", false},
		{"https://styles.example/s.js", shop, "Script", "", false},
		// No type option: every type. A typed exception only excepts its type.
		{"https://any.example/v.mp4", shop, "Media", "||any.example^", false},
		{"https://any.example/p.gif", shop, "Image", "||any.example^", true},
		{"https://any.example/allowed-scripts/x.js", shop, "Script", "", false},
		{"https://any.example/allowed-scripts/x.gif", shop, "Image", "||any.example^", true},
		{"https://any.example/allowed-scripts/x.js", shop, "", "", false},
		{"https://any.example/t.js", shop, "", "||any.example^", false},
		// Path rules.
		{"https://cdn.test/beacon/collect?e=1", shop, "Ping", "/beacon/collect?$ping", true},
		{"https://cdn.test/beacon/collect?e=1", shop, "XHR", "", false},
		// The other types.
		{"https://fonts.example/f.woff2", shop, "Font", "||fonts.example^$font", false},
		{"https://fonts.example/f.css", shop, "Stylesheet", "", false},
		{"https://media.example/v.mp4", shop, "Media", "||media.example^$media", false},
		{"https://sockets.example/live", shop, "WebSocket", "||sockets.example^$websocket", false},
		{"https://sockets.example/live", shop, "EventSource", "", false},
		{"https://all.example/x", shop, "EventSource", "||all.example^$all", false},
		{"https://all.example/x", shop, "Document", "||all.example^$all", false},
		// A rule that matches no type was skipped.
		{"https://mixed.example/p.gif", shop, "Image", "", false},
	}
	for _, c := range cases {
		m := db.RequestTyped(c.url, c.page, c.typ)
		if m.Rule != c.rule || m.Pixel != c.pixel {
			t.Errorf("%s (%q) on %s: rule %q pixel %v, want %q pixel %v", c.url, c.typ, c.page, m.Rule, m.Pixel, c.rule, c.pixel)
		}
		if c.typ == "" {
			if u := db.Request(c.url, c.page); u != m {
				t.Errorf("%s: Request %+v differs from RequestTyped with no type %+v", c.url, u, m)
			}
		}
	}
}

// TestRequestTypedEmbedded checks that the type does not change what the
// embedded knowledge says: a vendor's domain is its own whatever it loads.
func TestRequestTypedEmbedded(t *testing.T) {
	db := Default()
	for _, u := range []string{"https://www.google-analytics.com/g/collect?v=2", "https://connect.facebook.net/en_US/fbevents.js", "https://shop.test/"} {
		want := db.Request(u, "https://shop.test/")
		for _, typ := range []string{"Script", "Image", "Ping", "XHR", "Document"} {
			if got := db.RequestTyped(u, "https://shop.test/", typ); got != want {
				t.Errorf("%s as %s: %+v, want %+v", u, typ, got, want)
			}
		}
	}
}

// TestCDPResourceTypes checks that every resource type the pinned DevTools
// protocol defines maps to an adblock type, so none is taken for unknown.
func TestCDPResourceTypes(t *testing.T) {
	all := []network.ResourceType{
		network.ResourceTypeDocument, network.ResourceTypeStylesheet, network.ResourceTypeImage,
		network.ResourceTypeMedia, network.ResourceTypeFont, network.ResourceTypeScript,
		network.ResourceTypeTextTrack, network.ResourceTypeXHR, network.ResourceTypeFetch,
		network.ResourceTypePrefetch, network.ResourceTypeEventSource, network.ResourceTypeWebSocket,
		network.ResourceTypeManifest, network.ResourceTypeSignedExchange, network.ResourceTypePing,
		network.ResourceTypeCSPViolationReport, network.ResourceTypePreflight, network.ResourceTypeFedCM,
		network.ResourceTypeOther,
	}
	for _, rt := range all {
		if parseResourceType(string(rt)) == 0 {
			t.Errorf("CDP resource type %q has no adblock type", rt)
		}
	}
	for name, want := range map[string]resourceType{
		"XHR": typeXHR, "Fetch": typeXHR, "Ping": typePing, "Document": typeSubdocument,
		"xmlhttprequest": typeXHR, "subdocument": typeSubdocument, "beacon": typePing, "": 0, "bogus": 0,
	} {
		if got := parseResourceType(name); got != want {
			t.Errorf("parseResourceType(%q) = %b, want %b", name, got, want)
		}
	}
}
