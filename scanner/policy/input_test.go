package policy

import (
	"bytes"
	"testing"
)

// TestBadInput: an empty, binary or non-text document is an error with its
// reason, never a policy with every element missing; text in any encoding
// the analyser decodes is read.
func TestBadInput(t *testing.T) {
	cases := []struct {
		name, contentType string
		doc               []byte
		want              error // nil: read
	}{
		{"empty", "", nil, ErrEmptyDocument},
		{"whitespace", "", []byte(" \n\t\r\n"), ErrEmptyDocument},
		{"bom only", "", []byte("\xef\xbb\xbf\n"), ErrEmptyDocument},
		{"pdf", "", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj"), ErrNotText},
		{"png", "", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), ErrNotText},
		{"zip (docx)", "", []byte("PK\x03\x04\x14\x00\x06\x00\x08\x00word/document.xml"), ErrNotText},
		{"binary data", "", bytes.Repeat([]byte{0, 1, 2, 3, 0xff, 0x10}, 200), ErrNotText},
		{"declared image", "image/jpeg", []byte("not really a jpeg but said so"), ErrNotText},
		{"declared pdf", "application/pdf", []byte("Privacy policy"), ErrNotText},
		{"html without text", "text/html", []byte("<html><head><script>var a=1</script></head><body><div></div></body></html>"), ErrNoText},
		{"plain text", "", []byte("Privacy policy. We do not sell your personal data."), nil},
		{"octet-stream that is text", "application/octet-stream", []byte("Privacy policy. We do not sell your personal data."), nil},
		{"windows-1252", "", []byte("Datenschutzerkl\xe4rung. Wir verkaufen Ihre Daten nicht."), nil},
		{"utf-16", "", append([]byte{0xff, 0xfe}, []byte("p\x00r\x00i\x00v\x00a\x00c\x00y\x00")...), nil},
	}
	for _, c := range cases {
		f := Analyze(c.doc, Options{ContentType: c.contentType})
		switch {
		case c.want == nil && f.Error != "":
			t.Errorf("%s: error %q, want the text read", c.name, f.Error)
		case c.want != nil && (f.Error == "" || !bytes.HasPrefix([]byte(f.Error), []byte(c.want.Error()))):
			t.Errorf("%s: error %q, want %q", c.name, f.Error, c.want)
		case c.want != nil && f.Readable != nil:
			t.Errorf("%s: an unreadable document is marked read", c.name)
		}
	}
}
