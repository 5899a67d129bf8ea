package assessment

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/hitready/hitready/questions"
)

// savedReport is a report as assess --format json writes it.
func savedReport(t *testing.T) string {
	t.Helper()
	_, p := setup(t)
	r := Score(p, person("associate", "hit", []string{"anatomy"}, "scheduled", 4, 3))
	r.Source = "spring.yaml"
	out, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

func TestDecodeReportReadsWhatAssessWrites(t *testing.T) {
	data := savedReport(t)
	r, err := DecodeReport("old.json", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	if r.Source != "old.json" || r.Verdict != NotReady || len(r.Gaps) == 0 || len(r.Areas) != 4 {
		t.Errorf("decoded %+v", r)
	}
}

func TestDecodeReportRefusals(t *testing.T) {
	base := savedReport(t)
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
	tests := []struct {
		name, data string
		want       string
	}{
		{"score 500", edit(score, `  "score": 500,`), "old.json:6: score: 500 is outside 0-100"},
		{"score -1e308", edit(score, `  "score": -1e308,`), "old.json:6: score: -1e+308 is outside 0-100"},
		{"score 1e400", edit(score, `  "score": 1e400,`), "old.json:6: is not a valid report: score: 1e400 is too large"},
		{"score as text", edit(score, `  "score": "high",`), `old.json:6: is not a valid report: score must be a number; got a JSON string`},
		{"verdict bogus", edit(`"verdict": "not-ready"`, `"verdict": "bogus"`), `old.json:7: verdict: "bogus" is not a verdict; allowed: ready, nearly-ready, not-ready`},
		{"verdict that does not follow", edit(`"verdict": "not-ready"`, `"verdict": "ready"`), "verdict: ready does not follow from the report"},
		{"duplicate key", edit(`"verdict": "not-ready"`, `"verdict": "not-ready", "verdict": "ready"`), `old.json:7: "verdict" is given twice (first at line 7); a report names each field once`},
		{"duplicate key inside an area", edit(`"id": "education",`, `"id": "education", "id": "skills",`), `old.json:14: "areas[0].id" is given twice (first at line 14)`},
		{"unknown field", edit(`"verdict": "not-ready"`, `"verdict": "not-ready", "colour": "red"`), `old.json: is not a valid report: has unknown field "colour"; it is not a field of a hitready.report/v1 report`},
		{"unknown severity", edit(`"severity": "blocking"`, `"severity": "urgent"`), `.severity: "urgent" is not a severity; allowed: blocking, major, minor`},
		{"area score above 100", edit(`"score": 90,`, `"score": 1000,`), "areas[0].score: 1000 is outside 0-100"},
		{"negative area weight", edit(`"weight": 30`, `"weight": -30`), "areas[0].weight: -30 is outside 0-1e+06"},
		{"credit above 1", edit(`"credit": 0.5`, `"credit": 5`), ".credit: 5 is outside 0-1"},
		{"thresholds reversed", edit(`"nearly_ready": 60`, `"nearly_ready": 90`), "thresholds.nearly_ready: 90 is outside 0-85"},
		{"respondent with ESC", edit(`"respondent": ""`, `"respondent": "Pat\u001b[2J"`), `respondent: holds \x1b (a control character)`},
		{"gap text with U+2028", edit(`"current": "Exam scheduled"`, `"current": "Exam\u2028scheduled"`), `.current: holds \u2028 (a control character)`},
		{"schema missing", edit(`"schema": "hitready.report/v1",`, ``), `schema: is ""; compare reads "hitready.report/v1" reports`},
		{"missing score", edit(score, ``), "score: is missing"},
		{"not an object", `[1, 2]`, "old.json:1: is not a report: a report is one JSON object"},
		{"data after the report", base + `{}`, "has data after the end of the report"},
		{"cut short", base[:len(base)/2], "is not a valid report: it ends before the JSON is complete"},
		{"deeply nested", `{"schema": "hitready.report/v1", "notes": ` + strings.Repeat("[", 10000) + strings.Repeat("]", 10000) + `}`, "nested more than 16 levels"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := DecodeReport("old.json", []byte(tt.data))
			if err == nil {
				t.Fatal("accepted")
			}
			if !errors.Is(err, questions.ErrInvalid) {
				t.Errorf("not ErrInvalid: %v", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("message lacks %q:\n%s", tt.want, err)
			}
		})
	}
}

// Whatever the bytes, a report is refused as invalid input or decoded into one whose numbers and
// words are within the contract.
func FuzzDecodeReport(f *testing.F) {
	f.Add([]byte(`{"schema": "hitready.report/v1", "score": 1e308}`))
	f.Add([]byte(`{"schema": "hitready.report/v1", "score": 50, "verdict": "not-ready", "thresholds": {"ready": 80, "nearly_ready": 60}, "areas": [], "gaps": []}`))
	f.Add([]byte(`{"a": {"a": 1, "a": 2}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := DecodeReport("f.json", data)
		if err != nil {
			if !errors.Is(err, questions.ErrInvalid) || !strings.HasPrefix(err.Error(), "f.json") {
				t.Fatalf("refusal %v", err)
			}
			return
		}
		if !(r.Score >= 0 && r.Score <= 100) || r.Verdict.Rank() == 0 && r.Verdict != NotReady {
			t.Fatalf("accepted score %v verdict %q", r.Score, r.Verdict)
		}
	})
}
