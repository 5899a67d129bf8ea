// Package textwrap fits prose to a terminal's width: it breaks lines on spaces, never inside a
// word, measuring characters by the columns they take. The questionnaire and the plain prompter
// both draw with it.
package textwrap

import (
	"strings"

	"github.com/mattn/go-runewidth"
)

// Wrap breaks text into lines of at most width columns, on spaces only: a word longer than the
// line stays whole (a URL, a long file name) rather than being cut. Lines after the first start
// with indent, for a list item's hanging indent. Newlines in text are kept; a no-break space
// (U+00A0) does not break.
func Wrap(text string, width int, indent string) string {
	if width < 20 {
		width = 20 // narrower than this, wrapping would only make it worse
	}
	var b strings.Builder
	for pi, para := range strings.Split(text, "\n") {
		if pi > 0 {
			b.WriteString("\n" + indent)
		}
		col := 0
		if pi > 0 {
			col = runewidth.StringWidth(indent)
		}
		lineStart := true
		// Split on spaces and tabs only: a no-break space holds its neighbours together.
		for _, word := range strings.FieldsFunc(para, func(r rune) bool { return r == ' ' || r == '\t' }) {
			w := runewidth.StringWidth(word)
			if !lineStart && col+1+w > width {
				b.WriteString("\n" + indent)
				col = runewidth.StringWidth(indent)
				lineStart = true
			}
			if !lineStart {
				b.WriteByte(' ')
				col++
			}
			b.WriteString(word)
			col += w
			lineStart = false
		}
	}
	return b.String()
}

// Truncate shortens s to at most width columns, ending in "…" when it was cut.
func Truncate(s string, width int) string {
	if width < 10 || runewidth.StringWidth(s) <= width {
		return s
	}
	return strings.TrimRight(runewidth.Truncate(s, width-1, ""), " ") + "…"
}
