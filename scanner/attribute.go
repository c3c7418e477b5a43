package scanner

import (
	"context"
	"net/url"
	"sort"
	"strings"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/privacyscan/privacyscan/scanner/kb"
	"github.com/privacyscan/privacyscan/scanner/model"
)

func (s *Scanner) party(host string, firstParty []string) string {
	d := registrable(host)
	for _, fp := range firstParty {
		if d == registrable(fp) {
			return model.PartyFirst
		}
	}
	return model.PartyThird
}

// cookie turns a CDP cookie into a report cookie.
func (s *Scanner) cookie(c *network.Cookie, rc *recorder, page string, firstParty []string) model.Cookie {
	domain := strings.TrimPrefix(c.Domain, ".")
	out := model.Cookie{
		Name: c.Name, Domain: c.Domain, Path: c.Path, Party: s.party(domain, firstParty),
		Secure: c.Secure, HTTPOnly: c.HTTPOnly, SameSite: string(c.SameSite), Session: c.Session,
		Partitioned: c.PartitionKey != nil, Page: page, Category: kb.Unknown,
	}
	rc.mu.Lock()
	days, ok := rc.asked[cookieKey(c.Name, domain)]
	rc.mu.Unlock()
	switch {
	case c.Session:
		out.LifetimeDays = 0
	case ok && days > 0:
		out.LifetimeDays = days
	case c.Expires > 0:
		d := (c.Expires - float64(s.opts.Now().Unix())) / 86400
		out.LifetimeDays = float64(int64(d*100)) / 100
	}
	if s.opts.ShowValues {
		out.Value = c.Value
	}
	if s.opts.KB != nil {
		m := s.opts.KB.Cookie(c.Name, c.Domain)
		out.Vendor, out.VendorID, out.Guess, out.Purpose = m.Vendor, m.VendorID, m.Guess, m.Purpose
		if m.Category != "" {
			out.Category = m.Category
		}
	}
	return out
}

// requests turns recorded requests into report requests.
func (s *Scanner) requests(ctx context.Context, rec recording, firstParty []string, rd *redactor) []model.Request {
	out := make([]model.Request, 0, len(rec.order))
	cloaked := map[string]*kb.Match{}
	for _, id := range rec.order {
		st := rec.reqs[id]
		u, err := url.Parse(st.r.URL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
			continue
		}
		r := st.r
		if rd != nil {
			r.URL, r.Initiator = rd.url(r.URL), rd.initiator(r.Initiator)
			for i, red := range r.Redirects {
				r.Redirects[i] = rd.url(red)
			}
		}
		r.Host = u.Hostname()
		r.Party = s.party(r.Host, firstParty)
		r.Category = kb.Unknown
		r.Beacon = r.ResourceType == string(network.ResourceTypePing)
		// The size is recorded, not judged: rules.IsPixel decides what a
		// tiny image is.
		r.TransferBytes = int64(st.size)
		if s.opts.KB != nil {
			// The knowledge base's "this endpoint is a pixel" is knowledge
			// about the URL, recorded like its category.
			m := s.opts.KB.RequestTyped(r.URL, r.Page, r.ResourceType)
			r.Vendor, r.VendorID, r.Pixel = m.Vendor, m.VendorID, m.Pixel
			if m.Category != "" {
				r.Category = m.Category
			}
		}
		r.Attribution = model.AttributionNone
		if r.Vendor != "" {
			r.Attribution = model.AttributionKB
		}
		if r.Party == model.PartyFirst && r.Vendor == "" {
			// Only the attribution is recorded here: that an unattributed
			// first-party request is essential is the rules' verdict
			// (rules.EssentialByDefault).
			if m := s.uncloak(ctx, r.Host, firstParty, cloaked); m != nil {
				r.Vendor, r.VendorID, r.Category, r.CNAMECloaked = m.Vendor, m.VendorID, m.Category, true
				r.Attribution = model.AttributionCNAME
			}
		}
		out = append(out, r)
	}
	return out
}

// uncloaker is implemented by the knowledge base.
type uncloaker interface {
	Uncloak(ctx context.Context, host string, r kb.Resolver) (kb.Match, bool)
}

// uncloak returns the tracker behind a first-party subdomain, if its CNAME
// points at one. The site's own hostnames and routed hosts are not looked up.
func (s *Scanner) uncloak(ctx context.Context, host string, firstParty []string, cache map[string]*kb.Match) *kb.Match {
	u, ok := s.opts.KB.(uncloaker)
	if !ok || s.opts.Resolver == nil || (s.opts.Routed != nil && s.opts.Routed(host)) {
		return nil
	}
	for _, fp := range firstParty {
		if host == fp || host == "www."+fp {
			return nil
		}
	}
	if m, done := cache[host]; done {
		return m
	}
	lctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 3*time.Second)
	defer cancel()
	var res *kb.Match
	if m, ok := u.Uncloak(lctx, host, s.opts.Resolver); ok {
		res = &m
	}
	cache[host] = res
	return res
}

// storage turns recorded storage keys into report items.
func (s *Scanner) storage(rec recording) []model.StorageItem {
	out := make([]model.StorageItem, 0, len(rec.storage))
	for _, it := range rec.storage {
		if s.opts.KB != nil {
			m := s.opts.KB.StorageKey(it.Key, it.Origin)
			it.Vendor, it.VendorID, it.Category, it.Purpose = m.Vendor, m.VendorID, m.Category, m.Purpose
		}
		out = append(out, it)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Origin != b.Origin {
			return a.Origin < b.Origin
		}
		if a.Type != b.Type {
			return a.Type < b.Type
		}
		return a.Key < b.Key
	})
	return out
}
