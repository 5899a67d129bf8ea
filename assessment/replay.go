package assessment

import (
	"slices"

	"github.com/hitready/hitready/questions"
)

// replay applies the steps in order and keeps, for each, the gaps it meets; steps that meet
// nothing are dropped, their changes with them (plan, rule 4). Exam steps are worded by why the
// person may sit them at that point.
func (f *planFor) replay(reasons ExamReasons, chosen []*candidate) []PlanStep {
	plan := make([]PlanStep, 0, len(chosen))
	f.replaySteps(chosen, func(c *candidate, closes []string, _ *questions.Answers) {
		action, label := c.words()
		if c.step.Credential != "" {
			action, label = examAction(reasons, f.cs, c)
		}
		c.position = len(plan) + 1
		plan = append(plan, PlanStep{Step: c.position, ID: c.step.ID, Action: action, Closes: closes, label: label, group: c.step.Group,
			Credential: c.step.Credential, Duration: c.step.Duration, DurationSource: c.step.DurationSource, Optional: bool(c.step.Optional)})
	})
	return plan
}

// replaySteps applies the chosen steps to the person's answers in order, from their gaps' open
// requirements (in profile order): a step that meets none of those still open is dropped, and so
// are its changes; kept is told of every other step, the ids of the requirements it meets and the
// answers after it, which it only reads. It returns the requirements no step met.
func (f *planFor) replaySteps(chosen []*candidate,
	kept func(c *candidate, closes []string, after *questions.Answers)) []*Requirement {
	open := make([]*Requirement, 0, len(f.gaps)) // sized at once: it outlives the call
	for i := range f.p.Requirements {
		if r := &f.p.Requirements[i]; f.gapIndex(r.ID) >= 0 {
			open = append(open, r)
		}
	}
	state := f.a.Clone()
	for _, c := range chosen {
		state.Checkpoint()
		apply(f.p, c, state)
		var closes []string
		for _, r := range open {
			if f.p.met(r, state) {
				closes = append(closes, r.ID)
			}
		}
		if len(closes) == 0 {
			state.Rollback() // dropped, and so are its changes
			continue
		}
		state.Commit()
		open = slices.DeleteFunc(open, func(r *Requirement) bool { return slices.Contains(closes, r.ID) })
		kept(c, closes, state)
	}
	return open
}

// met tells whether the answers earn a requirement's full credit: a product of credits from 0 to
// 1 is 1 only when each is.
func (p *Profile) met(r *Requirement, a *questions.Answers) bool { return p.credit(r, a) >= 1 }

// apply makes a step's changes to the answers, then forgets answers to questions the new answers
// no longer ask, as a person's file would. Within raise, set and include the order of the
// questions does not matter: each change reads and writes only its own question.
func apply(p *Profile, c *candidate, a *questions.Answers) {
	ch := c.step.Changes
	for id, v := range ch.Raise {
		q, _ := p.bank.Question(id)
		if cur, ok := a.Get(id); !ok || q.Rank(cur.Choice) < q.Rank(v) {
			a.Set(id, questions.OneOfAnswer(v))
		}
	}
	for id, v := range ch.Set {
		a.Set(id, questions.OneOfAnswer(v))
	}
	for id, add := range ch.Include {
		cur, _ := a.Get(id)
		vs := slices.Clone(cur.Choices)
		for _, v := range add {
			if !slices.Contains(vs, v) {
				vs = append(vs, v)
			}
		}
		a.Set(id, questions.AnyOfAnswer(vs...))
	}
	if ch.Meet && c.gap != nil {
		p.meet(c.gap.ID, a)
	}
	for _, id := range ch.MeetRequirements {
		p.meet(id, a)
	}
	prune(p.bank, a)
}

// meet sets each factor of requirement id to the weakest answer that earns full credit, in factor
// order, so that a factor whose question a change makes asked (the field, once there is a
// degree) is answered too.
func (p *Profile) meet(id string, a *questions.Answers) {
	i := slices.IndexFunc(p.Requirements, func(r Requirement) bool { return r.ID == id })
	if i < 0 {
		return
	}
	for _, f := range p.Requirements[i].Credit {
		q, ok := p.bank.Question(f.Question)
		if !ok || p.bank.Asks(q, a) == questions.NotAsked {
			continue
		}
		if ans, ok := weakestMeeting(q, f, a); ok {
			a.Set(q.ID, ans)
		}
	}
}

// weakestMeeting is the weakest answer to q that gives factor f its full credit and is no worse
// than the person's; ok is false when their answer already does.
func weakestMeeting(q *questions.Question, f Factor, a *questions.Answers) (questions.Answer, bool) {
	cur, answered := a.Get(q.ID)
	switch q.Kind {
	case questions.OneOf:
		if answered && f.Values[cur.Choice] >= 1 {
			return questions.Answer{}, false
		}
		for _, v := range q.WeakestFirst() {
			if f.Values[v] >= 1 && (!answered || q.Rank(v) >= q.Rank(cur.Choice)) {
				return questions.OneOfAnswer(v), true
			}
		}
	case questions.AnyOf:
		if !cur.Has(f.Includes) {
			return questions.AnyOfAnswer(append(slices.Clone(cur.Choices), f.Includes)...), true
		}
	case questions.Rating:
		if !answered || cur.Rating < f.target() {
			return questions.RatingAnswer(f.target()), true
		}
	}
	return questions.Answer{}, false
}

// prune forgets answers to questions that are not asked, in bank order so that a question ruled
// out rules out those that depend on it. A question without asked_when is always asked.
func prune(bank *questions.Bank, a *questions.Answers) {
	for i := range bank.Questions {
		q := &bank.Questions[i]
		if len(q.AskedWhen) == 0 {
			continue
		}
		if _, ok := a.Get(q.ID); ok && bank.Asks(q, a) == questions.NotAsked {
			a.Delete(q.ID)
		}
	}
}
