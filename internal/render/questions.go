package render

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/questions"
)

// QuestionFormats are the formats of questions, which writes the question bank in the bank's
// language: the report formats and the answers file's JSON Schema.
func QuestionFormats() Formats[Renderer[*questions.Bank]] {
	return Formats[Renderer[*questions.Bank]]{
		{"table", questionsTable},
		{"json", document(writeJSON[*questions.Bank])},
		{"yaml", document(writeYAML[*questions.Bank])},
		{"csv", document(questionsCSV)},
		{"markdown", drawn(questionsForm)},
		{"json-schema", document(func(w io.Writer, b *questions.Bank) error { return writeJSON(w, questions.AnswersSchema(b)) })},
	}
}

// allowedShort lists a question's values compactly, for tables and CSV.
func allowedShort(q *questions.Question) string {
	if q.Kind == questions.Rating {
		return fmt.Sprintf("%d-%d", q.Scale.Min, q.Scale.Max)
	}
	return strings.Join(q.ValueNames(), ", ")
}

func askedWhen(q *questions.Question, l *i18n.Localizer) string {
	switch {
	case q.AskedWhen != nil && q.Optional:
		return l.T("questions.asked.optional-when", i18n.Args{"Condition": q.AskedWhen.In(l)})
	case q.AskedWhen != nil:
		return l.T("questions.asked.when", i18n.Args{"Condition": q.AskedWhen.In(l)})
	case q.Optional:
		return l.T("questions.asked.optional")
	}
	return l.T("questions.asked.always")
}

func questionsTable(w io.Writer, b *questions.Bank, opts Options) error {
	l := i18n.For(b.Lang())
	rows := make([][]string, len(b.Questions))
	for i := range b.Questions {
		q := &b.Questions[i]
		rows[i] = []string{q.ID, string(q.Kind), allowedShort(q), askedWhen(q, l), q.Text}
	}
	t := table{cols: []column{
		{header: l.T("questions.column.id"), min: 12, max: 25},
		{header: l.T("questions.column.kind"), min: 6, max: 6},
		{header: l.T("questions.column.values"), min: 14, max: 24},
		{header: l.T("questions.column.asked"), min: 14, max: 24},
		{header: l.T("questions.column.question"), min: 20},
	}}
	var sb strings.Builder
	if err := t.write(&sb, rows, opts); err != nil {
		return err
	}
	sb.WriteString("\n")
	wrapped(&sb, "", l.T("questions.table.source", i18n.Args{"Title": b.Source.Title, "Kind": b.Source.Kind}), opts.width())
	_, err := io.WriteString(w, sb.String())
	return err
}

func questionsCSV(w io.Writer, b *questions.Bank) error {
	l := i18n.For(b.Lang())
	rows := make([][]string, len(b.Questions))
	for i := range b.Questions {
		q := &b.Questions[i]
		values := strings.Join(q.ValueNames(), ";")
		if q.Kind == questions.Rating {
			values = allowedShort(q)
		}
		rows[i] = []string{q.ID, q.Section, string(q.Kind), values, askedWhen(q, l), strconv.FormatBool(q.Optional), q.Text}
	}
	return writeCSV(w, []string{"id", "section", "kind", "values", "asked", "optional", "text"}, rows)
}

// questionsForm is the bank as a paper form to print and hand out: each section with why it
// matters, each question with boxes to tick and the id to copy into an answers file.
func questionsForm(sb *strings.Builder, b *questions.Bank, _ Options) {
	l := i18n.For(b.Lang())
	fmt.Fprintf(sb, "# %s\n\n", mdText(l.T("questions.form.title")))
	fmt.Fprintf(sb, "%s\n\n", l.T("questions.form.name-date"))
	fmt.Fprintf(sb, "%s\n", l.T("questions.form.intro", i18n.Args{"Title": mdText(b.Source.Title), "Kind": mdText(b.Source.Kind)}))
	n := 0
	numbers := formNumbers(b) // each question's number on the form, for conditions in words
	for _, s := range b.Sections {
		fmt.Fprintf(sb, "\n## %s\n\n%s\n", mdText(s.Title), mdText(s.Intro))
		for i := range b.Questions {
			q := &b.Questions[i]
			if q.Section != s.ID {
				continue
			}
			n++
			fmt.Fprintf(sb, "\n**%d. %s** `%s`\n", n, mdText(q.Text), q.ID)
			if q.AskedWhen != nil {
				fmt.Fprintf(sb, "*%s*\n", l.T("questions.form.only-if", i18n.Args{"Condition": mdText(tickedWords(b, q.AskedWhen, numbers, l))}))
			}
			sb.WriteString("\n")
			switch q.Kind {
			case questions.OneOf:
				sb.WriteString(l.T("questions.form.tick-one") + "\n\n")
				for _, c := range q.Values {
					fmt.Fprintf(sb, "- ( ) %s `%s`", mdText(c.Label), c.Value)
					if len(c.AllowedWhen) > 0 {
						sb.WriteString(" " + l.T("questions.form.value-only-if", i18n.Args{"Condition": mdText(tickedWords(b, c.AllowedWhen, numbers, l))}))
					}
					sb.WriteString("\n")
				}
			case questions.AnyOf:
				sb.WriteString(l.T("questions.form.tick-any") + "\n\n")
				for _, c := range q.Values {
					fmt.Fprintf(sb, "- [ ] %s `%s`\n", mdText(c.Label), c.Value)
				}
			case questions.Rating:
				fmt.Fprintf(sb, "%s %s\n\n", l.T("questions.form.circle-one"), strings.Join(q.Scale.Values(), "   "))
				fmt.Fprintf(sb, "%d = %s; %d = %s\n", q.Scale.Min, mdText(q.Scale.Low), q.Scale.Max, mdText(q.Scale.High))
			}
		}
	}
	mdWords(sb, "##", l)
}

// formNumbers numbers the questions as the paper form does: section by section.
func formNumbers(b *questions.Bank) map[string]int {
	numbers := map[string]int{}
	for _, s := range b.Sections {
		for _, q := range b.Questions {
			if q.Section == s.ID {
				numbers[q.ID] = len(numbers) + 1
			}
		}
	}
	return numbers
}

// tickedWords says conditions as a person filling in the form reads them: the choices by their
// labels and the question by its number ("you ticked “Associate's degree (2 years)” or
// “Master's degree or higher” at question 1"), never ids.
func tickedWords(b *questions.Bank, w questions.When, numbers map[string]int, l *i18n.Localizer) string {
	parts := make([]string, len(w))
	for i, c := range w {
		q, _ := b.Question(c.Question)
		choices := make([]string, len(c.In))
		for j, v := range c.In {
			choice, _ := q.Choice(v)
			choices[j] = "\u201c" + choice.Label + "\u201d"
		}
		parts[i] = l.T("questions.form.ticked", i18n.Args{"Choices": l.Or(choices), "Number": numbers[c.Question]})
	}
	return strings.Join(parts, l.T("questions.form.ticked.or"))
}
