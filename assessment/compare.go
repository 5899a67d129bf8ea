package assessment

import (
	"cmp"
	"slices"
	"strings"

	"github.com/hitready/hitready/internal/i18n"
)

// CompareSchema names the JSON shape of a comparison.
const CompareSchema = "hitready.compare/v1"

// Snapshot is the headline of one report in a comparison.
type Snapshot struct {
	Source     string  `json:"source" yaml:"source"`
	Respondent string  `json:"respondent" yaml:"respondent"`
	Score      float64 `json:"score" yaml:"score"`
	Verdict    Verdict `json:"verdict" yaml:"verdict"`
}

// AreaChange is one area's score then and now.
type AreaChange struct {
	ID     string  `json:"id" yaml:"id"`
	Title  string  `json:"title" yaml:"title"`
	Old    float64 `json:"old" yaml:"old"`
	New    float64 `json:"new" yaml:"new"`
	Change float64 `json:"change" yaml:"change"`
}

// SeverityChange is a gap that remains but weighs differently now: a skill rated lower may turn
// a minor gap into a major one.
type SeverityChange struct {
	ID          string   `json:"id" yaml:"id"`
	Requirement string   `json:"requirement" yaml:"requirement"`
	Old         Severity `json:"old" yaml:"old"`
	New         Severity `json:"new" yaml:"new"`
	Change      string   `json:"change" yaml:"change"` // better or worse
}

// Comparison is what changed between two reports of one person.
type Comparison struct {
	Schema        string       `json:"schema" yaml:"schema"`
	Old           Snapshot     `json:"old" yaml:"old"`
	New           Snapshot     `json:"new" yaml:"new"`
	ScoreChange   float64      `json:"score_change" yaml:"score_change"`
	VerdictChange string       `json:"verdict_change" yaml:"verdict_change"` // better, same or worse
	Areas         []AreaChange `json:"areas" yaml:"areas"`
	Closed        []Gap        `json:"gaps_closed" yaml:"gaps_closed"`
	Opened        []Gap        `json:"gaps_opened" yaml:"gaps_opened"`
	Remaining     []Gap        `json:"gaps_remaining" yaml:"gaps_remaining"`
	// SeverityChanges lists the remaining gaps whose severity changed, in the order of Remaining.
	SeverityChanges []SeverityChange `json:"severity_changes" yaml:"severity_changes"`
	// DifferentRespondents is set when both reports name a respondent and the names differ:
	// a comparison is meant for two sessions of one person.
	DifferentRespondents bool `json:"different_respondents,omitempty" yaml:"different_respondents,omitempty"`
	// StepsCompleted are the steps of the older report's plan whose gaps are all closed in the
	// newer one: what the person has done between the two sessions. An exam step is worded from
	// the newer report (passedExam), since the exam passed may not be the one the plan proposed.
	StepsCompleted []PlanStep `json:"steps_completed" yaml:"steps_completed"`
	// StepsUnderWay are the steps of the older plan of whose gaps some, not all, are closed in the
	// newer report, and which the newer plan still has (the same step, or one of its group: the
	// program found and now enrolled in): a program four of whose five courses are done is under
	// way, not completed; one whose degree came another way is no longer the path.
	StepsUnderWay []StepUnderWay `json:"steps_under_way" yaml:"steps_under_way"`
}

// StepUnderWay is a step of the older plan partly done: what it closes, and which of those gaps
// are closed by now.
type StepUnderWay struct {
	Step   int      `json:"step" yaml:"step"`
	ID     string   `json:"id" yaml:"id"`
	Action string   `json:"action" yaml:"action"`
	Closes []string `json:"closes" yaml:"closes"`
	Closed []string `json:"closed" yaml:"closed"`

	label string
}

// Label is the step's short label, as PlanStep.Label.
func (s StepUnderWay) Label() string { return cmp.Or(s.label, s.Action) }

// Compare says what changed from old to new: the score, the verdict, each area, and which gaps
// were closed, opened or remain (as the newer report states them).
func Compare(old, new Report) Comparison {
	c := Comparison{
		Schema:      CompareSchema,
		Old:         snapshot(old),
		New:         snapshot(new),
		ScoreChange: round(new.Score-old.Score, 1),
		Areas:       []AreaChange{},
		Closed:      []Gap{},
		Opened:      []Gap{},
		Remaining:   []Gap{},

		SeverityChanges:      []SeverityChange{},
		DifferentRespondents: differentPeople(old.Respondent, new.Respondent),
	}
	c.VerdictChange = change(new.Verdict.Rank(), old.Verdict.Rank())
	oldAreas := map[string]float64{}
	for _, a := range old.Areas {
		oldAreas[a.ID] = a.Score
	}
	for _, a := range new.Areas {
		c.Areas = append(c.Areas, AreaChange{ID: a.ID, Title: a.Title, Old: oldAreas[a.ID], New: a.Score, Change: round(a.Score-oldAreas[a.ID], 1)})
	}
	oldGaps, newGaps := map[string]Gap{}, map[string]bool{}
	for _, g := range old.Gaps {
		oldGaps[g.ID] = g
	}
	for _, g := range new.Gaps {
		newGaps[g.ID] = true
		if was, ok := oldGaps[g.ID]; ok {
			c.Remaining = append(c.Remaining, g)
			if was.Severity != g.Severity {
				c.SeverityChanges = append(c.SeverityChanges, SeverityChange{ID: g.ID, Requirement: g.Requirement,
					Old: was.Severity, New: g.Severity, Change: change(g.Severity.rank(), was.Severity.rank())})
			}
		} else {
			c.Opened = append(c.Opened, g)
		}
	}
	for _, g := range old.Gaps {
		if !newGaps[g.ID] {
			c.Closed = append(c.Closed, g)
		}
	}
	c.StepsCompleted, c.StepsUnderWay = []PlanStep{}, []StepUnderWay{}
	for _, s := range old.Plan {
		closed := slices.DeleteFunc(slices.Clone(s.Closes), func(id string) bool { return newGaps[id] })
		switch {
		case len(closed) == len(s.Closes):
			if s.Credential != "" {
				s.Action = passedExam(new)
				s.label = s.Action
			}
			c.StepsCompleted = append(c.StepsCompleted, s)
			// A gap closed by a completed step says so, in that step's words (the exam passed,
			// not the one the older plan proposed).
			for i := range c.Closed {
				if slices.Contains(s.Closes, c.Closed[i].ID) {
					c.Closed[i].NextStep = s.Action
				}
			}
		case len(closed) > 0 && slices.ContainsFunc(new.Plan, s.sameStep):
			c.StepsUnderWay = append(c.StepsUnderWay, StepUnderWay{Step: s.Step, ID: s.ID, Action: s.Action,
				Closes: slices.Clone(s.Closes), Closed: closed, label: s.label})
		}
	}
	return c
}

// passedExam words a completed exam step from what the newer report holds, not from the older
// plan: that plan named the exam it thought best (the RHIT), but the person may have passed
// another (the CCA), or could never have sat that one. The step's credential field still names
// the exam the older plan proposed; only the words change.
func passedExam(new Report) string {
	l := new.words
	if l == nil { // a report read from a file and not scored again: in its own language
		l = i18n.For(i18n.Lang(cmp.Or(new.Lang, string(i18n.English))))
	}
	var held []string
	for _, cs := range new.Credentials {
		if cs.Status == Held {
			held = append(held, strings.ToUpper(cs.ID))
		}
	}
	if len(held) == 0 {
		return l.T("compare.passed-exam")
	}
	return l.T("compare.passed-exam-held", i18n.Args{"Held": l.And(held)})
}

// differentPeople tells whether two respondent labels name two people: both given, and not the
// same once case and surrounding spaces are set aside.
func differentPeople(a, b string) bool {
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	return a != "" && b != "" && !strings.EqualFold(a, b)
}

// change words a change from a rank then to a rank now, the higher the better.
func change(now, then int) string {
	return [...]string{"worse", "same", "better"}[cmp.Compare(now, then)+1]
}

func snapshot(r Report) Snapshot {
	return Snapshot{Source: r.Source, Respondent: r.Respondent, Score: r.Score, Verdict: r.Verdict}
}
