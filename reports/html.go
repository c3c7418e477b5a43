package reports

import (
	"html/template"
	"io"
	"strings"

	"github.com/privacyscan/privacyscan/scanner/model"
)

type htmlWriter struct{}

// html/template escapes every value; site strings are also cleaned of control
// characters. URLs from the site are shown as text, never as links, so a
// hostile javascript: URL cannot run.
var htmlTmpl = template.Must(template.New("report").Funcs(template.FuncMap{
	"clean":  func(s string) string { return Clean(s, 400) },
	"phases": phasesOf,
	"third":  countThird,
	"deref": func(s *string) string {
		if s == nil {
			return ""
		}
		return *s
	},
	"join":       strings.Join,
	"sub":        func(a, b int) int { return a - b },
	"name":       siteName,
	"notScanned": notScanned,
}).Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>privacyscan report</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1b1b1b}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f3f3}.critical,.high{color:#b00020;font-weight:600}.medium{color:#a15c00}.low{color:#00639b}.info{color:#555}
code{word-break:break-all}.muted{color:#666}td.rule code{white-space:nowrap;word-break:normal}
details summary{cursor:pointer;color:#00639b}
</style></head><body>
<h1>privacyscan report</h1>
<p class="muted">privacyscan {{.Tool.Version}} · {{.StartedAt}} → {{.FinishedAt}}{{if .Interrupted}} · interrupted: partial report{{end}}</p>
{{range $i, $site := .Sites}}
<h2>{{clean (name $site $i)}}</h2>{{with notScanned $site}}
<p class="critical">{{.}}</p>{{end}}{{if .Site}}
<table>
<tr><th>Pages sampled</th><td>{{len .Pages}}</td></tr>
<tr><th>Consent banner</th><td>{{if .Consent.BannerDetected}}detected{{with .Consent.CMP}} ({{clean .}}){{end}}{{else}}not detected{{end}}; accept {{if .Consent.AcceptClicked}}done in {{.Consent.AcceptClicks}} click(s){{else}}not done{{end}}; reject {{if .Consent.RejectClicked}}done in {{.Consent.RejectClicks}} click(s){{if .Consent.RejectOnFirstLayer}} on the first layer{{end}}{{else}}not done{{end}}</td></tr>
<tr><th>Privacy policy</th><td>{{with .Policy}}{{if .URL}}<code>{{clean (deref .URL)}}</code> [{{clean .Language}}]{{with .LastUpdated}}, updated {{clean .}}{{end}}{{with .Error}}, not read: {{clean .}}{{end}}{{if .PolicyUnread}}, not read: language not supported{{end}}{{if .Truncated}}, cut at the size limit: only its beginning was read{{end}}{{else}}not found{{end}}{{end}}</td></tr>
{{$s := .}}{{range phases .Site}}{{$p := index $s.Phases .}}<tr><th>{{.}}</th><td>{{len $p.Requests}} requests ({{third $p}} third-party), {{len $p.Cookies}} cookies, {{len $p.Storage}} storage keys</td></tr>
{{end}}</table>
<h3>Findings</h3>
{{if .Findings}}<table><tr><th>Severity</th><th>Rule</th><th>Phase</th><th>Finding</th><th>Evidence</th></tr>
{{range .Findings}}{{$f := .}}<tr><td class="{{.Severity}}">{{.Severity}}{{if .Suppressed}} (suppressed: {{clean .Suppressed.Reason}}){{else if .Baseline}} (baseline){{end}}</td><td class="rule"><code>{{.Rule}}</code></td><td>{{with .Phase}}{{.}}{{else}}-{{end}}</td><td>{{clean .Message}}</td>
<td>{{range $i, $e := .Evidence}}{{if eq $i 5}}<details><summary>{{sub (len $f.Evidence) 5}} more</summary>{{end}}{{template "ev" $e}}{{end}}{{if gt (len .Evidence) 5}}</details>{{end}}</td></tr>
{{end}}</table>{{else if .Scanned}}<p>No findings.</p>{{else}}<p>None: the site was not scanned.</p>{{end}}
{{$s2 := .}}{{range phases .Site}}{{$p := index $s2.Phases .}}{{if $p.Cookies}}
<h3>Cookies: {{.}}</h3>
<table><tr><th>Name</th><th>Domain</th><th>Party</th><th>Vendor</th><th>Category</th><th>Lifetime (days)</th><th>Secure</th><th>HttpOnly</th><th>SameSite</th></tr>
{{range $p.Cookies}}<tr><td><code>{{clean .Name}}</code></td><td>{{clean .Domain}}</td><td>{{.Party}}</td><td>{{clean .Vendor}}</td><td>{{.Category}}</td><td>{{.LifetimeDays}}</td><td>{{.Secure}}</td><td>{{.HTTPOnly}}</td><td>{{.SameSite}}</td></tr>
{{end}}</table>{{end}}{{end}}
{{if .Errors}}<h3>Problems during the scan</h3><ul>{{range .Errors}}<li>{{clean .}}</li>{{end}}</ul>{{end}}
{{end}}{{end}}
</body></html>
{{define "ev"}}<div>{{.Kind}}: {{if .Name}}<code>{{clean .Name}}</code>{{if .Domain}} @ {{clean .Domain}}{{end}}{{else if .URL}}<code>{{clean .URL}}</code>{{else}}{{clean .Domain}}{{end}}{{if .Detail}} <span class="muted">({{clean .Detail}})</span>{{end}}{{if and .Page (ne .Kind "page")}} <span class="muted">on {{clean .Page}}</span>{{end}}</div>{{end}}
`))

func (htmlWriter) Write(w io.Writer, r *model.Report) error {
	Normalize(r)
	return htmlTmpl.Execute(w, r)
}
