package fetch

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"strconv"
	"strings"
)

// Route sends a host pattern ("shop.test", "*.example.com") to an address,
// so a staging server can be scanned under its production name.
type Route struct {
	Pattern string
	IP      string
	// Port is 0 to keep the port of the URL.
	Port int
}

// Routes is an ordered list of routes (the --resolve flags); the first match
// wins. The same table drives Go clients (Client's dialer) and Chromium
// (HostRules), so the crawler and the browser always reach the same server.
type Routes []Route

// ErrNotRouted is returned by a strict client's dialer for a host no rule
// routes, so a closed setup (the demo, tests) can never reach the network.
var ErrNotRouted = errors.New("host not routed by --resolve")

// ParseRoutes reads --resolve values: HOST=IP[:PORT], with HOST possibly
// "*.domain". The target must be an IP: a hostname would need a DNS lookup
// that Chromium's host-resolver-rules and the Go dialer could answer
// differently.
func ParseRoutes(specs []string) (Routes, error) {
	var t Routes
	for _, s := range specs {
		host, addr, ok := strings.Cut(s, "=")
		// A fully qualified "shop.test." is the same host; Match compares
		// without the final dot, so the pattern is kept without it too.
		host = strings.TrimSuffix(strings.ToLower(strings.TrimSpace(host)), ".")
		addr = strings.TrimSpace(addr)
		if !ok || host == "" || addr == "" {
			return nil, fmt.Errorf("--resolve %q: want HOST=IP[:PORT]", s)
		}
		if strings.ContainsAny(host, " ,/:") || (strings.Contains(host, "*") && !strings.HasPrefix(host, "*.")) {
			return nil, fmt.Errorf("--resolve %q: bad host pattern %q (use name or *.domain)", s, host)
		}
		r := Route{Pattern: host}
		if ap, err := netip.ParseAddrPort(addr); err == nil {
			r.IP, r.Port = ap.Addr().String(), int(ap.Port())
		} else if a, err := netip.ParseAddr(strings.Trim(addr, "[]")); err == nil {
			r.IP = a.String()
		} else {
			return nil, fmt.Errorf("--resolve %q: %q is not IP or IP:PORT", s, addr)
		}
		t = append(t, r)
	}
	return t, nil
}

// Match returns the route for host, if any.
func (t Routes) Match(host string) (Route, bool) {
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	for _, r := range t {
		if r.Pattern == host {
			return r, true
		}
		if suffix, ok := strings.CutPrefix(r.Pattern, "*"); ok && strings.HasSuffix(host, suffix) {
			return r, true
		}
	}
	return Route{}, false
}

// StrictHostRules is HostRules plus rules that make every other hostname
// fail to resolve in Chromium (loopback itself stays reachable).
func (t Routes) StrictHostRules() []string {
	return append(t.HostRules(), "MAP * ~NOTFOUND", "EXCLUDE 127.0.0.1", "EXCLUDE localhost")
}

// Hosts lists the host patterns of the routes.
func (t Routes) Hosts() []string {
	out := make([]string, len(t))
	for i, r := range t {
		out[i] = r.Pattern
	}
	return out
}

// HostRules renders the routes as Chromium host-resolver-rules entries.
func (t Routes) HostRules() []string {
	out := make([]string, 0, len(t))
	for _, r := range t {
		ip := r.IP
		if strings.Contains(ip, ":") {
			ip = "[" + ip + "]"
		}
		if r.Port != 0 {
			out = append(out, fmt.Sprintf("MAP %s %s:%d", r.Pattern, ip, r.Port))
		} else {
			out = append(out, fmt.Sprintf("MAP %s %s", r.Pattern, ip))
		}
	}
	return out
}

// dial connects like net.Dialer but honours the routes; strict refuses
// hosts the table does not route.
func (t Routes) dial(ctx context.Context, network, addr string, strict bool) (net.Conn, error) {
	var d net.Dialer
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, err
	}
	if r, ok := t.Match(host); ok {
		if r.Port != 0 {
			port = strconv.Itoa(r.Port)
		}
		addr = net.JoinHostPort(r.IP, port)
	} else if strict {
		if ip, err := netip.ParseAddr(host); err != nil || !ip.IsLoopback() {
			return nil, fmt.Errorf("%s: %w", host, ErrNotRouted)
		}
	}
	return d.DialContext(ctx, network, addr)
}
