package assessment

import (
	"errors"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/hitready/hitready/internal/inputerr"
	"github.com/hitready/hitready/questions"
)

// The embedded profile, credentials and steps keep the plan's promises: checked here, once,
// rather than at every start (promises.go).
func TestEmbeddedDataKeepsThePromises(t *testing.T) {
	_, p := setup(t)
	if err := p.checkPromises(); err != nil {
		t.Fatal(err)
	}
}

// promiseCase is custom data that breaks a promise of the plan, and what its refusal says.
type promiseCase struct {
	name   string
	refuse func() error
	want   []string
}

// brokenPromises are custom profiles and steps files refused for a promise they would break, read
// with bank and checked against p (both in one language).
func brokenPromises(t testing.TB, bank *questions.Bank, p *Profile) []promiseCase {
	profile, steps := string(profileYAML), string(stepsYAML)
	lineOf := func(data, text string) string {
		return strconv.Itoa(strings.Count(data[:strings.Index(data, text)], "\n") + 1)
	}
	withSteps := func(data string) error {
		s, err := ParseSteps("s.yaml", []byte(data), p, p.credentials)
		if err != nil {
			t.Fatal(err)
		}
		q := *p
		return q.UseCredentialsAndSteps(nil, s)
	}
	degree := strings.Replace(profile, "values: {none: 0, high-school: 0.2, some-college: 0.4, associate: 1, bachelor: 1, master: 1}",
		"values: {none: 0, high-school: 0.2, some-college: 0.2, associate: 0.5, bachelor: 0.75, master: 1}", 1)
	lowers := strings.Replace(steps, "    changes:\n      raise: {education.level: bachelor}\n      set: {education.field: hit, education.accredited: \"yes\", education.program: \"no\"}",
		"    changes:\n      set: {education.level: high-school}", 1)
	unclosed := steps[:strings.Index(steps, "  # Skills: practise each one.")]
	nobody := strings.Replace(profile, "  ready: 85\n", "  ready: 100\n", 1)
	nobody = strings.Replace(nobody, "values: {none: 0, high-school: 0, some-college: 0.25, associate: 0.5, bachelor: 1, master: 1}",
		"values: {none: 0, high-school: 0, some-college: 0.25, associate: 0.5, bachelor: 0.5, master: 0.5}", 1)
	parse := func(data string) func() error {
		return func() error { _, err := ParseProfile("custom.yaml", []byte(data), bank); return err }
	}
	return []promiseCase{
		{"degree credits that the program cannot meet (issue 16's example)", parse(degree), []string{"custom.yaml:" + lineOf(degree, "  - id: education.degree"), "education.degree",
			`the embedded steps step "program" says it closes education.degree, but its changes leave it unmet`}},
		{"a step that lowers an answer", func() error { return withSteps(lowers) },
			[]string{"s.yaml:" + lineOf(lowers, "  - id: bachelor\n"), "bachelor", "lowers an answer: education.degree falls from a credit of 1"}},
		{"a gap no step closes", func() error { return withSteps(unclosed) }, []string{"s.yaml:", "skills.", "no step closes this gap"}},
		{"nobody can be ready", parse(nobody), []string{"custom.yaml:" + lineOf(nobody, "thresholds:"),
			"nobody can be ready under this profile: the best answers score 97.0, under thresholds.ready (100.0)"}},
	}
}

// Custom data that would break a promise of the plan for some person is refused when it loads,
// with the file, the line, what breaks and one person for whom it does (issue 16, point 6).
func TestCustomDataThatBreaksThePlanIsRefused(t *testing.T) {
	bank, p := setup(t)
	person := regexp.MustCompile(`for example for the person with education\.level=\S+ .*skills\.computer=[1-5]`)
	for _, tt := range brokenPromises(t, bank, p) {
		t.Run(tt.name, func(t *testing.T) { checkRefusal(t, tt.refuse(), person, tt.want...) })
	}
	t.Run("an exam the person may not sit yet", func(t *testing.T) {
		c, _ := p.credentials.Get("rhit")
		exam := &candidate{step: &p.steps.Steps[slicesIndex(p.steps.Steps, "exam-rhit")]}
		a := answersOf(t, bank, "education.level=high-school")
		f := &planFor{p: p, cs: p.credentials, a: a, gaps: p.scoreOnly(a).Gaps}
		if c.standing(bank, a).MaySit() || f.sitsTooEarly(exam, a) == nil {
			t.Fatal("an exam sat before the person may sit it is not found")
		}
	})
}

func slicesIndex(steps []Step, id string) int {
	for i := range steps {
		if steps[i].ID == id {
			return i
		}
	}
	return -1
}

// checkRefusal holds a refusal to the file and line, the words and one person.
func checkRefusal(t *testing.T, err error, person *regexp.Regexp, want ...string) {
	t.Helper()
	if err == nil || !errors.Is(err, inputerr.ErrInvalid) {
		t.Fatalf("not refused as invalid input: %v", err)
	}
	for _, w := range want {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("%q lacks %q", err, w)
		}
	}
	if !person.MatchString(err.Error()) {
		t.Errorf("%q names no person", err)
	}
}

// Loading the embedded data checks nothing at run time: its promises are this package's tests.
// A custom profile pays for the check once, when it loads.
func BenchmarkLoadEmbeddedProfile(b *testing.B) {
	bank, _ := setup(b)
	for b.Loop() {
		if _, err := DefaultProfile(bank); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoadCustomProfile(b *testing.B) {
	bank, _ := setup(b)
	for b.Loop() {
		if _, err := ParseProfile("custom.yaml", profileYAML, bank); err != nil {
			b.Fatal(err)
		}
	}
}
