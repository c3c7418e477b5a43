package policy

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/privacyscan/privacyscan/internal/fetch"
)

func TestFetch(t *testing.T) {
	long := "<html><body><p>We do not sell your personal data.</p>" + strings.Repeat("<p>filler</p>", 200) + "</body></html>"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/latin1":
			w.Header().Set("Content-Type", "text/html; charset=iso-8859-1")
			w.Write([]byte("<html lang=de><body><main><p>Stand: 1. M\xe4rz 2024</p></main></body></html>"))
		case "/long":
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte(long))
		case "/json":
			w.Header().Set("Content-Type", "application/json")
			w.Write([]byte(`{"policy":"none"}`))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	f := fetch.New(fetch.Options{MaxBytes: 1 << 10})

	// The declared charset reaches the analyser with the body.
	r, err := Fetch(context.Background(), f, srv.URL+"/latin1")
	if err != nil {
		t.Fatal(err)
	}
	if got := Analyze(r.Body, Options{ContentType: r.ContentType}); got.LastUpdated == nil || *got.LastUpdated != "2024-03-01" {
		t.Errorf("latin-1 policy: last updated %v, want 2024-03-01", got.LastUpdated)
	}
	// A document over the limit is read from its beginning.
	r, err = Fetch(context.Background(), f, srv.URL+"/long")
	if err != nil || !r.Truncated || len(r.Body) != 1<<10 {
		t.Errorf("long policy: %v, truncated %v", err, r != nil && r.Truncated)
	}
	// What cannot be a policy is refused, not analysed as garbage.
	if _, err := Fetch(context.Background(), f, srv.URL+"/json"); !errors.Is(err, fetch.ErrContentType) {
		t.Errorf("json: err = %v, want ErrContentType", err)
	}
	var se *fetch.StatusError
	if _, err := Fetch(context.Background(), f, srv.URL+"/missing"); !errors.As(err, &se) || se.Code != 404 {
		t.Errorf("missing: err = %v, want HTTP 404", err)
	}
}
