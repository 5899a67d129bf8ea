// Package assessment holds the requirement profile and scores answers against it. It is pure: no
// file, terminal or clock is touched here, so every result follows from its inputs alone.
package assessment

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/hitready/hitready/internal/inputerr"
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
	ID     string  `yaml:"id" json:"id"`
	Title  string  `yaml:"title" json:"title"`
	Weight float64 `yaml:"weight" json:"weight"`

	line int
}

func (a *Area) UnmarshalYAML(n *yaml.Node) error {
	type plain Area
	if err := n.Decode((*plain)(a)); err != nil {
		return err
	}
	a.line = n.Line
	return nil
}

// Factor is one part of a requirement's credit; exactly one of Values, Includes, Target is set,
// matching the kind of its question.
type Factor struct {
	Question string             `yaml:"question" json:"question"`
	Values   map[string]float64 `yaml:"values,omitempty" json:"values,omitempty"`
	Includes string             `yaml:"includes,omitempty" json:"includes,omitempty"`
	Target   int                `yaml:"target,omitempty" json:"target,omitempty"`

	line int
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
	Weight      float64    `yaml:"weight" json:"weight"`
	Blocking    bool       `yaml:"blocking,omitempty" json:"blocking,omitempty"`
	Severity    Severity   `yaml:"severity,omitempty" json:"severity,omitempty"`
	Title       string     `yaml:"title,omitempty" json:"title,omitempty"` // a few words for tables; Requirement is the sentence
	Requirement string     `yaml:"requirement" json:"requirement"`
	Target      string     `yaml:"target" json:"target"`
	Source      string     `yaml:"source" json:"source"`
	Credit      []Factor   `yaml:"credit" json:"credit"`
	NextSteps   []NextStep `yaml:"next_steps" json:"next_steps"`

	line int
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
	MajorBelow   float64          `yaml:"major_below" json:"major_below"`
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
	// index is what a plan reads of the requirements for every step (plan.go).
	index *planIndex
	// outlook tailors reports to the work settings a person chose; it is embedded data, not
	// part of a profile file.
	outlook *Outlook
	// lines are the lines of the top-level fields in the profile's file, for messages.
	lines map[string]int
	// missing names required fields the file leaves out, already reported as missing.
	missing map[string]bool
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

// UnmarshalYAML keeps the line of each requirement and factor for messages about them.
func (r *Requirement) UnmarshalYAML(n *yaml.Node) error {
	type plain Requirement
	if err := n.Decode((*plain)(r)); err != nil {
		return err
	}
	r.line = n.Line
	return nil
}

func (f *Factor) UnmarshalYAML(n *yaml.Node) error {
	type plain Factor
	if err := n.Decode((*plain)(f)); err != nil {
		return err
	}
	f.line = n.Line
	return nil
}

// DefaultProfile returns the embedded profile, checked against bank.
func DefaultProfile(bank *questions.Bank) (*Profile, error) {
	return ParseProfile(embeddedProfileName, profileYAML, bank)
}

// ParseProfile decodes a profile strictly (unknown fields are refused) and checks it against the
// bank. Refusals match inputerr.ErrInvalid and name the file, the line and the requirement.
func ParseProfile(path string, data []byte, bank *questions.Bank) (*Profile, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, profileProblem(path, 0, "", "is empty; expected a requirement profile (hitready requirements --format yaml prints one)")
	}
	var root yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&root); err != nil {
		return nil, yamlErrors(path, err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err != io.EOF {
		return nil, profileProblem(path, extra.Line, "", "holds more than one YAML document; a profile is one")
	}
	// The shape is checked on the nodes: the decoder reads a missing threshold as 0, `target: 4.5`
	// as 4 and `blocking: "yes"` as true, and words a number given as text in Go's terms. When
	// the shape is wrong, the decoder's own complaints repeat it and are left out; the checks of
	// values still run where it decodes, so one pass shows everything.
	// When the keys are wrong the strict decoder would fail too, and it is quadratic in the keys
	// of a mapping (checkShape is not), so it is not run.
	shape := checkShape(path, &root)
	problems := shape.problems
	if shape.keysBad {
		return nil, screenful(problems, shape.dropped)
	}
	var p Profile
	strict := yaml.NewDecoder(bytes.NewReader(data))
	strict.KnownFields(true)
	if err := strict.Decode(&p); err != nil {
		if len(problems) > 0 {
			return nil, screenful(problems, shape.dropped)
		}
		return nil, yamlErrors(path, err)
	}
	p.bank = bank
	p.lines = keyLines(&root)
	p.missing = shape.missing
	problems = append(problems, p.check(path)...)
	if len(problems) > 0 {
		return nil, screenful(problems, shape.dropped)
	}
	p.derive()
	outlook, err := LoadOutlook(bank)
	if err != nil {
		return nil, err
	}
	p.outlook = outlook
	if p.credentials, err = defaultCredentials(&p); err != nil {
		return nil, err
	}
	if p.steps, err = defaultSteps(&p, p.credentials); err != nil {
		return nil, err
	}
	return &p, nil
}

// UseCredentialsAndSteps replaces the embedded credentials and steps with files the profile names
// (nil keeps what is there). Parse them with ParseCredentials and ParseSteps against this profile.
func (p *Profile) UseCredentialsAndSteps(cs *Credentials, steps *Steps) {
	if cs != nil {
		p.credentials = cs
	}
	if steps != nil {
		p.steps = steps
	}
}

// Credentials are the credentials in force for this profile.
func (p *Profile) Credentials() *Credentials { return p.credentials }

// Steps is the catalogue of steps in force for this profile.
func (p *Profile) Steps() *Steps { return p.steps }

func (p *Profile) hasRequirement(id string) bool {
	return slices.ContainsFunc(p.Requirements, func(r Requirement) bool { return r.ID == id })
}

// derive computes what scoring needs from the weights, once per profile rather than per person.
func (p *Profile) derive() {
	p.areaWeight = map[string]float64{}
	for _, r := range p.Requirements {
		p.areaWeight[r.Area] += r.Weight
	}
	areaShare := map[string]float64{}
	for _, a := range p.Areas {
		p.totalArea += a.Weight
	}
	for _, a := range p.Areas {
		if p.totalArea > 0 {
			areaShare[a.ID] = a.Weight / p.totalArea
		}
	}
	p.share = make([]float64, len(p.Requirements))
	for i, r := range p.Requirements {
		if p.areaWeight[r.Area] > 0 {
			// Rounded so that equal shares compare equal when gaps are ordered by them.
			p.share[i] = round(areaShare[r.Area]*r.Weight/p.areaWeight[r.Area], 9)
		}
	}
	p.index = newPlanIndex(p)
}

// keyLines maps the top-level keys of a YAML mapping to their lines, for messages about fields
// whose values carry no line of their own.
func keyLines(root *yaml.Node) map[string]int {
	lines := map[string]int{}
	n := root
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	if n.Kind != yaml.MappingNode {
		return lines
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		lines[n.Content[i].Value] = n.Content[i].Line
	}
	return lines
}

var (
	// Compiled on first use: only a profile that fails to decode needs them, and `hitready
	// --help` should not pay for them.
	yamlLineMsg  = lazyRegexp(`^(?:yaml: )?line (\d+): (.*)$`)
	notFoundType = lazyRegexp(`field (\S+) not found in type \S+`)
	cannotDecode = lazyRegexp(`cannot unmarshal (!!\w+) ` + "`" + `([^` + "`" + `]*)` + "`" + ` into \S+`)
)

// yamlErrors turns the YAML library's errors into problems with lines, worded without Go type
// names.
func yamlErrors(path string, err error) error {
	return yamlErrorsIn(path, err, "profile")
}

// yamlErrorsIn is yamlErrors for a file of another kind ("credentials file", "steps file").
func yamlErrorsIn(path string, err error, kind string) error {
	var messages []string
	var te *yaml.TypeError
	if errors.As(err, &te) {
		messages = te.Errors
	} else {
		messages = []string{err.Error()}
	}
	var problems []inputerr.Problem
	for _, m := range messages {
		line := 0
		if sub := yamlLineMsg().FindStringSubmatch(m); sub != nil {
			line, _ = strconv.Atoi(sub[1])
			m = sub[2]
		}
		m = strings.TrimPrefix(m, "yaml: ")
		m = notFoundType().ReplaceAllString(m, "unknown field $1")
		m = cannotDecode().ReplaceAllString(m, "wrong type: got $2 ($1)")
		problems = append(problems, inputerr.Problem{Origin: inputerr.Origin{Path: path, Line: line}, Message: "is not a valid " + kind + ": " + m})
	}
	return &inputerr.InvalidError{Problems: problems}
}

// screenful is the refusal of one file's problems: in line order, the first inputerr.MaxShown
// kept and the rest counted with those already dropped, as the answers decoder reports them.
func screenful(problems []inputerr.Problem, dropped int) error {
	slices.SortStableFunc(problems, func(a, b inputerr.Problem) int { return a.Origin.Line - b.Origin.Line })
	if len(problems) > inputerr.MaxShown {
		dropped += len(problems) - inputerr.MaxShown
		problems = problems[:inputerr.MaxShown]
	}
	return &inputerr.InvalidError{Problems: problems, Dropped: dropped}
}

func profileProblem(path string, line int, id, msg string) error {
	return &inputerr.InvalidError{Problems: []inputerr.Problem{{Origin: inputerr.Origin{Path: path, Line: line}, ID: id, Message: msg}}}
}

// check lists everything wrong with a profile. Scoring relies on what it guarantees: known areas
// and questions, factors that fit their question, weights that sum to something, advice for
// every gap.
func (p *Profile) check(path string) []inputerr.Problem {
	var problems []inputerr.Problem
	add := func(line int, id, format string, args ...any) {
		problems = append(problems, inputerr.Problem{Origin: inputerr.Origin{Path: path, Line: line}, ID: id, Message: fmt.Sprintf(format, args...)})
	}
	if p.ID == "" {
		add(p.lines["id"], "", "id is required: it names the profile in every report")
	}
	t := p.Thresholds
	thresholdsGiven := !p.missing["thresholds"] && !p.missing["thresholds.ready"] && !p.missing["thresholds.nearly_ready"]
	if thresholdsGiven && (!inRange(t.Ready, 0, 100) || !inRange(t.NearlyReady, 0, 100) || t.NearlyReady > t.Ready) {
		add(p.lines["thresholds"], "", "thresholds must satisfy 0 <= nearly_ready <= ready <= 100; got nearly_ready %v, ready %v", t.NearlyReady, t.Ready)
	}
	if !p.missing["major_below"] && !inRange(p.MajorBelow, 0, 1) {
		add(p.lines["major_below"], "", "major_below must be a credit from 0 to 1; got %v", p.MajorBelow)
	}
	if len(p.Requirements) == 0 {
		add(p.lines["requirements"], "", "requirements must list at least one requirement")
	}
	areaWeight := map[string]float64{}
	var total float64
	for _, a := range p.Areas {
		if _, dup := areaWeight[a.ID]; dup || a.ID == "" {
			add(a.line, "", "area %q is empty or defined twice", a.ID)
		}
		if !inRange(a.Weight, 0, maxWeight) {
			add(a.line, "", "area %q: weight must be zero or more, at most %g; got %v", a.ID, float64(maxWeight), a.Weight)
		}
		areaWeight[a.ID] = 0
		total += a.Weight
	}
	if total <= 0 {
		add(p.lines["areas"], "", "the area weights must sum to more than zero")
	}
	seen := map[string]bool{}
	for i := range p.Requirements {
		r := &p.Requirements[i]
		if r.ID == "" || seen[r.ID] {
			add(r.line, r.ID, "a requirement id must be given and unique")
		}
		seen[r.ID] = true
		if _, ok := areaWeight[r.Area]; !ok {
			add(r.line, r.ID, "area %q is not one of the profile's areas", r.Area)
		} else {
			areaWeight[r.Area] += max(r.Weight, 0)
		}
		if !inRange(r.Weight, 0, maxWeight) {
			add(r.line, r.ID, "weight must be zero or more, at most %g; got %v", float64(maxWeight), r.Weight)
		}
		if r.Requirement == "" || r.Target == "" || r.Source == "" {
			add(r.line, r.ID, "requirement, target and source are all required")
		}
		switch {
		case r.Severity == "":
		case r.Blocking:
			add(r.line, r.ID, "a blocking requirement has no other severity")
		case r.Severity != Major && r.Severity != Minor:
			add(r.line, r.ID, "severity must be %s or %s; got %q", Major, Minor, r.Severity)
		}
		if len(r.Credit) == 0 {
			add(r.line, r.ID, "credit needs at least one factor")
		}
		factorsOK := true
		for _, f := range r.Credit {
			if msg := p.checkFactor(&f); msg != "" {
				add(f.line, r.ID, "credit: %s", msg)
				factorsOK = false
			}
		}
		if factorsOK {
			for _, msg := range p.checkMonotone(r) {
				add(msg.line, r.ID, "credit: %s", msg.text)
			}
		}
		if n := len(r.NextSteps); n == 0 || r.NextSteps[n-1].When != nil {
			add(r.line, r.ID, "next_steps must end with a step that has no when, so every gap has advice")
		}
		for _, s := range r.NextSteps {
			if s.Text == "" {
				add(r.line, r.ID, "every next step needs a text")
			}
			if s.When != nil {
				if msg := checkCondition(p.bank, *s.When); msg != "" {
					add(r.line, r.ID, "next_steps: %s", msg)
				}
			}
		}
	}
	for _, a := range p.Areas {
		if a.Weight > 0 && areaWeight[a.ID] <= 0 {
			add(a.line, "", "area %q has weight but no requirement with weight", a.ID)
		}
	}
	return problems
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
	for _, given := range []bool{f.Values != nil, f.Includes != "", f.Target != 0} {
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
		for v, c := range f.Values {
			if _, ok := q.Choice(v); !ok {
				return fmt.Sprintf("values: %q is not a value of %s (allowed: %s)", v, q.ID, strings.Join(q.ValueNames(), ", "))
			}
			if !inRange(c, 0, 1) {
				return fmt.Sprintf("values: the credit for %q must be from 0 to 1; got %v", v, c)
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
		if f.Target == 0 {
			return fmt.Sprintf("%s is a rating question: give target, a whole number from %d to %d", q.ID, q.Scale.Min+1, q.Scale.Max)
		}
		if f.Target <= q.Scale.Min || f.Target > q.Scale.Max {
			return fmt.Sprintf("target %d is outside %s's scale; allowed: a whole number from %d to %d", f.Target, q.ID, q.Scale.Min+1, q.Scale.Max)
		}
	}
	return ""
}

// lineMessage is a problem at a line of the profile.
type lineMessage struct {
	line int
	text string
}

// checkMonotone holds a requirement to the promise that improving an answer never lowers the
// score. A credit is a product of factors, each from 0 to 1, so two things suffice: each factor's
// credits do not fall along its question's order (a rating or an any-of factor cannot fall), and
// where a better answer makes another question asked, the credit does not fall whatever the
// answer to it (a question not asked counts 1; once asked, it may count less). The bank's
// conditions are one level deep, which is what the second check covers.
func (p *Profile) checkMonotone(r *Requirement) []lineMessage {
	var problems []lineMessage
	for _, f := range r.Credit {
		q, _ := p.bank.Question(f.Question)
		if q.Kind != questions.OneOf || q.Ordered == questions.Unordered {
			continue
		}
		order := weakestFirst(q)
		for i := 1; i < len(order); i++ {
			lo, hi := order[i-1], order[i]
			if f.Values[hi] < f.Values[lo] {
				problems = append(problems, lineMessage{f.line, fmt.Sprintf(
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
				line := r.line
				if len(r.Credit) > 0 {
					line = r.Credit[0].line
				}
				problems = append(problems, lineMessage{line, fmt.Sprintf(
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

// lazyRegexp compiles pattern the first time it is used.
func lazyRegexp(pattern string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(pattern) })
}
