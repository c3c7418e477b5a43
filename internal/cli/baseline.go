package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/privacyscan/privacyscan/reports"
	"github.com/privacyscan/privacyscan/rules"
)

// The --baseline-missing values: what a --baseline file that does not exist
// means.
const (
	// baselineMissingError: an error (exit 2), so a job that lost its
	// baseline does not quietly gate on every finding.
	baselineMissingError = "error"
	// baselineMissingOK: a first run; no baseline is applied and a notice
	// says so.
	baselineMissingOK = "ok"
)

// loadBaseline reads the --baseline report. It refuses a file that is not a
// privacyscan JSON report (a SARIF log, another tool's JSON, one that does
// not match the report schema): read as a baseline without findings, it
// would make every finding new. A missing file is an error unless missing
// is "ok"; then the baseline is nil and notice says why.
func loadBaseline(path, missing string) (b rules.Baseline, notice string, err error) {
	data, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist) && missing == baselineMissingOK:
		return nil, fmt.Sprintf("--baseline %s does not exist: no baseline applied (a first run); every finding counts", path), nil
	case errors.Is(err, fs.ErrNotExist):
		return nil, "", usagef("--baseline %s: no such file (on a first run, pass --baseline-missing ok)", path)
	case err != nil:
		return nil, "", usagef("--baseline: reading %s: %w", path, err)
	}
	rep, err := reports.ReadJSON(data)
	if err != nil {
		return nil, "", usagef("--baseline %s: %w", path, err)
	}
	return rules.BaselineOf(rep), "", nil
}
