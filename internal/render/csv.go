package render

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/hitready/hitready/assessment"
	"github.com/hitready/hitready/internal/textsafe"
)

// csvReport is the CSV of reports, one row per report under a header, for spreadsheets: source,
// respondent, score, verdict, one score column per area (areas, in that order), the ids of the
// blocking gaps (separated by ";"), the number of gaps and the first step.
type csvReport struct {
	areas []string
}

// reportCSV writes one report as a CSV of one row under the header.
func reportCSV(w io.Writer, r assessment.Report) error {
	c := csvReport{areas: areaIDs(r)}
	return writeCSV(w, c.Header(), [][]string{c.Row(r)})
}

// Header is the CSV's first row.
func (c csvReport) Header() []string {
	h := []string{"source", "respondent", "score", "verdict"}
	for _, a := range c.areas {
		h = append(h, a+"_score")
	}
	return append(h, "blocking_gaps", "gaps", "first_step")
}

// Row is a report's row, in the columns of Header.
func (c csvReport) Row(r assessment.Report) []string {
	areaScore := map[string]float64{}
	for _, a := range r.Areas {
		areaScore[a.ID] = a.Score
	}
	row := []string{cell(r.Source), cell(r.Respondent), number(r.Score), string(r.Verdict)}
	for _, a := range c.areas {
		row = append(row, number(areaScore[a]))
	}
	return append(row, strings.Join(blockingIDs(r), ";"), strconv.Itoa(len(r.Gaps)), cell(firstStep(r)))
}

// cell keeps a spreadsheet from running text as a formula: a respondent typed as "=HYPERLINK(…)"
// would otherwise execute when an advisor opens the file (CSV injection).
func cell(s string) string {
	s = textsafe.Escape(s) // a source path may hold control characters; a spreadsheet shows them raw
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// writeCSV writes a header and its rows as CSV.
func writeCSV(w io.Writer, header []string, rows [][]string) error {
	return csv.NewWriter(w).WriteAll(append([][]string{header}, rows...))
}

func number(x float64) string {
	return strconv.FormatFloat(x, 'f', -1, 64)
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
