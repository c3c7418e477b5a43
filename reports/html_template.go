package reports

// htmlTemplate is the HTML report. Every value passes through html/template's
// contextual escaping; site strings through clean as well. No value of the
// site reaches an attribute but as text (title), and the only href values
// are the report's own fragment anchors.
const htmlTemplate = `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{{.CSP}}">
<meta name="referrer" content="no-referrer">
<title>privacyscan report</title>
<style>{{.CSS}}</style>
<script>{{.Script}}</script>
</head><body>
<header>
<h1>privacyscan report</h1>
<p class="muted">privacyscan {{clean .Tool.Version}} · scanned {{clean .StartedAt}} → {{clean .FinishedAt}} · {{len .Sites}} site(s){{if .Interrupted}} · <strong class="bad">interrupted: partial report</strong>{{end}}{{if .Hidden}} · {{.Hidden}} finding(s) below {{clean .MinSeverity}} left out{{end}}</p>
{{if gt (len .Sites) 1}}<nav><details open><summary>Sites</summary><table><tr><th>Site</th><th>Verdict</th></tr>
{{range .Sites}}<tr><td><a href="#{{.Anchor}}">{{clean .Name}}</a></td><td>{{if .NotScanned}}<span class="bad">not scanned</span>{{else}}{{range .Counts}}{{if .N}}<span class="{{clean .Severity}}">{{.N}} {{clean .Severity}}</span> {{end}}{{end}}{{if not .Active}}<span class="good">no active findings</span>{{end}}{{end}}</td></tr>
{{end}}</table></details></nav>{{end}}
</header>
{{range .Sites}}{{template "site" .}}{{end}}
{{template "provenance" .}}
</body></html>

{{define "site"}}<section id="{{.Anchor}}">
<h2>{{clean .Name}}</h2>{{with .FinalURL}}
<p class="muted">ended at <code>{{clean .}}</code></p>{{end}}
<div class="verdict">{{with .NotScanned}}<p class="bad">{{.}}</p>{{end}}
<p class="counts"><strong>Verdict:</strong> {{range .Counts}}<span class="{{if .N}}{{clean .Severity}}{{else}}muted{{end}}">{{.N}} {{clean .Severity}}</span>{{end}}</p>
{{if .Top}}<p>Most serious:</p><ol>{{range .Top}}<li><span class="{{clean .Severity}}">{{clean .Severity}}</span> — <a href="#{{.Anchor}}">{{clean .Title}}</a>: {{clean .Message}}</li>{{end}}</ol>{{else if not .NotScanned}}<p class="good">No active findings.</p>{{end}}
</div>
{{if .Site}}
<table>
<tr><th>Pages sampled</th><td>{{len .Site.Pages}}</td></tr>
<tr><th>Consent banner</th><td>{{clean .Banner}}</td></tr>
<tr><th>Privacy policy</th><td>{{with .Policy}}{{if .URL}}<code>{{clean .URL}}</code>{{with .Language}} [{{clean .}}]{{end}}{{with .LastUpdated}}, updated {{clean .}}{{end}}{{else}}not found{{end}}{{else}}not read{{end}}</td></tr>
</table>
<h3>Phases</h3>
<table><tr><th>Phase</th><th>Pages</th><th>Requests (third-party)</th><th>Cookies</th><th>Storage keys</th><th>Ran</th><th>Screenshot</th></tr>
{{range .Phases}}<tr><td>{{clean .Name}}</td><td>{{.Pages}}</td><td>{{.Requests}} ({{.Third}})</td><td>{{.Cookies}}</td><td>{{.Storage}}</td><td>{{if .StartedAt}}{{clean .StartedAt}} → {{clean .FinishedAt}}{{else}}-{{end}}</td><td>{{with .Shot}}<a href="#{{.Anchor}}">view</a>{{else}}-{{end}}</td></tr>
{{end}}</table>
{{end}}
<h3>Findings</h3>
{{if .Groups}}{{range .Groups}}<details class="rule rule-{{clean .Severity}}" id="{{.Anchor}}"{{if and $.Open (anyOpen (len .Findings))}} open{{end}}><summary><span class="sev {{clean .Severity}}">{{clean .Severity}}</span> {{clean .Title}} <code>{{clean .ID}}</code> — {{.Active}} active{{if .Suppressed}}, {{.Suppressed}} suppressed{{end}}{{if .Baseline}}, {{.Baseline}} in baseline{{end}}</summary>
{{with .Rationale}}<p><strong>Why it matters.</strong> {{.}}</p>{{end}}
{{with .References}}<p><strong>Legal references.</strong></p><ul>{{range .}}<li>{{.}}</li>{{end}}</ul>{{end}}
{{with .Remediation}}<p><strong>Remediation.</strong> {{.}}</p>{{end}}
<table><tr><th>Severity</th><th>Phase</th><th>Finding</th><th>Evidence</th></tr>
{{range .Findings}}<tr><td class="{{clean .Severity}} nw">{{clean .Severity}}{{with .Status}} <span class="muted">({{clean .}})</span>{{end}}</td><td>{{clean .Phase}}</td><td>{{clean .Message}}</td><td>{{range .Evidence}}{{template "ev" .}}{{end}}{{if .More}}<details><summary>{{len .More}} more</summary>{{range .More}}{{template "ev" .}}{{end}}</details>{{end}}{{if .ShotAnchor}}<div><a href="#{{.ShotAnchor}}">{{clean .ShotLabel}}</a></div>{{end}}</td></tr>
{{end}}</table></details>
{{end}}{{else if .NotScanned}}<p>None: the site was not scanned.</p>{{else}}<p>No findings.</p>{{end}}
{{if .Site}}
{{if .Vendors}}<details{{if .Open}} open{{end}}><summary>Vendors by phase ({{len .Vendors}})</summary>
<table class="m"><tr><th>Vendor</th><th>Category</th>{{range (index .Vendors 0).Cells}}<th>{{clean .Phase}}</th>{{end}}<th>First seen</th></tr>
{{range .Vendors}}<tr><td>{{if .Unattributed}}<code>{{clean .Name}}</code> <span class="muted">(unknown vendor)</span>{{else}}{{clean .Name}}{{end}}</td><td>{{clean .Category}}</td>{{range .Cells}}<td>{{if .Present}}<span class="bad" title="{{.Requests}} requests, {{.Cookies}} cookies, {{.Storage}} storage keys">●</span> {{if .Requests}}{{.Requests}}r {{end}}{{if .Cookies}}{{.Cookies}}c {{end}}{{if .Storage}}{{.Storage}}s{{end}}{{else}}<span class="muted">–</span>{{end}}</td>{{end}}<td>{{clean .FirstPhase}}: <code>{{clean .FirstPage}}</code></td></tr>
{{end}}</table><p class="muted">r requests, c cookies, s storage keys.</p></details>{{end}}
{{if .Consent}}<details{{if .Open}} open{{end}} id="{{(index .Consent 0).Anchor}}"><summary>Consent banner: what was clicked</summary>
{{range .Consent}}<h3>{{clean .Phase}}: {{clean (printf "%s" .R.Action)}}</h3>
<p>Platform {{with .R.CMP}}{{clean .}}{{else}}unknown{{end}}{{with .R.Method}} (operated by {{clean .}}){{end}}; {{if .R.Clicked}}done in {{.R.Clicks}} click(s){{if .R.FirstLayer}} on the first layer{{end}}{{else}}not done{{end}}; {{clean .Verified}}{{if .R.CookieWall}}; <span class="bad">cookie wall</span>{{end}}{{with .PreTick}}; pre-ticked purposes: {{clean .}}{{end}}{{with .R.Error}}; <span class="bad">{{clean .}}</span>{{end}}.</p>
{{if .R.Notes}}<ul class="notes">{{range .R.Notes}}<li>{{clean .}}</li>{{end}}</ul>{{end}}
{{if .R.Elements}}<table><tr><th>#</th><th>Clicked</th><th>Selector</th><th>Input</th></tr>{{range $i, $e := .R.Elements}}<tr><td>{{inc $i}}</td><td>{{clean $e.Text}}</td><td><code>{{clean $e.Selector}}</code></td><td>{{clean $e.Input}}</td></tr>{{end}}</table>{{end}}
{{if .R.Controls}}<details><summary>Controls on the first layer ({{len .R.Controls}})</summary><table><tr><th>Label</th><th>Class</th><th>Why</th></tr>{{range .R.Controls}}<tr><td>{{clean .Label}}</td><td>{{clean .Class}}</td><td>{{clean .Reason}}</td></tr>{{end}}</table></details>{{end}}
{{if .Shots}}<div class="shots">{{range .Shots}}{{template "shot" .}}{{end}}</div>{{end}}
{{with .Files}}<p class="muted">Also in the evidence: {{range .}}<code>{{clean .}}</code> {{end}}</p>{{end}}
{{end}}</details>{{end}}
{{$shots := false}}{{range .Phases}}{{if .Shot}}{{$shots = true}}{{end}}{{end}}{{if $shots}}<details{{if .Open}} open{{end}}><summary>The first page in each phase</summary><div class="shots">{{range .Phases}}{{with .Shot}}{{template "shot" .}}{{end}}{{end}}</div></details>{{end}}
{{with .Policy}}{{template "policy" .}}{{end}}
{{if .Extra}}<details><summary>Journey, leaks, pixel events and script behaviour</summary>{{range .Extra}}{{template "extra" .}}{{end}}</details>{{end}}
{{if not .NotScanned}}<details{{if and .Open (le (len .Decl) 30)}} open{{end}}><summary>Cookie declaration ({{len .Decl}} cookies and storage keys)</summary>
{{if .Decl}}<table><tr><th>Name</th><th>Type</th><th>Provider</th><th>Category</th><th>Purpose</th><th>Lifetime</th><th>Party</th><th>Phases</th><th>Pages</th></tr>
{{range .Decl}}<tr><td><code>{{clean .Name}}</code><br><span class="muted">{{clean .Domain}}</span></td><td>{{clean .Type}}</td><td>{{clean .Provider}}</td><td>{{clean .Category}}{{if .Guess}} <span class="muted">(inferred)</span>{{end}}</td><td>{{clean .Purpose}}</td><td>{{clean .Lifetime}}</td><td>{{clean .Party}}</td><td>{{join .Phases}}</td><td>{{range $i, $p := .Pages}}{{if lt $i 3}}<code>{{clean $p}}</code> {{end}}{{end}}{{if gt (len .Pages) 3}}<span class="muted">+{{len .Pages}} pages</span>{{end}}</td></tr>
{{end}}</table>{{else}}<p>No cookie or storage key was seen.</p>{{end}}</details>{{end}}
{{if .Errors}}<h3>Problems during the scan</h3><ul>{{range .Errors}}<li>{{clean .}}</li>{{end}}</ul>{{end}}
{{end}}</section>
{{end}}

{{define "ev"}}<div>{{clean .Kind}}: {{if .Name}}<code>{{clean .Name}}</code>{{if .Domain}} @ {{clean .Domain}}{{end}}{{else if .URL}}<code>{{clean .URL}}</code>{{else}}{{clean .Domain}}{{end}}{{if .Detail}} <span class="muted">({{clean .Detail}})</span>{{end}}{{if and .Page (ne .Kind "page")}} <span class="muted">on {{clean .Page}}</span>{{end}}</div>{{end}}

{{define "shot"}}<figure{{with .Anchor}} id="{{.}}"{{end}}>{{if .Src}}<img src="{{.Src}}" alt="{{clean .Caption}}">{{else if .Same}}<p class="muted">The same picture as <a href="#{{.Same}}">{{clean .SameCaption}}</a>.</p>{{else}}<p class="muted">Screenshot {{clean .Missing}}.</p>{{end}}<figcaption>{{clean .Caption}} · <code>{{clean .Path}}</code></figcaption></figure>{{end}}

{{define "policy"}}<details{{if .Open}} open{{end}}><summary>The policy says / the site does</summary>
{{if .Error}}<p class="bad">The policy could not be read: {{clean .Error}}</p>{{end}}{{if .Unread}}<p class="muted">The policy is in a language the analyser does not read ({{clean .Language}}): its elements, stances and claims were not judged.</p>{{end}}{{if .Truncated}}<p class="muted">The policy was longer than the analyser reads; the facts cover its beginning.</p>{{end}}
{{if .Vendors}}<h3>Vendors</h3><table><tr><th>Vendor</th><th>The policy says</th><th>The site does</th><th></th></tr>
{{range .Vendors}}<tr><td>{{clean .Name}}</td><td>{{long .Named}}</td><td>{{clean .Seen}}</td><td class="{{clean .Class}}">{{clean .Status}}</td></tr>
{{end}}</table>{{end}}
<h3>Do Not Track and Global Privacy Control</h3><table><tr><th>Signal</th><th>The policy says</th><th>The site does</th><th></th></tr>
{{range .Signals}}<tr><td>{{clean .Signal}}</td><td>{{clean .Stance}}{{with .Quote}}<br><q>{{long .}}</q>{{end}}</td><td>{{clean .Behaviour}}</td><td class="{{clean .Class}}">{{clean .Verdict}}</td></tr>
{{end}}</table>
{{if .Claims}}<h3>Claims</h3><table><tr><th>The policy says</th><th>The site does</th><th></th></tr>
{{range .Claims}}<tr><td>{{clean .Claim}}{{with .Value}} {{clean .}}{{end}}<br><q>{{long .Sentence}}</q></td><td>{{range .Evidence}}<div>{{clean .}}</div>{{else}}-{{end}}</td><td class="{{clean .Class}}">{{clean .Verdict}}</td></tr>
{{end}}</table>{{end}}
{{if .Elements}}<h3>Art. 13 GDPR checklist</h3><table><tr><th>Element</th><th></th><th>Where the policy says so</th></tr>
{{range .Elements}}<tr><td>{{clean .Name}}</td><td class="{{if .Present}}good{{else}}bad{{end}}">{{if .Present}}✓ present{{else}}✗ missing{{end}}</td><td>{{with .Quote}}<q>{{long .}}</q>{{end}}</td></tr>
{{end}}</table>{{end}}
</details>{{end}}

{{define "extra"}}<h3>{{clean .Phase}}</h3>
{{with .Journey}}<p>Journey: {{if .Completed}}completed{{else}}stopped at {{clean .StoppedAt}}{{with .StopReason}} ({{clean .}}){{end}}{{end}}.</p>
<table><tr><th>Step</th><th>OK</th><th>Detail</th><th>Fields typed</th></tr>{{range .Steps}}<tr><td>{{clean .Step}}</td><td>{{if .OK}}✓{{else}}✗{{end}}</td><td>{{clean .Detail}}{{with .URL}} <code>{{clean .}}</code>{{end}}</td><td>{{range .Fields}}{{clean .Kind}} → {{clean .Field}} {{end}}</td></tr>{{end}}</table>{{end}}
{{with .Leaks}}<p><strong class="bad">Typed data sent to other parties ({{len .}})</strong></p><table><tr><th>What</th><th>How</th><th>To</th><th>Where</th><th>When</th></tr>{{range .}}<tr><td>{{clean .Kind}}</td><td>{{clean .Encoding}} in {{clean .Where}}</td><td>{{with .Vendor}}{{clean .}}{{else}}{{clean .Host}}{{end}} ({{clean .Party}})<br><code>{{clean .URL}}</code></td><td><code>{{clean .Page}}</code></td><td>{{if .BeforeSubmit}}<span class="bad">before submit</span>{{else}}after submit{{end}}{{with .Step}} · {{clean .}}{{end}}</td></tr>{{end}}</table>{{end}}
{{with .PixelEvents}}<p><strong>Pixel events ({{len .}})</strong></p><table><tr><th>Vendor</th><th>Event</th><th>In words</th><th>Page</th></tr>{{range .}}<tr><td>{{clean .Vendor}}</td><td>{{clean .Event}}</td><td>{{clean .Summary}}</td><td><code>{{clean .Page}}</code></td></tr>{{end}}</table>{{end}}
{{with .Behaviours}}<p><strong>Script behaviour ({{len .}})</strong></p><table><tr><th>What</th><th>Script</th><th>Detail</th><th>Page</th></tr>{{range .}}<tr><td>{{clean .Kind}}</td><td>{{with .Vendor}}{{clean .}} {{end}}<code>{{clean .Script}}</code></td><td>{{clean .Detail}}{{if gt .Count 1}} ({{.Count}}×){{end}}</td><td><code>{{clean .Page}}</code></td></tr>{{end}}</table>{{end}}
{{end}}

{{define "provenance"}}<section id="provenance"><h2>How the scan was run</h2>
<table>
<tr><th>Program</th><td>privacyscan {{clean .Tool.Version}}{{with .Provenance}}{{with .Commit}} ({{clean .}}){{end}}{{end}}</td></tr>
<tr><th>Scan</th><td>{{clean .StartedAt}} → {{clean .FinishedAt}}</td></tr>
<tr><th>Fails on</th><td>{{clean .FailOn}} and above</td></tr>
{{if not (and .Provenance .Provenance.Jurisdiction)}}{{with .Jurisdiction}}<tr><th>Jurisdiction</th><td>{{clean .}}</td></tr>{{end}}{{end}}
{{with .Provenance}}{{with .Browser}}<tr><th>Browser</th><td>{{clean .}}</td></tr>{{end}}{{with .UserAgent}}<tr><th>User agent</th><td><code>{{clean .}}</code></td></tr>{{end}}{{with .Jurisdiction}}<tr><th>Jurisdiction</th><td>{{clean .}}</td></tr>{{end}}{{with .Phases}}<tr><th>Phases</th><td>{{join .}}</td></tr>{{end}}{{end}}
</table>
{{with .Settings}}<h3>Settings that change results</h3><table>{{range .}}<tr><th>{{clean .Key}}</th><td><code>{{long .Value}}</code></td></tr>{{end}}</table>{{end}}
{{with .Provenance}}{{with .KnowledgeBase}}<h3>Knowledge base</h3><table><tr><th>Source</th><th>Date</th><th>SHA-256</th></tr>{{range .}}<tr><td>{{clean .Name}}{{with .URL}}<br><code>{{clean .}}</code>{{end}}</td><td>{{clean .Date}}</td><td><code>{{clean .SHA256}}</code></td></tr>{{end}}</table>{{end}}{{end}}
{{if not .Provenance}}<p class="muted">This report records no provenance (written before privacyscan recorded it).</p>{{end}}
<p class="muted">Content-Security-Policy of this file: <code>{{.CSP}}</code></p>
</section>{{end}}
`
