package yamlout

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/hitready/hitready/assessment"
	"github.com/hitready/hitready/internal/cohort"
	"github.com/hitready/hitready/internal/textsafe"
	"github.com/hitready/hitready/questions"
)

// Strings that YAML would read as something else, or that break plain scalars.
var trickyStrings = []string{
	"", " ", "yes", "No", "null", "~", "true", "2019", "1e3", "0x1F", "0o17", "012", ".5", "-3", "+4", "1_000",
	"2012-05-01", "a: b", "a #b", "#c", "- x", "-x", "[x]", "{x}", "*alias", "&anchor", "!tag", "|", ">", "'q'",
	`"q"`, "%p", "@x", "`x`", "line\nbreak", "tab\there", "trailing ", " leading", "ünïcødé", "日本語", "emoji 🙂",
	"x:", "x: ", "../a.yaml", "./b", "/abs/c.json", ".inf", ".NaN", ".5e3", "...", "....x", ".", "?x", "a,b", "A&P", "<b>", "back\\slash", "\u2028", "\x00nul",
	"nel\u0085", "ps\u2029", "x\u009b2J\u009d0;title\u009c.yaml", "del\x7f", "\u200elrm\u200frlm\u061calm", "\u202eevil", "Jordan Rivera", "4 of 5 or higher",
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
		r.Answers = nil // in JSON only: the YAML report does not carry them
		r.Respondent = trickyStrings[i%len(trickyStrings)]
		r.Source = trickyStrings[(i*7+3)%len(trickyStrings)]
		fast, err := Marshal([]assessment.Report{r})
		if err != nil {
			t.Fatal(err)
		}
		assertNoControls(t, fast)
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
		assertNoControls(t, fast)
		var back []assessment.Report
		if err := yaml.Unmarshal(fast, &back); err != nil {
			t.Fatalf("yaml.v3 cannot read it back (%v):\n%s", err, fast)
		}
		if want, got := canonical(t, []assessment.Report{r}), canonical(t, back); !bytes.Equal(want, got) {
			t.Fatalf("round trip changed %q / %q:\n%s", respondent, source, fast)
		}
	})
}

// assertNoControls fails when YAML text holds, raw, a rune that textsafe counts as a control,
// or a byte that is not UTF-8, other than the newlines that end its lines.
func assertNoControls(t *testing.T, text []byte) {
	t.Helper()
	for _, line := range strings.Split(string(text), "\n") {
		if r, bad := textsafe.Unsafe(line); bad {
			t.Fatalf("raw %s in %q", textsafe.Escape(string(r)), line)
		}
	}
}

// Strings with controls are double-quoted and every control escaped, with YAML's own escapes
// where it has them, so that a terminal shows them as text.
func TestQuoteEscapesControls(t *testing.T) {
	tests := []struct{ in, want string }{
		{"x\u009b2J\u009d0;title\u009c.yaml", `"x\x9b2J\x9d0;title\x9c.yaml"`},
		{"c\u2028ls\u0085.yaml", `"c\Lls\N.yaml"`},
		{"ps\u2029", `"ps\P"`},
		{"esc\x1b[2J", `"esc\x1b[2J"`},
		{"del\x7f", `"del\x7f"`},
		{"a\u200eb\u200fc\u061cd", `"a\u200eb\u200fc\u061cd"`},
		{"rlo\u202eisolate\u2066", `"rlo\u202eisolate\u2066"`},
		{"a\u200b.yaml", `"a\u200b.yaml"`},
		{"tag\U000e0041", `"tag\U000e0041"`},
		{"tab\tnl\n", `"tab\tnl\n"`},
		{"Zoë Ünal", "Zoë Ünal"},
	}
	for _, tt := range tests {
		out, err := Marshal(map[string]string{"source": tt.in})
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.TrimSuffix(strings.TrimPrefix(string(out), "source: "), "\n"); got != tt.want {
			t.Errorf("%q is written %s, want %s", tt.in, got, tt.want)
		}
		var back map[string]string
		if err := yaml.Unmarshal(out, &back); err != nil || back["source"] != tt.in {
			t.Errorf("%s reads back as %q (%v), want %q", out, back["source"], err, tt.in)
		}
	}
}

// yamlQuote escapes every rune textsafe counts as a control, and no other rune of the Basic
// Multilingual Plane except those YAML cannot print.
func TestQuoteEscapesWhatTextsafeCalls(t *testing.T) {
	for r := rune(0); r <= 0xffff; r++ {
		if r >= 0xd800 && r <= 0xdfff { // surrogates are not runes
			continue
		}
		s := string(r)
		escaped := yamlQuote(s) != `"`+s+`"`
		special := r == '"' || r == '\\' || r == 0xfffe || r == 0xffff
		if escaped != (textsafe.IsControl(r) || special) {
			t.Errorf("yamlQuote(%U) = %s; textsafe.IsControl = %v", r, yamlQuote(s), textsafe.IsControl(r))
		}
	}
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
