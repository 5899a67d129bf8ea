// Package questions holds the question bank that hitready asks from, and reads, checks and writes
// answers files. The bank is data (bank.yaml, embedded); this package only gives it types and
// guarantees its shape, so a question can be added or reworded without touching Go code.
package questions

import (
	_ "embed"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/inputerr"
	"github.com/hitready/hitready/internal/yamltree"
)

//go:embed bank.yaml
var bankYAML []byte

// bankTree is bank.yaml parsed when hitready was built (internal/yamltree).
//
//go:embed bank.yaml.tree
var bankTree string

// Kind says how a question is answered.
type Kind string

const (
	OneOf  Kind = "one-of" // exactly one value from the list
	AnyOf  Kind = "any-of" // any number of values from the list, none included
	Rating Kind = "rating" // a whole number on the question's scale
)

// Order says whether a one-of question's values rank, and in which direction they are listed.
type Order string

const (
	Unordered  Order = ""
	Ascending  Order = "ascending"  // weakest answer first
	Descending Order = "descending" // strongest answer first
)

// Choice is one allowed value of a one-of or any-of question, with the label a person reads.
type Choice struct {
	Value string `yaml:"value" json:"value"`
	Label string `yaml:"label" json:"label"`
	// AllowedWhen, when set, allows the value only when one of its conditions holds: a health
	// information bachelor's program only with a bachelor's degree or more. An answer that
	// contradicts it is refused, and the questionnaire does not offer the value.
	AllowedWhen When `yaml:"allowed_when,omitempty" json:"allowed_when,omitempty"`
}

// Scale is the range of a rating question and what its two ends mean for that question.
type Scale struct {
	Min  int    `yaml:"min" json:"min"`
	Max  int    `yaml:"max" json:"max"`
	Low  string `yaml:"low" json:"low"`
	High string `yaml:"high" json:"high"`
}

// Values are the scale's whole numbers, Min to Max, as an answer writes them.
func (s *Scale) Values() []string {
	var values []string
	for n := s.Min; n <= s.Max; n++ {
		values = append(values, strconv.Itoa(n))
	}
	return values
}

// Question is one entry of the bank.
type Question struct {
	ID       string `yaml:"id" json:"id"`
	Section  string `yaml:"section" json:"section"`
	Kind     Kind   `yaml:"kind" json:"kind"`
	Ordered  Order  `yaml:"ordered" json:"ordered,omitempty"`
	Optional bool   `yaml:"optional" json:"optional,omitempty"`
	Text     string `yaml:"text" json:"text"`
	Help     string `yaml:"help" json:"help"`
	Why      string `yaml:"why" json:"why"` // quoted, in the language it was written in
	// WhyTranslation is why rendered in the bank's language, to show beside it; empty in English.
	WhyTranslation string   `yaml:"why_translation,omitempty" json:"why_translation,omitempty"`
	Source         string   `yaml:"source,omitempty" json:"source,omitempty"` // where why comes from, when not the bank's source
	Values         []Choice `yaml:"values" json:"values,omitempty"`
	Scale          *Scale   `yaml:"scale" json:"scale,omitempty"`
	AskedWhen      When     `yaml:"asked_when" json:"asked_when,omitempty"`
}

// Choice returns the allowed value v of a one-of or any-of question.
func (q *Question) Choice(v string) (Choice, bool) {
	if i := slices.IndexFunc(q.Values, func(c Choice) bool { return c.Value == v }); i >= 0 {
		return q.Values[i], true
	}
	return Choice{}, false
}

// ValueNames lists the allowed values in bank order.
func (q *Question) ValueNames() []string {
	names := make([]string, len(q.Values))
	for i, c := range q.Values {
		names[i] = c.Value
	}
	return names
}

// Rank places v among an ordered question's values: 0 for the weakest answer. It is -1 for a value
// the question does not have or a question whose values do not rank.
func (q *Question) Rank(v string) int {
	i := slices.IndexFunc(q.Values, func(c Choice) bool { return c.Value == v })
	switch {
	case i < 0 || q.Ordered == Unordered:
		return -1
	case q.Ordered == Descending:
		return len(q.Values) - 1 - i
	default:
		return i
	}
}

// WeakestFirst lists the values from the weakest answer to the strongest; in bank order for a
// question whose values do not rank.
func (q *Question) WeakestFirst() []string {
	values := q.ValueNames()
	slices.SortStableFunc(values, func(x, y string) int { return q.Rank(x) - q.Rank(y) })
	return values
}

// AllowedIn describes the values a question takes, for messages in l's language: "one of: a, b,
// c", "uno de: a, b, c".
func (q *Question) AllowedIn(l *i18n.Localizer) string {
	values := strings.Join(q.ValueNames(), ", ")
	switch q.Kind {
	case OneOf:
		return l.T("errors.allowed.one-of", i18n.Args{"Values": values})
	case AnyOf:
		return l.T("errors.allowed.any-of", i18n.Args{"Values": values})
	case Rating:
		return l.T("errors.allowed.rating", i18n.Args{"Min": q.Scale.Min, "Max": q.Scale.Max})
	}
	return ""
}

// Section is a group of questions with the reason the group matters.
type Section struct {
	ID    string `yaml:"id" json:"id"`
	Title string `yaml:"title" json:"title"`
	Intro string `yaml:"intro" json:"intro"`
	Why   string `yaml:"why" json:"why"`
	// WhyTranslation is as a question's.
	WhyTranslation string `yaml:"why_translation,omitempty" json:"why_translation,omitempty"`
}

// Source names the document the questions rest on.
type Source struct {
	Title string `yaml:"title" json:"title"`
	Kind  string `yaml:"kind" json:"kind"`
	File  string `yaml:"file" json:"file"`
}

// Bank is the whole question bank, in the order questions are asked.
type Bank struct {
	Source    Source     `yaml:"source" json:"source"`
	Sections  []Section  `yaml:"sections" json:"sections"`
	Questions []Question `yaml:"questions" json:"questions"`

	index map[string]int
	lang  i18n.Lang
}

// Load parses and checks the embedded bank, in English. Each caller gets its own copy: there is
// no package-level state to share or to corrupt.
func Load() (*Bank, error) {
	return LoadIn(i18n.English)
}

// LoadIn is Load in language l: every text a person reads (titles, intros, questions, help,
// labels, the ends of a scale, sources) is in l where bank.yaml has it; ids, values and the
// quoted sources (why) are the same in every language, with a rendering in l beside each quote
// (WhyTranslation) unless l is English. Whoever draws the bank reads the language
// from Lang.
func LoadIn(l i18n.Lang) (*Bank, error) {
	return parseBank(bankYAML, bankTree, l)
}

// parseBank reads bank.yaml, from its tree when the tree is its parse, in language l: the quotes
// are split from their renderings (splitQuotes), the texts written in two languages are made
// plain strings of l (i18n.Localize), then the document is decoded from its tree without refusing
// unknown fields, since every command reads it on start: the tests hold bank.yaml to its types
// (TestBankHasOnlyKnownFields).
func parseBank(data []byte, tree string, l i18n.Lang) (*Bank, error) {
	doc, err := yamltree.Parse(data, tree)
	if err != nil {
		return nil, fmt.Errorf("question bank: %w", err)
	}
	if err := splitQuotes(doc, l); err != nil {
		return nil, fmt.Errorf("question bank: %w", err)
	}
	if err := i18n.Localize(doc, l); err != nil {
		return nil, fmt.Errorf("question bank: %w", err)
	}
	b := Bank{lang: l}
	if len(doc.Content) > 0 {
		if err := doc.Content[0].Decode(&b); err != nil {
			return nil, fmt.Errorf("question bank: %w", err)
		}
	}
	if err := b.check(); err != nil {
		return nil, fmt.Errorf("question bank: %w", err)
	}
	return &b, nil
}

// Lang is the language the bank's texts are in.
func (b *Bank) Lang() i18n.Lang { return b.lang }

// Words speaks the bank's language: every message about answers (a file, --set, a contradiction)
// is worded by it, so that one code path serves every language.
func (b *Bank) Words() *i18n.Localizer { return i18n.For(b.lang) }

// check guarantees what the rest of the program assumes of a bank, so that a mistake in bank.yaml
// fails every test at once rather than surfacing as an odd prompt.
func (b *Bank) check() error {
	b.index = make(map[string]int, len(b.Questions))
	sections := make(map[string]bool, len(b.Sections))
	for _, s := range b.Sections {
		if s.ID == "" || s.Title == "" || s.Intro == "" || s.Why == "" {
			return fmt.Errorf("section %q: id, title, intro and why are all required", s.ID)
		}
		if sections[s.ID] {
			return fmt.Errorf("section %q is defined twice", s.ID)
		}
		sections[s.ID] = true
	}
	for i := range b.Questions {
		q := &b.Questions[i]
		if q.ID == "" {
			return fmt.Errorf("question %d has no id", i+1)
		}
		if _, dup := b.index[q.ID]; dup {
			return fmt.Errorf("question %q is defined twice", q.ID)
		}
		b.index[q.ID] = i
		if err := b.checkQuestion(q, sections); err != nil {
			return fmt.Errorf("question %q: %w", q.ID, err)
		}
	}
	return nil
}

func (b *Bank) checkQuestion(q *Question, sections map[string]bool) error {
	if !sections[q.Section] {
		return fmt.Errorf("section %q is not defined", q.Section)
	}
	if q.Text == "" || q.Help == "" || q.Why == "" {
		return fmt.Errorf("text, help and why are all required")
	}
	if err := q.checkAnswers(); err != nil {
		return err
	}
	switch q.Ordered {
	case Unordered:
	case Ascending, Descending:
		if q.Kind != OneOf {
			return fmt.Errorf("only one-of questions are ordered")
		}
	default:
		return fmt.Errorf("ordered %q is not %s or %s", q.Ordered, Ascending, Descending)
	}
	for _, c := range q.AskedWhen {
		if err := b.checkCondition(q, c, "asked_when"); err != nil {
			return err
		}
	}
	for _, v := range q.Values {
		for _, c := range v.AllowedWhen {
			if err := b.checkCondition(q, c, "allowed_when"); err != nil {
				return fmt.Errorf("value %q: %w", v.Value, err)
			}
		}
	}
	return nil
}

// checkAnswers checks what a question may be answered with: values, or a scale.
func (q *Question) checkAnswers() error {
	switch q.Kind {
	case OneOf, AnyOf:
		if len(q.Values) == 0 {
			return fmt.Errorf("a %s question needs values", q.Kind)
		}
		if q.Scale != nil {
			return fmt.Errorf("a %s question has no scale", q.Kind)
		}
		seen := map[string]bool{}
		for _, c := range q.Values {
			if c.Value == "" || c.Label == "" {
				return fmt.Errorf("every value needs a value and a label (got %q, %q)", c.Value, c.Label)
			}
			if seen[c.Value] {
				return fmt.Errorf("value %q is listed twice", c.Value)
			}
			seen[c.Value] = true
		}
	case Rating:
		if q.Scale == nil || q.Scale.Min >= q.Scale.Max || q.Scale.Low == "" || q.Scale.High == "" {
			return fmt.Errorf("a rating question needs a scale with min < max and both ends described")
		}
		if len(q.Values) > 0 {
			return fmt.Errorf("a rating question takes no values")
		}
	default:
		return fmt.Errorf("kind %q is not one of %s, %s, %s", q.Kind, OneOf, AnyOf, Rating)
	}
	return nil
}

// checkCondition checks one condition of q's asked_when, or of a value's allowed_when (field
// names which). A condition may only look back: the questionnaire asks in bank order, so the
// question it depends on must already have been asked.
func (b *Bank) checkCondition(q *Question, c Condition, field string) error {
	j, ok := b.index[c.Question]
	if !ok || j >= b.index[q.ID] {
		return fmt.Errorf("%s refers to %q, which is not a question before it", field, c.Question)
	}
	dep := &b.Questions[j]
	if dep.Kind != OneOf || len(c.In) == 0 {
		return fmt.Errorf("%s must list values of a one-of question", field)
	}
	for _, v := range c.In {
		if _, ok := dep.Choice(v); !ok {
			return fmt.Errorf("%s: %q is not a value of %s", field, v, dep.ID)
		}
	}
	return nil
}

// Question returns the question with this id.
func (b *Bank) Question(id string) (*Question, bool) {
	i, ok := b.index[id]
	if !ok {
		return nil, false
	}
	return &b.Questions[i], true
}

// IDs lists every question id in bank order.
func (b *Bank) IDs() []string {
	ids := make([]string, len(b.Questions))
	for i, q := range b.Questions {
		ids[i] = q.ID
	}
	return ids
}

// Section returns the section with this id.
func (b *Bank) Section(id string) (*Section, bool) {
	if i := slices.IndexFunc(b.Sections, func(s Section) bool { return s.ID == id }); i >= 0 {
		return &b.Sections[i], true
	}
	return nil, false
}

// Asking tells whether a question applies to a person with these answers.
type Asking int

const (
	Asked     Asking = iota // the question applies
	NotAsked                // its condition is answered and not met
	Undecided               // its condition depends on a question still unanswered
)

// Asks tells whether q applies given the answers so far. With several conditions, one that holds
// is enough; the question is not asked only when every condition is settled against it. A
// condition on a question that is itself not asked is settled: that question has no answer to
// give (a field of study for a person without a degree).
func (b *Bank) Asks(q *Question, a *Answers) Asking {
	if len(q.AskedWhen) == 0 {
		return Asked
	}
	result := NotAsked
	for _, c := range q.AskedWhen {
		if c.Holds(a) {
			return Asked
		}
		// A question answered, or skipped (left unanswered on purpose), decides the condition.
		if _, answered := a.Get(c.Question); answered || a.Skipped(c.Question) {
			continue
		}
		if dep, ok := b.Question(c.Question); ok && b.Asks(dep, a) == NotAsked {
			continue
		}
		result = Undecided
	}
	return result
}

// Open lists the required questions that the answers leave open: unanswered, and asked or possibly
// asked once an earlier question is answered. A set of answers with nothing open is complete.
func (b *Bank) Open(a *Answers) []*Question {
	var open []*Question
	for i := range b.Questions {
		q := &b.Questions[i]
		if _, answered := a.Get(q.ID); !q.Optional && !answered && b.Asks(q, a) != NotAsked {
			open = append(open, q)
		}
	}
	return open
}

// CheckConsistency refuses answers to questions that the other answers say are not asked, such as
// a field of study for a person without a degree: scoring them would credit what does not apply.
func (b *Bank) CheckConsistency(a *Answers) error {
	var problems []inputerr.Problem
	l := b.Words()
	for i := range b.Questions {
		q := &b.Questions[i]
		ans, ok := a.Get(q.ID)
		if !ok || b.Asks(q, a) != NotAsked {
			continue
		}
		problems = append(problems, inputerr.Problem{Origin: ans.Origin, ID: q.ID,
			Message: l.T("errors.consistency.not-asked", unmet(l, q.AskedWhen, a, i18n.Args{"Question": q.ID}))})
	}
	for i := range b.Questions {
		q := &b.Questions[i]
		ans, ok := a.Get(q.ID)
		if !ok || q.Kind != OneOf || b.Asks(q, a) == NotAsked {
			continue
		}
		if c, known := q.Choice(ans.Choice); known && !b.allows(c, a) {
			problems = append(problems, inputerr.Problem{Origin: ans.Origin, ID: q.ID, Message: l.T("errors.consistency.value-not-allowed",
				unmet(l, c.AllowedWhen, a, i18n.Args{"Question": q.ID, "Value": ans.Choice}))})
		}
	}
	if len(problems) == 0 {
		return nil
	}
	return &inputerr.InvalidError{Problems: problems, Lang: b.lang}
}

// allows tells whether the answers allow a value: it has no allowed_when, or one of its
// conditions holds or is still open (its question unanswered, as in a file to be finished).
func (b *Bank) allows(c Choice, a *Answers) bool {
	return len(c.AllowedWhen) == 0 || slices.ContainsFunc(c.AllowedWhen, func(w Condition) bool {
		_, answered := a.Get(w.Question)
		return !answered || w.Holds(a)
	})
}

// Allows tells whether the answers allow q's value v (allowed_when); false for a value q lacks.
func (b *Bank) Allows(q *Question, v string, a *Answers) bool {
	c, ok := q.Choice(v)
	return ok && b.allows(c, a)
}

// Offered is q with only the values the answers allow (allowed_when): what the questionnaire
// offers, so that no one picks a value the other answers contradict. q itself when all are.
func (b *Bank) Offered(q *Question, a *Answers) *Question {
	if !slices.ContainsFunc(q.Values, func(c Choice) bool { return !b.allows(c, a) }) {
		return q
	}
	offered := *q
	offered.Values = slices.DeleteFunc(slices.Clone(q.Values), func(c Choice) bool { return !b.allows(c, a) })
	return &offered
}

// unmet adds to args, for a message of l, the conditions w that the answers a leave unmet (When),
// their questions (Conditions) and why each fails (Settled): "education.field is other
// (a.yaml:4) and education.program is no (a.yaml:5)"; a question not asked at all is named as such.
func unmet(l *i18n.Localizer, w When, a *Answers, args i18n.Args) i18n.Args {
	settled, ids := make([]string, len(w)), make([]string, len(w))
	for i, c := range w {
		ids[i] = c.Question
		if dep, ok := a.Get(c.Question); ok {
			settled[i] = l.T("errors.consistency.is", i18n.Args{"Question": c.Question, "Value": dep.Choice, "Where": dep.Origin.String()})
		} else {
			settled[i] = l.T("errors.consistency.dep-not-asked", i18n.Args{"Question": c.Question})
		}
	}
	args["When"], args["Settled"], args["Conditions"] = w.In(l), l.And(settled), l.Or(ids)
	return args
}
