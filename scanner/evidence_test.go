package scanner

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/cdproto/har"

	"github.com/privacyscan/privacyscan/scanner/model"
)

// TestPhaseEvidence: with an evidence directory a phase writes its HAR
// (bodies within their limit, cut and marked past it) and a JPEG of the
// first page, and records its start and end.
func TestPhaseEvidence(t *testing.T) {
	_, b := startFixture(t, "capture")
	dir := t.TempDir()
	const perBody = 64
	s := newScanner(t, Options{Browser: b, PageTimeout: 10 * time.Second,
		Evidence: EvidenceOptions{Dir: dir, Bodies: true, BodyLimit: perBody, PhaseBodyLimit: 1 << 20, Tool: model.Tool{Name: "privacyscan", Version: "test"}}})
	ev := s.siteEvidence("https://shop.test/")
	pr, _, errs := s.runPhaseDoomed(context.Background(), model.PhaseBeforeConsent, []model.PlannedPage{{URL: "https://shop.test/", Kind: KindHome}}, "", []string{"shop.test"}, &doomedPages{}, ev)
	if len(pr.Pages) != 1 || pr.Pages[0].Status != 200 {
		t.Fatalf("pages %+v, errors %v", pr.Pages, errs)
	}
	start, err1 := time.Parse(time.RFC3339, pr.StartedAt)
	end, err2 := time.Parse(time.RFC3339, pr.FinishedAt)
	if err1 != nil || err2 != nil || end.Before(start) {
		t.Errorf("phase clock %q..%q", pr.StartedAt, pr.FinishedAt)
	}
	if pr.Screenshot != "sites/shop.test/before-consent.jpg" {
		t.Errorf("screenshot = %q", pr.Screenshot)
	}
	if shot, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(pr.Screenshot))); err != nil || !bytes.HasPrefix(shot, []byte{0xff, 0xd8, 0xff}) {
		t.Errorf("screenshot is not a JPEG: %v", err)
	}
	raw, err := os.ReadFile(filepath.Join(dir, "sites", "shop.test", "before-consent.har"))
	if err != nil {
		t.Fatal(err)
	}
	var h har.HAR
	if err := json.Unmarshal(raw, &h); err != nil {
		t.Fatal(err)
	}
	if h.Log.Browser == nil || h.Log.Browser.Version == "" {
		t.Errorf("HAR names no browser: %+v", h.Log.Browser)
	}
	if len(h.Log.Entries) != len(pr.Requests) {
		t.Errorf("HAR entries %d, report requests %d", len(h.Log.Entries), len(pr.Requests))
	}
	bodies, cut := 0, 0
	for _, e := range h.Log.Entries {
		c := e.Response.Content
		if len(c.Text) > perBody {
			t.Errorf("%s: body of %d bytes past the limit %d", e.Request.URL, len(c.Text), perBody)
		}
		if len(c.Text) > 0 {
			bodies++
		}
		if c.Comment != "" {
			cut++
		}
		if e.Request.URL == "https://shop.test/" && !bytes.HasPrefix(bytes.ToLower(bytes.TrimSpace(c.Text)), []byte("<!doctype html")) && !bytes.Contains(c.Text, []byte("<")) {
			t.Errorf("home page body %q", c.Text)
		}
	}
	if bodies == 0 || cut == 0 {
		t.Errorf("bodies %d, cut %d: want some of each with a %d-byte limit", bodies, cut, perBody)
	}
}
