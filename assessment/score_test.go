package assessment

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/hitready/hitready/internal/cohort"
	"github.com/hitready/hitready/questions"
)

func setup(t testing.TB) (*questions.Bank, *Profile) {
	t.Helper()
	bank, err := questions.Load()
	if err != nil {
		t.Fatal(err)
	}
	p, err := DefaultProfile(bank)
	if err != nil {
		t.Fatal(err)
	}
	return bank, p
}

var skillIDs = []string{"skills.clinical-knowledge", "skills.reimbursement", "skills.empathy", "skills.ethics",
	"skills.composure", "skills.compassion", "skills.privacy", "skills.communication", "skills.organization", "skills.computer"}

// person builds a complete answer set: a degree level and field, coursework, an exam stage and
// one rating for every skill (or the ratings given).
func person(level, field string, coursework []string, exam string, ratings ...int) *questions.Answers {
	a := questions.NewAnswers()
	a.Set("education.level", questions.OneOfAnswer(level))
	if field != "" {
		a.Set("education.field", questions.OneOfAnswer(field))
	}
	a.Set("coursework", questions.AnyOfAnswer(coursework...))
	a.Set("certification.ahima", questions.OneOfAnswer(exam))
	if exam == "passed" {
		a.Set("certification.credential", questions.OneOfAnswer("rhit"))
	}
	for i, id := range skillIDs {
		a.Set(id, questions.RatingAnswer(ratings[min(i, len(ratings)-1)]))
	}
	return a
}

var allCourses = []string{"anatomy", "physiology", "medical-terminology", "medical-coding", "statistics", "database-management"}

func TestScoreExamples(t *testing.T) {
	_, p := setup(t)
	tests := []struct {
		name        string
		answers     *questions.Answers
		wantScore   float64
		wantVerdict Verdict
		wantGaps    []string // ids in order
	}{
		{"everything at its best", person("master", "hit", allCourses, "passed", 5), 100, Ready, nil},
		// associate earns half of education.advanced: education 90, the rest full
		{"associate, all met", person("associate", "hit", allCourses, "passed", 4), 97, Ready, []string{"education.advanced"}},
		{"no exam yet blocks however good the rest", person("bachelor", "hit", allCourses, "none", 5), 70, NotReady, []string{"certification.ahima"}},
		{"exam scheduled earns half but still blocks", person("bachelor", "hit", allCourses, "scheduled", 5), 85, NotReady, []string{"certification.ahima"}},
		// education 90*.3=27, certification 30, coursework 0, skills 0
		{"nothing blocks but a low score", person("associate", "hit", nil, "passed", 1), 57, NotReady,
			[]string{"coursework.anatomy", "coursework.physiology", "coursework.medical-terminology", "coursework.medical-coding",
				"coursework.statistics", "coursework.database-management",
				"skills.clinical-knowledge", "skills.reimbursement", "skills.empathy", "skills.ethics", "skills.composure",
				"skills.compassion", "skills.privacy", "skills.communication", "skills.organization", "skills.computer",
				"education.advanced"}},
		// skills all 3: 25*2/3 = 16.7
		{"nearly ready", person("associate", "hit", allCourses[:4], "passed", 3), 83.7, NearlyReady,
			[]string{"coursework.statistics", "coursework.database-management", "education.advanced",
				"skills.clinical-knowledge", "skills.reimbursement", "skills.empathy", "skills.ethics", "skills.composure",
				"skills.compassion", "skills.privacy", "skills.communication", "skills.organization", "skills.computer"}},
		{"degree in another field", person("associate", "other", allCourses, "passed", 4), 83.5, NotReady,
			[]string{"education.degree", "education.advanced"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Score(p, tt.answers)
			if r.Score != tt.wantScore || r.Verdict != tt.wantVerdict {
				t.Errorf("score %v %s, want %v %s", r.Score, r.Verdict, tt.wantScore, tt.wantVerdict)
			}
			var ids []string
			for _, g := range r.Gaps {
				ids = append(ids, g.ID)
			}
			if !slices.Equal(ids, tt.wantGaps) {
				t.Errorf("gaps %v\nwant %v", ids, tt.wantGaps)
			}
		})
	}
}

func TestReportShape(t *testing.T) {
	_, p := setup(t)
	a := person("high-school", "", []string{"anatomy"}, "preparing", 2)
	r := Score(p, a)
	if r.Schema != "hitready.report/v1" || r.Profile != "hit-technician" {
		t.Errorf("schema %q profile %q", r.Schema, r.Profile)
	}
	var areas []string
	for _, a := range r.Areas {
		areas = append(areas, a.ID)
	}
	if !slices.Equal(areas, []string{"education", "coursework", "certification", "skills"}) {
		t.Errorf("areas = %v", areas)
	}
	ids := map[string]Result{}
	for _, req := range r.Requirements {
		ids[req.ID] = req
	}
	for _, id := range append([]string{"education.degree", "certification.ahima", "coursework.anatomy", "coursework.database-management"}, skillIDs...) {
		if _, ok := ids[id]; !ok {
			t.Errorf("requirement %s missing from the report", id)
		}
	}
	if !ids["education.degree"].Blocking || !ids["certification.ahima"].Blocking || ids["skills.empathy"].Blocking {
		t.Error("degree and AHIMA exam must block, skills must not")
	}
	if !ids["coursework.anatomy"].Met || ids["coursework.physiology"].Met {
		t.Error("coursework met flags are wrong")
	}
	for _, g := range r.Gaps {
		if g.Requirement == "" || g.Current == "" || g.Target == "" || g.NextStep == "" {
			t.Errorf("gap %s has an empty sentence: %+v", g.ID, g)
		}
	}
	degree := r.Gaps[slices.IndexFunc(r.Gaps, func(g Gap) bool { return g.ID == "education.degree" })]
	if degree.Current != "High-school diploma or equivalent" || degree.Severity != Blocking {
		t.Errorf("degree gap: %+v", degree)
	}
	// One voice: a gap's next step is the action of the step of the path that closes it.
	for _, g := range r.Gaps {
		i := slices.IndexFunc(r.Plan, func(s PlanStep) bool { return slices.Contains(s.Closes, g.ID) })
		if i < 0 || g.NextStep != r.Plan[i].Action {
			t.Errorf("gap %s: next step %q, not the step of the path that closes it", g.ID, g.NextStep)
		}
	}
	// The profile's own advice is where no plan is made (Plan without steps, a saved report).
	if exam := p.scoreOnly(a).Gaps[slices.IndexFunc(r.Gaps, func(g Gap) bool { return g.ID == "certification.ahima" })]; !strings.HasPrefix(exam.NextStep, "Check your eligibility") {
		t.Errorf("a person preparing for the exam should get the 'preparing' advice, got %q", exam.NextStep)
	}
}

func TestGapsAreOrderedBySeverityThenWeight(t *testing.T) {
	_, p := setup(t)
	r := Score(p, person("some-college", "", []string{"anatomy"}, "none", 3, 2, 1))
	for i := 1; i < len(r.Gaps); i++ {
		prev, cur := r.Gaps[i-1], r.Gaps[i]
		if prev.Severity.rank() > cur.Severity.rank() {
			t.Errorf("%s (%s) comes before %s (%s)", prev.ID, prev.Severity, cur.ID, cur.Severity)
		}
		if prev.Severity == cur.Severity && prev.weight < cur.weight {
			t.Errorf("%s (weight %v) comes before %s (weight %v)", prev.ID, prev.weight, cur.ID, cur.weight)
		}
	}
	if r.Gaps[0].Severity != Blocking || r.Gaps[len(r.Gaps)-1].Severity != Minor {
		t.Errorf("first gap %s, last gap %s", r.Gaps[0].Severity, r.Gaps[len(r.Gaps)-1].Severity)
	}
}

func TestSeverityOfSkillGapsFollowsTheRating(t *testing.T) {
	_, p := setup(t)
	r := Score(p, person("associate", "hit", allCourses, "passed", 1, 2, 3, 4))
	want := map[string]Severity{"skills.clinical-knowledge": Major, "skills.reimbursement": Major, "skills.empathy": Minor}
	for _, g := range r.Gaps {
		if w, ok := want[g.ID]; ok && g.Severity != w {
			t.Errorf("%s: severity %s, want %s", g.ID, g.Severity, w)
		}
		if g.ID == "skills.ethics" {
			t.Errorf("a rating of 4 meets the target but was reported as a gap")
		}
	}
}

func TestUniformRatingsNote(t *testing.T) {
	_, p := setup(t)
	for _, tt := range []struct {
		ratings []int
		want    bool
	}{{[]int{4}, true}, {[]int{1}, true}, {[]int{4, 4, 4, 5}, false}, {[]int{3, 4}, false}} {
		r := Score(p, person("associate", "hit", allCourses, "passed", tt.ratings...))
		got := slices.ContainsFunc(r.Notes, func(n Note) bool { return n.ID == uniformRatingsNote })
		if got != tt.want {
			t.Errorf("ratings %v: note %v, want %v (%v)", tt.ratings, got, tt.want, r.Notes)
		}
		if got && !strings.Contains(r.Notes[0].Text, fmt.Sprintf("(%d of 5)", tt.ratings[0])) {
			t.Errorf("note does not name the rating: %s", r.Notes[0].Text)
		}
	}
}

// improvements lists every answer set one step better than a in a single answer: a higher level
// (with each field, when the field becomes asked), a field closer to HIT, one more course, a later
// exam stage (with each credential, when it becomes asked), a higher rating.
func improvements(bank *questions.Bank, a *questions.Answers) []*questions.Answers {
	var out []*questions.Answers
	for _, q := range bank.Questions {
		ans, ok := a.Get(q.ID)
		if !ok {
			continue
		}
		switch q.Kind {
		case questions.OneOf:
			if q.Ordered == questions.Unordered {
				continue
			}
			for _, v := range q.ValueNames() {
				if q.Rank(v) <= q.Rank(ans.Choice) {
					continue
				}
				next := a.Clone()
				next.Set(q.ID, questions.OneOfAnswer(v))
				out = append(out, completeDependents(bank, next)...)
			}
		case questions.AnyOf:
			for _, v := range q.ValueNames() {
				if !ans.Has(v) {
					next := a.Clone()
					next.Set(q.ID, questions.AnyOfAnswer(append(slices.Clone(ans.Choices), v)...))
					out = append(out, next)
				}
			}
		case questions.Rating:
			if ans.Rating < q.Scale.Max {
				next := a.Clone()
				next.Set(q.ID, questions.RatingAnswer(ans.Rating+1))
				out = append(out, next)
			}
		}
	}
	return out
}

// completeDependents keeps an answer set valid after a change: answers to questions no longer
// asked are dropped, and a question newly asked is answered in every possible way.
func completeDependents(bank *questions.Bank, a *questions.Answers) []*questions.Answers {
	sets := []*questions.Answers{a}
	for i := range bank.Questions {
		q := &bank.Questions[i]
		var next []*questions.Answers
		for _, s := range sets {
			_, answered := s.Get(q.ID)
			switch asks := bank.Asks(q, s); {
			case asks == questions.NotAsked && answered:
				s.Delete(q.ID)
				next = append(next, s)
			case asks == questions.Asked && !answered:
				for _, v := range bank.Offered(q, s).ValueNames() {
					c := s.Clone()
					c.Set(q.ID, questions.OneOfAnswer(v))
					next = append(next, c)
				}
			default:
				next = append(next, s)
			}
		}
		sets = next
	}
	return sets
}

// The contract: improving any answer never lowers the score nor worsens the verdict, and the score
// stays within 0-100. Checked over many random people and every single-step improvement of each.
func TestPropertyImprovingAnAnswerNeverHurts(t *testing.T) {
	bank, p := setup(t)
	rng := rand.New(rand.NewPCG(2026, 11))
	people := 3000
	if testing.Short() {
		people = 300
	}
	checked := 0
	for range people {
		a := cohort.Person(bank, rng)
		if open := bank.Open(a); len(open) > 0 {
			t.Fatalf("generator left %s open", open[0].ID)
		}
		// The score alone: the path (credentials, plan) never feeds back into it, and replaying
		// plans for every improvement would make this the slowest test for nothing.
		before := p.scoreOnly(a)
		checkBounds(t, before)
		for _, better := range improvements(bank, a) {
			if err := bank.CheckConsistency(better); err != nil {
				t.Fatalf("improvement is inconsistent: %v", err)
			}
			after := p.scoreOnly(better)
			checkBounds(t, after)
			if after.Score < before.Score || after.Verdict.Rank() < before.Verdict.Rank() {
				t.Fatalf("improving %v -> %v lowered %v %s to %v %s", describe(a), describe(better),
					before.Score, before.Verdict, after.Score, after.Verdict)
			}
			checked++
		}
	}
	if checked < people {
		t.Fatalf("only %d improvements checked; the generator is broken", checked)
	}
}

func checkBounds(t *testing.T, r Report) {
	t.Helper()
	if r.Score < 0 || r.Score > 100 {
		t.Fatalf("score %v outside 0-100", r.Score)
	}
	for _, a := range r.Areas {
		if a.Score < 0 || a.Score > 100 {
			t.Fatalf("area %s score %v outside 0-100", a.ID, a.Score)
		}
	}
	blocked := slices.ContainsFunc(r.Gaps, func(g Gap) bool { return g.Severity == Blocking })
	if blocked && r.Verdict != NotReady {
		t.Fatalf("verdict %s with a blocking gap", r.Verdict)
	}
	if r.Verdict == Ready && r.Score < r.Thresholds.Ready {
		t.Fatalf("ready at %v, under the threshold %v", r.Score, r.Thresholds.Ready)
	}
}

func describe(a *questions.Answers) string {
	var parts []string
	for _, id := range a.IDs() {
		ans, _ := a.Get(id)
		parts = append(parts, id+"="+ans.String())
	}
	return strings.Join(parts, " ")
}

// The monotonicity test only means something if the generator really reaches the conditional
// questions and the partial credits; this keeps it honest.
func TestGeneratorCoversConditionalAnswers(t *testing.T) {
	bank, _ := setup(t)
	rng := rand.New(rand.NewPCG(1, 2))
	seen := map[string]bool{}
	for range 500 {
		a := cohort.Person(bank, rng)
		for _, id := range []string{"education.field", "certification.credential"} {
			if _, ok := a.Get(id); ok {
				seen[id] = true
			}
		}
		if ans, _ := a.Get("certification.ahima"); ans.Choice == "scheduled" {
			seen["scheduled"] = true
		}
	}
	if len(seen) != 3 {
		t.Errorf("generator reached only %v", seen)
	}
}

// The optional settings question tailors the report and nothing else: the contract's rule for
// optional questions.
func TestSettingsNeverChangeTheScore(t *testing.T) {
	bank, p := setup(t)
	rng := rand.New(rand.NewPCG(3, 4))
	q, _ := bank.Question(settingsQuestion)
	for range 300 {
		a := cohort.Person(bank, rng)
		a.Delete(settingsQuestion)
		before := Score(p, a)
		if before.Settings != nil {
			t.Fatal("settings shown without an answer")
		}
		var picked []string
		for _, v := range q.ValueNames() {
			if rng.IntN(2) == 0 {
				picked = append(picked, v)
			}
		}
		a.Set(settingsQuestion, questions.AnyOfAnswer(picked...))
		after := Score(p, a)
		if len(after.Settings) != len(picked) {
			t.Fatalf("%d settings shown for %v", len(after.Settings), picked)
		}
		after.Settings = nil
		if fmt.Sprint(after) != fmt.Sprint(before) {
			t.Fatalf("answering %s changed the report:\n%v\n%v", settingsQuestion, before, after)
		}
	}
}

func TestSettingsShowTheSourcesFigures(t *testing.T) {
	_, p := setup(t)
	a := person("associate", "hit", allCourses, "passed", 4)
	a.Set(settingsQuestion, questions.AnyOfAnswer("physicians-offices", "rehabilitation-centers"))
	got := Score(p, a).Settings
	if len(got) != 2 || got[0].Employment != "40,970" || !strings.Contains(got[0].Source, "May 2011") ||
		got[1].Employment != "" || got[1].Source != "" {
		t.Errorf("settings: %+v", got)
	}
}

// The three questions that shape the path never touch the score: answered any way or not at all,
// the score, the verdict, the areas and the gaps stay the same. Checked over many generated people
// and, for each, every value of each question.
func TestPathQuestionsNeverChangeTheScore(t *testing.T) {
	bank, p := setup(t)
	rng := rand.New(rand.NewPCG(12, 12))
	people := 3000
	if testing.Short() {
		people = 300
	}
	if !testing.Short() {
		people = 1000
	}
	ids := []string{"education.program", "education.accredited", "experience.coding", "education.him", "education.program-level"}
	scoring := func(r Report) string {
		// The gaps as scored: their next step is the path's, which these questions shape.
		for i := range r.Gaps {
			r.Gaps[i].NextStep = ""
		}
		return fmt.Sprint(r.Score, r.Verdict, r.Areas, r.Requirements, r.Gaps, r.Notes)
	}
	checked := 0
	for range people {
		a := cohort.Person(bank, rng)
		bare := a.Clone()
		for _, id := range ids {
			bare.Delete(id)
		}
		want := scoring(Score(p, bare))
		if got := scoring(Score(p, a)); got != want {
			t.Fatalf("the path answers of %s changed the score:\n%s\n%s", describe(a), want, got)
		}
		for _, id := range ids {
			q, _ := bank.Question(id)
			for _, v := range q.ValueNames() {
				b := bare.Clone()
				b.Set(id, questions.OneOfAnswer(v))
				if got := scoring(Score(p, b)); got != want {
					t.Fatalf("%s=%s changed the score of %s", id, v, describe(bare))
				}
				checked++
			}
		}
	}
	if checked < people*10 {
		t.Fatalf("only %d variations checked", checked)
	}
}
