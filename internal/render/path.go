package render

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/hitready/hitready/assessment"
	"github.com/hitready/hitready/internal/i18n"
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
func closesText(s assessment.PlanStep, titles map[string]string, l *i18n.Localizer) string {
	text := l.N("path.closes", len(s.Closes), i18n.Args{"Titles": l.And(closedTitles(s, titles))})
	if s.Duration != "" {
		text += "; " + l.T("path.duration", i18n.Args{"Duration": s.Duration, "Source": s.DurationSource})
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
func gapNextStep(g assessment.Gap, steps map[string]int, l *i18n.Localizer) string {
	if n, ok := steps[g.ID]; ok {
		return l.T("path.step-of-path", i18n.Args{"Step": n})
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

// stepNumbers names steps of the path by number: "step 3", "steps 3 and 4", "steps 3-6",
// "steps 1 and 3-11" (a run of three or more reads as its ends).
func stepNumbers(steps []assessment.PlanStep, l *i18n.Localizer) string {
	if len(steps) == 1 {
		return l.T("path.steps.one", i18n.Args{"Step": steps[0].Step})
	}
	var parts []string
	for i := 0; i < len(steps); {
		j := i
		for j+1 < len(steps) && steps[j+1].Step == steps[j].Step+1 {
			j++
		}
		if i == 0 && j == len(steps)-1 && j >= 2 {
			return l.T("path.steps.run", i18n.Args{"First": steps[i].Step, "Last": steps[j].Step})
		}
		if j-i >= 2 {
			parts = append(parts, l.T("path.steps.range", i18n.Args{"First": steps[i].Step, "Last": steps[j].Step}))
		} else {
			for _, s := range steps[i : j+1] {
				parts = append(parts, strconv.Itoa(s.Step))
			}
		}
		i = j + 1
	}
	return l.T("path.steps.list", i18n.Args{"Steps": l.And(parts)})
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
func statusText(c assessment.CredentialStatus, l *i18n.Localizer) string {
	if c.Status != assessment.NotYet || len(c.Missing) == 0 {
		return l.T("path.status." + string(c.Status))
	}
	return l.T("path.status.not-yet-missing", i18n.Args{"Missing": strings.Join(c.Missing, " ")})
}

// shortName is a credential's abbreviation for tables: its id in capitals.
func shortName(id string) string { return strings.ToUpper(id) }

// eligibilityText says who may sit a credential's exam: "CCA: 3 may sit it now; 1 holds it".
func eligibilityText(c assessment.CredentialCount, l *i18n.Localizer) string {
	text := shortName(c.ID) + ": " + l.N("path.count.eligible", c.Eligible)
	if c.Early > 0 {
		text += ", " + l.N("path.count.early", c.Early)
	}
	if c.Held > 0 {
		text += "; " + l.N("path.count.held", c.Held)
	}
	return text
}

// sharedSentence is a sentence of several credentials' missing, said once for all of them.
type sharedSentence struct {
	text  string
	names []string
}

// sharedMissing takes out of the credentials' missing the sentences that several share (a
// program abroad, for AHIMA to decide, is said of the RHIT and the RHIA alike), to be said once.
func sharedMissing(cs []assessment.CredentialStatus) ([]assessment.CredentialStatus, []sharedSentence) {
	var shared []sharedSentence
	for _, c := range cs {
		for _, m := range c.Missing {
			i := slices.IndexFunc(shared, func(s sharedSentence) bool { return s.text == m })
			if i < 0 {
				shared = append(shared, sharedSentence{text: m})
				i = len(shared) - 1
			}
			shared[i].names = append(shared[i].names, shortName(c.ID))
		}
	}
	shared = slices.DeleteFunc(shared, func(s sharedSentence) bool { return len(s.names) < 2 })
	out := slices.Clone(cs)
	for i := range out {
		out[i].Missing = slices.DeleteFunc(slices.Clone(out[i].Missing), func(m string) bool {
			return slices.ContainsFunc(shared, func(s sharedSentence) bool { return s.text == m })
		})
	}
	return out, shared
}

// wordsUsed are the abbreviations a text uses, each as a whole word, between non-letters ("HIT",
// not "HITS" or "WHIT"), in order: those the catalogue spells out (word.*: FACTS.md's words to
// explain on first use).
func wordsUsed(text string) []string {
	words := strings.FieldsFunc(text, func(r rune) bool { return !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z') })
	var used []string
	for _, id := range i18n.IDs("word.") {
		if abbr := strings.TrimPrefix(id, "word."); slices.Contains(words, abbr) {
			used = append(used, abbr)
		}
	}
	return used
}
