// Package assessment holds the requirement profile and scores answers against it. It is pure: no
// file, terminal or clock is touched here, so every result follows from its inputs alone.
package assessment

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"

	"github.com/hitready/hitready/questions"
)

//go:embed profile.yaml
var profileYAML []byte

// embeddedProfileName is how the built-in profile is named in messages.
const embeddedProfileName = "embedded profile"

// Severity ranks a gap.
type Severity string

const (
	Blocking Severity = "blocking" // readiness is impossible while it is open
	Major    Severity = "major"
	Minor    Severity = "minor"
)

// rank orders severities for sorting gaps: blocking first.
func (s Severity) rank() int {
	switch s {
	case Blocking:
		return 0
	case Major:
		return 1
	}
	return 2
}

// Thresholds are the scores at which a person with nothing blocking is ready or nearly ready.
type Thresholds struct {
	Ready       float64 `yaml:"ready" json:"ready"`
	NearlyReady float64 `yaml:"nearly_ready" json:"nearly_ready"`
}

// Area is a group of requirements with its share of the overall score.
type Area struct {
	ID     string `yaml:"id" json:"id"`
	Title  string `yaml:"title" json:"title"`
	Weight Weight `yaml:"weight" json:"weight"`
}

// Factor is one part of a requirement's credit; exactly one of Values, Includes, Target is set,
// matching the kind of its question.
type Factor struct {
	Question string            `yaml:"question" json:"question"`
	Values   map[string]Credit `yaml:"values,omitempty" json:"values,omitempty"`
	Includes string            `yaml:"includes,omitempty" json:"includes,omitempty"`
	Target   *Whole            `yaml:"target,omitempty" json:"target,omitempty"`
}

// target is the factor's target, 0 when it has none.
func (f *Factor) target() int {
	if f.Target == nil {
		return 0
	}
	return int(*f.Target)
}

// NextStep is advice for a gap; When, if set, limits it to people whose answer matches.
type NextStep struct {
	When *questions.Condition `yaml:"when,omitempty" json:"when,omitempty"`
	Text string               `yaml:"text" json:"text"`
}

// Requirement is one documented requirement of the job.
type Requirement struct {
	ID          string     `yaml:"id" json:"id"`
	Area        string     `yaml:"area" json:"area"`
	Weight      Weight     `yaml:"weight" json:"weight"`
	Blocking    Flag       `yaml:"blocking,omitempty" json:"blocking,omitempty"`
	Severity    Severity   `yaml:"severity,omitempty" json:"severity,omitempty"`
	Title       string     `yaml:"title,omitempty" json:"title,omitempty"` // a few words for tables; Requirement is the sentence
	Requirement string     `yaml:"requirement" json:"requirement"`
	Target      string     `yaml:"target" json:"target"`
	Source      string     `yaml:"source" json:"source"`
	Credit      []Factor   `yaml:"credit" json:"credit"`
	NextSteps   []NextStep `yaml:"next_steps" json:"next_steps"`
}

// NoteTexts are texts for notes the report may carry.
type NoteTexts struct {
	UniformRatings string `yaml:"uniform_ratings" json:"uniform_ratings"`
}

// Profile is a complete requirement profile, checked against the question bank it scores.
type Profile struct {
	ID           string           `yaml:"id" json:"id"`
	Title        string           `yaml:"title" json:"title"`
	Source       questions.Source `yaml:"source" json:"source"` // the document it rests on
	Thresholds   Thresholds       `yaml:"thresholds" json:"thresholds"`
	MajorBelow   Credit           `yaml:"major_below" json:"major_below"`
	Areas        []Area           `yaml:"areas" json:"areas"`
	Notes        NoteTexts        `yaml:"notes" json:"notes"`
	Requirements []Requirement    `yaml:"requirements" json:"requirements"`
	// CredentialsFile and StepsFile name a credentials file and a steps file to use instead of
	// the embedded ones, relative to the profile's folder; the command that loads the profile
	// reads them (this package reads no files) and hands them to UseCredentialsAndSteps.
	CredentialsFile string `yaml:"credentials,omitempty" json:"credentials,omitempty"`
	StepsFile       string `yaml:"steps,omitempty" json:"steps,omitempty"`

	bank *questions.Bank
	// credentials and steps make each report's path; the embedded ones unless the profile
	// names its own.
	credentials *Credentials
	steps       *Steps
	// share is each requirement's weight in the overall score (0-1), by index; areaWeight the
	// sum of requirement weights per area. Both follow from the weights and are computed once.
	share      []float64
	areaWeight map[string]float64
	totalArea  float64
	origin     fileOrigin // where it was read, for the plan's promises (promises.go)
	// outlook tailors reports to the work settings a person chose; it is embedded data, not
	// part of a profile file.
	outlook *Outlook
}

// Share is a requirement's weight in the overall score, from 0 to 1 (0 for an unknown id).
func (p *Profile) Share(id string) float64 {
	for i, r := range p.Requirements {
		if r.ID == id {
			return p.share[i]
		}
	}
	return 0
}

// Bank is the question bank the profile was checked against.
func (p *Profile) Bank() *questions.Bank { return p.bank }

// UseCredentialsAndSteps replaces the embedded credentials and steps with files the profile names
// (nil keeps what is there), and refuses them, as it refuses the profile, when together they
// would break a promise of the plan for some person (promises.go). Parse them with
// ParseCredentials and ParseSteps against this profile.
func (p *Profile) UseCredentialsAndSteps(cs *Credentials, steps *Steps) error {
	if cs != nil {
		p.credentials = cs
	}
	if steps != nil {
		p.steps = steps
	}
	return p.checkPromises()
}

// Credentials are the credentials in force for this profile.
func (p *Profile) Credentials() *Credentials { return p.credentials }

// Steps is the catalogue of steps in force for this profile.
func (p *Profile) Steps() *Steps { return p.steps }

func (p *Profile) hasRequirement(id string) bool {
	_, ok := p.requirement(id)
	return ok
}

// requirement is the requirement with this id.
func (p *Profile) requirement(id string) (*Requirement, bool) {
	for i := range p.Requirements {
		if p.Requirements[i].ID == id {
			return &p.Requirements[i], true
		}
	}
	return nil, false
}

// derive computes what scoring needs from the weights, once per profile rather than per person.
func (p *Profile) derive() {
	p.areaWeight = map[string]float64{}
	for _, r := range p.Requirements {
		p.areaWeight[r.Area] += float64(r.Weight)
	}
	areaShare := map[string]float64{}
	for _, a := range p.Areas {
		p.totalArea += float64(a.Weight)
	}
	for _, a := range p.Areas {
		if p.totalArea > 0 {
			areaShare[a.ID] = float64(a.Weight) / p.totalArea
		}
	}
	p.share = make([]float64, len(p.Requirements))
	for i, r := range p.Requirements {
		if p.areaWeight[r.Area] > 0 {
			// Rounded so that equal shares compare equal when gaps are ordered by them.
			p.share[i] = round(areaShare[r.Area]*float64(r.Weight)/p.areaWeight[r.Area], 9)
		}
	}
}

// check lists everything wrong with a profile, read from f, in f. Scoring relies on what it
// guarantees: known areas and questions, factors that fit their question, weights that sum to
// something, advice for every gap.
func (p *Profile) check(f *yamlFile) {
	if p.ID == "" {
		f.add(f.line("id"), "", "id is required: it names the profile in every report")
	}
	p.checkThresholds(f)
	if len(p.Requirements) == 0 {
		f.add(f.line("requirements"), "", "requirements must list at least one requirement")
	}
	areaWeight := p.checkAreas(f)
	seen := map[string]bool{}
	for i := range p.Requirements {
		r := &p.Requirements[i]
		if r.ID == "" || seen[r.ID] {
			f.add(f.line("requirements", i), r.ID, "a requirement id must be given and unique")
		}
		seen[r.ID] = true
		if _, ok := areaWeight[r.Area]; ok {
			areaWeight[r.Area] += float64(r.Weight)
		}
		p.checkRequirement(f, i, areaWeight)
	}
	for i, a := range p.Areas {
		if a.Weight > 0 && areaWeight[a.ID] <= 0 {
			f.add(f.line("areas", i), "", "area %q has weight but no requirement with weight", a.ID)
		}
	}
}

// checkThresholds checks the fields a missing one would leave at 0, which would make everyone ready.
func (p *Profile) checkThresholds(f *yamlFile) {
	t := p.Thresholds
	switch {
	case !f.has("thresholds"):
		f.add(f.line("thresholds"), "", "thresholds is missing; give thresholds: {ready: …, nearly_ready: …}, scores from 0 to 100")
	case !f.has("thresholds", "ready") || !f.has("thresholds", "nearly_ready"):
		for _, field := range []string{"ready", "nearly_ready"} {
			if !f.has("thresholds", field) {
				f.add(f.line("thresholds", field), "", "thresholds.%s is missing; give a score from 0 to 100", field)
			}
		}
	case !inRange(t.Ready, 0, 100) || !inRange(t.NearlyReady, 0, 100) || t.NearlyReady > t.Ready:
		f.add(f.line("thresholds"), "", "thresholds must satisfy 0 <= nearly_ready <= ready <= 100; got nearly_ready %v, ready %v", t.NearlyReady, t.Ready)
	}
	if !f.has("major_below") {
		f.add(f.line("major_below"), "", "major_below is missing; give a credit from 0 to 1 under which a gap is major")
	}
}

// checkAreas checks the areas and returns each area's weight of requirements, 0 for now.
func (p *Profile) checkAreas(f *yamlFile) map[string]float64 {
	if len(p.Areas) == 0 {
		f.add(f.line("areas"), "", "areas must list the areas, each with an id, a title and a weight")
	}
	areaWeight := map[string]float64{}
	var total float64
	for i, a := range p.Areas {
		if _, dup := areaWeight[a.ID]; dup || a.ID == "" {
			f.add(f.line("areas", i), "", "area %q is empty or defined twice", a.ID)
		}
		if !f.has("areas", i, "weight") {
			f.add(f.line("areas", i), "", "areas.weight is missing; give %s", allowedWeight)
		}
		areaWeight[a.ID] = 0
		total += float64(a.Weight)
	}
	if len(p.Areas) > 0 && total <= 0 {
		f.add(f.line("areas"), "", "the area weights must sum to more than zero")
	}
	return areaWeight
}

// checkRequirement checks requirement i: its area, texts, severity, credit and advice.
func (p *Profile) checkRequirement(f *yamlFile, i int, areas map[string]float64) {
	r := &p.Requirements[i]
	add := func(format string, args ...any) { f.add(f.line("requirements", i), r.ID, format, args...) }
	if _, ok := areas[r.Area]; !ok {
		add("area %q is not one of the profile's areas", r.Area)
	}
	if !f.has("requirements", i, "weight") {
		add("requirements.weight is missing; give %s", allowedWeight)
	}
	if r.Requirement == "" || r.Target == "" || r.Source == "" {
		add("requirement, target and source are all required")
	}
	switch {
	case r.Severity == "":
	case bool(r.Blocking):
		add("a blocking requirement has no other severity")
	case r.Severity != Major && r.Severity != Minor:
		add("severity must be %s or %s; got %q", Major, Minor, r.Severity)
	}
	if len(r.Credit) == 0 {
		add("credit needs at least one factor")
	}
	factorsOK := true
	for j := range r.Credit {
		if msg := p.checkFactor(&r.Credit[j]); msg != "" {
			f.add(f.line("requirements", i, "credit", j), r.ID, "credit: %s", msg)
			factorsOK = false
		}
	}
	if factorsOK {
		for _, msg := range p.checkMonotone(r) {
			f.add(f.line("requirements", i, "credit", msg.factor), r.ID, "credit: %s", msg.text)
		}
	}
	if n := len(r.NextSteps); n == 0 || r.NextSteps[n-1].When != nil {
		add("next_steps must end with a step that has no when, so every gap has advice")
	}
	for _, s := range r.NextSteps {
		if s.Text == "" {
			add("every next step needs a text")
		}
		if s.When != nil {
			if msg := checkCondition(p.bank, *s.When); msg != "" {
				add("next_steps: %s", msg)
			}
		}
	}
}

func (p *Profile) checkFactor(f *Factor) string {
	q, ok := p.bank.Question(f.Question)
	if !ok {
		return fmt.Sprintf("unknown question %q", f.Question)
	}
	if q.Optional {
		// An optional question may go unanswered by anyone; scoring it would mark down a person
		// for skipping what they were told they could skip.
		return fmt.Sprintf("%s is an optional question; a profile may not score it", q.ID)
	}
	set := 0
	for _, given := range []bool{f.Values != nil, f.Includes != "", f.Target != nil} {
		if given {
			set++
		}
	}
	if set != 1 {
		return fmt.Sprintf("give exactly one of values, includes, target for %s", q.ID)
	}
	switch q.Kind {
	case questions.OneOf:
		if f.Values == nil {
			return fmt.Sprintf("%s is a one-of question: give values, a credit for each of %s", q.ID, strings.Join(q.ValueNames(), ", "))
		}
		for _, v := range q.ValueNames() {
			if _, ok := f.Values[v]; !ok {
				return fmt.Sprintf("values: no credit for %q of %s", v, q.ID)
			}
		}
		for v := range f.Values {
			if _, ok := q.Choice(v); !ok {
				return fmt.Sprintf("values: %q is not a value of %s (allowed: %s)", v, q.ID, strings.Join(q.ValueNames(), ", "))
			}
		}
	case questions.AnyOf:
		if f.Includes == "" {
			return fmt.Sprintf("%s is an any-of question: give includes, one of %s", q.ID, strings.Join(q.ValueNames(), ", "))
		}
		if _, ok := q.Choice(f.Includes); !ok {
			return fmt.Sprintf("includes: %q is not a value of %s (allowed: %s)", f.Includes, q.ID, strings.Join(q.ValueNames(), ", "))
		}
	case questions.Rating:
		if f.Target == nil {
			return fmt.Sprintf("%s is a rating question: give target, a whole number from %d to %d", q.ID, q.Scale.Min+1, q.Scale.Max)
		}
		if t := int(*f.Target); t <= q.Scale.Min || t > q.Scale.Max {
			return fmt.Sprintf("target %d is outside %s's scale; allowed: a whole number from %d to %d", t, q.ID, q.Scale.Min+1, q.Scale.Max)
		}
	}
	return ""
}

// factorMessage is a problem of a requirement's factor, by its index.
type factorMessage struct {
	factor int
	text   string
}

// checkMonotone holds a requirement to the promise that improving an answer never lowers the
// score. A credit is a product of factors, each from 0 to 1, so two things suffice: each factor's
// credits do not fall along its question's order (a rating or an any-of factor cannot fall), and
// where a better answer makes another question asked, the credit does not fall whatever the
// answer to it (a question not asked counts 1; once asked, it may count less). The bank's
// conditions are one level deep, which is what the second check covers.
func (p *Profile) checkMonotone(r *Requirement) []factorMessage {
	var problems []factorMessage
	for j, f := range r.Credit {
		q, _ := p.bank.Question(f.Question)
		if q.Kind != questions.OneOf || q.Ordered == questions.Unordered {
			continue
		}
		order := weakestFirst(q)
		for i := 1; i < len(order); i++ {
			lo, hi := order[i-1], order[i]
			if f.Values[hi] < f.Values[lo] {
				problems = append(problems, factorMessage{j, fmt.Sprintf(
					"values of %s must not fall as the answer gets better (weakest first: %s); %s earns %g, less than %g for %s",
					q.ID, strings.Join(order, ", "), hi, f.Values[hi], f.Values[lo], lo)})
				break
			}
		}
	}
	if len(problems) > 0 {
		return problems
	}
	for _, d := range p.conditionQuestions(r) {
		order := weakestFirst(d)
		for i := 1; i < len(order); i++ {
			lo, hi := order[i-1], order[i]
			before, after := p.creditOn(r, d.ID, lo), p.creditOn(r, d.ID, hi)
			var newly []string
			for _, f := range r.Credit {
				q, _ := p.bank.Question(f.Question)
				if !newlyAsked(q, d.ID, lo, hi) || slices.Contains(newly, q.ID) {
					continue
				}
				worst, answer := p.worstCredit(r, q, d.ID, hi)
				after *= worst
				newly = append(newly, fmt.Sprintf("%s (%s earns %g)", q.ID, answer, worst))
			}
			if after < before {
				problems = append(problems, factorMessage{0, fmt.Sprintf(
					"the credit falls from %g to %g when %s improves from %s to %s, which asks %s; the credits must not fall as an answer gets better",
					before, after, d.ID, lo, hi, strings.Join(newly, " and "))})
			}
		}
	}
	return problems
}

// dependsOn tells whether one of q's conditions looks at question id.
func dependsOn(q *questions.Question, id string) bool {
	for _, c := range q.AskedWhen {
		if c.Question == id {
			return true
		}
	}
	return false
}

// newlyAsked tells whether question id improving from lo to hi can start asking q: one of q's
// conditions on id leaves lo out and lets hi in.
func newlyAsked(q *questions.Question, id, lo, hi string) bool {
	for _, c := range q.AskedWhen {
		if c.Question == id && !slices.Contains(c.In, lo) && slices.Contains(c.In, hi) {
			return true
		}
	}
	return false
}

// weakestFirst lists an ordered question's values from the weakest answer to the best.
func weakestFirst(q *questions.Question) []string {
	order := make([]string, len(q.Values))
	for _, v := range q.ValueNames() {
		order[q.Rank(v)] = v
	}
	return order
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
	credit := 1.0
	for _, f := range r.Credit {
		if f.Question == id {
			c, _, _ := p.factor(f, a)
			credit *= c
		}
	}
	return credit
}

// worstCredit is the lowest product of r's factors on q over every answer q allows, with q asked
// because question dep is v; it names the answer that earns it.
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
		credit := 1.0
		for _, f := range r.Credit {
			if f.Question == q.ID {
				c, _, _ := p.factor(f, a)
				credit *= c
			}
		}
		if i == 0 || credit < worst {
			worst, answer = credit, ans.String()
		}
	}
	if answer == "" {
		answer = "nothing"
	}
	return worst, answer
}

func checkCondition(bank *questions.Bank, c questions.Condition) string {
	q, ok := bank.Question(c.Question)
	if !ok {
		return fmt.Sprintf("when: unknown question %q", c.Question)
	}
	if q.Kind != questions.OneOf || len(c.In) == 0 {
		return fmt.Sprintf("when: %s must be a one-of question with values listed under in", c.Question)
	}
	for _, v := range c.In {
		if _, ok := q.Choice(v); !ok {
			return fmt.Sprintf("when: %q is not a value of %s", v, c.Question)
		}
	}
	return ""
}

// inRange is false for NaN, which YAML spells .nan and which no weight or credit may be.
func inRange(x, lo, hi float64) bool {
	return x >= lo && x <= hi
}
