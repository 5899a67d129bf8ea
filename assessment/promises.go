package assessment

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"

	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/inputerr"
	"github.com/hitready/hitready/questions"
)

// The plan's promises, kept by custom data too. A profile, credentials or steps file that hitready
// accepts must give every person a plan that keeps them:
//   - every gap a person can have is closed by a step;
//   - a step's changes meet what it says it closes, and never lower an answer the profile
//     scores (no requirement's credit falls);
//   - no exam comes before the person may sit it;
//   - and someone can be ready under the profile.
// They are checked when such a file loads, over the answers the bank allows: the answer space
// (some 10^12 people: ten ratings of five values alone are 10^7) is far too large to enumerate, so
// over a deterministic sample of it, the same every run, with the best and the worst answers. A
// file that breaks one is refused with the file, the line and one person for whom it fails. The
// embedded data is checked by a test (TestEmbeddedDataKeepsThePromises) rather than at every
// start: it cannot change after the build, and its load stays as quick as before.

// promiseSample is how many generated people the promises are checked over: every value of every
// one-of question many times over, every path through the questions, in about a tenth of a second.
const promiseSample = 1000

// fileOrigin is where a profile, credentials or steps file was read, for refusals: its path, the
// line of each item of its list (requirements, credentials, steps), and of its top field.
type fileOrigin struct {
	path  string
	top   int
	lines []int
}

// newFileOrigin is where f was read: the line of its field top, and of each of the n items of its
// list.
func newFileOrigin(f *yamlFile, top, list string, n int) fileOrigin {
	o := fileOrigin{path: f.Path, top: f.line(top)}
	for i := range n {
		o.lines = append(o.lines, f.line(list, i))
	}
	return o
}

func (o fileOrigin) at(i int) inputerr.Origin {
	line := o.top
	if i >= 0 && i < len(o.lines) {
		line = o.lines[i]
	}
	return inputerr.Origin{Path: o.path, Line: line}
}

// checkPromises refuses the profile, with its credentials and steps, when a plan would break one
// of the plan's promises for some person.
func (p *Profile) checkPromises() error {
	var problems []inputerr.Problem
	seen := map[string]bool{}
	add := func(pr *inputerr.Problem, person *questions.Answers) {
		if pr == nil {
			return
		}
		key := fmt.Sprint(pr.Origin, pr.ID, pr.Message)
		if seen[key] || len(problems) >= inputerr.MaxShown {
			return
		}
		seen[key] = true
		pr.Message = p.bank.Words().T("errors.profile.promise.example", i18n.Args{"Problem": pr.Message, "Answers": p.describe(person)})
		problems = append(problems, *pr)
	}
	add(p.nobodyReady())
	for _, a := range p.samplePeople(promiseSample) {
		p.brokenPromises(a, func(pr inputerr.Problem) { add(&pr, a) })
	}
	return inputerr.Of(problems)
}

// brokenPromises tells broken of each promise a person's plan breaks, said at the file and line
// that makes it break.
func (p *Profile) brokenPromises(a *questions.Answers, broken func(inputerr.Problem)) {
	if p.steps == nil {
		return
	}
	gaps := p.scoreOnly(a).Gaps
	if len(gaps) == 0 {
		return
	}
	person := &planFor{p: p, cs: p.credentials, a: a, gaps: gaps}
	// Every step offered to the person keeps its word on its own...
	offers := person.offer(p.steps)
	for _, c := range slices.Concat(offers.steps, offers.exams) {
		if c.gap == nil {
			after := a.Clone()
			apply(p, c, after)
			person.keepsItsWord(c, a, after, broken)
		}
	}
	// ... and in the plan, where the person has done the steps before it, as replay keeps them.
	before := a // replaySteps changes a copy
	open := person.replaySteps(person.choose(p.steps), func(c *candidate, _ []string, after *questions.Answers) {
		if pr := person.sitsTooEarly(c, before); pr != nil {
			broken(*pr)
		}
		person.keepsItsWord(c, before, after, broken)
		before = after.Clone()
	})
	for _, r := range open {
		broken(p.unclosed(r))
	}
}

// keepsItsWord tells broken what a step breaks, from the answers before and after it: a gap it
// was chosen for left unmet, a requirement whose credit it lowers.
func (f *planFor) keepsItsWord(c *candidate, before, after *questions.Answers, broken func(inputerr.Problem)) {
	for _, k := range c.gaps {
		if r, ok := f.p.requirement(f.gaps[k].ID); ok && !f.p.met(r, after) && !f.p.met(r, before) {
			broken(f.stepProblem(c, r.ID, "errors.profile.promise.unmet", i18n.Args{"ID": r.ID}))
		}
	}
	for i := range f.p.Requirements {
		r := &f.p.Requirements[i]
		was, now := f.p.credit(r, before), f.p.credit(r, after)
		if now < was {
			broken(f.stepProblem(c, r.ID, "errors.profile.promise.lowers",
				i18n.Args{"ID": r.ID, "Was": fmt.Sprintf("%.3g", was), "Now": fmt.Sprintf("%.3g", now)}))
		}
	}
}

// sitsTooEarly is the problem of an exam step the person may not sit at its place in the plan.
func (f *planFor) sitsTooEarly(c *candidate, state *questions.Answers) *inputerr.Problem {
	if c.step.Credential == "" {
		return nil
	}
	cred, ok := f.cs.Get(c.step.Credential)
	if ok && cred.standing(f.p.bank, state).MaySit() {
		return nil
	}
	reqID := ""
	if len(c.gaps) > 0 {
		reqID = f.gaps[c.gaps[0]].ID
	}
	pr := f.stepProblem(c, reqID, "errors.profile.promise.too-early", i18n.Args{"Credential": c.step.Credential})
	return &pr
}

// stepProblem is a problem of a step, said where it can be mended: at the step in a custom steps
// file; with the embedded steps, at the exam's credential in a custom credentials file, else at
// the requirement (reqID) in the custom profile, naming the step. The message id and args word
// the problem in the bank's language.
func (f *planFor) stepProblem(c *candidate, reqID, id string, args i18n.Args) inputerr.Problem {
	l := f.p.bank.Words()
	msg := l.T(id, args)
	steps, cs, p := f.p.steps, f.cs, f.p
	if i := slices.IndexFunc(steps.Steps, func(s Step) bool { return s.ID == c.step.ID }); steps.origin.path != embeddedStepsName {
		return inputerr.Problem{Origin: steps.origin.at(i), ID: c.step.ID, Message: msg}
	}
	msg = l.T("errors.profile.promise.embedded-step", i18n.Args{"Step": strconv.Quote(c.step.ID), "Problem": msg})
	if i := slices.IndexFunc(cs.Credentials, func(x Credential) bool { return x.ID == c.step.Credential }); i >= 0 && cs.origin.path != embeddedCredentialsName {
		return inputerr.Problem{Origin: cs.origin.at(i), ID: c.step.Credential, Message: msg}
	}
	i := slices.IndexFunc(p.Requirements, func(r Requirement) bool { return r.ID == reqID })
	return inputerr.Problem{Origin: p.origin.at(i), ID: reqID, Message: msg}
}

// unclosed is the problem of a requirement no step of the plan closes: said at the requirement in
// a custom profile, else at the steps file, which lacks the step.
func (p *Profile) unclosed(r *Requirement) inputerr.Problem {
	l := p.bank.Words()
	if p.origin.path == embeddedProfileName {
		return inputerr.Problem{Origin: p.steps.origin.at(-1), ID: r.ID, Message: l.T("errors.profile.promise.no-step")}
	}
	i := slices.IndexFunc(p.Requirements, func(x Requirement) bool { return x.ID == r.ID })
	return inputerr.Problem{Origin: p.origin.at(i), ID: r.ID, Message: l.T("errors.profile.promise.unclosed")}
}

// nobodyReady is the problem of a profile under which even the best answers are not ready, with
// those answers.
func (p *Profile) nobodyReady() (*inputerr.Problem, *questions.Answers) {
	best := p.bestAnswers()
	r := p.scoreOnly(best)
	if r.Verdict == Ready {
		return nil, best
	}
	l := p.bank.Words()
	why := l.T("errors.profile.promise.best-score", i18n.Args{"Score": fmt.Sprintf("%.1f", r.Score), "Ready": fmt.Sprintf("%.1f", p.Thresholds.Ready)})
	if blocking := slices.IndexFunc(r.Gaps, func(g Gap) bool { return g.Severity == Blocking }); blocking >= 0 {
		why = l.T("errors.profile.promise.best-blocked", i18n.Args{"ID": r.Gaps[blocking].ID})
	}
	return &inputerr.Problem{Origin: p.origin.at(-1), Message: l.T("errors.profile.promise.nobody-ready", i18n.Args{"Why": why})}, best
}

// bestAnswers answers every question the best way for the score, in bank order: every value of
// an any-of question, the top of a rating, and for a one-of question the value that, with the
// best of the rest, scores highest (the top value, for a profile whose credits rise with the
// bank's order).
func (p *Profile) bestAnswers() *questions.Answers {
	return p.fill(questions.NewAnswers(), 0, true, p.bestValue)
}

// worstAnswers answers every question asked with its weakest answer: the first value offered of a
// one-of question (the weakest of an ordered one), nothing of an any-of, the bottom of a rating.
func (p *Profile) worstAnswers() *questions.Answers {
	weakest := func(q *questions.Question, _ int, a *questions.Answers) string {
		return p.bank.Offered(q, a).WeakestFirst()[0]
	}
	return p.fill(questions.NewAnswers(), 0, false, weakest)
}

// fill answers every question asked from index from on with its best answer (best) or its worst:
// every value of a multiple choice or none, a rating's top or its bottom, and for a one-of
// question the value oneOf picks. It returns a.
func (p *Profile) fill(a *questions.Answers, from int, best bool,
	oneOf func(q *questions.Question, i int, a *questions.Answers) string) *questions.Answers {
	for i := from; i < len(p.bank.Questions); i++ {
		q := &p.bank.Questions[i]
		if p.bank.Asks(q, a) != questions.Asked {
			continue
		}
		switch {
		case q.Kind == questions.AnyOf && best:
			a.Set(q.ID, questions.AnyOfAnswer(q.ValueNames()...))
		case q.Kind == questions.AnyOf:
			a.Set(q.ID, questions.AnyOfAnswer())
		case q.Kind == questions.Rating && best:
			a.Set(q.ID, questions.RatingAnswer(q.Scale.Max))
		case q.Kind == questions.Rating:
			a.Set(q.ID, questions.RatingAnswer(q.Scale.Min))
		case q.Kind == questions.OneOf:
			a.Set(q.ID, questions.OneOfAnswer(oneOf(q, i, a)))
		}
	}
	return a
}

// bestValue is the value of the one-of question q (at index i) that scores highest when every
// later question takes its best answer, a one-of question its strongest value (topValue).
func (p *Profile) bestValue(q *questions.Question, i int, a *questions.Answers) string {
	best, bestScore := "", -1.0
	for _, v := range p.bank.Offered(q, a).ValueNames() {
		try := a.Clone()
		try.Set(q.ID, questions.OneOfAnswer(v))
		p.fill(try, i+1, true, p.topValue)
		if s := p.scoreOnly(try).Score; s > bestScore {
			best, bestScore = v, s
		}
	}
	return best
}

// topValue is the strongest value of the one-of question q that the answers before it offer (the
// last offered for an unordered one).
func (p *Profile) topValue(q *questions.Question, _ int, a *questions.Answers) string {
	values := p.bank.Offered(q, a).WeakestFirst()
	return values[len(values)-1]
}

// samplePeople are n people drawn from the answers the bank allows, the same every time, with the
// worst and the best answers first: each question asked is answered with a value the answers
// before it allow, an optional one left unanswered one time in four.
func (p *Profile) samplePeople(n int) []*questions.Answers {
	rng := rand.New(rand.NewPCG(2026, 12))
	people := []*questions.Answers{p.worstAnswers(), p.bestAnswers()}
	skipOneInFour := func(q *questions.Question) bool { return q.Optional && rng.IntN(4) == 0 }
	for range n {
		people = append(people, p.bank.Draw(rng, skipOneInFour))
	}
	return people
}

// describe is a person's answers as --set writes them, in bank order, for a message.
func (p *Profile) describe(a *questions.Answers) string {
	var parts []string
	for _, q := range p.bank.Questions {
		if ans, ok := a.Get(q.ID); ok {
			parts = append(parts, q.ID+"="+ans.String())
		}
	}
	return strings.Join(parts, " ")
}
