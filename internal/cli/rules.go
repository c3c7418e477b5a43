package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/privacyscan/privacyscan/internal/config"
	"github.com/privacyscan/privacyscan/reports"
	"github.com/privacyscan/privacyscan/scanner/model"

	"github.com/spf13/pflag"

	"github.com/privacyscan/privacyscan/rules"
)

// ruleFormats are the --format values of the rules command.
var ruleFormats = []string{"table", "json", "markdown"}

// rulesOptions are the rules command's flags, validated.
type rulesOptions struct {
	Format       string
	Jurisdiction string
	Config       *model.Config
	Output       string
	// Width is the terminal's width the table keeps within (COLUMNS).
	Width int
}

// runRules lists the rule catalogue, with the severities that apply in a
// jurisdiction and under a configuration (whose custom rules are listed too).
func runRules(ctx context.Context, env *Env, args []string) error {
	fs := pflag.NewFlagSet("rules", pflag.ContinueOnError)
	format := fs.String("format", "table", "output format: "+strings.Join(ruleFormats, ", "))
	jurisdiction := fs.String("jurisdiction", rules.DefaultJurisdiction, "show severities in this jurisdiction: "+strings.Join(rules.Jurisdictions(), ", "))
	configPath := fs.String("config", "", "configuration `FILE` whose severities and custom rules to show (default: .privacyscan.yaml in the working directory, as scan reads it)")
	output := fs.StringP("output", "o", "", "write to `FILE` (atomically) instead of standard output")
	// PRIVACYSCAN_FORMAT and PRIVACYSCAN_OUTPUT are a scan report's.
	localFlags(fs, "format", "output")
	helped, err := parseFlags(env, fs, "rules", args, func(w io.Writer, usages string) {
		fmt.Fprintf(w, "Usage: privacyscan rules [flags]\n\nLists the rule catalogue.\n\n%s\nExit codes: 0 listed, 2 usage or configuration error, 4 the output cannot be written.\n", usages)
	})
	if helped || err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("rules: unexpected argument %q", fs.Arg(0))
	}
	o := rulesOptions{Format: strings.ToLower(*format), Jurisdiction: strings.ToLower(*jurisdiction), Output: *output}
	if !slices.Contains(ruleFormats, o.Format) {
		return usagef("rules: --format %q: want one of %s", *format, strings.Join(ruleFormats, ", "))
	}
	if err := rules.CheckJurisdiction(o.Jurisdiction); err != nil {
		return blameEnv(fs, usagef("rules: --jurisdiction: %v", err))
	}
	if err := checkOutputPath(o.Output); err != nil {
		return err
	}
	// The same file scan would judge with: --config, else .privacyscan.yaml
	// in the working directory, with the same errors.
	path := *configPath
	if path == "" {
		if p, ok := config.Find("."); ok {
			path = p
		}
	}
	if path != "" {
		cfg, err := loadConfig(path)
		if err != nil {
			return &UsageError{Err: err}
		}
		o.Config = cfg
	}
	if o.Output == "" || o.Output == "-" {
		o.Width = columns(env)
	}
	return emit(env, o.Output, func(w io.Writer) error { return writeRules(w, o) })
}

// listedRule is one rule as the command shows it.
type listedRule struct {
	rules.Rule
	// Effective is the severity in the chosen jurisdiction under the
	// configuration, or "off".
	Effective string `json:"effective_severity"`
}

// listRules returns the built-in rules, then the configuration's custom
// ones, with their effective severities.
func listRules(o rulesOptions) []listedRule {
	var out []listedRule
	for _, r := range rules.CatalogueWith(o.Config) {
		eff := r.SeverityIn(o.Jurisdiction)
		if o.Config != nil {
			if s, ok := o.Config.Rules[r.ID]; ok {
				eff = s.Severity
				if s.Off {
					eff = model.SeverityOff
				}
			}
		}
		out = append(out, listedRule{Rule: r, Effective: eff})
	}
	return out
}

func writeRules(w io.Writer, o rulesOptions) error {
	list := listRules(o)
	switch o.Format {
	case "json":
		doc := struct {
			Jurisdiction string       `json:"jurisdiction"`
			Rules        []listedRule `json:"rules"`
		}{o.Jurisdiction, list}
		if doc.Rules == nil {
			doc.Rules = []listedRule{}
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(doc)
	case "markdown":
		rs := make([]rules.Rule, len(list))
		for i, r := range list {
			rs[i] = r.Rule
		}
		return rules.WriteMarkdown(w, rs)
	case "table":
		tb := reports.NewFitTable(w, 70, o.Width)
		tb.Header("Rule", "Severity ("+o.Jurisdiction+")", "Title")
		for _, r := range list {
			id := r.ID
			if r.Custom {
				id += " (custom)"
			}
			if err := tb.Append(id, r.Effective, r.Title); err != nil {
				return fmt.Errorf("rendering rules: %w", err)
			}
		}
		if err := tb.Render(); err != nil {
			return fmt.Errorf("rendering rules: %w", err)
		}
		_, err := fmt.Fprintf(w, "%d rules. Details: privacyscan rules --format markdown (or docs/rules.md).\n", len(list))
		return err
	}
	return errors.New("unreachable format " + o.Format)
}
