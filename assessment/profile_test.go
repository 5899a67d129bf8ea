package assessment

import (
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/hitready/hitready/internal/inputerr"
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

// fileCase is a custom file that is refused, and what the refusal says in English.
type fileCase struct {
	name, data string
	want       []string
}

// brokenProfiles are profiles refused, each for what it names; the pseudo-language walks them too
// (TestPseudoLanguageRefusals).
func brokenProfiles(t testing.TB) []fileCase {
	base := string(profileYAML)
	edit := func(old, new string) string {
		if !strings.Contains(base, old) {
			t.Fatalf("profile has no %q", old)
		}
		return strings.Replace(base, old, new, 1)
	}
	return []fileCase{
		{"empty", "", []string{"my.yaml: is empty"}},
		{"unknown field", edit("major_below: 0.5", "major_below: 0.5\ncolour: red"), []string{"my.yaml:31: is not a valid profile: unknown field colour"}},
		{"unknown question", edit("{question: skills.empathy, target: 4}", "{question: skills.empathie, target: 4}"),
			[]string{"my.yaml:309: skills.empathy: credit: unknown question \"skills.empathie\""}},
		{"unknown value", edit("values: {none: 0, preparing: 0.25, scheduled: 0.5, passed: 1}", "values: {none: 0, preparing: 0.25, scheduled: 0.5, passed: 1, failed: 0}"),
			[]string{"certification.ahima", `"failed" is not a value of certification.ahima`}},
		{"value without credit", edit("values: {none: 0, preparing: 0.25, scheduled: 0.5, passed: 1}", "values: {none: 0, preparing: 0.25, passed: 1}"),
			[]string{`no credit for "scheduled"`}},
		{"credit above 1", edit("values: {none: 0, preparing: 0.25, scheduled: 0.5, passed: 1}", "values: {none: 0, preparing: 0.25, scheduled: 0.5, passed: 2}"),
			[]string{`certification.ahima: requirements.credit.values.passed 2 is too large; allowed: a credit from 0 to 1`}},
		{"target outside the scale", edit("{question: skills.empathy, target: 4}", "{question: skills.empathy, target: 7}"),
			[]string{"skills.empathy", "target 7 is outside skills.empathy's scale", "from 2 to 5"}},
		{"negative weight", edit("  - {id: skills, title: {en: Skills, es: Habilidades}, weight: 25}", "  - {id: skills, title: {en: Skills, es: Habilidades}, weight: -25}"),
			[]string{`my.yaml:36: skills: areas.weight -25 is too small; allowed: a number from 0 to 1e+06`}},
		{"weights sum to nothing", strings.NewReplacer("weight: 30}", "weight: 0}", "weight: 15}", "weight: 0}", "weight: 25}", "weight: 0}").Replace(base),
			[]string{"area weights must sum to more than zero"}},
		{"threshold above 100", edit("ready: 85", "ready: 120"), []string{"my.yaml:27: thresholds must satisfy"}},
		{"threshold not a number", edit("ready: 85", "ready: high"), []string{`my.yaml:28: thresholds.ready must be a number; got the text "high"`}},
		{"YAML syntax error", edit("ready: 85", "ready: [85"), []string{"my.yaml:", "is not a valid profile"}},
		{"two documents", base + "\n---\nid: x\n", []string{"more than one YAML document"}},
		{"no requirements", "id: x\nthresholds: {ready: 80, nearly_ready: 50}\nmajor_below: 0.5\nareas: [{id: a, title: A, weight: 1}]\nrequirements: []\n",
			[]string{"requirements must list at least one requirement", `area "a" has weight but no requirement`}},
		{"major_below above 1", edit("major_below: 0.5", "major_below: 5"), []string{"my.yaml:30: major_below 5 is too large; allowed: a credit from 0 to 1"}},
		{"nearly above ready", edit("nearly_ready: 60", "nearly_ready: 90"), []string{"thresholds must satisfy"}},
		{"unknown area", edit("    area: coursework\n    weight: 1\n    requirement:\n", "    area: courses\n    weight: 1\n    requirement:\n"),
			[]string{"coursework.anatomy", `area "courses" is not one of the profile's areas`}},
		{"duplicate requirement", edit("- id: coursework.physiology", "- id: coursework.anatomy"), []string{"coursework.anatomy", "given and unique"}},
		{"includes on a one-of question", edit("{question: coursework, includes: anatomy}", "{question: education.level, includes: anatomy}"),
			[]string{"education.level is a one-of question: give values"}},
		{"advice only under a condition", edit("      - text:\n          en: \"Take an introductory statistics course", "      - when: {question: education.level, in: [none]}\n        text:\n          en: \"Take an introductory statistics course"),
			[]string{"next_steps must end with a step that has no when"}},
		{"severity on a blocking requirement", edit("    blocking: true\n    requirement:\n      en: \"A passed", "    blocking: true\n    severity: minor\n    requirement:\n      en: \"A passed"),
			[]string{"certification.ahima", "a blocking requirement has no other severity"}},

		// Numbers that overflow, missing fields, inexact values (issue 10).
		{"area weight 1e307", edit("  - {id: skills, title: {en: Skills, es: Habilidades}, weight: 25}", "  - {id: skills, title: {en: Skills, es: Habilidades}, weight: 1e307}"),
			[]string{`my.yaml:36: skills: areas.weight 1e307 is too large; allowed: a number from 0 to 1e+06`}},
		{"every area 1e308", regexp.MustCompile(`weight: (30|15|25)}`).ReplaceAllString(base, "weight: 1e308}"),
			[]string{`education: areas.weight 1e308 is too large; allowed: a number from 0 to 1e+06`, `skills: areas.weight 1e308 is too large`}},
		{"requirement weight .inf", edit("    area: coursework\n    weight: 1\n", "    area: coursework\n    weight: .inf\n"),
			[]string{"coursework.anatomy: requirements.weight .inf is not a finite number; allowed: a number from 0 to 1e+06"}},
		// A key given twice stops the decoder reading its mapping: what else is wrong in it shows
		// once the key is fixed; elsewhere, everything shows at once.
		{"duplicate key with other problems", strings.Replace(edit("ready: 85", "ready: 85\n  ready: 80"), "    blocking: true\n", "    blocking: yes\n", 1),
			[]string{"my.yaml:29: thresholds.ready is given twice (first at line 28); keep one", "requirements.blocking must be true or false"}},
		{"weight 1e400", edit("  - {id: skills, title: {en: Skills, es: Habilidades}, weight: 25}", "  - {id: skills, title: {en: Skills, es: Habilidades}, weight: 1e400}"),
			[]string{"my.yaml:36: skills: areas.weight 1e400 is too large; allowed: a number from 0 to 1e+06"}},
		{"weight .nan", edit("  - {id: skills, title: {en: Skills, es: Habilidades}, weight: 25}", "  - {id: skills, title: {en: Skills, es: Habilidades}, weight: .nan}"),
			[]string{`skills: areas.weight .nan is not a finite number; allowed: a number from 0 to 1e+06`}},
		{"no thresholds", edit("thresholds:\n  ready: 85\n  nearly_ready: 60\n", ""),
			[]string{"my.yaml:18: thresholds is missing; give thresholds: {ready: …, nearly_ready: …}"}},
		{"no thresholds.ready", edit("  ready: 85\n", ""), []string{"my.yaml:27: thresholds.ready is missing; give a score from 0 to 100"}},
		{"no thresholds.nearly_ready", edit("  nearly_ready: 60\n", ""), []string{"my.yaml:27: thresholds.nearly_ready is missing"}},
		{"no major_below", edit("major_below: 0.5\n", ""), []string{"my.yaml:18: major_below is missing; give a credit from 0 to 1"}},
		{"no area weight", edit("  - {id: skills, title: {en: Skills, es: Habilidades}, weight: 25}", "  - {id: skills, title: {en: Skills, es: Habilidades}}"), []string{"my.yaml:36: areas.weight is missing"}},
		{"target not whole", edit("{question: skills.empathy, target: 4}", "{question: skills.empathy, target: 4.5}"),
			[]string{"my.yaml:", ": skills.empathy: requirements.credit.target 4.5 is not a whole number; allowed: a whole number on the question's scale"}},
		{"target too large", edit("{question: skills.empathy, target: 4}", "{question: skills.empathy, target: 99999999999999999999999}"),
			[]string{"skills.empathy: requirements.credit.target 99999999999999999999999 is too large"}},
		{"blocking quoted", edit("    blocking: true\n    requirement:\n      en: \"A passed", "    blocking: \"yes\"\n    requirement:\n      en: \"A passed"),
			[]string{`certification.ahima: requirements.blocking must be true or false (unquoted); got the text "yes"`}},
		{"blocking yes", edit("    blocking: true\n    requirement:\n      en: \"A passed", "    blocking: yes\n    requirement:\n      en: \"A passed"),
			[]string{`certification.ahima: requirements.blocking must be true or false (unquoted); got the text "yes"`}},
		{"threshold quoted", edit("ready: 85", `ready: "85"`), []string{`my.yaml:28: thresholds.ready must be a number; got the text "85"`}},
		{"credit as text", edit("values: {none: 0, preparing: 0.25, scheduled: 0.5, passed: 1}", "values: {none: 0, preparing: 0.25, scheduled: half, passed: 1}"),
			[]string{`certification.ahima: requirements.credit.values.scheduled must be a credit from 0 to 1; got the text "half"`}},
		{"merge key", edit("  - {id: skills, title: {en: Skills, es: Habilidades}, weight: 25}", "  - {<<: {id: skills, title: {en: Skills, es: Habilidades}}, weight: 25}"),
			[]string{"my.yaml:36: YAML merge keys (<<) are not allowed in a profile"}},
		// Better answers must never earn less.
		{"bachelor worth nothing", edit("values: {none: 0, high-school: 0, some-college: 0.25, associate: 0.5, bachelor: 1, master: 1}", "values: {none: 0, high-school: 0, some-college: 0.25, associate: 0.5, bachelor: 0, master: 1}"),
			[]string{"education.advanced: credit: values of education.level must not fall as the answer gets better", "bachelor earns 0, less than 0.5 for associate"}},
		{"HIT worth less than another field", edit("values: {hit: 1, related: 1, other: 0.5}", "values: {hit: 0.2, related: 1, other: 0.5}"),
			[]string{": education.degree: credit: values of education.field must not fall", "(weakest first: other, related, hit)", "hit earns 0.2, less than 1 for related"}},
		{"a degree in another field earns less than some college", edit("values: {none: 0, high-school: 0.2, some-college: 0.4, associate: 1, bachelor: 1, master: 1}", "values: {none: 0, high-school: 0.2, some-college: 0.9, associate: 1, bachelor: 1, master: 1}"),
			[]string{"education.degree: credit: the credit falls from 0.9 to 0.5 when education.level improves from some-college to associate, which asks education.field (other earns 0.5)"}},
		{"an optional question", edit("{question: coursework, includes: anatomy}", "{question: work.settings, includes: hospitals}"),
			[]string{"coursework.anatomy: credit: work.settings is an optional question; a profile may not score it"}},
		// Text that would control a terminal.
		{"escape in the title", edit(`en: "Health Information Technician (medical records specialist)"`, `en: "HIT \e[2J"`),
			[]string{`my.yaml:20: title.en holds \x1b (a control character)`}},
		{"line separator in a requirement", edit("en: \"A course in anatomy.\"", "en: \"A course\u2028in anatomy.\""),
			[]string{`my.yaml:111: holds a line separator (U+2028, U+2029 or U+0085)`}},
		{"bell in a next step", edit(`en: "Take an anatomy course; community colleges often pair it with physiology (A&P I and II)."`, `en: "Take an anatomy course\a"`),
			[]string{`coursework.anatomy: requirements.next_steps.text.en holds \a (a control character)`}},
		{"NEL in a source", edit(`en: "career-guide article (undated; its figures are from 2012)"`, `en: "career\Nguide"`), []string{`source.kind.en holds \u0085 (a control character)`}},
		{"vertical tab in an id", edit("- id: coursework.anatomy", `- id: "coursework.anatomy\v"`), []string{`requirements.id holds \v (a control character)`}},
	}
}

func TestParseProfileRefusesBrokenProfiles(t *testing.T) {
	bank, _ := setup(t)
	for _, tt := range brokenProfiles(t) {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseProfile("my.yaml", []byte(tt.data), bank)
			if err == nil {
				t.Fatal("accepted")
			}
			if !errors.Is(err, inputerr.ErrInvalid) {
				t.Errorf("does not match inputerr.ErrInvalid: %v", err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("message lacks %q:\n%s", w, err)
				}
			}
		})
	}
}

// A missing field is reported as missing, not also as out of range through the zero the decoder
// puts in its place.
func TestMissingFieldsAreNotAlsoOutOfRange(t *testing.T) {
	bank, _ := setup(t)
	base := string(profileYAML)
	for _, cut := range missingFields {
		_, err := ParseProfile("my.yaml", []byte(strings.Replace(base, cut, "", 1)), bank)
		if err == nil || !strings.Contains(err.Error(), "is missing") {
			t.Fatalf("without %q: %v", cut, err)
		}
		if strings.Contains(err.Error(), "must satisfy") || strings.Contains(err.Error(), "must be a credit") {
			t.Errorf("without %q, also a range complaint:\n%s", cut, err)
		}
	}
}

// missingFields are the fields of the profile whose absence would read as a zero.
var missingFields = []string{"  ready: 85\n", "  nearly_ready: 60\n", "major_below: 0.5\n", "thresholds:\n  ready: 85\n  nearly_ready: 60\n"}
