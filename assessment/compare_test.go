package assessment

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/hitready/hitready/internal/cohort"
)

func TestCompareSeverityChangesAndRespondents(t *testing.T) {
	gap := func(id string, s Severity) Gap { return Gap{ID: id, Requirement: id + " text", Severity: s} }
	old := Report{Respondent: "Jordan Rivera", Gaps: []Gap{gap("skills.empathy", Minor), gap("skills.ethics", Major), gap("coursework.statistics", Minor)}}
	tests := []struct {
		name        string
		respondent  string
		gaps        []Gap
		wantChanges []SeverityChange
		wantDiffer  bool
	}{
		{"same person, one gap worse, one better, one closed", " jordan rivera ",
			[]Gap{gap("skills.empathy", Major), gap("skills.ethics", Minor)},
			[]SeverityChange{{ID: "skills.empathy", Requirement: "skills.empathy text", Old: Minor, New: Major, Change: "worse"},
				{ID: "skills.ethics", Requirement: "skills.ethics text", Old: Major, New: Minor, Change: "better"}}, false},
		{"another person", "Sam Park", []Gap{gap("coursework.statistics", Minor)}, nil, true},
		{"no name on one side is no warning", "", nil, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Compare(old, Report{Respondent: tt.respondent, Gaps: tt.gaps})
			if c.DifferentRespondents != tt.wantDiffer {
				t.Errorf("DifferentRespondents = %v, want %v", c.DifferentRespondents, tt.wantDiffer)
			}
			if c.SeverityChanges == nil {
				t.Error("SeverityChanges is nil; JSON would print null")
			}
			if len(c.SeverityChanges) != len(tt.wantChanges) {
				t.Fatalf("changes %+v, want %+v", c.SeverityChanges, tt.wantChanges)
			}
			for i, w := range tt.wantChanges {
				if c.SeverityChanges[i] != w {
					t.Errorf("change %d = %+v, want %+v", i, c.SeverityChanges[i], w)
				}
			}
		})
	}
}

// A step of the older plan is completed when every gap it closes is closed, under way when some
// are and the newer plan still has it, and neither when none is: the spring-to-autumn program
// closed four of its five gaps.
func TestCompareStepsCompletedAndUnderWay(t *testing.T) {
	gaps := func(ids ...string) []Gap {
		var out []Gap
		for _, id := range ids {
			out = append(out, Gap{ID: id, Severity: Major})
		}
		return out
	}
	old := Report{
		Gaps: gaps("a", "b", "c", "d", "e", "f", "g"),
		Plan: []PlanStep{
			{Step: 1, ID: "program", Action: "Program.", Closes: []string{"a", "b", "c", "d", "e"}},
			{Step: 2, ID: "exam", Action: "Exam.", Closes: []string{"f"}},
			{Step: 3, ID: "practise", Action: "Practise.", Closes: []string{"g"}},
		},
	}
	// The newer plan still has the program (and the exam): the program is under way.
	c := Compare(old, Report{Gaps: gaps("e", "f"), Plan: old.Plan[:2]})
	if len(c.StepsCompleted) != 1 || c.StepsCompleted[0].ID != "practise" {
		t.Errorf("completed %+v", c.StepsCompleted)
	}
	if len(c.StepsUnderWay) != 1 || c.StepsUnderWay[0].ID != "program" || len(c.StepsUnderWay[0].Closes) != 5 ||
		strings.Join(c.StepsUnderWay[0].Closed, ",") != "a,b,c,d" {
		t.Errorf("under way %+v", c.StepsUnderWay)
	}
	// The newer plan no longer has it (the degree came another way): not under way, and its
	// closed gaps are only closed.
	if other := Compare(old, Report{Gaps: gaps("e", "f"), Plan: []PlanStep{{Step: 1, ID: "course", Closes: []string{"e"}}}}); len(other.StepsUnderWay) != 0 {
		t.Errorf("a step the newer plan no longer has is under way: %+v", other.StepsUnderWay)
	}
	// The newer plan words the program for someone enrolled in it (another step of its group):
	// still the same program, under way.
	old.Plan[0].group = "program"
	enrolled := PlanStep{Step: 2, ID: "program-enrolled", Action: "Complete your program.", Closes: []string{"e"}, group: "program"}
	if c := Compare(old, Report{Gaps: gaps("e", "f"), Plan: []PlanStep{old.Plan[1], enrolled}}); len(c.StepsUnderWay) != 1 || c.StepsUnderWay[0].ID != "program" {
		t.Errorf("the program enrolled in is not the program under way: %+v", c.StepsUnderWay)
	}
	if none := Compare(old, old); len(none.StepsUnderWay) != 0 || none.StepsUnderWay == nil || len(none.StepsCompleted) != 0 {
		t.Errorf("nothing done: completed %+v, under way %+v", none.StepsCompleted, none.StepsUnderWay)
	}
}

// A completed exam step says what the newer report holds, not the exam the older plan proposed:
// the plan said "Sit the RHIT exam", the person passed the CCA.
func TestCompareNamesThePassedExamFromTheNewerReport(t *testing.T) {
	old := Report{
		Gaps: []Gap{{ID: "certification.ahima", Severity: Blocking}, {ID: "skills.privacy", Severity: Minor}},
		Plan: []PlanStep{
			{Step: 1, ID: "exam-rhit", Action: "Sit the RHIT exam, the credential named for this job", Closes: []string{"certification.ahima"}, Credential: "rhit", label: "Sit the RHIT exam"},
			{Step: 2, ID: "practise", Action: "Work on privacy", Closes: []string{"skills.privacy"}},
		},
	}
	tests := []struct {
		name        string
		credentials []CredentialStatus
		want        string
	}{
		{"the CCA held", []CredentialStatus{{ID: "cca", Status: Held}, {ID: "rhit", Status: NotYet}}, "Passed an AHIMA exam (CCA held)"},
		{"two held", []CredentialStatus{{ID: "cca", Status: Held}, {ID: "rhit", Status: Held}}, "Passed an AHIMA exam (CCA and RHIT held)"},
		{"none named", []CredentialStatus{{ID: "rhit", Status: Eligible}}, "Passed an AHIMA exam"},
		{"no credentials in the report", nil, "Passed an AHIMA exam"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Compare(old, Report{Credentials: tt.credentials})
			if len(c.StepsCompleted) != 2 {
				t.Fatalf("completed %+v", c.StepsCompleted)
			}
			exam, other := c.StepsCompleted[0], c.StepsCompleted[1]
			if exam.Action != tt.want || exam.Label() != tt.want {
				t.Errorf("exam step reads %q / %q, want %q", exam.Action, exam.Label(), tt.want)
			}
			// The entry keeps its shape: the step, its id, what it closes.
			if exam.ID != "exam-rhit" || exam.Step != 1 || len(exam.Closes) != 1 {
				t.Errorf("exam step changed beyond its words: %+v", exam)
			}
			if other.Action != "Work on privacy" {
				t.Errorf("a step that is not an exam was reworded: %q", other.Action)
			}
		})
	}
	if old.Plan[0].Action != "Sit the RHIT exam, the credential named for this job" {
		t.Errorf("Compare changed the older report's plan: %q", old.Plan[0].Action)
	}
}

// Compare never says a step is under way whose gaps are all closed, nor one requirement both
// closed and open: over generated people and an improvement of each (as a later session), a
// step under way still has open gaps, every one of them open in the newer report, and the
// newer plan still has the step.
func TestPropertyCompareSaysEachRequirementOnce(t *testing.T) {
	bank, p := setup(t)
	rng := rand.New(rand.NewPCG(8, 2026))
	checked := 0
	for range 600 {
		a := cohort.Person(bank, rng)
		nexts := improvements(bank, a)
		if len(nexts) == 0 {
			continue
		}
		later := nexts[rng.IntN(len(nexts))]
		for range rng.IntN(6) { // several improvements, as months go by
			if more := improvements(bank, later); len(more) > 0 {
				later = more[rng.IntN(len(more))]
			}
		}
		c := Compare(Score(p, a), Score(p, later))
		closed := map[string]bool{}
		for _, g := range c.Closed {
			closed[g.ID] = true
		}
		for _, g := range append(slices.Clone(c.Opened), c.Remaining...) {
			if closed[g.ID] {
				t.Fatalf("%s is both closed and open", g.ID)
			}
		}
		for _, s := range c.StepsUnderWay {
			open := slices.DeleteFunc(slices.Clone(s.Closes), func(id string) bool { return slices.Contains(s.Closed, id) })
			if len(open) == 0 {
				t.Fatalf("step %s is under way with every gap closed", s.ID)
			}
			for _, id := range s.Closed {
				if !closed[id] {
					t.Fatalf("step %s says %s is closed; the comparison does not", s.ID, id)
				}
			}
			for _, id := range open {
				if closed[id] {
					t.Fatalf("step %s leaves %s open; the comparison says it is closed", s.ID, id)
				}
			}
			checked++
		}
	}
	if checked == 0 {
		t.Fatal("no step under way in any comparison: the property checks nothing")
	}
}
