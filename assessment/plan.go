package assessment

import (
	"bytes"
	"cmp"
	_ "embed"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/hitready/hitready/questions"
	"go.yaml.in/yaml/v3"
)

//go:embed steps.yaml
var stepsYAML []byte

// embeddedStepsName is how the built-in steps file is named in messages.
const embeddedStepsName = "embedded steps"

// anyRequirement in a per-gap step's closes matches every requirement: the fallback step.
const anyRequirement = "*"

// Changes are what a step does to a person's answers.
type Changes struct {
	Set     map[string]string   `yaml:"set,omitempty" json:"set,omitempty"`
	Raise   map[string]string   `yaml:"raise,omitempty" json:"raise,omitempty"`
	Include map[string][]string `yaml:"include,omitempty" json:"include,omitempty"`
	Meet    bool                `yaml:"meet,omitempty" json:"meet,omitempty"`
}

// Step is one entry of the catalogue of steps.
type Step struct {
	ID             string                `yaml:"id" json:"id"`
	Group          string                `yaml:"group,omitempty" json:"group,omitempty"`
	Action         string                `yaml:"action" json:"action"`
	When           []questions.Condition `yaml:"when,omitempty" json:"when,omitempty"`
	OnlyIfGap      []string              `yaml:"only_if_gap,omitempty" json:"only_if_gap,omitempty"`
	PerGap         bool                  `yaml:"per_gap,omitempty" json:"per_gap,omitempty"`
	Credential     string                `yaml:"credential,omitempty" json:"credential,omitempty"`
	Closes         []string              `yaml:"closes" json:"closes"`
	Changes        Changes               `yaml:"changes" json:"changes"`
	Duration       string                `yaml:"duration,omitempty" json:"duration,omitempty"`
	DurationSource string                `yaml:"duration_source,omitempty" json:"duration_source,omitempty"`
}

// ExamReasons word why a person may sit an exam at its place in the plan.
type ExamReasons struct {
	Now   string `yaml:"now" json:"now"`
	Early string `yaml:"early" json:"early"`
	After string `yaml:"after" json:"after"`
}

// Steps is a checked catalogue of steps.
type Steps struct {
	ExamReasons ExamReasons `yaml:"exam_reasons" json:"exam_reasons"`
	Steps       []Step      `yaml:"steps" json:"steps"`
}

// PlanStep is one step of a person's plan: the report's `plan`.
type PlanStep struct {
	Step           int      `json:"step" yaml:"step"`
	ID             string   `json:"id" yaml:"id"`
	Action         string   `json:"action" yaml:"action"`
	Closes         []string `json:"closes" yaml:"closes"`
	Credential     string   `json:"credential,omitempty" yaml:"credential,omitempty"`
	Duration       string   `json:"duration,omitempty" yaml:"duration,omitempty"`
	DurationSource string   `json:"duration_source,omitempty" yaml:"duration_source,omitempty"`

	label string // the action without why the person may sit an exam then, for grouping a cohort
}

// Label is the step's action without the reason an exam may be sat at that point, so that the
// same step reads the same for every person of a cohort.
func (s PlanStep) Label() string {
	if s.label != "" {
		return s.label
	}
	return s.Action
}

// defaultSteps returns the embedded catalogue, checked against the profile's bank and the
// credentials. Written for the embedded profile, its steps for requirements a custom profile
// lacks never apply, and the fallback step closes that profile's gaps with its own next steps.
func defaultSteps(p *Profile, cs *Credentials) (*Steps, error) {
	var s Steps
	dec := yaml.NewDecoder(bytes.NewReader(stepsYAML))
	dec.KnownFields(true)
	if err := dec.Decode(&s); err != nil {
		return nil, fmt.Errorf("%s: %w", embeddedStepsName, err)
	}
	if problems := s.check(embeddedStepsName, nil, p, cs, false); len(problems) > 0 {
		return nil, &questions.InvalidError{Problems: problems}
	}
	return &s, nil
}

// ParseSteps decodes a steps file strictly and checks it against the profile, its bank and the
// credentials. Refusals match questions.ErrInvalid and name the file and line.
func ParseSteps(path string, data []byte, p *Profile, cs *Credentials) (*Steps, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, profileProblem(path, 0, "", "is empty; expected a steps file")
	}
	var root yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&root); err != nil {
		return nil, yamlErrorsIn(path, err, "steps file")
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err != io.EOF {
		return nil, profileProblem(path, extra.Line, "", "holds more than one YAML document; a steps file is one")
	}
	// Unknown and repeated keys are found first, in one pass: yaml.v3's strict decoder compares
	// every key of a mapping with every other, and took 20 s on a file of 100,000 unknown keys.
	if err := checkKeys(path, "steps file", &root, reflect.TypeFor[Steps]()); err != nil {
		return nil, err
	}
	var s Steps
	strict := yaml.NewDecoder(bytes.NewReader(data))
	strict.KnownFields(true)
	if err := strict.Decode(&s); err != nil {
		return nil, yamlErrorsIn(path, err, "steps file")
	}
	lines := itemLines(&root, "steps")
	if problems := s.check(path, lines, p, cs, true); len(problems) > 0 {
		return nil, &questions.InvalidError{Problems: problems}
	}
	return &s, nil
}

// check refuses what Plan relies on; strict also refuses requirement ids the profile lacks.
func (s *Steps) check(path string, lines []int, p *Profile, cs *Credentials, strict bool) []questions.Problem {
	var problems []questions.Problem
	bank := p.bank
	known := map[string]bool{}
	for _, r := range p.Requirements {
		known[r.ID] = true
	}
	r := s.ExamReasons
	if r.Now == "" || r.Early == "" || r.After == "" || hasControl(r.Now, r.Early, r.After) {
		problems = append(problems, questions.Problem{Origin: questions.Origin{Path: path}, Message: "exam_reasons needs now, early and after, without control characters"})
	}
	seen := map[string]bool{}
	for i := range s.Steps {
		st := &s.Steps[i]
		line := 0
		if i < len(lines) {
			line = lines[i]
		}
		add := func(format string, args ...any) {
			problems = append(problems, questions.Problem{Origin: questions.Origin{Path: path, Line: line}, ID: st.ID, Message: fmt.Sprintf(format, args...)})
		}
		if st.ID == "" || seen[st.ID] {
			add("a step id must be given and unique")
		}
		seen[st.ID] = true
		if st.Action == "" {
			add("action is required: the sentence a person reads")
		}
		if hasControl(st.ID, st.Group, st.Action, st.Duration, st.DurationSource) {
			add("text holds control characters, which would reach the terminal")
		}
		if (st.Duration == "") != (st.DurationSource == "") {
			add("duration and duration_source go together: state a duration only where a source does")
		}
		for _, c := range st.When {
			if msg := checkCondition(bank, c); msg != "" {
				add("%s", msg)
			}
		}
		for _, id := range append(slices.Clone(st.OnlyIfGap), st.Closes...) {
			if id == anyRequirement && st.PerGap {
				continue
			}
			if strict && !known[id] {
				add("%q is not a requirement of profile %s", id, p.ID)
			}
		}
		if st.Credential != "" {
			if _, ok := cs.Get(st.Credential); !ok {
				add("credential %q is not in the credentials file", st.Credential)
			}
		}
		if st.PerGap != st.Changes.Meet {
			add("a per_gap step changes the answers by meet, and only a per_gap step does")
		}
		for _, msg := range checkChanges(bank, st.Changes) {
			add("changes: %s", msg)
		}
	}
	return problems
}

func checkChanges(bank *questions.Bank, c Changes) []string {
	var msgs []string
	oneOf := func(kind string, m map[string]string) {
		for id, v := range m {
			q, ok := bank.Question(id)
			switch {
			case !ok:
				msgs = append(msgs, fmt.Sprintf("%s: unknown question %q", kind, id))
			case q.Kind != questions.OneOf:
				msgs = append(msgs, fmt.Sprintf("%s: %s is not a one-of question", kind, id))
			case kind == "raise" && q.Ordered == questions.Unordered:
				msgs = append(msgs, fmt.Sprintf("raise: the values of %s do not rank; use set", id))
			default:
				if _, ok := q.Choice(v); !ok {
					msgs = append(msgs, fmt.Sprintf("%s: %q is not a value of %s (allowed: %s)", kind, v, id, strings.Join(q.ValueNames(), ", ")))
				}
			}
		}
	}
	oneOf("set", c.Set)
	oneOf("raise", c.Raise)
	for id, vs := range c.Include {
		q, ok := bank.Question(id)
		if !ok || q.Kind != questions.AnyOf {
			msgs = append(msgs, fmt.Sprintf("include: %q is not an any-of question", id))
			continue
		}
		for _, v := range vs {
			if _, ok := q.Choice(v); !ok {
				msgs = append(msgs, fmt.Sprintf("include: %q is not a value of %s", v, id))
			}
		}
	}
	return msgs
}

// candidate is a step offered to one person, with the gaps it would close.
type candidate struct {
	step   *Step
	index  int      // catalogue order, to break ties
	action string   // per-gap steps take the gap's next step
	closes []string // the gaps assigned to it
	// after is, for an exam the person cannot sit now, the candidate whose step makes them
	// eligible; nil otherwise.
	after *candidate
	now   bool // an exam the person may sit now
	route string
	early bool
}

// Plan orders the steps that close every gap of a person, and is pure: the same profile,
// credentials, steps and answers give the same plan.
//
// The rules, in order:
//  1. Each gap is closed by exactly one step. Steps are chosen greedily, the step that closes
//     the most open gaps first (one associate's program rather than six courses); a per-gap step
//     closes one gap; the fallback ("*") only what nothing else closes.
//  2. An exam is a step only when the person may sit it: now (the most preferred exam they are
//     eligible for now, early testing included), or else the first that a step of the plan makes
//     them eligible for, placed after that step.
//  3. Steps are ordered by the most severe gap they close (blocking, then major, then minor);
//     within that, an exam the person may sit now first (it closes its gap at once), then the
//     step closing more gaps of that severity, then more gaps in all, then catalogue order.
//  4. The plan is replayed on the answers: each step's changes are applied in order, and its
//     closes are the gaps that become met by it, so no step claims a requirement that is met.
func Plan(p *Profile, cs *Credentials, steps *Steps, a *questions.Answers) []PlanStep {
	base := p.scoreOnly(a)
	if len(base.Gaps) == 0 || steps == nil {
		return []PlanStep{}
	}
	severity := map[string]Severity{}
	for _, g := range base.Gaps {
		severity[g.ID] = g.Severity
	}
	open := func(id string) bool { _, ok := severity[id]; return ok }
	nextStep := map[string]string{}
	for _, g := range base.Gaps {
		nextStep[g.ID] = g.NextStep
	}

	// Offer: the first applicable step of each group; per-gap steps once per gap.
	var offered, exams, fallback []*candidate
	groups := map[string]bool{}
	for i := range steps.Steps {
		st := &steps.Steps[i]
		if st.Group != "" && st.Credential == "" && groups[st.Group] {
			continue
		}
		// A step applies when its rules hold and every gap it is meant for is open; a requirement
		// the profile does not have is never open, so such a step never applies.
		if !allHold(st.When, a) || slices.ContainsFunc(st.OnlyIfGap, func(id string) bool { return !open(id) }) {
			continue
		}
		switch {
		case st.Credential != "":
			if closes := filter(st.Closes, open); len(closes) > 0 {
				exams = append(exams, &candidate{step: st, index: i, action: st.Action, closes: closes})
			}
		case st.PerGap:
			for _, g := range base.Gaps {
				if slices.Contains(st.Closes, g.ID) || slices.Contains(st.Closes, anyRequirement) {
					c := &candidate{step: st, index: i, action: strings.ReplaceAll(st.Action, "{next_step}", nextStep[g.ID]), closes: []string{g.ID}}
					if slices.Contains(st.Closes, anyRequirement) {
						fallback = append(fallback, c)
					} else {
						offered = append(offered, c)
					}
				}
			}
		default:
			if closes := filter(st.Closes, open); len(closes) > 0 {
				offered = append(offered, &candidate{step: st, index: i, action: st.Action, closes: closes})
			}
		}
		if st.Group != "" && st.Credential == "" {
			groups[st.Group] = true
		}
	}

	// Gaps an exam closes are left to the exam; the rest are covered greedily.
	examGaps := map[string]bool{}
	for _, e := range exams {
		for _, id := range e.closes {
			examGaps[id] = true
		}
	}
	uncovered := map[string]bool{}
	for _, g := range base.Gaps {
		if !examGaps[g.ID] {
			uncovered[g.ID] = true
		}
	}
	chosen := cover(offered, uncovered)

	order := func(cands []*candidate) {
		slices.SortStableFunc(cands, func(x, y *candidate) int { return compareCandidates(x, y, severity) })
	}
	order(chosen)

	if len(examGaps) > 0 {
		if exam := pickExam(p, cs, steps, exams, chosen, a); exam != nil {
			chosen = append(chosen, exam)
			order(chosen)
			if exam.after != nil {
				// The exam goes after the step that makes the person eligible.
				i, j := slices.Index(chosen, exam), slices.Index(chosen, exam.after)
				if i < j {
					chosen = slices.Delete(chosen, i, i+1)
					chosen = slices.Insert(chosen, j, exam)
				}
			}
		} else {
			for id := range examGaps {
				uncovered[id] = true
			}
		}
	}
	// What no step closes falls to the fallback, last.
	if len(uncovered) > 0 {
		rest := cover(fallback, uncovered)
		order(rest)
		chosen = append(chosen, rest...)
	}
	return replay(p, cs, steps, chosen, a, severity)
}

// cover picks candidates greedily, the one closing the most uncovered gaps first, until none
// closes anything more; it removes what it covers from uncovered.
func cover(cands []*candidate, uncovered map[string]bool) []*candidate {
	var chosen []*candidate
	for len(uncovered) > 0 {
		var best *candidate
		bestCount := 0
		for _, c := range cands {
			n := 0
			for _, id := range c.closes {
				if uncovered[id] {
					n++
				}
			}
			if n > bestCount {
				best, bestCount = c, n
			}
		}
		if best == nil {
			break
		}
		best.closes = filter(best.closes, func(id string) bool { return uncovered[id] })
		for _, id := range best.closes {
			delete(uncovered, id)
		}
		chosen = append(chosen, best)
	}
	return chosen
}

func compareCandidates(x, y *candidate, severity map[string]Severity) int {
	tier := func(c *candidate) int {
		t := 3
		for _, id := range c.closes {
			t = min(t, severity[id].rank())
		}
		return t
	}
	atTier := func(c *candidate, t int) int {
		n := 0
		for _, id := range c.closes {
			if severity[id].rank() == t {
				n++
			}
		}
		return n
	}
	tx, ty := tier(x), tier(y)
	nowRank := func(c *candidate) int {
		if c.now {
			return 0
		}
		return 1
	}
	return cmp.Or(
		cmp.Compare(tx, ty),
		cmp.Compare(nowRank(x), nowRank(y)),
		cmp.Compare(atTier(y, ty), atTier(x, tx)),
		cmp.Compare(len(y.closes), len(x.closes)),
		cmp.Compare(x.index, y.index),
	)
}

// pickExam chooses the exam: the most preferred one the person may sit now, else the first one a
// step of the plan makes them eligible for, replaying the chosen steps in order.
func pickExam(p *Profile, cs *Credentials, steps *Steps, exams, chosen []*candidate, a *questions.Answers) *candidate {
	eligibleAmong := func(ans *questions.Answers) (*candidate, CredentialStatus, string) {
		for _, e := range exams {
			c, ok := cs.Get(e.step.Credential)
			if !ok {
				continue
			}
			st := c.Status(p.bank, ans)
			if st.Status.MaySit() {
				return e, st, holdingRoute(c, ans)
			}
		}
		return nil, CredentialStatus{}, ""
	}
	if e, st, route := eligibleAmong(a); e != nil {
		e.now, e.route, e.early = true, route, st.Status == EligibleEarly
		return e
	}
	state := a.Clone()
	for _, c := range chosen {
		apply(p, c, state)
		if e, st, route := eligibleAmong(state); e != nil {
			e.after, e.route, e.early = c, route, st.Status == EligibleEarly
			return e
		}
	}
	return nil
}

// holdingRoute is why the person may sit the exam: the clause of the route that holds.
func holdingRoute(c *Credential, a *questions.Answers) string {
	for _, r := range append(slices.Clone(c.Eligible), c.Early...) {
		if r.holds(a) {
			return r.Because
		}
	}
	return ""
}

// replay applies the steps in order and keeps, for each, the gaps it meets; steps that meet
// nothing are dropped. Exam steps are worded by why the person may sit them at that point.
func replay(p *Profile, cs *Credentials, steps *Steps, chosen []*candidate, a *questions.Answers, severity map[string]Severity) []PlanStep {
	plan := []PlanStep{}
	state := a.Clone()
	// Only the gaps can be closed, so only they are checked after each step.
	var gapReqs []*Requirement
	for i := range p.Requirements {
		if _, gap := severity[p.Requirements[i].ID]; gap {
			gapReqs = append(gapReqs, &p.Requirements[i])
		}
	}
	met := func(ans *questions.Answers) []bool {
		m := make([]bool, len(gapReqs))
		for i, r := range gapReqs {
			m[i] = p.creditOf(r, ans) >= 1
		}
		return m
	}
	before := met(state)
	_ = cs
	position := map[*candidate]int{}
	for _, c := range chosen {
		apply(p, c, state)
		after := met(state)
		var closes []string
		for i, r := range gapReqs {
			if !before[i] && after[i] {
				closes = append(closes, r.ID)
			}
		}
		before = after
		if len(closes) == 0 {
			continue
		}
		ps := PlanStep{Step: len(plan) + 1, ID: c.step.ID, Action: c.action, Closes: closes, label: c.action,
			Credential: c.step.Credential, Duration: c.step.Duration, DurationSource: c.step.DurationSource}
		position[c] = ps.Step
		if c.step.Credential != "" {
			ps.Action = examAction(steps.ExamReasons, c, position)
		}
		plan = append(plan, ps)
	}
	return plan
}

func examAction(r ExamReasons, c *candidate, position map[*candidate]int) string {
	var reason string
	switch {
	case c.after != nil:
		reason = strings.ReplaceAll(r.After, "{step}", strconv.Itoa(position[c.after]))
	case c.early:
		reason = strings.ReplaceAll(r.Early, "{because}", c.route)
	default:
		reason = strings.ReplaceAll(r.Now, "{because}", c.route)
	}
	// A semicolon rather than a colon: report texts stay plain YAML scalars.
	return c.action + "; " + reason
}

// creditOf is a requirement's credit alone, without the words for it: the plan replays many
// steps and needs only whether each gap is met.
func (p *Profile) creditOf(req *Requirement, a *questions.Answers) float64 {
	credit := 1.0
	for _, f := range req.Credit {
		q, ok := p.bank.Question(f.Question)
		if !ok || p.bank.Asks(q, a) == questions.NotAsked {
			continue
		}
		ans, answered := a.Get(q.ID)
		if !answered {
			return 0
		}
		switch q.Kind {
		case questions.OneOf:
			credit *= f.Values[ans.Choice]
		case questions.AnyOf:
			if !ans.Has(f.Includes) {
				return 0
			}
		case questions.Rating:
			credit *= min(max(float64(ans.Rating-q.Scale.Min)/float64(f.Target-q.Scale.Min), 0), 1)
		}
	}
	return credit
}

// apply makes a step's changes to the answers, then forgets answers to questions the new answers
// no longer ask, as a person's file would.
func apply(p *Profile, c *candidate, a *questions.Answers) {
	ch := c.step.Changes
	bank := p.bank
	for _, id := range slices.Sorted(mapKeys(ch.Raise)) {
		q, _ := bank.Question(id)
		cur, ok := a.Get(id)
		if !ok || q.Rank(cur.Choice) < q.Rank(ch.Raise[id]) {
			a.Set(id, questions.OneOfAnswer(ch.Raise[id]))
		}
	}
	for _, id := range slices.Sorted(mapKeys(ch.Set)) {
		a.Set(id, questions.OneOfAnswer(ch.Set[id]))
	}
	for _, id := range slices.Sorted(mapKeys(ch.Include)) {
		cur, _ := a.Get(id)
		vs := slices.Clone(cur.Choices)
		for _, v := range ch.Include[id] {
			if !slices.Contains(vs, v) {
				vs = append(vs, v)
			}
		}
		a.Set(id, questions.AnyOfAnswer(vs...))
	}
	if ch.Meet {
		for _, id := range c.closes {
			p.meet(id, a)
		}
	}
	prune(bank, a)
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
		cur, answered := a.Get(q.ID)
		switch q.Kind {
		case questions.OneOf:
			if answered && f.Values[cur.Choice] >= 1 {
				continue
			}
			values := q.ValueNames()
			if q.Ordered != questions.Unordered {
				slices.SortStableFunc(values, func(x, y string) int { return cmp.Compare(q.Rank(x), q.Rank(y)) })
			}
			for _, v := range values {
				if f.Values[v] >= 1 && (!answered || q.Rank(v) >= q.Rank(cur.Choice)) {
					a.Set(q.ID, questions.OneOfAnswer(v))
					break
				}
			}
		case questions.AnyOf:
			if !cur.Has(f.Includes) {
				a.Set(q.ID, questions.AnyOfAnswer(append(slices.Clone(cur.Choices), f.Includes)...))
			}
		case questions.Rating:
			if !answered || cur.Rating < f.Target {
				a.Set(q.ID, questions.RatingAnswer(f.Target))
			}
		}
	}
}

// prune forgets answers to questions that are not asked, in bank order so that a question ruled
// out rules out those that depend on it.
func prune(bank *questions.Bank, a *questions.Answers) {
	for i := range bank.Questions {
		q := &bank.Questions[i]
		if _, ok := a.Get(q.ID); ok && bank.Asks(q, a) == questions.NotAsked {
			a.Delete(q.ID)
		}
	}
}

func allHold(cs []questions.Condition, a *questions.Answers) bool {
	for _, c := range cs {
		if !c.Holds(a) {
			return false
		}
	}
	return true
}

func filter(ids []string, keep func(string) bool) []string {
	var out []string
	for _, id := range ids {
		if keep(id) {
			out = append(out, id)
		}
	}
	return out
}

func mapKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}
