package reports

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// jsonlRun writes a run of the report fixture's sites with the streaming
// writer, as a scan does, and returns it.
func jsonlRun(t *testing.T, summary bool) []byte {
	t.Helper()
	rep := loadReport(t)
	var buf bytes.Buffer
	w := NewJSONLWriter(&buf, nil)
	if err := w.Header(JSONLHeader{SchemaVersion: rep.SchemaVersion, Tool: rep.Tool, StartedAt: rep.StartedAt, FailOn: "high", Jurisdiction: "eu"}); err != nil {
		t.Fatal(err)
	}
	var sum JSONLSummary
	for i := len(rep.Sites) - 1; i >= 0; i-- { // completion order differs from target order
		l := JSONLSite{Index: i, Site: &rep.Sites[i], Failing: Failing(rep.Sites[i].Findings, "high")}
		if err := w.Site(l); err != nil {
			t.Fatal(err)
		}
		sum.Add(l)
	}
	if summary {
		sum.FailOn, sum.ExitCode = "high", 1
		if err := w.Summary(sum); err != nil {
			t.Fatal(err)
		}
	}
	return buf.Bytes()
}

// TestScanJSONL: what a resume keeps of a file, and which sites it counts
// as done, for whole, torn and broken files.
func TestScanJSONL(t *testing.T) {
	whole := jsonlRun(t, true)
	lines := strings.SplitAfter(string(whole), "\n")
	lines = lines[:len(lines)-1] // after the last newline
	n := len(lines)
	upTo := func(k int) int64 { return int64(len(strings.Join(lines[:k], ""))) }
	cases := []struct {
		name    string
		data    string
		keep    int64
		sites   int
		torn    bool
		summary bool
		err     string
	}{
		{"complete", string(whole), upTo(n - 1), n - 2, false, true, ""},
		{"no summary", strings.Join(lines[:n-1], ""), upTo(n - 1), n - 2, false, false, ""},
		{"torn summary", strings.Join(lines[:n-1], "") + lines[n-1][:10], upTo(n - 1), n - 2, true, false, ""},
		{"torn site, no newline", strings.Join(lines[:2], "") + lines[2][:len(lines[2])/2], upTo(2), 1, true, false, ""},
		{"complete JSON without its newline", strings.Join(lines[:2], "") + strings.TrimSuffix(lines[2], "\n"), upTo(2), 1, true, false, ""},
		{"garbage last line", strings.Join(lines[:2], "") + "{\"index\": 1, \"si\n", upTo(2), 1, true, false, ""},
		{"header only", lines[0], upTo(1), 0, false, false, ""},
		{"torn header", lines[0][:5], 0, 0, true, false, ""},
		{"empty", "", 0, 0, false, false, ""},
		{"garbage in the middle", lines[0] + "not json\n" + lines[1], 0, 0, false, false, "line 2"},
		{"site before header", lines[1], 0, 0, false, false, "before the header"},
		{"line after summary", string(whole) + lines[1], 0, 0, false, false, "after the summary"},
		{"a JSON report", "{\"schema_version\": 1}\n", 0, 0, false, false, "no header"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sites := 0
			res, err := ScanJSONL(strings.NewReader(c.data), func(JSONLSite) error { sites++; return nil })
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("err = %v, want %q", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if res.Keep != c.keep || sites != c.sites || res.Torn != c.torn || (res.Summary != nil) != c.summary {
				t.Errorf("keep %d sites %d torn %v summary %v; want %d %d %v %v", res.Keep, sites, res.Torn, res.Summary != nil, c.keep, c.sites, c.torn, c.summary)
			}
		})
	}
}

// TestReadJSONL reads a run back into a report in target order, valid
// against the schema, interrupted when its end is missing.
func TestReadJSONL(t *testing.T) {
	want := loadReport(t)
	for _, c := range []struct {
		name        string
		data        []byte
		interrupted bool
		sites       int
	}{
		{"complete", jsonlRun(t, true), false, len(want.Sites)},
		{"no summary", jsonlRun(t, false), true, len(want.Sites)},
		{"torn", jsonlRun(t, false)[:len(jsonlRun(t, false))-20], true, len(want.Sites) - 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			if !IsJSONL(c.data) {
				t.Fatal("IsJSONL = false")
			}
			rep, h, err := ReadJSONL(bytes.NewReader(c.data))
			if err != nil {
				t.Fatal(err)
			}
			if h.Jurisdiction != "eu" || rep.Interrupted != c.interrupted || len(rep.Sites) != c.sites {
				t.Fatalf("jurisdiction %q, interrupted %v, %d sites", h.Jurisdiction, rep.Interrupted, len(rep.Sites))
			}
			for i, s := range rep.Sites {
				if w := want.Sites[i+len(want.Sites)-c.sites]; siteName(s, i) != siteName(w, i) && c.sites == len(want.Sites) {
					t.Errorf("site %d is %s, want %s", i, siteName(s, i), siteName(w, i))
				}
			}
		})
	}
	data, err := os.ReadFile(filepath.Join("testdata", "report.json"))
	if err != nil {
		t.Fatal(err)
	}
	if IsJSONL(data) {
		t.Error("a JSON report is taken for JSONL")
	}
}

// TestJSONLRoundTrip: the jsonl format of a report, read back and written
// as JSON, is the JSON format of the report.
func TestJSONLRoundTrip(t *testing.T) {
	var jl, direct, back bytes.Buffer
	w, _ := New("jsonl", goldenOptions())
	if err := w.Write(&jl, loadReport(t)); err != nil {
		t.Fatal(err)
	}
	rep, _, err := ReadJSONL(&jl)
	if err != nil {
		t.Fatal(err)
	}
	j, _ := New("json", Options{})
	if err := j.Write(&back, rep); err != nil {
		t.Fatal(err)
	}
	if err := j.Write(&direct, loadReport(t)); err != nil {
		t.Fatal(err)
	}
	if back.String() != direct.String() {
		t.Errorf("a report read back from jsonl differs from the JSON report:\n%s", back.String())
	}
}
