package cli

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"net"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/pflag"
	"golang.org/x/net/publicsuffix"
)

// Shards split a long target list across CI jobs or a Kubernetes Indexed
// Job. A site's shard is a hash of its registrable domain, not its position
// in the list, so it stays in its shard when the list is reordered or other
// sites are added or removed, and a shop's subdomains are scanned together.

// shardEnvIndex and shardEnvTotal are what --shard auto reads: Kubernetes
// sets JOB_COMPLETION_INDEX (0-based) in each pod of an Indexed Job; the
// total is given by the Job's author (its completions).
const (
	shardEnvIndex = "JOB_COMPLETION_INDEX"
	shardEnvTotal = "PRIVACYSCAN_SHARDS"
)

// shard is one part of n, I in 1..N.
type shard struct{ I, N int }

// String is the flag's form, "2/4".
func (s shard) String() string {
	if s.N == 0 {
		return ""
	}
	return strconv.Itoa(s.I) + "/" + strconv.Itoa(s.N)
}

// parseShard reads --shard: "i/n" with 1 ≤ i ≤ n, or "auto".
func parseShard(env *Env, v string) (shard, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return shard{}, nil
	}
	if strings.EqualFold(v, "auto") {
		idx, ok := env.lookupEnv(shardEnvIndex)
		tot, ok2 := env.lookupEnv(shardEnvTotal)
		if !ok || !ok2 {
			return shard{}, usagef("--shard auto: want %s (0-based, set by a Kubernetes Indexed Job) and %s (the number of shards) in the environment", shardEnvIndex, shardEnvTotal)
		}
		i, err1 := strconv.Atoi(strings.TrimSpace(idx))
		n, err2 := strconv.Atoi(strings.TrimSpace(tot))
		if err1 != nil || err2 != nil || n < 1 || i < 0 || i >= n {
			return shard{}, usagef("--shard auto: %s=%q and %s=%q: want 0 ≤ index < total", shardEnvIndex, idx, shardEnvTotal, tot)
		}
		return shard{I: i + 1, N: n}, nil
	}
	a, b, ok := strings.Cut(v, "/")
	i, err1 := strconv.Atoi(a)
	n, err2 := strconv.Atoi(b)
	if !ok || err1 != nil || err2 != nil || n < 1 || i < 1 || i > n {
		return shard{}, usagef("--shard %q: want i/n with 1 ≤ i ≤ n, such as 2/4, or auto", v)
	}
	return shard{I: i, N: n}, nil
}

// registrableDomain is the site a URL belongs to (shop.example.co.uk for
// https://www.shop.example.co.uk/x): its eTLD+1, else its host (an IP
// address, localhost, a name routed by --resolve).
func registrableDomain(raw string) string {
	host := raw
	if u, err := url.Parse(raw); err == nil && u.Host != "" {
		host = u.Hostname()
	}
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	if net.ParseIP(host) != nil {
		return host
	}
	if d, err := publicsuffix.EffectiveTLDPlusOne(host); err == nil {
		return d
	}
	return host
}

// shardOf is the 1-based shard of n a URL falls in: FNV-1a of its
// registrable domain, modulo n. FNV-1a is fixed by its specification, so the
// split is the same on every machine and in every version.
func shardOf(raw string, n int) int {
	h := fnv.New64a()
	h.Write([]byte(registrableDomain(raw)))
	return int(h.Sum64()%uint64(n)) + 1
}

// pick returns the URLs of the shard and their positions in urls.
func (s shard) pick(urls []string) (kept []string, index []int) {
	for i, u := range urls {
		if s.N == 0 || shardOf(u, s.N) == s.I {
			kept = append(kept, u)
			index = append(index, i)
		}
	}
	return kept, index
}

// streamFlags are the flags of long runs: --resume and --shard.
type streamFlags struct {
	resume bool
	shard  string
}

// streamOptions are the stream flags, validated.
type streamOptions struct {
	// Resume continues the --format jsonl run in the -o file.
	Resume bool
	// Shard is the part of the targets scanned; zero is all of them.
	Shard shard
	// Index is the position of each of the options' URLs in the target list
	// before sharding: site lines carry it.
	Index []int
}

func (g *streamFlags) register(fs *pflag.FlagSet) {
	fs.BoolVar(&g.resume, "resume", false, "continue the --format jsonl run in the -o file: skip the sites it holds, redo a torn last line, append the rest")
	fs.StringVar(&g.shard, "shard", "", "scan only shard `I/N` of the targets (1-based, split by a hash of each site's registrable domain), or auto: "+shardEnvIndex+" (0-based) of "+shardEnvTotal)
}

// options validates the flags against the output, and shards o.URLs.
func (g *streamFlags) options(env *Env, o *scanOptions) (streamOptions, error) {
	so := streamOptions{Resume: g.resume}
	if g.resume && (o.Output.Format != "jsonl" || o.Output.Path == "" || o.Output.Path == "-") {
		return so, usagef("--resume continues a --format jsonl run written with -o FILE: give both")
	}
	var err error
	if so.Shard, err = parseShard(env, g.shard); err != nil {
		return so, err
	}
	o.URLs, so.Index = so.Shard.pick(o.URLs)
	return so, nil
}

// emptyShard is a shard no target falls in: not an error in a CI matrix
// whose list is shorter than its jobs. Its report holds no site, and the
// run exits 0, not 3: nothing failed to be scanned.
func emptyShard(ctx context.Context, env *Env, o *scanOptions) error {
	if !o.Output.Quiet {
		fmt.Fprintf(env.Stderr, "privacyscan: no target falls in shard %s\n", o.Stream.Shard)
	}
	started := time.Now().UTC()
	if o.Output.Format == "jsonl" {
		r, err := openJSONL(env, o, started, func(string, ...any) {})
		if err != nil {
			return err
		}
		if err := r.finish(o, false, func(string, ...any) {}); err != nil {
			var ee *ExitError
			if !errors.As(err, &ee) {
				return err
			}
		}
		return nil
	}
	rep := newReport(o, started)
	rep.FinishedAt = started.Format(time.RFC3339)
	return writeReport(env, o.Output, reportOptions(o, ExitOK), rep)
}
