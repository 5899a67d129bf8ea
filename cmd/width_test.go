package cmd

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hitready/hitready/internal/iostreams"
	"github.com/hitready/hitready/internal/prose"
	"github.com/hitready/hitready/internal/render"
)

// widthCommand is one command line whose table output is pinned and measured.
type widthCommand struct {
	name    string // golden file stem
	args    []string
	formats []string // the formats it takes
}

func widthCommands() []widthCommand {
	ex := func(name string) string { return filepath.Join("..", "examples", name) }
	spring, autumn := filepath.Join("testdata", "progress", "spring.yaml"), filepath.Join("testdata", "progress", "autumn.yaml")
	return []widthCommand{
		{"ready", []string{"assess", "--answers", ex("ready.yaml")}, render.ReportFormats().Names()},
		{"nearly-ready", []string{"assess", "--answers", ex("nearly-ready.yaml")}, render.ReportFormats().Names()},
		{"not-ready", []string{"assess", "--answers", ex("not-ready.yaml")}, render.ReportFormats().Names()},
		{"student", []string{"assess", "--answers", ex("student.json")}, render.ReportFormats().Names()},
		{"not-ready-plain", []string{"assess", "--answers", ex("not-ready.yaml"), "--plain"}, []string{"table"}},
		{"not-ready-all-gaps", []string{"assess", "--answers", ex("not-ready.yaml"), "--all-gaps"}, []string{"table"}},
		{"cohort", []string{"score", filepath.Join("testdata", "cohort")}, render.CohortFormats().Names()},
		// Names a terminal shows wider than their runes (flags, keycaps) and names that differ
		// only at their end: cut at the end, never inside a character, every border in line.
		{"cohort-names", []string{"score", filepath.Join("testdata", "names")}, []string{"table", "markdown"}},
		{"compare", []string{"compare", spring, autumn}, render.ComparisonFormats().Names()},
		{"requirements", []string{"requirements"}, render.RequirementFormats().Names()},
		{"questions", []string{"questions"}, render.QuestionFormats().Names()},
		{"template", []string{"questions", "--template"}, nil},
		{"outlook", []string{"outlook"}, render.OutlookFormats().Names()},
		{"credentials", []string{"credentials"}, render.CredentialFormats().Names()},
		// Spanish, which runs about a fifth longer, must fit too: a high-school graduate's report,
		// plain, a cohort, a comparison, the credentials, the requirements and the outlook.
		{"not-ready-es", []string{"assess", "--lang", "es", "--answers", ex("not-ready.yaml")}, render.ReportFormats().Names()},
		{"not-ready-plain-es", []string{"assess", "--lang", "es", "--answers", ex("not-ready.yaml"), "--plain"}, []string{"table"}},
		{"cohort-es", []string{"score", "--lang", "es", filepath.Join("testdata", "cohort")}, render.CohortFormats().Names()},
		{"compare-es", []string{"compare", "--lang", "es", spring, autumn}, render.ComparisonFormats().Names()},
		{"credentials-es", []string{"credentials", "--lang", "es"}, render.CredentialFormats().Names()},
		{"requirements-es", []string{"requirements", "--lang", "es"}, render.RequirementFormats().Names()},
		{"outlook-es", []string{"outlook", "--lang", "es"}, render.OutlookFormats().Names()},
	}
}

func runAtWidth(t *testing.T, width int, args ...string) result {
	t.Helper()
	r := runWith(t, func(ios *iostreams.IOStreams) { ios.SetTerminalWidth(width) }, "", args...)
	if r.code != exitOK || r.stderr != "" {
		t.Fatalf("%v at %d columns: exit %d, stderr %q", args, width, r.code, r.stderr)
	}
	return r
}

// Every table, at 60, 80 and 120 columns, is pinned; 80 is also what a pipe without COLUMNS
// gets, so it must be the plain golden file.
func TestTablesAtWidthsGolden(t *testing.T) {
	pinned := 0
	for _, c := range widthCommands() {
		if c.name == "template" {
			continue
		}
		for _, width := range []int{60, 80, 120} {
			t.Run(fmt.Sprintf("%s/%d", c.name, width), func(t *testing.T) {
				r := runAtWidth(t, width, c.args...)
				name := c.name + ".table"
				if width != 80 {
					name = fmt.Sprintf("%s.table-%d", c.name, width)
				}
				golden(t, name, []byte(r.stdout))
				pinned++
			})
		}
	}
	if want := (len(widthCommands()) - 1) * 3; pinned != want {
		t.Errorf("pinned %d tables, want %d", pinned, want)
	}
}

// humanFormats are the formats drawn for a person, which must fit the width. The others are
// data for programs and documents (JSON, YAML, CSV, Markdown, JSON Schema), whose lines are
// records and sentences that a reader's tool wraps; cutting them would change the data.
var humanFormats = map[string]bool{"table": true}

// Every command in every format at 60 and 80 columns: no line of a format drawn for a person is
// wider than the width, counted in display columns by grapheme cluster (a CJK character or a
// flag is two, a combining mark none); every other format prints something.
func TestNoLineWiderThanTheWidth(t *testing.T) {
	measured, lines := 0, 0
	for _, c := range widthCommands() {
		formats := c.formats
		if formats == nil {
			formats = []string{""}
		}
		for _, format := range formats {
			for _, width := range []int{60, 80} {
				args := c.args
				if format != "" {
					args = append(append([]string{}, c.args...), "--format", format)
				}
				r := runAtWidth(t, width, args...)
				if r.stdout == "" {
					t.Errorf("%v: no output", args)
				}
				if format != "" && !humanFormats[format] {
					continue
				}
				measured++
				for i, line := range strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n") {
					lines++
					// A command to paste stands whole on a line of its own and may run past
					// the width: broken, it would not run when pasted.
					if strings.HasPrefix(strings.TrimSpace(line), "hitready ") {
						continue
					}
					if w := prose.Width(line); w > width {
						t.Errorf("%v at %d columns: line %d is %d wide:\n%s", args, width, i+1, w, line)
					}
				}
			}
		}
	}
	if measured != 21*2 || lines < 1000 {
		t.Errorf("measured %d outputs (want 42), %d lines", measured, lines)
	}
}
