package assessment

import (
	"cmp"
	_ "embed"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/hitready/hitready/internal/prose"
	"github.com/hitready/hitready/questions"
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
	Meet    Flag                `yaml:"meet,omitempty" json:"meet,omitempty"`
}

// Step is one entry of the catalogue of steps.
type Step struct {
	ID     string `yaml:"id" json:"id"`
	Group  string `yaml:"group,omitempty" json:"group,omitempty"`
	Action string `yaml:"action" json:"action"`
	// Label names the step the same way for every person, short, for a cohort's first steps and
	// a comparison; {title} stands for the gap of a per-gap step. The action when empty.
	Label          string                `yaml:"label,omitempty" json:"label,omitempty"`
	When           []questions.Condition `yaml:"when,omitempty" json:"when,omitempty"`
	OnlyIfGap      []string              `yaml:"only_if_gap,omitempty" json:"only_if_gap,omitempty"`
	PerGap         Flag                  `yaml:"per_gap,omitempty" json:"per_gap,omitempty"`
	Credential     string                `yaml:"credential,omitempty" json:"credential,omitempty"`
	Closes         []string              `yaml:"closes" json:"closes"`
	Changes        Changes               `yaml:"changes" json:"changes"`
	Duration       string                `yaml:"duration,omitempty" json:"duration,omitempty"`
	DurationSource string                `yaml:"duration_source,omitempty" json:"duration_source,omitempty"`
}

// ExamReasons word why a person may sit an exam at its place in the plan: the clause after the
// action and a semicolon. {because} is the eligibility route's clause, {step} the number of the
// step that makes the person eligible or prepared, {prepared} the clause of the credential's
// prepared route, {recommended} its recommendation. The optional ones fall back on now or after.
type ExamReasons struct {
	Now   string `yaml:"now" json:"now"`
	Early string `yaml:"early" json:"early"`
	After string `yaml:"after" json:"after"`
	// NowPrepared: eligible and prepared now as the body recommends.
	NowPrepared string `yaml:"now_prepared,omitempty" json:"now_prepared,omitempty"`
	// NowUnprepared: eligible now, and nothing in the plan prepares the person as recommended.
	NowUnprepared string `yaml:"now_unprepared,omitempty" json:"now_unprepared,omitempty"`
	// AfterEarly: made eligible by a program's step, whose last term allows early testing.
	AfterEarly string `yaml:"after_early,omitempty" json:"after_early,omitempty"`
	// Booked is the whole action for a person who has booked an exam (certification.ahima:
	// scheduled), {exam} the one they may sit now; empty, a booked exam is not told apart.
	Booked string `yaml:"booked,omitempty" json:"booked,omitempty"`
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
	s, f, err := readEmbedded[Steps](embeddedStepsName, stepsYAML, stepsKind)
	if err != nil {
		return nil, err
	}
	s.check(f, p, cs, false)
	return s, f.err()
}

// ParseSteps reads a steps file strictly (readStrict) and checks it against the profile, its
// bank and the credentials. Refusals match inputerr.ErrInvalid and name the file and line.
func ParseSteps(path string, data []byte, p *Profile, cs *Credentials) (*Steps, error) {
	s, f, err := readStrict[Steps](path, data, stepsKind)
	if err != nil {
		return nil, err
	}
	s.check(f, p, cs, true)
	return s, f.err()
}

// check refuses what Plan relies on; strict also refuses requirement ids the profile lacks.
func (s *Steps) check(f *yamlFile, p *Profile, cs *Credentials, strict bool) {
	if r := s.ExamReasons; r.Now == "" || r.Early == "" || r.After == "" {
		f.add(f.line("exam_reasons"), "", "exam_reasons needs now, early and after")
	}
	seen := map[string]bool{}
	for i := range s.Steps {
		st := &s.Steps[i]
		for _, msg := range st.check(p, cs, seen, strict) {
			f.add(f.line("steps", i), st.ID, "%s", msg)
		}
		seen[st.ID] = true
	}
}

// check lists what is wrong with one step; seen holds the ids before it.
func (st *Step) check(p *Profile, cs *Credentials, seen map[string]bool, strict bool) []string {
	var msgs []string
	bank := p.bank
	add := func(format string, args ...any) { msgs = append(msgs, fmt.Sprintf(format, args...)) }
	if st.ID == "" || seen[st.ID] {
		add("a step id must be given and unique")
	}
	if st.Action == "" {
		add("action is required: the sentence a person reads")
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
		if strict && !(id == anyRequirement && bool(st.PerGap)) && !p.hasRequirement(id) {
			add("%q is not a requirement of profile %s", id, p.ID)
		}
	}
	if _, ok := cs.Get(st.Credential); st.Credential != "" && !ok {
		add("credential %q is not in the credentials file", st.Credential)
	}
	if st.PerGap != st.Changes.Meet {
		add("a per_gap step changes the answers by meet, and only a per_gap step does")
	}
	for _, msg := range checkChanges(bank, st.Changes) {
		add("changes: %s", msg)
	}
	return msgs
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
	gap    *Gap     // the gap a per-gap step is made for; nil for other steps
	closes []string // the gaps assigned to it
	// gaps are closes as indices into the person's gaps, in the same order: cover counts and the
	// ordering ranks them many times over, by index rather than by hashing an id.
	gaps []int
	// after is, for an exam the person cannot sit now (or is not yet prepared for as the body
	// recommends), the candidate whose step makes them eligible or prepared; nil otherwise.
	after *candidate
	// enables is, for that step, the exam it opens: the step takes the exam's severity, so that
	// what opens a blocking exam comes with the blocking steps.
	enables *candidate
	now     bool // an exam the person may sit now
	route   string
	reason  examReason
	prep    *Route // the prepared route that holds at the exam, if the credential has any
	// position is the candidate's step number once replay has kept it; 0 before, or if dropped.
	position int
}

// examReason says which of ExamReasons words an exam step.
type examReason int

const (
	reasonNow examReason = iota
	reasonNowPrepared
	reasonNowUnprepared
	reasonEarly
	reasonAfter
	reasonAfterEarly
	reasonAfterPrepared
	reasonBooked
)

// The answers the plan reads beyond the requirements: a booked exam, and the program question
// whose last term opens early testing.
const (
	examQuestion    = "certification.ahima"
	examBooked      = "scheduled"
	programQuestion = "education.program"
	programLastTerm = "final-term"
)

// Plan orders the steps that close every gap of a person, and is pure: the same profile,
// credentials, steps and answers give the same plan.
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
func Plan(p *Profile, cs *Credentials, steps *Steps, a *questions.Answers) []PlanStep {
	return plan(p, cs, steps, a, p.scoreOnly(a).Gaps)
}

// plan is Plan for the gaps of a's score: Score has just worked them out, and scoring twice was
// a fifth of what a report cost.
func plan(p *Profile, cs *Credentials, steps *Steps, a *questions.Answers, gaps []Gap) []PlanStep {
	if len(gaps) == 0 || steps == nil {
		return []PlanStep{}
	}
	gapIndex := make(map[string]int, len(gaps))
	rank := make([]int, len(gaps)) // each gap's severity rank
	seq := make([]int, len(gaps))  // 0, 1, ...: a per-gap candidate's gaps is one of them
	for k, g := range gaps {
		gapIndex[g.ID], rank[k], seq[k] = k, g.Severity.rank(), k
	}
	open := func(id string) bool { _, ok := gapIndex[id]; return ok }
	// openOf keeps the ids that are open, with their indices, each a part of one array
	// (three-index, so that no candidate's can grow into the next one's).
	room := 0
	for i := range steps.Steps {
		room += len(steps.Steps[i].Closes)
	}
	idBuf, atBuf := make([]string, 0, room), make([]int, 0, room)
	openOf := func(ids []string) (closes []string, at []int) {
		start := len(idBuf)
		for _, id := range ids {
			if k, ok := gapIndex[id]; ok {
				idBuf, atBuf = append(idBuf, id), append(atBuf, k)
			}
		}
		end := len(idBuf)
		if end == start {
			return nil, nil
		}
		return idBuf[start:end:end], atBuf[start:end:end]
	}

	// Offer: the first applicable step of each group; per-gap steps once per gap. Candidates are
	// made in arrays of 16 and a per-gap candidate's closes is its gap's id in gapIDs, rather
	// than two allocations for each of the many offers few of which are chosen.
	var offered, exams, fallback []*candidate
	var arena []candidate
	offer := func(c candidate) *candidate {
		if len(arena) == cap(arena) {
			// A new array; the candidates made so far stay where they are, pointers and all.
			arena = make([]candidate, 0, 16)
		}
		arena = append(arena, c)
		return &arena[len(arena)-1]
	}
	gapIDs := make([]string, len(gaps))
	for k := range gaps {
		gapIDs[k] = gaps[k].ID
	}
	var groups []string
	for i := range steps.Steps {
		st := &steps.Steps[i]
		if st.Group != "" && st.Credential == "" && slices.Contains(groups, st.Group) {
			continue
		}
		// A step applies when its rules hold and every gap it is meant for is open; a requirement
		// the profile does not have is never open, so such a step never applies.
		if !allHold(st.When, a) || slices.ContainsFunc(st.OnlyIfGap, func(id string) bool { return !open(id) }) {
			continue
		}
		switch {
		case st.Credential != "":
			if closes, at := openOf(st.Closes); len(closes) > 0 {
				exams = append(exams, offer(candidate{step: st, index: i, closes: closes, gaps: at}))
			}
		case bool(st.PerGap):
			for k := range gaps {
				g := &gaps[k]
				if slices.Contains(st.Closes, g.ID) || slices.Contains(st.Closes, anyRequirement) {
					// Three-index: closes is only ever replaced, but should anything append to it, it
					// must not write over the next gap's id.
					c := offer(candidate{step: st, index: i, gap: g, closes: gapIDs[k : k+1 : k+1], gaps: seq[k : k+1 : k+1]})
					if slices.Contains(st.Closes, anyRequirement) {
						fallback = append(fallback, c)
					} else {
						offered = append(offered, c)
					}
				}
			}
		default:
			if closes, at := openOf(st.Closes); len(closes) > 0 {
				offered = append(offered, offer(candidate{step: st, index: i, closes: closes, gaps: at}))
			}
		}
		if st.Group != "" && st.Credential == "" && !slices.Contains(groups, st.Group) {
			groups = append(groups, st.Group)
		}
	}

	// Gaps an exam closes are left to the exam; the rest are covered greedily.
	examGaps := make([]bool, len(gaps))
	anyExamGap := false
	for _, e := range exams {
		for _, k := range e.gaps {
			examGaps[k], anyExamGap = true, true
		}
	}
	uncovered := gapSet{in: make([]bool, len(gaps))}
	for k := range gaps {
		if !examGaps[k] {
			uncovered.add(k)
		}
	}
	chosen := cover(offered, &uncovered)

	order := func(cands []*candidate) {
		slices.SortStableFunc(cands, func(x, y *candidate) int { return compareCandidates(x, y, rank) })
	}
	order(chosen)

	if anyExamGap {
		booked := false
		if ans, ok := a.Get(examQuestion); ok && ans.Choice == examBooked {
			booked = true
		}
		if exam := pickExam(p, cs, exams, chosen, a, booked); exam != nil {
			chosen = placeExam(p, cs, chosen, exam, a, order)
		} else {
			for k, exam := range examGaps {
				if exam {
					uncovered.add(k)
				}
			}
		}
	}
	// What no step closes falls to the fallback, last.
	if uncovered.n > 0 {
		rest := cover(fallback, &uncovered)
		order(rest)
		chosen = append(chosen, rest...)
	}
	return replay(p, cs, steps, chosen, a, gapIndex)
}

// gapSet is a set of a person's gaps by index, with its size.
type gapSet struct {
	in []bool
	n  int
}

func (s *gapSet) add(k int) {
	if !s.in[k] {
		s.in[k] = true
		s.n++
	}
}

func (s *gapSet) remove(k int) {
	if s.in[k] {
		s.in[k] = false
		s.n--
	}
}

// placeExam adds the exam to the ordered steps: right after the step that opens it, that step
// moved up with the exam's severity. Should moving it up leave out an earlier step the exam
// needs, the step stays where it was.
func placeExam(p *Profile, cs *Credentials, chosen []*candidate, exam *candidate, a *questions.Answers, order func([]*candidate)) []*candidate {
	place := func(moveUp bool) []*candidate {
		out := slices.Clone(chosen)
		if exam.after != nil && moveUp {
			exam.after.enables = exam
		}
		order(out)
		if exam.after != nil {
			exam.after.enables = nil
		}
		if exam.after == nil {
			out = append(out, exam)
			order(out)
			return out
		}
		j := slices.Index(out, exam.after)
		return slices.Insert(out, j+1, exam)
	}
	out := place(true)
	if exam.after == nil || sittable(p, cs, out, exam, a) {
		return out
	}
	return place(false)
}

// sittable replays the steps before the exam and tells whether the person may sit it there,
// prepared as recommended.
func sittable(p *Profile, cs *Credentials, plan []*candidate, exam *candidate, a *questions.Answers) bool {
	c, ok := cs.Get(exam.step.Credential)
	if !ok {
		return false
	}
	state := a.Clone()
	for _, s := range plan {
		if s == exam {
			break
		}
		apply(p, s, state)
	}
	_, prepared := c.prepared(state)
	return c.standing(p.bank, state).MaySit() && prepared
}

// cover picks candidates greedily, the one closing the most uncovered gaps first, until none
// closes anything more; it removes what it covers from uncovered.
func cover(cands []*candidate, uncovered *gapSet) []*candidate {
	var chosen []*candidate
	for uncovered.n > 0 {
		var best *candidate
		bestCount := 0
		for _, c := range cands {
			n := 0
			for _, k := range c.gaps {
				if uncovered.in[k] {
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
		// Filtered in place: a candidate's closes and gaps are its own part of an array, but
		// for a per-gap candidate's one gap, shared and kept as it is (it is uncovered).
		closes, at := best.closes[:0], best.gaps[:0]
		for j, k := range best.gaps {
			if uncovered.in[k] {
				closes, at = append(closes, best.closes[j]), append(at, k)
			}
		}
		best.closes, best.gaps = closes, at
		for _, k := range at {
			uncovered.remove(k)
		}
		chosen = append(chosen, best)
	}
	return chosen
}

// compareCandidates orders candidates (Plan, rule 3); rank is each gap's severity rank.
func compareCandidates(x, y *candidate, rank []int) int {
	closesTier := func(c *candidate) int {
		t := 3
		for _, k := range c.gaps {
			t = min(t, rank[k])
		}
		return t
	}
	tier := func(c *candidate) int {
		t := closesTier(c)
		if c.enables != nil {
			t = min(t, closesTier(c.enables))
		}
		return t
	}
	atTier := func(c *candidate, t int) int {
		n := 0
		for _, k := range c.gaps {
			if rank[k] == t {
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

// examFit is an exam the person may sit with some answers, and why.
type examFit struct {
	exam     *candidate
	cred     *Credential
	status   Status
	route    string
	prep     *Route
	prepared bool
}

// pickExam chooses the exam (see Plan, rule 2) and words why it may be sat where it is.
func pickExam(p *Profile, cs *Credentials, exams, chosen []*candidate, a *questions.Answers, booked bool) *candidate {
	// find is the most preferred exam the person may sit with ans; needPrep asks that they be
	// prepared for it as the body recommends, too.
	find := func(ans *questions.Answers, needPrep bool) (examFit, bool) {
		for _, e := range exams {
			c, ok := cs.Get(e.step.Credential)
			if !ok {
				continue
			}
			st := c.standing(p.bank, ans)
			if !st.MaySit() {
				continue
			}
			prep, prepared := c.prepared(ans)
			if needPrep && !prepared {
				continue
			}
			return examFit{exam: e, cred: c, status: st, route: holdingRoute(c, ans), prep: prep, prepared: prepared}, true
		}
		return examFit{}, false
	}
	now := func(f examFit, reason examReason) *candidate {
		f.exam.now, f.exam.route, f.exam.prep, f.exam.reason = true, f.route, f.prep, reason
		return f.exam
	}
	if booked {
		if f, ok := find(a, false); ok {
			return now(f, reasonBooked)
		}
	}
	if f, ok := find(a, true); ok {
		switch {
		case f.status == EligibleEarly:
			return now(f, reasonEarly)
		case f.prep != nil:
			return now(f, reasonNowPrepared)
		}
		return now(f, reasonNow)
	}
	state := a.Clone()
	for _, c := range chosen {
		apply(p, c, state)
		f, ok := find(state, true)
		if !ok {
			continue
		}
		e := f.exam
		e.after, e.route, e.prep = c, f.route, f.prep
		switch {
		case f.prep != nil && f.cred.standing(p.bank, a).MaySit():
			e.reason = reasonAfterPrepared // eligible all along: the step prepares them
		case earlyInLastTerm(f.cred, c.step, state):
			e.reason = reasonAfterEarly
		default:
			e.reason = reasonAfter
		}
		return e
	}
	if f, ok := find(a, false); ok {
		return now(f, reasonNowUnprepared)
	}
	return nil
}

// earlyInLastTerm tells whether the step completes a program (it sets the program question)
// in whose last term the credential allows early testing.
func earlyInLastTerm(c *Credential, st *Step, after *questions.Answers) bool {
	if _, ok := st.Changes.Set[programQuestion]; !ok || len(c.Early) == 0 {
		return false
	}
	last := after.Clone()
	last.Set(programQuestion, questions.OneOfAnswer(programLastTerm))
	return slices.ContainsFunc(c.Early, func(r Route) bool { return r.holds(last) })
}

// holdingRoute is why the person may sit the exam: the clause of the route that holds.
func holdingRoute(c *Credential, a *questions.Answers) string {
	for _, routes := range [2][]Route{c.Eligible, c.Early} {
		for i := range routes {
			if routes[i].holds(a) {
				return routes[i].Because
			}
		}
	}
	return ""
}

// replay applies the steps in order and keeps, for each, the gaps it meets; steps that meet
// nothing are dropped. Exam steps are worded by why the person may sit them at that point.
func replay(p *Profile, cs *Credentials, steps *Steps, chosen []*candidate, a *questions.Answers, gapIndex map[string]int) []PlanStep {
	plan := make([]PlanStep, 0, len(chosen))
	state := a.Clone()
	idx := p.planIndex()
	// Only the gaps can be closed, so only they are checked after each step.
	var gapReqs []int
	for i := range p.Requirements {
		if _, gap := gapIndex[p.Requirements[i].ID]; gap {
			gapReqs = append(gapReqs, i)
		}
	}
	// before and after are reused for every step, and the closes of all steps share one array:
	// replay ran a dozen small allocations per step.
	before, after := make([]bool, len(gapReqs)), make([]bool, len(gapReqs))
	for k, i := range gapReqs {
		before[k] = idx.creditOf(p, i, state) >= 1
	}
	// A step changes a few answers; a requirement none of whose questions it touched keeps its
	// credit, and is not worked out again.
	touched := make([]string, 0, 16)
	closed := make([]string, 0, len(gapReqs))
	for _, c := range chosen {
		touched = touched[:0]
		applyTracked(p, c, state, &touched)
		for k, i := range gapReqs {
			after[k] = before[k]
			if slices.ContainsFunc(idx.deps[i], func(id string) bool { return slices.Contains(touched, id) }) {
				after[k] = idx.creditOf(p, i, state) >= 1
			}
		}
		start := len(closed)
		for k, i := range gapReqs {
			r := &p.Requirements[i]
			if !before[k] && after[k] {
				closed = append(closed, r.ID)
			}
		}
		before, after = after, before
		if len(closed) == start {
			continue
		}
		// Three-index, so that a later step's closes never writes into this one's.
		closes := closed[start:len(closed):len(closed)]
		action, label := c.words()
		ps := PlanStep{Step: len(plan) + 1, ID: c.step.ID, Action: action, Closes: closes, label: label,
			Credential: c.step.Credential, Duration: c.step.Duration, DurationSource: c.step.DurationSource}
		c.position = ps.Step
		if c.step.Credential != "" {
			ps.Action, ps.label = examAction(steps.ExamReasons, cs, c)
		}
		plan = append(plan, ps)
	}
	return plan
}

// examAction words an exam step: its action and why the person may sit it there; and its label.
func examAction(r ExamReasons, cs *Credentials, c *candidate) (action, label string) {
	step := ""
	if c.after != nil {
		step = strconv.Itoa(c.after.position)
	}
	prepared, prepAfter, recommended, exam := "", "", "", strings.ToUpper(c.step.Credential)
	if c.prep != nil {
		prepared, prepAfter = cmp.Or(c.prep.Because, c.prep.Text), c.prep.After
	}
	if cred, ok := cs.Get(c.step.Credential); ok {
		recommended = cred.Recommended
	}
	var reason string
	switch c.reason {
	case reasonBooked:
		if r.Booked != "" {
			action = replaceEach(r.Booked, "{exam}", exam, "{because}", c.route)
			label, _, _ = strings.Cut(action, ";")
			return action, label
		}
		reason = r.Now
	case reasonNowPrepared:
		reason = cmp.Or(r.NowPrepared, r.Now)
	case reasonNowUnprepared:
		reason = cmp.Or(r.NowUnprepared, r.Now)
	case reasonEarly:
		reason = r.Early
	case reasonAfterEarly:
		reason = cmp.Or(r.AfterEarly, r.After)
	case reasonAfterPrepared:
		reason = r.After
		if prepAfter != "" {
			reason = prepAfter + "."
		}
	case reasonAfter:
		reason = r.After
	default:
		reason = r.Now
	}
	reason = replaceEach(reason, "{because}", c.route, "{step}", step, "{prepared}", prepared, "{recommended}", recommended)
	// A semicolon rather than a colon: report texts stay plain YAML scalars.
	action, label = c.words()
	return action + "; " + reason, label
}

// words are a candidate's action and label: a per-gap step takes its gap's next step for
// {next_step} and its title for {title}. They are worded only for the steps a plan keeps, since
// a per-gap step is offered once per gap and wording every offer was a fifth of a plan's cost.
func (c *candidate) words() (action, label string) {
	st := c.step
	action, title := st.Action, ""
	if c.gap != nil {
		action = st.Action
		if action == nextStepPlaceholder {
			action = c.gap.NextStep // the usual per-gap action, and no new string for it
		} else {
			action = strings.ReplaceAll(action, nextStepPlaceholder, c.gap.NextStep)
		}
		title = cmp.Or(c.gap.Title, c.gap.ID)
	}
	if st.Label == "" {
		return action, action
	}
	return action, strings.ReplaceAll(st.Label, titlePlaceholder, prose.LowerFirst(title))
}

const (
	nextStepPlaceholder = "{next_step}"
	titlePlaceholder    = "{title}"
)

// replaceEach is strings.NewReplacer(oldnew...).Replace(s) without building a replacer (a trie)
// for every exam step of every plan: one pass, left to right, never replacing in what it put in,
// and at each place the first old string, in argument order, that starts there wins. The old
// strings must not be empty.
func replaceEach(s string, oldnew ...string) string {
	var b strings.Builder
	done := 0 // s[:done] is in b
	replaced := false
	for i := 0; i < len(s); {
		k := 0
		for ; k+1 < len(oldnew) && !strings.HasPrefix(s[i:], oldnew[k]); k += 2 {
		}
		if k+1 >= len(oldnew) {
			i++
			continue
		}
		if !replaced {
			b.Grow(len(s))
			replaced = true
		}
		b.WriteString(s[done:i])
		b.WriteString(oldnew[k+1])
		i += len(oldnew[k])
		done = i
	}
	if !replaced {
		return s
	}
	b.WriteString(s[done:])
	return b.String()
}

// planIndex is what a plan reads of a profile for every step, worked out once per profile.
type planIndex struct {
	// factorQ[i][j] is the question of factor j of requirement i; nil if the bank lacks it.
	factorQ [][]*questions.Question
	// deps[i] are the questions whose answers requirement i's credit reads: its factors' and,
	// through asked_when, those that decide whether they are asked.
	deps [][]string
	// reqIDs are the requirements' ids, in order.
	reqIDs []string
	// conditional are the bank's questions with an asked_when, in bank order: the only ones
	// prune may forget.
	conditional []*questions.Question
}

// planIndex is the profile's index, worked out in derive; worked out now for a profile made
// otherwise.
func (p *Profile) planIndex() *planIndex {
	if p.index != nil {
		return p.index
	}
	return newPlanIndex(p)
}

func newPlanIndex(p *Profile) *planIndex {
	idx := &planIndex{factorQ: make([][]*questions.Question, len(p.Requirements)), deps: make([][]string, len(p.Requirements))}
	for i := range p.bank.Questions {
		if q := &p.bank.Questions[i]; len(q.AskedWhen) > 0 {
			idx.conditional = append(idx.conditional, q)
		}
	}
	for i := range p.Requirements {
		idx.reqIDs = append(idx.reqIDs, p.Requirements[i].ID)
		var deps []string
		var walk func(id string)
		walk = func(id string) {
			if slices.Contains(deps, id) {
				return
			}
			deps = append(deps, id)
			if q, ok := p.bank.Question(id); ok {
				for _, c := range q.AskedWhen {
					walk(c.Question)
				}
			}
		}
		for _, f := range p.Requirements[i].Credit {
			q, _ := p.bank.Question(f.Question)
			idx.factorQ[i] = append(idx.factorQ[i], q)
			walk(f.Question)
		}
		idx.deps[i] = deps
	}
	return idx
}

// creditOf is requirement i's credit alone, without the words for it: the plan replays many
// steps and needs only whether each gap is met.
func (idx *planIndex) creditOf(p *Profile, i int, a *questions.Answers) float64 {
	credit := 1.0
	for j, f := range p.Requirements[i].Credit {
		q := idx.factorQ[i][j]
		if q == nil || p.bank.Asks(q, a) == questions.NotAsked {
			continue
		}
		ans, answered := a.Get(q.ID)
		if !answered {
			return 0
		}
		switch q.Kind {
		case questions.OneOf:
			credit *= float64(f.Values[ans.Choice])
		case questions.AnyOf:
			if !ans.Has(f.Includes) {
				return 0
			}
		case questions.Rating:
			credit *= min(max(float64(ans.Rating-q.Scale.Min)/float64(f.target()-q.Scale.Min), 0), 1)
		}
	}
	return credit
}

// apply makes a step's changes to the answers, then forgets answers to questions the new answers
// no longer ask, as a person's file would. Within raise, set and include the order of the
// questions does not matter (each change reads and writes only its own question), so the maps
// are walked as they come rather than sorted on every step of every plan.
func apply(p *Profile, c *candidate, a *questions.Answers) {
	applyTracked(p, c, a, nil)
}

// applyTracked is apply, adding to *touched (unless nil) the question of every answer it sets or
// forgets, so that replay works out again only the requirements that read them.
func applyTracked(p *Profile, c *candidate, a *questions.Answers, touched *[]string) {
	ch := c.step.Changes
	bank := p.bank
	touch := func(id string) {
		if touched != nil {
			*touched = append(*touched, id)
		}
	}
	for id, v := range ch.Raise {
		q, _ := bank.Question(id)
		cur, ok := a.Get(id)
		if !ok || q.Rank(cur.Choice) < q.Rank(v) {
			a.Set(id, questions.OneOfAnswer(v))
			touch(id)
		}
	}
	for id, v := range ch.Set {
		a.Set(id, questions.OneOfAnswer(v))
		touch(id)
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
		touch(id)
	}
	if ch.Meet {
		for _, id := range c.closes {
			p.meet(id, a, touch)
		}
	}
	prune(bank, p.planIndex().conditional, a, touch)
}

// meet sets each factor of requirement id to the weakest answer that earns full credit, in factor
// order, so that a factor whose question a change makes asked (the field, once there is a
// degree) is answered too.
func (p *Profile) meet(id string, a *questions.Answers, touch func(string)) {
	var req *Requirement
	for i := range p.Requirements {
		if p.Requirements[i].ID == id {
			req = &p.Requirements[i]
			break
		}
	}
	if req == nil {
		return
	}
	for _, f := range req.Credit {
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
					touch(q.ID)
					break
				}
			}
		case questions.AnyOf:
			if !cur.Has(f.Includes) {
				a.Set(q.ID, questions.AnyOfAnswer(append(slices.Clone(cur.Choices), f.Includes)...))
				touch(q.ID)
			}
		case questions.Rating:
			if !answered || cur.Rating < f.target() {
				a.Set(q.ID, questions.RatingAnswer(f.target()))
				touch(q.ID)
			}
		}
	}
}

// prune forgets answers to questions that are not asked, in bank order so that a question ruled
// out rules out those that depend on it. Only the conditional questions (planIndex) are looked
// at: one without asked_when is always asked.
func prune(bank *questions.Bank, conditional []*questions.Question, a *questions.Answers, touch func(string)) {
	for _, q := range conditional {
		if _, ok := a.Get(q.ID); ok && bank.Asks(q, a) == questions.NotAsked {
			a.Delete(q.ID)
			touch(q.ID)
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
