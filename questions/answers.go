package questions

import (
	"encoding/json"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/hitready/hitready/internal/inputerr"
)

// Answer is one answer to one question. Which field holds it depends on Kind.
type Answer struct {
	Kind    Kind
	Choice  string          // one-of
	Choices []string        // any-of, in the order the person gave them
	Rating  int             // rating
	Origin  inputerr.Origin // where the answer was given, for messages
}

// OneOfAnswer, AnyOfAnswer and RatingAnswer build answers in code (tests, the questionnaire).
func OneOfAnswer(v string) Answer { return Answer{Kind: OneOf, Choice: v} }

func AnyOfAnswer(vs ...string) Answer {
	return Answer{Kind: AnyOf, Choices: append([]string{}, vs...)}
}

func RatingAnswer(n int) Answer { return Answer{Kind: Rating, Rating: n} }

// Has reports whether an any-of answer includes v.
func (a Answer) Has(v string) bool { return slices.Contains(a.Choices, v) }

// String renders the answer the way an answers file or --set spells it.
func (a Answer) String() string {
	switch a.Kind {
	case OneOf:
		return a.Choice
	case AnyOf:
		return strings.Join(a.Choices, ",")
	case Rating:
		return strconv.Itoa(a.Rating)
	}
	return ""
}

// Answers is one person's set of answers, keyed by question id.
type Answers struct {
	Respondent string
	values     map[string]Answer
}

// NewAnswers returns an empty set of answers.
func NewAnswers() *Answers {
	return &Answers{values: map[string]Answer{}}
}

// Get returns the answer to question id, if given.
func (a *Answers) Get(id string) (Answer, bool) {
	ans, ok := a.values[id]
	return ans, ok
}

// Set records an answer, replacing any earlier one.
func (a *Answers) Set(id string, ans Answer) {
	if a.values == nil {
		a.values = map[string]Answer{}
	}
	a.values[id] = ans
}

// Delete forgets the answer to question id.
func (a *Answers) Delete(id string) { delete(a.values, id) }

// Len is the number of questions answered.
func (a *Answers) Len() int { return len(a.values) }

// IDs lists the answered question ids, sorted.
func (a *Answers) IDs() []string { return slices.Sorted(maps.Keys(a.values)) }

// Clone returns an independent copy.
func (a *Answers) Clone() *Answers {
	// Sized at once: a plan clones a person's answers several times, and growing the map was
	// most of what a clone cost.
	c := &Answers{Respondent: a.Respondent, values: make(map[string]Answer, len(a.values))}
	for id, ans := range a.values {
		ans.Choices = slices.Clone(ans.Choices)
		c.values[id] = ans
	}
	return c
}

// MarshalJSON writes the answers as an answers file's "answers" mapping, ids in sorted order: a
// saved report carries them, so that compare scores them again rather than trust the report.
func (a *Answers) MarshalJSON() ([]byte, error) {
	m := make(map[string]any, len(a.values))
	for id, ans := range a.values {
		switch ans.Kind {
		case OneOf:
			m[id] = ans.Choice
		case AnyOf:
			m[id] = append([]string{}, ans.Choices...)
		case Rating:
			m[id] = ans.Rating
		}
	}
	return json.Marshal(m)
}
