package scanner

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/privacyscan/privacyscan/internal/fetch"
)

// TestCrawlKeepsPolicy: the policy page the crawl fetched is handed on (the
// policy reading does not fetch it again) when it is UTF-8; a page in
// another charset is not (colly may have recoded it), nor an error page.
func TestCrawlKeepsPolicy(t *testing.T) {
	cases := []struct {
		name, ctype string
		status      int
		kept        bool
	}{
		{"utf-8", "text/html; charset=utf-8", 200, true},
		{"no charset", "text/html", 200, true},
		{"latin-1", "text/html; charset=iso-8859-1", 200, false},
		{"not found", "text/html; charset=utf-8", 404, false},
		{"plain text", "text/plain; charset=utf-8", 200, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				switch r.URL.Path {
				case "/":
					w.Header().Set("Content-Type", "text/html")
					fmt.Fprint(w, `<html lang="de"><a href="/datenschutz">Datenschutzerklärung</a> <a href="/shop">Shop</a></html>`)
				case "/datenschutz":
					w.Header().Set("Content-Type", tc.ctype)
					w.WriteHeader(tc.status)
					fmt.Fprint(w, `<html><h1>Datenschutz</h1><p>Verantwortlicher ist die Beispiel GmbH.</p></html>`)
				default:
					http.NotFound(w, r)
				}
			}))
			defer srv.Close()
			cr, err := Crawl(context.Background(), srv.URL+"/", CrawlOptions{MaxPages: 3, Fetcher: fetch.New(fetch.Options{})})
			if err != nil {
				t.Fatal(err)
			}
			if cr.PolicyURL != srv.URL+"/datenschutz" {
				t.Fatalf("policy %q", cr.PolicyURL)
			}
			if got := cr.Policy != nil; got != tc.kept {
				t.Fatalf("policy kept %v, want %v", got, tc.kept)
			}
			if tc.kept && (!strings.Contains(string(cr.Policy.Body), "Beispiel GmbH") || cr.Policy.ContentType != "text/html; charset=utf-8") {
				t.Fatalf("kept %q as %q", cr.Policy.Body, cr.Policy.ContentType)
			}
		})
	}
}

// TestCrawlParallelDeterministic: the neighbours are fetched side by side
// (two in flight to the host, the fetcher's default), yet which pages are
// fetched and chosen does not depend on which answer comes first.
func TestCrawlParallelDeterministic(t *testing.T) {
	var mu sync.Mutex
	inFlight, most := 0, 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		inFlight++
		most = max(most, inFlight)
		mu.Unlock()
		defer func() { mu.Lock(); inFlight--; mu.Unlock() }()
		w.Header().Set("Content-Type", "text/html")
		if r.URL.Path == "/" {
			var b strings.Builder
			b.WriteString(`<html lang="en"><a href="/privacy">Privacy policy</a>`)
			for i := range 30 {
				fmt.Fprintf(&b, ` <a href="/p%d">Product %d</a> <a href="/c%d">Category %d</a>`, i, i, i, i)
			}
			fmt.Fprint(w, b.String()+`</html>`)
			return
		}
		// Answers in a scrambled order: later links answer sooner.
		n := len(r.URL.Path) * 3 % 7
		time.Sleep(time.Duration(n) * time.Millisecond)
		fmt.Fprintf(w, `<html><a href="%s/deeper">more</a></html>`, r.URL.Path)
	}))
	defer srv.Close()
	var first []string
	for run := range 3 {
		cr, err := Crawl(context.Background(), srv.URL+"/", CrawlOptions{MaxPages: 5, Fetcher: fetch.New(fetch.Options{})})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range cr.Pages {
			got = append(got, p.URL)
		}
		if run == 0 {
			first = got
		} else if !slices.Equal(got, first) {
			t.Fatalf("run %d chose %v, run 0 %v", run, got, first)
		}
	}
	if most < 2 {
		t.Fatalf("at most %d request in flight: the neighbours were not fetched side by side", most)
	}
	if most > 2 {
		t.Fatalf("%d requests in flight to one host, over the fetcher's limit of 2", most)
	}
}
