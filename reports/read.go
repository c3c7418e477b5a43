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
		return nil, fmt.Errorf("not a valid privacyscan JSON report: %s", schemaProblems(err))
	}
	var r model.Report
	if err := json.Unmarshal(data, &r); err != nil {
		return nil, fmt.Errorf("not a privacyscan JSON report: %w", err)
	}
	return &r, nil
}

// schemaProblems shortens a schema validation error to its first few
// failing locations ("- at '/sites/0/findings': got null, want array"),
// without the validator's opening line, which names the schema by a
// file URL of the working directory.
func schemaProblems(err error) string {
	const max = 3
	lines := strings.Split(strings.TrimSpace(err.Error()), "\n")
	if len(lines) > 1 && strings.HasPrefix(lines[0], "jsonschema validation failed") {
		lines = lines[1:]
	}
	for i := range lines {
		lines[i] = strings.TrimPrefix(strings.TrimSpace(lines[i]), "- ")
	}
	if len(lines) > max {
		lines = append(lines[:max], fmt.Sprintf("… %d more", len(lines)-max))
	}
	return strings.Join(lines, "; ")
}
