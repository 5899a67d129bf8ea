package render

import (
	"cmp"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/hitready/hitready/assessment"
	"github.com/hitready/hitready/internal/i18n"
)

// RequirementFormats are the formats of requirements. YAML is exactly the form --profile reads,
// so a program can dump the profile, edit it and use it.
func RequirementFormats() Formats[Renderer[*assessment.Profile]] {
	return Formats[Renderer[*assessment.Profile]]{
		{"table", requirementsTable},
		{"json", document(writeJSON[*assessment.Profile])},
		{"yaml", profileYAML},
		{"csv", document(requirementsCSV)},
		{"markdown", drawn(requirementsMarkdown)},
	}
}

// profileYAML is the profile in exactly the form --profile reads, under a comment that says so.
func profileYAML(w io.Writer, p *assessment.Profile, opts Options) error {
	return commentedYAML(w, opts.loc().T("requirements.yaml.comment", i18n.Args{"ID": p.ID}), p)
}

func thresholdLine(p *assessment.Profile, l *i18n.Localizer) string {
	return l.T("requirements.thresholds", i18n.Args{"ID": p.ID, "Title": p.Title,
		"Ready": strconv.FormatFloat(p.Thresholds.Ready, 'g', -1, 64), "Nearly": strconv.FormatFloat(p.Thresholds.NearlyReady, 'g', -1, 64)})
}

// percent is a share (0.24) in percent as the language writes it: "24.0%", "24.0 %".
func percent(share float64, l *i18n.Localizer) string {
	return l.T("number.percent", i18n.Args{"N": strconv.FormatFloat(share*100, 'f', 1, 64)})
}

func yesNo(b bool, l *i18n.Localizer) string {
	if b {
		return l.T("requirements.yes")
	}
	return l.T("requirements.no")
}

// quoted is a source sentence as a person reads it: between quotation marks, in the language it
// was written in.
func quoted(sentence string) string { return "\u201c" + sentence + "\u201d" }

// requirementTable: the title names the requirement, its area and weight say how much it
// counts, the target what meets it (the requirement in full is in the other formats), the source
// sentence where it comes from.
func requirementTable(l *i18n.Localizer) table {
	return table{rowLines: true, cols: []column{
		{header: l.T("requirements.column.requirement"), min: 12, max: 20},
		{header: l.T("requirements.column.area"), min: 9, max: 13},
		{header: l.T("requirements.column.weight"), min: 6, max: 6},
		{header: l.T("requirements.column.blocks"), min: 6, max: 6},
		{header: l.T("requirements.column.target"), min: 14, max: 30},
		{header: l.T("requirements.column.source"), min: 24},
	}}
}

func requirementsTable(w io.Writer, p *assessment.Profile, opts Options) error {
	var b strings.Builder
	l := opts.loc()
	wrapped(&b, "", thresholdLine(p, l), opts.width())
	wrapped(&b, l.T("requirements.source")+" ", fmt.Sprintf("%s (%s)", p.Source.Title, p.Source.Kind), opts.width())
	if _, err := io.WriteString(w, b.String()); err != nil {
		return err
	}
	// A sentence that several requirements rest on (the syllabus, the list of skills) is quoted
	// once; the others point to it, so the table is not the same sixty words ten times.
	quotedBy := map[string]string{}
	rows := make([][]string, len(p.Requirements))
	for i, r := range p.Requirements {
		title := cmp.Or(r.Title, r.ID)
		source := quoted(r.Source)
		if first, ok := quotedBy[r.Source]; ok {
			source = l.T("requirements.as-for", i18n.Args{"Title": first})
		} else {
			quotedBy[r.Source] = title
		}
		rows[i] = []string{title, areaTitle(p, r.Area), percent(p.Share(r.ID), l), yesNo(bool(r.Blocking), l), r.Target, source}
	}
	return requirementTable(l).write(w, rows, opts)
}

// areaTitle is an area's title in the profile, or its id when it has none.
func areaTitle(p *assessment.Profile, id string) string {
	for _, a := range p.Areas {
		if a.ID == id {
			return cmp.Or(a.Title, id)
		}
	}
	return id
}

func requirementsCSV(w io.Writer, p *assessment.Profile) error {
	rows := make([][]string, len(p.Requirements))
	for i, r := range p.Requirements {
		rows[i] = []string{r.ID, r.Area, number(float64(r.Weight)), number(p.Share(r.ID)), strconv.FormatBool(bool(r.Blocking)), r.Target, r.Requirement, r.Source}
	}
	return writeCSV(w, []string{"id", "area", "weight", "share", "blocking", "target", "requirement", "source"}, rows)
}

func requirementsMarkdown(b *strings.Builder, p *assessment.Profile, opts Options) {
	l := opts.loc()
	fmt.Fprintf(b, "## %s\n\n%s\n\n%s\n\n", mdText(l.T("requirements.md.heading", i18n.Args{"Title": p.Title})), mdText(thresholdLine(p, l)),
		mdText(l.T("requirements.md.source", i18n.Args{"Title": p.Source.Title, "Kind": p.Source.Kind})))
	mdHead(b, "llrlll", requirementTable(l).headers()...)
	for _, r := range p.Requirements {
		mdRow(b, mdCell(r.Requirement), mdCell(areaTitle(p, r.Area)), percent(p.Share(r.ID), l), yesNo(bool(r.Blocking), l),
			mdCell(r.Target), mdCell(quoted(r.Source)))
	}
}
