package render

import (
	"io"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
)

// newTable is the one table style of hitready: headers as written, everything left-aligned,
// long text word-wrapped. widths caps each column's width in order; a single width caps them
// all. rowLines draws a line between rows, for tables whose rows wrap over many lines.
func newTable(w io.Writer, rowLines bool, widths ...int) *tablewriter.Table {
	maxWidths := tw.CellWidth{}
	if len(widths) == 1 {
		maxWidths.Global = widths[0]
	} else {
		perColumn := tw.NewMapper[int, int]()
		for i, cw := range widths {
			perColumn.Set(i, cw)
		}
		maxWidths.PerColumn = perColumn
	}
	opts := []tablewriter.Option{tablewriter.WithConfig(tablewriter.Config{
		Header: tw.CellConfig{
			Formatting: tw.CellFormatting{AutoFormat: tw.Off},
			Alignment:  tw.CellAlignment{Global: tw.AlignLeft},
		},
		Row: tw.CellConfig{
			Formatting:   tw.CellFormatting{AutoWrap: tw.WrapNormal},
			Alignment:    tw.CellAlignment{Global: tw.AlignLeft},
			ColMaxWidths: maxWidths,
		},
	})}
	if rowLines {
		opts = append(opts, tablewriter.WithRendition(tw.Rendition{Settings: tw.Settings{Separators: tw.Separators{BetweenRows: tw.On}}}))
	}
	return tablewriter.NewTable(w, opts...)
}
