package scanner

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/chromedp/cdproto/network"

	"github.com/privacyscan/privacyscan/scanner/leak"
	"github.com/privacyscan/privacyscan/scanner/model"
)

// maxLeaks bounds the leaks recorded per phase.
const maxLeaks = 1000

// observe adds what the phase's requests and scripts revealed: the canary's
// values found in outbound requests and cookies (leaks), the tracking
// pixels' events, and the scripts' behaviours.
func (r *phaseRun) observe(ctx context.Context, rec recording, jres *journeyResult) {
	all := rec
	if r.pre != nil {
		// What the first page did before a consent click is the phase's too.
		all = recording{order: append(append([]network.RequestID{}, r.pre.order...), rec.order...), reqs: map[network.RequestID]*reqState{}}
		for id, st := range r.pre.reqs {
			all.reqs[id] = st
		}
		for id, st := range rec.reqs {
			all.reqs[id] = st
		}
	}
	var frames []wsFrame
	if r.rc.behave != nil {
		r.pr.Behaviours = r.s.behaviours(r.rc.behave.take(), all, r.firstParty, r.redact)
		frames = r.rc.behave.takeFrames()
	}
	r.addPixelEvents(all)
	if c, ok := canaryFrom(ctx); ok {
		r.pr.Leaks = r.leaks(c, all, frames, jres)
	}
}

// flatHeaders turns CDP headers into the leak search's form.
func flatHeaders(h network.Headers) map[string]string {
	if len(h) == 0 {
		return nil
	}
	out := make(map[string]string, len(h))
	for k, v := range h {
		if strings.HasPrefix(k, ":") {
			continue // HTTP/2 pseudo-headers repeat the URL
		}
		switch x := v.(type) {
		case string:
			out[k] = x
		case []any:
			var parts []string
			for _, p := range x {
				if s, ok := p.(string); ok {
					parts = append(parts, s)
				}
			}
			out[k] = strings.Join(parts, "\n")
		}
	}
	return out
}

// leaks searches every outbound request of the phase, the cookies its
// responses set and the cookies of the browser context for the canary.
func (r *phaseRun) leaks(c model.Canary, rec recording, frames []wsFrame, jres *journeyResult) []model.Leak {
	m := leak.New(c)
	seen := map[string]bool{}
	var out []model.Leak
	add := func(h leak.Hit, rawURL, resourceType, page string, started time.Time) {
		if len(out) >= maxLeaks {
			return
		}
		u := rawURL
		if r.redact != nil {
			u = r.redact.url(u)
		}
		l := model.Leak{Kind: h.Kind, Encoding: h.Encoding, Where: h.Where, URL: u, Host: hostOf(rawURL), Page: page, BeforeSubmit: true}
		if l.Where == "" {
			l.Where = leak.WhereURL
		}
		l.Party = r.s.party(l.Host, r.firstParty)
		if r.s.opts.KB != nil && l.Host != "" {
			km := r.s.opts.KB.RequestTyped(rawURL, page, resourceType)
			l.Vendor, l.VendorID, l.Category = km.Vendor, km.VendorID, km.Category
		}
		if !started.IsZero() {
			l.Step = jres.stepOf(started)
			// Only the search is ever submitted, by the journey's Enter.
			if l.Kind == leak.KindSearch && jres != nil && !jres.submitAt.IsZero() {
				l.BeforeSubmit = started.Before(jres.submitAt)
			}
		}
		// One leak per value, form, place, host and step: a key logger
		// or a cookie sent with every request says the same each time.
		k := strings.Join([]string{l.Kind, l.Encoding, l.Where, l.Host, l.Step, fmt.Sprint(l.BeforeSubmit)}, "\x00")
		if seen[k] {
			return
		}
		seen[k] = true
		out = append(out, l)
	}
	for _, id := range rec.order {
		st := rec.reqs[id]
		if st == nil {
			continue
		}
		pu, err := url.Parse(st.r.URL)
		if err != nil || (pu.Scheme != "http" && pu.Scheme != "https" && pu.Scheme != "ws" && pu.Scheme != "wss") {
			continue
		}
		x := leak.Exchange{URL: st.r.URL, Method: st.r.Method, Headers: flatHeaders(st.raw.ReqHeaders), Body: st.raw.PostData}
		// Cookies a response sets count as the request's.
		for k, v := range flatHeaders(st.raw.RespHeaders) {
			if strings.EqualFold(k, "set-cookie") {
				if x.Headers == nil {
					x.Headers = map[string]string{}
				}
				x.Headers["Set-Cookie"] = v
			}
		}
		for _, h := range m.Search(x) {
			add(h, st.r.URL, st.r.ResourceType, st.r.Page, st.raw.Started)
		}
	}
	// WebSocket messages the page sent.
	for _, f := range frames {
		for _, h := range m.Search(leak.Exchange{URL: f.URL, Method: "WEBSOCKET", Body: f.Payload}) {
			if h.Where == leak.WhereBody {
				h.Where = "websocket"
			}
			add(h, f.URL, "WebSocket", f.Page, f.At)
		}
	}
	// The browser context's cookies at the end of the phase: a value a
	// script wrote into a cookie leaves with every later request there.
	cctx, cancel := context.WithTimeout(r.tab, 5*time.Second)
	defer cancel()
	if cs, err := cookies(cctx); err == nil {
		for _, ck := range cs {
			host := strings.TrimPrefix(ck.Domain, ".")
			x := leak.Exchange{URL: "https://" + host + ck.Path, Method: "COOKIE", Headers: map[string]string{"Cookie": ck.Name + "=" + ck.Value}}
			for _, h := range m.Search(x) {
				h.Where = leak.WhereCookie
				add(h, x.URL, "", "", time.Time{})
			}
		}
	}
	return out
}
