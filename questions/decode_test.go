package questions

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/hitready/hitready/internal/inputerr"
)

const completeYAML = `respondent: Jordan Rivera
answers:
  education.level: associate
  education.field: hit
  coursework: [anatomy, physiology, medical-terminology, medical-coding, statistics, database-management]
  certification.ahima: passed
  certification.credential: rhit
  skills.clinical-knowledge: 4
  skills.reimbursement: 4
  skills.empathy: 5
  skills.ethics: 5
  skills.composure: 4
  skills.compassion: 5
  skills.privacy: 5
  skills.communication: 4
  skills.organization: 4
  skills.computer: 5
`

const completeJSON = `{
	"respondent": "Jordan Rivera",
	"answers": {
		"education.level": "associate",
		"education.field": "hit",
		"coursework": ["anatomy", "physiology", "medical-terminology", "medical-coding", "statistics", "database-management"],
		"certification.ahima": "passed",
		"certification.credential": "rhit",
		"skills.clinical-knowledge": 4,
		"skills.reimbursement": 4,
		"skills.empathy": 5,
		"skills.ethics": 5,
		"skills.composure": 4,
		"skills.compassion": 5,
		"skills.privacy": 5,
		"skills.communication": 4,
		"skills.organization": 4,
		"skills.computer": 5
	}
}
`

// replace swaps one line of a complete file for another, to make one mistake at a known line.
func replace(doc, old, new string) string {
	if !strings.Contains(doc, old) {
		panic("test file has no " + old)
	}
	return strings.Replace(doc, old, new, 1)
}

func TestDecodeAcceptsCompleteFiles(t *testing.T) {
	b := loadBank(t)
	for _, tt := range []struct{ path, data string }{
		{"me.yaml", completeYAML},
		{"me.json", completeJSON},
		{"-", completeJSON},                 // standard input, JSON recognised by its "{"
		{"-", completeYAML},                 // standard input, YAML
		{"me.yml", "\ufeff" + completeYAML}, // a byte-order mark from a Windows editor
		{"me.txt", strings.ReplaceAll(completeJSON, "\t", "  ")},
	} {
		a, err := b.DecodeAnswers(tt.path, []byte(tt.data))
		if err != nil {
			t.Fatalf("%s: %v", tt.path, err)
		}
		if open := b.Open(a); len(open) != 0 {
			t.Errorf("%s: %d questions still open, want none", tt.path, len(open))
		}
		if a.Respondent != "Jordan Rivera" {
			t.Errorf("%s: respondent = %q", tt.path, a.Respondent)
		}
		cw, _ := a.Get("coursework")
		if len(cw.Choices) != 6 || !cw.Has("statistics") {
			t.Errorf("%s: coursework = %v", tt.path, cw.Choices)
		}
		if r, _ := a.Get("skills.empathy"); r.Rating != 5 {
			t.Errorf("%s: skills.empathy = %d", tt.path, r.Rating)
		}
	}
}

func TestDecodeTreatsAnEmptyValueAsUnanswered(t *testing.T) {
	b := loadBank(t)
	a, err := b.DecodeAnswers("half.yaml", []byte(replace(completeYAML, "skills.empathy: 5", "skills.empathy:")))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := a.Get("skills.empathy"); ok {
		t.Error("an empty value was taken as an answer")
	}
	if open := b.Open(a); len(open) != 1 || open[0].ID != "skills.empathy" {
		t.Errorf("open = %v, want only skills.empathy", open)
	}
}

func TestDecodeAcceptsAnEmptyCourseworkList(t *testing.T) {
	b := loadBank(t)
	a, err := b.DecodeAnswers("me.yaml", []byte(replace(completeYAML, "coursework: [anatomy, physiology, medical-terminology, medical-coding, statistics, database-management]", "coursework: []")))
	if err != nil {
		t.Fatal(err)
	}
	if cw, ok := a.Get("coursework"); !ok || len(cw.Choices) != 0 {
		t.Errorf("coursework = %v, %v; want an empty answer", cw, ok)
	}
}

// Every refusal the contract lists, each with the file, the line and the words a person needs.
// 4.0 and 4e0 are the whole number 4, as JSON Schema's "integer" has them: the schema and the
// decoder agree (issue 17, items 12 and 19).
func TestDecodeReadsAWholeNumberWrittenAsAFloat(t *testing.T) {
	bank := loadBank(t)
	for _, tt := range []struct{ path, old, new string }{
		{"a.json", `"skills.empathy": 5`, `"skills.empathy": 4.0`},
		{"a.json", `"skills.empathy": 5`, `"skills.empathy": 4e0`},
		{"a.yaml", "skills.empathy: 5", "skills.empathy: 4.00"},
	} {
		doc := completeYAML
		if strings.HasSuffix(tt.path, ".json") {
			doc = completeJSON
		}
		a, err := bank.DecodeAnswers(tt.path, []byte(replace(doc, tt.old, tt.new)))
		if err != nil {
			t.Errorf("%s: %v", tt.new, err)
			continue
		}
		if ans, _ := a.Get("skills.empathy"); ans.Rating != 4 {
			t.Errorf("%s reads as %d", tt.new, ans.Rating)
		}
	}
}

func TestDecodeRefusals(t *testing.T) {
	b := loadBank(t)
	tests := []struct {
		name, path, data string
		want             []string // substrings of the message, in any order
	}{
		{"unknown id with suggestion", "a.yaml", replace(completeYAML, "skills.empathy: 5", "skills.empathie: 5"),
			[]string{"a.yaml:10:", "skills.empathie", "unknown question id", `did you mean "skills.empathy"`}},
		{"unknown id far from any", "a.yaml", replace(completeYAML, "skills.empathy: 5", "salary: 5"),
			[]string{"a.yaml:10:", "salary: unknown question id", "a.yaml: known question ids: education.level"}},
		{"unknown top-level field", "a.yaml", replace(completeYAML, "respondent: Jordan Rivera", "respondnet: Jordan Rivera"),
			[]string{"a.yaml:1:", `unknown field "respondnet"`, `did you mean "respondent"`, "allowed fields: respondent, answers"}},
		{"answer outside answers", "a.yaml", "skills.empathy: 4\n",
			[]string{"a.yaml:1:", `unknown field "skills.empathy"`, "under answers:"}},
		{"unknown one-of value", "a.yaml", replace(completeYAML, "education.level: associate", "education.level: asociate"),
			[]string{"a.yaml:3:", "education.level", `unknown value "asociate"`, `did you mean "associate"`, "one of: none, high-school"}},
		{"unknown any-of value", "a.yaml", replace(completeYAML, "[anatomy, physiology,", "[anatomy, biology,"),
			[]string{"a.yaml:5:", "coursework", `unknown value "biology"`, "any of: anatomy"}},
		{"value listed twice", "a.yaml", replace(completeYAML, "[anatomy, physiology,", "[anatomy, anatomy,"),
			[]string{"a.yaml:5:", "coursework", `"anatomy" is listed twice`}},
		{"rating above range", "a.yaml", replace(completeYAML, "skills.empathy: 5", "skills.empathy: 6"),
			[]string{"a.yaml:10:", "skills.empathy", "6 is out of range", "whole number from 1 to 5"}},
		{"rating below range", "a.yaml", replace(completeYAML, "skills.empathy: 5", "skills.empathy: 0"),
			[]string{"a.yaml:10:", "0 is out of range"}},
		{"rating fractional", "a.yaml", replace(completeYAML, "skills.empathy: 5", "skills.empathy: 4.5"),
			[]string{"a.yaml:10:", "skills.empathy", "4.5 is not a whole number"}},
		{"rating 4.25 in JSON", "a.json", replace(completeJSON, `"skills.empathy": 5`, `"skills.empathy": 4.25`),
			[]string{"a.json:11:", "skills.empathy", "4.25 is not a whole number; allowed: a whole number from 1 to 5"}},
		{"rating a hair under 1", "a.yaml", replace(completeYAML, "skills.empathy: 5", "skills.empathy: 0.99999999999999999999"),
			[]string{"a.yaml:10:", "skills.empathy", "0.99999999999999999999 is not a whole number"}},
		{"rating a hair under 5 in JSON", "a.json", replace(completeJSON, `"skills.empathy": 5`, `"skills.empathy": 4.99999999999999999999`),
			[]string{"a.json:11:", "skills.empathy", "4.99999999999999999999 is not a whole number"}},
		{"rating .inf", "a.yaml", replace(completeYAML, "skills.empathy: 5", "skills.empathy: .inf"),
			[]string{"a.yaml:10:", "skills.empathy", ".inf is not a whole number"}},
		{"rating as text", "a.yaml", replace(completeYAML, "skills.empathy: 5", `skills.empathy: "5"`),
			[]string{"a.yaml:10:", "skills.empathy", `got the text "5"`}},
		{"rating as a word", "a.yaml", replace(completeYAML, "skills.empathy: 5", "skills.empathy: high"),
			[]string{"a.yaml:10:", `got the text "high"`}},
		{"rating huge", "a.yaml", replace(completeYAML, "skills.empathy: 5", "skills.empathy: 99999999999999999999999"),
			[]string{"a.yaml:10: skills.empathy: 99999999999999999999999 is too large; allowed: a whole number from 1 to 5"}},
		{"rating huge in JSON", "a.json", replace(completeJSON, `"skills.empathy": 5`, `"skills.empathy": 99999999999999999999999`),
			[]string{"a.json:11: skills.empathy: 99999999999999999999999 is too large; allowed: a whole number from 1 to 5"}},
		{"rating hugely negative", "a.yaml", replace(completeYAML, "skills.empathy: 5", "skills.empathy: -99999999999999999999999"),
			[]string{"a.yaml:10: skills.empathy: -99999999999999999999999 is too small"}},
		{"rating 1e30", "a.yaml", replace(completeYAML, "skills.empathy: 5", "skills.empathy: 1e30"),
			[]string{"a.yaml:10: skills.empathy: 1e30 is too large"}},
		{"rating 1e400", "a.json", replace(completeJSON, `"skills.empathy": 5`, `"skills.empathy": 1e400`),
			[]string{"a.json:11: skills.empathy: 1e400 is too large"}},
		{"YAML merge key in answers", "a.yaml", "answers:\n  <<: {skills.empathy: 4}\n", []string{"a.yaml:2: YAML merge keys (<<) are not allowed in an answers file"}},
		{"top-level merge key", "a.yaml", "<<: {respondent: x}\n", []string{"a.yaml:1: YAML merge keys (<<) are not allowed"}},
		{"respondent with ESC", "a.yaml", replace(completeYAML, "respondent: Jordan Rivera", `respondent: "Jordan\e[2J Rivera"`),
			[]string{`a.yaml:1: respondent holds \x1b (a control character); allowed: one line of printable text`}},
		{"respondent with BEL", "a.json", replace(completeJSON, `"respondent": "Jordan Rivera"`, `"respondent": "Jordan\u0007"`), []string{`a.json:2: respondent holds \a (a control character)`}},
		{"respondent with a vertical tab", "a.yaml", replace(completeYAML, "respondent: Jordan Rivera", `respondent: "Jordan\v Rivera"`), []string{`respondent holds \v`}},
		{"respondent with NEL inside", "a.yaml", replace(completeYAML, "respondent: Jordan Rivera", `respondent: "Jordan\N Rivera"`), []string{`respondent holds \u0085`}},
		{"respondent with U+2028 inside", "a.json", replace(completeJSON, `"respondent": "Jordan Rivera"`, `"respondent": "Jordan\u2028Rivera"`), []string{`respondent holds \u2028`}},
		{"respondent with DEL", "a.yaml", replace(completeYAML, "respondent: Jordan Rivera", `respondent: "Jordan\x7f"`), []string{`respondent holds \x7f`}},
		{"respondent with a C1 CSI", "a.json", replace(completeJSON, `"respondent": "Jordan Rivera"`, `"respondent": "Jordan\u009b2J"`), []string{`respondent holds \u009b`}},
		{"respondent with a tab", "a.yaml", replace(completeYAML, "respondent: Jordan Rivera", `respondent: "Jordan\tRivera"`), []string{`respondent holds \t`}},
		{"unknown id with ESC", "a.yaml", replace(completeYAML, "skills.empathy: 5", `"skills.\e[31mempathy": 5`), []string{`a.yaml:10: skills.\x1b[31mempathy: unknown question id`}},
		{"one-of given a list", "a.yaml", replace(completeYAML, "education.level: associate", "education.level: [associate]"),
			[]string{"a.yaml:3:", "education.level", "expects one of", "got a list"}},
		{"one-of given a number", "a.json", replace(completeJSON, `"education.level": "associate"`, `"education.level": 2`),
			[]string{"a.json:4:", "education.level", "got the number 2"}},
		{"any-of given text", "a.yaml", replace(completeYAML, "coursework: [anatomy, physiology, medical-terminology, medical-coding, statistics, database-management]", "coursework: anatomy, statistics"),
			[]string{"a.yaml:5:", "coursework", "expects a list", `got the text "anatomy, statistics"`}},
		{"any-of item not text", "a.json", replace(completeJSON, `["anatomy", "physiology",`, `["anatomy", 3,`),
			[]string{"a.json:6:", "coursework", "got the number 3"}},
		{"boolean for a one-of", "a.yaml", replace(completeYAML, "certification.ahima: passed", "certification.ahima: true"),
			[]string{"a.yaml:6:", "certification.ahima", "got the boolean true"}},
		{"duplicate key in answers", "a.yaml", replace(completeYAML, "skills.empathy: 5", "skills.empathy: 5\n  skills.empathy: 4"),
			[]string{"a.yaml:11:", "skills.empathy", "given twice (first at line 10)"}},
		{"duplicate key in JSON", "a.json", replace(completeJSON, `"skills.empathy": 5,`, `"skills.empathy": 5, "skills.empathy": 3,`),
			[]string{"a.json:11:", "skills.empathy", "given twice (first at line 11)"}},
		{"duplicate top-level key", "a.yaml", "respondent: A\nrespondent: B\n",
			[]string{"a.yaml:2:", `"respondent" is given twice`}},
		{"field when level is high-school", "a.yaml", replace(completeYAML, "education.level: associate", "education.level: high-school"),
			[]string{"a.yaml:4:", "education.field", "asked only when education.level is associate, bachelor or master", "is high-school (a.yaml:3)"}},
		{"credential without a passed exam", "a.yaml", replace(completeYAML, "certification.ahima: passed", "certification.ahima: scheduled"),
			[]string{"a.yaml:7:", "certification.credential", "asked only when certification.ahima is passed"}},
		{"empty file", "a.yaml", "", []string{"a.yaml: is empty"}},
		{"only white space", "a.json", "  \n\t\n", []string{"a.json: is empty"}},
		{"only comments", "a.yaml", "# nothing yet\n", []string{"a.yaml: holds no YAML document"}},
		{"null document", "a.yaml", "~\n", []string{"a.yaml:1: holds no answers"}},
		{"a list where a mapping belongs", "a.yaml", "- education.level: associate\n", []string{"a.yaml:1:", "must be a mapping", "got a list"}},
		{"answers as a list", "a.yaml", "answers:\n  - education.level: associate\n", []string{"a.yaml:2:", "answers must be a mapping", "got a list"}},
		{"a bare word", "a.yaml", "hello\n", []string{"a.yaml:1:", "must be a mapping", `got the text "hello"`}},
		{"YAML syntax error", "a.yaml", "answers:\n  education.level: [associate\n", []string{"a.yaml:", "is not valid YAML"}},
		{"YAML bad indentation", "a.yaml", "answers:\n  education.level: associate\n bad: x\n", []string{"a.yaml:2:", "is not valid YAML", "did not find expected key"}},
		{"second YAML document", "a.yaml", completeYAML + "---\nrespondent: B\n", []string{"a.yaml:18:", "second YAML document"}},
		// YAML would count it as a line break, and name every later line a line too far.
		{"a line separator in a comment", "a.yaml", "respondent: A\n# one\u2028two\nanswers:\n  education.level: [associate\n",
			[]string{"a.yaml:2: holds a line separator (U+2028, U+2029 or U+0085)"}},
		{"NEL after CR LF", "a.yaml", "respondent: A\r\n# one\r\n# two\u0085\r\n", []string{"a.yaml:3: holds a line separator"}},
		{"YAML alias", "a.yaml", replace(replace(completeYAML, "skills.empathy: 5", "skills.empathy: &five 5"), "skills.ethics: 5", "skills.ethics: *five"),
			[]string{"a.yaml:11:", "skills.ethics", "aliases (*name) are not allowed"}},
		{"YAML alias bomb", "a.yaml", "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nanswers: {coursework: *c}\n",
			[]string{"a.yaml:1:", `unknown field "a"`, "a.yaml:4:", "coursework", "alias"}},
		{"JSON syntax error", "a.json", replace(completeJSON, `"education.field": "hit",`, `"education.field": "hit"`), []string{"a.json:6:", "is not valid JSON", "invalid character"}},
		{"JSON cut short", "a.json", completeJSON[:200], []string{"a.json:", "is not valid JSON", "ends before the document is complete"}},
		{"trailing data after JSON", "a.json", completeJSON + `{"respondent": "B"}`, []string{"a.json:21:", "data after the end of the JSON document"}},
		{"trailing garbage after JSON", "a.json", completeJSON + "x", []string{"a.json:21:", "data after the end of the JSON document"}},
		{"JSON array", "a.json", `["education.level"]`, []string{"a.json:1:", "must be a mapping", "got a list"}},
		{"deeply nested JSON", "a.json", strings.Repeat("[", 100000) + strings.Repeat("]", 100000), []string{"a.json:1:", "nested more than 32 levels"}},
		{"deeply nested YAML", "a.yaml", strings.Repeat("[", 20000) + strings.Repeat("]", 20000), []string{"a.yaml", "is not valid YAML", "max depth"}},
		{"binary garbage", "a.yaml", "\x00\x01\x02\xff\xfe", []string{"a.yaml:1:", "is not UTF-8 text: line 1, column 4 has the byte 0xFF"}},
		{"respondent as a list", "a.yaml", replace(completeYAML, "respondent: Jordan Rivera", "respondent: [a, b]"), []string{"a.yaml:1:", "respondent must be text", "got a list"}},
		{"respondent too long", "a.yaml", replace(completeYAML, "respondent: Jordan Rivera", "respondent: "+strings.Repeat("x", 201)), []string{"a.yaml:1:", "201 characters"}},
		{"several problems at once", "a.yaml", replace(replace(completeYAML, "skills.empathy: 5", "skills.empathy: 9"), "skills.ethics: 5", "skills.ethic: 5"),
			[]string{"a.yaml:10: skills.empathy", "a.yaml:11: skills.ethic"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := b.DecodeAnswers(tt.path, []byte(tt.data))
			if err == nil {
				t.Fatalf("accepted, with %d answers", a.Len())
			}
			if !errors.Is(err, inputerr.ErrInvalid) {
				t.Errorf("error does not match ErrInvalid: %v", err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("message lacks %q:\n%s", w, err)
				}
			}
		})
	}
}

// A file of thousands of unknown ids is reported in a screenful: the first inputerr.MaxShown problems, how
// many more, and the known ids once.
func TestDecodeReportsAScreenfulOfProblems(t *testing.T) {
	b := loadBank(t)
	var data strings.Builder
	data.WriteString("answers:\n")
	for i := 0; data.Len() < MaxFileSize-100; i++ {
		fmt.Fprintf(&data, "  unknown.id.%d: 1\n", i)
	}
	total := strings.Count(data.String(), "\n") - 1
	_, err := b.DecodeAnswers("flood.yaml", []byte(data.String()))
	if !errors.Is(err, inputerr.ErrInvalid) {
		t.Fatalf("err = %v", err)
	}
	msg := err.Error()
	lines := strings.Split(msg, "\n")
	if len(lines) != inputerr.MaxShown+2 {
		t.Fatalf("%d lines, want %d problems, a count and the known ids:\n%s", len(lines), inputerr.MaxShown, msg)
	}
	want := fmt.Sprintf("flood.yaml: … and %d more problems (fix these and run again to see them)", total-inputerr.MaxShown)
	if lines[inputerr.MaxShown] != want {
		t.Errorf("line %d = %q, want %q", inputerr.MaxShown+1, lines[inputerr.MaxShown], want)
	}
	if strings.Count(msg, "known question ids:") != 1 || !strings.HasPrefix(lines[inputerr.MaxShown+1], "flood.yaml: known question ids: education.level,") {
		t.Errorf("the known ids are not listed once, last:\n%s", lines[inputerr.MaxShown+1])
	}
	if len(msg) > 4096 {
		t.Errorf("message is %d bytes", len(msg))
	}
}

func TestEncodeRoundTrips(t *testing.T) {
	b := loadBank(t)
	for _, data := range []string{
		completeYAML,
		"answers:\n  education.level: none\n  coursework: []\n  skills.computer: 1\n",
		"respondent: \"O'Brien: #1\"\nanswers:\n  certification.ahima: preparing\n",
	} {
		a, err := b.DecodeAnswers("in.yaml", []byte(data))
		if err != nil {
			t.Fatal(err)
		}
		out, err := b.EncodeAnswers(a)
		if err != nil {
			t.Fatal(err)
		}
		back, err := b.DecodeAnswers("out.yaml", out)
		if err != nil {
			t.Fatalf("re-reading the encoded file: %v\n%s", err, out)
		}
		if back.Respondent != a.Respondent || !sameAnswers(a, back) {
			t.Errorf("round trip changed the answers:\n%s", out)
		}
		again, _ := b.EncodeAnswers(back)
		if !bytes.Equal(out, again) {
			t.Errorf("encoding is not stable:\n%s\n---\n%s", out, again)
		}
	}
}

func sameAnswers(a, b *Answers) bool {
	if a.Len() != b.Len() {
		return false
	}
	for _, id := range a.IDs() {
		x, _ := a.Get(id)
		y, ok := b.Get(id)
		if !ok || x.String() != y.String() {
			return false
		}
	}
	return true
}

func TestParseSet(t *testing.T) {
	b := loadBank(t)
	tests := []struct {
		arg     string
		wantID  string
		wantVal string
		wantErr []string
	}{
		{arg: "skills.empathy=4", wantID: "skills.empathy", wantVal: "4"},
		{arg: "education.level=associate", wantID: "education.level", wantVal: "associate"},
		{arg: "coursework=anatomy, statistics", wantID: "coursework", wantVal: "anatomy,statistics"},
		{arg: "coursework=", wantID: "coursework", wantVal: ""},
		{arg: "skills.empathy", wantErr: []string{"--set:", `"skills.empathy" is not ID=VALUE`}},
		{arg: "=4", wantErr: []string{"is not ID=VALUE"}},
		{arg: "skills.empaty=4", wantErr: []string{"--set: skills.empaty: unknown question id", `did you mean "skills.empathy"`}},
		{arg: "skills.empathy=7", wantErr: []string{"--set: skills.empathy: 7 is out of range"}},
		{arg: "skills.empathy=3.5", wantErr: []string{"3.5 is not a whole number"}},
		{arg: "skills.empathy=", wantErr: []string{"skills.empathy: has no value"}},
		{arg: "education.level=phd", wantErr: []string{`unknown value "phd"`}},
		{arg: "coursework=anatomy,anatomy", wantErr: []string{"listed twice"}},
	}
	for _, tt := range tests {
		t.Run(tt.arg, func(t *testing.T) {
			id, ans, err := b.ParseSet(tt.arg)
			if len(tt.wantErr) > 0 {
				if err == nil || !errors.Is(err, inputerr.ErrInvalid) {
					t.Fatalf("err = %v, want a refusal", err)
				}
				for _, w := range tt.wantErr {
					if !strings.Contains(err.Error(), w) {
						t.Errorf("message lacks %q: %s", w, err)
					}
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if id != tt.wantID || ans.String() != tt.wantVal || ans.Origin.Path != setOrigin {
				t.Errorf("got %s=%q from %s", id, ans.String(), ans.Origin)
			}
		})
	}
}
