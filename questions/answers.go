package questions

import (
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/go-json-experiment/json/jsontext"

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

// Answers is one person's set of answers, keyed by question id, and the optional questions the
// person chose to leave unanswered (skipped), which a session does not ask again.
type Answers struct {
	Respondent string
	values     map[string]Answer
	skipped    map[string]bool
	undo       []undo // since Checkpoint, what each change replaced
	recording  bool   // between Checkpoint and Rollback or Commit
}

// undo is what one change replaced: the answer to id, the skip of id.
type undo struct {
	id                string
	answer            Answer
	answered, skipped bool
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

// Set records an answer, replacing any earlier one (and a skip).
func (a *Answers) Set(id string, ans Answer) {
	a.record(id)
	if a.values == nil {
		a.values = map[string]Answer{}
	}
	a.values[id] = ans
	delete(a.skipped, id)
}

// Skip records that the person left optional question id unanswered, forgetting any answer.
func (a *Answers) Skip(id string) {
	a.record(id)
	if a.skipped == nil {
		a.skipped = map[string]bool{}
	}
	delete(a.values, id)
	a.skipped[id] = true
}

// Skipped reports whether question id was skipped.
func (a *Answers) Skipped(id string) bool { return a.skipped[id] }

// Delete forgets the answer to question id, or that it was skipped.
func (a *Answers) Delete(id string) {
	a.record(id)
	delete(a.values, id)
	delete(a.skipped, id)
}

// Len is the number of questions answered.
func (a *Answers) Len() int { return len(a.values) }

// IDs lists the answered question ids, sorted.
func (a *Answers) IDs() []string { return slices.Sorted(maps.Keys(a.values)) }

// Checkpoint starts recording the changes made to the answers, for Rollback. A plan tries each
// step on the answers so far and takes back the changes of a step that closes nothing: a copy
// made for every step was a tenth of what scoring a cohort cost.
func (a *Answers) Checkpoint() { a.undo, a.recording = a.undo[:0], true }

// Rollback takes back every change since Checkpoint, and stops recording.
func (a *Answers) Rollback() {
	for _, u := range slices.Backward(a.undo) {
		delete(a.values, u.id)
		delete(a.skipped, u.id)
		if u.answered {
			a.values[u.id] = u.answer
		}
		if u.skipped {
			a.skipped[u.id] = true
		}
	}
	a.undo, a.recording = a.undo[:0], false
}

// Commit keeps the changes since Checkpoint, and stops recording.
func (a *Answers) Commit() { a.undo, a.recording = a.undo[:0], false }

func (a *Answers) record(id string) {
	if a.recording {
		ans, answered := a.values[id]
		a.undo = append(a.undo, undo{id, ans, answered, a.skipped[id]})
	}
}

// Clone returns an independent copy.
func (a *Answers) Clone() *Answers {
	// Sized at once: a plan clones a person's answers several times, and growing the map was
	// most of what a clone cost.
	c := &Answers{Respondent: a.Respondent, values: make(map[string]Answer, len(a.values))}
	for id, ans := range a.values {
		ans.Choices = slices.Clone(ans.Choices)
		c.values[id] = ans
	}
	if len(a.skipped) > 0 {
		c.skipped = maps.Clone(a.skipped)
	}
	return c
}

// MarshalJSON writes the answers as an answers file's "answers" mapping, ids in sorted order: a
// saved report carries them, so that compare scores them again rather than trust the report.
// Written by hand: every report of a cohort's JSON carries them, and a map through encoding/json
// cost twenty allocations a report.
func (a *Answers) MarshalJSON() ([]byte, error) {
	b := make([]byte, 1, 2+32*len(a.values))
	b[0] = '{'
	var err error
	for i, id := range a.IDs() {
		if i > 0 {
			b = append(b, ',')
		}
		if b, err = jsontext.AppendQuote(b, id); err != nil {
			return nil, err
		}
		b = append(b, ':')
		switch ans := a.values[id]; ans.Kind {
		case OneOf:
			b, err = jsontext.AppendQuote(b, ans.Choice)
		case AnyOf:
			b = append(b, '[')
			for j, c := range ans.Choices {
				if j > 0 {
					b = append(b, ',')
				}
				if b, err = jsontext.AppendQuote(b, c); err != nil {
					return nil, err
				}
			}
			b = append(b, ']')
		default:
			b = strconv.AppendInt(b, int64(ans.Rating), 10)
		}
		if err != nil {
			return nil, err
		}
	}
	return append(b, '}'), nil
}
