package render

import (
	"regexp"
	"strings"
	"sync"

	"github.com/clipperhouse/displaywidth"

	"github.com/hitready/hitready/internal/prose"
)

// ANSI styles; kept to the basic sixteen colours every terminal has.
const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[31m"
	ansiGreen  = "\x1b[32m"
	ansiYellow = "\x1b[33m"
	ansiDim    = "\x1b[2m"
)

type painter bool

func (p painter) paint(style, s string) string {
	if !p || s == "" || style == "" {
		return s
	}
	return style + s + ansiReset
}

// textWidth is the display width of the widest line of s, colour aside.
func textWidth(s string) int { return widest(strings.Split(s, "\n")) }

// longestWord is the display width of the widest word of s, colour aside.
func longestWord(s string) int { return widest(strings.Fields(s)) }

func widest(texts []string) int {
	w := 0
	for _, t := range texts {
		w = max(w, prose.Width(stripANSI(t)))
	}
	return w
}

// cutEnd shortens s to width columns, keeping its start and marking the cut with an ellipsis:
// two students called Montgomery are told apart by their first names. A character is never
// split (displaywidth cuts between grapheme clusters).
func cutEnd(s string, width int) string {
	return displaywidth.TruncateString(s, width, "…")
}

// cutStart shortens s to width columns, keeping its end and marking the cut with an ellipsis:
// the end of a path names the file. A character is never split.
func cutStart(s string, width int) string {
	if prose.Width(s) <= width || width < 1 {
		return s
	}
	var starts []int // where each grapheme cluster starts
	var widths []int
	for g, at := displaywidth.StringGraphemes(s), 0; g.Next(); at += len(g.Value()) {
		starts = append(starts, at)
		widths = append(widths, g.Width())
	}
	room, i := width-1, len(starts)
	for i > 0 && widths[i-1] <= room {
		room -= widths[i-1]
		i--
	}
	return "…" + s[starts[min(i, len(starts)-1)]:]
}

var ansiCode = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile("\x1b\\[[0-9;]*m") })

func stripANSI(s string) string {
	if !strings.Contains(s, "\x1b") {
		return s
	}
	return ansiCode().ReplaceAllString(s, "")
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

// wrapped writes text word-wrapped to width, every line after prefix's first: the first line
// starts with prefix, the others with as many spaces, so labels stand in a column and their
// values hang under each other. Lines of text stay lines.
func wrapped(b *strings.Builder, prefix, text string, width int) {
	indent := strings.Repeat(" ", textWidth(prefix))
	room := max(width-textWidth(prefix), 20)
	for _, para := range strings.Split(text, "\n") {
		for _, line := range prose.Lines(para, room) {
			b.WriteString(prefix + strings.TrimRight(line, " ") + "\n")
			prefix = indent
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
