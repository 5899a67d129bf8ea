package render

import (
	"strings"

	"github.com/hitready/hitready/internal/prose"
)

// boxTable draws every table of hitready: fixed column widths, one row at a time, in
// tablewriter's light box style (a test holds the two to the same text, line for line). A row
// depends on nothing but its cells, so the cohort's rows are drawn in parallel and streamed, where
// tablewriter's streaming mode cost about 120µs a row on one goroutine and doubled the time of a
// 10,000-student run; and tablewriter stays out of the binary, whose start-up it slowed (its
// width tables are built at init, on every run, --help included).
type boxTable struct {
	widths []int // content width of each column, without the padding
}

func (t boxTable) line(left, mid, right string) string {
	var b strings.Builder
	b.WriteString(left)
	for i, w := range t.widths {
		if i > 0 {
			b.WriteString(mid)
		}
		b.WriteString(strings.Repeat("─", w+2))
	}
	b.WriteString(right)
	b.WriteString("\n")
	return b.String()
}

func (t boxTable) Top() string       { return t.line("┌", "┬", "┐") }
func (t boxTable) Separator() string { return t.line("├", "┼", "┤") }
func (t boxTable) Bottom() string    { return t.line("└", "┴", "┘") }

// Row draws one row, its cells word-wrapped to their columns. A newline in a cell starts a new
// line; a cell may carry colour (ANSI escapes), which takes no room.
func (t boxTable) Row(cells ...string) string {
	wrapped := make([][]string, len(t.widths))
	height := 1
	for i, w := range t.widths {
		cell := ""
		if i < len(cells) {
			cell = cells[i]
		}
		wrapped[i] = cellLines(cell, w)
		height = max(height, len(wrapped[i]))
	}
	var b strings.Builder
	for l := range height {
		b.WriteString("│")
		for i, w := range t.widths {
			text := ""
			if l < len(wrapped[i]) {
				text = wrapped[i][l]
			}
			b.WriteString(" ")
			b.WriteString(text)
			b.WriteString(strings.Repeat(" ", max(w-textWidth(text), 0)))
			b.WriteString(" │")
		}
		b.WriteString("\n")
	}
	return b.String()
}

// cellLines wraps one cell to width: each of its lines on words; a coloured line is wrapped as
// its text and each piece painted as the whole was.
func cellLines(cell string, width int) []string {
	if !strings.ContainsAny(cell, "\n\x1b") {
		return prose.Lines(cell, width)
	}
	var out []string
	for _, para := range strings.Split(cell, "\n") {
		if !strings.Contains(para, "\x1b") {
			out = append(out, prose.Lines(para, width)...)
			continue
		}
		plain := stripANSI(para)
		lines := prose.Lines(plain, width)
		if len(lines) == 1 {
			out = append(out, para)
			continue
		}
		style := para[:len(para)-len(strings.TrimLeft(para, "\x1b[0123456789;m"))]
		for _, l := range lines {
			out = append(out, style+l+ansiReset)
		}
	}
	return out
}
