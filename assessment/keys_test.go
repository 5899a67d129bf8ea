package assessment

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/hitready/hitready/internal/inputerr"
)

// floodLines is lines "<indent><hex>: <value>", as many as fit in about size bytes.
func floodLines(indent, value string, size int) string {
	var b strings.Builder
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, "%s%x: %s\n", indent, i, value)
	}
	return b.String()
}

// insertAfter puts extra after the first line of s that is exactly line.
func insertAfter(t *testing.T, s, line, extra string) string {
	t.Helper()
	i := strings.Index(s, "\n"+line+"\n")
	if i < 0 {
		t.Fatalf("no line %q", line)
	}
	i += len(line) + 2
	return s[:i] + extra + s[i:]
}

// A profile, credentials or steps file of a megabyte of keys is refused as fast as an answers
// file of that size, with a screenful of problems and the count of the rest. yaml.v3's decoder
// compares every key of a mapping with every other: before the keys were checked first, each of
// these took 20 s or more and 150 MB.
func TestFloodsOfKeysAreRefusedInLinearTime(t *testing.T) {
	if testing.Short() {
		t.Skip("parses megabyte files")
	}
	_, p := setup(t)
	const size = 900 << 10 // with the file, under the 1 MiB every reader allows
	profile, credentials, steps := string(profileYAML), string(credentialsYAML), string(stepsYAML)
	tests := []struct {
		name  string
		parse func(data string) error
		data  string
		want  string
		more  bool // more problems than a screenful
	}{
		{"profile: unknown top-level keys", parseProfile(p), profile + floodLines("", "0", size),
			"my.yaml:LINE: is not a valid profile: unknown field 0; allowed in the profile: areas,", true},
		{"profile: unknown keys in a requirement", parseProfile(p), insertAfter(t, profile, "  - id: education.degree", floodLines("    ", "0", size)),
			"is not a valid profile: unknown field 0; allowed in requirements:", true},
		{"profile: a factor's values", parseProfile(p), strings.Replace(profile, "values: {hit: 1, related: 1, other: 0.5}",
			"values:\n"+floodLines("          ", "0.5", size), 1),
			"education.degree: requirements.credit.values has", false},
		{"profile: one key many times", parseProfile(p), profile + strings.Repeat("major_below: 0.5\n", size/17),
			"major_below is given twice (first at line", true},
		{"credentials: unknown top-level keys", parseCredentials(p), credentials + floodLines("", "0", size),
			"my.yaml:LINE: is not a valid credentials file: unknown field 0; allowed in the file: credentials", true},
		{"credentials: one key many times", parseCredentials(p), credentials + strings.Repeat("credentials: []\n", size/16),
			"is not a valid credentials file: credentials is given twice (first at line", true},
		{"steps: unknown top-level keys", parseSteps(p), steps + floodLines("", "0", size),
			"my.yaml:LINE: is not a valid steps file: unknown field 0; allowed in the file: exam_reasons, steps", true},
		{"steps: a step's changes", parseSteps(p), strings.Replace(steps, "      set: {education.field: hit, education.program: \"no\"}",
			"      set:\n"+floodLines("        ", "x", size), 1),
			"is not a valid steps file: steps.changes.set has", false},
	}
	// The line of the first key appended to each file.
	appendedAt := map[string]int{
		"profile: unknown top-level keys":     strings.Count(profile, "\n") + 1,
		"credentials: unknown top-level keys": strings.Count(credentials, "\n") + 1,
		"steps: unknown top-level keys":       strings.Count(steps, "\n") + 1,
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			err := tt.parse(tt.data)
			took := time.Since(start)
			var invalid *inputerr.InvalidError
			if !errors.As(err, &invalid) || !errors.Is(err, inputerr.ErrInvalid) {
				t.Fatalf("got %v, want a refusal", err)
			}
			want := strings.ReplaceAll(tt.want, "LINE", fmt.Sprint(appendedAt[tt.name]))
			if !strings.Contains(err.Error(), want) {
				t.Errorf("the refusal lacks %q:\n%s", want, firstLines(err.Error(), 3))
			}
			if len(invalid.Problems) > inputerr.MaxShown {
				t.Errorf("%d problems kept; a screenful is %d", len(invalid.Problems), inputerr.MaxShown)
			}
			if more := strings.Contains(err.Error(), "more problems (fix these and run again"); more != tt.more {
				t.Errorf("says there are more problems: %v, want %v (dropped %d)", more, tt.more, invalid.Dropped)
			}
			// Linear work is a few hundred milliseconds; the quadratic was 20 s and more.
			if took > 5*time.Second {
				t.Errorf("took %v", took)
			}
		})
	}
}

// Small files with the same faults get the same messages.
func TestRepeatedAndUnknownKeysInCredentialsAndSteps(t *testing.T) {
	_, p := setup(t)
	credentials, steps := string(credentialsYAML), string(stepsYAML)
	tests := []struct {
		name  string
		parse func(data string) error
		data  string
		want  string
	}{
		{"a credential's field twice", parseCredentials(p), strings.Replace(credentials, "    body: AHIMA\n", "    body: AHIMA\n    body: AAPC\n", 1),
			"is not a valid credentials file: credentials.body is given twice (first at line"},
		{"an unknown field of a route", parseCredentials(p), strings.Replace(credentials, "        grade: P\n", "        grade: P\n        fee: 299\n", 1),
			"is not a valid credentials file: unknown field fee; allowed in credentials.eligible: after, because, grade, rules, source, text"},
		{"a changes key twice", parseSteps(p), strings.Replace(steps, `set: {education.field: hit, education.program: "no"}`, `set: {education.field: hit, education.field: related}`, 1),
			"is not a valid steps file: steps.changes.set.education.field is given twice"},
		{"an unknown field of a step", parseSteps(p), strings.Replace(steps, "    group: program\n", "    group: program\n    cost: 3000\n", 1),
			"is not a valid steps file: unknown field cost; allowed in steps: action, changes, closes,"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.parse(tt.data)
			if err == nil || !errors.Is(err, inputerr.ErrInvalid) || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "my.yaml:") {
				t.Errorf("got %v\nwant %q", err, tt.want)
			}
		})
	}
}

func parseProfile(p *Profile) func(string) error {
	return func(data string) error {
		_, err := ParseProfile("my.yaml", []byte(data), p.bank)
		return err
	}
}

func parseCredentials(p *Profile) func(string) error {
	return func(data string) error {
		_, err := ParseCredentials("my.yaml", []byte(data), p)
		return err
	}
}

func parseSteps(p *Profile) func(string) error {
	return func(data string) error {
		_, err := ParseSteps("my.yaml", []byte(data), p, p.credentials)
		return err
	}
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	return strings.Join(lines[:min(n, len(lines))], "\n")
}
