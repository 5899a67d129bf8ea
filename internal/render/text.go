package render

import (
	"io"
	"regexp"
	"strings"
	"sync"

	"github.com/mattn/go-runewidth"

	"github.com/hitready/hitready/internal/prose"
)

// column is one column of a table that is fitted to the width it is printed on.
type column struct {
	header string
	min    int // content width below which the column reads badly; raised to its longest word
	max    int // width it is given before the flexible columns (max 0) grow; more only when room is left
}

// frameWidth is what a box table of n columns adds to its cells: "│ " before each cell, " "
// after it, and the closing "│".
func frameWidth(n int) int { return 3*n + 1 }

// fitColumns gives each column a content width so that the table, frame included, is no wider
// than width, and uses the room there is: the bounded columns first, up to their max, then the
// flexible ones, then all of them up to what their cells need. ok is false when the columns do
// not fit even at their minimum: the caller then stacks the rows instead. rows are the cells
// without colour.
func fitColumns(cols []column, rows [][]string, width int) (widths []int, ok bool) {
	n := len(cols)
	natural := make([]int, n)
	widths = make([]int, n)
	for i, c := range cols {
		natural[i] = textWidth(c.header)
		floor := max(c.min, longestWord(c.header))
		for _, r := range rows {
			if i < len(r) {
				natural[i] = max(natural[i], textWidth(r[i]))
				floor = max(floor, longestWord(r[i]))
			}
		}
		widths[i] = min(floor, max(natural[i], longestWord(c.header)))
	}
	room := width - frameWidth(n) - sum(widths)
	if room < 0 {
		return nil, false
	}
	grow := func(limit func(i int) int, which func(i int) bool) {
		for room > 0 {
			grew := false
			for i := range cols {
				if room > 0 && which(i) && widths[i] < limit(i) {
					widths[i]++
					room--
					grew = true
				}
			}
			if !grew {
				return
			}
		}
	}
	bounded := func(i int) bool { return cols[i].max > 0 }
	flexible := func(i int) bool { return cols[i].max == 0 }
	all := func(int) bool { return true }
	grow(func(i int) int { return min(cols[i].max, natural[i]) }, bounded)
	grow(func(i int) int { return natural[i] }, flexible)
	grow(func(i int) int { return natural[i] }, all)
	return widths, true
}

// textWidth is the display width of the widest line of s.
func textWidth(s string) int {
	w := 0
	for _, line := range strings.Split(s, "\n") {
		w = max(w, runewidth.StringWidth(stripANSI(line)))
	}
	return w
}

func longestWord(s string) int {
	w := 0
	for _, word := range strings.Fields(s) {
		w = max(w, runewidth.StringWidth(stripANSI(word)))
	}
	return w
}

var ansiCode = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile("\x1b\\[[0-9;]*m") })

func stripANSI(s string) string {
	if !strings.Contains(s, "\x1b") {
		return s
	}
	return ansiCode().ReplaceAllString(s, "")
}

// wrapped writes text word-wrapped to width, every line after prefix's first: the first line
// starts with prefix, the others with as many spaces, so labels stand in a column and their
// values hang under each other. Lines of text stay lines.
func wrapped(b *strings.Builder, prefix, text string, width int) {
	indent := strings.Repeat(" ", textWidth(prefix))
	room := max(width-textWidth(prefix), 20)
	first := true
	for _, para := range strings.Split(text, "\n") {
		for _, line := range prose.Lines(para, room) {
			if first {
				b.WriteString(prefix)
				first = false
			} else {
				b.WriteString(indent)
			}
			b.WriteString(strings.TrimRight(line, " "))
			b.WriteString("\n")
		}
	}
}

// labelled writes label: value lines with the values in one column, wrapped to width.
type labelled struct {
	indent string
	labels []string
	values []string
}

func (l *labelled) add(label, value string) {
	l.labels = append(l.labels, label)
	l.values = append(l.values, value)
}

func (l *labelled) write(b *strings.Builder, width int) {
	labelWidth := 0
	for _, s := range l.labels {
		labelWidth = max(labelWidth, textWidth(s)+1)
	}
	for i, s := range l.labels {
		prefix := l.indent + s + ":" + strings.Repeat(" ", labelWidth-textWidth(s)-1+1)
		wrapped(b, prefix, l.values[i], width)
	}
}

// stackRows writes rows as blocks of labelled lines, for widths a table cannot hold and for
// plain output: the first cell is the block's title, each other cell follows its column's
// header. Empty cells are left out.
func stackRows(b *strings.Builder, cols []column, rows [][]string, width int) {
	for i, r := range rows {
		if i > 0 {
			b.WriteString("\n")
		}
		wrapped(b, "", r[0], width)
		l := labelled{indent: "  "}
		for j := 1; j < len(cols) && j < len(r); j++ {
			if strings.TrimSpace(r[j]) != "" {
				l.add(cols[j].header, strings.ReplaceAll(r[j], "\n", " "))
			}
		}
		l.write(b, width)
	}
}

// fitted draws rows as a box table fitted to the width of opts, or as stacked blocks when the
// table cannot be held in it or opts asks for plain output. painted, when not nil, are the same
// cells with colour; rows, without, are what is measured. rowLines draws a rule between rows, for
// rows that wrap over many lines.
func fitted(w io.Writer, cols []column, rows, painted [][]string, opts TableOptions, rowLines bool) error {
	if painted == nil {
		painted = rows
	}
	widths, ok := fitColumns(cols, rows, opts.width())
	if !ok || opts.Plain {
		var b strings.Builder
		stackRows(&b, cols, rows, opts.width())
		_, err := io.WriteString(w, b.String())
		return err
	}
	headers := make([]string, len(cols))
	for i, c := range cols {
		headers[i] = c.header
	}
	// A column is as wide as its widest line once wrapped at the width it was given, which is
	// at most that width: a column whose words leave a little room does not keep it.
	used := make([]int, len(widths))
	for i := range widths {
		used[i] = textWidth(headers[i])
		for _, r := range rows {
			if i < len(r) {
				for _, l := range cellLines(r[i], widths[i]) {
					used[i] = max(used[i], textWidth(l))
				}
			}
		}
		used[i] = min(used[i], widths[i])
	}
	box := boxTable{widths: used}
	var b strings.Builder
	b.WriteString(box.Top())
	b.WriteString(box.Row(headers...))
	b.WriteString(box.Separator())
	for i, r := range painted {
		if i > 0 && rowLines {
			b.WriteString(box.Separator())
		}
		b.WriteString(box.Row(r...))
	}
	b.WriteString(box.Bottom())
	_, err := io.WriteString(w, b.String())
	return err
}
