package assessment

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hitready/hitready/internal/cohort"
	"github.com/hitready/hitready/internal/inputerr"
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
// that keeps the promises: scores are finite and within 0-100, and improving an answer never
// lowers the score nor worsens the verdict (checked over random people and every single-step
// improvement of each, as TestPropertyImprovingAnAnswerNeverHurts does for the embedded profile).
func FuzzParseProfile(f *testing.F) {
	bank, _ := setup(f)
	f.Add(profileYAML)
	f.Add([]byte("id: x\nthresholds: {ready: 50, nearly_ready: 10}\nmajor_below: 0.5\nareas: [{id: a, title: A, weight: 1}]\nrequirements: [{id: r, area: a, weight: 1, requirement: R, target: T, source: S, credit: [{question: skills.empathy, target: 3}], next_steps: [{text: N}]}]\n"))
	f.Add([]byte("id: x\nthresholds: {ready: 50, nearly_ready: 10}\nmajor_below: 0.5\nareas: [{id: a, title: A, weight: 1e6}]\nrequirements: [{id: r, area: a, weight: 1, requirement: R, target: T, source: S, credit: [{question: education.field, values: {hit: 1, related: 0.5, other: 0}}], next_steps: [{text: N}]}]\n"))
	f.Add([]byte("id: x\nthresholds: {ready: 50, nearly_ready: 10}\nmajor_below: 0.5\nareas: [{id: a, title: A, weight: 1}]\nrequirements: [{id: r, area: a, weight: 1, requirement: R, target: T, source: S, credit: [{question: education.level, values: {none: 0, high-school: 0, some-college: 0.5, associate: 0.5, bachelor: 1, master: 1}}, {question: education.field, values: {hit: 1, related: 1, other: 1}}], next_steps: [{text: N}]}]\n"))
	f.Add([]byte("id: [\n"))
	f.Add([]byte("areas: &a [*a]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		// The plan's promises have their own tests (promises_test.go): here, the profile's checks.
		p, err := parseProfile("fuzz.yaml", data, bank.Lang(), given(bank), readStrict[Profile], false)
		if err != nil {
			if !errors.Is(err, inputerr.ErrInvalid) || !strings.HasPrefix(err.Error(), "fuzz.yaml") {
				t.Fatalf("refusal %v", err)
			}
			return
		}
		rng := rand.New(rand.NewPCG(uint64(len(data)), 10))
		for range 20 {
			a := cohort.Person(bank, rng)
			before := Score(p, a)
			checkFinite(t, before)
			for _, better := range improvements(bank, a) {
				after := Score(p, better)
				checkFinite(t, after)
				if after.Score < before.Score || after.Verdict.Rank() < before.Verdict.Rank() {
					t.Fatalf("an accepted profile lets a better answer score less: %v -> %v lowered %v %s to %v %s",
						describe(a), describe(better), before.Score, before.Verdict, after.Score, after.Verdict)
				}
			}
		}
	})
}

// checkFinite fails on a score that is NaN, infinite or outside 0-100, overall or in an area.
func checkFinite(t *testing.T, r Report) {
	t.Helper()
	scores := []float64{r.Score}
	for _, a := range r.Areas {
		scores = append(scores, a.Score)
	}
	for _, s := range scores {
		if math.IsNaN(s) || s < 0 || s > 100 {
			t.Fatalf("score %v from an accepted profile", s)
		}
	}
}

// The profile check is exactly as strict as the promise: over random credits for every one-of
// factor of the embedded profile, each profile it accepts keeps "a better answer never scores
// less" for random people and all their improvements, and it accepts some and refuses others.
func TestRandomCreditsAreRefusedOrMonotone(t *testing.T) {
	bank, _ := setup(t)
	values := regexp.MustCompile(`question: (\S+)(\s+)values: \{([^}]*)\}`)
	rng := rand.New(rand.NewPCG(10, 2026))
	credits := []float64{0, 0.25, 0.5, 1}
	accepted, refused := 0, 0
	for range 400 {
		data := values.ReplaceAllStringFunc(string(profileYAML), func(m string) string {
			sub := values.FindStringSubmatch(m)
			q, _ := bank.Question(sub[1])
			var names []string
			for _, pair := range strings.Split(sub[3], ",") {
				name, _, _ := strings.Cut(strings.TrimSpace(pair), ":")
				names = append(names, name)
			}
			drawn := make([]float64, len(names))
			for i := range drawn {
				drawn[i] = credits[rng.IntN(len(credits))]
			}
			// Mostly credits that rise along the question's order, so that many profiles pass
			// the per-factor check and the conditional one is exercised; sometimes any credits.
			if q.Ordered != questions.Unordered && rng.IntN(10) > 0 {
				slices.Sort(drawn)
				slices.SortFunc(names, func(a, b string) int { return q.Rank(a) - q.Rank(b) })
			}
			var pairs []string
			for i, name := range names {
				pairs = append(pairs, fmt.Sprintf("%s: %g", name, drawn[i]))
			}
			return "question: " + sub[1] + sub[2] + "values: {" + strings.Join(pairs, ", ") + "}"
		})
		p, err := parseProfile("random.yaml", []byte(data), bank.Lang(), given(bank), readStrict[Profile], false)
		if err != nil {
			if !strings.Contains(err.Error(), "must not fall") && !strings.Contains(err.Error(), "the credit falls") {
				t.Fatalf("refused for another reason: %v", err)
			}
			refused++
			continue
		}
		accepted++
		for range 10 {
			a := cohort.Person(bank, rng)
			before := Score(p, a)
			for _, better := range improvements(bank, a) {
				if after := Score(p, better); after.Score < before.Score || after.Verdict.Rank() < before.Verdict.Rank() {
					t.Fatalf("accepted credits let %v -> %v fall from %v to %v:\n%s", describe(a), describe(better), before.Score, after.Score, data)
				}
			}
		}
	}
	t.Logf("accepted %d, refused %d", accepted, refused)
	if accepted < 5 || refused < 5 {
		t.Errorf("accepted %d, refused %d: the generator does not test both sides", accepted, refused)
	}
}
