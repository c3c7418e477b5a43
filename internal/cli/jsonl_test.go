package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/privacyscan/privacyscan/internal/demo"
	"github.com/privacyscan/privacyscan/reports"
	"github.com/privacyscan/privacyscan/scanner/model"
)

// TestShardOf: a site's shard depends on its registrable domain only, so
// it survives reordering and edits of the list; subdomains go together;
// shards are roughly balanced.
func TestShardOf(t *testing.T) {
	const n = 4
	var urls []string
	for i := 0; i < 2000; i++ {
		urls = append(urls, fmt.Sprintf("https://www.shop%d.co.uk/p", i))
	}
	first := map[string]int{}
	count := make([]int, n+1)
	for _, u := range urls {
		first[u] = shardOf(u, n)
		count[first[u]]++
	}
	for i := 1; i <= n; i++ {
		if count[i] < 2000/n*8/10 || count[i] > 2000/n*12/10 {
			t.Errorf("shard %d holds %d of 2000 sites: not balanced %v", i, count[i], count[1:])
		}
	}
	// Reversed and edited (some removed, some added), every remaining site
	// stays in its shard.
	var edited []string
	for i := len(urls) - 1; i >= 0; i -= 2 {
		edited = append(edited, urls[i])
	}
	edited = append(edited, "https://new.example/")
	for k := 1; k <= n; k++ {
		kept, index := shard{k, n}.pick(edited)
		for j, u := range kept {
			if f, ok := first[u]; ok && f != k {
				t.Errorf("%s moved from shard %d to %d", u, f, k)
			}
			if edited[index[j]] != u {
				t.Errorf("index %d is not %s", index[j], u)
			}
		}
	}
	for _, c := range []struct{ a, b string }{
		{"https://www.shop.example.co.uk/", "https://blog.shop.example.co.uk/x"},
		{"https://Shop.Example.", "https://cdn.shop.example/"},
	} {
		if registrableDomain(c.a) != registrableDomain(c.b) {
			t.Errorf("%s (%s) and %s (%s) are different sites", c.a, registrableDomain(c.a), c.b, registrableDomain(c.b))
		}
	}
	// The split is fixed by FNV-1a: a change would move sites across
	// every existing matrix.
	if got := shardOf("https://shop.example/", 4); got != shardOf("https://shop.example/", 4) || registrableDomain("https://127.0.0.1:8443/") != "127.0.0.1" {
		t.Error("unstable")
	}
}

// TestParseShard: i/n and auto, and the usage errors.
func TestParseShard(t *testing.T) {
	cases := []struct {
		v, idx, total string
		want          shard
		err           bool
	}{
		{"2/4", "", "", shard{2, 4}, false},
		{"1/1", "", "", shard{1, 1}, false},
		{"", "", "", shard{}, false},
		{"0/4", "", "", shard{}, true},
		{"5/4", "", "", shard{}, true},
		{"2-4", "", "", shard{}, true},
		{"auto", "0", "3", shard{1, 3}, false},
		{"auto", "2", "3", shard{3, 3}, false},
		{"auto", "3", "3", shard{}, true},
		{"auto", "", "", shard{}, true},
	}
	for _, c := range cases {
		env := &Env{LookupEnv: func(k string) (string, bool) {
			switch {
			case k == shardEnvIndex && c.idx != "":
				return c.idx, true
			case k == shardEnvTotal && c.total != "":
				return c.total, true
			}
			return "", false
		}}
		got, err := parseShard(env, c.v)
		if (err != nil) != c.err || got != c.want {
			t.Errorf("%q (%s/%s) = %v, %v", c.v, c.idx, c.total, got, err)
		}
	}
}

// TestStreamUsage: --resume needs -o and --format jsonl (exit 2); --shard
// takes i/n.
func TestStreamUsage(t *testing.T) {
	for _, args := range [][]string{
		{"scan", "--resume", "--format", "jsonl", "https://shop.example/"},
		{"scan", "--resume", "--format", "json", "-o", filepath.Join(t.TempDir(), "r.json"), "https://shop.example/"},
		{"scan", "--shard", "3/2", "https://shop.example/"},
		{"report"},
		{"merge"},
	} {
		if code, _, stderr := run(t, args...); code != ExitUsage {
			t.Errorf("%v: exit %d, want 2; %s", args, code, stderr)
		}
	}
}

// TestResumeBookkeeping: openJSONL keeps the complete sites of a file,
// cuts a torn last line and the summary, and refuses a file of other
// settings.
func TestResumeBookkeeping(t *testing.T) {
	o := &scanOptions{URLs: []string{"https://a.test/", "https://b.test/", "https://c.test/"}}
	o.Output = outputOptions{Format: "jsonl", FailOn: "high"}
	o.Rules.Jurisdiction = "eu"
	o.Stream.Resume = true
	h := jsonlHeader(o, mustTime(t))
	var whole bytes.Buffer
	w := reports.NewJSONLWriter(&whole, nil)
	w.Header(h)
	for i, u := range o.URLs[:2] {
		w.Site(reports.JSONLSite{Index: i, URL: u, Site: minimalSite(u)})
	}
	w.Summary(reports.JSONLSummary{})
	lines := strings.SplitAfter(whole.String(), "\n")
	cases := []struct {
		name string
		data string
		done []string
		err  bool
	}{
		{"new file", "", nil, false},
		{"complete with summary", whole.String(), o.URLs[:2], false},
		{"torn second site", lines[0] + lines[1] + lines[2][:9], o.URLs[:1], false},
		{"other settings", strings.Replace(whole.String(), `"fail_on":"high"`, `"fail_on":"low"`, 1), nil, true},
		{"other version", strings.Replace(whole.String(), `"version":"`+Version+`"`, `"version":"v0.0.1"`, 1), nil, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "run.jsonl")
			if c.data != "" {
				os.WriteFile(path, []byte(c.data), 0o644)
			}
			o.Output.Path = path
			r, err := openJSONL(&Env{}, o, mustTime(t), func(string, ...any) {})
			if c.err {
				if err == nil || exitCode(&bytes.Buffer{}, err) != ExitUsage {
					t.Fatalf("err = %v, want a usage error", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			for _, u := range c.done {
				if !r.done[u] {
					t.Errorf("%s not done", u)
				}
			}
			if len(r.done) != len(c.done) || r.sum.Sites != len(c.done) {
				t.Errorf("done %v, summary counts %d sites", r.done, r.sum.Sites)
			}
			r.finish(o, false, func(string, ...any) {})
			data, _ := os.ReadFile(path)
			res, err := reports.ScanJSONL(bytes.NewReader(data), nil)
			if err != nil || res.Torn || res.Summary == nil || res.Header == nil {
				t.Fatalf("after the resume: %+v, %v\n%s", res, err, data)
			}
			if n := strings.Count(string(data), `"summary"`); n != 1 {
				t.Errorf("%d summaries", n)
			}
		})
	}
}

// TestMergeRefuses: shards of different settings or versions, and a site
// reported twice, are not merged (exit 2); shards that go together are.
func TestMergeRefuses(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, h reports.JSONLHeader, urls ...string) string {
		var b bytes.Buffer
		w := reports.NewJSONLWriter(&b, nil)
		w.Header(h)
		for i, u := range urls {
			w.Site(reports.JSONLSite{Index: i, URL: u, Site: minimalSite(u)})
		}
		w.Summary(reports.JSONLSummary{})
		p := filepath.Join(dir, name)
		os.WriteFile(p, b.Bytes(), 0o644)
		return p
	}
	base := reports.JSONLHeader{SchemaVersion: 1, Tool: toolOf("v1.0.0"), FailOn: "high", Jurisdiction: "eu", Phases: []string{"before-consent"}}
	other := func(f func(*reports.JSONLHeader)) reports.JSONLHeader { h := base; f(&h); return h }
	a := write("a.jsonl", base, "https://a.test/")
	cases := []struct {
		name, file, want string
	}{
		{"ok", write("b.jsonl", other(func(h *reports.JSONLHeader) { h.Shard = "2/2" }), "https://b.test/"), ""},
		{"fail_on", write("c.jsonl", other(func(h *reports.JSONLHeader) { h.FailOn = "low" }), "https://c.test/"), "fail_on"},
		{"jurisdiction", write("d.jsonl", other(func(h *reports.JSONLHeader) { h.Jurisdiction = "us-ca" }), "https://d.test/"), "jurisdiction"},
		{"phases", write("e.jsonl", other(func(h *reports.JSONLHeader) { h.Phases = []string{"gpc"} }), "https://e.test/"), "phases"},
		{"version", write("f.jsonl", other(func(h *reports.JSONLHeader) { h.Tool = toolOf("v2.0.0") }), "https://f.test/"), "tool.version"},
		{"twice", write("g.jsonl", base, "https://a.test/"), "both"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out := filepath.Join(dir, c.name+".json")
			code, _, stderr := run(t, "merge", a, c.file, "-o", out, "--format", "json")
			if c.want == "" {
				if code != ExitOK {
					t.Fatalf("exit %d: %s", code, stderr)
				}
				rep, data := readReport(t, out)
				validate(t, data)
				if len(rep.Sites) != 2 {
					t.Errorf("%d sites", len(rep.Sites))
				}
				return
			}
			if code != ExitUsage || !strings.Contains(stderr, c.want) {
				t.Errorf("exit %d, stderr %q; want 2 naming %s", code, stderr, c.want)
			}
		})
	}
}

// TestJSONLEndToEnd scans two sites (the demo shop and one that is down)
// into a jsonl file, tears its last line as a kill would, resumes, and
// renders the result as SARIF.
func TestJSONLEndToEnd(t *testing.T) {
	srv, err := demo.Start()
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	targets := writeFile(t, "sites.txt", "https://down.test/\n"+demo.StartURL()+"\n")
	out := filepath.Join(t.TempDir(), "x.jsonl")
	args := []string{"scan", "-q", "--targets", targets, "--insecure", "--phases", "before-consent", "--pages", "2", "--page-timeout", "5s",
		"--resolve", "down.test=127.0.0.1:1", "--format", "jsonl", "-o", out}
	for _, r := range srv.Resolve() {
		args = append(args, "--resolve", r)
	}
	code, _, stderr := run(t, args...)
	if code != ExitFindings {
		t.Fatalf("exit = %d, want %d; stderr:\n%s", code, ExitFindings, stderr)
	}
	check := func(when string) []byte {
		t.Helper()
		data, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		for _, u := range []string{"https://down.test/", demo.StartURL()} {
			if n := strings.Count(string(data), `"url":"`+u+`","failing"`); n != 1 {
				t.Errorf("%s: %s is in the file %d times", when, u, n)
			}
		}
		if n := strings.Count(string(data), `{"summary":`); n != 1 || !strings.HasSuffix(string(data), "}\n") {
			t.Errorf("%s: %d summaries, or no newline at the end", when, n)
		}
		if _, _, err := reports.ReadJSONL(bytes.NewReader(data)); err != nil {
			t.Errorf("%s: %v", when, err)
		}
		return data
	}
	data := check("first run")
	// A kill in the middle of the last site line: drop the summary and half
	// of the line before it.
	lines := strings.SplitAfter(string(data), "\n")
	lines = lines[:len(lines)-1]
	torn := strings.Join(lines[:len(lines)-2], "") + lines[len(lines)-2][:40]
	if err := os.WriteFile(out, []byte(torn), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = run(t, append(args[:1:1], append([]string{"--resume"}, args[1:]...)...)...)
	if code != ExitFindings {
		t.Fatalf("resume: exit = %d, want %d; stderr:\n%s", code, ExitFindings, stderr)
	}
	check("resumed")
	sarif := filepath.Join(t.TempDir(), "x.sarif")
	if code, _, stderr := run(t, "report", out, "--format", "sarif", "-o", sarif); code != ExitOK {
		t.Fatalf("report: exit %d: %s", code, stderr)
	}
	if runs := sarifRuns(t, sarif); len(runs) != 2 {
		t.Errorf("%d SARIF runs, want one per site", len(runs))
	}
}

func mustTime(t *testing.T) time.Time {
	t.Helper()
	return time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
}

func toolOf(version string) model.Tool { return model.Tool{Name: model.ToolName, Version: version} }

// minimalSite is a site report the schema accepts: the unreachable site
// of the reports' fixture, at URL u.
func minimalSite(u string) *model.SiteReport {
	data, err := os.ReadFile(filepath.Join("..", "..", "reports", "testdata", "report.json"))
	if err != nil {
		panic(err)
	}
	rep, err := reports.ReadJSON(data)
	if err != nil {
		panic(err)
	}
	site := *rep.Sites[len(rep.Sites)-1].Site
	site.URL = u
	return &model.SiteReport{Site: &site}
}
