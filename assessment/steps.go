package assessment

import (
	_ "embed"
	"maps"
	"slices"
	"strconv"

	"github.com/hitready/hitready/internal/i18n"
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
	// MeetRequirements meets the requirements named, each factor at the weakest answer that
	// meets it: what a program teaches, as the profile asks it. A requirement the profile does
	// not have is left alone.
	MeetRequirements []string `yaml:"meet_requirements,omitempty" json:"meet_requirements,omitempty"`
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
	// ProgramLevel is the level of the health information program the step completes (a value
	// of education.program-level): in its last term the credentials' early routes may hold.
	ProgramLevel string `yaml:"program_level,omitempty" json:"program_level,omitempty"`
	// Optional marks a step the job does not need (a bachelor's later): an option, never the
	// next step.
	Optional Flag `yaml:"optional,omitempty" json:"optional,omitempty"`
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

	origin fileOrigin // where the steps were read, for the plan's promises (promises.go)
}

// defaultSteps returns the embedded catalogue, checked against the profile's bank and the
// credentials. Written for the embedded profile, its steps for requirements a custom profile
// lacks never apply, and the fallback step closes that profile's gaps with its own next steps.
func defaultSteps(p *Profile, cs *Credentials, decoding func() (decoded[Steps], error)) (*Steps, error) {
	d, err := decoding()
	return checked(d.v, d.f, err, func(s *Steps, f *yamlFile) { s.check(f, p, cs, false) })
}

// ParseSteps reads a steps file strictly (readStrict) and checks it against the profile, its
// bank and the credentials. Refusals match inputerr.ErrInvalid and name the file and line.
func ParseSteps(path string, data []byte, p *Profile, cs *Credentials) (*Steps, error) {
	s, f, err := readStrict[Steps](path, data, stepsKind, p.bank.Lang())
	return checked(s, f, err, func(s *Steps, f *yamlFile) { s.check(f, p, cs, true) })
}

// check refuses what the plan relies on; strict also refuses requirement ids the profile lacks.
func (s *Steps) check(f *yamlFile, p *Profile, cs *Credentials, strict bool) {
	if r := s.ExamReasons; r.Now == "" || r.Early == "" || r.After == "" {
		f.Add(f.line("exam_reasons"), "", "errors.profile.exam-reasons", nil)
	}
	seen := map[string]bool{}
	s.origin = fileOrigin{path: f.Path}
	for i := range s.Steps {
		st := &s.Steps[i]
		st.check(p, cs, seen, strict, func(msg string) { f.AddText(f.line("steps", i), st.ID, msg) })
		seen[st.ID] = true
		s.origin.lines = append(s.origin.lines, f.line("steps", i))
	}
}

// check tells problem what is wrong with one step, in the bank's language; seen holds the ids
// before it.
func (st *Step) check(p *Profile, cs *Credentials, seen map[string]bool, strict bool, problem func(msg string)) {
	bank := p.bank
	l := bank.Words()
	add := func(id string, args i18n.Args) { problem(l.T(id, args)) }
	if st.ID == "" || seen[st.ID] {
		add("errors.profile.step-id", nil)
	}
	if st.Action == "" {
		add("errors.profile.step-action", nil)
	}
	if (st.Duration == "") != (st.DurationSource == "") {
		add("errors.profile.duration", nil)
	}
	for _, c := range st.When {
		if msg := checkCondition(bank, c, false); msg != "" {
			problem("when: " + msg)
		}
	}
	for _, id := range append(slices.Clone(st.OnlyIfGap), st.Closes...) {
		if strict && !(id == anyRequirement && bool(st.PerGap)) && !p.hasRequirement(id) {
			problem(notARequirement(l, id, p))
		}
	}
	if _, ok := cs.Get(st.Credential); st.Credential != "" && !ok {
		add("errors.profile.step-credential", i18n.Args{"ID": strconv.Quote(st.Credential)})
	}
	if st.PerGap != st.Changes.Meet {
		add("errors.profile.per-gap", nil)
	}
	checkChanges(bank, st.Changes, func(msg string) { problem("changes: " + msg) })
	for _, id := range st.Changes.MeetRequirements {
		if strict && !p.hasRequirement(id) {
			problem("changes: meet_requirements: " + notARequirement(l, id, p))
		}
	}
	if q, ok := bank.Question(programLevelQuestion); st.ProgramLevel != "" && ok {
		if _, known := q.Choice(st.ProgramLevel); !known {
			problem("program_level: " + valueNotAllowed(l, st.ProgramLevel, q))
		}
	}
}

// checkChanges tells problem what is wrong with a step's changes, each after the field it is in
// (set:, raise:, include:), in the bank's language.
func checkChanges(bank *questions.Bank, c Changes, problem func(msg string)) {
	l := bank.Words()
	oneOf := func(kind string, m map[string]string) {
		for _, id := range slices.Sorted(maps.Keys(m)) { // by id: a map's own order changes from run to run
			q, ok := bank.Question(id)
			switch {
			case !ok:
				problem(kind + ": " + l.T("errors.profile.unknown-question", i18n.Args{"Question": strconv.Quote(id)}))
			case q.Kind != questions.OneOf:
				problem(kind + ": " + l.T("errors.profile.not-one-of", i18n.Args{"Question": id}))
			case kind == "raise" && q.Ordered == questions.Unordered:
				problem("raise: " + l.T("errors.profile.no-rank", i18n.Args{"Question": id}))
			default:
				if _, ok := q.Choice(m[id]); !ok {
					problem(kind + ": " + valueNotAllowed(l, m[id], q))
				}
			}
		}
	}
	oneOf("set", c.Set)
	oneOf("raise", c.Raise)
	for _, id := range slices.Sorted(maps.Keys(c.Include)) {
		q, ok := bank.Question(id)
		if !ok || q.Kind != questions.AnyOf {
			problem("include: " + l.T("errors.profile.not-any-of", i18n.Args{"Question": strconv.Quote(id)}))
			continue
		}
		for _, v := range c.Include[id] {
			if _, ok := q.Choice(v); !ok {
				problem("include: " + l.T("errors.profile.not-a-value", i18n.Args{"Value": strconv.Quote(v), "Question": id}))
			}
		}
	}
}
