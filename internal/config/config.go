// Package config reads .privacyscan.yaml: the site's own first-party domains,
// vendors and cookies the auditor accepts, consent selectors, per-rule
// severities, custom declarative rules and suppressions.
//
// Loading happens in two stages, as gitleaks and nuclei do: the file is decoded
// strictly into raw structs, then each part is compiled and validated. Every
// problem is reported with the file, the line and what is wrong; user input
// never causes a panic.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/privacyscan/privacyscan/scanner/model"
	"go.yaml.in/yaml/v3"
)

// FileNames are the names Find looks for, in order.
var FileNames = []string{".privacyscan.yaml", ".privacyscan.yml"}

// Find returns the configuration file in dir, if there is one.
func Find(dir string) (string, bool) {
	for _, name := range FileNames {
		p := filepath.Join(dir, name)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p, true
		}
	}
	return "", false
}

// Load reads and validates the configuration at path. Every problem is an
// *Error (joined with errors.Join when there are several) naming the file and
// line.
func Load(path string) (*model.Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &model.ConfigError{File: path, Msg: fmt.Sprintf("reading configuration: %v", err)}
	}
	return Parse(path, data)
}

// Parse validates configuration data; name is used in error messages.
func Parse(name string, data []byte) (*model.Config, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, yamlError(name, err)
	}
	var r raw
	if len(bytes.TrimSpace(data)) > 0 {
		dec := yaml.NewDecoder(bytes.NewReader(data))
		dec.KnownFields(true)
		if err := dec.Decode(&r); err != nil && !errors.Is(err, io.EOF) {
			return nil, yamlError(name, err)
		}
	}
	c := compiler{file: name, root: &root}
	cfg := c.compile(&r)
	if len(c.errs) > 0 {
		return nil, errors.Join(c.errs...)
	}
	cfg.Path = name
	return cfg, nil
}

// raw mirrors the file; the first stage decodes into it strictly.
type raw struct {
	FirstParty []string `yaml:"first_party"`
	Allow      struct {
		Vendors []struct {
			Vendor string `yaml:"vendor"`
			Reason string `yaml:"reason"`
		} `yaml:"vendors"`
		Cookies []struct {
			Name   string `yaml:"name"`
			Domain string `yaml:"domain"`
			Reason string `yaml:"reason"`
		} `yaml:"cookies"`
	} `yaml:"allow"`
	Consent struct {
		Accept   string `yaml:"accept"`
		Reject   string `yaml:"reject"`
		Settings string `yaml:"settings"`
	} `yaml:"consent"`
	Rules       map[string]string `yaml:"rules"`
	CustomRules []struct {
		ID              string   `yaml:"id"`
		Title           string   `yaml:"title"`
		Severity        string   `yaml:"severity"`
		Host            string   `yaml:"host"`
		Never           []string `yaml:"never"`
		Cookie          string   `yaml:"cookie"`
		Domain          string   `yaml:"domain"`
		Require         []string `yaml:"require"`
		MaxLifetimeDays float64  `yaml:"max_lifetime_days"`
	} `yaml:"custom_rules"`
	Suppressions []struct {
		Rule        string `yaml:"rule"`
		URL         string `yaml:"url"`
		Subject     string `yaml:"subject"`
		Fingerprint string `yaml:"fingerprint"`
		Reason      string `yaml:"reason"`
		Expires     string `yaml:"expires"`
	} `yaml:"suppressions"`
}

var lineRE = regexp.MustCompile(`line (\d+): (.*)`)

// yamlError turns a yaml.v3 error into *Errors with lines.
func yamlError(name string, err error) error {
	var msgs []string
	var te *yaml.TypeError
	if errors.As(err, &te) {
		msgs = te.Errors
	} else {
		msgs = []string{strings.TrimPrefix(err.Error(), "yaml: ")}
	}
	var errs []error
	for _, m := range msgs {
		e := &model.ConfigError{File: name, Msg: m}
		if sm := lineRE.FindStringSubmatch(m); sm != nil {
			e.Line, _ = strconv.Atoi(sm[1])
			e.Msg = strings.Replace(sm[2], "in type config.raw", "", 1)
			e.Msg = strings.TrimSpace(regexp.MustCompile(`in type struct \{[^\n]*\}`).ReplaceAllString(e.Msg, ""))
		}
		errs = append(errs, e)
	}
	return errors.Join(errs...)
}

type compiler struct {
	file string
	root *yaml.Node
	errs []error
}

// errorf records a problem at the node found by following keys (string map
// keys or int sequence indexes) from the document root.
func (c *compiler) errorf(at []any, format string, args ...any) {
	c.errs = append(c.errs, &model.ConfigError{File: c.file, Line: c.line(at...), Msg: fmt.Sprintf(format, args...)})
}

// line finds the line of the node at the path; it falls back to the deepest
// node found.
func (c *compiler) line(at ...any) int {
	n := c.root
	if n == nil {
		return 0
	}
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	line := n.Line
	for _, step := range at {
		var next *yaml.Node
		switch s := step.(type) {
		case string:
			if n.Kind == yaml.MappingNode {
				for i := 0; i+1 < len(n.Content); i += 2 {
					if n.Content[i].Value == s {
						line = n.Content[i].Line
						next = n.Content[i+1]
						break
					}
				}
			}
		case int:
			if n.Kind == yaml.SequenceNode && s < len(n.Content) {
				next = n.Content[s]
			}
		}
		if next == nil {
			return line
		}
		n = next
		if n.Kind != yaml.MappingNode && n.Kind != yaml.SequenceNode {
			line = n.Line
		} else if _, isIdx := step.(int); isIdx {
			line = n.Line
		}
	}
	return line
}

var (
	ruleIDRE = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)
	dateRE   = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
)

func (c *compiler) compile(r *raw) *model.Config {
	cfg := &model.Config{Rules: map[string]model.RuleSetting{}}
	for i, d := range r.FirstParty {
		d = strings.ToLower(strings.TrimSpace(d))
		if !validHostPattern(d) {
			c.errorf([]any{"first_party", i}, "first_party: %q is not a domain (write shop-cdn.example, without scheme or path)", d)
			continue
		}
		cfg.FirstParty = append(cfg.FirstParty, d)
	}
	for i, v := range r.Allow.Vendors {
		at := []any{"allow", "vendors", i}
		switch {
		case strings.TrimSpace(v.Vendor) == "":
			c.errorf(at, "allow.vendors: vendor is required")
		case strings.TrimSpace(v.Reason) == "":
			c.errorf(at, "allow.vendors: %q needs a reason", v.Vendor)
		default:
			cfg.Allow.Vendors = append(cfg.Allow.Vendors, model.AllowedVendor{Vendor: strings.TrimSpace(v.Vendor), Reason: v.Reason, Line: c.line(at...)})
		}
	}
	for i, ck := range r.Allow.Cookies {
		at := []any{"allow", "cookies", i}
		switch {
		case ck.Name == "":
			c.errorf(at, "allow.cookies: name is required")
		case !validGlob(ck.Name):
			c.errorf(append(at, "name"), "allow.cookies: %q is not a valid pattern", ck.Name)
		case ck.Domain != "" && !validHostPattern(strings.ToLower(ck.Domain)):
			c.errorf(append(at, "domain"), "allow.cookies: domain %q is not a domain pattern", ck.Domain)
		case strings.TrimSpace(ck.Reason) == "":
			c.errorf(at, "allow.cookies: %q needs a reason", ck.Name)
		default:
			cfg.Allow.Cookies = append(cfg.Allow.Cookies, model.AllowedCookie{Name: ck.Name, Domain: strings.ToLower(ck.Domain), Reason: ck.Reason, Line: c.line(at...)})
		}
	}
	cfg.Consent = model.ConsentSelectors{Accept: r.Consent.Accept, Reject: r.Consent.Reject, Settings: r.Consent.Settings}
	for id, v := range r.Rules {
		at := []any{"rules", id}
		v = strings.ToLower(strings.TrimSpace(v))
		switch {
		case v == model.SeverityOff:
			cfg.Rules[id] = model.RuleSetting{Off: true, Line: c.line(at...)}
		case contains(model.Severities, v):
			cfg.Rules[id] = model.RuleSetting{Severity: v, Line: c.line(at...)}
		default:
			c.errorf(at, "rules.%s: %q is not a severity (want %s or off)", id, v, strings.Join(model.Severities, ", "))
		}
	}
	seen := map[string]bool{}
	for i, cr := range r.CustomRules {
		at := []any{"custom_rules", i}
		prefix := fmt.Sprintf("custom_rules[%d]", i)
		if cr.ID != "" {
			prefix = "custom rule " + cr.ID
		}
		ok := true
		bad := func(field string, format string, args ...any) {
			ok = false
			where := at
			if field != "" {
				where = append(append([]any{}, at...), field)
			}
			c.errorf(where, prefix+": "+format, args...)
		}
		switch {
		case cr.ID == "":
			bad("", "id is required")
		case !ruleIDRE.MatchString(cr.ID):
			bad("id", "id must be lower-case letters, digits and dashes")
		case seen[cr.ID]:
			bad("id", "id is used twice")
		}
		seen[cr.ID] = true
		sev := strings.ToLower(cr.Severity)
		if sev == "" {
			sev = "medium"
		} else if !contains(model.Severities, sev) {
			bad("severity", "severity %q is not one of %s", cr.Severity, strings.Join(model.Severities, ", "))
		}
		host := strings.ToLower(strings.TrimSpace(cr.Host))
		never := cr.Never
		switch {
		case host != "" && cr.Cookie != "":
			bad("", "set host or cookie, not both")
		case host == "" && cr.Cookie == "":
			bad("", "set host (a host that must never be contacted) or cookie (a cookie pattern with requirements)")
		case host != "":
			if !validHostPattern(host) {
				bad("host", "host %q is not a host pattern", cr.Host)
			}
			if len(cr.Require) > 0 || cr.MaxLifetimeDays != 0 || cr.Domain != "" {
				bad("", "require, domain and max_lifetime_days belong to cookie rules")
			}
			if len(never) == 0 {
				never = []string{"before-consent"}
			}
			for _, p := range never {
				if !contains(model.AllPhases, p) {
					bad("never", "phase %q is not one of %s", p, strings.Join(model.AllPhases, ", "))
				}
			}
		default:
			if !validGlob(cr.Cookie) {
				bad("cookie", "cookie %q is not a valid pattern", cr.Cookie)
			}
			if cr.Domain != "" && !validHostPattern(strings.ToLower(cr.Domain)) {
				bad("domain", "domain %q is not a domain pattern", cr.Domain)
			}
			if len(cr.Never) > 0 {
				bad("never", "never belongs to host rules")
			}
			for _, q := range cr.Require {
				if !contains(model.CookieRequirements, q) {
					bad("require", "requirement %q is not one of %s", q, strings.Join(model.CookieRequirements, ", "))
				}
			}
			if cr.MaxLifetimeDays < 0 {
				bad("max_lifetime_days", "max_lifetime_days must be positive")
			}
			if len(cr.Require) == 0 && cr.MaxLifetimeDays == 0 {
				bad("", "a cookie rule needs require or max_lifetime_days")
			}
		}
		if !ok {
			continue
		}
		title := cr.Title
		if title == "" {
			if host != "" {
				title = fmt.Sprintf("%s is never contacted in %s", host, strings.Join(never, ", "))
			} else {
				title = fmt.Sprintf("Cookies %s meet the site's requirements", cr.Cookie)
			}
		}
		out := model.CustomRule{ID: cr.ID, Title: title, Severity: sev, Line: c.line(at...)}
		if host != "" {
			out.Host, out.Never = host, never
		} else {
			out.Cookie, out.Domain, out.Require, out.MaxLifetimeDays = cr.Cookie, strings.ToLower(cr.Domain), cr.Require, cr.MaxLifetimeDays
		}
		cfg.CustomRules = append(cfg.CustomRules, out)
	}
	for i, s := range r.Suppressions {
		at := []any{"suppressions", i}
		ok := true
		bad := func(field, format string, args ...any) {
			ok = false
			where := at
			if field != "" {
				where = append(append([]any{}, at...), field)
			}
			c.errorf(where, "suppressions[%d]: "+format, append([]any{i}, args...)...)
		}
		if s.Rule == "" {
			bad("", "rule is required")
		}
		if strings.TrimSpace(s.Reason) == "" {
			bad("", "reason is required: say why the finding is accepted")
		}
		if s.Subject != "" && !validGlob(s.Subject) {
			bad("subject", "subject %q is not a valid pattern", s.Subject)
		}
		var exp time.Time
		if s.Expires != "" {
			t, err := time.Parse("2006-01-02", s.Expires)
			if !dateRE.MatchString(s.Expires) || err != nil {
				bad("expires", "expires %q is not a date (YYYY-MM-DD)", s.Expires)
			} else {
				exp = t.AddDate(0, 0, 1)
			}
		}
		if !ok {
			continue
		}
		cfg.Suppressions = append(cfg.Suppressions, model.Suppression{
			Rule: s.Rule, URL: s.URL, Subject: s.Subject, Fingerprint: s.Fingerprint,
			Reason: s.Reason, Expires: s.Expires, ExpiresAt: exp, Line: c.line(at...),
		})
	}
	return cfg
}

func validGlob(p string) bool {
	_, err := path.Match(p, "")
	return err == nil && strings.TrimSpace(p) != ""
}

var hostRE = regexp.MustCompile(`^(\*\.)?[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*$`)

func validHostPattern(h string) bool { return hostRE.MatchString(h) }

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
