package assessment

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/hitready/hitready/questions"
)

// Any answers the decoder accepts score within 0-100, with a verdict from the contract, and
// without a panic; incomplete ones too (unanswered questions earn nothing).
func FuzzScore(f *testing.F) {
	bank, p := setup(f)
	for _, seed := range []string{
		"answers: {education.level: master, education.field: hit, coursework: [anatomy], certification.ahima: passed, certification.credential: rhit, skills.empathy: 5}",
		"answers: {}",
		"answers: {work.settings: [hospitals, hospitals]}",
		"answers: {education.level: none, skills.computer: 1}",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := bank.DecodeAnswers("fuzz.yaml", data)
		if err != nil {
			return
		}
		r := Score(p, a)
		if math.IsNaN(r.Score) || r.Score < 0 || r.Score > 100 {
			t.Fatalf("score %v", r.Score)
		}
		switch r.Verdict {
		case Ready, NearlyReady, NotReady:
		default:
			t.Fatalf("verdict %q", r.Verdict)
		}
		unmet := 0
		for _, req := range r.Requirements {
			if !req.Met {
				unmet++
			}
		}
		if unmet != len(r.Gaps) {
			t.Fatalf("%d unmet requirements, %d gaps", unmet, len(r.Gaps))
		}
	})
}

// Any bytes given as a profile are refused with a message naming the file, or make a profile
// whose scores stay within 0-100.
func FuzzParseProfile(f *testing.F) {
	bank, _ := setup(f)
	f.Add(profileYAML)
	f.Add([]byte("id: x\nthresholds: {ready: 50, nearly_ready: 10}\nareas: [{id: a, title: A, weight: 1}]\nrequirements: [{id: r, area: a, weight: 1, requirement: R, target: T, source: S, credit: [{question: skills.empathy, target: 3}], next_steps: [{text: N}]}]\n"))
	f.Add([]byte("id: [\n"))
	f.Add([]byte("areas: &a [*a]\n"))
	people := []*questions.Answers{person("master", "hit", allCourses, "passed", 5), person("none", "", nil, "none", 1)}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := ParseProfile("fuzz.yaml", data, bank)
		if err != nil {
			if !errors.Is(err, questions.ErrInvalid) || !strings.HasPrefix(err.Error(), "fuzz.yaml") {
				t.Fatalf("refusal %v", err)
			}
			return
		}
		for _, a := range people {
			r := Score(p, a)
			if math.IsNaN(r.Score) || r.Score < 0 || r.Score > 100 {
				t.Fatalf("score %v from an accepted profile", r.Score)
			}
		}
	})
}
