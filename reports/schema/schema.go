// Package schema holds the JSON Schema of privacyscan's JSON report.
package schema

import (
	"bytes"
	_ "embed"
	"fmt"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// Report is the JSON Schema (draft 2020-12) of the JSON report.
//
//go:embed report.schema.json
var Report []byte

// Validate checks a JSON report against the schema.
func Validate(report []byte) error {
	c := jsonschema.NewCompiler()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(Report))
	if err != nil {
		return fmt.Errorf("reading the schema: %w", err)
	}
	if err := c.AddResource("report.schema.json", doc); err != nil {
		return fmt.Errorf("reading the schema: %w", err)
	}
	sch, err := c.Compile("report.schema.json")
	if err != nil {
		return fmt.Errorf("compiling the schema: %w", err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(report))
	if err != nil {
		return fmt.Errorf("reading the report: %w", err)
	}
	return sch.Validate(inst)
}
