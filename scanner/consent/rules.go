package consent

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

//go:embed rules/*.yaml
var builtinRules embed.FS

// RawRule is a consent platform rule as written in a rule file (YAML, or
// JSON, which is YAML too). Compile turns it into a Rule.
type RawRule struct {
	// ID names the platform in reports (consent.cmp); lower-case, [a-z0-9-].
	ID string `yaml:"id"`
	// Name is the platform's display name.
	Name string `yaml:"name"`
	// URL is the vendor's site, for documentation.
	URL string `yaml:"url"`
	// Detect lists the platform's signatures; any one of them identifies it.
	Detect RawDetect `yaml:"detect"`
	// Banner lists selectors of which one is visible while the first layer
	// is shown; searched through open shadow roots.
	Banner []string `yaml:"banner"`
	// Frame is a regular expression on the URL of the frame that holds the
	// banner (Sourcepoint serves its message in an iframe); empty: any frame.
	Frame string `yaml:"frame"`
	// Accept are the steps of accept-all, normally one click.
	Accept []RawStep `yaml:"accept"`
	// Reject are the steps of a first-layer reject-all; leave empty when the
	// platform has none, and describe the settings path instead.
	Reject []RawStep `yaml:"reject"`
	// Settings are the steps that reject through the settings layer: open
	// it, switch toggles off, save. Used when Reject is empty or its first
	// element is not on the page.
	Settings []RawStep `yaml:"settings"`
	// Verify says how a stored choice shows.
	Verify RawVerify `yaml:"verify"`

	file string
	line int
	// lines are the lines of the fields ("id", "detect.scripts[0]"), for
	// errors that concern a field rather than a step.
	lines map[string]int
}

// RawDetect are a platform's signatures.
type RawDetect struct {
	// Selectors are CSS selectors of elements the platform injects.
	Selectors []string `yaml:"selectors"`
	// Globals are window properties the platform defines, such as "OneTrust".
	Globals []string `yaml:"globals"`
	// Scripts are regular expressions on the URLs of the platform's scripts.
	Scripts []string `yaml:"scripts"`
	// CMPIDs are IAB TCF CMP ids the platform registers (read from __tcfapi).
	CMPIDs []int `yaml:"cmp_ids"`
}

// RawVerify describes the consent record a platform stores.
type RawVerify struct {
	// Cookies are regular expressions on the names of cookies that hold the
	// choice.
	Cookies []string `yaml:"cookies"`
	// Storage are regular expressions on localStorage keys that hold it.
	Storage []string `yaml:"storage"`
}

// RawStep is one action of a rule. Exactly one of Click, Uncheck or WaitFor is
// set; Button may replace the selector of Click with a generic button class.
type RawStep struct {
	// Click is the CSS selector of the element to click.
	Click string `yaml:"click"`
	// Button clicks the banner's button of this class (reject, save,
	// accept_all, accept, settings) found by the generic vocabulary.
	Button string `yaml:"button"`
	// Uncheck is the CSS selector of toggles to switch off: every match that
	// is on and enabled is clicked once. "generic" means any checkbox or
	// switch in the banner.
	Uncheck string `yaml:"uncheck"`
	// WaitFor is a selector to wait for (a layer that opens).
	WaitFor string `yaml:"wait_for"`
	// Text is a regular expression the clicked element's text must match.
	Text string `yaml:"text"`
	// Optional steps are skipped when their element never shows.
	Optional bool `yaml:"optional"`

	line int
}

// UnmarshalYAML records the line of the step for error messages.
func (s *RawStep) UnmarshalYAML(n *yaml.Node) error {
	type plain RawStep
	var p plain
	if n.Kind == yaml.MappingNode {
		// Node.Decode does not inherit KnownFields: check keys here.
		for i := 0; i < len(n.Content); i += 2 {
			k := n.Content[i].Value
			if !slices.Contains([]string{"click", "button", "uncheck", "wait_for", "text", "optional"}, k) {
				return fmt.Errorf("line %d: field %s not found in type consent.RawStep", n.Content[i].Line, k)
			}
		}
	}
	if err := n.Decode(&p); err != nil {
		return err
	}
	*s = RawStep(p)
	s.line = n.Line
	return nil
}

// Rule is a compiled platform rule.
type Rule struct {
	// ID, Name and URL are copied from the rule file.
	ID, Name, URL string
	// File is where the rule came from ("builtin:rules/onetrust.yaml").
	File string
	// Detect are the platform's signatures.
	Detect RawDetect
	// Banner, Frame, Accept, Reject, Settings as in RawRule.
	Banner   []string
	Frame    string
	Accept   []Step
	Reject   []Step
	Settings []Step
	// Verify are the consent record patterns.
	Verify RawVerify

	scripts []*regexp.Regexp
	frameRe *regexp.Regexp
	cookies []*regexp.Regexp
	storage []*regexp.Regexp
}

// Step is a compiled step.
type Step struct {
	Kind     string // "click", "uncheck" or "wait"
	Selector string
	Button   string
	Text     string
	Optional bool
}

var idRe = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// Compile checks a raw rule and returns it compiled. Errors are prefixed with
// the file, line and rule id.
func (r RawRule) Compile() (*Rule, error) {
	where := r.file
	if r.line > 0 {
		where = fmt.Sprintf("%s:%d", r.file, r.line)
	}
	fail := func(line int, format string, args ...any) error {
		if line == 0 {
			// Name the line of the field the message starts with.
			msg := fmt.Sprintf(format, args...)
			field, _, _ := strings.Cut(msg, ":")
			field, _, _ = strings.Cut(field, " ")
			for f := field; f != "" && line == 0; {
				line = r.lines[f]
				if i := strings.LastIndexAny(f, ".["); i > 0 {
					f = f[:i]
				} else {
					f = ""
				}
			}
		}
		w := where
		if line > 0 {
			w = fmt.Sprintf("%s:%d", r.file, line)
		}
		return fmt.Errorf("%s: rule %s: %s", w, r.ID, fmt.Sprintf(format, args...))
	}
	if !idRe.MatchString(r.ID) {
		return nil, fail(0, "id must match %s", idRe)
	}
	if r.Name == "" {
		return nil, fail(0, "name is required")
	}
	d := r.Detect
	if len(d.Selectors)+len(d.Globals)+len(d.Scripts)+len(d.CMPIDs) == 0 {
		return nil, fail(0, "detect needs at least one selector, global, script or cmp_id")
	}
	if len(r.Banner) == 0 {
		return nil, fail(0, "banner needs at least one selector")
	}
	if len(r.Accept) == 0 {
		return nil, fail(0, "accept needs at least one step")
	}
	if len(r.Reject)+len(r.Settings) == 0 {
		return nil, fail(0, "reject or settings needs at least one step")
	}
	out := &Rule{ID: r.ID, Name: r.Name, URL: r.URL, File: r.file, Detect: d, Banner: r.Banner, Frame: r.Frame, Verify: r.Verify}
	var err error
	compileAll := func(field string, pats []string) ([]*regexp.Regexp, error) {
		var res []*regexp.Regexp
		for i, p := range pats {
			re, err := regexp.Compile("(?i)" + p)
			if err != nil {
				return nil, fail(0, "%s[%d]: %v", field, i, err)
			}
			res = append(res, re)
		}
		return res, nil
	}
	if out.scripts, err = compileAll("detect.scripts", d.Scripts); err != nil {
		return nil, err
	}
	if out.cookies, err = compileAll("verify.cookies", r.Verify.Cookies); err != nil {
		return nil, err
	}
	if out.storage, err = compileAll("verify.storage", r.Verify.Storage); err != nil {
		return nil, err
	}
	if r.Frame != "" {
		if out.frameRe, err = regexp.Compile("(?i)" + r.Frame); err != nil {
			return nil, fail(0, "frame: %v", err)
		}
	}
	for _, g := range d.Globals {
		if !regexp.MustCompile(`^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$`).MatchString(g) {
			return nil, fail(0, "detect.globals: %q is not a property path", g)
		}
	}
	steps := func(field string, raw []RawStep) ([]Step, error) {
		var res []Step
		for i, s := range raw {
			st := Step{Selector: s.Click, Button: s.Button, Text: s.Text, Optional: s.Optional}
			n := 0
			if s.Click != "" || s.Button != "" {
				st.Kind = "click"
				n++
			}
			if s.Click != "" && s.Button != "" {
				return nil, fail(s.line, "%s[%d]: click and button are exclusive", field, i)
			}
			if s.Uncheck != "" {
				st.Kind, st.Selector = "uncheck", s.Uncheck
				if s.Uncheck == "generic" {
					st.Selector = ""
				}
				n++
			}
			if s.WaitFor != "" {
				st.Kind, st.Selector = "wait", s.WaitFor
				n++
			}
			if n != 1 {
				return nil, fail(s.line, "%s[%d]: a step needs exactly one of click/button, uncheck, wait_for", field, i)
			}
			if s.Button != "" && !slices.Contains(buttonClasses, s.Button) {
				return nil, fail(s.line, "%s[%d]: button %q is not one of %s", field, i, s.Button, strings.Join(buttonClasses, ", "))
			}
			if s.Text != "" {
				if _, err := regexp.Compile("(?i)" + s.Text); err != nil {
					return nil, fail(s.line, "%s[%d]: text: %v", field, i, err)
				}
			}
			res = append(res, st)
		}
		return res, nil
	}
	if out.Accept, err = steps("accept", r.Accept); err != nil {
		return nil, err
	}
	if out.Reject, err = steps("reject", r.Reject); err != nil {
		return nil, err
	}
	if out.Settings, err = steps("settings", r.Settings); err != nil {
		return nil, err
	}
	return out, nil
}

var yamlLineRe = regexp.MustCompile(`(?s)^(?:yaml: )?(?:unmarshal errors:\s*)?line (\d+): (.*)$`)

// fieldLines records the line of every mapping key and sequence item
// under n, by dotted path.
func fieldLines(n *yaml.Node, path string, out map[string]int) {
	switch n.Kind {
	case yaml.DocumentNode:
		for _, c := range n.Content {
			fieldLines(c, path, out)
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			p := n.Content[i].Value
			if path != "" {
				p = path + "." + p
			}
			out[p] = n.Content[i].Line
			fieldLines(n.Content[i+1], p, out)
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			p := fmt.Sprintf("%s[%d]", path, i)
			out[p] = c.Line
			fieldLines(c, p, out)
		}
	}
}

// ParseRule reads one rule file. name is used in error messages.
func ParseRule(name string, data []byte) (RawRule, error) {
	var r RawRule
	// Unknown fields are errors: a typo in a rule file should fail loudly
	// rather than silently drop a step.
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&r); err != nil {
		// "yaml: line 6: …" and "line 6: field … not found" become
		// "file:6: …", as every other error of a rule file.
		if m := yamlLineRe.FindStringSubmatch(err.Error()); m != nil {
			return r, fmt.Errorf("%s:%s: %s", name, m[1], m[2])
		}
		return r, fmt.Errorf("%s: %w", name, err)
	}
	r.file = name
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) == nil {
		r.lines = map[string]int{}
		fieldLines(&doc, "", r.lines)
	}
	return r, nil
}

// loadRules reads the built-in rules, then each user directory (or file).
func loadRules(dirs []string) ([]*Rule, error) {
	var rules []*Rule
	seen := map[string]string{}
	add := func(name string, data []byte) error {
		raw, err := ParseRule(name, data)
		if err != nil {
			return err
		}
		r, err := raw.Compile()
		if err != nil {
			return err
		}
		if prev, ok := seen[r.ID]; ok {
			// A user rule replaces the built-in one of the same id.
			if strings.HasPrefix(prev, "builtin:") && !strings.HasPrefix(name, "builtin:") {
				rules = slices.DeleteFunc(rules, func(x *Rule) bool { return x.ID == r.ID })
			} else {
				return fmt.Errorf("%s: rule %s: id already defined in %s", name, r.ID, prev)
			}
		}
		seen[r.ID] = name
		rules = append(rules, r)
		return nil
	}
	entries, err := fs.ReadDir(builtinRules, "rules")
	if err != nil {
		return nil, fmt.Errorf("reading built-in rules: %w", err)
	}
	for _, e := range entries {
		data, err := builtinRules.ReadFile("rules/" + e.Name())
		if err != nil {
			return nil, fmt.Errorf("reading built-in rule %s: %w", e.Name(), err)
		}
		if err := add("builtin:rules/"+e.Name(), data); err != nil {
			return nil, err
		}
	}
	for _, dir := range dirs {
		files, err := ruleFiles(dir)
		if err != nil {
			return nil, err
		}
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				return nil, fmt.Errorf("reading consent rule: %w", err)
			}
			if err := add(f, data); err != nil {
				return nil, err
			}
		}
	}
	return rules, nil
}

// ruleFiles lists the rule files of a directory, or the path itself when it
// is a file.
func ruleFiles(path string) ([]string, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("reading consent rules: %w", err)
	}
	if !st.IsDir() {
		return []string{path}, nil
	}
	var files []string
	for _, pat := range []string{"*.yaml", "*.yml", "*.json"} {
		m, err := filepath.Glob(filepath.Join(path, pat))
		if err != nil {
			return nil, fmt.Errorf("listing consent rules: %w", err)
		}
		files = append(files, m...)
	}
	slices.Sort(files)
	if len(files) == 0 {
		return nil, fmt.Errorf("reading consent rules: %w", errors.New(path+" has no .yaml, .yml or .json file"))
	}
	return files, nil
}
