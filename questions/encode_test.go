package questions

import (
	"bytes"
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
