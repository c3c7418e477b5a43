package scanner

import (
	"encoding/base64"
	"mime"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/chromedp/cdproto/har"
	"github.com/chromedp/cdproto/network"
	"github.com/privacyscan/privacyscan/scanner/model"
)

// harTime is the HAR's ISO 8601 date and time.
const harTime = "2006-01-02T15:04:05.000Z07:00"

// harInfo names the program and browser of a HAR.
type harInfo struct {
	Creator, CreatorVersion string
	Browser, BrowserVersion string
}

// buildHAR turns a phase's recordings (what the first page did before a
// consent click, then the rest) into a HAR 1.2 log, one page per page
// loaded. The entries are the requests the report lists (http and https
// only), with their wire detail; rd, unless nil (--show-values), redacts
// cookie values, Cookie and Set-Cookie values, credentials and identifiers
// as the report's URLs are.
func buildHAR(info harInfo, pages []model.PageResult, rd *redactor, recs ...recording) *har.HAR {
	log := &har.Log{Version: "1.2", Creator: &har.Creator{Name: info.Creator, Version: info.CreatorVersion}, Pages: []*har.Page{}, Entries: []*har.Entry{}}
	if info.Browser != "" {
		log.Browser = &har.Creator{Name: info.Browser, Version: info.BrowserVersion}
	}
	pageID := map[string]*har.Page{}
	for _, p := range pages {
		if _, ok := pageID[p.URL]; ok {
			continue
		}
		pg := &har.Page{ID: "page_" + strconv.Itoa(len(log.Pages)+1), Title: p.Title, PageTimings: &har.PageTimings{}}
		if pg.Title == "" {
			pg.Title = redactURL(rd, p.URL)
		}
		if p.LoadMS > 0 {
			ms := float64(p.LoadMS)
			pg.PageTimings.OnLoad = &ms
		}
		pageID[p.URL] = pg
		log.Pages = append(log.Pages, pg)
	}
	firstStart := map[*har.Page]time.Time{}
	for _, rec := range recs {
		for _, id := range rec.order {
			st := rec.reqs[id]
			if st == nil {
				continue
			}
			u, err := url.Parse(st.r.URL)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
				continue
			}
			e := harEntry(st, rd)
			if pg := pageID[st.r.Page]; pg != nil {
				e.Pageref = pg.ID
				if t, ok := firstStart[pg]; !ok || st.raw.Started.Before(t) {
					firstStart[pg] = st.raw.Started
				}
			}
			log.Entries = append(log.Entries, e)
		}
	}
	for _, pg := range log.Pages {
		if t, ok := firstStart[pg]; ok && !t.IsZero() {
			pg.StartedDateTime = t.UTC().Format(harTime)
		} else if len(log.Entries) > 0 {
			pg.StartedDateTime = log.Entries[0].StartedDateTime
		} else {
			pg.StartedDateTime = time.Unix(0, 0).UTC().Format(harTime)
		}
	}
	return &har.HAR{Log: log}
}

func redactURL(rd *redactor, u string) string {
	if rd == nil {
		return u
	}
	return rd.url(u)
}

// harEntry is one request as a HAR entry.
func harEntry(st *reqState, rd *redactor) *har.Entry {
	raw := st.raw
	reqURL := redactURL(rd, st.r.URL)
	if i := strings.IndexByte(reqURL, '#'); i >= 0 {
		reqURL = reqURL[:i]
	}
	ms := -1.0
	e := &har.Entry{
		StartedDateTime: raw.Started.UTC().Format(harTime),
		Cache:           &har.Cache{},
		Timings:         &har.Timings{Blocked: &ms, DNS: &ms, Connect: &ms, Ssl: &ms},
		ServerIPAddress: raw.RemoteIP,
	}
	if !raw.Ended.IsZero() && raw.Ended.After(raw.Started) {
		e.Time = float64(raw.Ended.Sub(raw.Started).Microseconds()) / 1000
		e.Timings.Wait = e.Time
	}
	httpVersion := harHTTPVersion(raw.Protocol)
	req := &har.Request{Method: st.r.Method, URL: reqURL, HTTPVersion: httpVersion, HeadersSize: -1, BodySize: int64(len(raw.PostData))}
	req.Headers, req.Cookies = harHeaders(raw.ReqHeaders, rd, false)
	req.QueryString = harQuery(reqURL)
	if len(raw.PostData) > 0 {
		ct := headerValue(raw.ReqHeaders, "content-type")
		req.PostData = harPostData(raw.PostData, ct, rd)
		if raw.PostDataCut {
			req.PostData.Comment = "cut at " + strconv.Itoa(maxPostData) + " bytes"
		}
	}
	e.Request = req
	resp := &har.Response{Status: int64(st.r.Status), StatusText: raw.StatusText, HTTPVersion: httpVersion, HeadersSize: -1, BodySize: int64(st.size)}
	if st.r.Status == 0 {
		resp.BodySize = -1
	}
	respHeaders := raw.RespHeaders
	if len(raw.RespWire) > 0 {
		respHeaders = raw.RespWire
	}
	resp.Headers, resp.Cookies = harHeaders(respHeaders, rd, true)
	resp.RedirectURL = redactURL(rd, headerValue(respHeaders, "location"))
	resp.Content = &har.Content{MimeType: st.mimeType}
	if raw.Body != nil {
		body := raw.Body
		if rd != nil && textual(st.mimeType) {
			body = []byte(rd.text(string(body)))
		}
		resp.Content.Size = int64(len(body))
		resp.Content.Text = body // encoding/json writes []byte in base64
		resp.Content.Encoding = "base64"
		if raw.BodyCut {
			resp.Content.Comment = "cut at the --har-bodies limit"
		}
	}
	e.Response = resp
	var notes []string
	if len(st.r.Redirects) > 0 {
		hops := make([]string, len(st.r.Redirects))
		for i, r := range st.r.Redirects {
			hops[i] = redactURL(rd, r)
		}
		notes = append(notes, "redirected from "+strings.Join(hops, " → "))
	}
	if st.r.Failure != "" {
		notes = append(notes, "failed: "+st.r.Failure)
	}
	e.Comment = strings.Join(notes, "; ")
	return e
}

// harHTTPVersion names the protocol as HAR does.
func harHTTPVersion(p string) string {
	switch strings.ToLower(p) {
	case "h2", "http/2", "http/2.0":
		return "HTTP/2.0"
	case "h3", "http/3", "quic":
		return "HTTP/3"
	case "http/1.0":
		return "HTTP/1.0"
	case "":
		return "HTTP/1.1"
	}
	if strings.HasPrefix(strings.ToLower(p), "http/1.1") {
		return "HTTP/1.1"
	}
	return strings.ToUpper(p)
}

// headerValue returns a header's value, case-insensitively.
func headerValue(h network.Headers, name string) string {
	for k, v := range h {
		if strings.EqualFold(k, name) {
			s, _ := v.(string)
			return s
		}
	}
	return ""
}

// credentialHeaders carry secrets whole.
var credentialHeaders = map[string]bool{"authorization": true, "proxy-authorization": true}

// harHeaders lists the headers in name order (Chromium joins repeated
// headers with newlines: each becomes its own pair) and the cookies of the
// Cookie (request) or Set-Cookie (response) header.
func harHeaders(h network.Headers, rd *redactor, response bool) ([]*har.NameValuePair, []*har.Cookie) {
	names := make([]string, 0, len(h))
	for k := range h {
		names = append(names, k)
	}
	sort.Strings(names)
	pairs := []*har.NameValuePair{}
	cookies := []*har.Cookie{}
	for _, k := range names {
		s, _ := h[k].(string)
		lk := strings.ToLower(k)
		for _, v := range strings.Split(s, "\n") {
			switch {
			case lk == "cookie" && !response:
				var parts []string
				for _, c := range strings.Split(v, ";") {
					name, val, _ := strings.Cut(strings.TrimSpace(c), "=")
					if name == "" {
						continue
					}
					if rd != nil {
						val = Redacted
					}
					cookies = append(cookies, &har.Cookie{Name: name, Value: val})
					parts = append(parts, name+"="+val)
				}
				v = strings.Join(parts, "; ")
			case lk == "set-cookie" && response:
				c := harSetCookie(v)
				if c == nil {
					break
				}
				if rd != nil {
					c.Value = Redacted
					_, attrs, _ := strings.Cut(v, ";")
					v = c.Name + "=" + Redacted
					if attrs != "" {
						v += ";" + attrs
					}
				}
				cookies = append(cookies, c)
			case rd != nil && credentialHeaders[lk]:
				v = Redacted
			case rd != nil && (lk == "referer" || lk == "location" || lk == "content-location"):
				v = rd.text(rd.url(v))
			case rd != nil:
				v = rd.text(v)
			}
			pairs = append(pairs, &har.NameValuePair{Name: k, Value: v})
		}
	}
	return pairs, cookies
}

// harSetCookie reads one Set-Cookie line.
func harSetCookie(line string) *har.Cookie {
	c, err := http.ParseSetCookie(strings.TrimSpace(line))
	if err != nil || c.Name == "" {
		first, _, _ := strings.Cut(line, ";")
		n, v, ok := strings.Cut(first, "=")
		if !ok || strings.TrimSpace(n) == "" {
			return nil
		}
		return &har.Cookie{Name: strings.TrimSpace(n), Value: strings.TrimSpace(v)}
	}
	hc := &har.Cookie{Name: c.Name, Value: c.Value, Path: c.Path, Domain: c.Domain, HTTPOnly: c.HttpOnly, Secure: c.Secure}
	if !c.Expires.IsZero() {
		hc.Expires = c.Expires.UTC().Format(harTime)
	}
	return hc
}

// harQuery lists the (already redacted) URL's query parameters in order.
func harQuery(u string) []*har.NameValuePair {
	out := []*har.NameValuePair{}
	_, q, ok := strings.Cut(u, "?")
	if !ok {
		return out
	}
	for _, p := range strings.Split(q, "&") {
		if p == "" {
			continue
		}
		k, v, _ := strings.Cut(p, "=")
		if dk, err := url.QueryUnescape(k); err == nil {
			k = dk
		}
		if dv, err := url.QueryUnescape(v); err == nil {
			v = dv
		}
		out = append(out, &har.NameValuePair{Name: k, Value: v})
	}
	return out
}

// harPostData is a request body: a form's parameters are listed (and
// redacted as a query is), any other body is text with cookie values
// replaced.
func harPostData(body []byte, contentType string, rd *redactor) *har.PostData {
	mt, _, _ := mime.ParseMediaType(contentType)
	pd := &har.PostData{MimeType: contentType, Params: []*har.Param{}}
	text := string(body)
	if mt == "application/x-www-form-urlencoded" {
		if rd != nil {
			text = strings.TrimPrefix(rd.url("?"+text), "?")
			text = rd.text(text)
		}
		for _, p := range harQuery("?" + text) {
			pd.Params = append(pd.Params, &har.Param{Name: p.Name, Value: p.Value})
		}
	} else if rd != nil {
		text = rd.text(text)
	}
	if !textual(mt) && mt != "application/x-www-form-urlencoded" && !isUTF8Text(body) {
		text = base64.StdEncoding.EncodeToString(body)
		pd.Comment = "binary body, base64"
	}
	pd.Text = text
	return pd
}

// textual reports whether a MIME type is text a redaction can read.
func textual(mimeType string) bool {
	mt := strings.ToLower(mimeType)
	return strings.HasPrefix(mt, "text/") || strings.Contains(mt, "json") || strings.Contains(mt, "javascript") ||
		strings.Contains(mt, "xml") || strings.Contains(mt, "x-www-form-urlencoded")
}

func isUTF8Text(b []byte) bool {
	for _, c := range b {
		if c == 0 {
			return false
		}
	}
	return strings.ToValidUTF8(string(b), "\uFFFD") == string(b)
}
