package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Run(context.Background(), args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestUsageErrors runs the CLI in-process: bad input gets exit 2 and a
// message that says what is wrong, before any browser starts.
func TestUsageErrors(t *testing.T) {
	badTargets := writeFile(t, "targets.txt", "# sites\nhttps://a.test/\n\nftp://b.test/\n")
	badConfig := writeFile(t, ".privacyscan.yaml", "rules:\n  tracking-before-consent: urgent\n")
	badConsentRule := writeFile(t, "shop.yaml", "id: shop\nname: Shop\ndetect: {selectors: ['#b']}\nbanner: ['#b']\naccept: [{button: agree}]\nreject: [{click: '#no'}]\n")
	badBaseline := writeFile(t, "old.json", "not json")
	cases := []struct {
		name string
		args []string
		exit int
		want string // in stderr
	}{
		{"no command", nil, 2, ""},
		{"unknown command", []string{"scna"}, 2, `unknown command "scna"`},
		{"no url", []string{"scan"}, 2, "no URL given"},
		{"bad scheme", []string{"scan", "ftp://shop.test/"}, 2, `scheme "ftp"`},
		{"no host", []string{"scan", "https://"}, 2, "no host"},
		{"bad phase", []string{"scan", "--phases", "before-consent,during", "https://a.test"}, 2, `unknown phase "during"`},
		{"bad format", []string{"scan", "--format", "yaml", "https://a.test"}, 2, "unknown format"},
		{"bad resolve", []string{"scan", "--resolve", "a.test", "https://a.test"}, 2, "HOST=IP"},
		{"bad fail-on", []string{"scan", "--fail-on", "urgent", "https://a.test"}, 2, "--fail-on"},
		{"bad jurisdiction", []string{"scan", "--jurisdiction", "mars", "https://a.test"}, 2, "--jurisdiction"},
		{"bad pages", []string{"scan", "--pages", "0", "https://a.test"}, 2, "--pages"},
		{"unknown flag", []string{"scan", "--fast", "https://a.test"}, 2, "unknown flag"},
		{"missing targets", []string{"scan", "--targets", "/nonexistent/targets.txt"}, 2, "no such file"},
		{"bad targets line", []string{"scan", "--targets", badTargets}, 2, badTargets + ":4"},
		{"bad config", []string{"scan", "--config", badConfig, "https://a.test"}, 2, badConfig + ":2"},
		{"bad baseline", []string{"scan", "--baseline", badBaseline, "https://a.test"}, 2, "baseline"},
		{"remote and path", []string{"scan", "--browser-url", "ws://127.0.0.1:9222", "--chrome-path", "/x", "https://a.test"}, 2, "exclude"},
		{"no chromium", []string{"scan", "--chrome-path", "/nonexistent/chromium", "-q", "https://a.test"}, 2, "apt-get install -y chromium"},
		{"demo takes no url", []string{"demo", "https://a.test"}, 2, "no URL"},
		{"demo stays offline", []string{"demo", "--browser-url", "ws://127.0.0.1:9222"}, 2, "nothing leaves the machine"},
		{"unwritable output", []string{"scan", "-o", "/nonexistent/dir/r.json", "https://a.test"}, 2, "/nonexistent/dir/r.json"},
		{"unwritable evidence dir", []string{"scan", "--evidence-dir", "/proc/x", "https://a.test"}, 2, "--evidence-dir"},
		{"consent rules none with a directory", []string{"scan", "--consent-rules", "none", "--consent-rules", ".", "https://a.test"}, 2, "generic engine alone"},
		{"bad consent rule file", []string{"scan", "--consent-rules", badConsentRule, "https://a.test"}, 2, badConsentRule + ":5"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, _, stderr := run(t, c.args...)
			if code != c.exit {
				t.Errorf("exit = %d, want %d; stderr:\n%s", code, c.exit, stderr)
			}
			if !strings.Contains(stderr, c.want) {
				t.Errorf("stderr = %q, want it to contain %q", stderr, c.want)
			}
		})
	}
}

func TestHelpAndVersion(t *testing.T) {
	if code, out, _ := run(t, "--help"); code != 0 || !strings.Contains(out, "scan") {
		t.Errorf("--help: %d %q", code, out)
	}
	if code, out, _ := run(t, "version"); code != 0 || !strings.HasPrefix(out, "privacyscan ") {
		t.Errorf("version: %d %q", code, out)
	}
	if code, out, _ := run(t, "scan", "--help"); code != 0 || !strings.Contains(out, "--fail-on") || !strings.Contains(out, "Exit codes") {
		t.Errorf("scan --help: %d %q", code, out)
	}
}
