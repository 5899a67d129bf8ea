package yamlout

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"testing"

	"github.com/hitready/hitready/assessment"
	"github.com/hitready/hitready/internal/cohort"
	"github.com/hitready/hitready/questions"
	"go.yaml.in/yaml/v3"
)

// Strings that YAML would read as something else, or that break plain scalars.
var trickyStrings = []string{
	"", " ", "yes", "No", "null", "~", "true", "2019", "1e3", "0x1F", "0o17", "012", ".5", "-3", "+4", "1_000",
	"2012-05-01", "a: b", "a #b", "#c", "- x", "-x", "[x]", "{x}", "*alias", "&anchor", "!tag", "|", ">", "'q'",
	`"q"`, "%p", "@x", "`x`", "line\nbreak", "tab\there", "trailing ", " leading", "ünïcødé", "日本語", "emoji 🙂",
	"x:", "x: ", "../a.yaml", "./b", "/abs/c.json", ".inf", ".NaN", ".5e3", "...", "....x", ".", "?x", "a,b", "A&P", "<b>", "back\\slash", "\u2028", "\x00nul", "Jordan Rivera", "4 of 5 or higher",
}

// Marshal's output decodes, with yaml.v3, to exactly the report it came from, and reads the same
// as yaml.v3's own output for ordinary reports.
func TestFastYAMLRoundTrips(t *testing.T) {
	bank, err := questions.Load()
	if err != nil {
		t.Fatal(err)
	}
	p, err := assessment.DefaultProfile(bank)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(8, 9))
	for i := range 400 {
		a := cohort.Person(bank, rng)
		r := assessment.Score(p, a)
		r.Respondent = trickyStrings[i%len(trickyStrings)]
		r.Source = trickyStrings[(i*7+3)%len(trickyStrings)]
		fast, err := Marshal([]assessment.Report{r})
		if err != nil {
			t.Fatal(err)
		}
		var back []assessment.Report
		if err := yaml.Unmarshal(fast, &back); err != nil {
			t.Fatalf("yaml.v3 cannot read it back (%v):\n%s", err, fast)
		}
		want, _ := json.Marshal([]assessment.Report{r})
		got, _ := json.Marshal(back)
		if !bytes.Equal(want, got) {
			t.Fatalf("respondent %q, source %q: round trip changed the report:\n%s", r.Respondent, r.Source, fast)
		}
		if r.Respondent == "Jordan Rivera" {
			r.Source = "answers/class-a/jordan.yaml"
			fast, _ := Marshal([]assessment.Report{r})
			slow, err := yamlV3([]assessment.Report{r})
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(slow, fast) {
				t.Errorf("an ordinary report reads differently from yaml.v3's:\n%s\n---\n%s", fast, slow)
			}
		}
	}
}

func BenchmarkReportYAML(b *testing.B) {
	bank, _ := questions.Load()
	p, _ := assessment.DefaultProfile(bank)
	r := assessment.Score(p, cohort.Person(bank, rand.New(rand.NewPCG(1, 1))))
	b.Run("yaml.v3", func(b *testing.B) {
		for b.Loop() {
			if _, err := yamlV3([]assessment.Report{r}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("fast", func(b *testing.B) {
		for b.Loop() {
			if _, err := Marshal([]assessment.Report{r}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// Any strings in a report come back from yaml.v3 exactly as written.
func FuzzFastYAMLStrings(f *testing.F) {
	for _, s := range trickyStrings {
		f.Add(s, "x")
	}
	f.Fuzz(func(t *testing.T, respondent, source string) {
		r := assessment.Report{Respondent: respondent, Source: source, Gaps: []assessment.Gap{{ID: source, NextStep: respondent}},
			Notes: []assessment.Note{}, Areas: []assessment.AreaScore{}, Requirements: []assessment.Result{}}
		fast, err := Marshal([]assessment.Report{r})
		if err != nil {
			t.Fatal(err)
		}
		var back []assessment.Report
		if err := yaml.Unmarshal(fast, &back); err != nil {
			t.Fatalf("yaml.v3 cannot read it back (%v):\n%s", err, fast)
		}
		if want, got := canonical(t, []assessment.Report{r}), canonical(t, back); !bytes.Equal(want, got) {
			t.Fatalf("round trip changed %q / %q:\n%s", respondent, source, fast)
		}
	})
}

// canonical is v's JSON after one round trip through JSON, so that text written differently
// compares equal when it means the same: invalid UTF-8 becomes U+FFFD in every output, as in
// hitready's JSON.
func canonical(t *testing.T, v any) []byte {
	t.Helper()
	first, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var generic any
	if err := json.Unmarshal(first, &generic); err != nil {
		t.Fatal(err)
	}
	out, _ := json.Marshal(generic)
	return out
}

// yamlV3 is yaml.v3's text for v, indented as hitready indents YAML.
func yamlV3(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	err := enc.Close()
	return buf.Bytes(), err
}
