package scanner

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/privacyscan/privacyscan/internal/atomicfile"
	"github.com/privacyscan/privacyscan/scanner/model"
	"github.com/privacyscan/privacyscan/scanner/policy"
)

// EvidenceOptions say what a scan writes into its evidence bundle
// (--evidence-dir): per site and phase a HAR 1.2 file and a screenshot of
// the first page as loaded, and the policy as fetched. The caller seals
// the bundle (manifest.json).
type EvidenceOptions struct {
	// Dir is the bundle's root; empty writes nothing.
	Dir string
	// Bodies keeps response bodies in the HARs (--har-bodies), at most
	// BodyLimit bytes each and PhaseBodyLimit per phase (0: the defaults).
	Bodies                    bool
	BodyLimit, PhaseBodyLimit int64
	// Tool names the HARs' creator.
	Tool model.Tool
}

// screenshotQuality is the JPEG quality of the phase screenshots: enough to
// read a banner, a fraction of a PNG's size.
const screenshotQuality = 70

// screenshotTimeout bounds one screenshot (within the page's own budget).
const screenshotTimeout = 10 * time.Second

// siteEvidence is one site's directory in the bundle.
type siteEvidence struct {
	root string // the bundle's root
	rel  string // the site's directory, slash-separated, relative to root
}

// siteEvidence returns the site's directory in the bundle, nil without
// --evidence-dir.
func (s *Scanner) siteEvidence(start string) *siteEvidence {
	if s.opts.Evidence.Dir == "" {
		return nil
	}
	return &siteEvidence{root: s.opts.Evidence.Dir, rel: s.namer.Site(start)}
}

// write writes name (slash-separated, in the site's directory) atomically
// and returns its path relative to the bundle's root.
func (e *siteEvidence) write(name string, write func(io.Writer) error) (string, error) {
	rel := path.Join(e.rel, name)
	full := filepath.Join(e.root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		return "", fmt.Errorf("evidence: %w", err)
	}
	if err := atomicfile.Write(full, write); err != nil {
		return "", fmt.Errorf("evidence: %w", err)
	}
	return rel, nil
}

func (e *siteEvidence) writeBytes(name string, data []byte) (string, error) {
	return e.write(name, func(w io.Writer) error { _, err := w.Write(data); return err })
}

// screenshot writes the viewport of the first page as loaded in the phase
// (before consent, after accept, after reject...) into the bundle.
func (r *phaseRun) screenshot(ev *siteEvidence) {
	ctx, cancel := r.bounded(min(screenshotTimeout, r.s.opts.PageTimeout))
	defer cancel()
	q := int64(screenshotQuality)
	shot, err := chromedp.Call(ctx, page.CaptureScreenshot, page.CaptureScreenshotParams{Format: page.CaptureScreenshotFormatJpeg, Quality: &q})
	if err != nil {
		if r.ctx.Err() == nil {
			r.errs = append(r.errs, fmt.Sprintf("evidence: screenshot: %v", err))
		}
		return
	}
	rel, err := ev.writeBytes(r.phase+".jpg", shot.Data)
	if err != nil {
		r.errs = append(r.errs, err.Error())
		return
	}
	r.pr.Screenshot = rel
}

// writeHAR writes the phase's HAR into the bundle.
func (r *phaseRun) writeHAR(ev *siteEvidence, recs ...recording) {
	product, _ := r.s.browserVersion(r.ctx)
	name, version, _ := strings.Cut(product, "/")
	info := harInfo{Creator: r.s.opts.Evidence.Tool.Name, CreatorVersion: r.s.opts.Evidence.Tool.Version, Browser: name, BrowserVersion: version}
	if info.Creator == "" {
		info.Creator = model.ToolName
	}
	h := buildHAR(info, r.pr.Pages, r.redact, recs...)
	if _, err := ev.write(r.phase+".har", func(w io.Writer) error {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		return enc.Encode(h)
	}); err != nil {
		r.errs = append(r.errs, err.Error())
	}
}

// writePolicy keeps the policy as read: the page as rendered before
// consent, the document as served, and the text extracted from the one the
// facts came from.
func (e *siteEvidence) writePolicy(rendered, fetched []byte, fetchedType string, source string) []string {
	var errs []string
	keep := func(name string, data []byte) {
		if _, err := e.writeBytes(name, data); err != nil {
			errs = append(errs, "policy: "+err.Error())
		}
	}
	if rendered != nil {
		keep("policy/rendered.html", rendered)
	}
	if fetched != nil {
		keep("policy/fetched"+policyExt(fetchedType), fetched)
	}
	doc, ct := rendered, "text/html; charset=utf-8"
	if source == model.PolicySourceFetched || doc == nil {
		doc, ct = fetched, fetchedType
	}
	if doc != nil {
		if text, _, err := policy.ExtractText(doc, ct); err == nil {
			keep("policy/extracted.txt", []byte(text))
		}
	}
	return errs
}

// policyExt is the file extension of a served policy's content type.
func policyExt(contentType string) string {
	ct := strings.ToLower(contentType)
	switch {
	case strings.Contains(ct, "html"):
		return ".html"
	case strings.Contains(ct, "pdf"):
		return ".pdf"
	case strings.Contains(ct, "xml"):
		return ".xml"
	default:
		return ".txt"
	}
}

// BrowserVersion is the browser's product ("HeadlessChrome/131.0.6778.85")
// and the user agent the pages see, asked once per scanner of the running
// browser (it starts none: call it after Start).
func (s *Scanner) BrowserVersion(ctx context.Context) (product, userAgent string, err error) {
	s.vmu.Lock()
	defer s.vmu.Unlock()
	if s.product != "" {
		return s.product, s.userAgent, nil
	}
	b := s.Browser()
	if b == nil && s.pool != nil {
		// A pool's browsers are alike: ask the first live one.
		if b, err = s.browser(ctx); err != nil {
			return "", "", err
		}
	}
	if b == nil {
		return "", "", errors.New("the browser is not running")
	}
	s.product, s.userAgent, err = b.Version(ctx)
	return s.product, s.userAgent, err
}

func (s *Scanner) browserVersion(ctx context.Context) (string, string) {
	p, ua, _ := s.BrowserVersion(ctx)
	return p, ua
}
