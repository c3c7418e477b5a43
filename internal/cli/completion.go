package cli

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/spf13/pflag"

	"github.com/privacyscan/privacyscan/reports"
	"github.com/privacyscan/privacyscan/rules"
	"github.com/privacyscan/privacyscan/scanner/model"
)

// completionShells are the shells 'privacyscan completion' writes for.
var completionShells = []string{"bash", "zsh", "fish"}

func runCompletion(ctx context.Context, env *Env, args []string) error {
	fs := pflag.NewFlagSet("completion", pflag.ContinueOnError)
	helped, err := parseFlags(env, fs, "completion", args, func(w io.Writer, usages string) {
		fmt.Fprintf(w, `Usage: privacyscan completion bash|zsh|fish

Prints a completion script for the shell: commands, their flags and the values of
--format, --fail-on, --severity, --jurisdiction and --phases.

  bash:  source <(privacyscan completion bash)     (or save it in /etc/bash_completion.d/privacyscan)
  zsh:   privacyscan completion zsh > "${fpath[1]}/_privacyscan"
  fish:  privacyscan completion fish > ~/.config/fish/completions/privacyscan.fish

%s
Exit codes: 0 printed, 2 usage error.
`, usages)
	})
	if helped || err != nil {
		return err
	}
	if fs.NArg() != 1 || !contains(completionShells, fs.Arg(0)) {
		return usagef("completion: want one shell: %s", strings.Join(completionShells, ", "))
	}
	cmds := completionCommands(ctx)
	switch fs.Arg(0) {
	case "bash":
		return writeBashCompletion(env.Stdout, cmds)
	case "zsh":
		return writeZshCompletion(env.Stdout, cmds)
	default:
		return writeFishCompletion(env.Stdout, cmds)
	}
}

// compCommand is a command (or "db lookup") as a completion script sees it.
type compCommand struct {
	name    string // "scan", "db lookup"
	summary string
	flags   []compFlag
}

// compFlag is one flag: its names, what it takes, a one-line description.
type compFlag struct {
	name, short string
	takesValue  bool
	repeatable  bool
	file        bool     // its value is a path
	values      []string // the values it takes, when they are a list
	desc        string
}

// completionCommands asks each command of the registry (and each db
// subcommand) for its flag set, without running it: parseFlags hands the
// set to env.onFlags instead of parsing.
func completionCommands(ctx context.Context) []compCommand {
	var out []compCommand
	collect := func(name, summary string, run func(context.Context, *Env, []string) error, args []string) {
		c := compCommand{name: name, summary: summary}
		env := &Env{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: io.Discard,
			onFlags: func(_ string, fs *pflag.FlagSet) { c.flags = compFlags(name, fs) }}
		_ = run(ctx, env, args)
		out = append(out, c)
	}
	for _, c := range commands() {
		collect(c.name, c.summary, c.run, []string{"--help"})
		if c.name == "db" {
			for _, sub := range dbCommands {
				collect("db "+sub, "", c.run, []string{sub, "--help"})
			}
		}
	}
	return out
}

// compFlags lists a flag set's flags for completion, sorted by name.
func compFlags(cmd string, fs *pflag.FlagSet) []compFlag {
	var out []compFlag
	fs.VisitAll(func(f *pflag.Flag) {
		varname, usage := pflag.UnquoteUsage(f)
		if i := strings.Index(usage, " [$"); i >= 0 {
			usage = usage[:i]
		}
		cf := compFlag{name: f.Name, short: f.Shorthand, takesValue: f.Value.Type() != "bool", repeatable: repeatable(f), desc: usage,
			values: flagValues(cmd, f.Name)}
		cf.file = cf.takesValue && cf.values == nil && (strings.Contains(varname, "FILE") || strings.Contains(varname, "DIR") || varname == "REPORT")
		out = append(out, cf)
	})
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out
}

// flagValues are the values of the flags that take one of a list.
func flagValues(cmd, flag string) []string {
	switch flag {
	case "format":
		switch cmd {
		case "scan", "demo", "report", "merge":
			return reports.Formats()
		case "rules":
			return ruleFormats
		case "policy":
			return policyFormats
		case "version":
			return versionFormats
		case "verify":
			return verifyFormats
		}
		if strings.HasPrefix(cmd, "db ") {
			return dbFormats
		}
	case "fail-on":
		return append(append([]string{}, model.Severities...), "none")
	case "severity":
		return model.Severities
	case "jurisdiction":
		return rules.Jurisdictions()
	case "phases":
		return model.AllPhases
	case "kind":
		return lookupKinds
	}
	return nil
}

// topLevel is the first word's choices: the commands and help.
func topLevel(cmds []compCommand) []compCommand {
	var out []compCommand
	for _, c := range cmds {
		if !strings.Contains(c.name, " ") {
			out = append(out, c)
		}
	}
	return append(out, compCommand{name: "help", summary: "show the help of a command"})
}

func names(cmds []compCommand) string {
	var n []string
	for _, c := range cmds {
		n = append(n, c.name)
	}
	return strings.Join(n, " ")
}

func writeBashCompletion(w io.Writer, cmds []compCommand) error {
	var b strings.Builder
	top := topLevel(cmds)
	b.WriteString("# bash completion for privacyscan: source <(privacyscan completion bash)\n")
	b.WriteString("_privacyscan() {\n")
	b.WriteString("    local cur prev cmd flags values\n")
	b.WriteString("    cur=\"${COMP_WORDS[COMP_CWORD]}\"\n")
	b.WriteString("    prev=\"${COMP_WORDS[COMP_CWORD-1]}\"\n")
	fmt.Fprintf(&b, "    if [[ $COMP_CWORD -eq 1 ]]; then\n        COMPREPLY=($(compgen -W %q -- \"$cur\"))\n        return\n    fi\n", names(top))
	b.WriteString("    cmd=\"${COMP_WORDS[1]}\"\n")
	fmt.Fprintf(&b, "    if [[ $cmd == help ]]; then\n        [[ $COMP_CWORD -eq 2 ]] && COMPREPLY=($(compgen -W %q -- \"$cur\"))\n        return\n    fi\n", names(top[:len(top)-1]))
	fmt.Fprintf(&b, "    if [[ $cmd == db ]]; then\n        if [[ $COMP_CWORD -eq 2 ]]; then\n            COMPREPLY=($(compgen -W %q -- \"$cur\"))\n            return\n        fi\n        cmd=\"db ${COMP_WORDS[2]}\"\n    fi\n", strings.Join(dbCommands, " "))
	b.WriteString("    case \"$cmd\" in\n")
	for _, c := range cmds {
		var fl []string
		for _, f := range c.flags {
			fl = append(fl, "--"+f.name)
			if f.short != "" {
				fl = append(fl, "-"+f.short)
			}
		}
		fmt.Fprintf(&b, "        %q) flags=%q ;;\n", c.name, strings.Join(fl, " "))
	}
	b.WriteString("    esac\n")
	b.WriteString("    case \"$cmd:$prev\" in\n")
	for _, c := range cmds {
		for _, f := range c.flags {
			if f.values != nil {
				fmt.Fprintf(&b, "        %q) values=%q ;;\n", c.name+":--"+f.name, strings.Join(f.values, " "))
			}
		}
	}
	b.WriteString("    esac\n")
	b.WriteString("    if [[ -n $values ]]; then\n        COMPREPLY=($(compgen -W \"$values\" -- \"$cur\"))\n        return\n    fi\n")
	b.WriteString("    if [[ $cur == -* ]]; then\n        COMPREPLY=($(compgen -W \"$flags\" -- \"$cur\"))\n    fi\n")
	b.WriteString("}\n")
	b.WriteString("complete -o default -F _privacyscan privacyscan\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// zshQuote quotes s for a single-quoted zsh word.
func zshQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

// zshDesc escapes a description for an _arguments spec or _describe item.
func zshDesc(s string) string {
	return strings.NewReplacer(`\`, `\\`, "[", `\[`, "]", `\]`, ":", `\:`, "\n", " ").Replace(s)
}

func writeZshCompletion(w io.Writer, cmds []compCommand) error {
	var b strings.Builder
	top := topLevel(cmds)
	b.WriteString("#compdef privacyscan\n# zsh completion for privacyscan: privacyscan completion zsh > \"${fpath[1]}/_privacyscan\"\n\n")
	b.WriteString("_privacyscan() {\n    local -a commands subs\n    commands=(\n")
	for _, c := range top {
		fmt.Fprintf(&b, "        %s\n", zshQuote(c.name+":"+zshDesc(c.summary)))
	}
	b.WriteString("    )\n")
	b.WriteString("    if (( CURRENT == 2 )); then\n        _describe -t commands 'privacyscan command' commands\n        return\n    fi\n")
	b.WriteString("    local cmd=$words[2]\n")
	b.WriteString("    if [[ $cmd == help ]]; then\n        (( CURRENT == 3 )) && _describe -t commands 'privacyscan command' commands\n        return\n    fi\n")
	fmt.Fprintf(&b, "    if [[ $cmd == db ]]; then\n        if (( CURRENT == 3 )); then\n            subs=(%s)\n            _describe -t commands 'db command' subs\n            return\n        fi\n        cmd=\"db $words[3]\"\n        shift 2 words\n        (( CURRENT -= 2 ))\n    else\n        shift words\n        (( CURRENT-- ))\n    fi\n", strings.Join(dbCommands, " "))
	b.WriteString("    case $cmd in\n")
	for _, c := range cmds {
		fmt.Fprintf(&b, "        (%s)\n            _arguments -s \\\n", zshQuote(c.name))
		for _, f := range c.flags {
			spec := "[" + zshDesc(f.desc) + "]"
			if f.takesValue {
				switch {
				case f.values != nil:
					spec += ":" + f.name + ":(" + strings.Join(f.values, " ") + ")"
				case f.file:
					spec += ":" + f.name + ":_files"
				default:
					spec += ":" + f.name + ":"
				}
			}
			rep := ""
			if f.repeatable {
				rep = "*"
			}
			fmt.Fprintf(&b, "                %s \\\n", zshQuote(rep+"--"+f.name+spec))
			if f.short != "" {
				fmt.Fprintf(&b, "                %s \\\n", zshQuote(rep+"-"+f.short+spec))
			}
		}
		b.WriteString("                '*:argument:_files'\n            ;;\n")
	}
	b.WriteString("    esac\n}\n\n")
	b.WriteString("if [[ $funcstack[1] == _privacyscan ]]; then\n    _privacyscan \"$@\"\nelse\n    compdef _privacyscan privacyscan\nfi\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// fishQuote quotes s for a single-quoted fish word.
func fishQuote(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, "'", `\'`, "\n", " ").Replace(s) + "'"
}

func writeFishCompletion(w io.Writer, cmds []compCommand) error {
	var b strings.Builder
	top := topLevel(cmds)
	b.WriteString("# fish completion for privacyscan: privacyscan completion fish > ~/.config/fish/completions/privacyscan.fish\n")
	for _, c := range top {
		fmt.Fprintf(&b, "complete -c privacyscan -n __fish_use_subcommand -f -a %s -d %s\n", c.name, fishQuote(c.summary))
	}
	fmt.Fprintf(&b, "complete -c privacyscan -n '__fish_seen_subcommand_from help' -f -a %s\n", fishQuote(names(top[:len(top)-1])))
	subs := strings.Join(dbCommands, " ")
	fmt.Fprintf(&b, "complete -c privacyscan -n '__fish_seen_subcommand_from db; and not __fish_seen_subcommand_from %s' -f -a %s\n", subs, fishQuote(subs))
	for _, c := range cmds {
		cond := "__fish_seen_subcommand_from " + c.name
		if sub, ok := strings.CutPrefix(c.name, "db "); ok {
			cond = "__fish_seen_subcommand_from db; and __fish_seen_subcommand_from " + sub
		}
		for _, f := range c.flags {
			line := fmt.Sprintf("complete -c privacyscan -n %s -l %s", fishQuote(cond), f.name)
			if f.short != "" {
				line += " -s " + f.short
			}
			switch {
			case f.values != nil:
				line += " -x -a " + fishQuote(strings.Join(f.values, " "))
			case f.file:
				line += " -r -F"
			case f.takesValue:
				line += " -x"
			}
			b.WriteString(line + " -d " + fishQuote(f.desc) + "\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
