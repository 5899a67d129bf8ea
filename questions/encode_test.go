package questions

import (
	"bytes"
	"maps"
	"slices"
	"strings"
	"testing"
)

// An answers file saved as *.json reads back to the same answers, and encodes the same again.
func TestEncodeJSONRoundTrips(t *testing.T) {
	b := loadBank(t)
	for _, data := range []string{
		completeYAML,
		"answers:\n  education.level: none\n  coursework: []\n  skills.computer: 1\n",
		"respondent: \"O'Brien: \\\"#1\\\" \\u00e9 <b>\"\nanswers:\n  certification.ahima: preparing\n",
		"answers: {}\n",
	} {
		a, err := b.DecodeAnswers("in.yaml", []byte(data))
		if err != nil {
			t.Fatal(err)
		}
		out, err := b.EncodeAnswersJSON(a)
		if err != nil {
			t.Fatal(err)
		}
		back, err := b.DecodeAnswers("out.json", out)
		if err != nil {
			t.Fatalf("re-reading the encoded file: %v\n%s", err, out)
		}
		if back.Respondent != a.Respondent || !sameAnswers(a, back) {
			t.Errorf("round trip changed the answers:\n%s", out)
		}
		if again, _ := b.EncodeAnswersJSON(back); !bytes.Equal(out, again) {
			t.Errorf("encoding is not stable:\n%s\n---\n%s", out, again)
		}
	}
}

// Whatever answers the decoder accepts survive a trip through the JSON encoder.
func FuzzEncodeAnswersJSON(f *testing.F) {
	bank := loadBank(f)
	for _, seed := range []string{completeYAML, "respondent: \"\\u2028\\t\\\"\"\nanswers: {coursework: []}\n"} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := bank.DecodeAnswers("fuzz.yaml", data)
		if err != nil {
			return
		}
		out, err := bank.EncodeAnswersJSON(a)
		if err != nil {
			t.Fatal(err)
		}
		back, err := bank.DecodeAnswers("round-trip.json", out)
		if err != nil {
			t.Fatalf("accepted answers that do not survive JSON: %v\n%s", err, out)
		}
		if back.Respondent != a.Respondent || !sameAnswers(a, back) {
			t.Fatalf("round trip changed the answers:\n%s", out)
		}
	})
}

// Answers files outlive hitready: the words YAML 1.1 reads as booleans are written quoted, and
// read back as the same text.
func TestEncodeQuotesYAML11Booleans(t *testing.T) {
	b := loadBank(t)
	a := NewAnswers()
	a.Set("education.level", OneOfAnswer("some-college"))
	a.Set("education.program", OneOfAnswer("no"))
	data, err := b.EncodeAnswers(a)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `education.program: "no"`) || !strings.Contains(string(data), "education.level: some-college\n") {
		t.Fatalf("encoded:\n%s", data)
	}
	back, err := b.DecodeAnswers("me.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := back.Get("education.program"); got.Choice != "no" {
		t.Errorf("read back %q", got.Choice)
	}
}

// A report's answers are the answers file's mapping, ids sorted; no answers are {}.
func TestAnswersMarshalJSON(t *testing.T) {
	a := NewAnswers()
	a.Set("skills.empathy", RatingAnswer(4))
	a.Set("coursework", AnyOfAnswer("anatomy", "statistics"))
	a.Set("education.level", OneOfAnswer("associate"))
	for _, tt := range []struct {
		a    *Answers
		want string
	}{
		{a, `{"coursework":["anatomy","statistics"],"education.level":"associate","skills.empathy":4}`},
		{NewAnswers(), `{}`},
		{&Answers{}, `{}`},
	} {
		got, err := tt.a.MarshalJSON()
		if err != nil || string(got) != tt.want {
			t.Errorf("got %s (%v), want %s", got, err, tt.want)
		}
	}
}

// The optional questions a person skipped are written as skipped: (in bank order, only those
// still asked) and read back, in YAML and JSON alike; skipped names optional questions only.
func TestSkippedRoundTrips(t *testing.T) {
	b := loadBank(t)
	a, err := b.DecodeAnswers("in.yaml", []byte("answers:\n  education.level: high-school\nskipped: [work.settings, education.program]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if !a.Skipped("education.program") || !a.Skipped("work.settings") {
		t.Fatalf("skipped not read: %v", a.SkippedIDs())
	}
	a.Skip("education.accredited") // not asked with a high-school level: not written
	yml, _ := b.EncodeAnswers(a)
	js, _ := b.EncodeAnswersJSON(a)
	if !strings.Contains(string(yml), "\nskipped: [education.program, work.settings]\n") || !strings.Contains(string(js), `"skipped": ["education.program", "work.settings"]`) {
		t.Errorf("written as:\n%s\n%s", yml, js)
	}
	for name, data := range map[string][]byte{"a.yaml": yml, "a.json": js} {
		back, err := b.DecodeAnswers(name, data)
		if err != nil || strings.Join(back.SkippedIDs(), " ") != "education.program work.settings" {
			t.Errorf("%s reads back as %v (%v)", name, back, err)
		}
	}
	// An answer wins over a skip of the same question.
	both, err := b.DecodeAnswers("b.yaml", []byte("answers:\n  work.settings: [hospitals]\nskipped: [work.settings]\n"))
	if err != nil || both.Skipped("work.settings") {
		t.Errorf("answered and skipped: %v, %v", both.SkippedIDs(), err)
	}
	for data, want := range map[string]string{
		"skipped: [coursework]\n":                   "coursework: is not optional and cannot be skipped",
		"skipped: [work.setings]\n":                 `skipped: "work.setings" is not a question id (did you mean "work.settings"?)`,
		"skipped: [work.settings, work.settings]\n": "work.settings: is skipped twice (first at line 1)",
		"skipped: work.settings\n":                  "skipped must be a list of optional question ids",
	} {
		_, err := b.DecodeAnswers("c.yaml", []byte(data))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v, want %q", data, err, want)
		}
	}
}

// The JSON answers file is laid out for a person, in bank order: a member of a mapping a line, a
// list on one line, texts quoted as encoding/json quotes them.
func TestEncodeAnswersJSONLayout(t *testing.T) {
	b := loadBank(t)
	a := NewAnswers()
	a.Respondent = "Ana <A&B>"
	a.Set("skills.empathy", RatingAnswer(4))
	a.Set("education.level", OneOfAnswer("associate"))
	a.Set("coursework", AnyOfAnswer("physiology", "anatomy"))
	const want = `{
  "respondent": "Ana \u003cA\u0026B\u003e",
  "answers": {
    "education.level": "associate",
    "coursework": ["physiology", "anatomy"],
    "skills.empathy": 4
  }
}
`
	if got, _ := b.EncodeAnswersJSON(a); string(got) != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if got, _ := b.EncodeAnswersJSON(NewAnswers()); string(got) != "{\n  \"answers\": {}\n}\n" {
		t.Errorf("no answers written as:\n%s", got)
	}
}

// SkippedIDs lists the skipped question ids, sorted: what the tests of skipped questions compare.
func (a *Answers) SkippedIDs() []string { return slices.Sorted(maps.Keys(a.skipped)) }
