package assessment

import (
	"cmp"

	"github.com/hitready/hitready/questions"
)

// PlanStep is one step of a person's plan: the report's `plan`.
type PlanStep struct {
	Step           int      `json:"step" yaml:"step"`
	ID             string   `json:"id" yaml:"id"`
	Action         string   `json:"action" yaml:"action"`
	Closes         []string `json:"closes" yaml:"closes"`
	Credential     string   `json:"credential,omitempty" yaml:"credential,omitempty"`
	Duration       string   `json:"duration,omitempty" yaml:"duration,omitempty"`
	DurationSource string   `json:"duration_source,omitempty" yaml:"duration_source,omitempty"`
	// Optional marks a step the job does not need (a bachelor's later): an option, never the
	// person's next step.
	Optional bool `json:"optional,omitempty" yaml:"optional,omitempty"`

	label string // the action without why the person may sit an exam then, for grouping a cohort
	group string // the steps file's group (program): a comparison sees the same program in other words
}

// sameStep tells whether two plans' steps are one thing to do: the same step, or steps of one
// group (the program a person was told to find, and the one they are now enrolled in).
func (s PlanStep) sameStep(o PlanStep) bool {
	return s.ID == o.ID || s.group != "" && s.group == o.group
}

// Label is the step's action without the reason an exam may be sat at that point, so that the
// same step reads the same for every person of a cohort.
func (s PlanStep) Label() string { return cmp.Or(s.label, s.Action) }

// plan orders the steps that close every gap of a person (gaps, which Score has just worked out),
// and is pure: the same profile, credentials, steps and answers give the same plan.
//
// The rules, in order:
//  1. Each gap is closed by exactly one step. Steps are chosen greedily, the step that closes
//     the most open gaps first (one associate's program rather than six courses); a per-gap step
//     closes one gap; the fallback ("*") only what nothing else closes.
//  2. An exam is a step only when the person may sit it: now (the most preferred exam they are
//     eligible for now, early testing included, and prepared for as the body recommends), or
//     else the first that a step of the plan makes them eligible for and prepared for, placed
//     right after that step. The CCA asks only for a diploma, but AHIMA recommends coding
//     training or experience first: without it, the CCA waits for the coding course or the
//     program, and after the program the RHIT comes first by preference. Only when nothing in
//     the plan prepares the person is an exam they may sit offered unprepared, saying so. A
//     person who has booked an exam sits it first, when they may sit any.
//  3. Steps are ordered by the most severe gap they close (blocking, then major, then minor; a
//     step that opens an exam counts the exam's gap too); within that, an exam the person may
//     sit now first (it closes its gap at once), then the step closing more gaps of that
//     severity, then more gaps in all, then catalogue order.
//  4. The plan is replayed on the answers: each step's changes are applied in order, and its
//     closes are the gaps that become met by it, so no step claims a requirement that is met.
func plan(p *Profile, cs *Credentials, steps *Steps, a *questions.Answers, gaps []Gap) []PlanStep {
	if len(gaps) == 0 || steps == nil {
		return []PlanStep{}
	}
	person := &planFor{p: p, cs: cs, a: a, gaps: gaps}
	return person.replay(steps.ExamReasons, person.choose(steps)) // rule 4
}

// choose picks the steps that close the person's gaps and orders them (plan, rules 1 to 3).
func (person *planFor) choose(steps *Steps) []*candidate {
	offers := person.offer(steps)

	// Rule 1: every gap closed once, by the step that closes the most; the gaps an exam closes
	// are left to the exam (rule 2).
	uncovered := map[int]bool{} // the person's gaps no step closes yet, by index
	for k := range person.gaps {
		uncovered[k] = true
	}
	for _, e := range offers.exams {
		for _, k := range e.gaps {
			delete(uncovered, k)
		}
	}
	chosen := cover(offers.steps, uncovered)
	person.order(chosen) // rule 3

	// Rule 2: the exam the person may sit, where they may sit it; with none, its gaps are
	// closed like any other. (Every exam offered closes a gap.)
	if len(offers.exams) > 0 {
		if exam := person.pickExam(steps.ExamReasons, offers.exams, chosen); exam != nil {
			chosen = person.placeExam(chosen, exam)
		} else {
			for _, e := range offers.exams {
				for _, k := range e.gaps {
					uncovered[k] = true
				}
			}
		}
	}

	// Rule 1, last part: what no step closes falls to the fallback, one for each such gap in the
	// order of the gaps, after everything else.
	var rest []*candidate
	for k := range person.gaps {
		if offers.fallback != nil && uncovered[k] {
			rest = append(rest, &candidate{step: offers.fallback, index: offers.index, gap: &person.gaps[k], gaps: []int{k}})
		}
	}
	person.order(rest)
	return append(chosen, rest...)
}

// planFor is what making a plan reads of one person: the profile, the credentials, their answers
// and their gaps, most important first. Candidates name the gaps by their index in gaps.
type planFor struct {
	p    *Profile
	cs   *Credentials
	a    *questions.Answers
	gaps []Gap
}

// The answers the plan reads beyond the requirements: a booked exam, and the program question
// whose last term opens early testing.
const (
	examQuestion         = "certification.ahima"
	examBooked           = "scheduled"
	programQuestion      = "education.program"
	programLastTerm      = "final-term"
	programLevelQuestion = "education.program-level"
)
