// Package pixel decodes advertising and analytics pixels' requests into the
// events they report: the Meta pixel, GA4, Google Ads conversions, TikTok,
// Pinterest, LinkedIn, Snap and Criteo. It recognises a request by host and
// path, reads the documented parameters of each format and says in plain
// words what was sent: "AddToCart, value 24.90 EUR, hashed e-mail, to Meta".
//
// User-data (advanced matching) fields are named, never kept: the report
// says a hashed e-mail was sent, not which.
//
// The package is pure: standard library and the model only.
package pixel

import (
	"bytes"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/url"
	"regexp"
	"sort"
	"strings"

	"github.com/privacyscan/privacyscan/scanner/model"
)

// maxParam bounds a kept parameter value; maxParams the parameters kept per
// event; maxEvents the events decoded from one request.
const (
	maxParam  = 200
	maxParams = 24
	maxEvents = 50
)

// vendor is one pixel format: who receives it (knowledge-base id and name,
// and the company named in the summary) and how to decode it.
type vendor struct {
	id, name, to string
	match        func(host, path string) bool
	decode       func(q url.Values, body []byte) []event
}

// event is what a decoder reads, before the summary is written.
type event struct {
	name     string
	params   map[string]string
	userData map[string]bool // field name -> hashed
	value    string
	currency string
}

var vendors = []vendor{
	{"meta-pixel", "Meta Pixel", "Meta", isMeta, decodeMeta},
	{"google-analytics", "Google Analytics", "Google Analytics", isGA4, decodeGA4},
	{"google-ads", "Google Ads", "Google Ads", isGoogleAds, decodeGoogleAds},
	{"tiktok-pixel", "TikTok Pixel", "TikTok", isTikTok, decodeTikTok},
	{"pinterest", "Pinterest Tag", "Pinterest", isPinterest, decodePinterest},
	{"linkedin-insight", "LinkedIn Insight Tag", "LinkedIn", isLinkedIn, decodeLinkedIn},
	{"snapchat-pixel", "Snap Pixel", "Snap", isSnap, decodeSnap},
	{"criteo", "Criteo", "Criteo", isCriteo, decodeCriteo},
}

// Decode returns the pixel events of one request, none when the request is
// not a known pixel's. The body is the request's post data (form, JSON or
// GA4's newline-separated events). Page is left for the caller, who knows
// on which page the request was made; URL is the request's with user-data
// values replaced by "redacted".
func Decode(method, rawURL string, body []byte) []model.PixelEvent {
	u, err := url.Parse(rawURL)
	if err != nil || u.Host == "" {
		return nil
	}
	host := strings.ToLower(u.Hostname())
	path := u.EscapedPath()
	for _, v := range vendors {
		if !v.match(host, path) {
			continue
		}
		q := parseQuery(u.RawQuery)
		// A POSTed form carries the same parameters as the query.
		if len(body) > 0 && v.id != "google-analytics" && v.id != "tiktok-pixel" {
			var form url.Values
			switch {
			case bytes.HasPrefix(body, []byte("--")):
				form = parseMultipart(body)
			case looksLikeForm(body):
				form = parseQuery(string(body))
			}
			for k, vs := range form {
				q[k] = append(q[k], vs...)
			}
		}
		evs := v.decode(q, body)
		if id := adsConversionID(path); id != "" && v.id == "google-ads" {
			for i := range evs {
				evs[i].params["conversion_id"] = id
			}
		}
		if len(evs) > maxEvents {
			evs = evs[:maxEvents]
		}
		out := make([]model.PixelEvent, 0, len(evs))
		for _, e := range evs {
			if e.name == "" {
				continue
			}
			out = append(out, model.PixelEvent{
				Vendor:   v.name,
				VendorID: v.id,
				Event:    clip(e.name),
				Params:   trim(e.params),
				UserData: names(e.userData),
				Summary:  summary(e, v.to),
				URL:      redactURL(rawURL),
			})
		}
		if len(out) == 0 {
			return nil
		}
		return out
	}
	return nil
}

// userDataKey reports whether a query parameter carries user data in one of
// the formats decoded here.
func userDataKey(k string) bool {
	k, _ = url.QueryUnescape(k)
	if _, ok := bracket(k, "ud"); ok {
		return true
	}
	if _, ok := bracket(k, "udff"); ok {
		return true
	}
	switch k {
	case "em", "pd", "uid", "u_hem", "u_hpn", "u_hfn", "u_hln":
		return true
	}
	return false
}

// redactURL replaces the values of user-data parameters with "redacted", so
// an event keeps the request's URL without the (hashed) personal data.
func redactURL(raw string) string {
	base, query, ok := strings.Cut(raw, "?")
	if !ok {
		return raw
	}
	frag := ""
	if i := strings.IndexByte(query, '#'); i >= 0 {
		query, frag = query[:i], query[i:]
	}
	parts := strings.Split(query, "&")
	for i, p := range parts {
		k, v, ok := strings.Cut(p, "=")
		if !ok {
			continue
		}
		if userDataKey(k) {
			parts[i] = k + "=redacted"
			continue
		}
		// Criteo's pN parameters nest a query: e=ce&m=<hash>.
		if len(k) > 1 && k[0] == 'p' && strings.Trim(k[1:], "0123456789") == "" {
			if inner, err := url.QueryUnescape(v); err == nil {
				iq := parseQuery(inner)
				if iq.Has("m") || iq.Has("h") {
					iq.Set("m", "redacted")
					iq.Del("h")
					parts[i] = k + "=" + url.QueryEscape(iq.Encode())
				}
			}
		}
	}
	return base + "?" + strings.Join(parts, "&") + frag
}

// parseQuery is url.ParseQuery that keeps what it can of a malformed query.
func parseQuery(s string) url.Values {
	q, _ := url.ParseQuery(s)
	if q == nil {
		q = url.Values{}
	}
	return q
}

// parseMultipart reads a multipart/form-data body (a FormData POST, as the
// Meta pixel sends long events) into values; the boundary is the body's
// first line.
func parseMultipart(b []byte) url.Values {
	out := url.Values{}
	line, _, _ := bytes.Cut(b, []byte("\n"))
	boundary := strings.TrimSpace(strings.TrimPrefix(string(line), "--"))
	if boundary == "" {
		return out
	}
	r := multipart.NewReader(bytes.NewReader(b), boundary)
	for i := 0; i < 500; i++ {
		p, err := r.NextPart()
		if err != nil {
			break
		}
		if name := p.FormName(); name != "" && p.FileName() == "" {
			v, _ := io.ReadAll(io.LimitReader(p, 64<<10))
			out.Add(name, string(v))
		}
	}
	return out
}

func looksLikeForm(b []byte) bool {
	s := strings.TrimSpace(string(b))
	return s != "" && s[0] != '{' && s[0] != '[' && strings.Contains(s, "=")
}

func hostIs(host string, domains ...string) bool {
	for _, d := range domains {
		if host == d || strings.HasSuffix(host, "."+d) {
			return true
		}
	}
	return false
}

func clip(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, s)
	if len(s) > maxParam {
		s = s[:maxParam] + "…"
	}
	return s
}

func trim(p map[string]string) map[string]string {
	if len(p) == 0 {
		return nil
	}
	keys := make([]string, 0, len(p))
	for k := range p {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := map[string]string{}
	for _, k := range keys {
		if len(out) == maxParams {
			break
		}
		if p[k] != "" {
			out[clip(k)] = clip(p[k])
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

func names(ud map[string]bool) []string {
	if len(ud) == 0 {
		return nil
	}
	out := make([]string, 0, len(ud))
	for k := range ud {
		out = append(out, clip(k))
	}
	sort.Strings(out)
	return out
}

var hexRE = regexp.MustCompile(`^(?:[0-9a-fA-F]{32}|[0-9a-fA-F]{40}|[0-9a-fA-F]{64})$`)

// hashed reports whether a user-data value looks like a digest (hex MD5,
// SHA-1 or SHA-256).
func hashed(v string) bool { return hexRE.MatchString(strings.TrimSpace(v)) }

// fieldWords names the usual advanced-matching fields in words.
var fieldWords = map[string]string{
	"em": "e-mail", "email": "e-mail", "u_hem": "e-mail", "sha256_email_address": "e-mail", "hashed_email": "e-mail",
	"ph": "phone", "phone": "phone", "phone_number": "phone", "u_hpn": "phone", "sha256_phone_number": "phone",
	"fn": "first name", "first_name": "first name", "u_hfn": "first name",
	"ln": "last name", "last_name": "last name", "u_hln": "last name",
	"ct": "city", "city": "city",
	"zp": "postal code", "zip": "postal code", "postal_code": "postal code",
	"st": "state", "country": "country", "ge": "gender", "db": "birth date",
	"external_id": "external id", "uid": "user id", "user_id": "user id",
	"street": "street", "address": "address",
}

// summary writes the event in plain words.
func summary(e event, to string) string {
	parts := []string{clip(e.name)}
	if e.value != "" {
		v := "value " + clip(e.value)
		if e.currency != "" {
			v += " " + clip(strings.ToUpper(e.currency))
		}
		parts = append(parts, v)
	}
	if len(e.userData) > 0 {
		var hashedW, clearW []string
		seen := map[string]bool{}
		for _, k := range names(e.userData) {
			w := fieldWords[strings.ToLower(k)]
			if w == "" {
				w = k
			}
			if seen[w] {
				continue
			}
			seen[w] = true
			if e.userData[k] {
				hashedW = append(hashedW, w)
			} else {
				clearW = append(clearW, w)
			}
		}
		if len(hashedW) > 0 {
			parts = append(parts, "hashed "+strings.Join(hashedW, ", "))
		}
		if len(clearW) > 0 {
			parts = append(parts, strings.Join(clearW, ", ")+" in clear")
		}
	}
	return strings.Join(parts, ", ") + ", to " + to
}

// bracket returns the name inside prefix[...] ("cd[value]" -> "value").
func bracket(k, prefix string) (string, bool) {
	if strings.HasPrefix(k, prefix+"[") && strings.HasSuffix(k, "]") {
		return k[len(prefix)+1 : len(k)-1], true
	}
	return "", false
}

// --- Meta pixel: facebook.com/tr?id=&ev=&cd[...]=&ud[...]= ---

func isMeta(host, path string) bool {
	return hostIs(host, "facebook.com", "facebook.net") && (path == "/tr" || path == "/tr/" || strings.HasPrefix(path, "/tr/"))
}

func decodeMeta(q url.Values, _ []byte) []event {
	e := event{name: q.Get("ev"), params: map[string]string{}, userData: map[string]bool{}}
	if id := q.Get("id"); id != "" {
		e.params["pixel_id"] = id
	}
	for k, vs := range q {
		v := ""
		if len(vs) > 0 {
			v = vs[0]
		}
		if n, ok := bracket(k, "cd"); ok {
			e.params[n] = v
			continue
		}
		for _, pre := range []string{"ud", "udff"} {
			if n, ok := bracket(k, pre); ok && v != "" {
				e.userData[n] = e.userData[n] || hashed(v)
			}
		}
	}
	e.value, e.currency = e.params["value"], e.params["currency"]
	return []event{e}
}

// --- GA4: /g/collect?v=2&tid=G-...&en=...; the body holds one event per line ---

func isGA4(host, path string) bool {
	return strings.HasSuffix(path, "/g/collect")
}

func decodeGA4(q url.Values, body []byte) []event {
	if q.Get("v") != "2" && !strings.HasPrefix(q.Get("tid"), "G-") {
		return nil
	}
	lines := []string{""}
	if b := strings.TrimSpace(string(body)); b != "" {
		lines = strings.Split(b, "\n")
	}
	var out []event
	for _, line := range lines {
		lq := parseQuery(strings.TrimSpace(line))
		// The query holds what every event shares; a line overrides it.
		get := func(k string) string {
			if v := lq.Get(k); v != "" {
				return v
			}
			return q.Get(k)
		}
		e := event{name: get("en"), params: map[string]string{}, userData: map[string]bool{}}
		if tid := q.Get("tid"); tid != "" {
			e.params["measurement_id"] = tid
		}
		for _, src := range []url.Values{q, lq} {
			for k, vs := range src {
				v := ""
				if len(vs) > 0 {
					v = vs[0]
				}
				for _, pre := range []string{"ep.", "epn.", "up.", "upn."} {
					if strings.HasPrefix(k, pre) {
						name := k[len(pre):]
						if strings.HasPrefix(pre, "u") {
							name = "user." + name
						}
						e.params[name] = v
					}
				}
			}
		}
		if v := get("cu"); v != "" {
			e.params["currency"] = v
		}
		// User-provided data (enhanced conversions): em=tv.1~em.<hash>~ph.<hash>.
		if em := get("em"); em != "" {
			for _, f := range strings.Split(em, "~") {
				if k, v, ok := strings.Cut(f, "."); ok && k != "tv" {
					e.userData[k] = hashed(v)
				}
			}
		}
		if uid := get("uid"); uid != "" {
			e.userData["uid"] = hashed(uid)
		}
		e.value, e.currency = e.params["value"], e.params["currency"]
		out = append(out, e)
	}
	return out
}

// --- Google Ads: googleadservices.com/pagead/conversion/<id>/, googleads.g.doubleclick.net/pagead/viewthroughconversion/<id>/ ---

var adsPathRE = regexp.MustCompile(`^/pagead/(conversion|viewthroughconversion|1p-conversion|1p-user-list)/([^/]+)`)

func isGoogleAds(host, path string) bool {
	if !hostIs(host, "googleadservices.com", "googleads.g.doubleclick.net", "google.com") {
		return false
	}
	return adsPathRE.MatchString(path)
}

func decodeGoogleAds(q url.Values, _ []byte) []event {
	e := event{name: "conversion", params: map[string]string{}, userData: map[string]bool{}}
	for _, k := range []string{"label", "value", "currency_code", "oid", "transaction_id"} {
		if v := q.Get(k); v != "" {
			e.params[k] = v
		}
	}
	if q.Get("label") == "" {
		// A conversion tag without a label is the remarketing ping.
		e.name = "remarketing"
	}
	if ev := q.Get("en"); ev != "" {
		e.name = ev
	}
	if em := q.Get("em"); em != "" {
		for _, f := range strings.Split(em, "~") {
			if k, v, ok := strings.Cut(f, "."); ok && k != "tv" {
				e.userData[k] = hashed(v)
			}
		}
	}
	e.value, e.currency = q.Get("value"), q.Get("currency_code")
	return []event{e}
}

// adsConversionID is the conversion id in a Google Ads path.
func adsConversionID(path string) string {
	if m := adsPathRE.FindStringSubmatch(path); m != nil {
		return m[2]
	}
	return ""
}

// --- TikTok: analytics.tiktok.com/api/v2/pixel, JSON body ---

func isTikTok(host, path string) bool {
	return hostIs(host, "analytics.tiktok.com") && strings.HasPrefix(path, "/api/v2/pixel")
}

type tiktokEvent struct {
	Event      string         `json:"event"`
	Properties map[string]any `json:"properties"`
	Context    struct {
		User  map[string]any `json:"user"`
		Pixel struct {
			Code string `json:"code"`
		} `json:"pixel"`
	} `json:"context"`
}

func decodeTikTok(_ url.Values, body []byte) []event {
	var batch struct {
		Batch []tiktokEvent `json:"batch"`
	}
	var one tiktokEvent
	var evs []tiktokEvent
	if unmarshal(body, &batch) == nil && len(batch.Batch) > 0 {
		evs = batch.Batch
	} else if unmarshal(body, &one) == nil {
		evs = []tiktokEvent{one}
	}
	var out []event
	for _, t := range evs {
		e := event{name: t.Event, params: map[string]string{}, userData: map[string]bool{}}
		if t.Context.Pixel.Code != "" {
			e.params["pixel_code"] = t.Context.Pixel.Code
		}
		for k, v := range t.Properties {
			e.params[k] = scalar(v)
		}
		for k, v := range t.Context.User {
			if s := scalar(v); s != "" {
				e.userData[k] = hashed(s)
			}
		}
		e.value, e.currency = e.params["value"], e.params["currency"]
		out = append(out, e)
	}
	return out
}

// unmarshal decodes JSON keeping numbers as written ("24.90", not 24.9).
func unmarshal(b []byte, v any) error {
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	return d.Decode(v)
}

// scalar writes a JSON value as a parameter: strings and numbers as they are,
// anything else as compact JSON.
func scalar(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case json.Number:
		return x.String()
	default:
		b, err := json.Marshal(x)
		if err != nil {
			return ""
		}
		return string(b)
	}
}

// --- Pinterest: ct.pinterest.com/v3/?tid=&event=&ed={...}&pd={...}, /user/ ---

func isPinterest(host, path string) bool {
	return hostIs(host, "ct.pinterest.com") && (strings.HasPrefix(path, "/v3") || strings.HasPrefix(path, "/user"))
}

func decodePinterest(q url.Values, _ []byte) []event {
	e := event{name: q.Get("event"), params: map[string]string{}, userData: map[string]bool{}}
	if tid := q.Get("tid"); tid != "" {
		e.params["tag_id"] = tid
	}
	var ed map[string]any
	if unmarshal([]byte(q.Get("ed")), &ed) == nil {
		for k, v := range ed {
			e.params[k] = scalar(v)
		}
	}
	var pd map[string]any
	if unmarshal([]byte(q.Get("pd")), &pd) == nil {
		for k, v := range pd {
			s := scalar(v)
			// pd values are lists of hashes: ["<hex>"].
			var list []string
			if json.Unmarshal([]byte(s), &list) == nil && len(list) > 0 {
				s = list[0]
			}
			// np names the integration (gtm, shopify), not the user.
			if s != "" && k != "np" {
				e.userData[k] = hashed(s)
			}
		}
	}
	if e.name == "" {
		e.name = "init"
	}
	e.value, e.currency = e.params["value"], e.params["currency"]
	return []event{e}
}

// --- LinkedIn Insight: px.ads.linkedin.com/collect?pid=&conversionId= ---

func isLinkedIn(host, path string) bool {
	return hostIs(host, "px.ads.linkedin.com") && (strings.HasPrefix(path, "/collect") || strings.HasPrefix(path, "/wa"))
}

func decodeLinkedIn(q url.Values, body []byte) []event {
	pid, conv := q.Get("pid"), q.Get("conversionId")
	if pid == "" && len(body) > 0 {
		var j map[string]any
		if json.Unmarshal(body, &j) == nil {
			pid, conv = scalar(j["pids"]), scalar(j["conversionId"])
			if pid == "" {
				pid = scalar(j["pid"])
			}
		}
	}
	e := event{name: "PageView", params: map[string]string{}}
	if pid != "" {
		e.params["partner_id"] = pid
	}
	if conv != "" {
		e.name = "conversion"
		e.params["conversion_id"] = conv
	}
	return []event{e}
}

// --- Snap: tr.snapchat.com/p (form), ev=PAGE_VIEW, u_hem=<hash> ---

func isSnap(host, path string) bool {
	return hostIs(host, "tr.snapchat.com", "tr-shadow.snapchat.com")
}

func decodeSnap(q url.Values, _ []byte) []event {
	e := event{name: q.Get("ev"), params: map[string]string{}, userData: map[string]bool{}}
	if pid := q.Get("pid"); pid != "" {
		e.params["pixel_id"] = pid
	}
	for k, vs := range q {
		v := ""
		if len(vs) > 0 {
			v = vs[0]
		}
		switch {
		case strings.HasPrefix(k, "u_") && k != "u_c1" && v != "":
			e.userData[k] = hashed(v)
		case strings.HasPrefix(k, "e_"):
			e.params[k[2:]] = v
		}
	}
	e.value, e.currency = e.params["pr"], e.params["cur"]
	return []event{e}
}

// --- Criteo OneTag: sslwidget.criteo.com/event?a=<account>&p0=e%3Dvh&p1=e%3Dvp%26p%3D... ---

func isCriteo(host, path string) bool {
	return hostIs(host, "sslwidget.criteo.com") && strings.HasPrefix(path, "/event") ||
		hostIs(host, "dis.criteo.com")
}

var criteoEvents = map[string]string{
	"vh": "viewHome", "vl": "viewList", "vp": "viewItem", "vb": "viewBasket",
	"vc": "trackTransaction", "ce": "setEmail", "exd": "setSiteType", "dis": "setData",
}

func decodeCriteo(q url.Values, _ []byte) []event {
	var keys []string
	for k := range q {
		if len(k) > 1 && k[0] == 'p' && strings.Trim(k[1:], "0123456789") == "" {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		if len(keys[i]) != len(keys[j]) {
			return len(keys[i]) < len(keys[j])
		}
		return keys[i] < keys[j]
	})
	var out []event
	var email map[string]bool
	for _, k := range keys {
		pq := parseQuery(q.Get(k))
		code := pq.Get("e")
		if code == "" {
			continue
		}
		if code == "ce" || pq.Has("m") || pq.Has("h") {
			// setEmail: m (or h) holds the hashed address; attach it to
			// the request's events.
			for _, f := range []string{"m", "h"} {
				if v := pq.Get(f); v != "" {
					v = strings.Trim(v, "[]\"")
					if email == nil {
						email = map[string]bool{}
					}
					email["email"] = email["email"] || hashed(v)
				}
			}
			if code == "ce" {
				continue
			}
		}
		name := criteoEvents[code]
		if name == "" {
			name = code
		}
		e := event{name: name, params: map[string]string{}}
		if a := q.Get("a"); a != "" {
			e.params["account"] = a
		}
		for pk, vs := range pq {
			if pk != "e" && pk != "m" && pk != "h" && len(vs) > 0 {
				e.params[pk] = vs[0]
			}
		}
		out = append(out, e)
	}
	if email != nil {
		if len(out) == 0 {
			out = append(out, event{name: "setEmail", params: map[string]string{"account": q.Get("a")}})
		}
		for i := range out {
			out[i].userData = email
		}
	}
	return out
}
