// Package schema holds the JSON Schema of privacyscan's JSON report.
package schema

import _ "embed"

// Report is the JSON Schema (draft 2020-12) of the JSON report.
//
//go:embed report.schema.json
var Report []byte
