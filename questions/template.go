package questions

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Template is a commented answers file to fill in: every question with its allowed values and
// when it is asked, the comments wrapped to width columns (at least 40). Answers left empty
// count as not given, so a half-filled template is valid and a filled one scores without
// prompting.
func Template(w io.Writer, b *Bank, width int) error {
	var sb strings.Builder
	width = max(width, 40)
	comment := func(indent, format string, args ...any) {
		text := fmt.Sprintf(format, args...)
		line := indent + "#"
		for _, word := range strings.Fields(text) {
			if n := utf8.RuneCountInString(line); n > len(indent)+1 && n+1+utf8.RuneCountInString(word) > width {
				sb.WriteString(line + "\n")
				line = indent + "#  "
			}
			line += " " + word
		}
		sb.WriteString(line + "\n")
	}
	comment("", "hitready answers file. Fill in each answer after its colon, then run:")
	sb.WriteString("#   hitready assess --answers THIS-FILE\n")
	comment("", "An answer left empty is asked on a terminal (or reported missing without one).")
	comment("", "Text after # is a comment.")
	sb.WriteString("\n")
	sb.WriteString("respondent:   # optional: a name or a label\n\nanswers:\n")
	section := ""
	for i := range b.Questions {
		q := &b.Questions[i]
		if q.Section != section {
			section = q.Section
			if s, ok := b.Section(section); ok {
				comment("  ", "---- %s: %s", s.Title, s.Intro)
				sb.WriteString("\n")
			}
		}
		comment("  ", "%s", q.Text)
		switch q.Kind {
		case OneOf:
			comment("  ", "one of: %s", strings.Join(q.ValueNames(), ", "))
		case AnyOf:
			comment("  ", "a list of any of: %s; e.g. [%s], or [] for none", strings.Join(q.ValueNames(), ", "), strings.Join(q.ValueNames()[:2], ", "))
		case Rating:
			comment("  ", "a whole number from %d (%s) to %d (%s)", q.Scale.Min, q.Scale.Low, q.Scale.Max, q.Scale.High)
		}
		switch {
		case q.AskedWhen != nil && q.Optional:
			comment("  ", "optional, it never changes the score; only when %s, otherwise leave it empty", q.AskedWhen)
		case q.AskedWhen != nil:
			comment("  ", "only when %s; otherwise leave it empty", q.AskedWhen)
		case q.Optional:
			comment("  ", "optional: it never changes the score")
		}
		fmt.Fprintf(&sb, "  %s:\n\n", q.ID)
	}
	_, err := io.WriteString(w, sb.String())
	return err
}
