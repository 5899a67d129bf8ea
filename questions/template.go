package questions

import (
	"fmt"
	"io"
	"strings"

	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/prose"
)

// Template is a commented answers file to fill in: every question with its allowed values and
// when it is asked, the comments wrapped to width columns (at least 40). Answers left empty
// count as not given, so a half-filled template is valid and a filled one scores without
// prompting. The comments are in the bank's language; the keys, ids and values are the same in
// every language.
func Template(w io.Writer, b *Bank, width int) error {
	l := i18n.For(b.Lang())
	var sb strings.Builder
	width = max(width, 40)
	// A comment's lines after the first are indented two more columns, under its first word.
	comment := func(indent, format string, args ...any) {
		text := prose.Wrap(fmt.Sprintf(format, args...), width-len(indent)-len("# "), "  ")
		sb.WriteString(indent + "# " + strings.ReplaceAll(text, "\n", "\n"+indent+"# ") + "\n")
	}
	comment("", "%s", l.T("questions.template.head"))
	sb.WriteString("#   hitready assess --answers " + l.T("questions.template.this-file") + "\n")
	comment("", "%s", l.T("questions.template.empty"))
	comment("", "%s", l.T("questions.template.comment"))
	sb.WriteString("\n")
	sb.WriteString("respondent:   # " + l.T("questions.template.respondent") + "\n\nanswers:\n")
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
			comment("  ", "%s", l.T("questions.template.one-of", i18n.Args{"Values": templateValues(q, l)}))
		case AnyOf:
			comment("  ", "%s", l.T("questions.template.any-of", i18n.Args{
				"Values": templateValues(q, l), "Example": strings.Join(q.ValueNames()[:2], ", ")}))
		case Rating:
			comment("  ", "%s", l.T("questions.template.rating", i18n.Args{
				"Min": q.Scale.Min, "Low": q.Scale.Low, "Max": q.Scale.Max, "High": q.Scale.High}))
		}
		switch {
		case q.AskedWhen != nil && q.Optional:
			comment("  ", "%s", l.T("questions.template.optional-when", i18n.Args{"Condition": q.AskedWhen.In(l)}))
		case q.AskedWhen != nil:
			comment("  ", "%s", l.T("questions.template.when", i18n.Args{"Condition": q.AskedWhen.In(l)}))
		case q.Optional:
			comment("  ", "%s", l.T("questions.template.optional"))
		}
		for _, c := range q.Values {
			if len(c.AllowedWhen) > 0 {
				comment("  ", "%s", l.T("questions.template.value-when", i18n.Args{"Value": c.Value, "Condition": c.AllowedWhen.In(l)}))
			}
		}
		fmt.Fprintf(&sb, "  %s:\n\n", q.ID)
	}
	_, err := io.WriteString(w, sb.String())
	return err
}

// templateValues lists the values a question allows, as the file is written: in English, where a
// value says what it means, the values alone; in another language each with its label, which
// says it in that language ("none (Ninguno), high-school (Diploma de escuela secundaria…)").
func templateValues(q *Question, l *i18n.Localizer) string {
	if l.Lang() == i18n.English {
		return strings.Join(q.ValueNames(), ", ")
	}
	var out []string
	for _, c := range q.Values {
		out = append(out, c.Value+" ("+c.Label+")")
	}
	return strings.Join(out, ", ")
}
