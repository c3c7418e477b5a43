package reports

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/privacyscan/privacyscan/reports/schema"
	"github.com/privacyscan/privacyscan/scanner/model"
)

// ReadJSON reads a JSON report written by privacyscan (--format json), for
// the readers of earlier scans: --baseline and diff. It refuses what is not
// one, with an error saying why: not JSON, another tool's JSON (a SARIF log
// has no schema_version and no tool.name), a schema version this build does
// not read, or a document that does not match the report schema.
func ReadJSON(data []byte) (*model.Report, error) {
	var h model.ReportHeader
	if err := json.Unmarshal(data, &h); err != nil {
		return nil, fmt.Errorf("not a privacyscan JSON report: %w", err)
	}
	if err := h.Check(); err != nil {
		return nil, err
	}
	if err := schema.Validate(data); err != nil {
		return nil, fmt.Errorf("not a valid privacyscan JSON report: %s", firstLines(err.Error(), 4))
	}
	var r model.Report
	if err := json.Unmarshal(data, &r); err != nil {
		return nil, fmt.Errorf("not a privacyscan JSON report: %w", err)
	}
	return &r, nil
}

// firstLines keeps the first n lines of a long message (a schema error
// lists every failing location), marking what it left out.
func firstLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) <= n {
		return strings.Join(lines, "\n")
	}
	return strings.Join(lines[:n], "\n") + fmt.Sprintf("\n  … %d more lines", len(lines)-n)
}
