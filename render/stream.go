package render

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/hitready/hitready/assessment"
	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
)

// Stream writes the reports of a cohort one at a time, as they are scored, so that memory does
// not grow with the cohort; Close ends the output, with the cohort summary where the format has
// room for one (table and markdown).
type Stream interface {
	Add(r assessment.Report) error
	Close(s *assessment.Summary) error
}

// NewStream returns the Stream for a format. areas are the profile's area ids, for CSV columns.
func NewStream(w io.Writer, format string, areas []string, opts TableOptions) (Stream, error) {
	switch format {
	case "json":
		return &jsonStream{w: w}, nil
	case "yaml":
		return &yamlStream{w: w}, nil
	case "csv":
		return &csvStream{c: NewCSV(w, areas)}, nil
	case "markdown":
		return &markdownStream{w: w}, nil
	case "table":
		return newTableStream(w, opts), nil
	}
	return nil, CheckFormat(format, Formats)
}

// jsonStream writes a JSON array, one report per element, in input order.
type jsonStream struct {
	w     io.Writer
	count int
}

func (s *jsonStream) Add(r assessment.Report) error {
	data, err := json.MarshalIndent(r, "  ", "  ")
	if err != nil {
		return err
	}
	sep := ",\n  "
	if s.count == 0 {
		sep = "[\n  "
	}
	s.count++
	_, err = fmt.Fprintf(s.w, "%s%s", sep, unescapeHTML(data))
	return err
}

func (s *jsonStream) Close(*assessment.Summary) error {
	end := "\n]\n"
	if s.count == 0 {
		end = "[]\n"
	}
	_, err := io.WriteString(s.w, end)
	return err
}

// unescapeHTML undoes encoding/json's escaping of <, > and &, as render.JSON does, so one report
// reads the same from assess and from score.
func unescapeHTML(data []byte) string {
	return strings.NewReplacer(`\u003c`, "<", `\u003e`, ">", `\u0026`, "&").Replace(string(data))
}

// yamlStream writes a YAML list, one report per item.
type yamlStream struct {
	w     io.Writer
	count int
}

func (s *yamlStream) Add(r assessment.Report) error {
	s.count++
	return YAML(s.w, []assessment.Report{r})
}

func (s *yamlStream) Close(*assessment.Summary) error {
	if s.count == 0 {
		_, err := io.WriteString(s.w, "[]\n")
		return err
	}
	return nil
}

type csvStream struct{ c *CSV }

func (s *csvStream) Add(r assessment.Report) error   { return s.c.Write(r) }
func (s *csvStream) Close(*assessment.Summary) error { return s.c.Flush() }

// cohortRow is what the cohort view shows of one person.
func cohortRow(r assessment.Report) (student, score, verdict, blocking, next string) {
	student = r.Respondent
	if student == "" {
		student = r.Source
	}
	if len(r.Gaps) > 0 {
		next = r.Gaps[0].NextStep
	}
	return student, formatScore(r.Score), string(r.Verdict), strings.Join(blockingIDs(r), ", "), next
}

// markdownStream writes the cohort as a Markdown table, then the summary.
type markdownStream struct {
	w     io.Writer
	count int
}

func (s *markdownStream) Add(r assessment.Report) error {
	if s.count == 0 {
		if _, err := io.WriteString(s.w, "| Student | Score | Verdict | Blocking gaps | First next step |\n| --- | ---: | --- | --- | --- |\n"); err != nil {
			return err
		}
	}
	s.count++
	student, score, verdict, blocking, next := cohortRow(r)
	_, err := fmt.Fprintf(s.w, "| %s | %s | %s | %s | %s |\n", mdCell(student), score, verdict, mdCell(blocking), mdCell(next))
	return err
}

func (s *markdownStream) Close(sum *assessment.Summary) error {
	var b strings.Builder
	if s.count > 0 {
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "### Cohort summary\n\n%s\n", mdText(summaryLine(sum)))
	fmt.Fprintf(&b, "\n%s\n", mdText(verdictLine(sum)))
	if top := sum.TopUnmet(topUnmet); len(top) > 0 {
		b.WriteString("\n| Most often unmet (blocking or major) | Students | Requirement |\n| --- | ---: | --- |\n")
		for _, u := range top {
			fmt.Fprintf(&b, "| %s | %d of %d | %s |\n", mdCell(u.ID), u.Count, sum.Count, mdCell(u.Requirement))
		}
	}
	_, err := io.WriteString(s.w, b.String())
	return err
}

// topUnmet is how many requirements the summary lists as most often unmet.
const topUnmet = 5

func summaryLine(s *assessment.Summary) string {
	if s.Count == 0 {
		return "Students: 0"
	}
	return fmt.Sprintf("Students: %d, median score %s, mean score %s", s.Count, trimScore(s.Median()), formatScore(s.Mean()))
}

func verdictLine(s *assessment.Summary) string {
	return fmt.Sprintf("Verdicts: ready %d, nearly-ready %d, not-ready %d",
		s.Verdicts[assessment.Ready], s.Verdicts[assessment.NearlyReady], s.Verdicts[assessment.NotReady])
}

// trimScore prints a median, which may fall between two scores, with as many decimals as it has.
func trimScore(x float64) string {
	if x*10 == float64(int(x*10)) {
		return formatScore(x)
	}
	return fmt.Sprintf("%.2f", x)
}

// tableStream is the cohort view for a person at a terminal or an advisor's log: a table that
// is written row by row as reports come, then the summary.
type tableStream struct {
	w       io.Writer
	table   *tablewriter.Table
	widths  []int
	started bool
	err     error
}

// cohortWidths are the columns of the cohort table: student, score, verdict, blocking gaps, first
// next step. Fixed, because a streamed table cannot measure rows it has not seen.
var cohortWidths = []int{26, 7, 14, 26, 44}

func newTableStream(w io.Writer, opts TableOptions) *tableStream {
	widths := append([]int(nil), cohortWidths...)
	if opts.Width > 0 {
		for sum(widths)+1 > opts.Width && widths[4] > 20 {
			widths[4]--
		}
	}
	perColumn := tw.NewMapper[int, int]()
	for i, cw := range widths {
		perColumn.Set(i, cw)
	}
	table := tablewriter.NewTable(w, tablewriter.WithConfig(tablewriter.Config{
		Stream: tw.StreamConfig{Enable: true},
		Widths: tw.CellWidth{PerColumn: perColumn},
		Header: tw.CellConfig{
			Formatting: tw.CellFormatting{AutoFormat: tw.Off},
			Alignment:  tw.CellAlignment{Global: tw.AlignLeft},
		},
		Row: tw.CellConfig{
			Formatting: tw.CellFormatting{AutoWrap: tw.WrapNormal},
			Alignment:  tw.CellAlignment{Global: tw.AlignLeft},
		},
	}))
	return &tableStream{w: w, table: table, widths: widths}
}

func (s *tableStream) Add(r assessment.Report) error {
	if !s.started {
		s.started = true
		if err := s.table.Start(); err != nil {
			return err
		}
		s.table.Header("Student", "Score", "Verdict", "Blocking gaps", "First next step")
	}
	student, score, verdict, blocking, next := cohortRow(r)
	// A path is one word the table cannot wrap; its end names the student best.
	student = keepTail(student, s.widths[0]-2)
	return s.table.Append(student, score, verdict, blocking, next)
}

func (s *tableStream) Close(sum *assessment.Summary) error {
	if s.started {
		if err := s.table.Close(); err != nil {
			return err
		}
	}
	var b strings.Builder
	if s.started {
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "%s\n%s\n", summaryLine(sum), verdictLine(sum))
	if top := sum.TopUnmet(topUnmet); len(top) > 0 {
		b.WriteString("Most often unmet (blocking or major gaps), what to teach next:\n")
		idWidth := 0
		for _, u := range top {
			idWidth = max(idWidth, len(u.ID))
		}
		for _, u := range top {
			fmt.Fprintf(&b, "  %-*s  %d of %d  %s\n", idWidth, u.ID, u.Count, sum.Count, u.Requirement)
		}
	}
	_, err := io.WriteString(s.w, b.String())
	return err
}

// keepTail shortens s to n runes by dropping its start, marked with an ellipsis.
func keepTail(s string, n int) string {
	if utf8.RuneCountInString(s) <= n || n < 2 {
		return s
	}
	r := []rune(s)
	return "…" + string(r[len(r)-(n-1):])
}
