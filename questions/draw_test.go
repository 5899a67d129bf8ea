package questions

import (
	"math/rand/v2"
	"reflect"
	"testing"
)

// TestDrawAnswersWhatIsAsked: a drawn person is consistent, answers every question the answers
// ask unless skip says not to, and the same seed draws the same person.
func TestDrawAnswersWhatIsAsked(t *testing.T) {
	b := loadBank(t)
	never := func(*Question) bool { return false }
	optional := func(q *Question) bool { return q.Optional }
	for seed := range uint64(50) {
		for _, tc := range []struct {
			name string
			skip func(*Question) bool
		}{{"nothing skipped", never}, {"optional skipped", optional}} {
			a := b.Draw(rand.New(rand.NewPCG(seed, 1)), tc.skip)
			if err := b.CheckConsistency(a); err != nil {
				t.Fatalf("seed %d, %s: %v", seed, tc.name, err)
			}
			for i := range b.Questions {
				q := &b.Questions[i]
				_, answered := a.Get(q.ID)
				if want := b.Asks(q, a) == Asked && !tc.skip(q); answered != want {
					t.Errorf("seed %d, %s: %s answered %v, want %v", seed, tc.name, q.ID, answered, want)
				}
			}
		}
		first, again := b.Draw(rand.New(rand.NewPCG(seed, 1)), never), b.Draw(rand.New(rand.NewPCG(seed, 1)), never)
		if !reflect.DeepEqual(first, again) {
			t.Errorf("seed %d drew two people", seed)
		}
	}
}
