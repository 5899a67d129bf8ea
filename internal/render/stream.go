package render

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/hitready/hitready/assessment"
)

// Stream writes the reports of a cohort one at a time, as they are scored, so that memory does
// not grow with the cohort. Render draws one report and is safe to call from many goroutines,
// which lets the workers that score also render; Add writes what Render drew, in order; Close
// ends the output, with the cohort summary where the format has room for one (table, markdown).
type Stream interface {
	Render(r assessment.Report) ([]byte, error)
	Add(rendered []byte) error
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
		return &csvStream{w: w, c: NewCSV(io.Discard, areas)}, nil
	case "markdown":
		return &markdownStream{w: w}, nil
	case "table":
		return newTableStream(w, opts), nil
	}
	return nil, CheckFormat(format, Formats)
}

// jsonStream writes a JSON array, one report per element and per line, in input order.
type jsonStream struct {
	w     io.Writer
	count int
}

func (s *jsonStream) Render(r assessment.Report) ([]byte, error) {
	// One compact line per report: a cohort's JSON is for programs, and indenting it tripled the
	// cost of writing it. HTML escaping is off as in render.JSON, so texts read the same.
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

func (s *jsonStream) Add(rendered []byte) error {
	sep := ",\n  "
	if s.count == 0 {
		sep = "[\n  "
	}
	s.count++
	if _, err := io.WriteString(s.w, sep); err != nil {
		return err
	}
	_, err := s.w.Write(rendered)
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

// yamlStream writes a YAML list, one report per item.
type yamlStream struct {
	w     io.Writer
	count int
}

func (s *yamlStream) Render(r assessment.Report) ([]byte, error) {
	return fastYAML([]assessment.Report{r})
}

func (s *yamlStream) Add(rendered []byte) error {
	s.count++
	_, err := s.w.Write(rendered)
	return err
}

func (s *yamlStream) Close(*assessment.Summary) error {
	if s.count == 0 {
		_, err := io.WriteString(s.w, "[]\n")
		return err
	}
	return nil
}

// csvStream writes the header, then one row per report.
type csvStream struct {
	w           io.Writer
	c           *CSV // for its header and row layout
	wroteHeader bool
}

func (s *csvStream) Render(r assessment.Report) ([]byte, error) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	if err := w.Write(s.c.Row(r)); err != nil {
		return nil, err
	}
	w.Flush()
	return buf.Bytes(), w.Error()
}

func (s *csvStream) header() error {
	if s.wroteHeader {
		return nil
	}
	s.wroteHeader = true
	w := csv.NewWriter(s.w)
	if err := w.Write(s.c.Header()); err != nil {
		return err
	}
	w.Flush()
	return w.Error()
}

func (s *csvStream) Add(rendered []byte) error {
	if err := s.header(); err != nil {
		return err
	}
	_, err := s.w.Write(rendered)
	return err
}

func (s *csvStream) Close(*assessment.Summary) error { return s.header() }

// cohortRow is what the cohort view shows of one person.
func cohortRow(r assessment.Report) (student, score, verdict, blocking, next string) {
	student = r.Respondent
	if student == "" {
		student = r.Source
	}
	next = FirstStep(r) // step 1 of the plan, the same first step the person's report shows
	return student, formatScore(r.Score), string(r.Verdict), strings.Join(blockingIDs(r), ", "), next
}

// markdownStream writes the cohort as a Markdown table, then the summary.
type markdownStream struct {
	w     io.Writer
	count int
}

func (s *markdownStream) Render(r assessment.Report) ([]byte, error) {
	student, score, verdict, blocking, next := cohortRow(r)
	return fmt.Appendf(nil, "| %s | %s | %s | %s | %s |\n", mdCell(student), score, verdict, mdCell(blocking), mdCell(next)), nil
}

func (s *markdownStream) Add(rendered []byte) error {
	if s.count == 0 {
		if _, err := io.WriteString(s.w, "| Student | Score | Verdict | Blocking gaps | First next step |\n| --- | ---: | --- | --- | --- |\n"); err != nil {
			return err
		}
	}
	s.count++
	_, err := s.w.Write(rendered)
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
	writeCohortPath(&b, sum, true)
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
	w     io.Writer
	table boxTable
	count int
}

// cohortWidths are the content widths of the cohort table's columns: student, score, verdict,
// blocking gaps, first next step. Fixed, because a streamed table cannot measure rows it has not
// seen.
var cohortWidths = []int{24, 5, 12, 24, 42}

func newTableStream(w io.Writer, opts TableOptions) *tableStream {
	widths := append([]int(nil), cohortWidths...)
	if opts.Width > 0 {
		frame := 3*len(widths) + 1
		for sum(widths)+frame > opts.Width && widths[4] > 20 {
			widths[4]--
		}
	}
	return &tableStream{w: w, table: boxTable{widths: widths}}
}

func (s *tableStream) Render(r assessment.Report) ([]byte, error) {
	student, score, verdict, blocking, next := cohortRow(r)
	// A path is one word that would be cut anywhere; its end names the student best.
	student = keepTail(student, s.table.widths[0])
	return []byte(s.table.Row(student, score, verdict, blocking, next)), nil
}

func (s *tableStream) Add(rendered []byte) error {
	if s.count == 0 {
		head := s.table.Top() + s.table.Row("Student", "Score", "Verdict", "Blocking gaps", "First next step") + s.table.Separator()
		if _, err := io.WriteString(s.w, head); err != nil {
			return err
		}
	}
	s.count++
	_, err := s.w.Write(rendered)
	return err
}

func (s *tableStream) Close(sum *assessment.Summary) error {
	var b strings.Builder
	if s.count > 0 {
		b.WriteString(s.table.Bottom())
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
	writeCohortPath(&b, sum, false)
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
