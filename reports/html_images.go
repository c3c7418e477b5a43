package reports

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"html/template"
	"io"
	"os"
	"path/filepath"
)

// MaxScreenshotBytes bounds one embedded screenshot: a larger file is named,
// not embedded.
const MaxScreenshotBytes = 8 << 20

// ScreenshotFiles reads screenshots from disk: an absolute path as it is, a
// relative one under each of dirs (the evidence directory; for a report read
// back, its folder and the one above) in turn, then as given
// (relative to the working directory, as the consent engine records paths
// under the --evidence-dir it was given).
func ScreenshotFiles(dirs ...string) func(path string) ([]byte, error) {
	return func(p string) ([]byte, error) {
		tries := []string{p}
		if !filepath.IsAbs(p) {
			tries = nil
			for _, d := range dirs {
				if d != "" {
					tries = append(tries, filepath.Join(d, p))
				}
			}
			tries = append(tries, p)
		}
		var err error
		for _, t := range tries {
			var b []byte
			if b, err = readBounded(t); err == nil {
				return b, nil
			}
			if !errors.Is(err, os.ErrNotExist) {
				return nil, err
			}
		}
		return nil, err
	}
}

func readBounded(p string) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, MaxScreenshotBytes+1))
	if err != nil {
		return nil, err
	}
	if len(b) > MaxScreenshotBytes {
		return nil, fmt.Errorf("larger than %d MiB", MaxScreenshotBytes>>20)
	}
	return b, nil
}

// imageType names the image format of data by its signature; "" when it is
// not an image a browser shows from a data: URI.
func imageType(b []byte) string {
	switch {
	case bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")):
		return "image/png"
	case bytes.HasPrefix(b, []byte("\xff\xd8\xff")):
		return "image/jpeg"
	case bytes.HasPrefix(b, []byte("GIF87a")), bytes.HasPrefix(b, []byte("GIF89a")):
		return "image/gif"
	case len(b) > 12 && bytes.Equal(b[:4], []byte("RIFF")) && bytes.Equal(b[8:12], []byte("WEBP")):
		return "image/webp"
	}
	return ""
}

// shot is one screenshot as the HTML report shows it.
type shot struct {
	// Path is the file as the report names it.
	Path string
	// Caption says what it shows.
	Caption string
	// Src is the data: URI of an embedded image; empty when it could not be
	// embedded, and Missing says why.
	Src     template.URL
	Missing string
	Anchor  string
	// Same links the first image of the site with the same bytes (the
	// banner before an accept and before a reject are often one picture),
	// which is embedded once; SameCaption is its caption.
	Same, SameCaption string
}

// isImagePath tells evidence files that are screenshots from the others
// (the consent engine's clicks.txt).
func isImagePath(p string) bool {
	switch filepath.Ext(p) {
	case ".png", ".jpg", ".jpeg", ".webp", ".gif":
		return true
	}
	return false
}

// loadShot embeds a screenshot, or says why it cannot.
func (v *viewBuilder) loadShot(p, caption, anchor string) shot {
	s := shot{Path: p, Caption: caption, Anchor: anchor}
	if v.o.Screenshots == nil {
		s.Missing = "not embedded: the report was written without access to the evidence files"
		return s
	}
	b, err := v.o.Screenshots(p)
	switch {
	case errors.Is(err, os.ErrNotExist):
		s.Missing = "missing: the file is not there"
		return s
	case err != nil:
		s.Missing = "not embedded: " + err.Error()
		return s
	}
	typ := imageType(b)
	if typ == "" {
		s.Missing = "not embedded: not a PNG, JPEG, GIF or WebP image"
		return s
	}
	sum := sha256.Sum256(b)
	if first, ok := v.seen[sum]; ok {
		s.Same, s.SameCaption = first.Anchor, first.Caption
		return s
	}
	v.seen[sum] = s
	// The data: URI is built here from the file's bytes, base64 only, with
	// a type from its signature: nothing of the site reaches it.
	s.Src = template.URL("data:" + typ + ";base64," + base64.StdEncoding.EncodeToString(b))
	v.embedded += len(b)
	return s
}
