package reports

import (
	"crypto/sha256"
	"encoding/base64"
	"html/template"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/privacyscan/privacyscan/scanner/model"
)

// The HTML report is one self-contained file an auditor hands over: it opens
// offline, loads nothing (its Content-Security-Policy allows its own style
// and print script by hash and images from data: URIs, nothing else) and
// prints on A4. Long sections are <details>, so a 50-site report opens
// quickly and stays navigable.

type htmlWriter struct{ o Options }

// htmlCSS is the report's only style sheet; the CSP allows it by hash.
const htmlCSS = `
:root{--b:#ccc;--m:#5f6368;--bad:#b00020;--good:#1e6b30}
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,sans-serif;margin:1.5rem auto;max-width:76rem;padding:0 1rem;color:#1b1b1b;overflow-wrap:anywhere}
h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.3rem;margin:2rem 0 .4rem;padding-top:.6rem;border-top:3px solid #1b1b1b}
h3{font-size:1.05rem;margin:1.2rem 0 .3rem}
table{border-collapse:collapse;width:100%;margin:.4rem 0 1rem}
th,td{border:1px solid var(--b);padding:.25rem .45rem;text-align:left;vertical-align:top}
th{background:#f3f3f3;font-weight:600;overflow-wrap:normal}
code{font:.9em/1.35 ui-monospace,monospace;overflow-wrap:anywhere;word-break:break-all}
.critical,.high,.bad{color:var(--bad);font-weight:600}.medium{color:#a15c00;font-weight:600}.low{color:#00639b}.info,.muted{color:var(--m)}.good{color:var(--good)}
.sev{display:inline-block;min-width:4.5rem}
details{margin:.4rem 0}details>summary{cursor:pointer;color:#00639b;font-weight:600}
details.rule{border-left:4px solid var(--b);padding-left:.6rem}details.rule-critical,details.rule-high{border-color:var(--bad)}details.rule-medium{border-color:#a15c00}
.nw{white-space:nowrap;overflow-wrap:normal}
.verdict{border:2px solid #1b1b1b;padding:.5rem .8rem;margin:.6rem 0}
.counts span{display:inline-block;margin-right:1rem}
ul{margin:.2rem 0 .6rem;padding-left:1.3rem}
.shots{display:flex;flex-wrap:wrap;gap:.8rem}
figure{margin:0;flex:1 1 20rem;max-width:100%;border:1px solid var(--b);padding:.3rem}
figure img{display:block;max-width:100%;height:auto}
figcaption{font-size:12px;color:var(--m)}
.m td,.m th{text-align:center}.m td:first-child,.m th:first-child,.m td:nth-child(2){text-align:left}
q{font-style:italic}
@page{size:A4;margin:14mm}
@media print{
body{margin:0;max-width:none;padding:0;font-size:11px}
h2{break-before:page;border-top:none}h2:first-of-type{break-before:auto}
details>summary{color:#1b1b1b}
details::details-content{content-visibility:visible;display:contents}
tr,figure,.verdict{break-inside:avoid}
a{color:inherit;text-decoration:none}
}
`

// htmlPrintScript opens every section before printing, for browsers whose
// print style cannot show closed <details>; the CSP allows it by hash.
const htmlPrintScript = `addEventListener("beforeprint",function(){document.querySelectorAll("details").forEach(function(d){d.open=true})})`

func cspHash(s string) string {
	h := sha256.Sum256([]byte(s))
	return "'sha256-" + base64.StdEncoding.EncodeToString(h[:]) + "'"
}

// htmlCSP is the report's Content-Security-Policy: nothing may load but its
// own style and script (by hash) and images embedded as data: URIs.
var htmlCSP = "default-src 'none'; style-src " + cspHash(htmlCSS) + "; script-src " + cspHash(htmlPrintScript) +
	"; img-src data:; base-uri 'none'; form-action 'none'"

// HTMLContentSecurityPolicy is the policy the HTML report declares.
func HTMLContentSecurityPolicy() string { return htmlCSP }

func (w htmlWriter) Write(out io.Writer, r *model.Report) error {
	Normalize(r)
	return htmlTmpl.Execute(out, struct {
		*htmlView
		CSP    string
		CSS    template.CSS
		Script template.JS
	}{w.o.htmlView(r), htmlCSP, template.CSS(htmlCSS), template.JS(htmlPrintScript)})
}

// html/template escapes every value by context; site strings are also
// cleaned of control characters. URLs from the site are shown as text,
// never as links, so a hostile javascript: URL cannot run; the only links
// are the report's own fragments.
var htmlTmpl = template.Must(template.New("report").Funcs(template.FuncMap{
	"clean":   func(s string) string { return Clean(s, 400) },
	"long":    func(s string) string { return Clean(s, 2000) },
	"join":    func(s []string) string { return Clean(strings.Join(s, ", "), 2000) },
	"ev":      evidenceLine,
	"days":    func(f float64) string { return trimFloat(f) },
	"anyOpen": func(n int) bool { return n <= 12 },
	"inc":     func(i int) int { return i + 1 },
}).Parse(htmlTemplate))

func trimFloat(f float64) string {
	return strconv.FormatFloat(math.Round(f*100)/100, 'f', -1, 64)
}
