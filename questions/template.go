package questions

import (
	"fmt"
	"io"
	"strings"
)

// Template is a commented answers file to fill in: every question with its allowed values and
// when it is asked. Answers left empty count as not given, so a half-filled template is valid
// and a filled one scores without prompting.
func Template(w io.Writer, b *Bank) error {
	var sb strings.Builder
	sb.WriteString("# hitready answers file. Fill in each answer after its colon, then run:\n")
	sb.WriteString("#   hitready assess --answers THIS-FILE\n")
	sb.WriteString("# An answer left empty is asked on a terminal (or reported missing without one).\n")
	sb.WriteString("# Text after # is a comment.\n\n")
	sb.WriteString("respondent:   # optional: a name or a label\n\nanswers:\n")
	section := ""
	for i := range b.Questions {
		q := &b.Questions[i]
		if q.Section != section {
			section = q.Section
			if s, ok := b.Section(section); ok {
				fmt.Fprintf(&sb, "  # ---- %s: %s\n\n", s.Title, s.Intro)
			}
		}
		fmt.Fprintf(&sb, "  # %s\n", q.Text)
		switch q.Kind {
		case OneOf:
			fmt.Fprintf(&sb, "  # one of: %s\n", strings.Join(q.ValueNames(), ", "))
		case AnyOf:
			fmt.Fprintf(&sb, "  # a list of any of: %s; e.g. [%s], or [] for none\n", strings.Join(q.ValueNames(), ", "), strings.Join(q.ValueNames()[:2], ", "))
		case Rating:
			fmt.Fprintf(&sb, "  # a whole number from %d (%s) to %d (%s)\n", q.Scale.Min, q.Scale.Low, q.Scale.Max, q.Scale.High)
		}
		switch {
		case q.AskedWhen != nil:
			fmt.Fprintf(&sb, "  # only when %s; otherwise leave it empty\n", q.AskedWhen)
		case q.Optional:
			sb.WriteString("  # optional: it never changes the score\n")
		}
		fmt.Fprintf(&sb, "  %s:\n\n", q.ID)
	}
	_, err := io.WriteString(w, sb.String())
	return err
}
