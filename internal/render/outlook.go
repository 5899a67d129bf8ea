package render

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/hitready/hitready/assessment"
	"github.com/hitready/hitready/internal/i18n"
)

// OutlookFormats are the formats of outlook: a list of dated figures has no rows for a
// spreadsheet worth a CSV.
func OutlookFormats() Formats[Renderer[*assessment.Outlook]] {
	return Formats[Renderer[*assessment.Outlook]]{
		{"table", outlookTable},
		{"json", document(writeJSON[*assessment.Outlook])},
		{"yaml", document(writeYAML[*assessment.Outlook])},
		{"markdown", drawn(outlookMarkdown)},
	}
}

func settingText(s assessment.Setting, l *i18n.Localizer) string {
	if s.Employment == "" {
		return l.T("outlook.setting.no-figure")
	}
	return l.T("outlook.setting.employed", i18n.Args{"Employment": s.Employment, "Industry": s.Industry})
}

// outlookFigures is the table of figures, its headers in l.
func outlookFigures(l *i18n.Localizer) table {
	return table{rowLines: true, cols: []column{
		{header: l.T("outlook.column.topic"), min: 6, max: 12},
		{header: l.T("outlook.column.figure"), min: 8, max: 16},
		{header: l.T("outlook.column.period"), min: 8, max: 12},
		{header: l.T("outlook.column.what"), min: 16, max: 36},
		{header: l.T("outlook.column.source"), min: 20},
	}}
}

func outlookTable(w io.Writer, o *assessment.Outlook, opts Options) error {
	width, loc := opts.width(), opts.loc()
	var b strings.Builder
	wrapped(&b, "", loc.T("outlook.officially", i18n.Args{"Title": o.Occupation.Title, "Official": o.Occupation.Official}), width)
	wrapped(&b, "", fmt.Sprintf("%s (%s)", o.Occupation.Code, o.Occupation.Source), width)
	b.WriteString("\n")
	wrapped(&b, "", loc.T("outlook.side-by-side"), width)
	figures := byTopic(o.Figures)
	rows := make([][]string, len(figures))
	for i, f := range figures {
		rows[i] = []string{f.Topic, f.Figure, f.Period, f.Detail, f.Source}
	}
	if err := outlookFigures(loc).write(&b, rows, opts); err != nil {
		return err
	}
	for _, n := range o.Notes {
		wrapped(&b, "", loc.T("outlook.note", i18n.Args{"Note": n}), width)
	}
	b.WriteString("\n")
	wrapped(&b, "", loc.T("outlook.settings", i18n.Args{"Source": o.SettingsSource}), width)
	l := labelled{indent: "  "}
	for _, s := range o.Settings {
		l.add(s.Title, settingText(s, loc))
	}
	for _, i := range o.OtherIndustries {
		l.add(loc.T("outlook.also", i18n.Args{"Industry": i.Industry}), loc.T("outlook.also.employed", i18n.Args{"Employment": i.Employment}))
	}
	l.write(&b, width)
	wrapped(&b, "", loc.T("outlook.employment-source", i18n.Args{"Source": o.EmploymentSource}), width)
	_, err := io.WriteString(w, b.String())
	return err
}

func outlookMarkdown(b *strings.Builder, o *assessment.Outlook, opts Options) {
	l := opts.loc()
	fmt.Fprintf(b, "## %s\n\n", mdText(l.T("outlook.md.heading", i18n.Args{"Title": o.Occupation.Title})))
	fmt.Fprintf(b, "%s\n\n", mdText(l.T("outlook.md.officially", i18n.Args{"Official": o.Occupation.Official, "Code": o.Occupation.Code, "Source": o.Occupation.Source})))
	mdHead(b, "lllll", outlookFigures(l).headers()...)
	for _, f := range byTopic(o.Figures) {
		mdRow(b, mdCell(f.Topic), mdCell(f.Figure), mdCell(f.Period), mdCell(f.Detail), mdCell(f.Source))
	}
	for _, n := range o.Notes {
		fmt.Fprintf(b, "\n> **%s** %s\n", l.T("outlook.md.note"), mdText(n))
	}
	fmt.Fprintf(b, "\n### %s\n\n%s\n\n", l.T("outlook.md.settings"), mdText(l.T("outlook.md.source", i18n.Args{"Source": o.SettingsSource})))
	mdHead(b, "ll", l.T("outlook.md.setting"), l.T("outlook.md.employment"))
	for _, s := range o.Settings {
		mdRow(b, mdCell(s.Title), mdCell(settingText(s, l)))
	}
	for _, i := range o.OtherIndustries {
		mdRow(b, mdCell(l.T("outlook.md.also", i18n.Args{"Industry": i.Industry})), mdCell(l.T("outlook.md.employed", i18n.Args{"Employment": i.Employment})))
	}
	fmt.Fprintf(b, "\n%s\n", mdText(l.T("outlook.employment-source", i18n.Args{"Source": o.EmploymentSource})))
}

// byTopic groups the figures by topic, in the order the topics first appear, each topic's figures
// in the order the data gives them (oldest first): the three pay figures of three dates read
// together, side by side, none replacing another.
func byTopic(figures []assessment.Figure) []assessment.Figure {
	first := map[string]int{}
	for i, f := range figures {
		if _, ok := first[f.Topic]; !ok {
			first[f.Topic] = i
		}
	}
	out := slices.Clone(figures)
	slices.SortStableFunc(out, func(a, b assessment.Figure) int { return cmp.Compare(first[a.Topic], first[b.Topic]) })
	return out
}
