package policy

import (
	"bytes"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"strings"
)

// Errors for documents that hold no text to read: an all-"no" table from
// them would say a policy is silent when there is no policy to speak.
var (
	// ErrEmptyDocument is an empty (or whitespace-only) document.
	ErrEmptyDocument = errors.New("empty document")
	// ErrNotText is a binary document: an image, a PDF, an archive, data.
	ErrNotText = errors.New("not a text document")
	// ErrNoText is a document with markup but no readable text.
	ErrNoText = errors.New("no text in the document")
)

// nonText are media types that are never a readable policy, whatever the
// bytes look like.
var nonText = []string{"image/", "audio/", "video/", "font/", "application/pdf", "application/zip", "application/gzip",
	"application/x-", "application/vnd.", "application/msword", "application/octet-stream", "application/wasm", "multipart/"}

// checkInput rejects documents that are not text: empty ones, and binary
// ones by their declared type or their first bytes (the sniffing of the
// WHATWG MIME standard, as net/http does it).
func checkInput(raw []byte, contentType string) error {
	body := bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(body)) == 0 {
		return ErrEmptyDocument
	}
	if mt, _, err := mime.ParseMediaType(contentType); err == nil && mt != "application/octet-stream" {
		for _, p := range nonText {
			if strings.HasPrefix(mt, p) {
				return fmt.Errorf("%w: the document is %s", ErrNotText, mt)
			}
		}
	}
	if bytes.HasPrefix(raw, []byte("\xff\xfe")) || bytes.HasPrefix(raw, []byte("\xfe\xff")) || bytes.HasPrefix(raw, []byte("\x00\x00\xfe\xff")) {
		return nil // UTF-16 and UTF-32 text holds zero bytes
	}
	head := raw[:min(len(raw), 512)]
	if sniffed := http.DetectContentType(head); !strings.HasPrefix(sniffed, "text/") && !strings.Contains(sniffed, "xml") {
		mt, _, _ := mime.ParseMediaType(sniffed)
		if mt == "application/octet-stream" {
			return fmt.Errorf("%w: the document holds binary data", ErrNotText)
		}
		return fmt.Errorf("%w: the document is %s", ErrNotText, mt)
	}
	return nil
}
