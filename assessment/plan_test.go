package assessment

import (
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/hitready/hitready/internal/cohort"
	"github.com/hitready/hitready/questions"
)

// answersOf builds answers from id=value pairs; coursework and work.settings are comma lists.
func answersOf(t testing.TB, bank *questions.Bank, pairs ...string) *questions.Answers {
	t.Helper()
	a := questions.NewAnswers()
	for _, pair := range pairs {
		id, ans, err := bank.ParseSet(pair)
		if err != nil {
			t.Fatalf("%s: %v", pair, err)
		}
		a.Set(id, ans)
	}
	return a
}

func readExample(t testing.TB, bank *questions.Bank, name string) *questions.Answers {
	t.Helper()
	path := "../examples/" + name
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	a, err := bank.DecodeAnswers(path, data)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

var ratings4 = func() []string {
	var out []string
	for _, id := range skillIDs {
		out = append(out, id+"=4")
	}
	return out
}()

func stepIDs(plan []PlanStep) []string {
	var out []string
	for _, s := range plan {
		out = append(out, s.ID)
	}
	return out
}

// The four examples, the eight people of issue 16 and the people the rules are about: the plan's
// steps in order, the credentials' statuses and how step 1 begins.
func TestPlanOrdersTheSteps(t *testing.T) {
	bank, p := setup(t)
	person := func(pairs ...string) *questions.Answers { return answersOf(t, bank, append(pairs, ratings4...)...) }
	const allCourses = "coursework=anatomy,physiology,medical-terminology,medical-coding,statistics,database-management"
	tests := []struct {
		name     string
		answers  *questions.Answers
		steps    []string
		statuses string // cca rhit rhia ccs
		first    string // the start of step 1's action
	}{
		{"example not-ready: high school: the program (which teaches clinical knowledge and reimbursement), then the RHIT", readExample(t, bank, "not-ready.yaml"),
			[]string{"program", "exam-rhit", "practise", "practise", "practise", "bachelor"},
			"eligible not-yet not-yet eligible", "Complete a CAHIIM-accredited associate's program"},
		{"example nearly-ready: CCA held, courses then skills", readExample(t, bank, "nearly-ready.yaml"),
			[]string{"course", "course", "course", "practise", "practise", "practise", "practise", "bachelor"},
			"held not-yet not-yet eligible", "Take a physiology course"},
		{"example ready: a bachelor's later, if they wish", readExample(t, bank, "ready.yaml"),
			[]string{"bachelor"}, "eligible held not-yet eligible", "If you wish, later, a bachelor's"},
		{"example student: some college, no exam", readExample(t, bank, "student.json"),
			[]string{"program", "exam-rhit", "practise", "practise", "practise", "practise", "practise", "practise", "practise", "practise", "bachelor"},
			"eligible not-yet not-yet eligible", "Complete a CAHIIM-accredited associate's program"},

		// Issue 16's eight people.
		{"no diploma: the diploma and the program first (no college takes a person without), then the RHIT",
			person("education.level=none", "coursework=", "certification.ahima=none"),
			[]string{"program-no-diploma", "exam-rhit", "bachelor"},
			"not-yet not-yet not-yet not-yet", "Earn a high-school diploma or an equivalent (such as the GED), then complete"},
		{"a high-school graduate: the program, then the RHIT, which it opens (early, in its last term)",
			person("education.level=high-school", "coursework=", "certification.ahima=none", "education.program=no"),
			[]string{"program", "exam-rhit", "bachelor"}, "eligible not-yet not-yet eligible", "Complete a CAHIIM-accredited associate's program"},
		{"a high-school graduate with anatomy, physiology, terminology and coding: the CCA now, as AHIMA recommends",
			person("education.level=high-school", "coursework=anatomy,physiology,medical-terminology,medical-coding", "certification.ahima=none"),
			[]string{"exam-cca", "program", "bachelor"}, "eligible not-yet not-yet eligible",
			"Sit the CCA exam; your high-school diploma or equivalent makes you eligible now, and your courses in anatomy, physiology, medical terminology and coding are the training AHIMA recommends."},
		{"a final-term student of an accredited HIT associate's: the RHIT, early, not the RHIA",
			person("education.level=some-college", "education.program=final-term", "education.program-level=associate", "education.accredited=yes",
				"coursework=anatomy,physiology,medical-terminology,medical-coding,statistics", "certification.ahima=preparing"),
			[]string{"exam-rhit", "program-final-term", "bachelor"}, "eligible eligible-early not-yet eligible",
			"Sit the RHIT exam, the credential named for this job; as a final-term student of a CAHIIM-accredited associate's program you may test early."},
		{"an accredited HIT associate's, then a business bachelor's: the RHIT now",
			person("education.level=bachelor", "education.field=other", "education.him=associate", "education.program=no", "education.accredited=yes", allCourses, "certification.ahima=none"),
			[]string{"exam-rhit", "program-counts-4year"}, "eligible eligible not-yet eligible",
			"Sit the RHIT exam, the credential named for this job; your CAHIIM-accredited health information program makes you eligible now."},
		{"a business bachelor's with an accredited post-bachelor's HIM certificate: the RHIA now",
			person("education.level=bachelor", "education.field=other", "education.him=certificate", "education.program=no", "education.accredited=yes", allCourses, "certification.ahima=none"),
			[]string{"exam-rhia", "program-counts-4year"}, "eligible not-yet eligible eligible", "Sit the RHIA exam"},
		{"a nurse with a related associate's who holds the CCA: the courses, no program, nothing about the CCA",
			person("education.level=associate", "education.field=related", "education.him=none", "education.program=no",
				"coursework=anatomy,physiology,medical-terminology,medical-coding", "certification.ahima=passed", "certification.credential=cca", "experience.coding=6-months-to-2-years"),
			[]string{"course", "course", "bachelor"}, "held not-yet not-yet eligible", "Take an introductory statistics course"},
		{"an RHIT holder with two years of coding: the bachelor's, if they wish",
			person("education.level=associate", "education.field=hit", "education.accredited=yes", allCourses, "certification.ahima=passed", "certification.credential=rhit", "experience.coding=2-years-or-more"),
			[]string{"bachelor"}, "eligible held not-yet eligible", "If you wish, later"},

		// The rules.
		{"a coding course alone is not AHIMA's recommended training: the program, then the RHIT",
			person("education.level=high-school", "coursework=medical-coding", "certification.ahima=none"),
			[]string{"program", "exam-rhit", "bachelor"}, "eligible not-yet not-yet eligible", "Complete a CAHIIM-accredited associate's program"},
		{"six months of coding work: the CCA now",
			person("education.level=high-school", "coursework=anatomy", "certification.ahima=none", "experience.coding=6-months-to-2-years"),
			[]string{"exam-cca", "program", "bachelor"}, "eligible not-yet not-yet eligible",
			"Sit the CCA exam; your high-school diploma or equivalent makes you eligible now, and your coding experience is what AHIMA recommends."},
		{"a related degree, no coding course: the coding course, then the CCA it completes the training for",
			person("education.level=associate", "education.field=related", "coursework=anatomy,physiology,medical-terminology,statistics", "certification.ahima=none"),
			[]string{"course", "exam-cca", "course", "bachelor"}, "eligible not-yet not-yet eligible", "Take a medical coding course"},
		{"a booked exam is acknowledged, prepared or not",
			person("education.level=high-school", "coursework=", "certification.ahima=scheduled"),
			[]string{"exam-cca", "program", "bachelor"}, "eligible not-yet not-yet eligible",
			"Sit the exam you have booked; for the CCA, your high-school diploma or equivalent makes you eligible now."},
		{"HIT graduate of an accredited program: the RHIT now",
			person("education.level=associate", "education.field=hit", "education.accredited=yes", allCourses, "certification.ahima=none"),
			[]string{"exam-rhit", "bachelor"}, "eligible eligible not-yet eligible",
			"Sit the RHIT exam, the credential named for this job; your degree from a CAHIIM-accredited health information program makes you eligible now."},
		{"HIM bachelor's graduate: the RHIA, which they may sit",
			person("education.level=bachelor", "education.field=hit", "education.accredited=yes", allCourses, "certification.ahima=none"),
			[]string{"exam-rhia"}, "eligible eligible eligible eligible", "Sit the RHIA exam"},
		{"final term of an accredited HIM bachelor's after an HIT associate's: the RHIA early, then the program they are in",
			person("education.level=associate", "education.field=hit", "education.accredited=yes", "education.program=final-term", "education.program-level=bachelor", allCourses, "certification.ahima=none"),
			[]string{"exam-rhia", "program-4year"}, "eligible eligible eligible-early eligible",
			"Sit the RHIA exam, the registration for a bachelor's or master's in health information management; as a final-term student"},
		{"enrolled in a program that is not accredited: finish it, then the CCA it prepares for; no word of the CCA staying open",
			person("education.level=high-school", "education.program=yes", "education.accredited=no", "coursework=anatomy", "certification.ahima=none"),
			[]string{"program-not-accredited", "exam-cca", "bachelor"}, "eligible not-yet not-yet eligible", "Finish your health information program"},
		{"a degree in another field: the program builds on it",
			person("education.level=bachelor", "education.field=other", "education.him=none", "education.program=no", allCourses,
				"certification.ahima=passed", "certification.credential=cca"),
			[]string{"program-other-field"}, "held not-yet not-yet eligible", "Your degree is in another field."},
		{"nothing missing: an empty plan",
			person("education.level=bachelor", "education.field=hit", "education.accredited=yes", allCourses, "certification.ahima=passed", "certification.credential=rhia"),
			nil, "eligible eligible held eligible", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Score(p, tt.answers)
			if got := stepIDs(r.Plan); !slices.Equal(got, tt.steps) {
				t.Errorf("steps %v, want %v", got, tt.steps)
			}
			var statuses []string
			for _, c := range r.Credentials {
				statuses = append(statuses, string(c.Status))
			}
			if got := strings.Join(statuses, " "); got != tt.statuses {
				t.Errorf("statuses %q, want %q", got, tt.statuses)
			}
			if len(r.Plan) > 0 && !strings.HasPrefix(r.Plan[0].Action, tt.first) {
				t.Errorf("step 1: %q, want it to start with %q", r.Plan[0].Action, tt.first)
			}
			checkPlan(t, p, tt.answers, r)
			checkMissing(t, r)
			for _, s := range r.Plan {
				if strings.Contains(s.Action, "stays open") {
					t.Errorf("step %d: %q", s.Step, s.Action)
				}
			}
		})
	}
}

// checkPlan holds a plan to the contract: replayed step by step, each step's changes meet what it
// closes and nothing it closes was met before; an exam is sat only when the person may sit it at
// that point; every gap is closed exactly once; the end has no gaps; no gaps means no plan.
func checkPlan(t testing.TB, p *Profile, a *questions.Answers, r Report) {
	t.Helper()
	if len(r.Gaps) == 0 {
		if len(r.Plan) != 0 {
			t.Fatalf("no gaps but a plan of %d steps", len(r.Plan))
		}
		return
	}
	closed := map[string]int{}
	state := a.Clone()
	byID := map[string]*Step{}
	for i := range p.steps.Steps {
		byID[p.steps.Steps[i].ID] = &p.steps.Steps[i]
	}
	for i, s := range r.Plan {
		if s.Step != i+1 || s.Action == "" || len(s.Closes) == 0 {
			t.Fatalf("step %d: %+v", i+1, s)
		}
		before := p.scoreOnly(state)
		for _, id := range s.Closes {
			closed[id]++
			if slices.ContainsFunc(before.Requirements, func(x Result) bool { return x.ID == id && x.Met }) {
				t.Fatalf("step %d closes %s, already met", s.Step, id)
			}
		}
		if s.Credential != "" {
			c, _ := p.credentials.Get(s.Credential)
			if st := c.Status(p.bank, state); !st.Status.MaySit() {
				t.Fatalf("step %d sits the %s exam, but the person is %s at that point: %v", s.Step, s.Credential, st.Status, describe(state))
			}
		}
		st := byID[s.ID]
		applyStep(p, st, s.Closes, state)
		after := p.scoreOnly(state)
		for _, id := range s.Closes {
			if !slices.ContainsFunc(after.Requirements, func(x Result) bool { return x.ID == id && x.Met }) {
				t.Fatalf("step %d (%s) says it closes %s, but it is unmet after it: %v", s.Step, s.ID, id, describe(state))
			}
		}
		if err := p.bank.CheckConsistency(state); err != nil {
			t.Fatalf("step %d leaves inconsistent answers: %v", s.Step, err)
		}
	}
	for _, g := range r.Gaps {
		if closed[g.ID] != 1 {
			t.Fatalf("gap %s closed %d times by %v", g.ID, closed[g.ID], r.Plan)
		}
	}
	if len(closed) != len(r.Gaps) {
		t.Fatalf("the plan closes %d requirements for %d gaps", len(closed), len(r.Gaps))
	}
	if end := p.scoreOnly(state); len(end.Gaps) != 0 {
		t.Fatalf("after the plan %d gaps remain: %v", len(end.Gaps), end.Gaps[0].ID)
	}
}

// applyStep makes a plan step's changes to the answers; a per-gap step meets the one gap it closes.
func applyStep(p *Profile, st *Step, closes []string, a *questions.Answers) {
	c := &candidate{step: st}
	if st.PerGap && len(closes) == 1 {
		c.gap = &Gap{ID: closes[0]}
	}
	apply(p, c, a)
}

// The plan's promises over many generated people, each with random answers to the path
// questions (the generator answers every question asked, optional ones included).
func TestPropertyPlanClosesEveryGapOnce(t *testing.T) {
	bank, p := setup(t)
	rng := rand.New(rand.NewPCG(12, 2026))
	people := 5000
	if testing.Short() {
		people = 500
	}
	firsts := map[string]int{}
	for range people {
		a := cohort.Person(bank, rng)
		if rng.IntN(4) == 0 {
			for _, id := range []string{"education.program", "education.accredited", "experience.coding"} {
				a.Delete(id)
			}
		}
		r := Score(p, a)
		checkPlan(t, p, a, r)
		checkMissing(t, r)
		checkLivable(t, p, a, r)
		if len(r.Plan) > 0 {
			firsts[r.Plan[0].ID]++
		}
	}
	// The property only means something if the generator reaches the interesting paths.
	for _, id := range []string{"exam-cca", "exam-rhit", "exam-rhia", "program", "program-final-term", "program-not-accredited", "program-counts-4year",
		"program-4year", "course", "practise", "bachelor"} {
		if firsts[id] == 0 && !reached(t, p, bank, id) {
			t.Errorf("no generated person has a plan with %s: %v", id, firsts)
		}
	}
}

// reached tells whether any generated person's plan uses a step, anywhere.
func reached(t *testing.T, p *Profile, bank *questions.Bank, id string) bool {
	rng := rand.New(rand.NewPCG(7, 7))
	for range 2000 {
		if slices.Contains(stepIDs(Score(p, cohort.Person(bank, rng)).Plan), id) {
			return true
		}
	}
	return false
}

// Eligibility only grows as answers improve: no better answer (a higher level, a field closer to
// HIT, further in a program, an accredited program, more coding) lowers any credential's status.
func TestPropertyEligibilityOnlyGrows(t *testing.T) {
	bank, p := setup(t)
	rng := rand.New(rand.NewPCG(99, 12))
	people := 2000
	if testing.Short() {
		people = 200
	}
	checked := 0
	for range people {
		a := cohort.Person(bank, rng)
		before := p.credentials.statuses(p, a)
		nexts := improvements(bank, a)
		// The accredited question does not rank in the bank; yes is better than no or not sure.
		if ans, ok := a.Get("education.accredited"); ok && ans.Choice != "yes" {
			b := a.Clone()
			b.Set("education.accredited", questions.OneOfAnswer("yes"))
			nexts = append(nexts, b)
		}
		for _, b := range nexts {
			after := p.credentials.statuses(p, b)
			for i := range before {
				if after[i].Status.Rank() < before[i].Status.Rank() {
					t.Fatalf("%s went from %s to %s when %v became %v", before[i].ID, before[i].Status, after[i].Status, describe(a), describe(b))
				}
			}
			checked++
		}
	}
	if checked < people {
		t.Fatalf("only %d improvements checked", checked)
	}
}

// Random answers, consistent or not, complete or not: Plan keeps its promises or, for answers the
// decoder would refuse, at least does not panic.
func FuzzPlan(f *testing.F) {
	bank, p := setup(f)
	for _, seed := range []string{
		"answers: {education.level: high-school, coursework: [], certification.ahima: none}",
		"answers: {education.level: some-college, education.program: final-term, education.accredited: 'yes', coursework: [anatomy], certification.ahima: preparing}",
		"answers: {education.level: associate, education.field: other, education.program: 'no', experience.coding: 2-years-or-more}",
		"answers: {education.level: none}",
		"answers: {}",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := bank.DecodeAnswers("fuzz.yaml", data)
		if err != nil {
			return
		}
		r := Score(p, a)
		checkPlan(t, p, a, r)
		if len(r.Credentials) < 4 {
			t.Fatalf("%d credentials", len(r.Credentials))
		}
		if bank.CheckConsistency(a) == nil {
			checkLivable(t, p, a, r)
			checkMissing(t, r)
		}
	})
}

// checkLivable holds a plan to a path a person can live (issue 16, point 2):
//   - an exam comes after what prepares for it: once the person may sit it, at the latest right
//     after the step that makes them eligible (checkPlan), and the program's exam after the
//     program, whose teaching (clinical knowledge, reimbursement) no later step asks for again;
//   - a person who may sit the RHIA now, and lacks an AHIMA exam, is offered the RHIA;
//   - an optional step (a bachelor's later) closes only minor gaps and comes after every step
//     the job needs, so that it never reads as the next step of a person who has others;
//   - no step speaks of a credential "staying open" to the person;
//   - the CCS stands like the CCA (a diploma), held apart.
func checkLivable(t testing.TB, p *Profile, a *questions.Answers, r Report) {
	t.Helper()
	teaches := func(s PlanStep) bool { // a program that teaches the clinical knowledge and the reimbursement the job asks
		i := slices.IndexFunc(p.steps.Steps, func(st Step) bool { return st.ID == s.ID })
		return i >= 0 && slices.Contains(p.steps.Steps[i].Changes.MeetRequirements, "skills.clinical-knowledge")
	}
	program := slices.IndexFunc(r.Plan, teaches)
	for i, s := range r.Plan {
		if program >= 0 && i > program && s.ID == "practise" && (slices.Contains(s.Closes, "skills.clinical-knowledge") || slices.Contains(s.Closes, "skills.reimbursement")) {
			t.Fatalf("step %d asks for what the program of step %d teaches: %v", s.Step, program+1, stepIDs(r.Plan))
		}
		if strings.Contains(s.Action, "stays open") {
			t.Fatalf("step %d: %q", s.Step, s.Action)
		}
	}
	statusOf := func(id string) Status {
		return r.Credentials[slices.IndexFunc(r.Credentials, func(c CredentialStatus) bool { return c.ID == id })].Status
	}
	exam := slices.IndexFunc(r.Plan, func(s PlanStep) bool { return s.Credential != "" })
	if statusOf("rhia").MaySit() && exam >= 0 && r.Plan[exam].Credential != "rhia" {
		t.Fatalf("may sit the RHIA, but the plan sits the %s: %v", r.Plan[exam].Credential, describe(a))
	}
	lastNeeded := -1
	for i, s := range r.Plan {
		if !s.Optional {
			lastNeeded = i
		}
	}
	for i, s := range r.Plan {
		if !s.Optional {
			continue
		}
		if i < lastNeeded {
			t.Fatalf("optional step %d comes before step %d, which the job needs: %v", s.Step, lastNeeded+1, stepIDs(r.Plan))
		}
		for _, id := range s.Closes {
			if g := slices.IndexFunc(r.Gaps, func(g Gap) bool { return g.ID == id }); g < 0 || r.Gaps[g].Severity != Minor {
				t.Fatalf("optional step %d closes %s, which is not a minor gap", s.Step, id)
			}
		}
	}
	if cca, ccs := statusOf("cca"), statusOf("ccs"); cca != ccs && cca != Held && ccs != Held {
		t.Fatalf("the CCS is %s but the CCA %s: %v", ccs, cca, describe(a))
	}
}

func ExampleScore_plan() {
	bank, _ := questions.Load()
	p, _ := DefaultProfile(bank)
	a := questions.NewAnswers()
	a.Set("education.level", questions.OneOfAnswer("high-school"))
	a.Set("coursework", questions.AnyOfAnswer("medical-terminology"))
	a.Set("certification.ahima", questions.OneOfAnswer("none"))
	for _, id := range skillIDs {
		a.Set(id, questions.RatingAnswer(4))
	}
	for _, s := range Score(p, a).Plan {
		fmt.Printf("%d. %s (closes %d)\n", s.Step, s.Action, len(s.Closes))
	}
	// Output:
	// 1. Complete a CAHIIM-accredited associate's program in health information technology (CAHIIM's program directory lists them). (closes 6)
	// 2. Sit the RHIT exam, the credential named for this job; step 1 makes you eligible, and in its last term you may test early. (closes 1)
	// 3. If you wish, later, a bachelor's in health information management (CAHIIM-accredited) opens better jobs and the RHIA exam. (closes 1)
}

// The cohort summary groups students by the first step of their plan, by its action as the CSV's
// first_step gives it, counts who may sit each exam now, bins the scores, and names the files
// that could not be scored.
func TestSummaryGroupsByFirstStep(t *testing.T) {
	bank, p := setup(t)
	s := NewSummary(p)
	people := []*questions.Answers{
		readExample(t, bank, "not-ready.yaml"),    // the program
		readExample(t, bank, "student.json"),      // the program
		readExample(t, bank, "nearly-ready.yaml"), // a course; holds the CCA
		readExample(t, bank, "ready.yaml"),        // the bachelor's, if they wish; holds the RHIT
		answersOf(t, bank, append([]string{"education.level=some-college", "education.program=final-term", "education.program-level=associate",
			"education.accredited=yes", "coursework=anatomy", "certification.ahima=none"}, ratings4...)...), // the RHIT, early
	}
	for _, a := range people {
		s.Add(Score(p, a))
	}
	steps := s.FirstSteps()
	if len(steps) != 4 || steps[0].Action != "Complete a CAHIIM-accredited associate's program in health information technology (CAHIIM's program directory lists them)." || steps[0].Count != 2 {
		t.Errorf("first steps: %+v", steps)
	}
	want := map[string][3]int{"cca": {4, 0, 1}, "rhit": {0, 1, 1}, "rhia": {0, 0, 0}, "ccs": {5, 0, 0}}
	for _, c := range s.Eligibility() {
		if got := [3]int{c.Eligible, c.Early, c.Held}; got != want[c.ID] {
			t.Errorf("%s: eligible, early, held = %v, want %v", c.ID, got, want[c.ID])
		}
	}
	hist := s.Histogram(10)
	total := 0
	for _, n := range hist {
		total += n
	}
	if total != len(people) || hist[9] != 1 || hist[8] != 1 || hist[3] != 3 {
		t.Errorf("histogram %v", hist)
	}
	for i := range 25 {
		reason := map[bool]UnscoredReason{true: Incomplete, false: Invalid}[i%2 == 0]
		s.AddUnscored(fmt.Sprintf("bad-%d.yaml", i), reason)
	}
	first, all := s.Unscored()
	if all != 25 || len(first) != maxUnscored || first[0] != (Unscored{"bad-0.yaml", Incomplete}) || first[1].Reason != Invalid {
		t.Errorf("unscored: %d in all, first %v", all, first)
	}
	if s.Count != len(people) {
		t.Errorf("unscored files counted as students: %d", s.Count)
	}
}

// A custom profile keeps the embedded credentials and steps: requirements it lacks drop out of
// meets, steps meant for them never apply, and its own requirements are closed by their own next
// steps (the fallback), so every plan still closes every gap once.
func TestCustomProfileKeepsThePlanWhole(t *testing.T) {
	bank, _ := setup(t)
	data := strings.ReplaceAll(string(profileYAML), "certification.ahima\n    area: certification", "certification.exam\n    area: certification")
	data = strings.Replace(data, "id: coursework.statistics\n", "id: coursework.stats\n", 1)
	p, err := ParseProfile("custom.yaml", []byte(data), bank)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(5, 5))
	for range 500 {
		a := cohort.Person(bank, rng)
		r := Score(p, a)
		checkPlan(t, p, a, r)
		for _, c := range r.Credentials {
			if len(c.Meets) != 0 {
				t.Fatalf("%s meets %v, which the custom profile does not have", c.ID, c.Meets)
			}
		}
		for _, s := range r.Plan {
			if s.Credential != "" {
				t.Fatalf("an exam step for a profile without certification.ahima: %+v", s)
			}
		}
	}
}

// checkMissing holds what stands between a person and a credential to sentences about the
// person: none speaks of hitready, its commands or its question ids.
func checkMissing(t testing.TB, r Report) {
	t.Helper()
	for _, c := range r.Credentials {
		for _, m := range c.Missing {
			if strings.Contains(m, "hitready") || strings.Contains(m, "you hold one") || strings.Contains(m, "education.") ||
				strings.Contains(m, "{") || m == "" {
				t.Fatalf("%s: missing %q speaks of hitready's data, not of the person", c.ID, m)
			}
			// No status says "not yet" while its text says the person qualifies.
			if c.Status == NotYet && (strings.Contains(m, "qualifies you") || strings.Contains(m, "makes you eligible")) {
				t.Fatalf("%s: not yet, but %q", c.ID, m)
			}
		}
	}
}

// The CCA asks only for a diploma, but AHIMA recommends coding training or six months of coding
// work first: over many generated people, a plan sits an exam the body recommends preparation
// for only once the person is prepared at that point (unless they have booked it, or nothing in
// the plan could prepare them, which the step then says), and an exam that waits for the
// preparation comes right after the step that gives it, saying so.
func TestPropertyExamOnlyWhenPrepared(t *testing.T) {
	bank, p := setup(t)
	rng := rand.New(rand.NewPCG(31, 2026))
	people := 3000
	if testing.Short() {
		people = 300
	}
	byID := map[string]*Step{}
	for i := range p.steps.Steps {
		byID[p.steps.Steps[i].ID] = &p.steps.Steps[i]
	}
	waited := 0
	for range people {
		a := cohort.Person(bank, rng)
		r := Score(p, a)
		booked := false
		if ans, ok := a.Get("certification.ahima"); ok && ans.Choice == "scheduled" {
			booked = true
		}
		state := a.Clone()
		states := []*questions.Answers{state.Clone()} // before each step
		for i, s := range r.Plan {
			if s.Credential != "" {
				c, _ := p.credentials.Get(s.Credential)
				_, prepared := c.prepared(state)
				_, preparedAtStart := c.prepared(a)
				switch {
				case prepared || booked:
				case strings.Contains(s.Action, c.Recommended):
					if slices.ContainsFunc(r.Plan, func(x PlanStep) bool { return slices.Contains(x.Closes, "coursework.medical-coding") }) {
						t.Fatalf("the %s unprepared, though the plan has the coding course: %v", s.Credential, stepIDs(r.Plan))
					}
				default:
					t.Fatalf("step %d sits the %s unprepared: %q, %v", s.Step, s.Credential, s.Action, describe(state))
				}
				if !booked && !preparedAtStart && prepared && c.Status(p.bank, a).Status.MaySit() {
					// It waited for the preparation only: right after the step that gives it.
					waited++
					_, preparedBefore := c.prepared(states[max(i-1, 0)])
					if i == 0 || preparedBefore || !strings.Contains(s.Action, fmt.Sprintf(" step %d, ", i)) || !strings.Contains(s.Action, "AHIMA recommends") {
						t.Fatalf("step %d (%q) does not follow the step that prepares for it: %v", s.Step, s.Action, stepIDs(r.Plan))
					}
				}
			}
			applyStep(p, byID[s.ID], s.Closes, state)
			states = append(states, state.Clone())
		}
	}
	if waited == 0 {
		t.Fatal("no generated person waited for the coding training: the property checks nothing")
	}
}
