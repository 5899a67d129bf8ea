package cmd

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hitready/hitready/internal/render"
	"github.com/hitready/hitready/questions"
)

func TestRulesGolden(t *testing.T) {
	type c struct {
		golden string
		args   []string
	}
	var cases []c
	for _, f := range render.QuestionFormats().Names() {
		cases = append(cases, c{"questions." + f, []string{"questions", "--format", f}})
	}
	cases = append(cases, c{"questions.template", []string{"questions", "--template"}})
	for _, f := range render.RequirementFormats().Names() {
		cases = append(cases, c{"requirements." + f, []string{"requirements", "--format", f}})
	}
	for _, f := range render.CredentialFormats().Names() {
		cases = append(cases, c{"credentials." + f, []string{"credentials", "--format", f}})
	}
	for _, f := range render.OutlookFormats().Names() {
		cases = append(cases, c{"outlook." + f, []string{"outlook", "--format", f}})
	}
	// In Spanish, the markdown of each (its tables are pinned at every width in width_test.go).
	for _, command := range []string{"credentials", "requirements", "outlook"} {
		cases = append(cases, c{command + "-es.markdown", []string{command, "--lang", "es", "--format", "markdown"}})
	}
	// A report in Spanish Markdown: its shares of the score in percent as Spanish writes them.
	cases = append(cases, c{"nearly-ready-es.markdown", []string{"assess", "--lang", "es", "--answers", filepath.Join("..", "examples", "nearly-ready.yaml"), "--format", "markdown"}})
	// The bank in Spanish: its texts, and each quote (why) with its rendering (why_translation).
	cases = append(cases, c{"questions-es.yaml", []string{"questions", "--lang", "es", "--format", "yaml"}})
	cases = append(cases, c{"questions-es.template", []string{"questions", "--lang", "es", "--template"}})
	for _, tt := range cases {
		t.Run(tt.golden, func(t *testing.T) {
			r := run(t, "", tt.args...)
			if r.code != exitOK || r.stderr != "" {
				t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
			}
			golden(t, tt.golden, []byte(r.stdout))
		})
	}
}

// The template, untouched, is a valid (empty) answers file; filled in, it scores without asking.
func TestTemplateFilledInScores(t *testing.T) {
	r := run(t, "", "questions", "--template")
	bank, err := questions.Load()
	if err != nil {
		t.Fatal(err)
	}
	empty, err := bank.DecodeAnswers("template.yaml", []byte(r.stdout))
	if err != nil || empty.Len() != 0 {
		t.Fatalf("the blank template does not read as empty answers: %v", err)
	}
	fill := map[string]string{
		"respondent": "Template User", "education.level": "bachelor", "education.field": "related",
		"coursework": "[anatomy, statistics]", "certification.ahima": "passed", "certification.credential": "rhia",
		"work.settings": "[]",
	}
	var lines []string
	for _, line := range strings.Split(r.stdout, "\n") {
		key := strings.TrimSuffix(strings.TrimSpace(strings.SplitN(line, "#", 2)[0]), ":")
		switch {
		case fill[key] != "":
			line = strings.SplitN(line, ":", 2)[0] + ": " + fill[key]
		case strings.HasPrefix(key, "skills."):
			line += " 4"
		}
		lines = append(lines, line)
	}
	path := filepath.Join(t.TempDir(), "filled.yaml")
	os.WriteFile(path, []byte(strings.Join(lines, "\n")), 0o600)
	scored := run(t, "", "assess", "--answers", path, "--no-input", "--format", "json")
	if scored.code != exitOK || !strings.Contains(scored.stdout, `"respondent": "Template User"`) {
		t.Fatalf("exit %d: %s\n%s", scored.code, scored.stderr, strings.Join(lines, "\n"))
	}
}

// requirements --format yaml is the form --profile reads: the dump, read back, scores every
// example to the identical report.
func TestRequirementsDumpRoundTrips(t *testing.T) {
	dump := run(t, "", "requirements", "--format", "yaml")
	path := filepath.Join(t.TempDir(), "my-program.yaml")
	if err := os.WriteFile(path, []byte(dump.stdout), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, ex := range []string{"ready.yaml", "nearly-ready.yaml", "not-ready.yaml", "student.json"} {
		answers := filepath.Join("..", "examples", ex)
		embedded := run(t, "", "assess", "--answers", answers, "--format", "json")
		custom := run(t, "", "assess", "--answers", answers, "--format", "json", "--profile", path)
		if custom.code != exitOK || custom.stdout != embedded.stdout {
			t.Errorf("%s: the dumped profile scores differently (exit %d, %s)", ex, custom.code, custom.stderr)
		}
	}
	again := run(t, "", "requirements", "--format", "yaml", "--profile", path)
	if again.stdout != dump.stdout {
		t.Error("dumping the dumped profile changed it")
	}
	cohort := run(t, "", "score", filepath.Join("testdata", "cohort"), "--format", "csv", "--profile", path)
	if cohort.code != exitOK || cohort.stdout != run(t, "", "score", filepath.Join("testdata", "cohort"), "--format", "csv").stdout {
		t.Errorf("score --profile: exit %d %s", cohort.code, cohort.stderr)
	}
}

// An edited profile takes effect and names itself in the report.
func TestCustomProfileTakesEffect(t *testing.T) {
	dump := run(t, "", "requirements", "--format", "yaml").stdout
	edited := strings.NewReplacer("id: hit-technician", "id: evening-program", "ready: 85", "ready: 99").Replace(dump)
	path := filepath.Join(t.TempDir(), "evening.yaml")
	os.WriteFile(path, []byte(edited), 0o600)
	r := run(t, "", "assess", "--answers", filepath.Join("..", "examples", "ready.yaml"), "--format", "json", "--profile", path)
	if !strings.Contains(r.stdout, `"profile": "evening-program"`) || !strings.Contains(r.stdout, `"verdict": "nearly-ready"`) {
		t.Errorf("the edited profile was not used:\n%s", r.stdout)
	}
}

func TestInvalidProfilesAreRefused(t *testing.T) {
	dump := run(t, "", "requirements", "--format", "yaml").stdout
	dir := t.TempDir()
	tests := []struct {
		name, data string
		want       *regexp.Regexp
	}{
		{"unknown field", strings.Replace(dump, "major_below: 0.5", "major_below: 0.5\nweights: {}", 1), regexp.MustCompile(`p\.yaml:\d+: is not a valid profile: unknown field weights`)},
		{"unknown question", strings.Replace(dump, "question: skills.empathy", "question: skills.sympathy", 1), regexp.MustCompile(`p\.yaml:\d+: skills\.empathy: credit: unknown question "skills\.sympathy"`)},
		{"unknown value", strings.Replace(dump, "includes: anatomy", "includes: biology", 1), regexp.MustCompile(`p\.yaml:\d+: coursework\.anatomy: credit: includes: "biology" is not a value of coursework`)},
		{"negative weight", strings.Replace(dump, "weight: 30", "weight: -30", 1), regexp.MustCompile(`p\.yaml:\d+: education: areas\.weight -30 is too small; allowed: a number from 0 to 1e\+06`)},
		{"weights sum to nothing", regexp.MustCompile(`(?m)^    weight: \d+$`).ReplaceAllString(dump, "    weight: 0"), regexp.MustCompile(`area weights must sum to more than zero`)},
		{"target outside the scale", strings.Replace(dump, "target: 4\n", "target: 9\n", 1), regexp.MustCompile(`target 9 is outside skills\.clinical-knowledge's scale`)},
		{"threshold outside 0-100", strings.Replace(dump, "ready: 85", "ready: 185", 1), regexp.MustCompile(`p\.yaml:\d+: thresholds must satisfy`)},
		{"empty", "", regexp.MustCompile(`p\.yaml: is empty`)},
		{"not YAML", "id: [x\n", regexp.MustCompile(`p\.yaml:\d+: is not a valid profile`)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, "p.yaml")
			os.WriteFile(path, []byte(tt.data), 0o600)
			out := filepath.Join(dir, "report.json")
			for _, args := range [][]string{
				{"requirements", "--profile", path},
				{"assess", "--profile", path, "--answers", filepath.Join("..", "examples", "ready.yaml"), "--output", out},
				{"score", "--profile", path, filepath.Join("testdata", "cohort"), "--output", out},
			} {
				r := run(t, "", args...)
				if r.code != exitInvalid || !tt.want.MatchString(r.stderr) || r.stdout != "" {
					t.Errorf("%s: exit %d, stdout %d bytes, stderr:\n%s", args[0], r.code, len(r.stdout), r.stderr)
				}
				if _, err := os.Stat(out); err == nil {
					t.Errorf("%s wrote a report with an invalid profile", args[0])
				}
			}
		})
	}
}

func TestVersion(t *testing.T) {
	want := regexp.MustCompile(`^hitready \S+\ncommit \S+( \(modified\))?\ngo1\.\d+`)
	for _, args := range [][]string{{"version"}, {"--version"}} {
		r := run(t, "", args...)
		if r.code != exitOK || !want.MatchString(r.stdout) {
			t.Errorf("%v: exit %d:\n%s", args, r.code, r.stdout)
		}
	}
}

func TestCompletion(t *testing.T) {
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"__complete", "assess", "--set", "skills.emp"}, []string{"skills.empathy="}},
		{[]string{"__complete", "assess", "--set", "education.level="}, []string{"education.level=associate", "education.level=master"}},
		{[]string{"__complete", "assess", "--set", "coursework=anatomy,"}, []string{"coursework=anatomy,statistics"}},
		{[]string{"__complete", "assess", "--set", "skills.ethics="}, []string{"skills.ethics=1", "skills.ethics=5"}},
		{[]string{"__complete", "score", "--format", ""}, []string{"table", "json", "yaml", "csv", "markdown"}},
		{[]string{"__complete", "questions", "--format", ""}, []string{"json-schema"}},
	}
	for _, tt := range tests {
		r := run(t, "", tt.args...)
		got := strings.Split(r.stdout, "\n")
		for _, w := range tt.want {
			if !slices.Contains(got, w) {
				t.Errorf("%v: %q not offered:\n%s", tt.args[2:], w, r.stdout)
			}
		}
	}
	r := run(t, "", "completion", "bash")
	if r.code != exitOK || !strings.Contains(r.stdout, "__start_hitready") {
		t.Errorf("completion bash: exit %d", r.code)
	}
}

// The JSON Schema is derived from the bank; this keeps it saying what the decoder accepts.
func TestAnswersSchemaMatchesTheBank(t *testing.T) {
	r := run(t, "", "questions", "--format", "json-schema")
	var schema struct {
		Properties struct {
			Answers struct {
				Properties           map[string]map[string]any `json:"properties"`
				AdditionalProperties bool                      `json:"additionalProperties"`
				AllOf                []any                     `json:"allOf"`
			} `json:"answers"`
		} `json:"properties"`
		AdditionalProperties bool `json:"additionalProperties"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &schema); err != nil {
		t.Fatal(err)
	}
	bank, _ := questions.Load()
	props := schema.Properties.Answers.Properties
	if len(props) != len(bank.Questions) || schema.Properties.Answers.AdditionalProperties || schema.AdditionalProperties {
		t.Fatalf("schema has %d answer properties for %d questions, or allows unknown ones", len(props), len(bank.Questions))
	}
	for _, q := range bank.Questions {
		p := props[q.ID]
		switch q.Kind {
		case questions.OneOf:
			enum, _ := p["enum"].([]any)
			if len(enum) != len(q.Values)+1 || enum[0] != q.Values[0].Value {
				t.Errorf("%s: enum %v", q.ID, enum)
			}
		case questions.AnyOf:
			items, _ := p["items"].(map[string]any)
			if enum, _ := items["enum"].([]any); len(enum) != len(q.Values) || p["uniqueItems"] != true {
				t.Errorf("%s: %v", q.ID, p)
			}
		case questions.Rating:
			if p["minimum"] != float64(q.Scale.Min) || p["maximum"] != float64(q.Scale.Max) {
				t.Errorf("%s: %v", q.ID, p)
			}
		}
	}
	// One condition per conditional question (asked_when) and one per value allowed only after
	// some answers (allowed_when: a bachelor's health information program needs a bachelor's).
	want := 0
	for _, q := range bank.Questions {
		if len(q.AskedWhen) > 0 {
			want++
		}
		for _, c := range q.Values {
			if len(c.AllowedWhen) > 0 {
				want++
			}
		}
	}
	if len(schema.Properties.Answers.AllOf) != want || want != 9 {
		t.Errorf("%d conditions, want one per conditional question and restricted value (%d, of 9 in the bank)", len(schema.Properties.Answers.AllOf), want)
	}
}
