package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/spf13/pflag"

	"github.com/privacyscan/privacyscan/reports/schema"
	"github.com/privacyscan/privacyscan/scanner"
	"github.com/privacyscan/privacyscan/scanner/kb"
	"github.com/privacyscan/privacyscan/scanner/model"
)

// cliCase is one in-process run: arguments, environment, standard input,
// the exit code and what standard error (Want) and output (Out) contain.
type cliCase struct {
	Name  string
	Args  []string
	Env   map[string]string
	Stdin string
	Exit  int
	Want  string
	Out   string
}

// runCase runs c with exactly c.Env as the environment.
func runCase(t *testing.T, c cliCase) (stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	env := &Env{Stdin: strings.NewReader(c.Stdin), Stdout: &out, Stderr: &errb,
		LookupEnv: func(k string) (string, bool) { v, ok := c.Env[k]; return v, ok }}
	code := runWith(context.Background(), env, c.Args)
	if code != c.Exit {
		t.Errorf("exit = %d, want %d\nstdout:\n%s\nstderr:\n%s", code, c.Exit, out.String(), errb.String())
	}
	if !strings.Contains(errb.String(), c.Want) {
		t.Errorf("stderr lacks %q:\n%s", c.Want, errb.String())
	}
	if !strings.Contains(out.String(), c.Out) {
		t.Errorf("stdout lacks %q:\n%s", c.Out, out.String())
	}
	return out.String(), errb.String()
}

func runCases(t *testing.T, cases []cliCase) {
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) { runCase(t, c) })
	}
}

// scanOptionsFor parses scan's flags with env as the environment, as
// runScan does, without scanning.
func scanOptionsFor(t *testing.T, env map[string]string, stdin string, args ...string) (*scanOptions, error) {
	t.Helper()
	fs := pflag.NewFlagSet("scan", pflag.ContinueOnError)
	flags := newScanFlagSet(fs)
	e := &Env{Stdin: strings.NewReader(stdin), Stdout: &bytes.Buffer{}, Stderr: &bytes.Buffer{},
		LookupEnv: func(k string) (string, bool) { v, ok := env[k]; return v, ok }}
	if _, err := parseFlags(e, fs, "scan", args, nil); err != nil {
		return nil, err
	}
	o, err := flags.options(e, fs.Args())
	return o, blameEnv(fs, err)
}

// TestEnvPrecedence: a flag given wins over its variable, which wins over
// the default; repeatable flags split at commas and newlines; an empty
// variable is unset.
func TestEnvPrecedence(t *testing.T) {
	cases := []struct {
		Name  string
		Env   map[string]string
		Args  []string
		Check func(o *scanOptions) bool
	}{
		{"default", nil, nil, func(o *scanOptions) bool { return o.Output.FailOn == "high" && o.Crawl.Pages == 8 }},
		{"environment over default", map[string]string{"PRIVACYSCAN_FAIL_ON": "medium", "PRIVACYSCAN_PAGES": "3", "PRIVACYSCAN_PAGE_TIMEOUT": "7s", "PRIVACYSCAN_QUIET": "true"}, nil,
			func(o *scanOptions) bool {
				return o.Output.FailOn == "medium" && o.Crawl.Pages == 3 && o.Phases.PageTimeout.Seconds() == 7 && o.Output.Quiet
			}},
		{"flag over environment", map[string]string{"PRIVACYSCAN_FAIL_ON": "medium", "PRIVACYSCAN_PAGES": "3"}, []string{"--fail-on", "low"},
			func(o *scanOptions) bool { return o.Output.FailOn == "low" && o.Crawl.Pages == 3 }},
		{"empty is unset", map[string]string{"PRIVACYSCAN_FAIL_ON": "", "PRIVACYSCAN_PAGES": "  "}, nil,
			func(o *scanOptions) bool { return o.Output.FailOn == "high" && o.Crawl.Pages == 8 }},
		{"repeatable: commas", map[string]string{"PRIVACYSCAN_PHASES": "dnt, gpc", "PRIVACYSCAN_FIRST_PARTY": "cdn.a.test,img.a.test"}, nil,
			func(o *scanOptions) bool {
				return strings.Join(o.Phases.Phases, ",") == "dnt,gpc" && strings.Join(o.Crawl.FirstParty, ",") == "cdn.a.test,img.a.test"
			}},
		{"repeatable: newlines", map[string]string{"PRIVACYSCAN_RESOLVE": "a.test=127.0.0.1\n*.a.test=127.0.0.1\n"}, nil,
			func(o *scanOptions) bool { return len(o.Browser.Routes) == 2 }},
		{"repeatable flag over environment", map[string]string{"PRIVACYSCAN_PHASES": "dnt,gpc"}, []string{"--phases", "before-consent"},
			func(o *scanOptions) bool { return strings.Join(o.Phases.Phases, ",") == "before-consent" }},
		{"severity and timeout", map[string]string{"PRIVACYSCAN_SEVERITY": "HIGH", "PRIVACYSCAN_TIMEOUT": "90s"}, nil,
			func(o *scanOptions) bool { return o.Run.Severity == "high" && o.Run.Timeout.Seconds() == 90 }},
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			o, err := scanOptionsFor(t, c.Env, "", append(c.Args, "https://a.test")...)
			if err != nil {
				t.Fatal(err)
			}
			if !c.Check(o) {
				t.Errorf("options = %+v", o)
			}
		})
	}
}

// TestEnvErrors: a bad value in a variable is a usage error that names the
// variable; variables of a scan's report do not reach other commands.
func TestEnvErrors(t *testing.T) {
	dir := t.TempDir()
	runCases(t, []cliCase{
		{Name: "not a number", Args: []string{"scan", "https://a.test"}, Env: map[string]string{"PRIVACYSCAN_PAGES": "many"}, Exit: ExitUsage, Want: `PRIVACYSCAN_PAGES="many": not a valid value for --pages`},
		{Name: "not a duration", Args: []string{"scan", "https://a.test"}, Env: map[string]string{"PRIVACYSCAN_PAGE_TIMEOUT": "30"}, Exit: ExitUsage, Want: "PRIVACYSCAN_PAGE_TIMEOUT"},
		{Name: "not a bool", Args: []string{"scan", "https://a.test"}, Env: map[string]string{"PRIVACYSCAN_QUIET": "yes please"}, Exit: ExitUsage, Want: "PRIVACYSCAN_QUIET"},
		{Name: "bad severity", Args: []string{"scan", "https://a.test"}, Env: map[string]string{"PRIVACYSCAN_FAIL_ON": "urgent"}, Exit: ExitUsage, Want: "(set by PRIVACYSCAN_FAIL_ON)"},
		{Name: "bad resolve", Args: []string{"scan", "https://a.test"}, Env: map[string]string{"PRIVACYSCAN_RESOLVE": "a.test"}, Exit: ExitUsage, Want: "HOST=IP"},
		{Name: "db reads kb variables", Args: []string{"db", "sources"}, Env: map[string]string{"PRIVACYSCAN_NO_CACHE": "1", "PRIVACYSCAN_CACHE_DIR": dir}, Exit: ExitUsage, Want: "set by PRIVACYSCAN_"},
		{Name: "rules reads jurisdiction", Args: []string{"rules"}, Env: map[string]string{"PRIVACYSCAN_JURISDICTION": "us-ca"}, Exit: ExitOK, Out: "Severity (us-ca)"},
		{Name: "rules ignores a report's format and output", Args: []string{"rules"}, Env: map[string]string{"PRIVACYSCAN_FORMAT": "sarif", "PRIVACYSCAN_OUTPUT": filepath.Join(dir, "report.sarif")}, Exit: ExitOK, Out: "tracking-before-consent"},
		{Name: "version ignores a report's format", Args: []string{"version"}, Env: map[string]string{"PRIVACYSCAN_FORMAT": "sarif"}, Exit: ExitOK, Out: "privacyscan "},
		{Name: "demo ignores scan's targets", Args: []string{"demo", "--chrome-path", "/nonexistent/chromium"}, Env: map[string]string{"PRIVACYSCAN_TARGETS": "sites.txt"}, Exit: ExitUsage, Want: "no Chromium found"},
	})
	if _, err := os.Stat(filepath.Join(dir, "report.sarif")); err == nil {
		t.Error("rules wrote to PRIVACYSCAN_OUTPUT")
	}
}

// helpCommands is every command and db subcommand, as 'help' takes them.
func helpCommands() [][]string {
	var out [][]string
	for _, c := range commands() {
		out = append(out, []string{c.name})
		if c.name == "db" {
			for _, s := range dbCommands {
				out = append(out, []string{"db", s})
			}
		}
	}
	return out
}

// TestHelpEverywhere: CMD --help, CMD -h and 'help CMD' print the same help
// on standard output and exit 0, for every command; flags the environment
// sets name their variable.
func TestHelpEverywhere(t *testing.T) {
	for _, cmd := range helpCommands() {
		name := strings.Join(cmd, " ")
		t.Run(name, func(t *testing.T) {
			want, _ := runCase(t, cliCase{Args: append(append([]string{}, cmd...), "--help"), Exit: ExitOK, Out: "Usage: privacyscan " + cmd[0]})
			short, _ := runCase(t, cliCase{Args: append(append([]string{}, cmd...), "-h"), Exit: ExitOK})
			viaHelp, errOut := runCase(t, cliCase{Args: append([]string{"help"}, cmd...), Exit: ExitOK})
			if short != want || viaHelp != want || errOut != "" {
				t.Errorf("-h, --help and help %s differ, or wrote to stderr %q", name, errOut)
			}
		})
	}
	runCases(t, []cliCase{
		{Name: "help alone", Args: []string{"help"}, Exit: ExitOK, Out: "completion"},
		{Name: "--help", Args: []string{"--help"}, Exit: ExitOK, Out: "PRIVACYSCAN_FAIL_ON"},
		{Name: "no command", Args: nil, Exit: ExitUsage, Want: "Usage:"},
		{Name: "help of no command", Args: []string{"help", "scna"}, Exit: ExitUsage, Want: `unknown command "scna"`},
		{Name: "scan lists variables", Args: []string{"scan", "--help"}, Exit: ExitOK, Out: "[$PRIVACYSCAN_PAGE_TIMEOUT]"},
		{Name: "scan explains them", Args: []string{"scan", "--help"}, Exit: ExitOK, Out: "separated by commas or newlines"},
		{Name: "rules names its", Args: []string{"rules", "--help"}, Exit: ExitOK, Out: "[$PRIVACYSCAN_JURISDICTION]"},
	})
	// A command's own flags name no variable.
	out, _ := runCase(t, cliCase{Args: []string{"policy", "--help"}, Exit: ExitOK})
	if strings.Contains(out, "PRIVACYSCAN_FORMAT") || strings.Contains(out, "PRIVACYSCAN_TIMEOUT") || strings.Contains(out, "PRIVACYSCAN_HELP") {
		t.Errorf("policy's own flags name variables:\n%s", out)
	}
}

// TestUnknownFlagsEverywhere: every command refuses a flag it does not
// have, with exit 2 and a pointer to its help.
func TestUnknownFlagsEverywhere(t *testing.T) {
	for _, cmd := range helpCommands() {
		if len(cmd) == 1 && cmd[0] == "db" {
			continue // db takes a subcommand first: TestDBCommand
		}
		name := strings.Join(cmd, " ")
		t.Run(name, func(t *testing.T) {
			runCase(t, cliCase{Args: append(append([]string{}, cmd...), "--bogus"), Exit: ExitUsage, Want: name + ": unknown flag: --bogus (see privacyscan " + name + " --help)"})
		})
	}
	runCases(t, []cliCase{
		{Name: "version argument", Args: []string{"version", "extra"}, Exit: ExitUsage, Want: `unexpected argument "extra"`},
		{Name: "version format", Args: []string{"version", "--format", "xml"}, Exit: ExitUsage, Want: `--format "xml"`},
		{Name: "--version flag", Args: []string{"--version", "--bogus"}, Exit: ExitUsage, Want: "unknown flag"},
	})
}

// TestVersionJSON: version --format json names the build, Go, the embedded
// knowledge base and the Chromium a scan would start.
func TestVersionJSON(t *testing.T) {
	out, _ := runCase(t, cliCase{Args: []string{"version", "--format", "json"}, Exit: ExitOK})
	var v struct {
		Name, Version, Commit, Go, Platform string
		KnowledgeBase                       struct {
			Vendors        int
			EmbeddedSHA256 string `json:"embedded_sha256"`
			Sources        []kb.SourceInfo
		} `json:"knowledge_base"`
		Chromium struct{ Path, Version, Error string }
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("%v:\n%s", err, out)
	}
	if v.Name != "privacyscan" || v.Version != Version || v.Commit == "" || v.Go != runtime.Version() || v.Platform != runtime.GOOS+"/"+runtime.GOARCH {
		t.Errorf("version = %+v", v)
	}
	if v.KnowledgeBase.Vendors < 100 || v.KnowledgeBase.EmbeddedSHA256 != kb.EmbeddedSHA256() || !regexp.MustCompile(`^[0-9a-f]{64}$`).MatchString(v.KnowledgeBase.EmbeddedSHA256) ||
		len(v.KnowledgeBase.Sources) == 0 || v.KnowledgeBase.Sources[0].Name != "embedded" {
		t.Errorf("knowledge base = %+v", v.KnowledgeBase)
	}
	// The tests run where Chromium is installed (the browser tests need it).
	if v.Chromium.Path == "" || !strings.Contains(v.Chromium.Version, "Chrom") || v.Chromium.Error != "" {
		t.Errorf("chromium = %+v", v.Chromium)
	}
	text, _ := runCase(t, cliCase{Args: []string{"version"}, Exit: ExitOK, Out: "privacyscan " + Version + "\n"})
	for _, s := range []string{"commit", "knowledge base", v.KnowledgeBase.EmbeddedSHA256, v.Chromium.Version} {
		if !strings.Contains(text, s) {
			t.Errorf("version text lacks %q:\n%s", s, text)
		}
	}
}

// TestCompletion: the scripts name every command and scan's flags; bash
// parses its script and completes with it.
func TestCompletion(t *testing.T) {
	runCases(t, []cliCase{
		{Name: "no shell", Args: []string{"completion"}, Exit: ExitUsage, Want: "bash, zsh, fish"},
		{Name: "unknown shell", Args: []string{"completion", "tcsh"}, Exit: ExitUsage, Want: "bash, zsh, fish"},
	})
	scripts := map[string]string{}
	for _, sh := range completionShells {
		out, _ := runCase(t, cliCase{Args: []string{"completion", sh}, Exit: ExitOK})
		scripts[sh] = out
		for _, c := range commands() {
			if !strings.Contains(out, c.name) {
				t.Errorf("%s: no command %s", sh, c.name)
			}
		}
		for _, f := range []string{"fail-on", "severity", "targets", "page-timeout", "resolve"} {
			if !regexp.MustCompile(`(--|-l )` + f + `\b`).MatchString(out) {
				t.Errorf("%s: no --%s", sh, f)
			}
		}
	}
	if !strings.Contains(scripts["zsh"], "#compdef privacyscan") || !strings.Contains(scripts["fish"], "complete -c privacyscan") {
		t.Error("zsh or fish script has not its shell's form")
	}
	for sh, script := range scripts {
		if _, err := exec.LookPath(sh); err != nil {
			continue // zsh and fish are rarely installed; bash is checked below
		}
		cmd := exec.Command(sh, "-n")
		cmd.Stdin = strings.NewReader(script)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("%s -n: %v\n%s", sh, err, out)
		}
	}
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("no bash")
	}
	path := filepath.Join(t.TempDir(), "privacyscan.bash")
	if err := os.WriteFile(path, []byte(scripts["bash"]), 0o644); err != nil {
		t.Fatal(err)
	}
	// Each line: the words typed so far (the last one being completed).
	for _, c := range []struct{ words, want string }{
		{"privacyscan sc", "scan"},
		{"privacyscan scan --fail", "--fail-on"},
		{"privacyscan scan --severity h", "high"},
		{"privacyscan demo --format s", "sarif"},
		{"privacyscan rules --format m", "markdown"},
		{"privacyscan db lo", "lookup"},
		{"privacyscan db lookup --ki", "--kind"},
		{"privacyscan help vers", "version"},
		{"privacyscan ver", "verify version"},
		{"privacyscan verify --qu", "--quiet"},
	} {
		words := strings.Fields(c.words)
		script := "source " + path + "\nCOMP_WORDS=(" + strings.Join(words, " ") + ")\nCOMP_CWORD=" + strconv.Itoa(len(words)-1) + "\n_privacyscan\necho \"${COMPREPLY[*]}\"\n"
		out, err := exec.Command("bash", "--norc", "--noprofile", "-c", script).CombinedOutput()
		if err != nil || strings.TrimSpace(string(out)) != c.want {
			t.Errorf("%q completes to %q (%v), want %q", c.words, strings.TrimSpace(string(out)), err, c.want)
		}
	}
}

// severityReport is the reports package's test report (a real scan's
// shape) with one high and one low finding.
func severityReport(t *testing.T) *model.Report {
	t.Helper()
	data, err := os.ReadFile("../../reports/testdata/report.json")
	if err != nil {
		t.Fatal(err)
	}
	var r model.Report
	if err := json.Unmarshal(data, &r); err != nil {
		t.Fatal(err)
	}
	r.Sites = r.Sites[:1]
	r.Sites[0].Scanned = true
	r.Sites[0].Findings = []model.Finding{
		{Rule: "tracking-before-consent", Severity: model.SeverityHigh, Message: "shown high"},
		{Rule: "policy-outdated", Severity: model.SeverityLow, Message: "hidden low"},
	}
	return &r
}

// TestSeverityFiltersShownNotFailed: --severity hides findings below it from
// every format, and the exit code still counts them under --fail-on.
func TestSeverityFiltersShownNotFailed(t *testing.T) {
	cases := []struct {
		Name     string
		Severity string
		FailOn   string
		Exit     int
		Shown    []string
		Hidden   []string
	}{
		{"everything shown", "info", "high", ExitFindings, []string{"shown high", "hidden low"}, nil},
		{"low hidden, high fails", "high", "high", ExitFindings, []string{"shown high"}, []string{"hidden low"}},
		{"hidden low still fails", "critical", "low", ExitFindings, nil, []string{"shown high", "hidden low"}},
		{"nothing fails, all shown", "low", "critical", ExitOK, []string{"shown high", "hidden low"}, nil},
	}
	for _, c := range cases {
		for _, format := range []string{"json", "table", "sarif", "junit", "markdown", "html"} {
			t.Run(c.Name+"/"+format, func(t *testing.T) {
				var out bytes.Buffer
				env := &Env{Stdout: &out, Stderr: &bytes.Buffer{}}
				o := &scanOptions{Output: outputOptions{Format: format, FailOn: c.FailOn}, Run: runOptions{Severity: c.Severity}}
				rep := severityReport(t)
				err := finishScan(env, o, rep, func(string, ...any) {})
				if got := exitCode(&bytes.Buffer{}, err); got != c.Exit {
					t.Errorf("exit = %d, want %d", got, c.Exit)
				}
				for _, s := range c.Shown {
					if format == "junit" {
						break // JUnit lists the findings at or above --fail-on only
					}
					if !strings.Contains(out.String(), s) {
						t.Errorf("%q not shown:\n%s", s, out.String())
					}
				}
				for _, s := range c.Hidden {
					if strings.Contains(out.String(), s) {
						t.Errorf("%q shown:\n%s", s, out.String())
					}
				}
				if len(rep.Sites[0].Findings) != 2 {
					t.Error("the filter changed the judged report")
				}
				if format == "json" {
					if err := schema.Validate(out.Bytes()); err != nil {
						t.Fatal(err)
					}
					var r model.Report
					_ = json.Unmarshal(out.Bytes(), &r)
					if len(c.Hidden) > 0 && (r.MinSeverity != c.Severity || r.HiddenFindings != len(c.Hidden)) {
						t.Errorf("min_severity %q, hidden_findings %d", r.MinSeverity, r.HiddenFindings)
					}
				}
			})
		}
	}
	runCases(t, []cliCase{
		{Name: "bad severity", Args: []string{"scan", "--severity", "urgent", "https://a.test"}, Exit: ExitUsage, Want: `--severity "urgent"`},
		{Name: "negative timeout", Args: []string{"scan", "--timeout", "-1s", "https://a.test"}, Exit: ExitUsage, Want: "--timeout"},
	})
}

// TestTargetsStdin: --targets - reads the URLs from standard input.
func TestTargetsStdin(t *testing.T) {
	o, err := scanOptionsFor(t, nil, "# sites\nhttps://a.test\n\nb.test/shop # the shop\n", "--targets", "-", "https://c.test")
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(o.URLs, " "); got != "https://c.test/ https://a.test/ https://b.test/shop" {
		t.Errorf("URLs = %s", got)
	}
	runCases(t, []cliCase{
		{Name: "bad line", Args: []string{"scan", "--targets", "-"}, Stdin: "https://a.test\nftp://b.test\n", Exit: ExitUsage, Want: "standard input:2"},
		{Name: "empty", Args: []string{"scan", "--targets", "-"}, Stdin: "# nothing\n", Exit: ExitUsage, Want: "no URL given"},
		{Name: "from the environment", Args: []string{"scan"}, Env: map[string]string{"PRIVACYSCAN_TARGETS": "-"}, Stdin: "ftp://x.test\n", Exit: ExitUsage, Want: "standard input:1"},
	})
}

// TestSingleLabelHosts: the words of an unquoted URL are not sites; a
// single label is one only when localhost, an IP or routed.
func TestSingleLabelHosts(t *testing.T) {
	runCases(t, []cliCase{
		{Name: "unquoted words", Args: []string{"scan", "not", "a", "url"}, Exit: ExitUsage, Want: `"not" is not a site's address`},
		{Name: "hint to quote", Args: []string{"scan", "https://shop.example/a", "b"}, Exit: ExitUsage, Want: "must be quoted"},
		{Name: "policy url", Args: []string{"scan", "--policy-url", "privacy", "https://a.test"}, Exit: ExitUsage, Want: `"privacy"`},
		{Name: "in targets", Args: []string{"scan", "--targets", "-"}, Stdin: "intranet\n", Exit: ExitUsage, Want: `"intranet"`},
	})
	for _, ok := range [][]string{
		{"http://localhost:8080/"}, {"http://127.0.0.1/"}, {"http://[::1]:8443/"}, {"https://shop.example./"},
		{"--resolve", "intranet=10.0.0.1", "https://intranet/"}, {"--resolve", "*.test=10.0.0.1", "https://a.test/"},
	} {
		if _, err := scanOptionsFor(t, nil, "", ok...); err != nil {
			t.Errorf("%v: %v", ok, err)
		}
	}
}

// TestRulesReadsConfig: rules finds .privacyscan.yaml in the working
// directory as scan does, and fails on the same errors.
func TestRulesReadsConfig(t *testing.T) {
	good, bad := t.TempDir(), t.TempDir()
	os.WriteFile(filepath.Join(good, ".privacyscan.yaml"), []byte("custom_rules:\n  - id: no-hotjar\n    host: \"*.hotjar.com\"\n"), 0o644)
	os.WriteFile(filepath.Join(bad, ".privacyscan.yaml"), []byte("rules:\n  tracking-before-consnt: low\n"), 0o644)
	t.Run("found", func(t *testing.T) {
		t.Chdir(good)
		runCase(t, cliCase{Args: []string{"rules"}, Exit: ExitOK, Out: "no-hotjar (custom)"})
	})
	t.Run("same errors as scan", func(t *testing.T) {
		t.Chdir(bad)
		_, rulesErr := runCase(t, cliCase{Args: []string{"rules"}, Exit: ExitUsage, Want: ".privacyscan.yaml:2"})
		_, scanErr := runCase(t, cliCase{Args: []string{"scan", "https://a.test"}, Exit: ExitUsage, Want: ".privacyscan.yaml:2"})
		if rulesErr != scanErr {
			t.Errorf("rules: %q\nscan: %q", rulesErr, scanErr)
		}
	})
	t.Run("--config wins", func(t *testing.T) {
		t.Chdir(bad)
		runCase(t, cliCase{Args: []string{"rules", "--config", filepath.Join(good, ".privacyscan.yaml")}, Exit: ExitOK, Out: "no-hotjar"})
	})
}

// TestTableColumns: the rules table keeps within COLUMNS.
func TestTableColumns(t *testing.T) {
	out, _ := runCase(t, cliCase{Args: []string{"rules"}, Env: map[string]string{"COLUMNS": "72"}, Exit: ExitOK})
	for _, l := range strings.Split(out, "\n") {
		if n := len([]rune(l)); n > 72 && strings.ContainsAny(l, "│┌├└") {
			t.Fatalf("a line is %d wide under COLUMNS=72:\n%s", n, l)
		}
	}
}

// TestTimeoutWritesReport: --timeout stops the scan like Ctrl-C and the
// report of what was gathered is written, marked interrupted. One demo run
// with Chromium.
func TestTimeoutWritesReport(t *testing.T) {
	out := filepath.Join(t.TempDir(), "report.json")
	var stdout, stderr bytes.Buffer
	env := &Env{Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr, LookupEnv: func(string) (string, bool) { return "", false }}
	code := runWith(context.Background(), env, []string{"demo", "--timeout", "4s", "--phases", "before-consent,dnt", "--concurrency", "1", "--format", "json", "-o", out})
	// Whether a page was complete within 4s depends on the machine's load:
	// 5 (interrupted) or 3 (nothing scanned), never a failure.
	if code != ExitInterrupted && code != ExitNotScanned {
		t.Fatalf("exit = %d; stderr:\n%s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), "--timeout 4s reached") {
		t.Errorf("stderr does not say the time was up:\n%s", stderr.String())
	}
	rep, data := readReport(t, out)
	validate(t, data)
	if !rep.Interrupted {
		t.Errorf("report not interrupted; stderr:\n%s", stderr.String())
	}
}

// TestJourneyFlags: the journey runs on shops by default; --journey runs it
// everywhere, --no-journey (or its variable) nowhere.
func TestJourneyFlags(t *testing.T) {
	for _, c := range []struct {
		args []string
		env  map[string]string
		want string
	}{
		{nil, nil, scanner.JourneyAuto},
		{[]string{"--journey"}, nil, scanner.JourneyOn},
		{[]string{"--no-journey"}, nil, scanner.JourneyOff},
		{nil, map[string]string{"PRIVACYSCAN_NO_JOURNEY": "true"}, scanner.JourneyOff},
	} {
		o, err := scanOptionsFor(t, c.env, "", append(c.args, "https://a.test")...)
		if err != nil {
			t.Fatalf("%v %v: %v", c.args, c.env, err)
		}
		if o.Phases.Journey != c.want {
			t.Errorf("%v %v: journey %q, want %q", c.args, c.env, o.Phases.Journey, c.want)
		}
	}
}
