package cli

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/har"

	"github.com/privacyscan/privacyscan/internal/evidence"
)

// TestFormatOutputsUsage: --format is repeatable as FORMAT=FILE; what
// cannot be meant is refused before any browser starts, and an evidence
// directory that is not empty is refused without --force.
func TestFormatOutputsUsage(t *testing.T) {
	dir := t.TempDir()
	full := filepath.Join(dir, "full")
	if err := os.MkdirAll(full, 0o755); err != nil {
		t.Fatal(err)
	}
	keep := filepath.Join(full, "keep.txt")
	if err := os.WriteFile(keep, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := filepath.Join(dir, "r.json")
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"two plain formats", []string{"--format", "json", "--format", "html"}, "without a file"},
		{"-o with named only", []string{"--format", "json=" + r, "-o", r}, "each report names its own file"},
		{"empty file", []string{"--format", "json="}, "want FORMAT=FILE"},
		{"no format", []string{"--format", "=" + r}, "want FORMAT=FILE"},
		{"unknown format", []string{"--format", "json=" + r, "--format", "pdf=" + filepath.Join(dir, "r.pdf")}, `unknown format "pdf"`},
		{"same file twice", []string{"--format", "json=" + r, "--format", "html=" + r}, "both write"},
		{"two to stdout", []string{"--format", "json", "--format", "html=-"}, "standard output"},
		{"jsonl with others", []string{"--format", "jsonl=" + filepath.Join(dir, "r.jsonl"), "--format", "json=" + r}, "cannot be combined"},
		{"unwritable named file", []string{"--format", "json=" + r, "--format", "html=/nonexistent/dir/r.html"}, "/nonexistent/dir/r.html"},
		{"evidence dir not empty", []string{"--evidence-dir", full}, "is not empty"},
		{"har bodies without a bundle", []string{"--har-bodies"}, "--evidence-dir"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := run(t, append(append([]string{"scan", "-q"}, tc.args...), "https://a.test")...)
			if code != ExitUsage || !strings.Contains(stderr, tc.want) {
				t.Errorf("exit %d, stderr %q; want exit 2 and %q", code, stderr, tc.want)
			}
		})
	}
	if data, err := os.ReadFile(keep); err != nil || string(data) != "mine" {
		t.Errorf("the refused evidence dir lost its file: %q, %v", data, err)
	}
	if entries, _ := os.ReadDir(full); len(entries) != 1 {
		t.Errorf("the refused evidence dir has %d entries, want its one file", len(entries))
	}
}

// TestEvidenceBundle scans the demo shop once with --evidence-dir and three
// reports: each report is written, every phase has a HAR 1.2 holding the
// requests the report lists with cookie values redacted, and a screenshot;
// the manifest lists every file with its hash; verify passes the bundle and
// names each file changed, added or removed; the bundle is refused as the
// next scan's evidence dir unless --force.
func TestEvidenceBundle(t *testing.T) {
	dir := t.TempDir()
	bundle := filepath.Join(dir, "evidence")
	jsonOut, sarifOut, mdOut := filepath.Join(dir, "r.json"), filepath.Join(dir, "r.sarif"), filepath.Join(dir, "r.md")
	phases := []string{"before-consent", "after-accept"}
	code, _, stderr := run(t, "demo", "--pages", "2", "--phases", strings.Join(phases, ","),
		"--evidence-dir", bundle, "--har-bodies", "--format", "json="+jsonOut, "--format", "sarif="+sarifOut, "--format", "markdown="+mdOut)
	if code != ExitOK {
		t.Fatalf("exit %d; stderr:\n%s", code, stderr)
	}
	rep, data := readReport(t, jsonOut)
	validate(t, data)
	for _, p := range []string{sarifOut, mdOut} {
		if st, err := os.Stat(p); err != nil || st.Size() == 0 {
			t.Errorf("%s not written: %v", p, err)
		}
	}
	if rep.Provenance == nil || rep.Provenance.Browser == "" || rep.Provenance.UserAgent == "" || len(rep.Provenance.KnowledgeBase) == 0 || rep.Provenance.Settings["pages"] != "2" {
		t.Errorf("provenance incomplete: %+v", rep.Provenance)
	}
	site := rep.Sites[0]
	siteDir := filepath.Join(bundle, "sites", "shop.test")
	for _, ph := range phases {
		pr := site.Phases[ph]
		if pr == nil {
			t.Fatalf("no phase %s", ph)
		}
		if pr.StartedAt == "" || pr.FinishedAt == "" || pr.FinishedAt < pr.StartedAt {
			t.Errorf("%s: started %q, finished %q", ph, pr.StartedAt, pr.FinishedAt)
		}
		shot, err := os.ReadFile(filepath.Join(bundle, filepath.FromSlash(pr.Screenshot)))
		if pr.Screenshot == "" || err != nil || !bytes.HasPrefix(shot, []byte{0xff, 0xd8, 0xff}) {
			t.Errorf("%s: screenshot %q is not a JPEG in the bundle (%v)", ph, pr.Screenshot, err)
		}
		raw, err := os.ReadFile(filepath.Join(siteDir, ph+".har"))
		if err != nil {
			t.Fatalf("%s: %v", ph, err)
		}
		var h har.HAR
		if err := json.Unmarshal(raw, &h); err != nil {
			t.Fatalf("%s.har does not parse as HAR: %v", ph, err)
		}
		if h.Log == nil || h.Log.Version != "1.2" || h.Log.Creator == nil || h.Log.Creator.Name != "privacyscan" || len(h.Log.Pages) == 0 {
			t.Fatalf("%s.har: not a HAR 1.2 log of privacyscan with pages: %+v", ph, h.Log)
		}
		inHAR := map[string]bool{}
		cookies, bodies := 0, 0
		for _, e := range h.Log.Entries {
			if e.Request == nil || e.Response == nil || e.Timings == nil || e.StartedDateTime == "" {
				t.Fatalf("%s.har: incomplete entry %+v", ph, e)
			}
			inHAR[e.Request.URL] = true
			if c := e.Response.Content; c != nil && len(c.Text) > 0 {
				bodies++
				if c.Encoding != "base64" || int64(len(c.Text)) > 1<<20 {
					t.Errorf("%s.har: body of %s: encoding %q, %d bytes", ph, e.Request.URL, c.Encoding, len(c.Text))
				}
				if e.Request.URL == "https://shop.test/" && !bytes.Contains(c.Text, []byte("<html")) {
					t.Errorf("%s.har: the home page's body is not its HTML: %.80q", ph, c.Text)
				}
			}
			for _, c := range append(append([]*har.Cookie{}, e.Request.Cookies...), e.Response.Cookies...) {
				cookies++
				if c.Value != "REDACTED" {
					t.Errorf("%s.har: cookie %s has its value %q (redaction is on by default)", ph, c.Name, c.Value)
				}
			}
		}
		if bodies == 0 {
			t.Errorf("%s.har: no response body with --har-bodies", ph)
		}
		if cookies == 0 {
			t.Errorf("%s.har: no cookie in any request or response of a shop that sets them", ph)
		}
		listed := append([]string{}, func() []string {
			var u []string
			for _, r := range pr.Requests {
				u = append(u, r.URL)
			}
			if pr.PreAction != nil {
				for _, r := range pr.PreAction.Requests {
					u = append(u, r.URL)
				}
			}
			return u
		}()...)
		if len(listed) == 0 {
			t.Fatalf("%s: the report lists no request", ph)
		}
		for _, u := range listed {
			u, _, _ = strings.Cut(u, "#")
			if !inHAR[u] {
				t.Errorf("%s.har lacks %s, which the report lists", ph, u)
			}
		}
		for _, c := range pr.Cookies {
			if c.Value != "" && len(c.Value) >= 8 && bytes.Contains(raw, []byte(c.Value)) {
				t.Errorf("%s.har holds the value of cookie %s", ph, c.Name)
			}
		}
	}
	for _, f := range []string{"policy/fetched.html", "policy/extracted.txt"} {
		if st, err := os.Stat(filepath.Join(siteDir, f)); err != nil || st.Size() == 0 {
			t.Errorf("policy evidence %s: %v", f, err)
		}
	}
	// The demo writes its HTML report next to the JSON and says where.
	if !strings.Contains(stderr, "HTML "+filepath.Join(dir, "r.html")) {
		t.Errorf("the demo does not say where its HTML report is:\n%s", stderr)
	}
	for _, f := range []string{"r.json", "r.sarif", "r.md", "r.html"} {
		a, _ := os.ReadFile(filepath.Join(dir, f))
		b, err := os.ReadFile(filepath.Join(bundle, "reports", f))
		if err != nil || !bytes.Equal(a, b) {
			t.Errorf("reports/%s in the bundle is not the report written (%v)", f, err)
		}
	}
	// Rendered again from the bundle's copy, wherever privacyscan runs,
	// the HTML embeds the phases' screenshots (their paths are relative to
	// the bundle).
	again := filepath.Join(dir, "again.html")
	if code, _, stderr := run(t, "report", filepath.Join(bundle, "reports", "r.json"), "--format", "html", "-o", again); code != ExitOK {
		t.Fatalf("report from the bundle: exit %d\n%s", code, stderr)
	}
	if h, _ := os.ReadFile(again); bytes.Count(h, []byte("data:image/jpeg;base64,")) < len(phases) {
		t.Errorf("the HTML rendered from the bundle embeds %d JPEG screenshots, want at least %d", bytes.Count(h, []byte("data:image/jpeg;base64,")), len(phases))
	}

	// The manifest: every file, each hash and size right.
	mdata, err := os.ReadFile(filepath.Join(bundle, evidence.ManifestName))
	if err != nil {
		t.Fatal(err)
	}
	m, err := evidence.Parse(mdata)
	if err != nil {
		t.Fatal(err)
	}
	if m.StartedAt != rep.StartedAt || m.FinishedAt != rep.FinishedAt {
		t.Errorf("manifest clock %s..%s, report %s..%s", m.StartedAt, m.FinishedAt, rep.StartedAt, rep.FinishedAt)
	}
	listedFiles := map[string]evidence.File{}
	for _, f := range m.Files {
		listedFiles[f.Path] = f
	}
	n := 0
	err = filepath.WalkDir(bundle, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(bundle, p)
		rel = filepath.ToSlash(rel)
		if rel == evidence.ManifestName {
			return nil
		}
		n++
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		f, ok := listedFiles[rel]
		if !ok || f.SHA256 != hex.EncodeToString(sum[:]) || f.Size != int64(len(data)) {
			t.Errorf("manifest entry of %s is %+v, want sha256 %x size %d", rel, f, sum, len(data))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n != len(m.Files) || n < 2*len(phases)+5 {
		t.Errorf("the bundle has %d files, the manifest lists %d", n, len(m.Files))
	}

	// verify: intact, then each kind of tampering, named.
	verify := func(want int, wantOut string) {
		t.Helper()
		code, stdout, stderr := run(t, "verify", bundle)
		if code != want || !strings.Contains(stdout+stderr, wantOut) {
			t.Errorf("verify: exit %d, output %q %q; want %d and %q", code, stdout, stderr, want, wantOut)
		}
	}
	verify(ExitOK, "intact")
	har0 := filepath.Join(siteDir, phases[0]+".har")
	orig, _ := os.ReadFile(har0)
	if err := os.WriteFile(har0, append(bytes.Clone(orig), ' '), 0o644); err != nil {
		t.Fatal(err)
	}
	verify(ExitFindings, "changed  sites/shop.test/"+phases[0]+".har")
	if err := os.WriteFile(har0, orig, 0o644); err != nil {
		t.Fatal(err)
	}
	verify(ExitOK, "intact")
	extra := filepath.Join(bundle, "reports", "forged.json")
	if err := os.WriteFile(extra, []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	verify(ExitFindings, "added    reports/forged.json")
	os.Remove(extra)
	shot := filepath.Join(siteDir, phases[1]+".jpg")
	shotData, _ := os.ReadFile(shot)
	os.Remove(shot)
	verify(ExitFindings, "missing  sites/shop.test/"+phases[1]+".jpg")
	var vr struct {
		Intact  bool     `json:"intact"`
		Missing []string `json:"missing"`
	}
	if code, stdout, _ := run(t, "verify", "--format", "json", bundle); code != ExitFindings || json.Unmarshal([]byte(stdout), &vr) != nil || vr.Intact || len(vr.Missing) != 1 {
		t.Errorf("verify --format json: exit %d, %s", code, stdout)
	}
	if err := os.WriteFile(shot, shotData, 0o644); err != nil {
		t.Fatal(err)
	}
	verify(ExitOK, "intact")

	// The bundle is not empty: the next scan refuses it without --force
	// and leaves it as it was.
	code, _, stderr = run(t, "scan", "-q", "--evidence-dir", bundle, "https://a.test/")
	if code != ExitUsage || !strings.Contains(stderr, "--force") {
		t.Errorf("scan into a full evidence dir: exit %d, %q; want 2 naming --force", code, stderr)
	}
	verify(ExitOK, "intact")

	// A manifest that is not privacyscan's.
	if err := os.WriteFile(filepath.Join(bundle, evidence.ManifestName), []byte(`{"files":[]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	verify(ExitUsage, "not a privacyscan evidence manifest")
	verify2 := func(args ...string) (int, string) {
		code, _, stderr := run(t, append([]string{"verify"}, args...)...)
		return code, stderr
	}
	if code, msg := verify2(dir); code != ExitUsage || !strings.Contains(msg, "no manifest.json") {
		t.Errorf("verify of a directory without a manifest: exit %d %q", code, msg)
	}
	if code, msg := verify2(filepath.Join(dir, "none")); code != ExitUsage || !strings.Contains(msg, "no such directory") {
		t.Errorf("verify of a missing directory: exit %d %q", code, msg)
	}
}

// TestReportFormats: report (and merge, with the same flags) writes every
// --format FORMAT=FILE of one run; plain --format F -o FILE still works.
func TestReportFormats(t *testing.T) {
	dir := t.TempDir()
	in := "../../reports/testdata/report.json"
	outs := map[string]string{"json": filepath.Join(dir, "r.json"), "markdown": filepath.Join(dir, "r.md"), "sarif": filepath.Join(dir, "r.sarif")}
	code, stdout, stderr := run(t, "report", in, "--format", "json="+outs["json"], "--format", "markdown="+outs["markdown"], "--format", "sarif="+outs["sarif"])
	if code != ExitOK || stdout != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	for f, p := range outs {
		data, err := os.ReadFile(p)
		if err != nil || len(data) == 0 {
			t.Errorf("%s: %v", f, err)
		}
		if f == "json" {
			validate(t, data)
		}
	}
	plain := filepath.Join(dir, "plain.md")
	if code, _, stderr := run(t, "report", in, "--format", "markdown", "-o", plain); code != ExitOK {
		t.Fatalf("plain --format -o: exit %d %s", code, stderr)
	}
	a, _ := os.ReadFile(plain)
	b, _ := os.ReadFile(outs["markdown"])
	if !bytes.Equal(a, b) {
		t.Error("--format markdown -o FILE and --format markdown=FILE differ")
	}
	if code, _, stderr := run(t, "report", in, "--format", "json="+outs["json"], "-o", plain); code != ExitUsage || !strings.Contains(stderr, "names its own file") {
		t.Errorf("-o with FORMAT=FILE only: exit %d %q", code, stderr)
	}
}
