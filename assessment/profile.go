// Package assessment holds the requirement profile and scores answers against it. It is pure: no
// file, terminal or clock is touched here, so every result follows from its inputs alone.
package assessment

import (
	_ "embed"
	"slices"

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

// severities are the severities, the most severe first, as gaps are sorted and messages list them.
var severities = []Severity{Blocking, Major, Minor}

// rank orders severities for sorting gaps: blocking first; a word not a severity ranks as minor.
func (s Severity) rank() int {
	if i := slices.Index(severities, s); i >= 0 {
		return i
	}
	return 2
}

// rankIn is v's rank in order, which lists the best first: 0 for the last, as for a word not in it.
func rankIn[T comparable](order []T, v T) int {
	if i := slices.Index(order, v); i >= 0 {
		return len(order) - 1 - i
	}
	return 0
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
	if i := slices.IndexFunc(p.Requirements, func(r Requirement) bool { return r.ID == id }); i >= 0 {
		return p.share[i]
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
	if i := slices.IndexFunc(p.Requirements, func(r Requirement) bool { return r.ID == id }); i >= 0 {
		return &p.Requirements[i], true
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
