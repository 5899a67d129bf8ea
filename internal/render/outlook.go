package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/hitready/hitready/assessment"
)

// Outlook writes the job outlook in the given format.
func Outlook(w io.Writer, format string, o *assessment.Outlook) error {
	switch format {
	case "json":
		return JSON(w, o)
	case "yaml":
		return YAML(w, o)
	case "markdown":
		return outlookMarkdown(w, o)
	case "table":
		return outlookTable(w, o)
	}
	return CheckFormat(format, Formats)
}

func settingText(s assessment.Setting) string {
	if s.Employment == "" {
		return "no employment figure in the sources"
	}
	return s.Employment + " employed in " + s.Industry
}

func outlookTable(w io.Writer, o *assessment.Outlook) error {
	fmt.Fprintf(w, "%s (officially: %s)\n%s (%s)\n\n", o.Occupation.Title, o.Occupation.Official, o.Occupation.Code, o.Occupation.Source)
	fmt.Fprintln(w, "Figures of different dates stand side by side; none replaces another.")
	table := newTable(w, false, 40)
	table.Header("Topic", "Figure", "Period", "What", "Source")
	for _, f := range o.Figures {
		if err := table.Append(f.Topic, f.Figure, f.Period, f.Detail, f.Source); err != nil {
			return err
		}
	}
	if err := table.Render(); err != nil {
		return err
	}
	var b strings.Builder
	for _, n := range o.Notes {
		fmt.Fprintf(&b, "Note: %s\n", n)
	}
	fmt.Fprintf(&b, "\nWhere technicians work (source: %s):\n", o.SettingsSource)
	for _, s := range o.Settings {
		fmt.Fprintf(&b, "  %-26s %s\n", s.Title, settingText(s))
	}
	for _, i := range o.OtherIndustries {
		fmt.Fprintf(&b, "  %-26s %s employed (not in the article's list)\n", "Also: "+i.Industry, i.Employment)
	}
	fmt.Fprintf(&b, "Employment figures: %s.\n", o.EmploymentSource)
	_, err := io.WriteString(w, b.String())
	return err
}

func outlookMarkdown(w io.Writer, o *assessment.Outlook) error {
	var b strings.Builder
	fmt.Fprintf(&b, "## Job outlook: %s\n\n", mdText(o.Occupation.Title))
	fmt.Fprintf(&b, "Officially %s, %s (%s).\n\n", mdText(o.Occupation.Official), mdText(o.Occupation.Code), mdText(o.Occupation.Source))
	b.WriteString("| Topic | Figure | Period | What | Source |\n| --- | --- | --- | --- | --- |\n")
	for _, f := range o.Figures {
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
