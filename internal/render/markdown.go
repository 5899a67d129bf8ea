package render

import (
	"fmt"
	"strings"

	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/textsafe"
)

// Every text a Markdown output takes from a file (names, paths, a profile's sentences) goes
// through mdText or mdCell, so that it reads as the text it is wherever the Markdown is pasted:
// no emphasis, code, link, image, heading, list, quote, table cell or HTML tag or entity of its
// own. Bare web addresses stay as they are (a renderer may link them, to where they say).

// mdInline escapes with a backslash each character Markdown or HTML would act on inside a line:
// the backslash itself, emphasis and strikethrough (* _ ~), code (`), links and images ([ ]),
// tags and autolinks (< >), entities (&) and table cells (|). CommonMark reads a backslash before
// any ASCII punctuation as that character.
var mdInline = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "~", `\~`, "[", `\[`, "]", `\]`,
	"<", `\<`, ">", `\>`, "&", `\&`, "|", `\|`,
)

// mdText makes text safe on a line of its own or within one (a heading, a paragraph, a list
// item): on one line, escaped, and never read as the start of a block.
func mdText(s string) string {
	return mdBlockStart(mdInline.Replace(textsafe.Escape(strings.Join(strings.Fields(s), " "))))
}

// mdCell makes text safe inside a Markdown table cell: escaped as mdText, its lines kept apart by
// <br>, the one tag hitready writes, as a newline would end the row.
func mdCell(s string) string {
	lines := strings.Split(strings.ReplaceAll(strings.TrimSpace(s), "\r\n", "\n"), "\n")
	for i, l := range lines {
		lines[i] = mdText(l)
	}
	return strings.Join(lines, "<br>")
}

// mdBlockStart escapes what would open a block at the start of a line: a heading (#), a quote
// (>, escaped already), a list item (- + *, or a number and . or )), a rule or a setext
// underline (- =), a code fence (` escaped already, ~).
func mdBlockStart(s string) string {
	if s == "" {
		return s
	}
	if strings.ContainsRune("#-+=", rune(s[0])) {
		return `\` + s
	}
	digits := len(s) - len(strings.TrimLeft(s, "0123456789"))
	if digits > 0 && digits < len(s) && (s[digits] == '.' || s[digits] == ')') {
		return s[:digits] + `\` + s[digits:]
	}
	return s
}

// mdRow writes one row of a Markdown table, its cells as given (text from a file through mdCell).
func mdRow(b *strings.Builder, cells ...string) {
	fmt.Fprintf(b, "| %s |\n", strings.Join(cells, " | "))
}

// mdHead writes a Markdown table's header row and the row under it that aligns each column:
// align has an 'l' (left) or an 'r' (right, for numbers) per column.
func mdHead(b *strings.Builder, align string, headers ...string) {
	mdRow(b, headers...)
	rule := make([]string, len(align))
	for i, a := range align {
		rule[i] = map[rune]string{'l': "---", 'r': "---:"}[a]
	}
	mdRow(b, rule...)
}

// mdWords spells out, under a heading of the given level ("##", "###"), the abbreviations the
// Markdown in b uses (wordsUsed); it writes nothing when it uses none.
func mdWords(b *strings.Builder, level string, l *i18n.Localizer) {
	used := wordsUsed(b.String())
	if len(used) == 0 {
		return
	}
	fmt.Fprintf(b, "\n%s %s\n\n", level, l.T("report.words.md"))
	for _, abbr := range used {
		fmt.Fprintf(b, "- **%s**: %s\n", abbr, mdText(l.T("word."+abbr)))
	}
}
