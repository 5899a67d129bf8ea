package assessment

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/questions"
)

// The checks of a profile's values, apart from the profile's types: what scoring relies on, and
// that a better answer never earns less. Every refusal is worded in the run's language
// (messages/errors.profile.yaml).

// check lists everything wrong with a profile, read from f, in f. Scoring relies on what it
// guarantees: known areas and questions, factors that fit their question, weights that sum to
// something, advice for every gap.
func (p *Profile) check(f *yamlFile) {
	if p.ID == "" {
		f.Add(f.line("id"), "", "errors.profile.id-required", nil)
	}
	p.checkThresholds(f)
	if len(p.Requirements) == 0 {
		f.Add(f.line("requirements"), "", "errors.profile.no-requirements", nil)
	}
	areaWeight := p.checkAreas(f)
	seen := map[string]bool{}
	for i := range p.Requirements {
		r := &p.Requirements[i]
		if r.ID == "" || seen[r.ID] {
			f.Add(f.line("requirements", i), r.ID, "errors.profile.requirement-id", nil)
		}
		seen[r.ID] = true
		if _, ok := areaWeight[r.Area]; ok {
			areaWeight[r.Area] += float64(r.Weight)
		}
		p.checkRequirement(f, i, areaWeight)
	}
	for i, a := range p.Areas {
		if a.Weight > 0 && areaWeight[a.ID] <= 0 {
			f.Add(f.line("areas", i), "", "errors.profile.area-unused", i18n.Args{"Area": strconv.Quote(a.ID)})
		}
	}
}

// checkThresholds checks the fields a missing one would leave at 0, which would make everyone ready.
func (p *Profile) checkThresholds(f *yamlFile) {
	t := p.Thresholds
	switch {
	case !f.has("thresholds"):
		f.Add(f.line("thresholds"), "", "errors.profile.thresholds-missing", nil)
	case !f.has("thresholds", "ready") || !f.has("thresholds", "nearly_ready"):
		for _, field := range []string{"ready", "nearly_ready"} {
			if !f.has("thresholds", field) {
				f.Add(f.line("thresholds", field), "", "errors.profile.threshold-missing", i18n.Args{"Field": field})
			}
		}
	case !inRange(t.Ready, 0, 100) || !inRange(t.NearlyReady, 0, 100) || t.NearlyReady > t.Ready:
		f.Add(f.line("thresholds"), "", "errors.profile.thresholds-order", i18n.Args{"Nearly": fmt.Sprint(t.NearlyReady), "Ready": fmt.Sprint(t.Ready)})
	}
	if !f.has("major_below") {
		f.Add(f.line("major_below"), "", "errors.profile.major-below-missing", nil)
	}
}

// checkAreas checks the areas and returns each area's weight of requirements, 0 for now.
func (p *Profile) checkAreas(f *yamlFile) map[string]float64 {
	if len(p.Areas) == 0 {
		f.Add(f.line("areas"), "", "errors.profile.no-areas", nil)
	}
	areaWeight := map[string]float64{}
	var total float64
	for i, a := range p.Areas {
		if _, dup := areaWeight[a.ID]; dup || a.ID == "" {
			f.Add(f.line("areas", i), "", "errors.profile.area-id", i18n.Args{"Area": strconv.Quote(a.ID)})
		}
		if !f.has("areas", i, "weight") {
			f.Add(f.line("areas", i), "", "errors.profile.weight-missing", i18n.Args{"Field": "areas.weight", "Allowed": f.Words.T(allowedWeight, allowedArgs)})
		}
		areaWeight[a.ID] = 0
		total += float64(a.Weight)
	}
	if len(p.Areas) > 0 && total <= 0 {
		f.Add(f.line("areas"), "", "errors.profile.area-weights-zero", nil)
	}
	return areaWeight
}

// checkRequirement checks requirement i: its area, texts, severity, credit and advice.
func (p *Profile) checkRequirement(f *yamlFile, i int, areas map[string]float64) {
	r := &p.Requirements[i]
	add := func(msg string, args i18n.Args) { f.Add(f.line("requirements", i), r.ID, msg, args) }
	if _, ok := areas[r.Area]; !ok {
		add("errors.profile.unknown-area", i18n.Args{"Area": strconv.Quote(r.Area)})
	}
	if !f.has("requirements", i, "weight") {
		add("errors.profile.weight-missing", i18n.Args{"Field": "requirements.weight", "Allowed": f.Words.T(allowedWeight, allowedArgs)})
	}
	if r.Requirement == "" || r.Target == "" || r.Source == "" {
		add("errors.profile.requirement-texts", nil)
	}
	switch {
	case r.Severity == "":
	case bool(r.Blocking):
		add("errors.profile.blocking-severity", nil)
	case r.Severity != Major && r.Severity != Minor:
		add("errors.profile.severity", i18n.Args{"Major": Major, "Minor": Minor, "Value": strconv.Quote(string(r.Severity))})
	}
	if len(r.Credit) == 0 {
		add("errors.profile.no-credit", nil)
	}
	factorsOK := true
	for j := range r.Credit {
		if msg, at := p.checkFactor(&r.Credit[j]); msg != "" {
			f.AddText(f.line(append([]any{"requirements", i, "credit", j}, at...)...), r.ID, "credit: "+msg)
			factorsOK = false
		}
	}
	if factorsOK {
		p.checkMonotone(r, func(factor int, msg string) {
			f.AddText(f.line("requirements", i, "credit", factor), r.ID, "credit: "+msg)
		})
	}
	if n := len(r.NextSteps); n == 0 || r.NextSteps[n-1].When != nil {
		add("errors.profile.next-steps-fallback", nil)
	}
	for _, s := range r.NextSteps {
		if s.Text == "" {
			add("errors.profile.next-step-text", nil)
		}
		if s.When != nil {
			if msg := checkCondition(p.bank, *s.When, false); msg != "" {
				f.AddText(f.line("requirements", i), r.ID, "next_steps: when: "+msg)
			}
		}
	}
}

func (p *Profile) checkFactor(f *Factor) (msg string, at []any) {
	l := p.bank.Words()
	q, ok := p.bank.Question(f.Question)
	if !ok {
		return l.T("errors.profile.unknown-question", i18n.Args{"Question": strconv.Quote(f.Question)}), nil
	}
	if q.Optional {
		// An optional question may go unanswered by anyone; scoring it would mark down a person
		// for skipping what they were told they could skip.
		return l.T("errors.profile.optional-question", i18n.Args{"Question": q.ID}), nil
	}
	set := 0
	for _, given := range []bool{f.Values != nil, f.Includes != "", f.Target != nil} {
		if given {
			set++
		}
	}
	if set != 1 {
		return l.T("errors.profile.factor-one-of", i18n.Args{"Question": q.ID}), nil
	}
	switch q.Kind {
	case questions.OneOf:
		if f.Values == nil {
			return l.T("errors.profile.factor-values", i18n.Args{"Question": q.ID, "Values": strings.Join(q.ValueNames(), ", ")}), nil
		}
		// A value the question does not have first: it is most often one misspelt, whose
		// right spelling then lacks its credit.
		for _, v := range slices.Sorted(maps.Keys(f.Values)) {
			if _, ok := q.Choice(v); !ok {
				return "values: " + valueNotAllowed(l, v, q), []any{"values", v}
			}
		}
		for _, v := range q.ValueNames() {
			if _, ok := f.Values[v]; !ok {
				return "values: " + l.T("errors.profile.no-credit-for", i18n.Args{"Value": strconv.Quote(v), "Question": q.ID}), []any{"values"}
			}
		}
	case questions.AnyOf:
		if f.Includes == "" {
			return l.T("errors.profile.factor-includes", i18n.Args{"Question": q.ID, "Values": strings.Join(q.ValueNames(), ", ")}), nil
		}
		if _, ok := q.Choice(f.Includes); !ok {
			return "includes: " + valueNotAllowed(l, f.Includes, q), []any{"includes"}
		}
	case questions.Rating:
		if f.Target == nil {
			return l.T("errors.profile.factor-target", i18n.Args{"Question": q.ID, "Min": q.Scale.Min + 1, "Max": q.Scale.Max}), nil
		}
		if t := int(*f.Target); t <= q.Scale.Min || t > q.Scale.Max {
			return l.T("errors.profile.target-outside", i18n.Args{"Question": q.ID, "Min": q.Scale.Min + 1, "Max": q.Scale.Max, "Target": t}), nil
		}
	}
	return "", nil
}

// valueNotAllowed says that v is not a value of q, and which are, in l's language.
func valueNotAllowed(l *i18n.Localizer, v string, q *questions.Question) string {
	return l.T("errors.profile.value-not-allowed", i18n.Args{"Value": strconv.Quote(v), "Question": q.ID, "Values": strings.Join(q.ValueNames(), ", ")})
}

// checkMonotone holds a requirement to the promise that improving an answer never lowers the
// score. A credit is a product of factors, each from 0 to 1, so two things suffice: each factor's
// credits do not fall along its question's order (a rating or an any-of factor cannot fall), and
// where a better answer makes another question asked, the credit does not fall whatever the
// answer to it (a question not asked counts 1; once asked, it may count less). The bank's
// conditions are one level deep, which is what the second check covers, once the first holds.
// Each problem is told with the index of its factor (the first, for the second check).
func (p *Profile) checkMonotone(r *Requirement, problem func(factor int, msg string)) {
	l := p.bank.Words()
	falls := false
	for j, f := range r.Credit {
		q, _ := p.bank.Question(f.Question)
		if q.Kind != questions.OneOf || q.Ordered == questions.Unordered {
			continue
		}
		order := q.WeakestFirst()
		for i := 1; i < len(order); i++ {
			lo, hi := order[i-1], order[i]
			if f.Values[hi] < f.Values[lo] {
				problem(j, l.T("errors.profile.values-fall", i18n.Args{"Question": q.ID,
					"Order": strings.Join(order, ", "), "Better": hi, "Earns": g(float64(f.Values[hi])), "Less": g(float64(f.Values[lo])), "Worse": lo}))
				falls = true
				break
			}
		}
	}
	if falls {
		return
	}
	for _, d := range p.conditionQuestions(r) {
		order := d.WeakestFirst()
		for i := 1; i < len(order); i++ {
			lo, hi := order[i-1], order[i]
			before, after := p.creditOn(r, d.ID, lo), p.creditOn(r, d.ID, hi)
			var newly []askedEarns // worded only when the credit falls: every start checks the embedded profile
			for _, f := range r.Credit {
				q, _ := p.bank.Question(f.Question)
				if !newlyAsked(q, d.ID, lo, hi) {
					continue
				}
				worst, answer := p.worstCredit(r, q, d.ID, hi)
				after *= worst
				newly = append(newly, askedEarns{q.ID, answer, worst})
			}
			if after < before {
				problem(0, l.T("errors.profile.credit-falls", i18n.Args{"Before": g(before), "After": g(after),
					"Question": d.ID, "From": lo, "To": hi, "Asks": wordAsked(l, newly)}))
			}
		}
	}
}

// dependsOn tells whether one of q's conditions looks at question id.
func dependsOn(q *questions.Question, id string) bool {
	return slices.ContainsFunc(q.AskedWhen, func(c questions.Condition) bool { return c.Question == id })
}

// newlyAsked tells whether question id improving from lo to hi can start asking q: one of q's
// conditions on id leaves lo out and lets hi in.
func newlyAsked(q *questions.Question, id, lo, hi string) bool {
	return slices.ContainsFunc(q.AskedWhen, func(c questions.Condition) bool {
		return c.Question == id && !slices.Contains(c.In, lo) && slices.Contains(c.In, hi)
	})
}

// conditionQuestions are the ordered questions that decide whether some factor's question of r
// is asked, in bank order.
func (p *Profile) conditionQuestions(r *Requirement) []*questions.Question {
	var out []*questions.Question
	for i := range p.bank.Questions {
		d := &p.bank.Questions[i]
		if d.Kind != questions.OneOf || d.Ordered == questions.Unordered {
			continue
		}
		for _, f := range r.Credit {
			q, _ := p.bank.Question(f.Question)
			if dependsOn(q, d.ID) {
				out = append(out, d)
				break
			}
		}
	}
	return out
}

// creditOn is the product of r's factors on question id for the answer v (1 when r has none).
func (p *Profile) creditOn(r *Requirement, id, v string) float64 {
	a := questions.NewAnswers()
	a.Set(id, questions.OneOfAnswer(v))
	return p.factorsOn(r, id, a)
}

// factorsOn is the product of r's factors on question id for the answers a, asked or not.
func (p *Profile) factorsOn(r *Requirement, id string, a *questions.Answers) float64 {
	credit := 1.0
	for _, f := range r.Credit {
		if f.Question == id {
			c, _ := p.factorCredit(f, a)
			credit *= c
		}
	}
	return credit
}

// worstCredit is the lowest product of r's factors on q over every answer q allows, with q asked
// because question dep is v; it names the answer that earns it ("" for nothing chosen).
func (p *Profile) worstCredit(r *Requirement, q *questions.Question, dep, v string) (float64, string) {
	var candidates []questions.Answer
	switch q.Kind {
	case questions.OneOf:
		for _, name := range q.ValueNames() {
			candidates = append(candidates, questions.OneOfAnswer(name))
		}
	case questions.AnyOf:
		candidates = append(candidates, questions.AnyOfAnswer()) // including nothing earns least
	case questions.Rating:
		for n := q.Scale.Min; n <= q.Scale.Max; n++ {
			candidates = append(candidates, questions.RatingAnswer(n))
		}
	}
	worst, answer := 1.0, ""
	for i, ans := range candidates {
		a := questions.NewAnswers()
		a.Set(dep, questions.OneOfAnswer(v))
		a.Set(q.ID, ans)
		credit := p.factorsOn(r, q.ID, a)
		if i == 0 || credit < worst {
			worst, answer = credit, ans.String()
		}
	}
	return worst, answer
}

// askedEarns is a question newly asked when another improves, and its worst answer's credit ("" for
// the answer that includes nothing).
type askedEarns struct {
	question, answer string
	credit           float64
}

// wordAsked words the questions newly asked, joined by "and", in l's language.
func wordAsked(l *i18n.Localizer, asked []askedEarns) string {
	words := make([]string, len(asked))
	for i, a := range asked {
		if a.answer == "" {
			a.answer = l.T("errors.profile.nothing")
		}
		words[i] = l.T("errors.profile.asked-earns", i18n.Args{"Question": a.question, "Answer": a.answer, "Credit": g(a.credit)})
	}
	return and(l, words)
}

// checkCondition is what is wrong with a condition (a next step's or a step's when, a rule), in
// the bank's language, without the field it is under. Unlike a step's or a next step's
// condition, a rule (anyOf) may ask about a multiple-choice answer ("coursework includes
// medical-coding").
func checkCondition(bank *questions.Bank, c questions.Condition, anyOf bool) string {
	l := bank.Words()
	q, ok := bank.Question(c.Question)
	switch {
	case !ok:
		return l.T("errors.profile.unknown-question", i18n.Args{"Question": strconv.Quote(c.Question)})
	case anyOf && q.Kind == questions.AnyOf && len(c.In) == 0:
		return l.T("errors.profile.rule-values", i18n.Args{"Question": c.Question})
	case anyOf && q.Kind == questions.AnyOf:
	case q.Kind != questions.OneOf || len(c.In) == 0:
		return l.T("errors.profile.not-one-of-in", i18n.Args{"Question": c.Question})
	}
	for _, v := range c.In {
		if _, ok := q.Choice(v); !ok {
			return l.T("errors.profile.not-a-value", i18n.Args{"Value": strconv.Quote(v), "Question": c.Question})
		}
	}
	return ""
}

// and joins items with "and" in l's language, each to the next: "a and b and c".
func and(l *i18n.Localizer, items []string) string {
	out := ""
	for _, item := range items {
		out = l.And(slices.DeleteFunc([]string{out, item}, func(s string) bool { return s == "" }))
	}
	return out
}

// g is a number as %g writes it, for a message.
func g(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

// inRange is false for NaN, which YAML spells .nan and which no weight or credit may be.
func inRange(x, lo, hi float64) bool {
	return x >= lo && x <= hi
}
