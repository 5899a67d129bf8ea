package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/hitready/hitready/assessment"
	"github.com/hitready/hitready/internal/page"
	"github.com/hitready/hitready/internal/yamlout"
	"github.com/hitready/hitready/questions"
)

// Renderer writes a value of one kind of output in one format.
type Renderer[T any] func(w io.Writer, v T, opts TableOptions) error

// Format is one output format: the name --format takes, and what writes it.
type Format[R any] struct {
	Name   string
	Render R
}

// Formats is the one table of formats of a kind of output, in the order help texts list them.
// The help of --format, its shell completion, its check and the writing all come from it, so a
// format cannot be offered that writes nothing.
type Formats[R any] []Format[R]

// Names are the format names, in order.
func (fs Formats[R]) Names() []string {
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = f.Name
	}
	return names
}

// Canonical is the name of the format that name stands for, in any case ("CSV" is csv), or a
// usage message naming the allowed ones.
func (fs Formats[R]) Canonical(name string) (string, error) {
	for _, f := range fs {
		if strings.EqualFold(f.Name, name) {
			return f.Name, nil
		}
	}
	return "", fmt.Errorf("invalid --format %q; allowed: %s", name, strings.Join(fs.Names(), ", "))
}

// Lookup is the renderer of the format name (in any case).
func (fs Formats[R]) Lookup(name string) (R, error) {
	for _, f := range fs {
		if strings.EqualFold(f.Name, name) {
			return f.Render, nil
		}
	}
	var none R
	_, err := fs.Canonical(name)
	return none, err
}

// ReportFormats are the formats of one report (assess).
func ReportFormats() Formats[Renderer[assessment.Report]] {
	return Formats[Renderer[assessment.Report]]{
		{"table", reportTable},
		{"json", func(w io.Writer, r assessment.Report, _ TableOptions) error { return writeJSON(w, r) }},
		{"yaml", func(w io.Writer, r assessment.Report, _ TableOptions) error { return fastYAML(w, r) }},
		{"csv", func(w io.Writer, r assessment.Report, _ TableOptions) error {
			c := newCSVReport(w, areaIDs(r))
			if err := c.Write(r); err != nil {
				return err
			}
			return c.Flush()
		}},
		{"markdown", func(w io.Writer, r assessment.Report, _ TableOptions) error { return reportMarkdown(w, r) }},
		{"html", func(w io.Writer, r assessment.Report, opts TableOptions) error { return page.Report(w, r, opts.Page) }},
	}
}

// ComparisonFormats are the formats of compare.
func ComparisonFormats() Formats[Renderer[assessment.Comparison]] {
	return Formats[Renderer[assessment.Comparison]]{
		{"table", comparisonTable},
		{"json", func(w io.Writer, c assessment.Comparison, _ TableOptions) error { return writeJSON(w, c) }},
		{"yaml", func(w io.Writer, c assessment.Comparison, _ TableOptions) error { return fastYAML(w, c) }},
		{"csv", func(w io.Writer, c assessment.Comparison, _ TableOptions) error { return comparisonCSV(w, c) }},
		{"markdown", func(w io.Writer, c assessment.Comparison, _ TableOptions) error { return comparisonMarkdown(w, c) }},
		{"html", func(w io.Writer, c assessment.Comparison, opts TableOptions) error {
			return page.Comparison(w, c, opts.Page)
		}},
	}
}

// StreamMaker starts the Stream of a cohort; areas are the profile's area ids, for CSV columns.
type StreamMaker func(w io.Writer, areas []string, opts TableOptions) Stream

// CohortFormats are the formats of score.
func CohortFormats() Formats[StreamMaker] {
	return Formats[StreamMaker]{
		{"table", func(w io.Writer, _ []string, opts TableOptions) Stream { return newTableStream(w, opts) }},
		{"json", func(w io.Writer, _ []string, _ TableOptions) Stream { return &jsonStream{w: w} }},
		{"yaml", func(w io.Writer, _ []string, _ TableOptions) Stream { return &yamlStream{w: w} }},
		{"csv", func(w io.Writer, areas []string, _ TableOptions) Stream {
			return &csvStream{w: w, c: newCSVReport(io.Discard, areas)}
		}},
		{"markdown", func(w io.Writer, _ []string, _ TableOptions) Stream { return &markdownStream{w: w} }},
		{"html", func(w io.Writer, _ []string, opts TableOptions) Stream { return page.NewCohort(w, opts.Page) }},
	}
}

// QuestionFormats are the formats of questions: the report formats and the answers file's JSON
// Schema.
func QuestionFormats() Formats[Renderer[*questions.Bank]] {
	return Formats[Renderer[*questions.Bank]]{
		{"table", questionsTable},
		{"json", func(w io.Writer, b *questions.Bank, _ TableOptions) error { return writeJSON(w, b) }},
		{"yaml", func(w io.Writer, b *questions.Bank, _ TableOptions) error { return writeYAML(w, b) }},
		{"csv", func(w io.Writer, b *questions.Bank, _ TableOptions) error { return questionsCSV(w, b) }},
		{"markdown", func(w io.Writer, b *questions.Bank, _ TableOptions) error { return questionsForm(w, b) }},
		{"json-schema", func(w io.Writer, b *questions.Bank, _ TableOptions) error {
			return writeJSON(w, questions.AnswersSchema(b))
		}},
	}
}

// RequirementFormats are the formats of requirements. YAML is exactly the form --profile reads,
// so a program can dump the profile, edit it and use it.
func RequirementFormats() Formats[Renderer[*assessment.Profile]] {
	return Formats[Renderer[*assessment.Profile]]{
		{"table", requirementsTable},
		{"json", func(w io.Writer, p *assessment.Profile, _ TableOptions) error { return writeJSON(w, p) }},
		{"yaml", func(w io.Writer, p *assessment.Profile, _ TableOptions) error { return profileYAML(w, p) }},
		{"csv", func(w io.Writer, p *assessment.Profile, _ TableOptions) error { return requirementsCSV(w, p) }},
		{"markdown", func(w io.Writer, p *assessment.Profile, _ TableOptions) error { return requirementsMarkdown(w, p) }},
	}
}

// OutlookFormats are the formats of outlook: a list of dated figures has no rows for a
// spreadsheet worth a CSV.
func OutlookFormats() Formats[Renderer[*assessment.Outlook]] {
	return Formats[Renderer[*assessment.Outlook]]{
		{"table", outlookTable},
		{"json", func(w io.Writer, o *assessment.Outlook, _ TableOptions) error { return writeJSON(w, o) }},
		{"yaml", func(w io.Writer, o *assessment.Outlook, _ TableOptions) error { return writeYAML(w, o) }},
		{"markdown", func(w io.Writer, o *assessment.Outlook, _ TableOptions) error { return outlookMarkdown(w, o) }},
	}
}

// writeFormat writes v in the format name of the table fs.
func writeFormat[T any](fs Formats[Renderer[T]], w io.Writer, name string, v T, opts TableOptions) error {
	render, err := fs.Lookup(name)
	if err != nil {
		return err
	}
	return render(w, v, opts)
}

// fastYAML writes a report or a comparison with the one YAML writer of reports.
func fastYAML(w io.Writer, v any) error {
	data, err := yamlout.Marshal(v)
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	return err
}

func areaIDs(r assessment.Report) []string {
	ids := make([]string, len(r.Areas))
	for i, a := range r.Areas {
		ids[i] = a.ID
	}
	return ids
}

// blockingIDs lists the ids of a report's blocking gaps.
func blockingIDs(r assessment.Report) []string {
	var ids []string
	for _, g := range r.Gaps {
		if g.Severity == assessment.Blocking {
			ids = append(ids, g.ID)
		}
	}
	return ids
}
