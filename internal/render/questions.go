package render

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/hitready/hitready/questions"
)

// Questions writes the question bank in the given format.
func Questions(w io.Writer, format string, b *questions.Bank, opts TableOptions) error {
	return writeFormat(QuestionFormats(), w, format, b, opts)
}

// allowedShort lists a question's values compactly, for tables and CSV.
func allowedShort(q *questions.Question) string {
	if q.Kind == questions.Rating {
		return fmt.Sprintf("%d-%d", q.Scale.Min, q.Scale.Max)
	}
	return strings.Join(q.ValueNames(), ", ")
}

func askedWhen(q *questions.Question) string {
	switch {
	case q.AskedWhen != nil && q.Optional:
		return "optional; when " + q.AskedWhen.String()
	case q.AskedWhen != nil:
		return "when " + q.AskedWhen.String()
	case q.Optional:
		return "optional"
	}
	return "always"
}

var questionColumns = []column{
	{header: "ID", min: 12, max: 25},
	{header: "Kind", min: 6, max: 6},
	{header: "Values", min: 14, max: 24},
	{header: "Asked", min: 14, max: 24},
	{header: "Question", min: 20},
}

func questionsTable(w io.Writer, b *questions.Bank, opts TableOptions) error {
	rows := make([][]string, len(b.Questions))
	for i := range b.Questions {
		q := &b.Questions[i]
		rows[i] = []string{q.ID, string(q.Kind), allowedShort(q), askedWhen(q), q.Text}
	}
	if err := fitted(w, questionColumns, rows, nil, opts, false); err != nil {
		return err
	}
	var sb strings.Builder
	sb.WriteString("\n")
	wrapped(&sb, "", fmt.Sprintf("Source of every question: %s (%s). Details: hitready questions --format yaml", b.Source.Title, b.Source.Kind), opts.width())
	_, err := io.WriteString(w, sb.String())
	return err
}

func questionsCSV(w io.Writer, b *questions.Bank) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"id", "section", "kind", "values", "asked", "optional", "text"}); err != nil {
		return err
	}
	for i := range b.Questions {
		q := &b.Questions[i]
		values := strings.Join(q.ValueNames(), ";")
		if q.Kind == questions.Rating {
			values = allowedShort(q)
		}
		if err := cw.Write([]string{q.ID, q.Section, string(q.Kind), values, askedWhen(q), strconv.FormatBool(q.Optional), q.Text}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// questionsForm is the bank as a paper form to print and hand out: each section with why it
// matters, each question with boxes to tick and the id to copy into an answers file.
func questionsForm(w io.Writer, b *questions.Bank) error {
	var sb strings.Builder
	sb.WriteString("# Health Information Technician readiness: questionnaire\n\n")
	sb.WriteString("Name: ______________________________   Date: ____________\n\n")
	fmt.Fprintf(&sb, "Tick what applies. The questions come from %s (%s).\n", mdText(b.Source.Title), mdText(b.Source.Kind))
	n := 0
	for _, s := range b.Sections {
		fmt.Fprintf(&sb, "\n## %s\n\n%s\n", mdText(s.Title), mdText(s.Intro))
		for i := range b.Questions {
			q := &b.Questions[i]
			if q.Section != s.ID {
				continue
			}
			n++
			fmt.Fprintf(&sb, "\n**%d. %s** `%s`\n", n, mdText(q.Text), q.ID)
			if q.AskedWhen != nil {
				fmt.Fprintf(&sb, "*Only if %s.*\n", mdText(q.AskedWhen.String()))
			}
			sb.WriteString("\n")
			switch q.Kind {
			case questions.OneOf:
				sb.WriteString("Tick one:\n\n")
				for _, c := range q.Values {
					fmt.Fprintf(&sb, "- ( ) %s `%s`\n", mdText(c.Label), c.Value)
				}
			case questions.AnyOf:
				sb.WriteString("Tick all that apply:\n\n")
				for _, c := range q.Values {
					fmt.Fprintf(&sb, "- [ ] %s `%s`\n", mdText(c.Label), c.Value)
				}
			case questions.Rating:
				fmt.Fprintf(&sb, "Circle one: %s\n\n", ratingBoxes(q.Scale))
				fmt.Fprintf(&sb, "%d = %s; %d = %s\n", q.Scale.Min, mdText(q.Scale.Low), q.Scale.Max, mdText(q.Scale.High))
			}
		}
	}
	_, err := io.WriteString(w, sb.String())
	return err
}

func ratingBoxes(s *questions.Scale) string {
	var parts []string
	for n := s.Min; n <= s.Max; n++ {
		parts = append(parts, strconv.Itoa(n))
	}
	return strings.Join(parts, "   ")
}
