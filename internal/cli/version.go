package cli

import (
	"context"
	"fmt"
	"io"
	"os/exec"
	"runtime"
	"runtime/debug"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/pflag"

	"github.com/privacyscan/privacyscan/scanner/browser"
	"github.com/privacyscan/privacyscan/scanner/kb"
)

// versionFormats are the --format values of the version command.
var versionFormats = []string{"text", "json"}

// chromiumVersionTimeout bounds 'chromium --version': a broken wrapper
// script must not hang 'privacyscan version'.
const chromiumVersionTimeout = 5 * time.Second

// versionInfo is what 'privacyscan version --format json' prints: what a bug
// report needs to reproduce a scan.
type versionInfo struct {
	Name    string `json:"name"`
	Version string `json:"version"`
	// Commit is the VCS revision the binary was built from, or "unknown"
	// (go test, a build outside a checkout).
	Commit   string `json:"commit"`
	Modified bool   `json:"modified,omitempty"`
	// CommitTime is the revision's time (RFC 3339), when recorded.
	CommitTime    string        `json:"commit_time,omitempty"`
	Go            string        `json:"go"`
	Platform      string        `json:"platform"`
	KnowledgeBase kbVersion     `json:"knowledge_base"`
	Chromium      chromiumFound `json:"chromium"`
}

// kbVersion names the embedded knowledge base: it has no release number, so
// its data's digest and its size identify it.
type kbVersion struct {
	Vendors        int             `json:"vendors"`
	EmbeddedSHA256 string          `json:"embedded_sha256"`
	Sources        []kb.SourceInfo `json:"sources"`
}

// chromiumFound is the browser a scan would start.
type chromiumFound struct {
	Path string `json:"path,omitempty"`
	// Version is what the binary says of itself, or "not found".
	Version string `json:"version"`
	// Error says why a binary that was found gave no version.
	Error string `json:"error,omitempty"`
}

func runVersion(ctx context.Context, env *Env, args []string) error {
	fs := pflag.NewFlagSet("version", pflag.ContinueOnError)
	format := fs.String("format", "text", "output format: "+strings.Join(versionFormats, ", "))
	localFlags(fs, "format")
	helped, err := parseFlags(env, fs, "version", args, func(w io.Writer, flags string) {
		fmt.Fprintf(w, "Usage: privacyscan version [flags]\n\nPrints the version and commit of privacyscan, the Go version, the embedded knowledge base\n(vendors and the SHA-256 of its data) and the version of the Chromium a scan would start.\n\n%s\nExit codes: 0 printed, 2 usage error.\n", flags)
	})
	if helped || err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("version: unexpected argument %q", fs.Arg(0))
	}
	f := strings.ToLower(*format)
	if !contains(versionFormats, f) {
		return usagef("version: --format %q: want one of %s", *format, strings.Join(versionFormats, ", "))
	}
	info := buildVersionInfo(ctx)
	if f == "json" {
		return writeDBJSON(env.Stdout, info)
	}
	return writeVersionText(env.Stdout, info)
}

// buildVersionInfo gathers the versions; only Chromium's takes a process.
func buildVersionInfo(ctx context.Context) versionInfo {
	info := versionInfo{Name: "privacyscan", Version: Version, Commit: "unknown", Go: runtime.Version(), Platform: runtime.GOOS + "/" + runtime.GOARCH}
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				info.Commit = s.Value
			case "vcs.time":
				info.CommitTime = s.Value
			case "vcs.modified":
				info.Modified = s.Value == "true"
			}
		}
	}
	db := kb.Default()
	info.KnowledgeBase = kbVersion{Vendors: len(db.Vendors()), EmbeddedSHA256: kb.EmbeddedSHA256(), Sources: db.Sources()}
	info.Chromium = findChromiumVersion(ctx)
	return info
}

// findChromiumVersion runs the Chromium a scan would start with --version.
func findChromiumVersion(ctx context.Context) chromiumFound {
	path, err := browser.FindChromium()
	if err != nil {
		return chromiumFound{Version: "not found"}
	}
	c := chromiumFound{Path: path, Version: "unknown"}
	ctx, cancel := context.WithTimeout(ctx, chromiumVersionTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, path, "--version")
	cmd.WaitDelay = time.Second // a child holding the pipe must not outlast the timeout
	out, err := cmd.Output()
	if err != nil {
		c.Error = fmt.Sprintf("%s --version: %v", path, err)
		return c
	}
	if v := strings.TrimSpace(string(out)); v != "" {
		c.Version = v
	}
	return c
}

// writeVersionText prints the version on the first line, as before, then
// the details.
func writeVersionText(w io.Writer, info versionInfo) error {
	fmt.Fprintf(w, "privacyscan %s\n", info.Version)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	commit := info.Commit
	if info.Modified {
		commit += " (modified)"
	}
	if info.CommitTime != "" {
		commit += ", " + info.CommitTime
	}
	fmt.Fprintf(tw, "  commit\t%s\n", commit)
	fmt.Fprintf(tw, "  go\t%s %s\n", info.Go, info.Platform)
	fmt.Fprintf(tw, "  knowledge base\t%d vendors, embedded data sha256 %s\n", info.KnowledgeBase.Vendors, info.KnowledgeBase.EmbeddedSHA256)
	ch := info.Chromium.Version
	if info.Chromium.Path != "" {
		ch += " (" + info.Chromium.Path + ")"
	}
	if info.Chromium.Error != "" {
		ch += ": " + info.Chromium.Error
	}
	fmt.Fprintf(tw, "  chromium\t%s\n", ch)
	return tw.Flush()
}
