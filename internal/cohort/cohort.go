// Package cohort writes synthetic cohorts of answers files, for benchmarks and for trying
// `hitready score` on a realistic number of students. The answers are random but complete and
// consistent, drawn from a fixed seed so that runs compare.
package cohort

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"

	"github.com/hitready/hitready/questions"
)

// Generate writes n answers files into dir, spread over subfolders of 500 as an advisor's
// export by class might be, and returns their paths in the lexical order score reads them.
func Generate(bank *questions.Bank, dir string, n int, seed uint64) ([]string, error) {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	var paths []string
	for i := range n {
		sub := filepath.Join(dir, fmt.Sprintf("class-%03d", i/500))
		if i%500 == 0 {
			if err := os.MkdirAll(sub, 0o700); err != nil {
				return nil, err
			}
		}
		a := Person(bank, rng)
		a.Respondent = fmt.Sprintf("Student %05d", i)
		data, err := bank.EncodeAnswers(a)
		if err != nil {
			return nil, err
		}
		path := filepath.Join(sub, fmt.Sprintf("student-%05d.yaml", i))
		if err := os.WriteFile(path, data, 0o600); err != nil {
			return nil, err
		}
		paths = append(paths, path)
	}
	return paths, nil
}

// Person draws one complete, consistent set of answers: every question asked is answered.
func Person(bank *questions.Bank, rng *rand.Rand) *questions.Answers {
	return bank.Draw(rng, func(*questions.Question) bool { return false })
}
