package reports

import (
	"encoding/json"
	"io"
)

type jsonWriter struct{}

// Write writes the JSON report, indented, with HTML characters escaped so a
// report embedded in a page stays inert.
func (jsonWriter) Write(w io.Writer, r *Report) error {
	Normalize(r)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}
