package questions

import (
	"errors"
	"strings"
	"testing"

	"github.com/hitready/hitready/internal/inputerr"
)

// fuzzDecode is the property every answers file must keep, whatever its bytes: decoding ends in
// answers that are valid and survive a round trip, or in a refusal that matches inputerr.ErrInvalid and
// names the file. It never panics (the decoder's own safety net would hide a panic, so its
// message is treated as a failure here).
func fuzzDecode(t *testing.T, bank *Bank, path string, data []byte) {
	a, err := bank.DecodeAnswers(path, data)
	if err != nil {
		if !errors.Is(err, inputerr.ErrInvalid) {
			t.Fatalf("a refusal that is not ErrInvalid: %v", err)
		}
		if strings.Contains(err.Error(), "could not be parsed (") {
			t.Fatalf("the parser panicked: %v", err)
		}
		if !strings.HasPrefix(err.Error(), path) {
			t.Fatalf("the message does not name the file: %v", err)
		}
		return
	}
	for _, id := range a.IDs() {
		if _, ok := bank.Question(id); !ok {
			t.Fatalf("accepted an unknown id %q", id)
		}
	}
	if err := bank.CheckConsistency(a); err != nil {
		t.Fatalf("accepted inconsistent answers: %v", err)
	}
	out, err := bank.EncodeAnswers(a)
	if err != nil {
		t.Fatal(err)
	}
	back, err := bank.DecodeAnswers("round-trip.yaml", out)
	if err != nil {
		t.Fatalf("accepted answers that do not survive a round trip: %v\n%s", err, out)
	}
	if back.Respondent != a.Respondent || !sameAnswers(a, back) {
		t.Fatalf("round trip changed the answers:\n%s", out)
	}
}

func FuzzDecodeAnswersYAML(f *testing.F) {
	bank := loadBank(f)
	for _, seed := range []string{completeYAML, "answers:\n  coursework: []\n", "respondent: x\n", "a: &a [*a]\n", "- 1\n", "answers: {skills.empathy: 0x3}\n"} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) { fuzzDecode(t, bank, "fuzz.yaml", data) })
}

func FuzzDecodeAnswersJSON(f *testing.F) {
	bank := loadBank(f)
	for _, seed := range []string{completeJSON, `{"answers": {"coursework": []}}`, `{"respondent": 1}`, `[[[]]]`, `{"answers": null} {}`} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) { fuzzDecode(t, bank, "fuzz.json", data) })
}

func FuzzParseSet(f *testing.F) {
	bank := loadBank(f)
	for _, seed := range []string{"skills.empathy=4", "coursework=anatomy,statistics", "education.level=", "=", "x"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, arg string) {
		id, ans, err := bank.ParseSet(arg)
		if err != nil {
			if !errors.Is(err, inputerr.ErrInvalid) || !strings.HasPrefix(err.Error(), setOrigin) {
				t.Fatalf("refusal %v", err)
			}
			return
		}
		q, ok := bank.Question(id)
		if !ok || ans.Kind != q.Kind {
			t.Fatalf("accepted %q as %s=%v", arg, id, ans)
		}
		if q.Kind == Rating && (ans.Rating < q.Scale.Min || ans.Rating > q.Scale.Max) {
			t.Fatalf("accepted rating %d", ans.Rating)
		}
	})
}
