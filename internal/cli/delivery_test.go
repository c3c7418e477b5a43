package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/privacyscan/privacyscan/reports"
)

// The delivery files (Dockerfile, GitHub Action, GitLab template,
// Jenkinsfile, goreleaser configuration) and docs/ci.md run privacyscan in
// shell scripts nothing executes here: no Docker engine, no CI. These tests
// parse each file and check every privacyscan command, subcommand and flag
// it uses against the CLI itself, so a renamed flag breaks the build here,
// not a user's pipeline.

// repoRoot is the repository root, seen from internal/cli.
const repoRoot = "../.."

// cliSpec is what the CLI accepts: flags per command ("scan", "db lookup")
// and the subcommands of commands that have them.
type cliSpec struct {
	flags map[string]map[string]bool
	subs  map[string][]string
}

// helpFlagRe matches a flag line of pflag's FlagUsages: "  -o, --output FILE".
var helpFlagRe = regexp.MustCompile(`^\s+(?:-([A-Za-z0-9]), )?--([A-Za-z0-9][A-Za-z0-9-]*)`)

// helpCommandRe matches a line of a "Commands:" section: "  lookup HOST...".
var helpCommandRe = regexp.MustCompile(`^\s{2}([a-z][a-z-]*)\b`)

// runHelp runs `privacyscan ARGS... --help` in-process and returns what it
// printed on either stream.
func runHelp(args ...string) string {
	var out bytes.Buffer
	Run(context.Background(), append(args, "--help"), strings.NewReader(""), &out, &out)
	return out.String()
}

// parseHelp returns the flags and the subcommands a --help lists.
func parseHelp(help string) (flags map[string]bool, subs []string) {
	flags = map[string]bool{"--help": true, "-h": true}
	inCommands := false
	for _, line := range strings.Split(help, "\n") {
		if m := helpFlagRe.FindStringSubmatch(line); m != nil {
			flags["--"+m[2]] = true
			if m[1] != "" {
				flags["-"+m[1]] = true
			}
		}
		switch {
		case strings.TrimSpace(line) == "Commands:":
			inCommands = true
		case strings.TrimSpace(line) == "":
			inCommands = false
		case inCommands:
			if m := helpCommandRe.FindStringSubmatch(line); m != nil {
				subs = append(subs, m[1])
			}
		}
	}
	return flags, subs
}

// buildCLISpec asks each command of the registry for its --help, and each
// subcommand a command's help lists for its own: the flags come from the
// flag sets the commands really parse, not from a copy kept here.
func buildCLISpec(t *testing.T) *cliSpec {
	t.Helper()
	spec := &cliSpec{flags: map[string]map[string]bool{}, subs: map[string][]string{}}
	for _, c := range commands() {
		flags, subs := parseHelp(runHelp(c.name))
		spec.flags[c.name] = flags
		spec.subs[c.name] = subs
		for _, s := range subs {
			sf, _ := parseHelp(runHelp(c.name, s))
			spec.flags[c.name+" "+s] = sf
		}
	}
	// If the help format changed so that nothing is found, say so rather
	// than calling every flag unknown.
	for _, f := range []string{"--format", "--fail-on", "--baseline", "-o", "--targets"} {
		if !spec.flags["scan"][f] {
			t.Fatalf("scan --help does not list %s: the help parser no longer understands the help\n%s", f, runHelp("scan"))
		}
	}
	if !slices.Contains(spec.subs["db"], "lookup") {
		t.Fatalf("db --help lists no lookup subcommand: %v", spec.subs["db"])
	}
	return spec
}

// invocation is one privacyscan command line found in a file.
type invocation struct {
	where string   // file:line
	args  []string // the words after the program name
}

// programRe finds the program as a word of a command line: at the start,
// after a separator or an opening quote, and followed by a space or the
// end. privacyscan.sarif, privacyscan:privacyscan, /out/privacyscan and
// .../cmd/privacyscan@latest do not match.
var programRe = regexp.MustCompile("(?:^|[\\s;&|(`\"'])privacyscan(?:$|[\\s\"'])")

// imageRe finds the image of a docker run, ghcr.io/privacyscan/privacyscan:TAG,
// whose arguments are privacyscan's.
var imageRe = regexp.MustCompile(`docker run\b.*?\s\S*/privacyscan(?::[A-Za-z0-9._-]+)?(?:$|\s)`)

// invocationsIn returns the privacyscan command lines of shell-like text:
// continuation lines joined, # and // comment lines skipped.
func invocationsIn(where string, text string) []invocation {
	var out []invocation
	lines := strings.Split(text, "\n")
	for i := 0; i < len(lines); i++ {
		start := i + 1
		line := lines[i]
		for strings.HasSuffix(strings.TrimRight(line, " \t"), "\\") && i+1 < len(lines) {
			line = strings.TrimSuffix(strings.TrimRight(line, " \t"), "\\") + " " + lines[i+1]
			i++
		}
		if strings.HasPrefix(strings.TrimSpace(line), "//") {
			continue
		}
		line = stripComment(line)
		locs := append(programRe.FindAllStringIndex(line, -1), imageRe.FindAllStringIndex(line, -1)...)
		for _, loc := range locs {
			if q := line[loc[0]]; (q == '"' || q == '\'') && line[loc[1]-1] == q {
				continue // 'privacyscan', a name in quotes, not a command
			}
			out = append(out, invocation{where: fmt.Sprintf("%s:%d", where, start), args: shellWords(line[loc[1]:])})
		}
	}
	return out
}

// stripComment cuts a shell comment: a # outside quotes at the start of
// the line or after a space.
func stripComment(line string) string {
	var quote rune
	for i, r := range line {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			}
		case r == '"' || r == '\'':
			quote = r
		case r == '#' && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t'):
			return line[:i]
		}
	}
	return line
}

// shellWords splits a command's arguments like a shell would for this
// purpose: quotes group, an unquoted ; | & ) or # ends the command.
func shellWords(s string) []string {
	var words []string
	var cur strings.Builder
	inWord := false
	var quote rune
	flush := func() {
		if inWord {
			words = append(words, cur.String())
		}
		cur.Reset()
		inWord = false
	}
	for _, r := range s {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			} else {
				cur.WriteRune(r)
			}
		case r == '"' || r == '\'':
			quote, inWord = r, true
		case r == ' ' || r == '\t':
			flush()
		case r == ';' || r == '|' || r == '&' || r == ')' || (r == '#' && !inWord):
			flush()
			return words
		case r == ']' && !inWord:
			flush()
			return words
		default:
			cur.WriteRune(r)
			inWord = true
		}
	}
	flush()
	return words
}

// conditionalRe strips the ${VAR:+ of `${VAR:+--flag "$VAR"}`, a flag
// given only when VAR is set.
var conditionalRe = regexp.MustCompile(`^\$\{[A-Za-z_][A-Za-z0-9_]*:\+`)

// check returns the problems of one invocation: an unknown command,
// subcommand, flag, or --format value of scan or demo.
func (spec *cliSpec) check(inv invocation) []string {
	var problems []string
	bad := func(format string, args ...any) {
		problems = append(problems, inv.where+": "+fmt.Sprintf(format, args...))
	}
	args := inv.args
	if len(args) == 0 {
		return nil // the bare program: an ENTRYPOINT, an image name
	}
	first := args[0]
	if strings.HasPrefix(first, "-") {
		// --version, --help: what Run takes before any command.
		var out bytes.Buffer
		if Run(context.Background(), []string{first}, strings.NewReader(""), &out, &out) != ExitOK {
			bad("privacyscan %s: not an option of privacyscan itself", first)
		}
		return problems
	}
	cmd := first
	if _, ok := spec.flags[cmd]; !ok {
		bad("privacyscan %s: no such command", first)
		return problems
	}
	args = args[1:]
	if subs := spec.subs[cmd]; len(subs) > 0 {
		if len(args) == 0 || strings.HasPrefix(args[0], "-") {
			if len(args) == 0 || (args[0] != "--help" && args[0] != "-h") {
				bad("privacyscan %s: missing subcommand (%s)", cmd, strings.Join(subs, ", "))
			}
			return problems
		}
		if !slices.Contains(subs, args[0]) {
			bad("privacyscan %s %s: no such subcommand (want %s)", cmd, args[0], strings.Join(subs, ", "))
			return problems
		}
		cmd += " " + args[0]
		args = args[1:]
	}
	known := spec.flags[cmd]
	for i := 0; i < len(args); i++ {
		w := conditionalRe.ReplaceAllString(args[i], "")
		if w == "--" {
			break
		}
		if !strings.HasPrefix(w, "-") || w == "-" || strings.HasPrefix(w, "-$") {
			continue
		}
		name, value, hasValue := strings.Cut(w, "=")
		name = strings.TrimRight(name, "}")
		switch {
		case strings.HasPrefix(name, "--"):
			if !known[name] {
				bad("privacyscan %s: unknown flag %s", cmd, name)
			}
		default:
			for _, r := range name[1:] {
				if !known["-"+string(r)] {
					bad("privacyscan %s: unknown flag -%c", cmd, r)
				}
			}
		}
		if name == "--format" && (cmd == "scan" || cmd == "demo") {
			if !hasValue && i+1 < len(args) {
				value = args[i+1]
			}
			if value != "" && !strings.Contains(value, "$") && !slices.Contains(reports.Formats(), value) {
				bad("privacyscan %s: --format %s: no such format (want %s)", cmd, value, strings.Join(reports.Formats(), ", "))
			}
		}
	}
	return problems
}

// yamlScriptKeys are the keys whose values are shell scripts: GitHub's run,
// GitLab's script lists, docker-compose style command and entrypoint.
var yamlScriptKeys = map[string]bool{"run": true, "script": true, "before_script": true, "after_script": true, "command": true, "entrypoint": true}

// yamlScripts returns the script strings of a YAML document with their
// lines, after checking it parses.
func yamlScripts(t *testing.T, path string) (scripts []invocation, doc *yaml.Node) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc = &yaml.Node{}
	if err := yaml.Unmarshal(data, doc); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var walk func(n *yaml.Node, inScript bool)
	walk = func(n *yaml.Node, inScript bool) {
		switch n.Kind {
		case yaml.ScalarNode:
			if inScript {
				for _, inv := range invocationsIn(filepath.Base(path), n.Value) {
					// Lines inside a block scalar count from the key's line.
					inv.where = fmt.Sprintf("%s:%d", filepath.Base(path), n.Line)
					scripts = append(scripts, inv)
				}
			}
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				walk(n.Content[i+1], inScript || yamlScriptKeys[n.Content[i].Value])
			}
		default:
			for _, c := range n.Content {
				walk(c, inScript)
			}
		}
	}
	walk(doc, false)
	return scripts, doc
}

// markdownBlocks returns the fenced code blocks of a Markdown file as
// invocations, with the line numbers of the file.
func markdownInvocations(t *testing.T, path string) []invocation {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return markdownInvocationsOf(filepath.Base(path), string(data))
}

func markdownInvocationsOf(name, text string) []invocation {
	var out []invocation
	var block []string
	start, in := 0, false
	sc := bufio.NewScanner(strings.NewReader(text))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.HasPrefix(strings.TrimSpace(line), "```") {
			if in {
				for _, inv := range invocationsIn(name, strings.Join(block, "\n")) {
					var l int
					fmt.Sscanf(inv.where[len(name)+1:], "%d", &l)
					inv.where = fmt.Sprintf("%s:%d", name, start+l)
					out = append(out, inv)
				}
				block = nil
			}
			in, start = !in, n
			continue
		}
		if in {
			block = append(block, line)
		}
	}
	return out
}

// goMod returns the module path and the go version of go.mod.
func goMod(t *testing.T) (module, goVersion string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		if len(f) == 2 && f[0] == "module" {
			module = f[1]
		}
		if len(f) == 2 && f[0] == "go" {
			goVersion = f[1]
		}
	}
	return module, goVersion
}

// TestDeliveryCommandsExist checks every privacyscan command line of the
// delivery files and docs/ci.md against the CLI.
func TestDeliveryCommandsExist(t *testing.T) {
	spec := buildCLISpec(t)
	var all []invocation
	count := func(name string, invs []invocation, min int) {
		t.Helper()
		if len(invs) < min {
			t.Errorf("%s: %d privacyscan command lines found, want at least %d: is the parser still finding them?", name, len(invs), min)
		}
		all = append(all, invs...)
	}
	action, _ := yamlScripts(t, filepath.Join(repoRoot, "action.yml"))
	count("action.yml", action, 3)
	gitlab, _ := yamlScripts(t, filepath.Join(repoRoot, "docs/ci/gitlab-ci.yml"))
	count("docs/ci/gitlab-ci.yml", gitlab, 4)
	for _, f := range []struct {
		path string
		min  int
	}{{"Dockerfile", 2}, {"docs/ci/Jenkinsfile", 4}} {
		data, err := os.ReadFile(filepath.Join(repoRoot, f.path))
		if err != nil {
			t.Fatal(err)
		}
		count(f.path, invocationsIn(f.path, dockerExecForm(string(data))), f.min)
	}
	count("docs/ci.md", markdownInvocations(t, filepath.Join(repoRoot, "docs/ci.md")), 10)
	for _, inv := range all {
		for _, p := range spec.check(inv) {
			t.Error(p)
		}
	}
}

// dockerExecForm rewrites a Dockerfile's exec-form ENTRYPOINT and CMD as
// one shell line, `privacyscan --help`, so CMD's arguments are checked as
// arguments of the entrypoint. Other text passes through.
func dockerExecForm(text string) string {
	var entry, cmd []string
	for _, line := range strings.Split(text, "\n") {
		for _, k := range []struct {
			prefix string
			dst    *[]string
		}{{"ENTRYPOINT [", &entry}, {"CMD [", &cmd}} {
			if strings.HasPrefix(line, k.prefix) {
				_ = json.Unmarshal([]byte(strings.TrimSpace(line[len(k.prefix)-1:])), k.dst)
			}
		}
	}
	if len(entry) == 0 {
		return text
	}
	return text + "\n" + strings.Join(append(entry, cmd...), " ") + "\n"
}

// TestDeliveryCheckerFailsOnUnknownNames proves the check above can fail:
// fake documents with wrong names must be reported, right ones must not.
func TestDeliveryCheckerFailsOnUnknownNames(t *testing.T) {
	spec := buildCLISpec(t)
	tests := []struct {
		name, doc string
		want      string // "" when the document is fine
	}{
		{"known flags", "```\nprivacyscan scan --fail-on high -q --format sarif -o x.sarif https://shop.example/\n```", ""},
		{"unknown flag", "```\nprivacyscan scan --fail-on high --no-such-flag https://shop.example/\n```", "unknown flag --no-such-flag"},
		{"unknown flag after continuation", "```\nprivacyscan scan \\\n  --frobnicate x https://shop.example/\n```", "unknown flag --frobnicate"},
		{"unknown flag in a conditional", "```\nprivacyscan scan ${T:+--targetz \"$T\"} $URLS\n```", "unknown flag --targetz"},
		{"unknown shorthand", "```\nprivacyscan scan -x https://shop.example/\n```", "unknown flag -x"},
		{"flag of another command", "```\nprivacyscan rules --pages 3\n```", "privacyscan rules: unknown flag --pages"},
		{"unknown format", "```\nprivacyscan scan --format yaml https://shop.example/\n```", "no such format"},
		{"unknown command", "```\nprivacyscan frobnicate https://shop.example/\n```", "no such command"},
		{"unknown subcommand", "```\nprivacyscan db frobnicate\n```", "no such subcommand"},
		{"subcommand flags", "```\nprivacyscan db lookup --kind host --format json www.google-analytics.com\n```", ""},
		{"image reference", "```\ndocker run --rm ghcr.io/privacyscan/privacyscan:latest scan --nope https://shop.example/\n```", "unknown flag --nope"},
		{"global option", "```\nprivacyscan --version\n```", ""},
		{"flags added with diff and SARIF", "```\nprivacyscan scan --baseline b.json --baseline-missing ok --sarif-artifact x https://shop.example/\nprivacyscan diff old.json new.json\n```", ""},
		{"outside code blocks", "privacyscan frobnicate is prose\n", ""},
		{"comments", "```\n# privacyscan frobnicate\nprivacyscan version  # privacyscan 1.2.3\n```", ""},
		{"not the program", "```\ngo install github.com/privacyscan/privacyscan/cmd/privacyscan@latest\ncp privacyscan.sarif x\n```", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var problems []string
			for _, inv := range markdownInvocationsOf("fake.md", tt.doc) {
				problems = append(problems, spec.check(inv)...)
			}
			got := strings.Join(problems, "\n")
			if tt.want == "" && got != "" {
				t.Errorf("problems in a good document:\n%s", got)
			}
			if tt.want != "" && !strings.Contains(got, tt.want) {
				t.Errorf("problems = %q, want one with %q", got, tt.want)
			}
		})
	}
}

// TestDeliveryFiles checks what each platform needs of its file, beyond
// the command lines.
func TestDeliveryFiles(t *testing.T) {
	module, goVersion := goMod(t)
	versionFlag := "-X " + module + "/internal/cli.Version="

	t.Run("Dockerfile", func(t *testing.T) {
		data, err := os.ReadFile(filepath.Join(repoRoot, "Dockerfile"))
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		var froms []string
		user := ""
		for _, line := range strings.Split(text, "\n") {
			f := strings.Fields(line)
			if len(f) >= 2 && f[0] == "FROM" {
				froms = append(froms, f[1])
			}
			if len(f) >= 2 && f[0] == "USER" {
				user = f[1]
			}
		}
		if len(froms) != 2 {
			t.Fatalf("FROM lines = %v, want a build and a runtime stage", froms)
		}
		if want := "golang:" + goVersion + "-"; !strings.HasPrefix(froms[0], want) {
			t.Errorf("build stage %s: want the official golang image of go.mod's Go, %s*", froms[0], want)
		}
		if !strings.HasPrefix(froms[1], "debian:") {
			t.Errorf("runtime stage %s: want Debian", froms[1])
		}
		if user == "" || user == "root" || user == "0" {
			t.Errorf("USER %q: want a non-root user", user)
		}
		for _, want := range []string{"apt-get install", " chromium ", "CGO_ENABLED=0", versionFlag, `ENTRYPOINT ["privacyscan"]`} {
			if !strings.Contains(text, want) {
				t.Errorf("Dockerfile lacks %q", want)
			}
		}
	})

	t.Run("action.yml", func(t *testing.T) {
		_, doc := yamlScripts(t, filepath.Join(repoRoot, "action.yml"))
		var a struct {
			Inputs map[string]struct {
				Default string `yaml:"default"`
			} `yaml:"inputs"`
			Runs struct {
				Using string `yaml:"using"`
				Steps []struct {
					Uses  string            `yaml:"uses"`
					Run   string            `yaml:"run"`
					Shell string            `yaml:"shell"`
					With  map[string]string `yaml:"with"`
				} `yaml:"steps"`
			} `yaml:"runs"`
		}
		if err := doc.Decode(&a); err != nil {
			t.Fatal(err)
		}
		if a.Runs.Using != "composite" {
			t.Errorf("runs.using = %q, want composite", a.Runs.Using)
		}
		for _, in := range []string{"urls", "targets", "fail-on", "sarif", "html", "baseline"} {
			if _, ok := a.Inputs[in]; !ok {
				t.Errorf("no input %q", in)
			}
		}
		var uses []string
		for i, s := range a.Runs.Steps {
			if s.Run != "" && s.Shell == "" {
				t.Errorf("step %d runs a script without shell (composite actions require one)", i)
			}
			if s.Run != "" && strings.Contains(s.Run, "${{") {
				t.Errorf("step %d splices an expression into its script: pass inputs through env", i)
			}
			if u, _, _ := strings.Cut(s.Uses, "@"); u != "" {
				uses = append(uses, u)
			}
		}
		for _, want := range []string{"github/codeql-action/upload-sarif", "actions/upload-artifact", "actions/cache/restore", "actions/cache/save"} {
			if !slices.Contains(uses, want) {
				t.Errorf("no step uses %s (uses %v)", want, uses)
			}
		}
	})

	t.Run("gitlab-ci.yml", func(t *testing.T) {
		_, doc := yamlScripts(t, filepath.Join(repoRoot, "docs/ci/gitlab-ci.yml"))
		var g map[string]struct {
			Image struct {
				Entrypoint []string `yaml:"entrypoint"`
			} `yaml:"image"`
			Artifacts struct {
				When    string            `yaml:"when"`
				Paths   []string          `yaml:"paths"`
				Reports map[string]string `yaml:"reports"`
			} `yaml:"artifacts"`
		}
		var top map[string]any
		if err := doc.Decode(&top); err != nil {
			t.Fatal(err)
		}
		delete(top, "variables")
		b, _ := yaml.Marshal(top)
		if err := yaml.Unmarshal(b, &g); err != nil {
			t.Fatal(err)
		}
		job, ok := g["privacyscan"]
		if !ok {
			t.Fatalf("no privacyscan job")
		}
		if len(job.Image.Entrypoint) != 1 || job.Image.Entrypoint[0] != "" {
			t.Errorf("image entrypoint = %q, want [\"\"] (GitLab needs a shell)", job.Image.Entrypoint)
		}
		if job.Artifacts.When != "always" || job.Artifacts.Reports["junit"] == "" || job.Artifacts.Reports["codequality"] == "" {
			t.Errorf("artifacts = %+v, want junit and codequality reports, always", job.Artifacts)
		}
	})

	t.Run("Jenkinsfile", func(t *testing.T) {
		data, err := os.ReadFile(filepath.Join(repoRoot, "docs/ci/Jenkinsfile"))
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"junit ", "archiveArtifacts ", "recordIssues ", "sarif(", "--entrypoint="} {
			if !strings.Contains(string(data), want) {
				t.Errorf("Jenkinsfile lacks %q", want)
			}
		}
		if strings.Count(string(data), "{") != strings.Count(string(data), "}") {
			t.Errorf("Jenkinsfile braces do not balance")
		}
	})

	t.Run("goreleaser", func(t *testing.T) {
		data, err := os.ReadFile(filepath.Join(repoRoot, ".goreleaser.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		var g struct {
			Version int `yaml:"version"`
			Builds  []struct {
				Main    string   `yaml:"main"`
				Env     []string `yaml:"env"`
				Goos    []string `yaml:"goos"`
				Goarch  []string `yaml:"goarch"`
				Ldflags []string `yaml:"ldflags"`
			} `yaml:"builds"`
			Checksum map[string]string `yaml:"checksum"`
		}
		if err := yaml.Unmarshal(data, &g); err != nil {
			t.Fatal(err)
		}
		if g.Version != 2 || len(g.Builds) != 1 {
			t.Fatalf("version %d, %d builds: want goreleaser v2 and one build", g.Version, len(g.Builds))
		}
		b := g.Builds[0]
		if _, err := os.Stat(filepath.Join(repoRoot, b.Main)); err != nil {
			t.Errorf("main %s: %v", b.Main, err)
		}
		if !slices.Contains(b.Env, "CGO_ENABLED=0") {
			t.Errorf("env = %v, want CGO_ENABLED=0", b.Env)
		}
		for _, os := range []string{"linux", "darwin", "windows"} {
			if !slices.Contains(b.Goos, os) {
				t.Errorf("goos = %v, want %s", b.Goos, os)
			}
		}
		for _, arch := range []string{"amd64", "arm64"} {
			if !slices.Contains(b.Goarch, arch) {
				t.Errorf("goarch = %v, want %s", b.Goarch, arch)
			}
		}
		if !strings.Contains(strings.Join(b.Ldflags, " "), versionFlag+"{{.Version}}") {
			t.Errorf("ldflags = %v, want %s{{.Version}}", b.Ldflags, versionFlag)
		}
		if g.Checksum["name_template"] == "" {
			t.Errorf("no checksums")
		}
	})
}

// TestDeliveryVersionLdflag builds privacyscan with the release's -X flag
// and runs `privacyscan version`: the flag only works on a string variable
// without a function-call initialiser, which the code once had.
func TestDeliveryVersionLdflag(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go tool on PATH")
	}
	module, _ := goMod(t)
	bin := filepath.Join(t.TempDir(), "privacyscan")
	build := exec.Command(goTool, "build", "-o", bin, "-ldflags", "-X "+module+"/internal/cli.Version=v0.0.0-delivery", "./cmd/privacyscan")
	build.Dir = repoRoot
	// TestMain points XDG_CACHE_HOME at an empty directory; without it the
	// go tool uses its usual build cache instead of building everything.
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "XDG_CACHE_HOME=") {
			build.Env = append(build.Env, kv)
		}
	}
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out, err := exec.Command(bin, "version").CombinedOutput()
	first, _, _ := strings.Cut(string(out), "\n")
	if err != nil || first != "privacyscan v0.0.0-delivery" {
		t.Errorf("version = %q, %v; want a first line privacyscan v0.0.0-delivery", out, err)
	}
}
