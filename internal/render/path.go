package render

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"

	"github.com/hitready/hitready/assessment"
	"github.com/hitready/hitready/internal/prose"
)

// The wording of the person's path to the job (its steps, what they close, where the person
// stands with each credential), shared by the report, the cohort and the comparison, so that the
// path reads the same wherever it is shown.

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
