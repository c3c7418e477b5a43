package reports

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"

	"github.com/privacyscan/privacyscan/reports/schema"
	"github.com/privacyscan/privacyscan/rules"
	"github.com/privacyscan/privacyscan/scanner/model"
)

// A JSONL run (--format jsonl) is one JSON object per line, so that a run of
// thousands of sites can be written as each site finishes, read back while
// it grows, resumed after a kill and split into shards:
//
//	{"header": {...}}                       first: what the run is and how it judges
//	{"index": 3, "url": "...", "site": {...}} one per site, in completion order
//	{"summary": {...}}                      last: counts, interrupted, exit code
//
// The header comes first, not only in the summary, so that a file whose run
// was killed before its summary still says which settings made it: resume
// and merge refuse to mix runs judged differently.

// JSONLHeader is the first line of a JSONL run.
type JSONLHeader struct {
	SchemaVersion int        `json:"schema_version"`
	Tool          model.Tool `json:"tool"`
	StartedAt     string     `json:"started_at"`
	FailOn        string     `json:"fail_on,omitempty"`
	// Jurisdiction and Phases are settings that change the findings: shards
	// made with different ones are not merged.
	Jurisdiction string   `json:"jurisdiction,omitempty"`
	Phases       []string `json:"phases,omitempty"`
	// MinSeverity is the --severity the site lines were written with.
	MinSeverity string `json:"min_severity,omitempty"`
	// Shard is the --shard the run scanned ("2/4"), empty for all targets.
	Shard string `json:"shard,omitempty"`
}

// JSONLSite is a site line: the site's report with its findings, and its
// position in the target list, since lines come in completion order.
type JSONLSite struct {
	Index int    `json:"index"`
	URL   string `json:"url"`
	// Failing counts the site's findings that count toward the exit code at
	// the header's fail_on, --severity notwithstanding: a resumed run's exit
	// code takes it from the file.
	Failing int `json:"failing"`
	// Hidden counts the findings below min_severity left out of the line.
	Hidden int               `json:"hidden,omitempty"`
	Site   *model.SiteReport `json:"site"`
}

// JSONLSummary is the last line of a JSONL run.
type JSONLSummary struct {
	Sites      int `json:"sites"`
	Scanned    int `json:"scanned"`
	NotScanned int `json:"not_scanned"`
	// Findings counts the active (not suppressed, not baseline) findings
	// written, per severity.
	Findings       map[string]int `json:"findings"`
	Failing        int            `json:"failing"`
	HiddenFindings int            `json:"hidden_findings,omitempty"`
	StartedAt      string         `json:"started_at"`
	FinishedAt     string         `json:"finished_at"`
	Interrupted    bool           `json:"interrupted"`
	FailOn         string         `json:"fail_on,omitempty"`
	ExitCode       int            `json:"exit_code"`
}

// Add counts a site line into the summary.
func (s *JSONLSummary) Add(l JSONLSite) {
	s.Sites++
	if l.Site != nil && l.Site.Site != nil && l.Site.Scanned {
		s.Scanned++
	} else {
		s.NotScanned++
	}
	if s.Findings == nil {
		s.Findings = map[string]int{}
	}
	if l.Site != nil {
		for sev, n := range counts(l.Site.Findings) {
			s.Findings[sev] += n
		}
	}
	s.Failing += l.Failing
	s.HiddenFindings += l.Hidden
}

// jsonlLine is any line; exactly one of its parts is set.
type jsonlLine struct {
	Header  *JSONLHeader  `json:"header,omitempty"`
	Summary *JSONLSummary `json:"summary,omitempty"`
	*JSONLSite
}

// MarshalJSON writes a site line flat, a header or summary line as its key.
func (l jsonlLine) MarshalJSON() ([]byte, error) {
	switch {
	case l.Header != nil:
		return json.Marshal(struct {
			Header *JSONLHeader `json:"header"`
		}{l.Header})
	case l.Summary != nil:
		return json.Marshal(struct {
			Summary *JSONLSummary `json:"summary"`
		}{l.Summary})
	case l.JSONLSite != nil:
		return json.Marshal(l.JSONLSite)
	}
	return nil, errors.New("empty JSONL line")
}

// JSONLWriter writes a JSONL run line by line. Each line goes out in one
// write and is then synced, so a kill leaves at most a torn last line.
type JSONLWriter struct {
	w io.Writer
	// sync makes a line durable (os.File.Sync); nil for streams that have
	// nothing to sync, such as a pipe.
	sync func() error
}

// NewJSONLWriter writes to w and calls sync, when not nil, after each line.
func NewJSONLWriter(w io.Writer, sync func() error) *JSONLWriter {
	return &JSONLWriter{w: w, sync: sync}
}

// Header writes the first line.
func (j *JSONLWriter) Header(h JSONLHeader) error { return j.line(jsonlLine{Header: &h}) }

// Site writes a site line; the site report is normalised as the JSON
// format normalises it.
func (j *JSONLWriter) Site(l JSONLSite) error {
	if l.Site != nil {
		one := model.Report{Sites: []model.SiteReport{*l.Site}}
		Normalize(&one)
		l.Site = &one.Sites[0]
		if l.URL == "" && l.Site.Site != nil {
			l.URL = l.Site.URL
		}
	}
	return j.line(jsonlLine{JSONLSite: &l})
}

// Summary writes the last line.
func (j *JSONLWriter) Summary(s JSONLSummary) error {
	if s.Findings == nil {
		s.Findings = map[string]int{}
	}
	return j.line(jsonlLine{Summary: &s})
}

func (j *JSONLWriter) line(l jsonlLine) error {
	data, err := json.Marshal(l) // HTML characters escaped, as in the JSON report
	if err != nil {
		return err
	}
	if _, err := j.w.Write(append(data, '\n')); err != nil {
		return err
	}
	if j.sync != nil {
		return j.sync()
	}
	return nil
}

// jsonlWriter renders a whole report as a JSONL run (report, merge).
type jsonlWriter struct{ o Options }

// Write writes the header, one line per site in report order and the
// summary.
func (w jsonlWriter) Write(out io.Writer, r *model.Report) error {
	Normalize(r)
	failOn := w.o.failOn(r)
	jw := NewJSONLWriter(out, nil)
	if err := jw.Header(JSONLHeader{SchemaVersion: r.SchemaVersion, Tool: r.Tool, StartedAt: r.StartedAt, FailOn: r.FailOn,
		Jurisdiction: w.o.Jurisdiction, MinSeverity: r.MinSeverity}); err != nil {
		return err
	}
	sum := JSONLSummary{StartedAt: r.StartedAt, FinishedAt: r.FinishedAt, Interrupted: r.Interrupted, FailOn: r.FailOn,
		HiddenFindings: r.HiddenFindings, Findings: map[string]int{}}
	for i := range r.Sites {
		l := JSONLSite{Index: i, Site: &r.Sites[i], Failing: Failing(r.Sites[i].Findings, failOn)}
		if err := jw.Site(l); err != nil {
			return err
		}
		sum.Add(l)
	}
	if w.o.ExitCode != nil {
		sum.ExitCode = *w.o.ExitCode
	}
	return jw.Summary(sum)
}

// Failing counts the findings that count toward the exit code at failOn.
func Failing(fs []model.Finding, failOn string) int {
	n := 0
	if failOn == "none" {
		return 0
	}
	for _, f := range fs {
		if rules.CountsTowardExit(f, failOn) {
			n++
		}
	}
	return n
}

// JSONLScan is what ScanJSONL found in a JSONL run.
type JSONLScan struct {
	Header  *JSONLHeader
	Summary *JSONLSummary
	// Keep is the length of the file's prefix that stays when the run is
	// resumed: the header and every complete site line, without a torn
	// last line and without the summary.
	Keep int64
	// Torn is true when the last line was cut short (no newline, or not
	// JSON): it was left out and its site is redone.
	Torn bool
}

// ScanJSONL reads a JSONL run from r and calls site for each complete site
// line, without keeping them: a resumed run of thousands of sites needs
// only their URLs. The last line may be torn; a bad line before it, a site
// line before the header or a line after the summary is an error.
func ScanJSONL(r io.Reader, site func(JSONLSite) error) (JSONLScan, error) {
	var res JSONLScan
	br := bufio.NewReaderSize(r, 1<<16)
	var offset int64
	var bad error // a line that does not parse: an error unless it is the last
	for n := 1; ; n++ {
		raw, err := br.ReadBytes('\n')
		if len(raw) == 0 && errors.Is(err, io.EOF) {
			break
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return res, err
		}
		if bad != nil {
			return res, bad
		}
		if err != nil { // io.EOF: no newline, the write was cut short
			res.Torn = true
			break
		}
		if res.Summary != nil {
			return res, fmt.Errorf("line %d: a line after the summary", n)
		}
		line := bytes.TrimSpace(raw)
		var l struct {
			Header  *JSONLHeader  `json:"header"`
			Summary *JSONLSummary `json:"summary"`
			JSONLSite
		}
		if uerr := json.Unmarshal(line, &l); uerr != nil || len(line) == 0 {
			bad = fmt.Errorf("line %d: not a JSONL report line: %v", n, uerr)
			res.Torn = true
			offset += int64(len(raw))
			continue
		}
		switch {
		case l.Header != nil:
			if n != 1 {
				return res, fmt.Errorf("line %d: a second header", n)
			}
			if err := (model.ReportHeader{SchemaVersion: l.Header.SchemaVersion, Tool: l.Header.Tool}).Check(); err != nil {
				return res, fmt.Errorf("line 1: %w", err)
			}
			res.Header = l.Header
		case l.Summary != nil:
			if res.Header == nil {
				return res, fmt.Errorf("line %d: a summary before the header", n)
			}
			res.Summary = l.Summary
			offset += int64(len(raw))
			continue // the summary is not kept on resume
		case l.Site != nil:
			if res.Header == nil {
				return res, fmt.Errorf("line %d: a site before the header (not a privacyscan JSONL report)", n)
			}
			if site != nil {
				if err := site(l.JSONLSite); err != nil {
					return res, err
				}
			}
		default:
			if n == 1 {
				return res, errors.New("line 1: not a privacyscan JSONL report (no header)")
			}
			return res, fmt.Errorf("line %d: neither a header, a site nor a summary", n)
		}
		offset += int64(len(raw))
		res.Keep = offset
	}
	if res.Torn {
		res.Summary = nil // a summary followed by a torn line was not the last word
	}
	return res, nil
}

// ReadJSONL reads a JSONL run into one report, sites in target order (their
// index, then URL), and checks it against the report schema. A torn last
// line is left out and, like a missing summary, marks the report
// interrupted. The header comes back too: it records the settings.
func ReadJSONL(r io.Reader) (*model.Report, *JSONLHeader, error) {
	var lines []JSONLSite
	res, err := ScanJSONL(r, func(l JSONLSite) error {
		lines = append(lines, l)
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	if res.Header == nil {
		return nil, nil, errors.New("not a privacyscan JSONL report: empty")
	}
	sort.SliceStable(lines, func(a, b int) bool {
		if lines[a].Index != lines[b].Index {
			return lines[a].Index < lines[b].Index
		}
		return lines[a].URL < lines[b].URL
	})
	h := res.Header
	rep := &model.Report{SchemaVersion: h.SchemaVersion, Tool: h.Tool, StartedAt: h.StartedAt, FailOn: h.FailOn,
		MinSeverity: h.MinSeverity, Interrupted: true, Sites: make([]model.SiteReport, 0, len(lines))}
	for _, l := range lines {
		rep.Sites = append(rep.Sites, *l.Site)
		rep.HiddenFindings += l.Hidden
	}
	if s := res.Summary; s != nil {
		rep.FinishedAt, rep.Interrupted = s.FinishedAt, s.Interrupted
	}
	data, err := json.Marshal(rep)
	if err != nil {
		return nil, nil, err
	}
	if err := schema.Validate(data); err != nil {
		return nil, nil, fmt.Errorf("not a valid privacyscan JSONL report: %s", schemaProblems(err))
	}
	return rep, h, nil
}

// IsJSONL reports whether data starts like a JSONL run: a first line that
// is a header object. A JSON report starts with "{" and a newline.
func IsJSONL(data []byte) bool {
	first, _, _ := bytes.Cut(bytes.TrimLeft(data, " \t\r\n"), []byte("\n"))
	var l struct {
		Header *JSONLHeader `json:"header"`
	}
	return json.Unmarshal(first, &l) == nil && l.Header != nil
}
