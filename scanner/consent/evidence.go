package consent

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/privacyscan/privacyscan/internal/atomicfile"
	"github.com/privacyscan/privacyscan/scanner/model"
)

// screenshot writes the viewport to the evidence directory.
func (e *Engine) screenshot(ctx context.Context, res *model.ConsentResult, when string) {
	if e.opts.EvidenceDir == "" {
		return
	}
	shot, err := chromedp.Call(ctx, page.CaptureScreenshot, page.CaptureScreenshotParams{Format: page.CaptureScreenshotFormatPng})
	if err != nil {
		e.logf("consent: screenshot: %v", err)
		return
	}
	if err := os.MkdirAll(e.opts.EvidenceDir, 0o755); err != nil {
		e.logf("consent: evidence dir: %v", err)
		return
	}
	name := filepath.Join(e.opts.EvidenceDir, fmt.Sprintf("consent-%03d-%s-%s.png", e.seq.Add(1), res.Action, when))
	if err := atomicfile.WriteBytes(name, shot.Data); err != nil {
		e.logf("consent: screenshot: %v", err)
		return
	}
	res.Screenshots = append(res.Screenshots, name)
	if when == "after" && len(res.Elements) > 0 {
		// The clicks, as text beside the images.
		var b strings.Builder
		for _, c := range res.Elements {
			fmt.Fprintf(&b, "%s\t%s\t%s\t%s\n", c.Frame, c.Selector, c.Text, c.Input)
		}
		txt := strings.TrimSuffix(name, "-after.png") + "-clicks.txt"
		if err := atomicfile.WriteBytes(txt, []byte(b.String())); err == nil {
			res.Screenshots = append(res.Screenshots, txt)
		}
	}
}
