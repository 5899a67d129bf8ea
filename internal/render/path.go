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
	"github.com/hitready/hitready/internal/prose"
	"github.com/hitready/hitready/internal/textsafe"
)

// The person's path to the job (the report's plan and credentials), the cohort's first steps and
// the `credentials` command. Each renderer calls in here with one line, so the path reads the
// same wherever it is shown.

// firstStep is the action of step 1 of the plan; empty when there is nothing to do.
func firstStep(r assessment.Report) string {
	if len(r.Plan) == 0 {
		return ""
	}
	return r.Plan[0].Action
}

// closesText says what a step closes: "closes 6 gaps", naming every one by its short title.
// titles maps requirement ids to titles (gapTitles); an id without one stands as is.
func closesText(s assessment.PlanStep, titles map[string]string) string {
	n := len(s.Closes)
	text := fmt.Sprintf("closes %d %s: %s", n, prose.Plural(n, "gap", "gaps"), prose.And(closedTitles(s, titles)))
	if s.Duration != "" {
		text += "; " + s.Duration + ", says " + s.DurationSource
	}
	return text
}

func closedTitles(s assessment.PlanStep, titles map[string]string) []string {
	names := make([]string, len(s.Closes))
	for i, id := range s.Closes {
		names[i] = cmp.Or(titles[id], id)
	}
	return names
}

// stepOfGap maps each gap a plan closes to the number of the step that closes it.
func stepOfGap(plan []assessment.PlanStep) map[string]int {
	steps := map[string]int{}
	for _, s := range plan {
		for _, id := range s.Closes {
			steps[id] = s.Step
		}
	}
	return steps
}

// gapNextStep is what the report shows as a gap's next step: the step of the path that closes
// it, whose action the path gives in full; a report without a plan gives its own next step.
func gapNextStep(g assessment.Gap, steps map[string]int) string {
	if n, ok := steps[g.ID]; ok {
		return fmt.Sprintf("Step %d of your path", n)
	}
	return g.NextStep
}

// shownSteps splits the plan into the steps drawn in full and those that close only minor gaps,
// summarised in a line, as the gap section does: only when there are bigger gaps to see to, and
// not with AllGaps.
func shownSteps(r assessment.Report, all bool) (full, later []assessment.PlanStep) {
	_, summed := shownGaps(r, all)
	minor := map[string]bool{}
	for _, g := range summed {
		minor[g.ID] = true
	}
	for _, s := range r.Plan {
		onlyMinor := len(minor) > 0
		for _, id := range s.Closes {
			onlyMinor = onlyMinor && minor[id]
		}
		if onlyMinor {
			later = append(later, s)
		} else {
			full = append(full, s)
		}
	}
	return full, later
}

// stepNumbers names steps by number: "step 5", "steps 5-8", "steps 3, 5 and 6".
func stepNumbers(steps []assessment.PlanStep) string {
	nums := make([]string, len(steps))
	run := len(steps) > 1
	for i, s := range steps {
		nums[i] = strconv.Itoa(s.Step)
		run = run && (i == 0 || s.Step == steps[i-1].Step+1)
	}
	switch {
	case len(steps) == 1:
		return "step " + nums[0]
	case run:
		return "steps " + nums[0] + "-" + nums[len(nums)-1]
	}
	return "steps " + prose.And(nums)
}

// command is how the person started hitready, for hints they may paste.
func (o TableOptions) command() string { return cmp.Or(o.Command, "hitready") }

// allGapsHint is the command that shows every gap and step in full: the same answers with
// --all-gaps, written so that it runs when pasted where the answers are kept.
func allGapsHint(opts TableOptions) string {
	if opts.AnswersKept == "" {
		return opts.command() + " assess --all-gaps (with the same answers)"
	}
	return opts.command() + " assess --answers " + textsafe.ShellQuote(opts.AnswersKept) + " --all-gaps"
}

// commandLine writes a sentence that ends with a command to paste, the command on a line of its
// own: wrapped with the sentence, it would break where a paste cannot mend it.
func commandLine(b *strings.Builder, indent, sentence, command string, width int) {
	wrapped(b, indent, sentence, width)
	b.WriteString(indent + "  " + command + "\n")
}

// gapTitles maps the ids of a report's gaps to their short titles.
func gapTitles(gaps []assessment.Gap) map[string]string {
	titles := make(map[string]string, len(gaps))
	for _, g := range gaps {
		titles[g.ID] = gapTitle(g)
	}
	return titles
}

// statusText is a credential's status for a person, in words.
func statusText(c assessment.CredentialStatus) string {
	switch c.Status {
	case assessment.Held:
		return "held"
	case assessment.Eligible:
		return "eligible now"
	case assessment.EligibleEarly:
		return "eligible early, as a final-term student"
	}
	if len(c.Missing) == 0 {
		return "not yet"
	}
	return "not yet: " + strings.Join(c.Missing, " ")
}

// shortName is a credential's abbreviation for tables: its id in capitals.
func shortName(id string) string { return strings.ToUpper(id) }

// pathSection writes the "Your path" section of the table report: the numbered steps, each with
// what it closes, then where the person stands with each credential.
func pathSection(b *strings.Builder, r assessment.Report, opts TableOptions, p painter) {
	width := opts.width()
	titles := gapTitles(r.Gaps)
	if len(r.Plan) > 0 {
		fmt.Fprintf(b, "%s\n", p.paint(ansiBold, fmt.Sprintf("Your path (%d %s):", len(r.Plan), prose.Plural(len(r.Plan), "step", "steps"))))
		full, later := shownSteps(r, opts.AllGaps)
		numWidth := len(strconv.Itoa(len(r.Plan)))
		indent := strings.Repeat(" ", 2+numWidth+2)
		for _, s := range full {
			lines := prose.Lines(s.Action, max(width-len(indent), 20))
			fmt.Fprintf(b, "  %*d. %s\n", numWidth, s.Step, lines[0])
			for _, l := range lines[1:] {
				fmt.Fprintf(b, "%s%s\n", indent, l)
			}
			for _, l := range prose.Lines("("+closesText(s, titles)+")", max(width-len(indent), 20)) {
				fmt.Fprintf(b, "%s%s\n", indent, p.paint(ansiDim, l))
			}
		}
		if len(later) > 0 {
			var names []string
			for _, s := range later {
				names = append(names, closedTitles(s, titles)...)
			}
			wrapped(b, "  Later: ", strings.Join(names, ", ")+" ("+stepNumbers(later)+"). In full:", width)
			b.WriteString("         " + allGapsHint(opts) + "\n")
		}
	}
	if len(r.Credentials) > 0 {
		b.WriteString("Credentials:\n")
		nameWidth := 0
		for _, c := range r.Credentials {
			nameWidth = max(nameWidth, len(shortName(c.ID)))
		}
		indent := strings.Repeat(" ", 2+nameWidth+2)
		for _, c := range r.Credentials {
			lines := prose.Lines(statusText(c), max(width-len(indent), 20))
			fmt.Fprintf(b, "  %-*s  %s\n", nameWidth, shortName(c.ID), lines[0])
			for _, l := range lines[1:] {
				fmt.Fprintf(b, "%s%s\n", indent, l)
			}
		}
		commandLine(b, "", "Who may sit each exam, with sources:", opts.command()+" credentials", width)
	}
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

// writeCohortPath adds to a cohort summary what an advisor plans a term around: the students
// grouped by the first step of their plan, who may sit which exam now, and the spread of scores.
// With plain, the histogram's bars are drawn with '#', not block characters.
func writeCohortPath(b *strings.Builder, sum *assessment.Summary, markdown, plain bool, width int) {
	if sum.Count == 0 {
		return
	}
	if steps := sum.FirstSteps(); len(steps) > 0 {
		items := make([]string, len(steps))
		for i, s := range steps {
			items[i] = fmt.Sprintf("%s: %d %s", strings.TrimSuffix(s.Action, "."), s.Count, prose.Plural(s.Count, "student", "students"))
		}
		summaryList(b, "First steps:", items, markdown, width)
	}
	if counts := sum.Eligibility(); len(counts) > 0 {
		items := make([]string, len(counts))
		for i, c := range counts {
			items[i] = eligibilityText(c)
		}
		summaryList(b, fmt.Sprintf("Exams, of %d %s:", sum.Count, prose.Plural(sum.Count, "student", "students")), items, markdown, width)
	}
	if markdown {
		b.WriteString("\n```\n")
	}
	b.WriteString("Score distribution:\n")
	hist := sum.Histogram(10)
	most := 0
	for _, n := range hist {
		most = max(most, n)
	}
	const cells = 30
	for i, n := range hist {
		label := fmt.Sprintf("%d-%d", i*10, i*10+9)
		if i == len(hist)-1 {
			label = "90-100"
		}
		filled := 0
		if most > 0 {
			filled = (n*cells + most - 1) / most // any student shows as at least one cell
		}
		fmt.Fprintf(b, "  %6s  %s %d\n", label, strings.Repeat(map[bool]string{false: "█", true: "#"}[plain], filled), n)
	}
	if markdown {
		b.WriteString("```\n")
	}
}

// eligibilityText says who may sit a credential's exam: "CCA: 3 may sit it now; 1 holds it".
func eligibilityText(c assessment.CredentialCount) string {
	text := fmt.Sprintf("%s: %d may sit it now", shortName(c.ID), c.Eligible)
	if c.Early > 0 {
		text += fmt.Sprintf(", %d early as final-term %s", c.Early, prose.Plural(c.Early, "student", "students"))
	}
	if c.Held > 0 {
		text += fmt.Sprintf("; %d %s it", c.Held, prose.Plural(c.Held, "holds", "hold"))
	}
	return text
}

// summaryList writes a titled list of a cohort summary: in Markdown a list, else items under
// the title whose wrapped lines hang under their text.
func summaryList(b *strings.Builder, title string, items []string, markdown bool, width int) {
	if markdown {
		fmt.Fprintf(b, "\n%s\n\n", mdText(title))
		for _, it := range items {
			fmt.Fprintf(b, "- %s\n", mdText(it))
		}
		return
	}
	wrapped(b, "", title, width)
	for _, it := range items {
		wrapped(b, "  - ", it, width)
	}
}

// Credentials writes the credentials in force: each with what a pass meets, the exam as the
// sources give it, and every rule with its source and grade.
func Credentials(w io.Writer, format string, cs *assessment.Credentials, opts TableOptions) error {
	return writeFormat(CredentialFormats(), w, format, cs, opts)
}

// CredentialFormats are the formats of `credentials`. YAML is the form a profile's
// "credentials: FILE" reads.
func CredentialFormats() Formats[Renderer[*assessment.Credentials]] {
	return Formats[Renderer[*assessment.Credentials]]{
		{"table", credentialsTable},
		{"json", func(w io.Writer, cs *assessment.Credentials, _ TableOptions) error { return writeJSON(w, cs) }},
		{"yaml", func(w io.Writer, cs *assessment.Credentials, _ TableOptions) error {
			if _, err := io.WriteString(w, "# hitready credentials. A profile may name its own file: credentials: FILE\n"); err != nil {
				return err
			}
			return writeYAML(w, cs)
		}},
		{"csv", func(w io.Writer, cs *assessment.Credentials, _ TableOptions) error { return credentialsCSV(w, cs) }},
		{"markdown", func(w io.Writer, cs *assessment.Credentials, _ TableOptions) error { return credentialsMarkdown(w, cs) }},
	}
}

// routeRows flattens a credential's routes into one row each: kind, text, rules, source, grade.
func routeRows(c *assessment.Credential) [][]string {
	var rows [][]string
	add := func(kind string, routes []assessment.Route) {
		for _, r := range routes {
			rows = append(rows, []string{kind, r.Text, rulesText(r.Rules), r.Source, string(r.Grade)})
		}
	}
	add("eligible", c.Eligible)
	add("early", c.Early)
	add("as reported", c.Reported)
	add("prepared as recommended", c.Prepared) // where a plan places the exam, never who may sit it
	return rows
}

func rulesText(rules []assessment.Rule) string {
	parts := make([]string, len(rules))
	for i, r := range rules {
		parts[i] = r.Question + " is " + strings.Join(r.In, " or ")
	}
	return strings.Join(parts, "; and ")
}

func examText(c *assessment.Credential) string {
	if c.Exam == nil {
		return ""
	}
	return fmt.Sprintf("%s Source: %s, grade %s.", c.Exam.Facts, c.Exam.Source, c.Exam.Grade)
}

// credentialsTable lists each credential and its routes as wrapped lines rather than a box, so it
// reads at any width from 60 columns and in a screen reader.
func credentialsTable(w io.Writer, cs *assessment.Credentials, opts TableOptions) error {
	var b strings.Builder
	para := func(indent, text string) {
		for _, l := range prose.Lines(text, max(opts.width()-len(indent), 20)) {
			b.WriteString(indent + l + "\n")
		}
	}
	para("", "Who may sit each AHIMA exam. Grade P: the body's own page, a rule that decides. Grade S: as reported by another site, shown but never deciding on its own.")
	for i := range cs.Credentials {
		c := &cs.Credentials[i]
		fmt.Fprintf(&b, "\n%s (%s)\n", c.Name, c.ID)
		para("  ", "A pass meets: "+strings.Join(c.Meets, ", "))
		if e := examText(c); e != "" {
			para("  ", "Exam: "+e)
		}
		if c.Recommended != "" {
			para("  ", "Recommended: "+c.Recommended)
		}
		if c.Undecided != "" {
			para("  ", "Not decided here: "+c.Undecided)
		}
		for _, row := range routeRows(c) {
			label := strings.ToUpper(row[0][:1]) + row[0][1:] + ": " + row[1]
			if strings.HasPrefix(row[1], "As reported") {
				label = row[1] // its text says so already
			}
			para("  ", label)
			para("      ", "when "+row[2])
			para("      ", "source: "+row[3]+", grade "+row[4])
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func credentialsCSV(w io.Writer, cs *assessment.Credentials) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"id", "name", "meets", "route", "text", "rules", "source", "grade"}); err != nil {
		return err
	}
	for i := range cs.Credentials {
		c := &cs.Credentials[i]
		for _, row := range routeRows(c) {
			if err := cw.Write(append([]string{c.ID, c.Name, strings.Join(c.Meets, ";")}, row...)); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

func credentialsMarkdown(w io.Writer, cs *assessment.Credentials) error {
	var b strings.Builder
	b.WriteString("## Credentials\n\nGrade P: the body's own page, a rule that decides; grade S: as reported by another site, shown but never deciding on its own.\n")
	for i := range cs.Credentials {
		c := &cs.Credentials[i]
		fmt.Fprintf(&b, "\n### %s\n\nMeets: %s.\n", mdText(c.Name), mdText(strings.Join(c.Meets, ", ")))
		if e := examText(c); e != "" {
			fmt.Fprintf(&b, "\nExam: %s\n", mdText(e))
		}
		if c.Recommended != "" {
			fmt.Fprintf(&b, "\nRecommended: %s\n", mdText(c.Recommended))
		}
		if c.Undecided != "" {
			fmt.Fprintf(&b, "\nNot decided here: %s\n", mdText(c.Undecided))
		}
		b.WriteString("\n| Route | Who | Rules (answers) | Source | Grade |\n| --- | --- | --- | --- | --- |\n")
		for _, row := range routeRows(c) {
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", row[0], mdCell(row[1]), mdCell(row[2]), mdCell(row[3]), row[4])
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
