package reports

import (
	"fmt"
	"io"
	"strings"

	"github.com/privacyscan/privacyscan/scanner/model"
)

type markdownWriter struct{}

// mdEscape makes a site-controlled string inert in Markdown: no control
// characters, no table breaks, no markup or HTML.
func mdEscape(s string) string {
	s = Clean(s, 300)
	r := strings.NewReplacer("\\", "\\\\", "|", "\\|", "`", "\\`", "*", "\\*", "_", "\\_", "[", "\\[", "]", "\\]", "<", "&lt;", ">", "&gt;", "#", "\\#")
	return r.Replace(s)
}

func (markdownWriter) Write(w io.Writer, r *model.Report) error {
	Normalize(r)
	var b strings.Builder
	fmt.Fprintf(&b, "# privacyscan report\n\nScanned %s to %s with privacyscan %s.\n", r.StartedAt, r.FinishedAt, mdEscape(r.Tool.Version))
	if r.Interrupted {
		b.WriteString("\n**The scan was interrupted; the report holds what was gathered.**\n")
	}
	for i, s := range r.Sites {
		fmt.Fprintf(&b, "\n## %s\n\n", mdEscape(siteName(s, i)))
		ns := notScanned(s)
		if ns != "" {
			fmt.Fprintf(&b, "**%s**\n\n", ns)
		}
		if s.Site == nil {
			continue
		}
		banner := "not detected"
		if s.Consent.BannerDetected {
			banner = "detected"
			if s.Consent.CMP != nil {
				banner += " (" + mdEscape(*s.Consent.CMP) + ")"
			}
		}
		pol := "not found"
		if s.Policy != nil && s.Policy.URL != nil {
			pol = mdEscape(*s.Policy.URL) + policyNotes(s.Policy, mdEscape)
		}
		fmt.Fprintf(&b, "- Pages sampled: %d\n- Consent banner: %s\n- Privacy policy: %s\n", len(s.Pages), banner, pol)
		for _, ph := range phasesOf(s.Site) {
			p := s.Phases[ph]
			fmt.Fprintf(&b, "- %s: %d requests (%d third-party), %d cookies\n", ph, len(p.Requests), countThird(p), len(p.Cookies))
		}
		b.WriteString("\n### Findings\n\n")
		switch {
		case len(s.Findings) == 0 && ns != "":
			b.WriteString("None: the site was not scanned.\n")
		case len(s.Findings) == 0:
			b.WriteString("No findings.\n")
		default:
			b.WriteString("| Severity | Rule | Phase | Finding | Evidence |\n|---|---|---|---|---|\n")
		}
		for _, f := range s.Findings {
			var ev []string
			for i, e := range f.Evidence {
				if i == 5 {
					ev = append(ev, fmt.Sprintf("… %d more", len(f.Evidence)-5))
					break
				}
				ev = append(ev, mdEscape(evidenceLine(e)))
			}
			fmt.Fprintf(&b, "| %s | `%s` | %s | %s | %s |\n", severityLabel(f), f.Rule, phaseLabel(f), mdEscape(f.Message), strings.Join(ev, "<br>"))
		}
		if ns == "" {
			writeMarkdownDeclaration(&b, siteDeclaration(s.Site))
		}
		if len(s.Errors) > 0 {
			b.WriteString("\n### Problems during the scan\n\n")
			for _, e := range s.Errors {
				fmt.Fprintf(&b, "- %s\n", mdEscape(e))
			}
		}
	}
	if pairs := provenancePairs(r.Provenance); pairs != nil {
		b.WriteString("\n## How the scan was run\n\n")
		for _, kv := range pairs {
			fmt.Fprintf(&b, "- %s: %s\n", mdEscape(kv.Key), mdEscape(kv.Value))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeMarkdownDeclaration writes a site's cookie declaration.
func writeMarkdownDeclaration(b *strings.Builder, entries []DeclarationEntry) {
	b.WriteString("\n### Cookie declaration\n\n")
	if len(entries) == 0 {
		b.WriteString("No cookie or storage key was seen.\n")
		return
	}
	b.WriteString("| Name | Type | Provider | Category | Purpose | Lifetime | Party | Phases |\n|---|---|---|---|---|---|---|---|\n")
	for _, e := range entries {
		fmt.Fprintf(b, "| %s (%s) | %s | %s | %s | %s | %s | %s | %s |\n", mdEscape(e.Name), mdEscape(e.Domain), e.Type,
			mdEscape(e.Provider), mdEscape(e.Category), mdEscape(e.Purpose), e.Lifetime, e.Party, strings.Join(e.Phases, ", "))
	}
}

func countThird(p *model.PhaseResult) int {
	n := 0
	for _, r := range p.Requests {
		if r.Party == model.PartyThird {
			n++
		}
	}
	return n
}
