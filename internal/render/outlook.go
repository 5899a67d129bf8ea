package render

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/hitready/hitready/assessment"
)

// Outlook writes the job outlook in the given format.
func Outlook(w io.Writer, format string, o *assessment.Outlook, opts Options) error {
	return writeFormat(OutlookFormats(), w, format, o, opts)
}

// OutlookFormats are the formats of outlook: a list of dated figures has no rows for a
// spreadsheet worth a CSV.
func OutlookFormats() Formats[Renderer[*assessment.Outlook]] {
	return Formats[Renderer[*assessment.Outlook]]{
		{"table", outlookTable},
		{"json", document(writeJSON[*assessment.Outlook])},
		{"yaml", document(writeYAML[*assessment.Outlook])},
		{"markdown", document(outlookMarkdown)},
	}
}

func settingText(s assessment.Setting) string {
	if s.Employment == "" {
		return "no employment figure in the sources"
	}
	return s.Employment + " employed in " + s.Industry
}

var outlookFigures = table{rowLines: true, cols: []column{
	{header: "Topic", min: 6, max: 12},
	{header: "Figure", min: 8, max: 16},
	{header: "Period", min: 8, max: 12},
	{header: "What", min: 16, max: 36},
	{header: "Source", min: 20},
}}

func outlookTable(w io.Writer, o *assessment.Outlook, opts Options) error {
	width := opts.width()
	var b strings.Builder
	wrapped(&b, "", fmt.Sprintf("%s (officially: %s)", o.Occupation.Title, o.Occupation.Official), width)
	wrapped(&b, "", fmt.Sprintf("%s (%s)", o.Occupation.Code, o.Occupation.Source), width)
	b.WriteString("\n")
	wrapped(&b, "", "Figures of different dates stand side by side; none replaces another.", width)
	if _, err := io.WriteString(w, b.String()); err != nil {
		return err
	}
	figures := byTopic(o.Figures)
	rows := make([][]string, len(figures))
	for i, f := range figures {
		rows[i] = []string{f.Topic, f.Figure, f.Period, f.Detail, f.Source}
	}
	if err := outlookFigures.write(w, rows, opts); err != nil {
		return err
	}
	b.Reset()
	for _, n := range o.Notes {
		wrapped(&b, "", "Note: "+n, width)
	}
	b.WriteString("\n")
	wrapped(&b, "", fmt.Sprintf("Where technicians work (source: %s):", o.SettingsSource), width)
	l := labelled{indent: "  "}
	for _, s := range o.Settings {
		l.add(s.Title, settingText(s))
	}
	for _, i := range o.OtherIndustries {
		l.add("Also: "+i.Industry, i.Employment+" employed (not in the article's list)")
	}
	l.write(&b, width)
	wrapped(&b, "", fmt.Sprintf("Employment figures: %s.", o.EmploymentSource), width)
	_, err := io.WriteString(w, b.String())
	return err
}

func outlookMarkdown(w io.Writer, o *assessment.Outlook) error {
	var b strings.Builder
	fmt.Fprintf(&b, "## Job outlook: %s\n\n", mdText(o.Occupation.Title))
	fmt.Fprintf(&b, "Officially %s, %s (%s).\n\n", mdText(o.Occupation.Official), mdText(o.Occupation.Code), mdText(o.Occupation.Source))
	b.WriteString("| Topic | Figure | Period | What | Source |\n| --- | --- | --- | --- | --- |\n")
	for _, f := range byTopic(o.Figures) {
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", mdCell(f.Topic), mdCell(f.Figure), mdCell(f.Period), mdCell(f.Detail), mdCell(f.Source))
	}
	for _, n := range o.Notes {
		fmt.Fprintf(&b, "\n> **Note:** %s\n", mdText(n))
	}
	fmt.Fprintf(&b, "\n### Where technicians work\n\nSource: %s\n\n", mdText(o.SettingsSource))
	b.WriteString("| Setting | Employment (BLS, May 2011) |\n| --- | --- |\n")
	for _, s := range o.Settings {
		fmt.Fprintf(&b, "| %s | %s |\n", mdCell(s.Title), mdCell(settingText(s)))
	}
	for _, i := range o.OtherIndustries {
		fmt.Fprintf(&b, "| %s (not in the article's list) | %s employed |\n", mdCell(i.Industry), mdCell(i.Employment))
	}
	fmt.Fprintf(&b, "\nEmployment figures: %s.\n", mdText(o.EmploymentSource))
	_, err := io.WriteString(w, b.String())
	return err
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
