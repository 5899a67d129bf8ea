package render

import (
	"strings"

	"github.com/hitready/hitready/internal/textsafe"
)

// mdCell makes text safe inside a Markdown table cell: a pipe would end the cell and a newline
// the row.
func mdCell(s string) string {
	s = strings.ReplaceAll(s, `\`, `\\`)
	s = strings.ReplaceAll(s, "|", `\|`)
	s = strings.ReplaceAll(s, "\r\n", "<br>")
	s = strings.ReplaceAll(s, "\n", "<br>")
	return textsafe.Escape(strings.TrimSpace(s))
}

// mdText makes text safe on a line of its own (a heading, a paragraph).
func mdText(s string) string {
	return textsafe.Escape(strings.Join(strings.Fields(s), " "))
}
