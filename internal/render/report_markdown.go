package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/hitready/hitready/assessment"
	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/page"
)

// reportMarkdown writes a report as Markdown that pastes into a document: a heading, the verdict, a
// table of areas, a table of gaps and the notes.
func reportMarkdown(w io.Writer, r assessment.Report, o Options) error {
	l := o.loc()
	var b strings.Builder
	title := l.T("report.md.title")
	if who := describeRespondent(r, l); who != "" {
		title += ": " + who
	}
	fmt.Fprintf(&b, "## %s\n\n", mdText(title))
	fmt.Fprintf(&b, "**%s**\n\n", mdText(page.Headline(l, r, reportHeadline)))
	fmt.Fprintf(&b, "%s: **%s** / 100 (%s)\n\n", l.T("report.closing.score"), page.Score(r.Score),
		l.T("report.score.ready-at", i18n.Args{"Ready": page.Score(r.Thresholds.Ready)}))
	mdHead(&b, "lrr", l.T("report.md.area"), l.T("report.closing.score"), l.T("report.md.weight"))
	for _, a := range r.Areas {
		mdRow(&b, mdCell(a.Title), page.Score(a.Score), l.T("number.percent", i18n.Args{"N": areaShare(r, a)}))
	}
	writePathMarkdown(&b, r, l)
	if len(r.Gaps) == 0 {
		b.WriteString("\n" + l.T("report.gaps.none") + "\n")
	} else {
		fmt.Fprintf(&b, "\n### %s\n\n", mdText(l.N("report.md.gaps", len(r.Gaps))))
		mdHead(&b, "llllll", l.T("report.md.area"), l.T("report.gap.requirement"), l.T("report.gap.now"), l.T("report.gap.target"),
			l.T("report.md.severity"), l.T("report.gap.next"))
		titles := areaTitles(r)
		steps := stepOfGap(r.Plan) // a gap points to the step of the path that closes it
		for _, g := range r.Gaps {
			mdRow(&b, mdCell(titles[g.Area]), mdCell(gapTitle(g)), mdCell(g.Current), mdCell(g.Target), severityWords(g.Severity, l),
				mdCell(gapNextStep(g, steps, l)))
		}
	}
	if len(r.Settings) > 0 {
		fmt.Fprintf(&b, "\n### %s\n\n", l.T("report.md.settings"))
		for _, s := range r.Settings {
			fmt.Fprintf(&b, "- **%s**: %s\n", mdText(s.Title), mdText(settingFigure(s, l)))
		}
	}
	for _, n := range r.Notes {
		fmt.Fprintf(&b, "\n> **%s** %s\n", l.T("report.note"), mdText(n.Text))
	}
	mdWords(&b, "###", l)
	_, err := io.WriteString(w, b.String())
	return err
}

// writePathMarkdown writes the path as Markdown sections.
func writePathMarkdown(b *strings.Builder, r assessment.Report, l *i18n.Localizer) {
	titles := gapTitles(r.Gaps)
	if len(r.Plan) > 0 {
		fmt.Fprintf(b, "\n### %s\n\n", l.T("report.md.path"))
		for _, s := range r.Plan {
			fmt.Fprintf(b, "%d. %s *(%s)*\n", s.Step, mdText(s.Action), mdText(closesText(s, titles, l)))
		}
	}
	if len(r.Credentials) > 0 {
		fmt.Fprintf(b, "\n### %s\n\n", l.T("report.md.credentials"))
		mdHead(b, "lll", l.T("report.md.credential"), l.T("report.md.status"), l.T("report.md.source"))
		credentials, shared := sharedMissing(r.Credentials)
		for _, c := range credentials {
			mdRow(b, mdCell(c.Name), mdCell(statusText(c, l)), mdCell(c.Source))
		}
		if len(shared) > 0 {
			b.WriteString("\n")
		}
		for _, s := range shared {
			fmt.Fprintf(b, "%s\n", mdText(l.T("report.credentials.all", i18n.Args{"Credentials": l.And(s.names), "Text": s.text})))
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
