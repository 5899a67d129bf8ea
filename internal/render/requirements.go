package render

import (
	"cmp"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/hitready/hitready/assessment"
)

// Requirements writes the requirement profile in the given format.
func Requirements(w io.Writer, format string, p *assessment.Profile, opts Options) error {
	return writeFormat(RequirementFormats(), w, format, p, opts)
}

// RequirementFormats are the formats of requirements. YAML is exactly the form --profile reads,
// so a program can dump the profile, edit it and use it.
func RequirementFormats() Formats[Renderer[*assessment.Profile]] {
	return Formats[Renderer[*assessment.Profile]]{
		{"table", requirementsTable},
		{"json", document(writeJSON[*assessment.Profile])},
		{"yaml", document(profileYAML)},
		{"csv", document(requirementsCSV)},
		{"markdown", document(requirementsMarkdown)},
	}
}

// profileYAML is the profile in exactly the form --profile reads, under a comment that says so.
func profileYAML(w io.Writer, p *assessment.Profile) error {
	if _, err := fmt.Fprintf(w, "# hitready requirement profile %q. Edit it and use it with --profile FILE;\n# `hitready requirements --profile FILE` checks it.\n", p.ID); err != nil {
		return err
	}
	return writeYAML(w, p)
}

func thresholdLine(p *assessment.Profile) string {
	return fmt.Sprintf("Profile %s (%s): ready at a score of %g with nothing blocking; nearly ready at %g.",
		p.ID, p.Title, p.Thresholds.Ready, p.Thresholds.NearlyReady)
}

func percent(share float64) string {
	return strconv.FormatFloat(share*100, 'f', 1, 64) + "%"
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// requirementTable: the title names the requirement, its area and weight say how much it
// counts, the target what meets it (the requirement in full is in the other formats), the source
// sentence where it comes from.
var requirementTable = table{rowLines: true, cols: []column{
	{header: "Requirement", min: 12, max: 20},
	{header: "Area", min: 9, max: 13},
	{header: "Weight", min: 6, max: 6},
	{header: "Blocks", min: 6, max: 6},
	{header: "Target", min: 14, max: 30},
	{header: "Source sentence", min: 24},
}}

func requirementsTable(w io.Writer, p *assessment.Profile, opts Options) error {
	var b strings.Builder
	wrapped(&b, "", thresholdLine(p), opts.width())
	wrapped(&b, "Source: ", fmt.Sprintf("%s (%s)", p.Source.Title, p.Source.Kind), opts.width())
	if _, err := io.WriteString(w, b.String()); err != nil {
		return err
	}
	areas := map[string]string{}
	for _, a := range p.Areas {
		areas[a.ID] = a.Title
	}
	// A sentence that several requirements rest on (the syllabus, the list of skills) is quoted
	// once; the others point to it, so the table is not the same sixty words ten times.
	quotedBy := map[string]string{}
	rows := make([][]string, len(p.Requirements))
	for i, r := range p.Requirements {
		title := cmp.Or(r.Title, r.ID)
		source := r.Source
		if first, ok := quotedBy[r.Source]; ok {
			source = "As for " + first + "."
		} else {
			quotedBy[r.Source] = title
		}
		rows[i] = []string{title, cmp.Or(areas[r.Area], r.Area), percent(p.Share(r.ID)), yesNo(bool(r.Blocking)), r.Target, source}
	}
	return requirementTable.write(w, rows, opts)
}

func requirementsCSV(w io.Writer, p *assessment.Profile) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"id", "area", "weight", "share", "blocking", "target", "requirement", "source"}); err != nil {
		return err
	}
	for _, r := range p.Requirements {
		row := []string{r.ID, r.Area, number(float64(r.Weight)), number(p.Share(r.ID)), strconv.FormatBool(bool(r.Blocking)), r.Target, r.Requirement, r.Source}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func requirementsMarkdown(w io.Writer, p *assessment.Profile) error {
	var b strings.Builder
	fmt.Fprintf(&b, "## Requirements: %s\n\n%s\n\nSource: %s (%s).\n\n", mdText(p.Title), mdText(thresholdLine(p)), mdText(p.Source.Title), mdText(p.Source.Kind))
	b.WriteString("| Requirement | Area | Weight | Blocks | Target | Source sentence |\n| --- | --- | ---: | --- | --- | --- |\n")
	for _, r := range p.Requirements {
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s |\n", mdCell(r.Requirement), mdCell(r.Area), percent(p.Share(r.ID)),
			yesNo(bool(r.Blocking)), mdCell(r.Target), mdCell(r.Source))
	}
	_, err := io.WriteString(w, b.String())
	return err
}
