package reports

import (
	"bytes"
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"
)

// TestTableFitsWidth: with Options.Width (the CLI passes COLUMNS) every
// line of the table keeps within it; without, the table is as before.
func TestTableFitsWidth(t *testing.T) {
	widest := func(s string) int {
		n := 0
		for _, l := range strings.Split(s, "\n") {
			n = max(n, runewidth.StringWidth(l))
		}
		return n
	}
	render := func(width int) string {
		w, err := New("table", Options{Width: width})
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := w.Write(&b, loadReport(t)); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	free := widest(render(0))
	for _, width := range []int{100, 80} {
		if width >= free {
			t.Fatalf("the test report's table is only %d wide: no test of %d", free, width)
		}
		out := render(width)
		// The heading lines are prose written by the report, not tables;
		// "privacyscan report for URL" is the widest and shorter than 80.
		if got := widest(out); got > width {
			t.Errorf("Width %d: a line is %d wide:\n%s", width, got, out)
		}
	}
}

// TestTableSaysWhatSeverityHid: a report written with --severity says how
// many findings it left out, and that they still count.
func TestTableSaysWhatSeverityHid(t *testing.T) {
	r := loadReport(t)
	r.MinSeverity, r.HiddenFindings = "high", 3
	var b bytes.Buffer
	if err := (tableWriter{}).Write(&b, r); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "3 finding(s) below high not shown (--severity); they still count toward --fail-on.") {
		t.Errorf("no note of the hidden findings:\n%s", b.String())
	}
}
