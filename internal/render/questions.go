package render

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/hitready/hitready/questions"
)

// QuestionFormats are the formats of `hitready questions`: the report formats and the answers
// file's JSON Schema.
var QuestionFormats = append(append([]string{}, Formats...), "json-schema")

// Questions writes the question bank in the given format.
func Questions(w io.Writer, format string, b *questions.Bank) error {
	switch format {
	case "json":
		return JSON(w, b)
	case "yaml":
		return YAML(w, b)
	case "csv":
		return questionsCSV(w, b)
	case "markdown":
		return questionsForm(w, b)
	case "json-schema":
		return JSON(w, AnswersSchema(b))
	case "table":
		return questionsTable(w, b)
	}
	return CheckFormat(format, QuestionFormats)
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

func questionsTable(w io.Writer, b *questions.Bank) error {
	table := newTable(w, false, 36)
	table.Header("ID", "Kind", "Values", "Asked", "Question")
	for i := range b.Questions {
		q := &b.Questions[i]
		if err := table.Append(q.ID, string(q.Kind), allowedShort(q), askedWhen(q), q.Text); err != nil {
			return err
		}
	}
	if err := table.Render(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "\nSource of every question: %s (%s). Details: hitready questions --format yaml\n", b.Source.Title, b.Source.Kind)
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

// Template is a commented answers file to fill in: every question with its allowed values and
// when it is asked. Answers left empty count as not given, so a half-filled template is valid
// and a filled one scores without prompting.
func Template(w io.Writer, b *questions.Bank) error {
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
		case questions.OneOf:
			fmt.Fprintf(&sb, "  # one of: %s\n", strings.Join(q.ValueNames(), ", "))
		case questions.AnyOf:
			fmt.Fprintf(&sb, "  # a list of any of: %s; e.g. [%s], or [] for none\n", strings.Join(q.ValueNames(), ", "), strings.Join(q.ValueNames()[:2], ", "))
		case questions.Rating:
			fmt.Fprintf(&sb, "  # a whole number from %d (%s) to %d (%s)\n", q.Scale.Min, q.Scale.Low, q.Scale.Max, q.Scale.High)
		}
		switch {
		case q.AskedWhen != nil && q.Optional:
			fmt.Fprintf(&sb, "  # optional, it never changes the score; only when %s, otherwise leave it empty\n", q.AskedWhen)
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
