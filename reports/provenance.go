package reports

import (
	"sort"
	"strings"

	"github.com/mattn/go-runewidth"

	"github.com/privacyscan/privacyscan/scanner/model"
)

// provenancePairs lists how the scan was run as name and value, in a fixed
// order: program, browser, jurisdiction, phases, knowledge base, settings.
// Every format shows them (JSON carries the provenance itself); nil when
// the report records none.
func provenancePairs(p *model.Provenance) []keyValue {
	if p == nil {
		return nil
	}
	var out []keyValue
	add := func(k, v string) {
		if v != "" {
			out = append(out, keyValue{k, v})
		}
	}
	add("version", p.Version)
	add("commit", p.Commit)
	add("browser", p.Browser)
	add("user-agent", p.UserAgent)
	add("jurisdiction", p.Jurisdiction)
	add("phases", strings.Join(p.Phases, " "))
	for _, kb := range p.KnowledgeBase {
		add("kb."+kb.Name, strings.TrimSpace(kb.Date+" "+kb.SHA256+" "+kb.URL))
	}
	keys := make([]string, 0, len(p.Settings))
	for k := range p.Settings {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		add("setting."+k, p.Settings[k])
	}
	return out
}

// provenanceLine is the provenance in one line, for the table's footer.
func provenanceLine(r *model.Report) string {
	p := r.Provenance
	if p == nil {
		return ""
	}
	parts := []string{"privacyscan " + p.Version}
	if p.Commit != "" {
		parts[0] += " (" + p.Commit + ")"
	}
	if p.Browser != "" {
		parts = append(parts, p.Browser)
	}
	if p.Jurisdiction != "" {
		parts = append(parts, "jurisdiction "+p.Jurisdiction)
	}
	if len(p.Phases) > 0 {
		parts = append(parts, "phases "+strings.Join(p.Phases, ", "))
	}
	for _, kb := range p.KnowledgeBase {
		s := "knowledge base " + kb.Name
		if kb.Date != "" {
			s += " " + kb.Date
		}
		if len(kb.SHA256) >= 12 {
			s += " sha256:" + kb.SHA256[:12]
		}
		parts = append(parts, s)
	}
	if len(p.Settings) > 0 {
		keys := make([]string, 0, len(p.Settings))
		for k := range p.Settings {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var set []string
		for _, k := range keys {
			set = append(set, "--"+k+"="+p.Settings[k])
		}
		parts = append(parts, "settings "+strings.Join(set, " "))
	}
	return Clean(strings.Join(parts, " · "), 2000)
}

// wrapWords breaks text into lines of at most width columns at spaces (a
// word longer than width stays whole); width 0 leaves it one line.
func wrapWords(text string, width int) string {
	if width <= 0 {
		return text
	}
	var b strings.Builder
	n := 0
	for i, word := range strings.Fields(text) {
		wl := runewidth.StringWidth(word)
		if i > 0 {
			if n+1+wl > width {
				b.WriteByte('\n')
				n = 0
			} else {
				b.WriteByte(' ')
				n++
			}
		}
		b.WriteString(word)
		n += wl
	}
	return b.String()
}
