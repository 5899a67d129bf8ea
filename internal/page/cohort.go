package page

import (
	"bytes"
	"cmp"
	"html/template"
	"io"
	"strings"
	"time"

	"github.com/hitready/hitready/assessment"
)

// Cohort writes the cohort page of `score`: the summary with its charts (the verdicts, the score
// distribution, the first steps, who may sit which exam, what is most often unmet), then a row
// per student. It takes the reports one at a time as render.Stream does: Render draws a
// student's row and may run on many goroutines at once; Add keeps the rows in order; Close
// writes the page.
//
// The summary leads the page, where an advisor looks first, and it is known only at the end:
// so the drawn rows are kept until Close, a few hundred bytes a student (some 4 MB for 10,000).
type Cohort struct {
	w    io.Writer
	set  *pageSet
	err  error // the templates' error, returned by Render and Close (they are embedded and tested)
	opts Options
	rows bytes.Buffer
}

// NewCohort starts a cohort page written to w.
func NewCohort(w io.Writer, opts Options) *Cohort {
	set, err := templatesFor(opts.Lang)
	return &Cohort{w: w, set: set, err: err, opts: opts}
}

// studentRow is what the cohort page shows of one student.
type studentRow struct {
	Name, Source string
	Score        float64
	Verdict      assessment.Verdict
	Blocking     []string
	FirstStep    string
}

// Render draws one student's row of the table.
func (c *Cohort) Render(r assessment.Report) ([]byte, error) {
	if c.err != nil {
		return nil, c.err
	}
	row := studentRow{Name: fileText(r.Respondent), Source: fileText(r.Source), Score: r.Score, Verdict: r.Verdict}
	for _, g := range r.Gaps {
		if g.Severity == assessment.Blocking {
			row.Blocking = append(row.Blocking, gapTitle(g))
		}
	}
	if len(r.Plan) > 0 {
		row.FirstStep = r.Plan[0].Label()
	}
	var b bytes.Buffer
	err := c.set.t.ExecuteTemplate(&b, "cohort-row", row)
	return b.Bytes(), err
}

// Add keeps a drawn row, in the order the rows are added.
func (c *Cohort) Add(rendered []byte) error {
	_, err := c.rows.Write(rendered)
	return err
}

// cohortView is the summary of the page with its charts.
type cohortView struct {
	Date         time.Time // the day the page says it was made; zero for none
	Count        int
	Median, Mean float64
	Verdicts     []countRow
	Histogram    histogram
	FirstSteps   []countRow
	Exams        []examRow
	Unmet        []countRow
	Rows         template.HTML
	// The files that could not be scored, each with its reason in a word (standard error says
	// it in full): a page for a program meeting names who is missing from it.
	Unscored     []assessment.Unscored
	UnscoredAll  int // how many, the first ones of which are in Unscored
	UnscoredMore int // how many are counted but not named
}

// countRow is a line of a chart drawn as a table: what is counted, how many, and a bar.
type countRow struct {
	Verdict assessment.Verdict // the verdict counted, in the chart of verdicts
	Text    string
	Count   int
	Bar     bar
}

type examRow struct {
	Abbr, Name            string
	Eligible, Early, Held countRow
}

// topUnmet is how many requirements the page lists as most often unmet, as the table does.
const topUnmet = 5

// Close writes the page: the summary of s, then the rows added.
func (c *Cohort) Close(s *assessment.Summary) error {
	if c.err != nil {
		return c.err
	}
	v := cohortView{Date: c.opts.Date, Count: s.Count, Median: s.Median(), Mean: s.Mean(), Histogram: newHistogram(s.Histogram(10)),
		Rows: template.HTML(c.rows.String())} // #nosec: rows drawn by html/template in Render
	count := func(text string, n int) countRow {
		return countRow{Text: text, Count: n, Bar: newBar(float64(n), float64(s.Count))}
	}
	for _, verdict := range []assessment.Verdict{assessment.Ready, assessment.NearlyReady, assessment.NotReady} {
		row := count("", s.Verdicts[verdict])
		row.Verdict = verdict
		v.Verdicts = append(v.Verdicts, row)
	}
	for _, st := range s.FirstSteps() {
		v.FirstSteps = append(v.FirstSteps, count(strings.TrimSuffix(st.Action, "."), st.Count))
	}
	for _, e := range s.Eligibility() {
		v.Exams = append(v.Exams, examRow{Abbr: strings.ToUpper(e.ID), Name: e.Name,
			Eligible: count("", e.Eligible), Early: count("", e.Early), Held: count("", e.Held)})
	}
	for _, u := range s.TopUnmet(topUnmet) {
		v.Unmet = append(v.Unmet, count(u.Title, u.Count))
	}
	first, all := s.Unscored()
	for _, u := range first {
		v.Unscored = append(v.Unscored, assessment.Unscored{Source: fileText(u.Source), Reason: u.Reason})
	}
	v.UnscoredAll, v.UnscoredMore = all, all-len(first)
	f := frame{Kind: "cohort", Title: c.set.w.l.T("page.title.cohort"), Date: c.opts.Date}
	return write(c.w, c.set, "cohort", v, f, nil)
}

// gapTitle is a gap's short title, or its id for a profile that gives none.
func gapTitle(g assessment.Gap) string { return cmp.Or(g.Title, g.ID) }
