package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/privacyscan/privacyscan/scanner/model"
	"github.com/privacyscan/privacyscan/scanner/policy"
)

func TestPolicyCommand(t *testing.T) {
	page := "<html lang=\"de\"><body><main><h1>Datenschutz</h1><p>Stand: 1. M\xe4rz 2024</p>" +
		"<p>Wir reagieren nicht auf Do-Not-Track-Signale. Wir nutzen Google Analytics nur mit Ihrer Einwilligung.</p>" +
		"<p>Evil \x1b[31mred\x1b[0m text about cookies.</p></main></body></html>"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/data.json" {
			w.Header().Set("Content-Type", "application/json")
			w.Write([]byte(`{"privacy":"policy"}`))
			return
		}
		if r.URL.Path != "/privacy" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=iso-8859-1")
		w.Write([]byte(page))
	}))
	defer srv.Close()
	dir := t.TempDir()
	file := filepath.Join(dir, "policy.txt")
	if err := os.WriteFile(file, []byte("Privacy policy. Last updated: March 3, 2024. We honor Global Privacy Control signals. We do not sell your personal data."), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out.json")
	cases := []struct {
		name  string
		args  []string
		stdin string
		exit  int
		want  []string // in stdout
	}{
		{"file table", []string{"policy", file}, "", ExitOK, []string{"2024-03-03", "honored"}},
		{"url json", []string{"policy", "--format", "json", srv.URL + "/privacy"}, "", ExitOK, []string{`"last_updated": "2024-03-01"`, `"dnt_stance": "not-honored"`, `"url": "` + srv.URL + `/privacy"`}},
		{"stdin", []string{"policy", "--format=json", "-"}, "Nous ne vendons pas vos données personnelles. Mise à jour le 07/05/2018.", ExitOK, []string{`"language": "fr"`, `"2018-05-07"`}},
		{"output file", []string{"policy", "--format", "json", "-o", out, file}, "", ExitOK, nil},
		{"missing file", []string{"policy", filepath.Join(dir, "nope.html")}, "", ExitUsage, nil},
		{"no argument", []string{"policy"}, "", ExitUsage, nil},
		{"bad format", []string{"policy", "--format", "xml", file}, "", ExitUsage, nil},
		{"http error", []string{"policy", srv.URL + "/missing"}, "", ExitRuntime, nil},
		{"not a document", []string{"policy", srv.URL + "/data.json"}, "", ExitRuntime, nil},
		{"help", []string{"policy", "--help"}, "", ExitOK, []string{"Usage: privacyscan policy"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := Run(context.Background(), c.args, strings.NewReader(c.stdin), &stdout, &stderr)
			if code != c.exit {
				t.Fatalf("exit %d, want %d; stderr: %s", code, c.exit, stderr.String())
			}
			for _, w := range c.want {
				if !strings.Contains(stdout.String(), w) {
					t.Errorf("stdout lacks %q:\n%s", w, stdout.String())
				}
			}
			if strings.Contains(stdout.String(), "\x1b") {
				t.Error("a control character from the policy reached the output")
			}
		})
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var f model.PolicyFacts
	if err := json.Unmarshal(b, &f); err != nil || f.GPCStance != model.StanceHonored || f.Claims.NoSale == nil {
		t.Errorf("-o file: %v, %+v", err, f)
	}
	var stdout, stderr bytes.Buffer
	Run(context.Background(), []string{"policy", srv.URL + "/privacy"}, nil, &stdout, &stderr)
	if strings.Contains(stdout.String(), "\x1b") {
		t.Error("table output holds an escape character from the page")
	}
}

// TestPolicyBadDocuments: an empty, binary or non-text document makes the
// policy command fail with the reason, never print an all-"no" table; a
// document cut at the size limit says so in the table.
func TestPolicyBadDocuments(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	big := bytes.Repeat([]byte("We do not sell your personal data. "), policy.MaxDocumentBytes/35+100)
	cases := []struct {
		name   string
		file   string
		exit   int
		stdout string // in stdout
		stderr string // in stderr
	}{
		{"empty", write("empty.txt", nil), ExitRuntime, "", "empty document"},
		{"pdf", write("policy.pdf", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj")), ExitRuntime, "", "not a text document"},
		{"binary", write("policy.bin", bytes.Repeat([]byte{0, 1, 2, 0xff}, 300)), ExitRuntime, "", "binary data"},
		{"truncated", write("big.txt", big), ExitOK, "truncated", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := Run(context.Background(), []string{"policy", c.file}, nil, &stdout, &stderr)
			if code != c.exit {
				t.Fatalf("exit %d, want %d; stderr: %s", code, c.exit, stderr.String())
			}
			if !strings.Contains(stdout.String(), c.stdout) || !strings.Contains(stderr.String(), c.stderr) {
				t.Errorf("stdout %q, stderr %q; want %q and %q", stdout.String(), stderr.String(), c.stdout, c.stderr)
			}
			if c.exit != ExitOK && strings.Contains(stdout.String(), "not-mentioned") {
				t.Error("a table was printed for a document that could not be read")
			}
		})
	}
}
