package reports

import (
	"encoding/json"
	"io"

	"github.com/privacyscan/privacyscan/scanner/model"
)

type jsonWriter struct{}

// Write writes the JSON report, indented, with HTML characters escaped so a
// report embedded in a page stays inert.
func (jsonWriter) Write(w io.Writer, r *model.Report) error {
	Normalize(r)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}
