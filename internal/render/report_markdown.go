package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/hitready/hitready/assessment"
	"github.com/hitready/hitready/internal/prose"
)

// reportMarkdown writes a report as Markdown that pastes into a document: a heading, the verdict, a
// table of areas, a table of gaps and the notes.
func reportMarkdown(w io.Writer, r assessment.Report) error {
	var b strings.Builder
	title := "Readiness report"
	if who := describeRespondent(r); who != "" {
		title += ": " + who
	}
	fmt.Fprintf(&b, "## %s\n\n", mdText(title))
	fmt.Fprintf(&b, "**%s**\n\n", mdText(headline(r)))
	fmt.Fprintf(&b, "Score: **%s** / 100 (ready at %s)\n\n", formatScore(r.Score), formatScore(r.Thresholds.Ready))
	b.WriteString("| Area | Score | Weight |\n| --- | ---: | ---: |\n")
	for _, a := range r.Areas {
		fmt.Fprintf(&b, "| %s | %s | %g |\n", mdCell(a.Title), formatScore(a.Score), a.Weight)
	}
	writePathMarkdown(&b, r)
	if len(r.Gaps) == 0 {
		b.WriteString("\nNo gaps: you meet every requirement of the profile.\n")
	} else {
		fmt.Fprintf(&b, "\n### What stands between you and the job (%d %s)\n\n", len(r.Gaps), prose.Plural(len(r.Gaps), "gap", "gaps"))
		b.WriteString("| Area | Requirement | You now | Target | Severity | Next step |\n| --- | --- | --- | --- | --- | --- |\n")
		titles := areaTitles(r)
		for _, g := range r.Gaps {
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s |\n", mdCell(titles[g.Area]), mdCell(gapTitle(g)), mdCell(g.Current),
				mdCell(g.Target), g.Severity, mdCell(g.NextStep))
		}
	}
	if len(r.Settings) > 0 {
		b.WriteString("\n### Where you would like to work\n\n")
		for _, s := range r.Settings {
			fmt.Fprintf(&b, "- **%s**: %s\n", mdText(s.Title), mdText(settingFigure(s)))
		}
	}
	for _, n := range r.Notes {
		fmt.Fprintf(&b, "\n> **Note:** %s\n", mdText(n.Text))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writePathMarkdown writes the path as Markdown sections.
func writePathMarkdown(b *strings.Builder, r assessment.Report) {
	titles := gapTitles(r.Gaps)
	if len(r.Plan) > 0 {
		b.WriteString("\n### Your path\n\n")
		for _, s := range r.Plan {
			fmt.Fprintf(b, "%d. %s *(%s)*\n", s.Step, mdText(s.Action), mdText(closesText(s, titles)))
		}
	}
	if len(r.Credentials) > 0 {
		b.WriteString("\n### Credentials\n\n| Credential | Status | Source |\n| --- | --- | --- |\n")
		for _, c := range r.Credentials {
			fmt.Fprintf(b, "| %s | %s | %s |\n", mdCell(c.Name), mdCell(statusText(c)), mdCell(c.Source))
		}
	}
}

func areaTitles(r assessment.Report) map[string]string {
	titles := map[string]string{}
	for _, a := range r.Areas {
		titles[a.ID] = a.Title
	}
	for _, g := range r.Gaps {
		if titles[g.Area] == "" {
			titles[g.Area] = g.Area
		}
	}
	return titles
}
