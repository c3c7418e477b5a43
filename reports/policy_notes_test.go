package reports

import (
	"strings"
	"testing"

	"github.com/privacyscan/privacyscan/scanner/model"
)

// TestPolicyNotes: the reports say when a policy was cut at the size limit,
// could not be read or is in a language the analyser does not read, and
// say nothing more of a policy read in full.
func TestPolicyNotes(t *testing.T) {
	no := false
	yes := true
	id := func(s string) string { return s }
	cases := []struct {
		name string
		p    model.PolicyFacts
		want []string
	}{
		{"read", model.PolicyFacts{Readable: &yes}, nil},
		{"cut", model.PolicyFacts{Readable: &yes, Truncated: true}, []string{"cut at the size limit"}},
		{"unread", model.PolicyFacts{Readable: &no, Language: "tr"}, []string{"language not supported"}},
		{"error", model.PolicyFacts{Error: "not a text document: PDF"}, []string{"not read: not a text document: PDF"}},
		{"cut and unread", model.PolicyFacts{Readable: &no, Truncated: true}, []string{"language not supported", "cut at the size limit"}},
	}
	for _, c := range cases {
		got := policyNotes(&c.p, id)
		if len(c.want) == 0 && got != "" {
			t.Errorf("%s: notes %q, want none", c.name, got)
		}
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: notes %q, want %q", c.name, got, w)
			}
		}
	}
}
