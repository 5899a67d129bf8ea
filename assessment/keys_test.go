package assessment

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/hitready/hitready/internal/i18n"
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
func insertAfter(t testing.TB, s, line, extra string) string {
	t.Helper()
	i := strings.Index(s, "\n"+line+"\n")
	if i < 0 {
		t.Fatalf("no line %q", line)
	}
	i += len(line) + 2
	return s[:i] + extra + s[i:]
}

// floodCase is a file of many keys, built at a size.
type floodCase struct {
	name  string
	parse func(data string) (*yamlFile, error)
	data  func(size int) string
	want  string
}

// floodCases are files of many keys, read in language l.
func floodCases(t testing.TB, l i18n.Lang) []floodCase {
	profile, credentials, steps := string(profileYAML), string(credentialsYAML), string(stepsYAML)
	readProfile := func(data string) (*yamlFile, error) {
		_, f, err := readStrict[Profile]("my.yaml", []byte(data), profileKind, l)
		return f, err
	}
	readCredentials := func(data string) (*yamlFile, error) {
		_, f, err := readStrict[Credentials]("my.yaml", []byte(data), credentialsKind, l)
		return f, err
	}
	readSteps := func(data string) (*yamlFile, error) {
		_, f, err := readStrict[Steps]("my.yaml", []byte(data), stepsKind, l)
		return f, err
	}
	return []floodCase{
		{"profile: unknown top-level keys", readProfile, func(size int) string { return profile + floodLines("", "0", size) },
			"my.yaml:18: is not a valid profile: the profile has"},
		{"profile: unknown keys in a requirement", readProfile, func(size int) string {
			return insertAfter(t, profile, "  - id: education.degree", floodLines("    ", "0", size))
		}, "education.degree: is not a valid profile: requirements has"},
		{"profile: a factor's values", readProfile, func(size int) string {
			return strings.Replace(profile, "values: {hit: 1, related: 1, other: 0.5}", "values:\n"+floodLines("          ", "0.5", size), 1)
		}, "education.degree: is not a valid profile: requirements.credit.values has"},
		{"profile: one key many times", readProfile, func(size int) string { return profile + strings.Repeat("major_below: 0.5\n", size/17) },
			"my.yaml:18: is not a valid profile: the profile has"},
		{"credentials: unknown top-level keys", readCredentials, func(size int) string { return credentials + floodLines("", "0", size) },
			"is not a valid credentials file: the credentials file has"},
		{"steps: unknown top-level keys", readSteps, func(size int) string { return steps + floodLines("", "0", size) },
			"is not a valid steps file: the steps file has"},
		{"steps: a step's changes", readSteps, func(size int) string {
			return strings.Replace(steps, "      set: {education.field: hit, education.program: \"no\"}", "      set:\n"+floodLines("        ", "x", size), 1)
		}, "is not a valid steps file: steps.changes.set has"},
		// Many small mappings are no flood: the decoder reads them, in time linear in the file.
		{"profile: many small requirements", readProfile, func(size int) string {
			var b strings.Builder
			b.WriteString(profile)
			for i := 0; b.Len() < len(profile)+size; i++ {
				fmt.Fprintf(&b, "  - {id: extra.%d, area: skills, weight: x, requirement: R, target: T, source: S, credit: [], next_steps: []}\n", i)
			}
			return b.String()
		}, "extra.0: requirements.weight must be a number from 0 to 1e+06; got the text \"x\""},
	}
}

// A profile, credentials or steps file of a megabyte of keys is refused at once, in one message:
// yaml.v3's decoder compares every key of a mapping with every other (before the screen, each of
// these took 20 s or more and 150 MB), so a mapping of more keys than any real one never reaches
// it. The work is shown linear without a clock: at twice the size, the allocations and the pairs
// of keys the decoder compares at most double (the timing is BenchmarkFloodOfKeys).
func TestFloodsOfKeysAreRefusedInLinearWork(t *testing.T) {
	const size = 16 << 10 // a flood at both sizes: thousands of keys
	for _, tt := range floodCases(t, i18n.English) {
		t.Run(tt.name, func(t *testing.T) {
			var work [2]struct {
				allocs float64
				pairs  int
			}
			for i, n := range []int{size, 2 * size} {
				data := tt.data(n)
				f, err := tt.parse(data)
				if !errors.Is(err, inputerr.ErrInvalid) || !strings.Contains(err.Error(), tt.want) {
					t.Fatalf("the refusal lacks %q:\n%s", tt.want, firstLines(fmt.Sprint(err), 3))
				}
				var invalid *inputerr.InvalidError
				if errors.As(err, &invalid) && len(invalid.Problems) > inputerr.MaxShown {
					t.Errorf("%d problems kept; a screenful is %d", len(invalid.Problems), inputerr.MaxShown)
				}
				work[i].allocs = testing.AllocsPerRun(1, func() { _, _ = tt.parse(data) })
				work[i].pairs = f.keyPairs
			}
			if work[1].allocs > 2.5*work[0].allocs || float64(work[1].pairs) > 2.5*float64(work[0].pairs) {
				t.Errorf("twice the file, %v times the allocations and %v times the key pairs (%d)",
					work[1].allocs/work[0].allocs, float64(work[1].pairs)/float64(work[0].pairs), work[1].pairs)
			}
		})
	}
}

// The time a megabyte of keys takes to refuse, for each kind of flood.
func BenchmarkFloodOfKeys(b *testing.B) {
	for _, tt := range floodCases(b, i18n.English) {
		data := tt.data(900 << 10) // with the file, under the 1 MiB every reader allows
		b.Run(tt.name, func(b *testing.B) {
			for b.Loop() {
				_, _ = tt.parse(data)
			}
		})
	}
}

// Small files with the same faults get the same messages.
// keyCase is a credentials or steps file refused for its keys, read against a profile.
type keyCase struct {
	name  string
	parse func(data string) error
	data  string
	want  string
}

// keyCases are small credentials and steps files with a key twice or an unknown field.
func keyCases(p *Profile) []keyCase {
	credentials, steps := string(credentialsYAML), string(stepsYAML)
	return []keyCase{
		{"a credential's field twice", parseCredentials(p), strings.Replace(credentials, "    body: AHIMA\n", "    body: AHIMA\n    body: AAPC\n", 1),
			"cca: credentials.body is given twice (first at line"},
		{"an unknown field of a route", parseCredentials(p), strings.Replace(credentials, "        grade: P\n", "        grade: P\n        fee: 299\n", 1),
			"cca: is not a valid credentials file: unknown field fee; allowed in credentials.eligible: after, because, facts, grade, rules, source, text"},
		{"a changes key twice", parseSteps(p), strings.Replace(steps, `set: {education.field: hit, education.program: "no"}`, `set: {education.field: hit, education.field: related}`, 1),
			"steps.changes.set.education.field is given twice"},
		{"an unknown field of a step", parseSteps(p), strings.Replace(steps, "    group: program\n", "    group: program\n    cost: 3000\n", 1),
			"is not a valid steps file: unknown field cost; allowed in steps: action, changes, closes,"},
	}
}

func TestRepeatedAndUnknownKeysInCredentialsAndSteps(t *testing.T) {
	_, p := setup(t)
	for _, tt := range keyCases(p) {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.parse(tt.data)
			if err == nil || !errors.Is(err, inputerr.ErrInvalid) || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "my.yaml:") {
				t.Errorf("got %v\nwant %q", err, tt.want)
			}
		})
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
