package fetch

import (
	"bytes"
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"golang.org/x/net/html/charset"
)

// DefaultMaxBytes is the body limit when Options.MaxBytes is 0. It is one
// limit for pages, robots.txt, sitemaps and policies: policies are tens of
// kilobytes and pages rarely pass a megabyte, while a sitemap may hold
// 50,000 URLs (several megabytes).
const DefaultMaxBytes = 10 << 20

// DefaultTimeout is the whole-request timeout when Options.Timeout is 0.
const DefaultTimeout = 30 * time.Second

// Sentinel errors a caller may need to tell apart (errors.Is).
var (
	// ErrTooLarge: the body is longer than the client's MaxBytes.
	ErrTooLarge = errors.New("response body over the size limit")
	// ErrContentType: the body is of a media type the caller did not accept.
	ErrContentType = errors.New("unwanted content type")
)

// StatusError is a response with a status outside 2xx.
type StatusError struct {
	// URL is the URL that answered (after redirects).
	URL string
	// Code is the HTTP status code.
	Code int
}

// Error reads "URL: HTTP 404".
func (e *StatusError) Error() string { return fmt.Sprintf("%s: HTTP %d", e.URL, e.Code) }

// Accept lists the media types a caller can use, such as "text/html"; the
// entry "*+xml" takes every XML-based type (application/rss+xml). A nil
// Accept takes anything.
type Accept []string

// The accepted types of privacyscan's downloads. One rule per kind of
// document, whoever fetches it.
var (
	// Any is for files whose type servers do not label reliably: the
	// knowledge-base lists (CSV and filter lists served as text/plain or
	// application/octet-stream) and robots.txt (RFC 9309 ignores the type,
	// and a crawler must not lose its rules to a mislabelled file).
	Any Accept
	// Documents are what a privacy policy can be: HTML, XHTML or plain
	// text. A PDF or JSON body is refused rather than analysed as garbage.
	Documents = Accept{"text/html", "application/xhtml+xml", "text/plain"}
	// XML is what a sitemap can be; text/plain because servers commonly
	// label XML files that way.
	XML = Accept{"application/xml", "text/xml", "*+xml", "text/plain"}
)

// Allows reports whether the media type (lower case, no parameters) is
// accepted.
func (a Accept) Allows(mediaType string) bool {
	if a == nil {
		return true
	}
	for _, t := range a {
		if t == mediaType {
			return true
		}
		if suffix, ok := strings.CutPrefix(t, "*"); ok && strings.HasSuffix(mediaType, suffix) {
			return true
		}
	}
	return false
}

// header renders the Accept header: the listed types, or anything.
func (a Accept) header() string {
	var ts []string
	for _, t := range a {
		if !strings.Contains(t, "*") {
			ts = append(ts, t)
		}
	}
	if len(ts) == 0 {
		return "*/*"
	}
	return strings.Join(ts, ", ")
}

// String lists the types for error messages ("a, b or c").
func (a Accept) String() string {
	if a == nil {
		return "any type"
	}
	switch len(a) {
	case 1:
		return a[0]
	default:
		return strings.Join(a[:len(a)-1], ", ") + " or " + a[len(a)-1]
	}
}

// Getter is what callers that only download need (kb.Update, the policy
// reader); *Client implements it and tests can fake it.
type Getter interface {
	Get(ctx context.Context, rawURL string, accept Accept) (*Response, error)
}

// Options configure New.
type Options struct {
	// Routes send chosen hostnames to chosen addresses (--resolve).
	Routes Routes
	// Strict refuses every host Routes does not route, loopback IPs
	// excepted, so a closed setup (the demo, tests) never reaches the
	// network.
	Strict bool
	// Insecure accepts any TLS certificate (--insecure), for staging
	// servers with self-signed certificates.
	Insecure bool
	// UserAgent is sent with every request that does not set its own;
	// empty leaves Go's default.
	UserAgent string
	// Timeout bounds a whole request, body included; 0 means
	// DefaultTimeout. The response header must also come within 20s, so a
	// stalled server fails fast even under a long timeout.
	Timeout time.Duration
	// MaxBytes bounds a body; 0 means DefaultMaxBytes.
	MaxBytes int64
	// HostConcurrency bounds the requests in flight to one host; 0 means 2.
	HostConcurrency int
	// HostInterval is the least time between the starts of two requests
	// to one host (a robots.txt Crawl-delay given to SetCrawlDelay raises
	// it); 0 is none.
	HostInterval time.Duration
	// MaxWait caps Crawl-delay, Retry-After and the backoff after 429 and
	// 503; 0 means DefaultMaxWait. See polite.go.
	MaxWait time.Duration
}

// Client downloads with one set of routes, TLS settings, user agent,
// timeout and size limit. It is safe for concurrent use.
type Client struct {
	opts      Options
	transport http.RoundTripper
	polite    *politeTransport
}

// New returns a Client. Requests go through a proxy from the environment
// (HTTPS_PROXY, NO_PROXY) like every Go tool, except to routed hosts and in
// strict mode, where the route must win.
func New(o Options) *Client {
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.HostConcurrency <= 0 {
		o.HostConcurrency = 2
	}
	if o.MaxWait <= 0 {
		o.MaxWait = DefaultMaxWait
	}
	tr := &http.Transport{
		Proxy: func(r *http.Request) (*url.URL, error) {
			if _, routed := o.Routes.Match(r.URL.Hostname()); routed || o.Strict {
				return nil, nil
			}
			return http.ProxyFromEnvironment(r)
		},
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			return o.Routes.dial(ctx, network, addr, o.Strict)
		},
		TLSClientConfig:       &tls.Config{InsecureSkipVerify: o.Insecure}, //nolint:gosec // the user asked with --insecure
		ForceAttemptHTTP2:     true,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: min(20*time.Second, o.Timeout),
		MaxIdleConnsPerHost:   4,
		IdleConnTimeout:       30 * time.Second,
	}
	polite := newPoliteTransport(tr, o)
	var rt http.RoundTripper = polite
	if o.UserAgent != "" {
		rt = uaTransport{rt, o.UserAgent}
	}
	return &Client{opts: o, transport: rt, polite: polite}
}

// Transport is the client's round tripper: routes, TLS settings and user
// agent, without the timeout and size limit.
func (c *Client) Transport() http.RoundTripper { return c.transport }

// HTTPClient returns a new *http.Client on the client's transport with its
// timeout, for libraries that want one (colly). Each call returns a fresh
// value, so a library may change it without affecting others. The size
// limit is not enforced by it: give the library MaxBytes.
func (c *Client) HTTPClient() *http.Client {
	return &http.Client{Transport: c.transport, Timeout: c.opts.Timeout}
}

// HostConcurrency is how many requests the client lets be in flight to
// one host.
func (c *Client) HostConcurrency() int { return c.opts.HostConcurrency }

// MaxBytes is the body size limit.
func (c *Client) MaxBytes() int64 { return c.opts.MaxBytes }

// UserAgent is the user agent sent with every request ("" for Go's
// default); the crawler matches robots.txt against it.
func (c *Client) UserAgent() string { return c.opts.UserAgent }

// Response is a downloaded body with what is known about it.
type Response struct {
	// URL is the final URL, after redirects.
	URL string
	// Status is the HTTP status code (2xx).
	Status int
	// Header is the response header.
	Header http.Header
	// ContentType is the Content-Type header as sent, "" when absent.
	// Pass it on to decoders: it carries the declared charset.
	ContentType string
	// MediaType is the lower-case media type ("text/html"): the declared
	// one, or the one sniffed from the body when none was declared.
	MediaType string
	// Charset is the declared charset, lower case, "" when none (the body
	// may still declare one, in a BOM or a <meta>).
	Charset string
	// Body is the raw body, not decoded.
	Body []byte
	// Truncated is set when the body was over the limit and Body holds
	// only its first MaxBytes bytes (see Get).
	Truncated bool
}

// Text decodes the body to UTF-8: a BOM first, then the declared charset,
// then an HTML <meta> charset, then UTF-8 when valid, else Windows-1252
// (what unlabelled Western pages are), as browsers do.
func (r *Response) Text() (string, error) {
	ct := r.ContentType
	if ct == "" {
		ct = r.MediaType
	}
	rd, err := charset.NewReader(bytes.NewReader(r.Body), ct)
	if err != nil {
		return "", fmt.Errorf("decoding %s: %w", r.URL, err)
	}
	b, err := io.ReadAll(rd)
	if err != nil {
		return "", fmt.Errorf("decoding %s: %w", r.URL, err)
	}
	return string(b), nil
}

// Get downloads rawURL, following up to 10 redirects. It fails with a
// *StatusError for a final status outside 2xx, with ErrContentType when
// the media type (declared, else sniffed) is not in accept, and with
// ErrTooLarge when the body is over MaxBytes.
//
// The Response is nil on error, except with ErrTooLarge: then it holds the
// first MaxBytes bytes with Truncated set, for callers that can use a
// document's beginning (robots.txt, a policy); the others treat it as the
// failure it is (a cut sitemap or list does not parse).
func (c *Client) Get(ctx context.Context, rawURL string, accept Accept) (*Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, fmt.Errorf("fetching %s: %w", rawURL, err)
	}
	req.Header.Set("Accept", accept.header())
	resp, err := c.HTTPClient().Do(req)
	if err != nil {
		return nil, err // a *url.Error: it names the method and URL
	}
	defer resp.Body.Close()
	r := &Response{URL: resp.Request.URL.String(), Status: resp.StatusCode, Header: resp.Header, ContentType: resp.Header.Get("Content-Type")}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, &StatusError{URL: r.URL, Code: resp.StatusCode}
	}
	mt, params, _ := mime.ParseMediaType(r.ContentType) // a bad parameter still yields the type
	r.MediaType, r.Charset = strings.ToLower(mt), strings.ToLower(params["charset"])
	// A declared type is checked before the body is read, so a refused
	// download costs nothing.
	if r.MediaType != "" && !accept.Allows(r.MediaType) {
		return nil, fmt.Errorf("%s: %w %s (want %s)", r.URL, ErrContentType, r.MediaType, accept)
	}
	r.Body, err = io.ReadAll(io.LimitReader(resp.Body, c.opts.MaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", r.URL, err)
	}
	if r.MediaType == "" {
		r.MediaType, _, _ = mime.ParseMediaType(http.DetectContentType(r.Body))
		if !accept.Allows(r.MediaType) {
			return nil, fmt.Errorf("%s: %w %s (sniffed; want %s)", r.URL, ErrContentType, r.MediaType, accept)
		}
	}
	if int64(len(r.Body)) > c.opts.MaxBytes {
		r.Body, r.Truncated = r.Body[:c.opts.MaxBytes], true
		return r, fmt.Errorf("%s: %w (%s)", r.URL, ErrTooLarge, formatBytes(c.opts.MaxBytes))
	}
	return r, nil
}

// formatBytes renders a limit for people: "10 MiB", "512 KiB", "100 bytes".
func formatBytes(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	default:
		return fmt.Sprintf("%d bytes", n)
	}
}

// uaTransport sets the user agent on requests that have none, so colly's
// and Get's requests identify the same way.
type uaTransport struct {
	next http.RoundTripper
	ua   string
}

func (u uaTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Header.Get("User-Agent") == "" {
		r = r.Clone(r.Context())
		r.Header.Set("User-Agent", u.ua)
	}
	return u.next.RoundTrip(r)
}
