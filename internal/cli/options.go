package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/pflag"

	"github.com/privacyscan/privacyscan/scanner/kb"
)

// scanOptions are the scan flags as a typed, validated value, one field per
// flag group. demo builds the same value.
type scanOptions struct {
	URLs    []string
	Crawl   crawlOptions
	Phases  phaseOptions
	Browser browserOptions
	KB      kb.LoadOptions
	Output  outputOptions
	Rules   ruleOptions
	Consent consentOptions
	Run     runOptions
	Stream  streamOptions
	Scale   scaleOptions
}

// scanFlagSet is every flag group of scan and demo.
type scanFlagSet struct {
	crawl   crawlFlags
	phases  phaseFlags
	browser browserFlags
	kb      kbFlagGroup
	output  outputFlags
	rules   ruleFlags
	consent consentFlags
	run     runFlags
	stream  streamFlags
	scale   scaleFlags
}

// newScanFlagSet declares the scan flags on fs.
func newScanFlagSet(fs *pflag.FlagSet) *scanFlagSet {
	s := &scanFlagSet{}
	s.crawl.register(fs)
	s.phases.register(fs)
	s.browser.register(fs)
	s.kb.register(fs)
	s.output.register(fs)
	s.rules.register(fs)
	s.consent.register(fs)
	s.run.register(fs)
	s.stream.register(fs)
	s.scale.register(fs)
	return s
}

// options validates each group, then what spans groups, and returns the
// options of a scan of args (URLs) and --targets.
func (s *scanFlagSet) options(env *Env, args []string) (*scanOptions, error) {
	o := &scanOptions{}
	var err error
	if o.URLs, err = s.crawl.urls(env.Stdin, args); err != nil {
		return nil, err
	}
	if o.Crawl, err = s.crawl.options(); err != nil {
		return nil, err
	}
	if o.Phases, err = s.phases.options(); err != nil {
		return nil, err
	}
	if o.Browser, err = s.browser.options(); err != nil {
		return nil, err
	}
	if o.KB, err = s.kb.options(); err != nil {
		return nil, err
	}
	if o.Output, err = s.output.options(env); err != nil {
		return nil, err
	}
	if o.Rules, err = s.rules.options(); err != nil {
		return nil, err
	}
	if o.Consent, err = s.consent.options(); err != nil {
		return nil, err
	}
	if o.Run, err = s.run.options(); err != nil {
		return nil, err
	}
	if o.Scale, err = s.scale.options(); err != nil {
		return nil, err
	}
	if (o.Scale.BrowserRecycle > 0 || o.Scale.BrowserMemory > 0) && len(o.Browser.BrowserURLs) > 0 {
		return nil, usagef("--browser-recycle and --browser-memory restart a browser privacyscan started; a browser of --browser-url is not its to restart")
	}
	if o.Stream, err = s.stream.options(env, o); err != nil {
		return nil, err
	}
	if err := checkSites(o); err != nil {
		return nil, err
	}
	// The configuration's first-party domains add to --first-party.
	if o.Rules.Config != nil {
		o.Crawl.FirstParty = append(o.Crawl.FirstParty, o.Rules.Config.FirstParty...)
	}
	return o, nil
}

// checkSites refuses hosts that name no site: a single label ("not" of
// 'privacyscan scan not a url', the words of an unquoted URL with spaces)
// is a site only when it is localhost, an IP address or routed by --resolve.
func checkSites(o *scanOptions) error {
	urls := append([]string{}, o.URLs...)
	if o.Crawl.PolicyURL != "" {
		urls = append(urls, o.Crawl.PolicyURL)
	}
	for _, raw := range urls {
		u, err := url.Parse(raw)
		if err != nil {
			continue // checkURL parsed it already
		}
		host := strings.TrimSuffix(u.Hostname(), ".")
		if strings.Contains(host, ".") || strings.EqualFold(host, "localhost") || net.ParseIP(host) != nil {
			continue
		}
		if _, routed := o.Browser.Routes.Match(host); routed {
			continue
		}
		return usagef("%q is not a site's address: a host needs a domain such as shop.example (or --resolve %s=IP to route it); "+
			"a URL with spaces or shell characters must be quoted: privacyscan scan 'https://shop.example/a b?x=1&y=2'", u.Hostname(), u.Hostname())
	}
	return nil
}

// contains reports whether list holds s.
func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// checkOutputPath finds out before any work whether a report can be
// written to path: its directory must take a new file, and path must not
// be a directory. "" and "-" are standard output.
func checkOutputPath(path string) error {
	if path == "" || path == "-" {
		return nil
	}
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return usagef("-o %s: is a directory", path)
	}
	if err := checkWritableDir(filepath.Dir(path)); err != nil {
		return usagef("-o %s: %v", path, err)
	}
	return nil
}

// checkWritableDir reports whether a file can be created in dir.
func checkWritableDir(dir string) error {
	f, err := os.CreateTemp(dir, ".privacyscan-check-*")
	if err != nil {
		return fmt.Errorf("cannot write there: %w", err)
	}
	f.Close()
	return os.Remove(f.Name())
}

// checkURL accepts http(s) URLs with a host; a bare host gets https://.
func checkURL(raw string) (string, error) {
	s := strings.TrimSpace(raw)
	if s == "" {
		return "", errors.New("empty URL")
	}
	if !strings.Contains(s, "://") {
		s = "https://" + s
	}
	u, err := url.Parse(s)
	if err != nil {
		return "", fmt.Errorf("invalid URL %q: %v", raw, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return "", fmt.Errorf("invalid URL %q: scheme %q is not http or https", raw, u.Scheme)
	}
	if u.Hostname() == "" {
		return "", fmt.Errorf("invalid URL %q: no host", raw)
	}
	if u.Path == "" {
		u.Path = "/"
	}
	return u.String(), nil
}

// readTargets reads one URL a line from path, or from stdin when path is
// "-"; blank lines and # comments are skipped.
func readTargets(path string, stdin io.Reader) ([]string, error) {
	var r io.Reader
	name := path
	if path == "-" {
		name = "standard input"
		r = stdin
		if r == nil {
			r = strings.NewReader("")
		}
	} else {
		f, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf("--targets: %w", err)
		}
		defer f.Close()
		r = f
	}
	var out []string
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if i := strings.Index(line, "#"); i >= 0 && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t') {
			line = strings.TrimSpace(line[:i])
		}
		if line == "" {
			continue
		}
		u, err := checkURL(line)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %v", name, n, err)
		}
		out = append(out, u)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("--targets: %w", err)
	}
	return out, nil
}
