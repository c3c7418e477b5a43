package fetch

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// testLimit is the size limit of the test clients.
const testLimit = 1 << 10

// newServer serves the documents the tests fetch; httptest listens on
// 127.0.0.1, so nothing leaves the machine.
func newServer(t *testing.T, tlsServer bool) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	typed := func(path, ct, body string) {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			if ct == "" {
				w.Header()["Content-Type"] = nil // no header, not net/http's sniffed one
			} else {
				w.Header().Set("Content-Type", ct)
			}
			fmt.Fprint(w, body)
		})
	}
	typed("/html", "text/html; charset=utf-8", "<p>hi</p>")
	typed("/latin1", "text/html; charset=ISO-8859-1", "<p>M\xe4rz</p>")
	typed("/untyped-html", "", "<!DOCTYPE html><html><body>x</body></html>")
	typed("/untyped-meta", "", "<html><head><meta charset=\"iso-8859-1\"></head><body>M\xe4rz</body></html>")
	typed("/untyped-pdf", "", "%PDF-1.4 binary")
	typed("/text", "text/plain", "plain")
	typed("/json", "application/json", `{"a":1}`)
	typed("/sitemap", "application/xml", "<urlset/>")
	typed("/rss", "application/rss+xml; charset=utf-8", "<rss/>")
	typed("/bad-param", "text/html; charset", "<p>x</p>")
	typed("/exact", "text/plain", strings.Repeat("a", testLimit))
	typed("/big", "text/plain", strings.Repeat("a", testLimit+1))
	mux.HandleFunc("/missing", http.NotFound)
	mux.HandleFunc("/teapot", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusTeapot) })
	mux.Handle("/redirect", http.RedirectHandler("/html", http.StatusFound))
	mux.Handle("/redirect-to-missing", http.RedirectHandler("/missing", http.StatusMovedPermanently))
	mux.Handle("/loop", http.RedirectHandler("/loop", http.StatusFound))
	mux.Handle("/away", http.RedirectHandler("http://elsewhere.test/", http.StatusFound))
	mux.HandleFunc("/echo", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprintf(w, "host=%s ua=%s accept=%s", r.Host, r.UserAgent(), r.Header.Get("Accept"))
	})
	// /hang answers nothing until the client gives up; /hang-body sends the
	// header and then stalls. No sleeps: the request context ends them.
	mux.HandleFunc("/hang", func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() })
	mux.HandleFunc("/hang-body", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprint(w, "partial")
		w.(http.Flusher).Flush()
		<-r.Context().Done()
	})
	var srv *httptest.Server
	if tlsServer {
		srv = httptest.NewUnstartedServer(mux)
		srv.Config.ErrorLog = log.New(io.Discard, "", 0) // the refused handshake of the secure client is expected
		srv.StartTLS()
	} else {
		srv = httptest.NewServer(mux)
	}
	t.Cleanup(srv.Close)
	return srv
}

func TestGet(t *testing.T) {
	srv := newServer(t, false)
	c := New(Options{MaxBytes: testLimit})
	cases := []struct {
		name      string
		path      string
		accept    Accept
		wantErr   error
		wantCode  int // for a *StatusError
		media     string
		charset   string
		text      string // Text(), when set
		finalPath string // when it differs from path
	}{
		{name: "html", path: "/html", accept: Documents, media: "text/html", charset: "utf-8", text: "<p>hi</p>"},
		{name: "declared latin-1", path: "/latin1", accept: Documents, media: "text/html", charset: "iso-8859-1", text: "<p>März</p>"},
		{name: "missing type sniffed", path: "/untyped-html", accept: Documents, media: "text/html"},
		{name: "meta charset without header", path: "/untyped-meta", accept: Documents, media: "text/html", text: "<html><head><meta charset=\"iso-8859-1\"></head><body>März</body></html>"},
		{name: "sniffed pdf refused", path: "/untyped-pdf", accept: Documents, wantErr: ErrContentType},
		{name: "plain text is a document", path: "/text", accept: Documents, media: "text/plain"},
		{name: "json refused where html wanted", path: "/json", accept: Documents, wantErr: ErrContentType},
		{name: "json taken by any", path: "/json", accept: Any, media: "application/json"},
		{name: "sitemap xml", path: "/sitemap", accept: XML, media: "application/xml"},
		{name: "xml-based type", path: "/rss", accept: XML, media: "application/rss+xml", charset: "utf-8"},
		{name: "html is not a sitemap", path: "/html", accept: XML, wantErr: ErrContentType},
		{name: "bad parameter keeps the type", path: "/bad-param", accept: Documents, media: "text/html"},
		{name: "body at the limit", path: "/exact", accept: Any, media: "text/plain"},
		{name: "body over the limit", path: "/big", accept: Any, wantErr: ErrTooLarge},
		{name: "not found", path: "/missing", accept: Any, wantCode: 404},
		{name: "other status", path: "/teapot", accept: Any, wantCode: 418},
		{name: "redirect followed", path: "/redirect", accept: Documents, media: "text/html", charset: "utf-8", finalPath: "/html"},
		{name: "redirect to an error", path: "/redirect-to-missing", accept: Any, wantCode: 404},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r, err := c.Get(context.Background(), srv.URL+tc.path, tc.accept)
			switch {
			case tc.wantCode != 0:
				var se *StatusError
				if !errors.As(err, &se) || se.Code != tc.wantCode {
					t.Fatalf("err = %v, want HTTP %d", err, tc.wantCode)
				}
				return
			case tc.wantErr != nil:
				if !errors.Is(err, tc.wantErr) {
					t.Fatalf("err = %v, want %v", err, tc.wantErr)
				}
				if errors.Is(err, ErrTooLarge) && (r == nil || !r.Truncated || len(r.Body) != testLimit) {
					t.Errorf("over the limit: response %+v, want the first %d bytes", r, testLimit)
				}
				return
			case err != nil:
				t.Fatal(err)
			}
			if r.MediaType != tc.media || r.Charset != tc.charset || r.Status != 200 || r.Truncated {
				t.Errorf("got type %q charset %q status %d truncated %v, want %q %q", r.MediaType, r.Charset, r.Status, r.Truncated, tc.media, tc.charset)
			}
			want := tc.path
			if tc.finalPath != "" {
				want = tc.finalPath
			}
			if r.URL != srv.URL+want {
				t.Errorf("URL = %q, want %q", r.URL, srv.URL+want)
			}
			if tc.text != "" {
				if got, err := r.Text(); err != nil || got != tc.text {
					t.Errorf("Text() = %q, %v, want %q", got, err, tc.text)
				}
			}
		})
	}
}

func TestErrorMessages(t *testing.T) {
	srv := newServer(t, false)
	c := New(Options{MaxBytes: testLimit})
	for path, want := range map[string]string{
		"/big":     srv.URL + "/big: response body over the size limit (1 KiB)",
		"/json":    srv.URL + "/json: unwanted content type application/json (want text/html, application/xhtml+xml or text/plain)",
		"/missing": srv.URL + "/missing: HTTP 404",
	} {
		if _, err := c.Get(context.Background(), srv.URL+path, Documents); err == nil || err.Error() != want {
			t.Errorf("%s: err = %v, want %q", path, err, want)
		}
	}
}

func TestRedirectLoop(t *testing.T) {
	srv := newServer(t, false)
	_, err := New(Options{}).Get(context.Background(), srv.URL+"/loop", Any)
	if err == nil || !strings.Contains(err.Error(), "stopped after 10 redirects") {
		t.Fatalf("err = %v, want the redirect limit", err)
	}
}

func TestRoutes(t *testing.T) {
	srv := newServer(t, false)
	addr := srv.Listener.Addr().String()
	routes, err := ParseRoutes([]string{"shop.test=" + addr, "*.cdn.test=" + addr})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name    string
		strict  bool
		url     string
		want    string // in the echoed body
		wantErr error
	}{
		{"made-up host reaches the loopback server", false, "http://shop.test/echo", "host=shop.test ", nil},
		{"wildcard route", true, "http://img.cdn.test/echo", "host=img.cdn.test ", nil},
		{"strict refuses an unrouted host", true, "http://elsewhere.test/echo", "", ErrNotRouted},
		{"strict refuses a redirect off the routes", true, "http://shop.test/away", "", ErrNotRouted},
		{"strict keeps loopback reachable", true, srv.URL + "/echo", "host=" + addr, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := New(Options{Routes: routes, Strict: tc.strict})
			r, err := c.Get(context.Background(), tc.url, Any)
			if tc.wantErr != nil {
				if !errors.Is(err, tc.wantErr) {
					t.Fatalf("err = %v, want %v", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(r.Body), tc.want) {
				t.Errorf("body %q lacks %q", r.Body, tc.want)
			}
		})
	}
}

func TestTLS(t *testing.T) {
	srv := newServer(t, true)
	routes, _ := ParseRoutes([]string{"secure.test=" + srv.Listener.Addr().String()})
	for _, insecure := range []bool{false, true} {
		t.Run(fmt.Sprintf("insecure=%v", insecure), func(t *testing.T) {
			c := New(Options{Routes: routes, Strict: true, Insecure: insecure})
			r, err := c.Get(context.Background(), "https://secure.test/html", Documents)
			if !insecure {
				var ce *tls.CertificateVerificationError
				if !errors.As(err, &ce) {
					t.Fatalf("err = %v, want a certificate verification error", err)
				}
				return
			}
			if err != nil || string(r.Body) != "<p>hi</p>" {
				t.Fatalf("got %v, %v", r, err)
			}
		})
	}
}

func TestUserAgentAndAccept(t *testing.T) {
	srv := newServer(t, false)
	c := New(Options{UserAgent: "privacyscan-test/1"})
	r, err := c.Get(context.Background(), srv.URL+"/echo", Documents)
	if err != nil {
		t.Fatal(err)
	}
	if want := "ua=privacyscan-test/1 accept=text/html, application/xhtml+xml, text/plain"; !strings.Contains(string(r.Body), want) {
		t.Errorf("body %q lacks %q", r.Body, want)
	}
	// The *http.Client handed to colly sends the same user agent, unless
	// the request sets its own.
	for ua, want := range map[string]string{"": "ua=privacyscan-test/1 ", "colly-own": "ua=colly-own "} {
		req, _ := http.NewRequest(http.MethodGet, srv.URL+"/echo", nil)
		if ua != "" {
			req.Header.Set("User-Agent", ua)
		}
		resp, err := c.HTTPClient().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil || !strings.Contains(string(b), want) {
			t.Errorf("request UA %q: body %q (%v) lacks %q", ua, b, err, want)
		}
	}
}

func TestTimeouts(t *testing.T) {
	srv := newServer(t, false)
	isTimeout := func(err error) bool {
		var ne net.Error
		return errors.As(err, &ne) && ne.Timeout()
	}
	for _, path := range []string{"/hang", "/hang-body"} {
		t.Run("client timeout "+path, func(t *testing.T) {
			c := New(Options{Timeout: 100 * time.Millisecond})
			if _, err := c.Get(context.Background(), srv.URL+path, Any); !isTimeout(err) {
				t.Fatalf("err = %v, want a timeout", err)
			}
		})
	}
	t.Run("context cancelled", func(t *testing.T) {
		arrived := make(chan struct{})
		hang := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			close(arrived)
			<-r.Context().Done()
		}))
		defer hang.Close()
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		done := make(chan error, 1)
		go func() {
			_, err := New(Options{}).Get(ctx, hang.URL, Any)
			done <- err
		}()
		<-arrived // cancel a request in flight, not one never sent
		cancel()
		if err := <-done; !errors.Is(err, context.Canceled) {
			t.Fatalf("err = %v, want context.Canceled", err)
		}
	})
}

func TestAccept(t *testing.T) {
	for _, tc := range []struct {
		a    Accept
		mt   string
		want bool
	}{
		{Any, "application/octet-stream", true},
		{Documents, "text/html", true},
		{Documents, "application/pdf", false},
		{XML, "application/atom+xml", true},
		{XML, "text/html", false},
	} {
		if got := tc.a.Allows(tc.mt); got != tc.want {
			t.Errorf("%v.Allows(%q) = %v, want %v", tc.a, tc.mt, got, tc.want)
		}
	}
}
