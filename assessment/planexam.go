package assessment

import (
	"cmp"
	"slices"

	"github.com/hitready/hitready/questions"
)

// examFit is an exam the person may sit with some answers, and why.
type examFit struct {
	exam   *candidate
	cred   *Credential
	status Status
	route  string
	prep   *Route
}

// findExam is the most preferred of the offered exams the person may sit with the answers a;
// needPrep asks that they be prepared for it as the body recommends, too.
func (f *planFor) findExam(exams []*candidate, a *questions.Answers, needPrep bool) (examFit, bool) {
	for _, e := range exams {
		c, ok := f.cs.Get(e.step.Credential)
		if !ok {
			continue
		}
		st := c.standing(f.p.bank, a)
		if !st.MaySit() {
			continue
		}
		prep, prepared := c.prepared(a)
		if needPrep && !prepared {
			continue
		}
		route := holding(c.Eligible, a) // why the person may sit it: the clause of the route that holds
		if st == EligibleEarly {
			route = holding(c.Early, a)
		}
		return examFit{exam: e, cred: c, status: st, route: route.Because, prep: prep}, true
	}
	return examFit{}, false
}

// pickExam chooses the exam (plan, rule 2) and why it may be sat where it is, in r's words: the
// one booked; else one the person may sit now, prepared; else the first that a chosen step (in
// order) makes them eligible and prepared for; else one they may sit now, unprepared. The
// optional reasons fall back on now or after.
func (f *planFor) pickExam(r ExamReasons, exams, chosen []*candidate) *candidate {
	if booked, _ := f.a.Get(examQuestion); booked.Choice == examBooked {
		if fit, ok := f.findExam(exams, f.a, false); ok {
			e := fit.now(r.Now) // the reason when the steps file words no booked exam
			e.booked = true
			return e
		}
	}
	if fit, ok := f.findExam(exams, f.a, true); ok {
		switch {
		case fit.status == EligibleEarly:
			return fit.now(r.Early)
		case fit.prep != nil:
			return fit.now(cmp.Or(r.NowPrepared, r.Now))
		}
		return fit.now(r.Now)
	}
	if exam := f.examAfterAStep(r, exams, chosen); exam != nil {
		return exam
	}
	if fit, ok := f.findExam(exams, f.a, false); ok {
		return fit.now(cmp.Or(r.NowUnprepared, r.Now))
	}
	return nil
}

// now makes the exam one the person sits now, for this reason.
func (fit examFit) now(reason string) *candidate {
	e := fit.exam
	e.now, e.route, e.prep, e.reason = true, fit.route, fit.prep, reason
	return e
}

// examAfterAStep replays the chosen steps in order and returns the first exam one of them makes
// the person eligible and prepared for, to be sat right after it, with its reason in r's words.
func (f *planFor) examAfterAStep(r ExamReasons, exams, chosen []*candidate) *candidate {
	state := f.a.Clone()
	for _, c := range chosen {
		apply(f.p, c, state)
		fit, ok := f.findExam(exams, state, true)
		if !ok {
			continue
		}
		e := fit.exam
		e.after, e.route, e.prep, e.reason = c, fit.route, fit.prep, r.After
		switch {
		case fit.prep != nil && fit.cred.standing(f.p.bank, f.a).MaySit():
			// Eligible all along: the step prepares them, as the prepared route words it.
			if fit.prep.After != "" {
				e.reason = fit.prep.After + "."
			}
		case earlyInLastTerm(fit.cred, c.step, f.a, state):
			e.reason = cmp.Or(r.AfterEarly, r.After)
		}
		return e
	}
	return nil
}

// placeExam adds the exam to the ordered steps: right after the step that opens it, that step
// moved up with the exam's severity. Should moving it up leave out an earlier step the exam
// needs, the step stays where it was.
func (f *planFor) placeExam(chosen []*candidate, exam *candidate) []*candidate {
	if exam.after == nil {
		out := append(slices.Clone(chosen), exam)
		f.order(out)
		return out
	}
	out := f.placeAfter(chosen, exam, true)
	if f.sittable(out, exam) {
		return out
	}
	return f.placeAfter(chosen, exam, false)
}

// placeAfter orders the steps, the one that opens the exam taking the exam's severity if moveUp,
// and puts the exam right after it.
func (f *planFor) placeAfter(chosen []*candidate, exam *candidate, moveUp bool) []*candidate {
	out := slices.Clone(chosen)
	if moveUp {
		exam.after.enables = exam
	}
	f.order(out)
	exam.after.enables = nil
	j := slices.Index(out, exam.after)
	return slices.Insert(out, j+1, exam)
}

// sittable replays the steps before the exam and tells whether the person may sit it there,
// prepared as recommended.
func (f *planFor) sittable(plan []*candidate, exam *candidate) bool {
	state := f.a.Clone()
	for _, s := range plan[:slices.Index(plan, exam)] {
		apply(f.p, s, state)
	}
	_, ok := f.findExam([]*candidate{exam}, state, true)
	return ok
}

// earlyInLastTerm tells whether the step completes a program in whose last term the credential
// allows early testing: the person after the step, but in the program's last term (its level the
// step's program_level, else the level of the program the person is in).
func earlyInLastTerm(c *Credential, st *Step, before, after *questions.Answers) bool {
	if _, ok := st.Changes.Set[programQuestion]; !ok || len(c.Early) == 0 {
		return false
	}
	last := after.Clone()
	last.Set(programQuestion, questions.OneOfAnswer(programLastTerm))
	level, ok := before.Get(programLevelQuestion)
	if st.ProgramLevel != "" {
		level, ok = questions.OneOfAnswer(st.ProgramLevel), true
	}
	if ok {
		last.Set(programLevelQuestion, level)
	}
	return slices.ContainsFunc(c.Early, func(r Route) bool { return r.holds(last) })
}
