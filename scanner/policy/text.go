package policy

import (
	"bytes"
	"fmt"
	"io"
	"mime"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode/utf32"
	"golang.org/x/text/transform"
)

// MaxDocumentBytes is how much of a document the analyser reads. Policies are
// tens of kilobytes; the limit keeps time and memory bounded on hostile input.
const MaxDocumentBytes = 4 << 20

// maxDepth bounds the element stack kept while walking HTML.
const maxDepth = 256

// ExtractText returns the main text of a policy document (HTML or plain
// text, any declared charset) without menus, cookie widgets, forms and
// footers, one block per line, and the language the page declares ("" when
// it declares none or one that is not supported).
func ExtractText(doc []byte, contentType string) (text, lang string, err error) {
	if len(doc) > MaxDocumentBytes {
		doc = doc[:MaxDocumentBytes]
	}
	if isHTML(doc, contentType) {
		return extractHTML(doc, contentType)
	}
	s, err := decodePlain(doc, contentType)
	if err != nil {
		return "", "", err
	}
	return normalizePlain(s), "", nil
}

// isHTML decides from the content type, then from the first bytes.
func isHTML(doc []byte, contentType string) bool {
	if mt, _, err := mime.ParseMediaType(contentType); err == nil {
		switch mt {
		case "text/html", "application/xhtml+xml":
			return true
		case "text/plain":
			return false
		}
	}
	head := doc
	if len(head) > 1024 {
		head = head[:1024]
	}
	head = bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n")
	if len(head) == 0 || head[0] != '<' {
		return false
	}
	l := bytes.ToLower(head)
	for _, m := range []string{"<!doctype html", "<html", "<head", "<body", "<p", "<div", "<main", "<article", "<h1", "<h2", "<meta", "<title", "<!--"} {
		if bytes.HasPrefix(l, []byte(m)) {
			return true
		}
	}
	return false
}

// decodePlain decodes plain text: the header's charset, else a BOM, else
// UTF-8 when valid, else Windows-1252 (what unlabelled Western pages are).
func decodePlain(doc []byte, contentType string) (string, error) {
	var enc encoding.Encoding
	if _, params, err := mime.ParseMediaType(contentType); err == nil && params["charset"] != "" {
		e, err := htmlindex.Get(params["charset"])
		if err != nil {
			return "", fmt.Errorf("decoding text: unsupported charset %q", params["charset"])
		}
		enc = e
	}
	if enc == nil {
		switch {
		case bytes.HasPrefix(doc, []byte("\xef\xbb\xbf")):
			return string(doc[3:]), nil
		case bytes.HasPrefix(doc, []byte("\xff\xfe\x00\x00")), bytes.HasPrefix(doc, []byte("\x00\x00\xfe\xff")):
			enc = utf32.UTF32(utf32.BigEndian, utf32.UseBOM)
		case bytes.HasPrefix(doc, []byte("\xff\xfe")), bytes.HasPrefix(doc, []byte("\xfe\xff")):
			enc, _ = htmlindex.Get("utf-16le")
			if doc[0] == 0xfe {
				enc, _ = htmlindex.Get("utf-16be")
			}
			doc = doc[2:]
		case utf8.Valid(doc):
			return string(doc), nil
		default:
			enc, _ = htmlindex.Get("windows-1252")
		}
	}
	out, _, err := transform.Bytes(enc.NewDecoder(), doc)
	if err != nil {
		return "", fmt.Errorf("decoding text: %w", err)
	}
	return string(out), nil
}

// block is one paragraph of text found in the page.
type block struct {
	text      strings.Builder
	linkBytes int
	inMain    bool
}

type htmlWalker struct {
	blocks    []*block
	cur       *block
	stack     []elem
	skipDepth int // >0 while inside boilerplate
	mainDepth int // >0 while inside main/article
	linkDepth int
	lang      string
	sawMain   bool
}

type elem struct {
	a                    atom.Atom
	skip, main, isAnchor bool
}

// boilerplateTags never hold policy text.
var boilerplateTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Svg: true,
	atom.Nav: true, atom.Footer: true, atom.Header: true, atom.Aside: true, atom.Form: true,
	atom.Button: true, atom.Select: true, atom.Option: true, atom.Textarea: true, atom.Iframe: true,
	atom.Object: true, atom.Canvas: true, atom.Dialog: true, atom.Math: true, atom.Head: true,
}

// blockTags end a paragraph.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Li: true, atom.Ul: true, atom.Ol: true, atom.H1: true, atom.H2: true,
	atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true, atom.Tr: true, atom.Td: true, atom.Th: true,
	atom.Table: true, atom.Section: true, atom.Article: true, atom.Main: true, atom.Br: true, atom.Dd: true,
	atom.Dt: true, atom.Dl: true, atom.Blockquote: true, atom.Pre: true, atom.Hr: true, atom.Body: true,
	atom.Caption: true, atom.Figcaption: true, atom.Address: true, atom.Summary: true, atom.Details: true,
}

// boilerplateMarkers in a class, id or role mark menus, banners and widgets.
var boilerplateMarkers = []string{
	"cookie", "consent", "gdpr-banner", "cmp", "onetrust", "didomi", "cookiebot", "usercentrics", "tarteaucitron",
	"navbar", "navigation", "menu", "breadcrumb", "footer", "header", "sidebar", "newsletter", "minicart",
	"mini-cart", "cart-drawer", "modal", "popup", "skip-link", "social-share", "search-form",
}

// boilerplateRoles are ARIA roles of page chrome.
var boilerplateRoles = map[string]bool{
	"navigation": true, "banner": true, "contentinfo": true, "search": true, "dialog": true, "alertdialog": true, "menu": true, "menubar": true,
}

func extractHTML(doc []byte, contentType string) (string, string, error) {
	r, err := charset.NewReader(bytes.NewReader(doc), contentType)
	if err != nil {
		return "", "", fmt.Errorf("decoding html: %w", err)
	}
	w := &htmlWalker{}
	z := html.NewTokenizer(r)
	z.SetMaxBuf(MaxDocumentBytes * 2)
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if z.Err() != io.EOF && z.Err() != nil && len(w.blocks) == 0 {
				return "", "", fmt.Errorf("reading html: %w", z.Err())
			}
			return w.finish(), w.lang, nil
		case html.TextToken:
			if w.skipDepth == 0 {
				w.text(string(z.Text()))
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			a := atom.Lookup(name)
			var attrs map[string]string
			if hasAttr {
				attrs = map[string]string{}
				for {
					k, v, more := z.TagAttr()
					switch string(k) {
					case "class", "id", "role", "lang", "aria-hidden", "hidden", "aria-modal":
						attrs[string(k)] = string(v)
					}
					if !more {
						break
					}
				}
			}
			w.start(a, attrs, tt == html.SelfClosingTagToken)
		case html.EndTagToken:
			name, _ := z.TagName()
			w.end(atom.Lookup(name))
		}
	}
}

func isVoid(a atom.Atom) bool {
	switch a {
	case atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr, atom.Img, atom.Input, atom.Link,
		atom.Meta, atom.Param, atom.Source, atom.Track, atom.Wbr:
		return true
	}
	return false
}

func isBoilerplateAttr(attrs map[string]string) bool {
	if attrs == nil {
		return false
	}
	if _, ok := attrs["hidden"]; ok {
		return true
	}
	if attrs["aria-hidden"] == "true" || attrs["aria-modal"] == "true" {
		return true
	}
	if boilerplateRoles[strings.ToLower(attrs["role"])] {
		return true
	}
	cls := strings.ToLower(attrs["class"] + " " + attrs["id"])
	if strings.TrimSpace(cls) == "" {
		return false
	}
	// A policy page's own container is often called "privacy-policy" or
	// "cookie-policy": do not throw the content away with the banners.
	if strings.Contains(cls, "policy") || strings.Contains(cls, "content") || strings.Contains(cls, "privacy") {
		return false
	}
	for _, m := range boilerplateMarkers {
		if strings.Contains(cls, m) {
			return true
		}
	}
	return false
}

func (w *htmlWalker) start(a atom.Atom, attrs map[string]string, selfClosing bool) {
	if a == atom.Html && w.lang == "" && attrs != nil {
		w.lang = normalizeLangTag(attrs["lang"])
	}
	if blockTags[a] {
		w.breakBlock()
	}
	if selfClosing || isVoid(a) {
		return
	}
	if len(w.stack) >= maxDepth {
		return // absurd nesting: keep reading text, stop tracking elements
	}
	e := elem{a: a}
	// The root's classes say what the page shows ("show--consent",
	// "cookie-banner-open"), not that it is chrome.
	if boilerplateTags[a] || (a != atom.Html && a != atom.Body && isBoilerplateAttr(attrs)) {
		e.skip = true
		w.skipDepth++
	}
	if a == atom.Main || a == atom.Article || (attrs != nil && strings.EqualFold(attrs["role"], "main")) {
		e.main = true
		w.mainDepth++
		w.sawMain = true
	}
	if a == atom.A {
		e.isAnchor = true
		w.linkDepth++
	}
	w.stack = append(w.stack, e)
}

func (w *htmlWalker) end(a atom.Atom) {
	if blockTags[a] {
		w.breakBlock()
	}
	// Close up to the matching open element; ignore a stray end tag.
	for i := len(w.stack) - 1; i >= 0; i-- {
		if w.stack[i].a != a {
			continue
		}
		for j := len(w.stack) - 1; j >= i; j-- {
			e := w.stack[j]
			if e.skip {
				w.skipDepth--
			}
			if e.main {
				w.mainDepth--
			}
			if e.isAnchor {
				w.linkDepth--
			}
		}
		w.stack = w.stack[:i]
		return
	}
}

func (w *htmlWalker) breakBlock() {
	w.cur = nil
}

func (w *htmlWalker) text(s string) {
	if strings.TrimSpace(s) == "" {
		if w.cur != nil && w.cur.text.Len() > 0 {
			w.cur.text.WriteByte(' ')
		}
		return
	}
	if w.cur == nil {
		w.cur = &block{inMain: w.mainDepth > 0}
		w.blocks = append(w.blocks, w.cur)
	}
	w.cur.text.WriteString(s)
	if w.linkDepth > 0 {
		w.cur.linkBytes += len(s)
	}
}

// finish keeps the main content: blocks inside main/article when the page
// has enough of them, without blocks that are only links (menus).
func (w *htmlWalker) finish() string {
	mainBytes := 0
	for _, b := range w.blocks {
		if b.inMain {
			mainBytes += b.text.Len()
		}
	}
	onlyMain := w.sawMain && mainBytes >= 200
	var out strings.Builder
	for _, b := range w.blocks {
		if onlyMain && !b.inMain {
			continue
		}
		t := collapseSpace(b.text.String())
		if t == "" {
			continue
		}
		if b.linkBytes*10 >= len(t)*9 && len(t) < 120 {
			continue // a menu entry or a link list, not prose
		}
		if out.Len() > 0 {
			out.WriteByte('\n')
		}
		out.WriteString(t)
	}
	return out.String()
}

// normalizePlain collapses spaces inside lines and drops blank runs, so
// plain text and HTML give the same shape of text.
func normalizePlain(s string) string {
	s = strings.TrimPrefix(s, "\ufeff")
	var out strings.Builder
	out.Grow(len(s))
	for line := range strings.SplitSeq(s, "\n") {
		t := collapseSpace(line)
		if t == "" {
			continue
		}
		if out.Len() > 0 {
			out.WriteByte('\n')
		}
		out.WriteString(t)
	}
	return out.String()
}

// collapseSpace turns every run of white space (including no-break spaces)
// into one space, drops invisible characters, normalises typographic
// apostrophes, and trims.
func collapseSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case r == '\u00ad' || r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\u2060' || r == '\ufeff':
			continue
		case r == '\u2019' || r == '\u2018' || r == '\u02bc':
			r = '\''
		case r == utf8.RuneError:
			r = '\ufffd'
		}
		if unicode.IsSpace(r) || r == '\u00a0' || unicode.IsControl(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}
