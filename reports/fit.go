package reports

import (
	"io"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/pkg/twwidth"
	"github.com/olekukonko/tablewriter/tw"
)

// FitTable is a table that keeps within a terminal's width (COLUMNS).
// tablewriter's own limit splits the width evenly and lets long words
// overflow, so FitTable holds the rows until Render, gives each column its
// natural width (at most maxCell), and when the whole is too wide narrows
// the widest columns first, breaking words that no longer fit.
type FitTable struct {
	w              io.Writer
	maxCell, width int
	header         []string
	rows           [][]string
}

// NewFitTable is NewTable within width columns; width 0 is no limit.
func NewFitTable(w io.Writer, maxCell, width int, header ...string) *FitTable {
	return &FitTable{w: w, maxCell: maxCell, width: width, header: header}
}

// Header sets the header cells.
func (t *FitTable) Header(cells ...string) { t.header = cells }

// Append adds a row; rendering errors come from Render.
func (t *FitTable) Append(cells ...string) error {
	t.rows = append(t.rows, cells)
	return nil
}

// Render writes the table.
func (t *FitTable) Render() error {
	tb := NewTable(t.w, t.maxCell)
	if widths := t.fit(); widths != nil {
		tb.Options(tablewriter.WithColumnWidths(widths), tablewriter.WithRowAutoWrap(tw.WrapBreak)) // WrapNormal would cut words off
	}
	if len(t.header) > 0 {
		tb.Header(toAny(t.header)...)
	}
	for _, r := range t.rows {
		if err := tb.Append(toAny(r)...); err != nil {
			return err
		}
	}
	return tb.Render()
}

// fit returns the width of each column (padding included) that keeps the
// table within t.width, or nil when it fits as it is.
func (t *FitTable) fit() tw.Mapper[int, int] {
	if t.width <= 0 {
		return nil
	}
	var natural []int
	measure := func(cells []string) {
		for i, c := range cells {
			for len(natural) <= i {
				natural = append(natural, 0)
			}
			for _, line := range strings.Split(c, "\n") {
				natural[i] = max(natural[i], min(twwidth.Width(line), t.maxCell))
			}
		}
	}
	measure(t.header)
	for _, r := range t.rows {
		measure(r)
	}
	n := len(natural)
	const pad = 2 // one space each side
	available := t.width - (n + 1) - pad*n
	sum := func(limit int) int {
		s := 0
		for _, w := range natural {
			s += min(w, limit)
		}
		return s
	}
	if n == 0 || sum(t.maxCell) <= available {
		return nil
	}
	// The largest per-column limit that fits; columns narrower keep theirs.
	const minCell = 6
	limit := minCell
	for l := t.maxCell; l > minCell; l-- {
		if sum(l) <= available {
			limit = l
			break
		}
	}
	widths := tw.NewMapper[int, int]()
	for i, w := range natural {
		widths.Set(i, max(min(w, limit), 1)+pad)
	}
	return widths
}

func toAny(s []string) []any {
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}
