package cli

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/privacyscan/privacyscan/internal/atomicfile"
	"github.com/privacyscan/privacyscan/internal/evidence"
	"github.com/privacyscan/privacyscan/reports"
	"github.com/privacyscan/privacyscan/scanner"
	"github.com/privacyscan/privacyscan/scanner/kb"
	"github.com/privacyscan/privacyscan/scanner/model"
)

// buildCommit is the VCS revision the binary was built from, "" when not
// recorded (go test, a build outside a checkout); "+modified" marks a
// build from a changed tree.
func buildCommit() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	rev, modified := "", false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if rev != "" && modified {
		rev += "+modified"
	}
	return rev
}

// fileSHA256 is a file's digest, "" when it cannot be read.
func fileSHA256(path string) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	return hex.EncodeToString(h.Sum(nil))
}

// provenance is how the scan was run, as far as the options tell; the
// browser's version is added once it is up.
func provenance(o *scanOptions, db *kb.DB) *model.Provenance {
	p := &model.Provenance{Version: Version, Commit: buildCommit(), Jurisdiction: o.Rules.Jurisdiction, Phases: o.Phases.Phases}
	if len(p.Phases) == 0 {
		p.Phases = model.AllPhases
	}
	if db != nil {
		for _, s := range db.Sources() {
			src := model.KBSource{Name: s.Kind + ": " + s.Name}
			if s.Name == "embedded" {
				src.SHA256 = kb.EmbeddedSHA256()
				if bi, ok := debug.ReadBuildInfo(); ok {
					for _, st := range bi.Settings {
						if st.Key == "vcs.time" {
							src.Date = st.Value // built into the binary
						}
					}
				}
			} else {
				src.SHA256 = fileSHA256(s.Name)
				if st, err := os.Stat(s.Name); err == nil {
					src.Date = st.ModTime().UTC().Format(time.RFC3339)
				}
			}
			p.KnowledgeBase = append(p.KnowledgeBase, src)
		}
	}
	st := map[string]string{
		"pages":         strconv.Itoa(o.Crawl.Pages),
		"page-timeout":  o.Phases.PageTimeout.String(),
		"lang":          o.Browser.Lang,
		"show-values":   strconv.FormatBool(o.Phases.ShowValues),
		"ignore-robots": strconv.FormatBool(o.Crawl.IgnoreRobots),
		"no-cname":      strconv.FormatBool(o.Phases.NoCNAME),
		"severity":      o.Run.Severity,
		"fail-on":       o.Output.FailOn,
	}
	siteTimeout := o.Phases.SiteTimeout
	if siteTimeout == 0 {
		siteTimeout = scanner.DefaultSiteTimeout(o.Crawl.Pages, o.Phases.PageTimeout)
	}
	st["site-timeout"] = siteTimeout.String()
	if o.Run.Timeout > 0 {
		st["timeout"] = o.Run.Timeout.String()
	}
	if o.Crawl.PolicyURL != "" {
		st["policy-url"] = o.Crawl.PolicyURL
	}
	if len(o.Crawl.FirstParty) > 0 {
		st["first-party"] = strings.Join(o.Crawl.FirstParty, ",")
	}
	if len(o.Browser.Routes) > 0 {
		var rs []string
		for _, r := range o.Browser.Routes {
			rs = append(rs, r.Pattern+"="+r.IP)
		}
		st["resolve"] = strings.Join(rs, ",")
	}
	if o.Browser.Insecure {
		st["insecure"] = "true"
	}
	if len(o.Browser.BrowserURLs) > 0 {
		st["browser-url"] = strings.Join(o.Browser.BrowserURLs, ",")
	}
	for i, r := range o.Consent.RuleDirs {
		k := "consent-rules"
		if i > 0 {
			k += "." + strconv.Itoa(i+1)
		}
		st[k] = r
	}
	if cfg := o.Rules.Config; cfg != nil && cfg.Path != "" {
		st["config"] = cfg.Path
		st["config.sha256"] = fileSHA256(cfg.Path)
	}
	if o.Rules.BaselinePath != "" {
		st["baseline"] = o.Rules.BaselinePath
		if sum := fileSHA256(o.Rules.BaselinePath); sum != "" {
			st["baseline.sha256"] = sum
		}
	}
	if o.Consent.EvidenceDir != "" {
		st["har-bodies"] = strconv.FormatBool(o.Consent.HARBodies)
	}
	p.Settings = st
	return p
}

// addBrowserVersion completes the provenance with the running browser.
func addBrowserVersion(ctx context.Context, sc *scanner.Scanner, p *model.Provenance) {
	if p == nil {
		return
	}
	if product, ua, err := sc.BrowserVersion(ctx); err == nil {
		p.Browser, p.UserAgent = product, ua
	}
}

// writeMoreReports writes the further reports of --format FORMAT=FILE.
func writeMoreReports(env *Env, o *scanOptions, ro reports.Options, rep *model.Report) error {
	for _, m := range o.Output.More {
		out := o.Output
		out.Format, out.Path, out.Color = m.Format, m.Path, false
		if err := writeReport(env, out, ro, rep); err != nil {
			return err
		}
	}
	return nil
}

// bundleReports puts the reports of the scan into the evidence bundle
// (reports/): a copy of each written to a file, and the one written to
// standard output rendered again (without colour). rep is nil for a
// --format jsonl run, whose file is copied.
func bundleReports(o *scanOptions, ro reports.Options, rep *model.Report) error {
	dir := o.Consent.EvidenceDir
	outs := append([]reportOutput{{Format: o.Output.Format, Path: o.Output.Path}}, o.Output.More...)
	used := map[string]bool{}
	for _, r := range outs {
		name := "report." + r.Format
		if r.Path != "" && r.Path != "-" {
			name = filepath.Base(r.Path)
		}
		base := name
		for i := 2; used[name]; i++ {
			name = fmt.Sprintf("%d-%s", i, base)
		}
		used[name] = true
		dst := filepath.Join(dir, "reports", name)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if r.Path != "" && r.Path != "-" {
			data, err := os.ReadFile(r.Path)
			if err != nil {
				return err
			}
			if err := atomicfile.WriteBytes(dst, data); err != nil {
				return err
			}
			continue
		}
		if rep == nil {
			continue
		}
		ro.Color, ro.Width = false, 0
		w, err := reports.New(r.Format, ro)
		if err != nil {
			return err
		}
		if err := atomicfile.Write(dst, func(out io.Writer) error { return w.Write(out, rep) }); err != nil {
			return err
		}
	}
	return nil
}

// sealEvidence writes the bundle's manifest: every file in it with its
// SHA-256 and size, and the scan's clock.
func sealEvidence(dir, startedAt, finishedAt string) (int, error) {
	m, err := evidence.New(os.DirFS(dir), evidence.Tool{Name: model.ToolName, Version: Version, Commit: buildCommit()}, startedAt, finishedAt)
	if err != nil {
		return 0, err
	}
	data, err := m.Marshal()
	if err != nil {
		return 0, err
	}
	if err := atomicfile.WriteBytes(filepath.Join(dir, evidence.ManifestName), data); err != nil {
		return 0, err
	}
	return len(m.Files), nil
}

// finishBundle puts the reports into the bundle and seals it; a failure
// is a runtime failure (exit 4): the evidence is not what was asked.
func finishBundle(o *scanOptions, ro reports.Options, rep *model.Report, startedAt, finishedAt string, progress func(string, ...any)) error {
	dir := o.Consent.EvidenceDir
	if dir == "" {
		return nil
	}
	if err := bundleReports(o, ro, rep); err != nil {
		return &RuntimeError{fmt.Errorf("evidence bundle %s: %w", dir, err)}
	}
	n, err := sealEvidence(dir, startedAt, finishedAt)
	if err != nil {
		return &RuntimeError{fmt.Errorf("evidence bundle %s: %w", dir, err)}
	}
	progress("evidence bundle sealed in %s (%d files, %s): check it with privacyscan verify %s", dir, n, evidence.ManifestName, dir)
	return nil
}
