package assessment

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/hitready/hitready/internal/inputerr"
	"github.com/hitready/hitready/questions"
)

// savedReport is a report as assess --format json writes it: not ready, the exam only scheduled.
func savedReport(t *testing.T) string {
	t.Helper()
	return saved(t, person("associate", "hit", []string{"anatomy"}, "scheduled", 4, 3))
}

// saved is the report of a as assess --format json writes it, with a plan of several steps.
func saved(t *testing.T, a *questions.Answers) string {
	t.Helper()
	_, p := setup(t)
	r := Score(p, a)
	r.Source = "spring.yaml"
	out, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// savedOld is the report of a as hitready wrote it before reports carried their answers.
func savedOld(t *testing.T, a *questions.Answers) string {
	t.Helper()
	_, p := setup(t)
	r := Score(p, a)
	r.Source, r.Answers = "spring.yaml", nil
	out, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

func TestDecodeReportReadsWhatAssessWrites(t *testing.T) {
	_, p := setup(t)
	data := savedReport(t)
	r, err := DecodeReport("old.json", []byte(data), p)
	if err != nil {
		t.Fatal(err)
	}
	// A byte order mark in front, as some editors save, is not part of the report.
	if _, err := DecodeReport("old.json", []byte("\ufeff"+data), p); err != nil {
		t.Errorf("a report after a byte order mark is refused: %v", err)
	}
	if r.Source != "old.json" || r.Verdict != NotReady || len(r.Gaps) == 0 || len(r.Areas) != 4 || len(r.Plan) < 2 {
		t.Errorf("decoded %+v", r)
	}
	// Every kind of person's report is read back: the checks of consistency hold for what
	// Score writes, rounding included.
	for _, a := range []*questions.Answers{
		person("master", "hit", allCourses, "passed", 5),
		person("associate", "related", allCourses[:3], "passed", 4, 2, 3),
		person("high-school", "", nil, "none", 1),
		person("some-college", "", allCourses[1:], "preparing", 3, 5, 2, 4),
	} {
		if _, err := DecodeReport("old.json", []byte(saved(t, a)), p); err != nil {
			t.Errorf("a report Score wrote is refused: %v", err)
		}
	}
}

// reportCase is a saved report DecodeReport refuses, and a line of the refusal in English.
type reportCase struct{ name, data, want string }

// A report saved without its answers (before reports carried them) is checked as far as it can
// be: for consistency with itself and with the profile.
func TestDecodeReportRefusals(t *testing.T) {
	_, profile := setup(t)
	for _, tt := range oldReportRefusals(t) {
		t.Run(tt.name, func(t *testing.T) {
			_, err := DecodeReport("old.json", []byte(tt.data), profile)
			if err == nil {
				t.Fatal("accepted")
			}
			if !errors.Is(err, inputerr.ErrInvalid) {
				t.Errorf("not ErrInvalid: %v", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("message lacks %q:\n%s", tt.want, err)
			}
		})
	}
}

// oldReportRefusals are the refusals of TestDecodeReportRefusals.
func oldReportRefusals(t *testing.T) []reportCase {
	base := savedOld(t, person("associate", "hit", []string{"anatomy"}, "scheduled", 4, 3))
	edit := func(old, new string) string {
		if !strings.Contains(base, old) {
			t.Fatalf("report has no %q", old)
		}
		return strings.Replace(base, old, new, 1)
	}
	var score string
	for _, line := range strings.Split(base, "\n") {
		if strings.HasPrefix(line, `  "score": `) {
			score = line
		}
	}
	return []reportCase{
		{"score 500", edit(score, `  "score": 500,`), "old.json:6: score: 500 is outside 0-100"},
		{"score -1e308", edit(score, `  "score": -1e308,`), "old.json:6: score: -1e+308 is outside 0-100"},
		{"score 1e400", edit(score, `  "score": 1e400,`), "old.json:6: is not a valid report: score: 1e400 is too large"},
		{"score as text", edit(score, `  "score": "high",`), `old.json:6: is not a valid report: score must be a number; got a JSON string`},
		{"verdict bogus", edit(`"verdict": "not-ready"`, `"verdict": "bogus"`), `old.json:7: verdict: "bogus" is not a verdict; allowed: ready, nearly-ready, not-ready`},
		{"verdict that does not follow", edit(`"verdict": "not-ready"`, `"verdict": "ready"`), "verdict: ready does not follow from the report"},
		{"duplicate key", edit(`"verdict": "not-ready"`, `"verdict": "not-ready", "verdict": "ready"`), `old.json:7: "verdict" is given twice (first at line 7); a report names each field once`},
		{"duplicate key inside an area", edit(`"id": "education",`, `"id": "education", "id": "skills",`), `old.json:14: "areas[0].id" is given twice (first at line 14)`},
		{"unknown field", edit(`"verdict": "not-ready"`, `"verdict": "not-ready", "colour": "red"`), `old.json:7: is not a valid report: has unknown field "colour"; it is not a field of a hitready.report/v1 report`},
		{"unknown severity", edit(`"severity": "blocking"`, `"severity": "urgent"`), `.severity: "urgent" is not a severity; allowed: blocking, major, minor`},
		{"area score above 100", edit(`"score": 90,`, `"score": 1000,`), "areas[0].score: 1000 is outside 0-100"},
		{"negative area weight", edit(`"weight": 30`, `"weight": -30`), "areas[0].weight: -30 is outside 0-1e+06"},
		{"credit above 1", edit(`"credit": 0.5`, `"credit": 5`), ".credit: 5 is outside 0-1"},
		{"thresholds reversed", edit(`"nearly_ready": 60`, `"nearly_ready": 90`), "thresholds.nearly_ready: 90 is outside 0-85"},
		{"respondent with ESC", edit(`"respondent": ""`, `"respondent": "Pat\u001b[2J"`), `respondent: holds \x1b (a control character)`},
		{"gap text with U+2028", edit(`"current": "Exam scheduled"`, `"current": "Exam\u2028scheduled"`), `.current: holds \u2028 (a control character)`},
		{"schema missing", edit(`"schema": "hitready.report/v1",`, ``), `old.json: schema: is missing; compare reads "hitready.report/v1" reports`},
		// encoding/json matches field names regardless of letter case: a second spelling would
		// quietly win, so it is refused, and so is a name not spelled as hitready writes it.
		{"duplicate key in another case", edit(`"respondent": "",`, `"respondent": "", "Respondent": "Somebody Else",`),
			`old.json:3: "Respondent" and "respondent" (line 3) name the same field, letter case aside; a report names each field once`},
		{"duplicate key folded as encoding/json folds (long s)", edit(`"respondent": "",`, `"respondent": "", "re\u017fpondent": "X",`),
			`name the same field, letter case aside`},
		{"duplicate key in an area in another case", edit(`"id": "education",`, `"id": "education", "ID": "skills",`),
			`old.json:14: "areas[0].ID" and "areas[0].id" (line 14) name the same field`},
		{"schema in capitals", edit(`"schema"`, `"SCHEMA"`), `old.json:2: "SCHEMA" must be written "schema": a report's field names are spelled as hitready writes them`},
		{"verdict capitalised", edit(`"verdict"`, `"Verdict"`), `"Verdict" must be written "verdict"`},
		{"missing score", edit(score, ``), "score: is missing"},
		{"not an object", `[1, 2]`, "old.json:1: is not a report: a report is one JSON object"},
		{"data after the report", base + `{}`, "has data after the end of the report"},
		{"cut short", base[:len(base)/2], "is not a valid report: it ends before the JSON is complete"},
		{"area id unknown", edit(`"id": "education",`, `"id": "zzz",`), `old.json:14: areas[0].id: "zzz" is not an area of profile hit-technician; allowed: education, coursework, certification, skills`},
		{"area id unknown, named as lacking", edit(`"id": "education",`, `"id": "zzz",`), `old.json:12: areas: lacks education; a report of profile hit-technician gives each of its areas once: education, coursework, certification, skills`},
		{"area given twice", edit(`"id": "coursework",`, `"id": "education",`), `areas[1].id: "education" is given twice; a report gives each area once`},
		{"no areas", withJSON(t, base, func(r map[string]any) { r["areas"] = []any{} }), `areas: lacks education, coursework, certification, skills; a report of profile hit-technician gives each of its areas once`},
		{"area weight not the profile's", edit(`"weight": 30`, `"weight": 29`), "areas[0].weight: is 29; in profile hit-technician, area education weighs 30"},
		{"every area 0 with a total of 97", zeroAreas(t, edit(score, `  "score": 97,`)), "old.json:6: score: 97 is not the weighted mean of the area scores, 0.0"},
		{"total off the mean", edit(score, `  "score": 62.2,`), "score: 62.2 is not the weighted mean of the area scores, 62.0"},
		{"thresholds not the profile's", edit(`"ready": 85`, `"ready": 65`), "thresholds: are ready 65 and nearly_ready 60; profile hit-technician has 85 and 60"},
		{"another profile", edit(`"profile": "hit-technician"`, `"profile": "other"`), `old.json:5: profile: scored against profile "other", not "hit-technician" (the profile in force); compare it with --profile FILE, where FILE is profile "other"`},
		{"credential status bogus", edit(`"status": "eligible"`, `"status": "bogus"`), `.status: "bogus" is not a status; allowed: held, eligible, eligible-early, not-yet`},
		{"plan step -5", edit(`"step": 1,`, `"step": -5,`), "plan[0].step: is -5; a plan's steps are numbered 1 to"},
		{"plan step twice", edit(`"step": 2,`, `"step": 1,`), "plan[1].step: is 1; a plan's steps are numbered 1 to"},
		{"plan action with ESC", withJSON(t, base, func(r map[string]any) { r["plan"].([]any)[0].(map[string]any)["action"] = "x\x1b[2J" }),
			`plan[0].action: holds \x1b (a control character)`},
		{"credential name with U+200F", edit(`"name": "Certified Coding Associate (AHIMA)"`, `"name": "Certified\u200f Coding"`), `credentials[0].name: holds \u200f (a control character)`},
		{"unknown requirement", edit(`"id": "education.advanced",`, `"id": "education.phd",`), `"education.phd" is not a requirement of profile hit-technician`},
		{"requirement twice", edit(`"id": "education.advanced",`, `"id": "education.degree",`), `"education.degree" is given twice; a report gives each requirement once`},
		{"blocking flag off", edit(`"met": false,
      "blocking": true`, `"met": false,
      "blocking": false`), "blocking: is false; in profile hit-technician, certification.ahima blocks readiness"},
		{"deeply nested", `{"schema": "hitready.report/v1", "notes": ` + strings.Repeat("[", 10000) + strings.Repeat("]", 10000) + `}`, "old.json:1: is not a valid report: notes[0] must be an object; got a JSON array"},
	}
}

// A ready report whose blocking requirement is not met contradicts itself: whatever the score,
// an unmet blocking requirement makes it not ready.
func TestDecodeReportRefusesReadyWithAnUnmetBlockingRequirement(t *testing.T) {
	_, p := setup(t)
	tt := readyWithUnmetBlocking(t)
	_, err := DecodeReport("old.json", []byte(tt.data), p)
	if err == nil || !strings.Contains(err.Error(), tt.want) {
		t.Errorf("got %v\nwant %q", err, tt.want)
	}
}

func readyWithUnmetBlocking(t *testing.T) reportCase {
	ready := savedOld(t, person("master", "hit", allCourses, "passed", 5))
	met := "\"id\": \"education.degree\",\n      \"area\": \"education\",\n      \"met\": true,"
	if !strings.Contains(ready, met) || !strings.Contains(ready, `"verdict": "ready"`) {
		t.Fatalf("the ready report reads otherwise:\n%s", ready)
	}
	return reportCase{"ready with an unmet blocking requirement", strings.Replace(ready, met, strings.Replace(met, "true", "false", 1), 1),
		"verdict: ready does not follow from the report: a score of 100 with thresholds 85/60 and the unmet blocking requirement education.degree makes it not-ready"}
}

// withJSON is the report as change leaves it (its keys then in alphabetical order).
func withJSON(t *testing.T, report string, change func(r map[string]any)) string {
	t.Helper()
	var r map[string]any
	if err := json.Unmarshal([]byte(report), &r); err != nil {
		t.Fatal(err)
	}
	change(r)
	out, _ := json.MarshalIndent(r, "", "  ")
	return string(out)
}

// zeroAreas is the report with every area's score 0, line for line as it was.
func zeroAreas(t *testing.T, report string) string {
	t.Helper()
	lines := strings.Split(report, "\n")
	inAreas := false
	for i, line := range lines {
		switch {
		case strings.HasPrefix(line, `  "areas"`):
			inAreas = true
		case strings.HasPrefix(line, `  "`):
			inAreas = false
		case inAreas && strings.HasPrefix(strings.TrimSpace(line), `"score":`):
			lines[i] = `      "score": 0,`
		}
	}
	return strings.Join(lines, "\n")
}

// Whatever the bytes, a report is refused as invalid input or decoded into one whose numbers and
// words are within the contract.
func FuzzDecodeReport(f *testing.F) {
	f.Add([]byte(`{"schema": "hitready.report/v1", "score": 1e308}`))
	f.Add([]byte(`{"schema": "hitready.report/v1", "score": 50, "verdict": "not-ready", "thresholds": {"ready": 80, "nearly_ready": 60}, "areas": [], "gaps": []}`))
	f.Add([]byte(`{"a": {"a": 1, "a": 2}}`))
	f.Add([]byte(`{"schema": "hitready.report/v1", "profile": "hit-technician", "score": 0, "verdict": "not-ready", "thresholds": {"ready": 85, "nearly_ready": 60},
		"areas": [{"id": "education", "score": 0, "weight": 30}, {"id": "coursework", "score": 0, "weight": 15}, {"id": "certification", "score": 0, "weight": 30}, {"id": "skills", "score": 0, "weight": 25}],
		"gaps": [], "plan": [{"step": 1}]}`))
	_, p := setup(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := DecodeReport("f.json", data, p)
		if err != nil {
			if !errors.Is(err, inputerr.ErrInvalid) || !strings.HasPrefix(err.Error(), "f.json") {
				t.Fatalf("refusal %v", err)
			}
			return
		}
		if !(r.Score >= 0 && r.Score <= 100) || r.Verdict.Rank() == 0 && r.Verdict != NotReady {
			t.Fatalf("accepted score %v verdict %q", r.Score, r.Verdict)
		}
	})
}

// A report that carries its answers is scored again from them under the profile in force, and
// refused, at the line of the field, wherever it says otherwise: edits that keep the report
// consistent with itself are caught too.
func TestDecodeReportRescoresItsAnswers(t *testing.T) {
	_, p := setup(t)
	r, err := DecodeReport("old.json", []byte(savedReport(t)), p)
	if err != nil || !r.Rescored() {
		t.Fatalf("rescored %v: %v", r.Rescored(), err)
	}
	for _, tt := range rescoreRefusals(t) {
		t.Run(tt.name, func(t *testing.T) {
			_, err := DecodeReport("old.json", []byte(tt.data), p)
			if err == nil || !errors.Is(err, inputerr.ErrInvalid) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v\nwant %q", err, tt.want)
			}
		})
	}
}

// rescoreRefusals are the refusals of TestDecodeReportRescoresItsAnswers.
func rescoreRefusals(t *testing.T) []reportCase {
	base := savedReport(t)
	edit := func(old, new string) string {
		if !strings.Contains(base, old) {
			t.Fatalf("report has no %q", old)
		}
		return strings.Replace(base, old, new, 1)
	}
	return []reportCase{
		{"verdict", edit(`"verdict": "not-ready"`, `"verdict": "nearly-ready"`),
			"old.json:7: verdict: the report says nearly-ready; its answers, scored under profile hit-technician, give not-ready"},
		{"a severity", edit(`"severity": "blocking"`, `"severity": "minor"`), `.severity: the report says minor; its answers, scored under profile hit-technician, give blocking`},
		{"a credential held", edit(`"status": "eligible"`, `"status": "held"`), `.status: the report says held; its answers`},
		{"an answer", edit(`"skills.empathy": 3`, `"skills.empathy": 5`), "old.json:6: score: the report says"},
		{"an answer out of range", edit(`"skills.empathy": 3`, `"skills.empathy": 9`), "skills.empathy: answers: 9 is out of range; allowed: a whole number from 1 to 5"},
		// A question's id holds dots: the line of its first answer is found all the same.
		{"an answer given twice", edit(`"skills.empathy": 3`, `"skills.empathy": 3, "skills.empathy": 5`),
			`old.json:531: "answers.skills.empathy" is given twice (first at line 531)`},
		{"an answer to a question not asked", edit(`"education.field": "hit"`, `"education.field": "hit", "certification.credential": "rhit"`),
			"certification.credential: answers: is asked only when certification.ahima is passed"},
	}
}
