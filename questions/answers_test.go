package questions

import (
	"reflect"
	"testing"
)

// Rollback takes back every change since Checkpoint, whatever it was, and Commit keeps them: a
// plan tries each step on the answers and takes back a step that closes nothing.
func TestCheckpointRollbackCommit(t *testing.T) {
	person := func() *Answers {
		a := NewAnswers()
		a.Respondent = "Ana"
		a.Set("education.level", OneOfAnswer("associate"))
		a.Set("coursework", AnyOfAnswer("anatomy", "statistics"))
		a.Skip("work.settings")
		return a
	}
	for _, tt := range []struct {
		name   string
		change func(a *Answers)
	}{
		{"nothing", func(*Answers) {}},
		{"a new answer", func(a *Answers) { a.Set("skills.empathy", RatingAnswer(4)) }},
		{"an answer replaced", func(a *Answers) { a.Set("education.level", OneOfAnswer("bachelor")) }},
		{"the same answer twice", func(a *Answers) {
			a.Set("coursework", AnyOfAnswer("coding"))
			a.Set("coursework", AnyOfAnswer("coding", "anatomy"))
		}},
		{"a skip answered", func(a *Answers) { a.Set("work.settings", AnyOfAnswer("hospital")) }},
		{"an answer skipped", func(a *Answers) { a.Skip("education.level") }},
		{"deleted", func(a *Answers) {
			a.Delete("coursework")
			a.Delete("work.settings")
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a := person()
			a.Checkpoint()
			tt.change(a)
			changed := a.Clone()
			a.Rollback()
			if want := person(); !reflect.DeepEqual(a.Clone(), want.Clone()) {
				t.Errorf("after Rollback %+v, want %+v", a, want)
			}
			a.Checkpoint()
			tt.change(a)
			a.Commit()
			a.Rollback() // nothing recorded: changes no longer
			if !reflect.DeepEqual(a.Clone(), changed) {
				t.Errorf("after Commit %+v, want %+v", a, changed)
			}
		})
	}
}
