package assessment

import (
	"errors"
	"strings"
	"testing"

	"github.com/hitready/hitready/questions"
)

// The embedded profile must cover every documented requirement of the seed article.
func TestEmbeddedProfileCoversTheSeed(t *testing.T) {
	_, p := setup(t)
	want := append([]string{"education.degree", "certification.ahima",
		"coursework.anatomy", "coursework.physiology", "coursework.medical-terminology",
		"coursework.medical-coding", "coursework.statistics", "coursework.database-management"}, skillIDs...)
	have := map[string]*Requirement{}
	for i := range p.Requirements {
		have[p.Requirements[i].ID] = &p.Requirements[i]
	}
	for _, id := range want {
		r, ok := have[id]
		if !ok {
			t.Errorf("requirement %s is missing", id)
			continue
		}
		if r.Source == "" || r.NextSteps[len(r.NextSteps)-1].Text == "" {
			t.Errorf("%s lacks its source sentence or advice", id)
		}
	}
	for _, id := range []string{"education.degree", "certification.ahima"} {
		if !have[id].Blocking {
			t.Errorf("%s must block readiness", id)
		}
	}
}

func TestParseProfileRefusesBrokenProfiles(t *testing.T) {
	bank, _ := setup(t)
	base := string(profileYAML)
	edit := func(old, new string) string {
		if !strings.Contains(base, old) {
			t.Fatalf("profile has no %q", old)
		}
		return strings.Replace(base, old, new, 1)
	}
	tests := []struct {
		name, data string
		want       []string
	}{
		{"empty", "", []string{"my.yaml: is empty"}},
		{"unknown field", edit("major_below: 0.5", "major_below: 0.5\ncolour: red"), []string{"my.yaml:29: is not a valid profile: unknown field colour"}},
		{"unknown question", edit("{question: skills.empathy, target: 4}", "{question: skills.empathie, target: 4}"),
			[]string{"my.yaml:204: skills.empathy: credit: unknown question \"skills.empathie\""}},
		{"unknown value", edit("values: {none: 0, preparing: 0.25, scheduled: 0.5, passed: 1}", "values: {none: 0, preparing: 0.25, scheduled: 0.5, passed: 1, failed: 0}"),
			[]string{"certification.ahima", `"failed" is not a value of certification.ahima`}},
		{"value without credit", edit("values: {none: 0, preparing: 0.25, scheduled: 0.5, passed: 1}", "values: {none: 0, preparing: 0.25, passed: 1}"),
			[]string{`no credit for "scheduled"`}},
		{"credit above 1", edit("values: {none: 0, preparing: 0.25, scheduled: 0.5, passed: 1}", "values: {none: 0, preparing: 0.25, scheduled: 0.5, passed: 2}"),
			[]string{`credit for "passed" must be from 0 to 1`}},
		{"target outside the scale", edit("{question: skills.empathy, target: 4}", "{question: skills.empathy, target: 7}"),
			[]string{"skills.empathy", "target 7 is outside skills.empathy's scale", "from 2 to 5"}},
		{"negative weight", edit("  - {id: skills, title: Skills, weight: 25}", "  - {id: skills, title: Skills, weight: -25}"),
			[]string{`my.yaml:34: area "skills": weight must be zero or more`}},
		{"weights sum to nothing", strings.NewReplacer("weight: 30}", "weight: 0}", "weight: 15}", "weight: 0}", "weight: 25}", "weight: 0}").Replace(base),
			[]string{"area weights must sum to more than zero"}},
		{"threshold above 100", edit("ready: 85", "ready: 120"), []string{"my.yaml:25: thresholds must satisfy"}},
		{"threshold not a number", edit("ready: 85", "ready: high"), []string{"my.yaml:26: is not a valid profile: wrong type: got high (!!str)"}},
		{"YAML syntax error", edit("ready: 85", "ready: [85"), []string{"my.yaml:", "is not a valid profile"}},
		{"two documents", base + "\n---\nid: x\n", []string{"more than one YAML document"}},
		{"no requirements", "id: x\nthresholds: {ready: 80, nearly_ready: 50}\nareas: [{id: a, title: A, weight: 1}]\n",
			[]string{"requirements must list at least one requirement", `area "a" has weight but no requirement`}},
		{"major_below above 1", edit("major_below: 0.5", "major_below: 5"), []string{"my.yaml:28: major_below must be a credit from 0 to 1"}},
		{"nearly above ready", edit("nearly_ready: 60", "nearly_ready: 90"), []string{"thresholds must satisfy"}},
		{"unknown area", edit("    area: coursework\n    weight: 1\n    requirement: A course in anatomy.", "    area: courses\n    weight: 1\n    requirement: A course in anatomy."),
			[]string{"coursework.anatomy", `area "courses" is not one of the profile's areas`}},
		{"duplicate requirement", edit("- id: coursework.physiology", "- id: coursework.anatomy"), []string{"coursework.anatomy", "given and unique"}},
		{"includes on a one-of question", edit("{question: coursework, includes: anatomy}", "{question: education.level, includes: anatomy}"),
			[]string{"education.level is a one-of question: give values"}},
		{"advice only under a condition", edit("      - text: Take an introductory statistics course", "      - when: {question: education.level, in: [none]}\n        text: Take an introductory statistics course"),
			[]string{"next_steps must end with a step that has no when"}},
		{"severity on a blocking requirement", edit("    blocking: true\n    requirement: A passed", "    blocking: true\n    severity: minor\n    requirement: A passed"),
			[]string{"certification.ahima", "a blocking requirement has no other severity"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseProfile("my.yaml", []byte(tt.data), bank)
			if err == nil {
				t.Fatal("accepted")
			}
			if !errors.Is(err, questions.ErrInvalid) {
				t.Errorf("does not match questions.ErrInvalid: %v", err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("message lacks %q:\n%s", w, err)
				}
			}
		})
	}
}
