package assessment

import (
	"math/rand/v2"
	"testing"

	"github.com/hitready/hitready/internal/cohort"
	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/questions"
)

var sinkReport Report

func BenchmarkScore(b *testing.B) {
	bank, p := setup(b)
	people := benchPeople(bank)
	i := 0
	for b.Loop() {
		sinkReport = Score(p, people[i%len(people)])
		i++
	}
}

// The score alone, without the path (credentials and plan), to show what the path costs.
func BenchmarkScoreWithoutPath(b *testing.B) {
	bank, p := setup(b)
	people := benchPeople(bank)
	i := 0
	for b.Loop() {
		sinkReport = p.scoreOnly(people[i%len(people)])
		i++
	}
}

// benchPeople are 256 generated people, the same for every benchmark, so their numbers compare.
func benchPeople(bank *questions.Bank) []*questions.Answers {
	rng := rand.New(rand.NewPCG(1, 2))
	people := make([]*questions.Answers, 256)
	for i := range people {
		people[i] = cohort.Person(bank, rng)
	}
	return people
}

// What every command pays on start for the embedded bank and profile, with the outlook,
// credentials and steps (go test ./assessment -run '^$' -bench LoadDefault -benchmem).
func BenchmarkLoadDefault(b *testing.B) {
	for _, l := range []i18n.Lang{i18n.English, i18n.Spanish} {
		b.Run(string(l), func(b *testing.B) {
			for b.Loop() {
				if _, err := LoadDefault(l); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
