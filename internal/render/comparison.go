package render

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/hitready/hitready/assessment"
	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/page"
	"github.com/hitready/hitready/internal/prose"
	"github.com/hitready/hitready/internal/textsafe"
)

// ComparisonFormats are the formats of compare.
func ComparisonFormats() Formats[Renderer[assessment.Comparison]] {
	return Formats[Renderer[assessment.Comparison]]{
		{"table", drawn(comparisonTable)},
		{"json", document(writeJSON[assessment.Comparison])},
		{"yaml", document(fastYAML[assessment.Comparison])},
		{"csv", document(comparisonCSV)},
		{"markdown", drawn(comparisonMarkdown)},
		{"html", func(w io.Writer, c assessment.Comparison, o Options) error { return page.Comparison(w, c, o.Page) }},
	}
}

func comparisonTitle(c assessment.Comparison, l *i18n.Localizer) string {
	who := textsafe.Escape(cmp.Or(c.New.Respondent, c.Old.Respondent))
	files := i18n.Args{"Old": textsafe.Escape(c.Old.Source), "New": textsafe.Escape(c.New.Source), "Who": who}
	if who == "" {
		return l.T("compare.title", files)
	}
	return l.T("compare.title-who", files)
}

func comparisonTable(b *strings.Builder, c assessment.Comparison, opts Options) {
	p := painter(opts.Color && !opts.Plain)
	width := opts.width()
	l := opts.loc()
	for _, line := range prose.Lines(comparisonTitle(c, l), width) {
		fmt.Fprintln(b, p.paint(ansiBold, line))
	}
	head := labelled{}
	head.add(l.T("report.closing.score"), fmt.Sprintf("%s -> %s (%s)", page.Score(c.Old.Score), page.Score(c.New.Score), page.Signed(c.ScoreChange)))
	head.add(l.T("report.closing.verdict"), fmt.Sprintf("%s -> %s (%s)", verdictShort(c.Old.Verdict, l), verdictShort(c.New.Verdict, l),
		p.paint(map[string]string{"better": ansiGreen, "worse": ansiRed}[c.VerdictChange], l.T("compare.change."+c.VerdictChange))))
	head.write(b, width)
	b.WriteString("\n")
	_ = areaChanges(b, c, opts, l) // a strings.Builder does not fail
	// Each gap by its short title and severity; the sentences are in the JSON and in the report.
	gapList := func(title, mark string, gaps []assessment.Gap) {
		fmt.Fprintf(b, "\n%s (%d):\n", l.T(title), len(gaps))
		if len(gaps) == 0 {
			b.WriteString("  " + l.T("compare.none") + "\n")
		}
		for _, g := range gaps {
			wrapped(b, "  "+mark+" ", fmt.Sprintf("%s (%s)", gapTitle(g), severityNow(c, g, l)), width)
		}
	}
	writeStepsCompleted(b, c, width, l)
	gapList("compare.closed", "+", c.Closed)
	gapList("compare.opened", "-", c.Opened)
	gapList("compare.remaining", " ", c.Remaining)
}

// areaChanges draws each area's score before and after in a table; as blocks (plain output),
// each area is a line: "Education: 37.0 -> 90.0 (+53.0)".
func areaChanges(w io.Writer, c assessment.Comparison, opts Options, l *i18n.Localizer) error {
	rows := make([][]string, len(c.Areas))
	for i, a := range c.Areas {
		rows[i] = []string{a.Title, page.Score(a.Old), page.Score(a.New), page.Signed(a.Change)}
	}
	t := table{cols: []column{
		{header: l.T("report.md.area"), min: 10, max: 20},
		{header: l.T("compare.before"), min: 6, max: 6, right: true},
		{header: l.T("compare.after"), min: 6, max: 6, right: true},
		{header: l.T("compare.change"), min: 6, max: 6, right: true},
	}, tight: true, block: func(b *strings.Builder, i int, width int) {
		wrapped(b, "  ", fmt.Sprintf("%s: %s -> %s (%s)", rows[i][0], rows[i][1], rows[i][2], rows[i][3]), width)
	}}
	return t.write(w, rows, opts)
}

// severityNow is a gap's severity, with the one it had before when that differs ("minor ->
// major"), so that a remaining gap growing worse does not pass unseen.
func severityNow(c assessment.Comparison, g assessment.Gap, l *i18n.Localizer) string {
	for _, sc := range c.SeverityChanges {
		if sc.ID == g.ID {
			return fmt.Sprintf("%s -> %s", severityWords(sc.Old, l), severityWords(sc.New, l))
		}
	}
	return severityWords(g.Severity, l)
}

func gapIDs(gaps []assessment.Gap) []string {
	ids := make([]string, len(gaps))
	for i, g := range gaps {
		ids[i] = g.ID
	}
	return ids
}

func comparisonCSV(w io.Writer, c assessment.Comparison) error {
	return writeCSV(w, []string{"old_source", "new_source", "respondent", "old_score", "new_score", "score_change", "old_verdict", "new_verdict",
		"verdict_change", "gaps_closed", "gaps_opened", "gaps_remaining", "steps_completed", "steps_under_way"},
		[][]string{{cell(c.Old.Source), cell(c.New.Source), cell(c.New.Respondent), number(c.Old.Score), number(c.New.Score),
			number(c.ScoreChange), string(c.Old.Verdict), string(c.New.Verdict), c.VerdictChange,
			strings.Join(gapIDs(c.Closed), ";"), strings.Join(gapIDs(c.Opened), ";"), strconv.Itoa(len(c.Remaining)),
			strconv.Itoa(len(c.StepsCompleted)), strconv.Itoa(len(c.StepsUnderWay))}})
}

func comparisonMarkdown(b *strings.Builder, c assessment.Comparison, o Options) {
	l := o.loc()
	fmt.Fprintf(b, "## %s\n\n", mdText(comparisonTitle(c, l)))
	fmt.Fprintf(b, "| | %s | %s | %s |\n| --- | ---: | ---: | ---: |\n", l.T("compare.before"), l.T("compare.after"), l.T("compare.change"))
	mdRow(b, l.T("report.closing.score"), page.Score(c.Old.Score), page.Score(c.New.Score), page.Signed(c.ScoreChange))
	mdRow(b, l.T("report.closing.verdict"), verdictShort(c.Old.Verdict, l), verdictShort(c.New.Verdict, l), l.T("compare.change."+c.VerdictChange))
	for _, a := range c.Areas {
		mdRow(b, mdCell(a.Title), page.Score(a.Old), page.Score(a.New), page.Signed(a.Change))
	}
	writeStepsCompletedMarkdown(b, c, l)
	for _, part := range []struct {
		title string
		gaps  []assessment.Gap
	}{{"compare.closed", c.Closed}, {"compare.opened", c.Opened}, {"compare.remaining", c.Remaining}} {
		fmt.Fprintf(b, "\n### %s (%d)\n\n", l.T(part.title), len(part.gaps))
		if len(part.gaps) == 0 {
			b.WriteString(l.T("compare.none-md") + "\n")
			continue
		}
		// A gap closed has no next step: its table has two columns, as the terminal's list.
		headers := []string{l.T("report.gap.requirement"), l.T("report.md.severity"), l.T("report.gap.next")}
		if part.title == "compare.closed" {
			headers = headers[:2]
		}
		mdHead(b, strings.Repeat("l", len(headers)), headers...)
		for _, g := range part.gaps {
			mdRow(b, []string{mdCell(gapTitle(g)), severityNow(c, g, l), mdCell(g.NextStep)}[:len(headers)]...)
		}
	}
}

// stepDoneText is a completed step in a comparison: its label, with what it closed when that is
// more than the one gap its label already names.
func stepDoneText(s assessment.PlanStep, titles map[string]string, l *i18n.Localizer) string {
	if len(s.Closes) < 2 {
		return s.Label()
	}
	return fmt.Sprintf("%s (%s)", s.Label(), closesText(s, titles, l))
}

// stepUnderWayText is a step partly done: "4 of 5 gaps closed; still open: Database course".
func stepUnderWayText(s assessment.StepUnderWay, titles map[string]string, l *i18n.Localizer) string {
	var open []string
	for _, id := range s.Closes {
		if !slices.Contains(s.Closed, id) {
			open = append(open, cmp.Or(titles[id], id))
		}
	}
	return fmt.Sprintf("%s (%s)", s.Label(), l.N("compare.under-way", len(s.Closes), i18n.Args{"Closed": len(s.Closed), "Open": l.And(open)}))
}

// writeStepsCompleted lists, in a comparison, the steps of the earlier plan now done, then those
// under way.
func writeStepsCompleted(b *strings.Builder, c assessment.Comparison, width int, l *i18n.Localizer) {
	titles := gapTitles(slices.Concat(c.Closed, c.Remaining))
	b.WriteString("\n")
	wrapped(b, "", l.T("compare.steps-done", i18n.Args{"Count": len(c.StepsCompleted)}), width)
	if len(c.StepsCompleted) == 0 {
		b.WriteString("  " + l.T("compare.no-steps") + "\n")
	}
	for _, s := range c.StepsCompleted {
		wrapped(b, "  + ", stepDoneText(s, titles, l), width)
	}
	if len(c.StepsUnderWay) > 0 {
		wrapped(b, "", l.T("compare.steps-under-way", i18n.Args{"Count": len(c.StepsUnderWay)})+":", width)
		for _, s := range c.StepsUnderWay {
			wrapped(b, "  ~ ", stepUnderWayText(s, titles, l), width)
		}
	}
}

func writeStepsCompletedMarkdown(b *strings.Builder, c assessment.Comparison, l *i18n.Localizer) {
	titles := gapTitles(slices.Concat(c.Closed, c.Remaining))
	fmt.Fprintf(b, "\n### %s\n\n", l.T("compare.steps-done-md", i18n.Args{"Count": len(c.StepsCompleted)}))
	if len(c.StepsCompleted) == 0 {
		b.WriteString(l.T("compare.no-steps-md") + "\n")
	}
	for _, s := range c.StepsCompleted {
		fmt.Fprintf(b, "- %s\n", mdText(stepDoneText(s, titles, l)))
	}
	if len(c.StepsUnderWay) > 0 {
		fmt.Fprintf(b, "\n### %s\n\n", l.T("compare.steps-under-way", i18n.Args{"Count": len(c.StepsUnderWay)}))
		for _, s := range c.StepsUnderWay {
			fmt.Fprintf(b, "- %s\n", mdText(stepUnderWayText(s, titles, l)))
		}
	}
}
