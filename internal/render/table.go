// Package render turns reports into the output formats people and scripts read. It writes to an
// io.Writer and decides nothing about scores: everything it shows is in the report it is given.
package render

import (
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/hitready/hitready/assessment"
)

// TableOptions shape the table for where it is shown.
type TableOptions struct {
	Color bool // ANSI colour, for a terminal whose user has not set NO_COLOR
	Width int  // terminal width to fit the gap table into; 0 for the fixed default
}

const (
	barCells     = 20
	defaultWidth = 120
)

// ANSI styles; kept to the basic sixteen colours every terminal has.
const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[31m"
	ansiGreen  = "\x1b[32m"
	ansiYellow = "\x1b[33m"
	ansiDim    = "\x1b[2m"
)

type painter bool

func (p painter) paint(style, s string) string {
	if !p || s == "" {
		return s
	}
	return style + s + ansiReset
}

// Table writes the report for a person: the verdict in a sentence, the score, a bar per area, the
// gap table and any notes.
func Table(w io.Writer, r assessment.Report, opts TableOptions) error {
	p := painter(opts.Color)
	var b strings.Builder
	if who := describeRespondent(r); who != "" {
		fmt.Fprintln(&b, p.paint(ansiDim, who))
	}
	fmt.Fprintln(&b, p.paint(ansiBold+verdictColor(r.Verdict), Headline(r)))
	fmt.Fprintf(&b, "Score: %s / 100 (ready at %s)\n\n", formatScore(r.Score), formatScore(r.Thresholds.Ready))

	titleWidth := 0
	for _, a := range r.Areas {
		titleWidth = max(titleWidth, len(a.Title))
	}
	for _, a := range r.Areas {
		fmt.Fprintf(&b, "  %-*s  %s  %5s  (weight %g)\n", titleWidth, a.Title, bar(a.Score, p), formatScore(a.Score), a.Weight)
	}
	fmt.Fprintln(&b)
	writePath(&b, r, p, opts.Width)
	if _, err := io.WriteString(w, b.String()); err != nil {
		return err
	}
	b.Reset()

	if len(r.Gaps) == 0 {
		fmt.Fprintln(&b, "No gaps: you meet every requirement of the profile.")
	} else {
		fmt.Fprintf(&b, "What stands between you and the job (%d %s):\n", len(r.Gaps), plural(len(r.Gaps), "gap", "gaps"))
		if _, err := io.WriteString(w, b.String()); err != nil {
			return err
		}
		b.Reset()
		if err := gapTable(w, r, p, opts.Width); err != nil {
			return err
		}
	}
	if len(r.Settings) > 0 {
		b.WriteString("\nWhere you would like to work:\n")
		for _, s := range r.Settings {
			fmt.Fprintf(&b, "  %s: %s\n", s.Title, settingFigure(s))
		}
		b.WriteString("Pay and job growth, with their sources and dates: hitready outlook\n")
	}
	for _, n := range r.Notes {
		fmt.Fprintf(&b, "\nNote: %s\n", n.Text)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// settingFigure says what the sources give for a work setting.
func settingFigure(s assessment.SettingOutlook) string {
	if s.Employment == "" {
		return "the sources give no employment figure for it"
	}
	return fmt.Sprintf("%s technicians employed in %s (%s)", s.Employment, s.Industry, s.Source)
}

// Headline is the verdict in one sentence a person understands at a glance.
func Headline(r assessment.Report) string {
	blocking := 0
	for _, g := range r.Gaps {
		if g.Severity == assessment.Blocking {
			blocking++
		}
	}
	switch {
	case blocking > 0:
		return fmt.Sprintf("Not yet ready: %d %s you.", blocking, plural(blocking, "requirement blocks", "requirements block"))
	case r.Verdict == assessment.Ready:
		return fmt.Sprintf("Ready: nothing blocks you, and your score of %s reaches the %s that counts as ready.",
			formatScore(r.Score), formatScore(r.Thresholds.Ready))
	case r.Verdict == assessment.NearlyReady:
		return fmt.Sprintf("Nearly ready: nothing blocks you; your score of %s is under the %s that counts as ready.",
			formatScore(r.Score), formatScore(r.Thresholds.Ready))
	}
	return fmt.Sprintf("Not yet ready: nothing blocks you, but your score of %s is under %s.",
		formatScore(r.Score), formatScore(r.Thresholds.NearlyReady))
}

func describeRespondent(r assessment.Report) string {
	switch {
	case r.Respondent != "" && r.Source != "":
		return r.Respondent + " (" + r.Source + ")"
	case r.Respondent != "":
		return r.Respondent
	case r.Source != "":
		return "Answers from " + r.Source
	}
	return ""
}

func verdictColor(v assessment.Verdict) string {
	switch v {
	case assessment.Ready:
		return ansiGreen
	case assessment.NearlyReady:
		return ansiYellow
	}
	return ansiRed
}

func severityColor(s assessment.Severity) string {
	switch s {
	case assessment.Blocking:
		return ansiBold + ansiRed
	case assessment.Major:
		return ansiYellow
	}
	return ""
}

// bar draws a score of 0-100 as a row of cells, rounding down so a bar is full only at 100.
func bar(score float64, p painter) string {
	filled := int(math.Floor(score / 100 * barCells))
	filled = min(max(filled, 0), barCells)
	return p.paint(ansiGreen, strings.Repeat("█", filled)) + p.paint(ansiDim, strings.Repeat("░", barCells-filled))
}

// gapTable lays out the gaps. Column widths are fixed so a report reads the same in a pipe, a file
// and a golden test; a narrower terminal squeezes the two widest columns.
func gapTable(w io.Writer, r assessment.Report, p painter, width int) error {
	if width <= 0 {
		width = defaultWidth
	}
	// area, requirement, you now, target, severity, next step
	widths := []int{13, 26, 16, 18, 8, 36}
	const frame = 3*6 + 1 // "│ " and " " around each cell, and the closing bar
	for sum(widths)+frame > width && widths[5] > 20 {
		widths[5]--
		if sum(widths)+frame > width && widths[1] > 16 {
			widths[1]--
		}
	}
	table := newTable(w, true, widths...)
	table.Header("Area", "Requirement", "You now", "Target", "Severity", "Next step")
	titles := areaTitles(r)
	for _, g := range r.Gaps {
		if err := table.Append(titles[g.Area], g.Requirement, g.Current, g.Target, p.paint(severityColor(g.Severity), string(g.Severity)), g.NextStep); err != nil {
			return err
		}
	}
	return table.Render()
}

func sum(xs []int) int {
	total := 0
	for _, x := range xs {
		total += x
	}
	return total
}

// formatScore prints one decimal, the precision scores are rounded to.
func formatScore(x float64) string {
	return fmt.Sprintf("%.1f", x)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
