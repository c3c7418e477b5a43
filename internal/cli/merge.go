package cli

import (
	"context"
	"fmt"
	"io"

	"github.com/spf13/pflag"

	"github.com/privacyscan/privacyscan/reports"
	"github.com/privacyscan/privacyscan/scanner/model"
)

// mergeHelp explains the merge command.
const mergeHelp = `Usage: privacyscan merge [flags] A.jsonl B.jsonl ... -o all.json

Joins the shards of one run (scan --shard i/n, each written with --format jsonl or json) into one
report in any format. It refuses reports made with different settings (fail_on, jurisdiction,
phases, --severity) or by another version of privacyscan, and a site reported by two shards.
Sites keep their order in the target list.

%s
Exit codes:
  0  the merged report was written
  2  usage error: a bad flag, a missing or unreadable report, reports that do not go together
  4  runtime failure: the output cannot be written
`

// runMerge joins shards into one report.
func runMerge(ctx context.Context, env *Env, args []string) error {
	fset := pflag.NewFlagSet("merge", pflag.ContinueOnError)
	rf := registerRenderFlags(fset)
	helped, err := parseFlags(env, fset, "merge", args, func(w io.Writer, usages string) {
		fmt.Fprintf(w, mergeHelp, usages)
	})
	if helped || err != nil {
		return err
	}
	if fset.NArg() < 1 {
		return usagef("merge: want the reports of the shards, A.jsonl B.jsonl ...")
	}
	o, err := rf.options(env)
	if err != nil {
		return err
	}
	var reps []*model.Report
	var heads []reports.JSONLHeader
	for _, p := range fset.Args() {
		rep, h, err := readRunFile(p)
		if err != nil {
			return err
		}
		reps, heads = append(reps, rep), append(heads, h)
	}
	rep, h, err := mergeRuns(fset.Args(), reps, heads)
	if err != nil {
		return err
	}
	return render(env, o, rep, h) // screenshot paths as recorded: absolute, or relative to here
}

// mergeRuns joins reports read from names: the first one's envelope, the
// earliest start, the latest finish, interrupted when any part was, and
// every site once, in target order within each part.
func mergeRuns(names []string, reps []*model.Report, heads []reports.JSONLHeader) (*model.Report, reports.JSONLHeader, error) {
	h := heads[0]
	out := *reps[0]
	out.Sites = nil
	out.HiddenFindings = 0
	from := map[string]string{}
	for i, r := range reps {
		if err := sameSettings(heads[0], heads[i], false); err != nil {
			return nil, h, usagef("merge: %s and %s were %v", names[0], names[i], err)
		}
		if h.Jurisdiction == "" {
			h.Jurisdiction = heads[i].Jurisdiction
		}
		for _, s := range r.Sites {
			if s.Site != nil {
				if prev, dup := from[s.URL]; dup {
					return nil, h, usagef("merge: %s is in both %s and %s (the same shard twice?)", s.URL, prev, names[i])
				}
				from[s.URL] = names[i]
			}
			out.Sites = append(out.Sites, s)
		}
		if r.StartedAt != "" && (out.StartedAt == "" || r.StartedAt < out.StartedAt) {
			out.StartedAt = r.StartedAt
		}
		if r.FinishedAt > out.FinishedAt {
			out.FinishedAt = r.FinishedAt
		}
		out.Interrupted = out.Interrupted || r.Interrupted
		out.HiddenFindings += r.HiddenFindings
	}
	return &out, h, nil
}
