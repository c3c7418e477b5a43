package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/privacyscan/privacyscan/reports"

	"github.com/spf13/pflag"

	"github.com/privacyscan/privacyscan/internal/fetch"
	"github.com/privacyscan/privacyscan/scanner/kb"
	"github.com/privacyscan/privacyscan/scanner/model"
	"github.com/privacyscan/privacyscan/scanner/policy"
)

// policyFormats are the --format values of the policy command.
var policyFormats = []string{"table", "json"}

// policyOptions are the policy command's flags, validated.
type policyOptions struct {
	Source   string // file path, URL or "-"
	Format   string
	Output   string
	Insecure bool
	Timeout  time.Duration
}

// maxPolicyFetch bounds what the policy command downloads.
const maxPolicyFetch = policy.MaxDocumentBytes

// runPolicy analyses one privacy policy from a file, a URL or standard input
// and prints what it declares.
func runPolicy(ctx context.Context, env *Env, args []string) error {
	fs := pflag.NewFlagSet("policy", pflag.ContinueOnError)
	format := fs.String("format", "table", "output format: "+strings.Join(policyFormats, ", "))
	output := fs.StringP("output", "o", "", "write to `FILE` (atomically) instead of standard output")
	insecure := fs.Bool("insecure", false, "accept any TLS certificate when fetching a URL")
	timeout := fs.Duration("timeout", 30*time.Second, "give up fetching a URL after this long")
	// PRIVACYSCAN_FORMAT, _OUTPUT and _TIMEOUT are a scan's, which mean
	// something else there.
	localFlags(fs, "format", "output", "timeout")
	helped, err := parseFlags(env, fs, "policy", args, func(w io.Writer, usages string) {
		fmt.Fprintf(w, "Usage: privacyscan policy [flags] FILE|URL|-\n\nAnalyses a privacy policy (HTML or text, any language and charset) and prints what it declares.\n\n%s\nExit codes: 0 analysed, 2 usage error (bad flag, missing file), 4 runtime failure (the URL cannot be fetched, the output cannot be written).\n", usages)
	})
	if helped || err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usagef("policy: want exactly one FILE, URL or - (got %d arguments)", fs.NArg())
	}
	o := policyOptions{Source: fs.Arg(0), Format: strings.ToLower(*format), Output: *output, Insecure: *insecure, Timeout: *timeout}
	if !contains(policyFormats, o.Format) {
		return usagef("policy: --format %q: want one of %s", *format, strings.Join(policyFormats, ", "))
	}
	if o.Timeout <= 0 {
		return usagef("policy: --timeout must be positive")
	}
	if err := checkOutputPath(o.Output); err != nil {
		return err
	}
	doc, contentType, finalURL, err := readPolicy(ctx, env, o)
	var ue *UsageError
	if err != nil && !errors.As(err, &ue) {
		// A URL that cannot be fetched, standard input that cannot be read.
		return &RuntimeError{err}
	}
	if err != nil {
		return err
	}
	facts := policy.Analyze(doc, policy.Options{Vendors: policyVendors(kb.Default()), URL: finalURL, ContentType: contentType})
	if facts.Error != "" {
		// An empty, binary or unreadable document: say why instead of a
		// table in which every element reads as missing.
		return &RuntimeError{fmt.Errorf("policy: %s: %s", o.Source, facts.Error)}
	}
	return emit(env, o.Output, func(w io.Writer) error {
		if o.Format == "json" {
			enc := json.NewEncoder(w)
			enc.SetIndent("", "  ")
			return enc.Encode(facts)
		}
		return writePolicyTable(w, facts)
	})
}

// readPolicy reads the document from standard input, a URL or a file.
func readPolicy(ctx context.Context, env *Env, o policyOptions) (doc []byte, contentType, source string, err error) {
	switch {
	case o.Source == "-":
		doc, err = io.ReadAll(io.LimitReader(env.Stdin, maxPolicyFetch+1))
		if err != nil {
			return nil, "", "", fmt.Errorf("reading standard input: %w", err)
		}
		return doc, "", "", nil
	case strings.HasPrefix(o.Source, "http://") || strings.HasPrefix(o.Source, "https://"):
		return fetchPolicy(ctx, o)
	}
	doc, err = readLimited(o.Source)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, "", "", &UsageError{Err: fmt.Errorf("policy: %s: no such file", o.Source)}
	}
	if err != nil {
		// The file named is the user's input: a directory, unreadable.
		return nil, "", "", &UsageError{Err: fmt.Errorf("policy: reading %s: %w", o.Source, err)}
	}
	return doc, "", "", nil
}

func readLimited(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		return nil, fmt.Errorf("%s is a directory", path)
	}
	return io.ReadAll(io.LimitReader(f, maxPolicyFetch+1))
}

// fetchPolicy downloads a policy the way the scan reads one (policy.Fetch).
func fetchPolicy(ctx context.Context, o policyOptions) ([]byte, string, string, error) {
	u, err := url.Parse(o.Source)
	if err != nil || u.Host == "" {
		return nil, "", "", usagef("policy: %q is not a valid URL", o.Source)
	}
	f := fetch.New(fetch.Options{Insecure: o.Insecure, Timeout: o.Timeout, UserAgent: "privacyscan/" + Version})
	r, err := policy.Fetch(ctx, f, u.String())
	if err != nil {
		return nil, "", "", fmt.Errorf("fetching policy: %w", err)
	}
	return r.Body, r.ContentType, r.URL, nil
}

// writePolicyTable prints the facts as a two-column table. Every string
// that comes from the policy is cleaned of control characters, so a
// hostile page cannot drive the terminal.
func writePolicyTable(w io.Writer, f *model.PolicyFacts) error {
	tb := reports.NewTable(w, 80)
	tb.Header("Fact", "Value", "Evidence")
	row := func(fact, value, evKey string) error {
		ev := ""
		if e, ok := f.Evidence[evKey]; ok {
			ev = reports.Clean(e.Sentence, 120)
		}
		return tb.Append(fact, reports.Clean(value, 0), reports.Clean(ev, 0))
	}
	orNone := func(s string) string {
		if s == "" {
			return "-"
		}
		return s
	}
	lang := orNone(f.Language)
	if len(f.OtherLanguages) > 0 {
		lang += " (also " + strings.Join(f.OtherLanguages, ", ") + ")"
	}
	if f.PolicyUnread() {
		// Every "no" below would otherwise read as the policy's silence.
		lang += " (not read: a language the analyser has no lexicon for; elements, stances and claims not judged)"
	}
	updated := "-"
	if f.LastUpdated != nil {
		updated = *f.LastUpdated
	}
	rows := [][3]string{
		{"language", lang, ""},
		{"last updated", updated, "last_updated"},
		{"do not track", f.DNTStance, "dnt_stance"},
		{"global privacy control", f.GPCStance, "gpc_stance"},
		{"vendors", orNone(strings.Join(f.VendorsMentioned, ", ")), ""},
	}
	rows = append(rows, policyElementRows(f)...)
	for _, r := range rows {
		if err := row(r[0], r[1], r[2]); err != nil {
			return err
		}
	}
	claims := []struct {
		name string
		c    *model.Claim
	}{
		{"claim: ip anonymised", f.Claims.IPAnonymised},
		{"claim: data location", f.Claims.DataLocation},
		{"claim: consent for marketing", f.Claims.ConsentForMarketing},
		{"claim: consent for analytics", f.Claims.ConsentForAnalytics},
		{"claim: no sale", f.Claims.NoSale},
	}
	for _, c := range claims {
		if c.c == nil {
			continue
		}
		v := "yes"
		if c.c.Value != "" {
			v = c.c.Value
		}
		if err := tb.Append(c.name, reports.Clean(v, 0), reports.Clean(c.c.Sentence, 120)); err != nil {
			return err
		}
	}
	if f.Error != "" {
		if err := tb.Append("error", reports.Clean(f.Error, 0), ""); err != nil {
			return err
		}
	}
	if f.Truncated {
		// The facts cover only the beginning: a missing element may sit after the cut.
		if err := tb.Append("truncated", fmt.Sprintf("yes: only the first %d MiB were read; elements after them were not seen", policy.MaxDocumentBytes>>20), ""); err != nil {
			return err
		}
	}
	return tb.Render()
}

// policyElementRows are the table rows of the GDPR Art. 13 elements: fact,
// value with the details found, evidence key.
func policyElementRows(f *model.PolicyFacts) [][3]string {
	var rows [][3]string
	e := f.Elements
	det := f.Details
	var contacts []string
	for _, c := range det.Contacts {
		contacts = append(contacts, c.Kind+": "+c.Value)
	}
	var durs []string
	for _, d := range det.Retention {
		durs = append(durs, d.Text)
	}
	elems := []struct {
		name   string
		ok     bool
		detail []string
	}{
		{"controller_identity", e.ControllerIdentity, nil},
		{"contact", e.Contact, contacts},
		{"purposes", e.Purposes, nil},
		{"legal_basis", e.LegalBasis, det.LegalBases},
		{"retention", e.Retention, durs},
		{"rights", e.Rights, det.Rights},
		{"complaint", e.Complaint, det.Authorities},
		{"recipients", e.Recipients, nil},
		{"transfers", e.Transfers, append(append([]string{}, det.TransferCountries...), det.TransferMechanisms...)},
		{"cookies", e.Cookies, nil},
	}
	for _, el := range elems {
		v := "no"
		if el.ok {
			v = "yes"
		}
		if len(el.detail) > 0 {
			v += " (" + strings.Join(el.detail, ", ") + ")"
		}
		rows = append(rows, [3]string{el.name, v, "elements." + el.name})
	}
	return rows
}

// clean removes control and bidi-override characters from text that comes
// from a policy.
