// Package prose holds the rules hitready's sentences follow wherever they are shown: lines
// broken on spaces at a width (measured in the columns characters take, never inside a word
// unless a table cell leaves no choice), numbered lists, a title's capital and a list of
// choices. The report, the questionnaire and the prompters all write through it, so a rule
// changes in one place.
package prose

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/clipperhouse/displaywidth"
)

// Wrap breaks text into lines of at most width columns, on spaces only: a word longer than the
// line stays whole (a URL, a long file name) rather than being cut. Lines after the first start
// with indent, for a list item's hanging indent. Newlines in text are kept; a no-break space
// (U+00A0) does not break.
func Wrap(text string, width int, indent string) string {
	if width < 20 {
		width = 20 // narrower than this, wrapping would only make it worse
	}
	iw := Width(indent)
	var b strings.Builder
	for pi, para := range strings.Split(text, "\n") {
		first := width
		if pi > 0 {
			b.WriteString("\n" + indent)
			first = width - iw
		}
		b.WriteString(strings.Join(lines(para, first, width-iw, false), "\n"+indent))
	}
	return b.String()
}

// Numbered lists items on numbered lines, "  1. text" (the numbers aligned on the right), each
// wrapped to width under its own text: every line of an item has the room the number leaves.
func Numbered(items []string, width int) string {
	var b strings.Builder
	digits := len(strconv.Itoa(len(items)))
	for i, item := range items {
		prefix := fmt.Sprintf("  %*d. ", digits, i+1)
		text := Wrap(item, width-len(prefix), "")
		b.WriteString(prefix + strings.ReplaceAll(text, "\n", "\n"+strings.Repeat(" ", len(prefix))) + "\n")
	}
	return b.String()
}

// Lines breaks one paragraph into lines of at most width columns, on spaces; a word wider than
// width is cut, as a table cell must keep to its column. It always returns at least one line.
func Lines(text string, width int) []string {
	return lines(text, width, width, true)
}

// lines is the one line-breaker: first is the room on the first line, rest on the others.
// Breaks fall on spaces (breaksLine), so a no-break space holds its neighbours together. A
// word wider than its line is cut when cut is set, else left whole on a line of its own.
func lines(text string, first, rest int, cut bool) []string {
	var out []string
	var cur strings.Builder
	curWidth, room := 0, max(first, 1)
	flush := func() {
		out = append(out, cur.String())
		cur.Reset()
		curWidth, room = 0, max(rest, 1)
	}
	for _, word := range strings.FieldsFunc(text, breaksLine) {
		ww := Width(word)
		for cut && ww > room {
			if curWidth > 0 {
				flush()
			}
			head := displaywidth.TruncateString(word, room, "")
			if head == "" { // a character wider than the whole line: take it anyway
				head = firstCharacter(word)
			}
			cur.WriteString(head)
			curWidth = Width(head)
			flush()
			word = word[len(head):]
			ww = Width(word)
		}
		switch {
		case ww == 0:
		case curWidth == 0:
			cur.WriteString(word)
			curWidth = ww
		case curWidth+1+ww <= room:
			cur.WriteByte(' ')
			cur.WriteString(word)
			curWidth += 1 + ww
		default:
			flush()
			cur.WriteString(word)
			curWidth = ww
		}
	}
	if curWidth > 0 || len(out) == 0 {
		out = append(out, cur.String())
	}
	return out
}

// breaksLine tells where a line may break: at any space but the no-break ones, which hold a
// rating ("4 of 5") or a figure together.
func breaksLine(r rune) bool {
	return unicode.IsSpace(r) && r != '\u00a0' && r != '\u202f' && r != '\u2007'
}

// firstCharacter is the first character of s as a person sees it: a grapheme cluster, so that a
// flag, a keycap or a family emoji is never split.
func firstCharacter(s string) string {
	g := displaywidth.StringGraphemes(s)
	if g.Next() {
		return g.Value()
	}
	return s
}

// Width is the number of columns s takes on a terminal, measured by grapheme cluster: a flag
// (two regional indicators), a keycap or a sequence joined by zero-width joiners is one
// character of two columns, where counting rune by rune makes it one column or six.
func Width(s string) int { return displaywidth.String(s) }

// UpperFirst capitalises the first letter of a text, past anything before it (opening
// punctuation, a marker of the pseudo-language): "eligible" becomes "Eligible", "¿listo?" "¿Listo?".
func UpperFirst(s string) string {
	i := strings.IndexFunc(s, unicode.IsLetter)
	if i < 0 {
		return s
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	return s[:i] + string(unicode.ToUpper(r)) + s[i+n:]
}

// LowerFirst puts a title in the middle of a sentence: "Calm under pressure" becomes "calm under
// pressure", while "AHIMA exam" keeps its capitals (a second capital says the first is part of a
// name). Text that is not UTF-8 is read rune by rune, each bad byte a U+FFFD.
func LowerFirst(title string) string {
	if !utf8.ValidString(title) {
		r := []rune(title)
		if len(r) > 1 && unicode.IsUpper(r[0]) && !unicode.IsUpper(r[1]) {
			r[0] = unicode.ToLower(r[0])
		}
		return string(r)
	}
	first, n := utf8.DecodeRuneInString(title)
	second, m := utf8.DecodeRuneInString(title[n:])
	if m == 0 || !unicode.IsUpper(first) || unicode.IsUpper(second) {
		return title
	}
	return string(unicode.ToLower(first)) + title[n:]
}
