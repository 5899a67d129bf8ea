package render

import (
	"cmp"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/hitready/hitready/assessment"
	"github.com/hitready/hitready/internal/page"
	"github.com/hitready/hitready/internal/prose"
	"github.com/hitready/hitready/internal/textsafe"
)

// Comparison writes what changed between two reports in the given format.
func Comparison(w io.Writer, format string, c assessment.Comparison, opts Options) error {
	return writeFormat(ComparisonFormats(), w, format, c, opts)
}

// ComparisonFormats are the formats of compare.
func ComparisonFormats() Formats[Renderer[assessment.Comparison]] {
	return Formats[Renderer[assessment.Comparison]]{
		{"table", comparisonTable},
		{"json", document(writeJSON[assessment.Comparison])},
		{"yaml", document(fastYAML[assessment.Comparison])},
		{"csv", document(comparisonCSV)},
		{"markdown", document(comparisonMarkdown)},
		{"html", func(w io.Writer, c assessment.Comparison, o Options) error { return page.Comparison(w, c, o.Page) }},
	}
}

func signed(x float64) string {
	return fmt.Sprintf("%+.1f", x)
}

func comparisonTitle(c assessment.Comparison) string {
	who := c.New.Respondent
	if who == "" {
		who = c.Old.Respondent
	}
	who = textsafe.Escape(who)
	from := fmt.Sprintf("from %s to %s", textsafe.Escape(c.Old.Source), textsafe.Escape(c.New.Source))
	if who == "" {
		return "Progress " + from
	}
	return who + ": progress " + from
}

func comparisonTable(w io.Writer, c assessment.Comparison, opts Options) error {
	p := painter(opts.Color && !opts.Plain)
	width := opts.width()
	var b strings.Builder
	for _, line := range prose.Lines(comparisonTitle(c), width) {
		fmt.Fprintln(&b, p.paint(ansiBold, line))
	}
	fmt.Fprintf(&b, "Score:   %s -> %s (%s)\n", formatScore(c.Old.Score), formatScore(c.New.Score), signed(c.ScoreChange))
	fmt.Fprintf(&b, "Verdict: %s -> %s (%s)\n\n", c.Old.Verdict, c.New.Verdict,
		p.paint(map[string]string{"better": ansiGreen, "worse": ansiRed}[c.VerdictChange], c.VerdictChange))
	titleWidth := 0
	for _, a := range c.Areas {
		titleWidth = max(titleWidth, textWidth(a.Title))
	}
	for _, a := range c.Areas {
		fmt.Fprintf(&b, "  %-*s  %5s -> %5s  (%s)\n", titleWidth, a.Title, formatScore(a.Old), formatScore(a.New), signed(a.Change))
	}
	// Each gap by its short title and severity; the sentences are in the JSON and in the report.
	gapList := func(title, mark string, gaps []assessment.Gap) {
		fmt.Fprintf(&b, "\n%s (%d):\n", title, len(gaps))
		if len(gaps) == 0 {
			b.WriteString("  none\n")
		}
		for _, g := range gaps {
			wrapped(&b, "  "+mark+" ", fmt.Sprintf("%s (%s)", gapTitle(g), severityNow(c, g)), width)
		}
	}
	writeStepsCompleted(&b, c, width)
	gapList("Gaps closed", "+", c.Closed)
	gapList("Gaps opened", "-", c.Opened)
	gapList("Gaps remaining", " ", c.Remaining)
	_, err := io.WriteString(w, b.String())
	return err
}

// severityNow is a gap's severity, with the one it had before when that differs ("minor ->
// major"), so that a remaining gap growing worse does not pass unseen.
func severityNow(c assessment.Comparison, g assessment.Gap) string {
	for _, sc := range c.SeverityChanges {
		if sc.ID == g.ID {
			return fmt.Sprintf("%s -> %s", sc.Old, sc.New)
		}
	}
	return string(g.Severity)
}

func gapIDs(gaps []assessment.Gap) []string {
	ids := make([]string, len(gaps))
	for i, g := range gaps {
		ids[i] = g.ID
	}
	return ids
}

func comparisonCSV(w io.Writer, c assessment.Comparison) error {
	cw := csv.NewWriter(w)
	rows := [][]string{
		{"old_source", "new_source", "respondent", "old_score", "new_score", "score_change", "old_verdict", "new_verdict",
			"verdict_change", "gaps_closed", "gaps_opened", "gaps_remaining", "steps_completed", "steps_under_way"},
		{cell(c.Old.Source), cell(c.New.Source), cell(c.New.Respondent), number(c.Old.Score), number(c.New.Score),
			number(c.ScoreChange), string(c.Old.Verdict), string(c.New.Verdict), c.VerdictChange,
			strings.Join(gapIDs(c.Closed), ";"), strings.Join(gapIDs(c.Opened), ";"), strconv.Itoa(len(c.Remaining)),
			strconv.Itoa(len(c.StepsCompleted)), strconv.Itoa(len(c.StepsUnderWay))},
	}
	if err := cw.WriteAll(rows); err != nil {
		return err
	}
	return cw.Error()
}

func comparisonMarkdown(w io.Writer, c assessment.Comparison) error {
	var b strings.Builder
	fmt.Fprintf(&b, "## %s\n\n", mdText(comparisonTitle(c)))
	b.WriteString("| | Before | After | Change |\n| --- | ---: | ---: | ---: |\n")
	fmt.Fprintf(&b, "| Score | %s | %s | %s |\n", formatScore(c.Old.Score), formatScore(c.New.Score), signed(c.ScoreChange))
	fmt.Fprintf(&b, "| Verdict | %s | %s | %s |\n", c.Old.Verdict, c.New.Verdict, c.VerdictChange)
	for _, a := range c.Areas {
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", mdCell(a.Title), formatScore(a.Old), formatScore(a.New), signed(a.Change))
	}
	writeStepsCompletedMarkdown(&b, c)
	for _, part := range []struct {
		title string
		gaps  []assessment.Gap
	}{{"Gaps closed", c.Closed}, {"Gaps opened", c.Opened}, {"Gaps remaining", c.Remaining}} {
		fmt.Fprintf(&b, "\n### %s (%d)\n\n", part.title, len(part.gaps))
		if len(part.gaps) == 0 {
			b.WriteString("None.\n")
			continue
		}
		b.WriteString("| Requirement | Severity | Next step |\n| --- | --- | --- |\n")
		for _, g := range part.gaps {
			fmt.Fprintf(&b, "| %s | %s | %s |\n", mdCell(gapTitle(g)), severityNow(c, g), mdCell(g.NextStep))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// stepDoneText is a completed step in a comparison: its label, with what it closed when that is
// more than the one gap its label already names.
func stepDoneText(s assessment.PlanStep, titles map[string]string) string {
	if len(s.Closes) < 2 {
		return s.Label()
	}
	return fmt.Sprintf("%s (%s)", s.Label(), closesText(s, titles))
}

// stepUnderWayText is a step partly done: "4 of 5 gaps closed; still open: Database course".
func stepUnderWayText(s assessment.StepUnderWay, titles map[string]string) string {
	var open []string
	for _, id := range s.Closes {
		if !slices.Contains(s.Closed, id) {
			open = append(open, cmp.Or(titles[id], id))
		}
	}
	return fmt.Sprintf("%s (%d of %d gaps closed; still open: %s)", s.Label(), len(s.Closed), len(s.Closes), prose.And(open))
}

// writeStepsCompleted lists, in a comparison, the steps of the earlier plan now done, then those
// under way.
func writeStepsCompleted(b *strings.Builder, c assessment.Comparison, width int) {
	titles := gapTitles(append(slices.Clone(c.Closed), c.Remaining...))
	b.WriteString("\n")
	wrapped(b, "", fmt.Sprintf("Steps completed since the earlier session (%d):", len(c.StepsCompleted)), width)
	if len(c.StepsCompleted) == 0 {
		b.WriteString("  none\n")
	}
	for _, s := range c.StepsCompleted {
		wrapped(b, "  + ", stepDoneText(s, titles), width)
	}
	if len(c.StepsUnderWay) > 0 {
		wrapped(b, "", fmt.Sprintf("Steps under way (%d):", len(c.StepsUnderWay)), width)
		for _, s := range c.StepsUnderWay {
			wrapped(b, "  ~ ", stepUnderWayText(s, titles), width)
		}
	}
}

func writeStepsCompletedMarkdown(b *strings.Builder, c assessment.Comparison) {
	titles := gapTitles(append(slices.Clone(c.Closed), c.Remaining...))
	fmt.Fprintf(b, "\n### Steps completed (%d)\n\n", len(c.StepsCompleted))
	if len(c.StepsCompleted) == 0 {
		b.WriteString("None.\n")
	}
	for _, s := range c.StepsCompleted {
		fmt.Fprintf(b, "- %s\n", mdText(stepDoneText(s, titles)))
	}
	if len(c.StepsUnderWay) > 0 {
		fmt.Fprintf(b, "\n### Steps under way (%d)\n\n", len(c.StepsUnderWay))
		for _, s := range c.StepsUnderWay {
			fmt.Fprintf(b, "- %s\n", mdText(stepUnderWayText(s, titles)))
		}
	}
}
