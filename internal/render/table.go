package render

import (
	"bytes"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/clipperhouse/displaywidth"
	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/pkg/twwidth"
	"github.com/olekukonko/tablewriter/tw"
)

// column is one column of a table fitted to the width it is printed on.
type column struct {
	header string
	min    int  // content width below which the column reads badly; raised to its longest word
	max    int  // width it is given before the flexible columns (max 0) grow; more only when room is left
	right  bool // aligned right, for numbers
}

// table is every table hitready draws: tablewriter draws it, with its columns fitted to the width.
// Where the columns do not fit, below the narrowest width at which the table reads well, or for
// plain output, each row becomes a block of labelled lines instead, which a screen reader reads
// in order.
type table struct {
	cols      []column
	rowLines  bool // a rule between rows, for rows that wrap over many lines
	narrowest int  // below this width the rows are blocks even where the columns would fit
	tight     bool // blocks follow each other with no blank line between (blocks of a line each)
	// block writes row i as a block; nil writes the first cell as the block's title and each
	// other cell after its column's header.
	block func(b *strings.Builder, i int, width int)
}

// write draws rows as a table fitted to the width of o, or as blocks.
func (t table) write(w io.Writer, rows [][]string, o Options) error {
	width := o.width()
	if widths, ok := t.fit(rows, width); ok && !o.Plain {
		return t.draw(w, rows, widths)
	}
	var b strings.Builder
	for i, r := range rows {
		if i > 0 && !t.tight {
			b.WriteString("\n")
		}
		t.writeBlock(&b, i, r, width)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// fit gives each column a content width from what its cells need, or ok false where no table
// reads well at width.
func (t table) fit(rows [][]string, width int) (widths []int, ok bool) {
	if width < t.narrowest {
		return nil, false
	}
	natural := make([]int, len(t.cols))
	floor := make([]int, len(t.cols))
	for i, c := range t.cols {
		natural[i] = textWidth(c.header)
		floor[i] = max(c.min, longestWord(c.header))
		for _, r := range rows {
			if i < len(r) {
				natural[i] = max(natural[i], textWidth(r[i]))
				floor[i] = max(floor[i], longestWord(r[i]))
			}
		}
		floor[i] = min(floor[i], max(natural[i], longestWord(c.header)))
	}
	return fitColumns(t.cols, natural, floor, width)
}

// fitColumns gives each column a content width so that the table, frame included, is no wider
// than width and uses the room there is: each column starts at its floor, then the bounded
// columns grow up to their max, then the flexible ones, then all of them, up to what their cells
// need (natural). ok is false when the floors alone do not fit.
func fitColumns(cols []column, natural, floor []int, width int) (widths []int, ok bool) {
	widths = slices.Clone(floor)
	room := width - frameWidth(len(cols))
	for _, w := range widths {
		room -= w
	}
	if room < 0 {
		return nil, false
	}
	grow := func(limit func(i int) int) {
		for grew := true; grew && room > 0; {
			grew = false
			for i := range widths {
				if room > 0 && widths[i] < limit(i) {
					widths[i]++
					room--
					grew = true
				}
			}
		}
	}
	grow(func(i int) int { return min(natural[i], cols[i].max) }) // a flexible column's max is 0
	grow(func(i int) int {
		if cols[i].max > 0 {
			return 0
		}
		return natural[i]
	})
	grow(func(i int) int { return natural[i] })
	return widths, true
}

// frameWidth is what a box table of n columns adds to its cells: "│ " before each cell, " "
// after it, and the closing "│".
func frameWidth(n int) int { return 3*n + 1 }

// draw has tablewriter draw the rows, each column at most its width (a column whose lines are all
// shorter is as wide as its widest line).
func (t table) draw(w io.Writer, rows [][]string, widths []int) error {
	var out bytes.Buffer
	tbl := t.newWriter(&out, widths, false)
	tbl.Header(t.headers())
	var stand standIns
	for _, r := range rows {
		if err := tbl.Append(stand.cells(r, widths)); err != nil {
			return err
		}
	}
	if err := tbl.Render(); err != nil {
		return err
	}
	_, err := w.Write(stand.restore(out.Bytes()))
	return err
}

func (t table) headers() []string {
	h := make([]string, len(t.cols))
	for i, c := range t.cols {
		h[i] = c.header
	}
	return h
}

// newWriter is hitready's one tablewriter configuration: light box lines, headers as written,
// every cell left-aligned and wrapped on words. A drawn table's columns are at most widths wide;
// a streamed one's exactly, since its rows come after its head is drawn.
func (t table) newWriter(w io.Writer, widths []int, stream bool) *tablewriter.Table {
	caps := tw.NewMapper[int, int]()
	for i, width := range widths {
		caps.Set(i, width+2) // tablewriter counts the padding around the text
	}
	aligns := make([]tw.Align, len(t.cols))
	for i, c := range t.cols {
		aligns[i] = map[bool]tw.Align{false: tw.AlignLeft, true: tw.AlignRight}[c.right]
	}
	cell := func(c tw.CellConfig) tw.CellConfig {
		c.Formatting.AutoWrap = tw.WrapNormal
		c.Alignment = tw.CellAlignment{Global: tw.AlignLeft, PerColumn: aligns}
		if !stream {
			c.ColMaxWidths = tw.CellWidth{PerColumn: caps}
		}
		return c
	}
	cfg := tablewriter.Config{
		Header: cell(tw.CellConfig{Formatting: tw.CellFormatting{AutoFormat: tw.Off}}),
		Row:    cell(tw.CellConfig{}),
	}
	if stream {
		cfg.Widths = tw.CellWidth{PerColumn: caps}
		cfg.Stream = tw.StreamConfig{Enable: true}
	}
	opts := []tablewriter.Option{
		tablewriter.WithConfig(cfg),
		// hitready measures text as the terminal shows it, ambiguous characters narrow, wherever it
		// runs (prose.Width); tablewriter would otherwise guess from the locale.
		tablewriter.WithEastAsian(tw.Off),
	}
	if t.rowLines {
		opts = append(opts, tablewriter.WithRendition(tw.Rendition{Settings: tw.Settings{Separators: tw.Separators{BetweenRows: tw.On}}}))
	}
	return tablewriter.NewTable(w, opts...)
}

// writeBlock writes one row as a block of lines.
func (t table) writeBlock(b *strings.Builder, i int, row []string, width int) {
	if t.block != nil {
		t.block(b, i, width)
		return
	}
	wrapped(b, "", row[0], width)
	l := labelled{indent: "  "}
	for j := 1; j < len(t.cols) && j < len(row); j++ {
		if strings.TrimSpace(row[j]) != "" {
			l.add(t.cols[j].header, strings.ReplaceAll(row[j], "\n", " "))
		}
	}
	l.write(b, width)
}

// streamedTable draws a table row by row as rows come, with tablewriter's streaming: the columns
// are fitted to the width from their bounds alone (a column's max stands for its longest cell),
// and the head is drawn with the first row.
type streamedTable struct {
	t      table
	w      io.Writer
	widths []int
	tbl    *tablewriter.Table
	out    bytes.Buffer
}

// stream starts a streamed table, or returns ok false where it does not fit the width (the
// caller writes blocks).
func (t table) stream(w io.Writer, width int) (s *streamedTable, ok bool) {
	natural := make([]int, len(t.cols))
	floor := make([]int, len(t.cols))
	for i, c := range t.cols {
		floor[i] = max(c.min, longestWord(c.header))
		natural[i] = max(c.max, floor[i])
	}
	widths, ok := fitColumns(t.cols, natural, floor, width)
	if !ok || width < t.narrowest {
		return nil, false
	}
	return &streamedTable{t: t, w: w, widths: widths}, true
}

// append draws one row, with the table's head before the first.
func (s *streamedTable) append(row []string) error {
	if s.tbl == nil {
		s.tbl = s.t.newWriter(&s.out, s.widths, true)
		if err := s.tbl.Start(); err != nil {
			return err
		}
		s.tbl.Header(s.t.headers())
	}
	var stand standIns
	if err := s.tbl.Append(stand.cells(row, s.widths)); err != nil {
		return err
	}
	return s.flush(&stand)
}

// close draws the table's bottom line, if a row was drawn.
func (s *streamedTable) close() error {
	if s.tbl == nil {
		return nil
	}
	if err := s.tbl.Close(); err != nil {
		return err
	}
	return s.flush(nil)
}

func (s *streamedTable) flush(stand *standIns) error {
	_, err := s.w.Write(stand.restore(s.out.Bytes()))
	s.out.Reset()
	return err
}

// standIns are what tablewriter lays out in place of a line it would measure wrong, put back in
// what it drew. tablewriter v1.1.5 measures text rune by rune, where a terminal shows grapheme
// clusters: it counts a flag as four columns, a keycap as one, a family joined by zero-width
// joiners as six, and a row holding one would push its border out of line. Such a line is
// handed over as a stand-in of the width it takes on a terminal: a key of control characters,
// which take no room and which no cell holds (text from files reaches a table escaped), then
// filler. A cell also needs its lines broken here when a word is wider than its column, which
// tablewriter would cut without a mark (a streamed table's columns are fixed before its rows).
type standIns struct {
	lines []string
}

const (
	standInOpen  = '\x01'
	standInClose = '\x02'
	standInDigit = '\x10' // keys are written in octal, digits '\x10' to '\x17'
)

// cells are a row's cells as tablewriter is handed them.
func (s *standIns) cells(row []string, widths []int) []string {
	out := make([]string, len(row))
	for i, cell := range row {
		out[i] = cell
		if i < len(widths) && needsOwnLines(cell, widths[i]) {
			lines := cellLines(cell, widths[i])
			for j, l := range lines {
				if mismeasured(l) {
					lines[j] = s.add(l)
				}
			}
			out[i] = strings.Join(lines, "\n")
		}
	}
	return out
}

func needsOwnLines(cell string, width int) bool {
	return mismeasured(cell) || longestWord(cell) > width
}

// mismeasured tells whether tablewriter would measure a character of s other than as a terminal
// shows it.
func mismeasured(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return mismeasuredGraphemes(stripANSI(s))
		}
	}
	return false
}

func mismeasuredGraphemes(s string) bool {
	for g := displaywidth.StringGraphemes(s); g.Next(); {
		if twwidth.Width(g.Value()) != g.Width() {
			return true
		}
	}
	return false
}

func (s *standIns) add(line string) string {
	key := strings.Map(func(r rune) rune { return r - '0' + standInDigit }, strconv.FormatInt(int64(len(s.lines)), 8))
	s.lines = append(s.lines, line)
	return string(standInOpen) + key + string(standInClose) + strings.Repeat("x", textWidth(line))
}

// restore puts the lines back in place of their stand-ins.
func (s *standIns) restore(drawn []byte) []byte {
	if s == nil || len(s.lines) == 0 {
		return drawn
	}
	var out bytes.Buffer
	for {
		open := bytes.IndexByte(drawn, standInOpen)
		if open < 0 {
			out.Write(drawn)
			return out.Bytes()
		}
		out.Write(drawn[:open])
		end := open + bytes.IndexByte(drawn[open:], standInClose)
		key := strings.Map(func(r rune) rune { return r - standInDigit + '0' }, string(drawn[open+1:end]))
		n, _ := strconv.ParseInt(key, 8, 0) // a key add wrote: octal digits
		line := s.lines[n]
		out.WriteString(line)
		drawn = drawn[end+1+textWidth(line):]
	}
}
