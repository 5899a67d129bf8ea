package render

import (
	"bytes"
	"cmp"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/hitready/hitready/assessment"
	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/page"
	"github.com/hitready/hitready/internal/textsafe"
	"github.com/hitready/hitready/internal/yamlout"
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

// StreamMaker starts the Stream of a cohort; areas are the profile's area ids, for CSV columns.
type StreamMaker func(w io.Writer, areas []string, o Options) Stream

// CohortFormats are the formats of score.
func CohortFormats() Formats[StreamMaker] {
	return Formats[StreamMaker]{
		{"table", func(w io.Writer, _ []string, opts Options) Stream { return newTableStream(w, opts) }},
		// One report per element and per line, in input order.
		{"json", func(w io.Writer, _ []string, _ Options) Stream {
			return &listStream{w: w, render: jsonLine, head: "[\n  ", sep: ",\n  ", tail: "\n]\n", empty: "[]\n"}
		}},
		{"yaml", func(w io.Writer, _ []string, _ Options) Stream {
			return &listStream{w: w, render: func(r assessment.Report) ([]byte, error) {
				return yamlout.Marshal([]assessment.Report{r})
			}, empty: "[]\n"}
		}},
		// The header, then one row per report; the header alone when no report came.
		{"csv", func(w io.Writer, areas []string, _ Options) Stream {
			c := csvReport{areas: areas}
			header, _ := csvLine(c.Header()) // into a bytes.Buffer, which does not fail
			return &listStream{w: w, render: func(r assessment.Report) ([]byte, error) { return csvLine(c.Row(r)) },
				head: string(header), empty: string(header)}
		}},
		{"markdown", func(w io.Writer, _ []string, o Options) Stream { return newMarkdownStream(w, o.loc()) }},
		{"html", func(w io.Writer, _ []string, o Options) Stream { return page.NewCohort(w, o.Page) }},
	}
}

// NewStream returns the Stream for a format. areas are the profile's area ids, for CSV columns.
func NewStream(w io.Writer, format string, areas []string, opts Options) (Stream, error) {
	start, err := CohortFormats().Lookup(format)
	if err != nil {
		return nil, err
	}
	return start(w, areas, opts), nil
}

// listStream writes a cohort as a list of what render draws of each report: head before the
// first, sep between the others, then tail, or empty in place of a list with none; summary, when
// there is one, writes the cohort's summary after it.
type listStream struct {
	w           io.Writer
	render      func(assessment.Report) ([]byte, error)
	head, sep   string
	tail, empty string
	summary     func(b *strings.Builder, s *assessment.Summary)
	count       int
}

func (s *listStream) Render(r assessment.Report) ([]byte, error) { return s.render(r) }

func (s *listStream) Add(rendered []byte) error {
	before := s.sep
	if s.count == 0 {
		before = s.head
	}
	s.count++
	if _, err := io.WriteString(s.w, before); err != nil {
		return err
	}
	_, err := s.w.Write(rendered)
	return err
}

func (s *listStream) Close(sum *assessment.Summary) error {
	var b strings.Builder
	b.WriteString(map[bool]string{false: s.tail, true: s.empty}[s.count == 0])
	if s.summary != nil {
		s.summary(&b, sum)
	}
	_, err := io.WriteString(s.w, b.String())
	return err
}

// jsonLine is a report on one compact line: a cohort's JSON is for programs, and indenting it
// tripled the cost of writing it. It is encoded as writeJSON encodes, so texts read the same.
func jsonLine(r assessment.Report) ([]byte, error) {
	data, err := encodeJSON(r, "")
	return bytes.TrimSuffix(data, []byte("\n")), err
}

// csvLine is one row of a CSV.
func csvLine(row []string) ([]byte, error) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	if err := w.Write(row); err != nil {
		return nil, err
	}
	w.Flush()
	return buf.Bytes(), w.Error()
}

// cohortRow is what the cohort view shows of one person.
func cohortRow(r assessment.Report, l *i18n.Localizer) (student, score, verdict, blocking, next string) {
	student = textsafe.Escape(cmp.Or(r.Respondent, r.Source))
	// Step 1 of the plan by its action: the CSV's first_step, which the summary groups by.
	return student, page.Score(r.Score), verdictShort(r.Verdict, l), strings.Join(blockingTitles(r), ", "), firstStep(r)
}

// newMarkdownStream writes the cohort as a Markdown table, then the summary.
func newMarkdownStream(w io.Writer, l *i18n.Localizer) Stream {
	var head strings.Builder
	mdHead(&head, "lrlll", cohortTable(l).headers()...)
	render := func(r assessment.Report) ([]byte, error) {
		student, score, verdict, blocking, next := cohortRow(r, l)
		return fmt.Appendf(nil, "| %s | %s | %s | %s | %s |\n", mdCell(student), score, verdict, mdCell(blocking), mdCell(next)), nil
	}
	summary := func(b *strings.Builder, sum *assessment.Summary) { markdownSummary(b, sum, l) }
	return &listStream{w: w, render: render, head: head.String(), tail: "\n", summary: summary}
}

func markdownSummary(b *strings.Builder, sum *assessment.Summary, l *i18n.Localizer) {
	fmt.Fprintf(b, "### %s\n\n%s\n", l.T("cohort.md.summary"), mdText(summaryLine(sum, l)))
	fmt.Fprintf(b, "\n%s\n", mdText(verdictLine(sum, l)))
	summaryList(b, unscoredTitle(sum, l), unscoredItems(sum, l), true, 0)
	if top := sum.TopUnmet(topUnmet); len(top) > 0 {
		b.WriteString("\n")
		mdHead(b, "lrl", l.T("cohort.md.unmet"), l.T("cohort.md.students"), l.T("report.gap.requirement"))
		for _, u := range top {
			mdRow(b, mdCell(u.Title), l.T("cohort.of", i18n.Args{"Count": u.Count, "All": sum.Count}), mdCell(u.Requirement))
		}
	}
	writeCohortPath(b, sum, true, false, 0, l)
}

// cohortTable is the cohort's table. A streamed table cannot measure rows it has not seen, so
// each column's max stands for its longest cell.
func cohortTable(l *i18n.Localizer) table {
	return table{cols: []column{
		{header: l.T("cohort.column.student"), min: 12, max: 24},
		{header: l.T("report.closing.score"), min: 5, max: 5},
		{header: l.T("report.closing.verdict"), min: 12, max: 12},
		{header: l.T("cohort.column.blocking"), min: 12, max: 24},
		{header: l.T("cohort.column.first-step"), min: 20, max: 60},
	}}
}

// newTableStream is the cohort view for a person at a terminal or an advisor's log: a table that
// is written row by row as reports come, then the summary. Where the table does not fit, or plain
// output is asked for, each student is a block of labelled lines instead, a list of them.
func newTableStream(w io.Writer, opts Options) Stream {
	l, width, t := opts.loc(), opts.width(), cohortTable(opts.loc())
	summary := func(b *strings.Builder, sum *assessment.Summary) { textSummary(b, sum, opts.Plain, width, l) }
	rows, fits := t.stream(w, width)
	if fits && !opts.Plain {
		return &tableStream{rows: rows, l: l, summary: summary}
	}
	block := func(r assessment.Report) ([]byte, error) {
		student, score, verdict, blocking, next := cohortRow(r, l)
		var b strings.Builder
		t.writeBlock(&b, 0, []string{student, score, verdict, blocking, next}, width)
		return []byte(b.String()), nil
	}
	return &listStream{w: w, render: block, sep: "\n", tail: "\n", summary: summary}
}

// tableStream is the cohort's table, drawn a row at a time, then the summary.
type tableStream struct {
	rows    *streamedTable
	l       *i18n.Localizer
	summary func(b *strings.Builder, s *assessment.Summary)
}

// cellSeparator joins a row's cells between Render, on the workers, and Add, which hands them to
// the one streamed table in order: no cell holds it (text from files is escaped).
const cellSeparator = "\x1f"

func (s *tableStream) Render(r assessment.Report) ([]byte, error) {
	student, score, verdict, blocking, next := cohortRow(r, s.l)
	// One line per student: a name is cut at its end, as its start tells students apart; a file
	// without a name is shown by its path, cut at its start, as its end names the file.
	if r.Respondent != "" {
		student = cutEnd(student, s.rows.widths[0])
	} else {
		student = cutStart(student, s.rows.widths[0])
	}
	return []byte(strings.Join([]string{student, score, verdict, blocking, next}, cellSeparator)), nil
}

func (s *tableStream) Add(rendered []byte) error {
	return s.rows.append(strings.Split(string(rendered), cellSeparator))
}

// Close ends the table, if a row was drawn, and writes the summary under it.
func (s *tableStream) Close(sum *assessment.Summary) error {
	var b strings.Builder
	if s.rows.tbl != nil {
		if err := s.rows.close(); err != nil {
			return err
		}
		b.WriteString("\n")
	}
	s.summary(&b, sum)
	_, err := io.WriteString(s.rows.w, b.String())
	return err
}

// textSummary is the cohort's summary for a person, under its table or its list; with plain, no
// block characters.
func textSummary(b *strings.Builder, sum *assessment.Summary, plain bool, width int, l *i18n.Localizer) {
	wrapped(b, "", summaryLine(sum, l), width)
	wrapped(b, "", verdictLine(sum, l), width)
	summaryList(b, unscoredTitle(sum, l), unscoredItems(sum, l), false, width)
	if top := sum.TopUnmet(topUnmet); len(top) > 0 {
		items := make([]string, len(top))
		for i, u := range top {
			items[i] = u.Title + ": " + l.N("cohort.of-students", sum.Count, i18n.Args{"Unmet": u.Count})
		}
		summaryList(b, l.T("cohort.unmet"), items, false, width)
	}
	writeCohortPath(b, sum, false, plain, width, l)
}

// unscoredTitle heads the list of the files that could not be scored, which standard error
// gives with their messages in full.
func unscoredTitle(s *assessment.Summary, l *i18n.Localizer) string {
	_, all := s.Unscored()
	return l.N("cohort.unscored", all)
}

// unscoredItems name the files that could not be scored, each with the reason in a word; none
// when every file was scored.
func unscoredItems(s *assessment.Summary, l *i18n.Localizer) []string {
	first, all := s.Unscored()
	items := make([]string, 0, len(first)+1)
	for _, u := range first {
		// The reason in a word; the catalogue has one for each (cohort.unscored.invalid, ...).
		items = append(items, textsafe.Escape(u.Source)+": "+l.T("cohort.unscored."+string(u.Reason)))
	}
	if all > len(first) {
		items = append(items, l.T("cohort.unscored.more", i18n.Args{"Count": all - len(first)}))
	}
	return items
}

// topUnmet is how many requirements the summary lists as most often unmet.
const topUnmet = 5

func summaryLine(s *assessment.Summary, l *i18n.Localizer) string {
	if s.Count == 0 {
		return l.T("cohort.summary.none")
	}
	return l.T("cohort.summary", i18n.Args{"Count": s.Count, "Median": page.Median(s.Median()), "Mean": page.Score(s.Mean())})
}

func verdictLine(s *assessment.Summary, l *i18n.Localizer) string {
	return l.T("cohort.verdicts", i18n.Args{"Ready": s.Verdicts[assessment.Ready], "Nearly": s.Verdicts[assessment.NearlyReady],
		"Not": s.Verdicts[assessment.NotReady]})
}

// writeCohortPath adds to a cohort summary what an advisor plans a term around: the students
// grouped by the first step of their plan, who may sit which exam now, and the spread of scores.
// With plain, the histogram's bars are drawn with '#', not block characters.
func writeCohortPath(b *strings.Builder, sum *assessment.Summary, markdown, plain bool, width int, l *i18n.Localizer) {
	if sum.Count == 0 {
		return
	}
	if steps := sum.FirstSteps(); len(steps) > 0 {
		items := make([]string, len(steps))
		for i, s := range steps {
			// The action as the CSV's first_step gives it, after its count, which reads at a glance.
			items[i] = l.N("cohort.students", s.Count) + ": " + s.Action
		}
		summaryList(b, l.T("cohort.first-steps"), items, markdown, width)
	}
	if counts := sum.Eligibility(); len(counts) > 0 {
		items := make([]string, len(counts))
		for i, c := range counts {
			items[i] = eligibilityText(c, l)
		}
		summaryList(b, l.N("cohort.exams", sum.Count), items, markdown, width)
	}
	if markdown {
		b.WriteString("\n```\n")
	}
	b.WriteString(l.T("cohort.distribution") + "\n")
	hist := sum.Histogram(10)
	most := slices.Max(hist) // Histogram(10): ten bins
	const cells = 30
	for i, n := range hist {
		label := fmt.Sprintf("%d-%d", i*10, i*10+9)
		if i == len(hist)-1 {
			label = "90-100"
		}
		filled := 0
		if most > 0 {
			filled = (n*cells + most - 1) / most // any student shows as at least one cell
		}
		fmt.Fprintf(b, "  %6s  %s %d\n", label, strings.Repeat(map[bool]string{false: "█", true: "#"}[plain], filled), n)
	}
	if markdown {
		b.WriteString("```\n")
	}
}

// summaryList writes a titled list of a cohort summary: in Markdown a list, else items under
// the title whose wrapped lines hang under their text. With no items it writes nothing.
func summaryList(b *strings.Builder, title string, items []string, markdown bool, width int) {
	if len(items) == 0 {
		return
	}
	if markdown {
		fmt.Fprintf(b, "\n%s\n\n", mdText(title))
		for _, it := range items {
			fmt.Fprintf(b, "- %s\n", mdText(it))
		}
		return
	}
	wrapped(b, "", title, width)
	for _, it := range items {
		wrapped(b, "  - ", it, width)
	}
}
