package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// The Kubernetes manifests of docs/k8s run privacyscan in containers
// nothing starts here. These tests parse every manifest and check each
// privacyscan command line (a container's command and args, or the args of
// the privacyscan image, whose entrypoint is privacyscan; sh -c scripts
// too), each PRIVACYSCAN_* variable (it must set a flag of the command, or
// be PRIVACYSCAN_SHARDS), and each $(VAR) of the args (Kubernetes expands
// only variables the container declares).

// k8sVarRe is a Kubernetes $(VAR) reference.
var k8sVarRe = regexp.MustCompile(`\$\(([A-Za-z_][A-Za-z0-9_]*)\)`)

// k8sProblems checks the YAML documents of one manifest file; found counts
// the privacyscan command lines.
func k8sProblems(spec *cliSpec, name string, data []byte) (problems []string, found int, err error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	for {
		var doc yaml.Node
		if err := dec.Decode(&doc); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return nil, 0, fmt.Errorf("%s: %w", name, err)
		}
		for _, c := range k8sContainers(&doc) {
			p, n := checkContainer(spec, name, c)
			problems = append(problems, p...)
			found += n
		}
	}
	return problems, found, nil
}

// k8sContainers returns the container mappings of a document: the items
// of every "containers" and "initContainers" list.
func k8sContainers(n *yaml.Node) []*yaml.Node {
	var out []*yaml.Node
	switch n.Kind {
	case yaml.DocumentNode, yaml.SequenceNode:
		for _, c := range n.Content {
			out = append(out, k8sContainers(c)...)
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i].Value, n.Content[i+1]
			if (k == "containers" || k == "initContainers") && v.Kind == yaml.SequenceNode {
				out = append(out, v.Content...)
				continue
			}
			out = append(out, k8sContainers(v)...)
		}
	}
	return out
}

// field returns a mapping's value for key, nil when absent.
func field(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// scalars returns the values of a list of scalars.
func scalars(n *yaml.Node) []string {
	if n == nil {
		return nil
	}
	var out []string
	for _, c := range n.Content {
		out = append(out, c.Value)
	}
	return out
}

func checkContainer(spec *cliSpec, file string, c *yaml.Node) (problems []string, found int) {
	where := fmt.Sprintf("%s:%d", file, c.Line)
	image := ""
	if n := field(c, "image"); n != nil {
		image = n.Value
	}
	command, args := scalars(field(c, "command")), scalars(field(c, "args"))
	declared := map[string]bool{}
	var envs []string
	if env := field(c, "env"); env != nil {
		for _, e := range env.Content {
			if n := field(e, "name"); n != nil {
				declared[n.Value] = true
				envs = append(envs, n.Value)
			}
		}
	}
	var invs []invocation
	switch {
	case len(command) > 0 && command[0] == "privacyscan":
		invs = []invocation{{where: where, args: append(command[1:], args...)}}
	case len(command) > 0 && (command[0] == "sh" || command[0] == "/bin/sh" || command[0] == "bash"):
		script := strings.Join(append(command[1:], args...), "\n")
		invs = invocationsIn(file, script)
		for i := range invs {
			invs[i].where = where
		}
	case len(command) == 0 && strings.Contains(image, "/privacyscan"):
		invs = []invocation{{where: where, args: args}}
	}
	if len(invs) == 0 {
		return nil, 0
	}
	cmd := ""
	for _, inv := range invs {
		problems = append(problems, spec.check(inv)...)
		if len(inv.args) > 0 && cmd == "" {
			cmd = inv.args[0]
		}
	}
	for _, a := range append(command, args...) {
		for _, m := range k8sVarRe.FindAllStringSubmatch(a, -1) {
			if !declared[m[1]] {
				problems = append(problems, fmt.Sprintf("%s: $(%s) is not a variable of the container: Kubernetes leaves it as it is", where, m[1]))
			}
		}
	}
	for _, e := range envs {
		rest, ok := strings.CutPrefix(e, envPrefix)
		if !ok || e == shardEnvTotal {
			continue
		}
		flag := "--" + strings.ToLower(strings.ReplaceAll(rest, "_", "-"))
		if !spec.flags[cmd][flag] {
			problems = append(problems, fmt.Sprintf("%s: %s sets no flag of privacyscan %s (no %s)", where, e, cmd, flag))
		}
	}
	return problems, len(invs)
}

// TestKubernetesManifests checks docs/k8s/*.yaml against the CLI.
func TestKubernetesManifests(t *testing.T) {
	spec := buildCLISpec(t)
	files, err := filepath.Glob(filepath.Join(repoRoot, "docs/k8s/*.yaml"))
	if err != nil || len(files) < 3 {
		t.Fatalf("docs/k8s manifests: %v %v", files, err)
	}
	found := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		problems, n, err := k8sProblems(spec, filepath.Base(f), data)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range problems {
			t.Error(p)
		}
		found += n
	}
	if found < 3 {
		t.Errorf("%d privacyscan command lines in docs/k8s, want at least 3 (scan, merge, report): is the parser still finding them?", found)
	}
	// docs/scale.md, which explains them, is checked as docs/ci.md is.
	invs := markdownInvocations(t, filepath.Join(repoRoot, "docs/scale.md"))
	if len(invs) < 2 {
		t.Errorf("docs/scale.md: %d privacyscan command lines found, want at least 2", len(invs))
	}
	for _, inv := range invs {
		for _, p := range spec.check(inv) {
			t.Error(p)
		}
	}
}

// TestKubernetesCheckerFails proves the check above can fail.
func TestKubernetesCheckerFails(t *testing.T) {
	spec := buildCLISpec(t)
	const job = `apiVersion: batch/v1
kind: Job
spec:
  template:
    spec:
      containers:
        - name: scan
          image: ghcr.io/privacyscan/privacyscan:v1
          args: [scan, %s, -o, /r/$(%s).jsonl]
          env:
            - name: JOB_COMPLETION_INDEX
            - name: %s
`
	tests := []struct {
		name             string
		flag, vr, envVar string
		want             string
	}{
		{"good", "--sites-parallel=2", "JOB_COMPLETION_INDEX", "PRIVACYSCAN_BROWSER_URL", ""},
		{"unknown flag", "--sites-paralel=2", "JOB_COMPLETION_INDEX", "PRIVACYSCAN_PAGES", "unknown flag --sites-paralel"},
		{"undeclared variable", "--pages=2", "JOB_INDEX", "PRIVACYSCAN_PAGES", "$(JOB_INDEX) is not a variable"},
		{"variable of no flag", "--pages=2", "JOB_COMPLETION_INDEX", "PRIVACYSCAN_BROWSER_URLS", "PRIVACYSCAN_BROWSER_URLS sets no flag"},
		{"shards total", "--shard=auto", "JOB_COMPLETION_INDEX", "PRIVACYSCAN_SHARDS", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			problems, found, err := k8sProblems(spec, "fake.yaml", []byte(fmt.Sprintf(job, tt.flag, tt.vr, tt.envVar)))
			if err != nil || found != 1 {
				t.Fatalf("found %d, err %v", found, err)
			}
			got := strings.Join(problems, "\n")
			if (tt.want == "") != (got == "") || !strings.Contains(got, tt.want) {
				t.Errorf("problems = %q, want %q", got, tt.want)
			}
		})
	}
}
