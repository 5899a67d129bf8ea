package cmd

import (
	"strings"
	"testing"
	"unicode"

	"github.com/spf13/cobra"

	"github.com/hitready/hitready/assessment"
	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/iostreams"
	"github.com/hitready/hitready/questions"
)

// pseudoWalk is every command and format whose person-facing text is translated, run in the
// pseudo-language: extend it as parts are translated. Machine formats (JSON, YAML) are not here:
// their keys and values are the same in every language, and their texts come from the catalogue
// and the data, which have tests of their own. skip drops the output's first lines (a CSV
// header, which never changes with the language).
var pseudoWalk = []struct {
	args []string
	skip int
}{
	{args: []string{"questions"}},
	{args: []string{"questions", "--format", "markdown"}},
	{args: []string{"questions", "--format", "csv"}, skip: 1},
	{args: []string{"questions", "--template"}},
	{args: []string{"assess", "--answers", "../examples/not-ready.yaml", "--no-input"}},
	{args: []string{"assess", "--answers", "../examples/nearly-ready.yaml", "--no-input"}},
	{args: []string{"assess", "--answers", "../examples/ready.yaml", "--no-input"}},
	{args: []string{"assess", "--answers", "../examples/student.json", "--no-input"}},
	{args: []string{"assess", "--answers", "../examples/not-ready.yaml", "--no-input", "--all-gaps", "--format", "markdown"}},
	{args: []string{"assess", "--answers", "../examples/not-ready.yaml", "--no-input", "--plain"}},
	{args: []string{"score", "../examples"}},
	{args: []string{"score", "../examples", "--format", "markdown"}},
	{args: []string{"credentials"}},
	{args: []string{"credentials", "--format", "markdown"}},
	{args: []string{"credentials", "--format", "csv"}, skip: 1},
	{args: []string{"requirements"}},
	{args: []string{"requirements", "--format", "markdown"}},
	{args: []string{"requirements", "--format", "csv"}, skip: 1},
	{args: []string{"outlook"}},
	{args: []string{"outlook", "--format", "markdown"}},
}

// namesAllowed are words that stay as they are in every language: the examples' respondents, the
// credentials' names as AHIMA writes them ("Certified Coding Associate (AHIMA)") and the grades
// of their sources (P, S).
func namesAllowed(t *testing.T) []string {
	t.Helper()
	words := []string{"Alex", "Chen", "Okafor", "Riley", "Park", "Jordan", "Rivera", "Sam"} // the examples' respondents
	p := embeddedProfile(t)
	for _, c := range p.Credentials().Credentials {
		words = append(words, strings.FieldsFunc(c.Name, func(r rune) bool { return !unicode.IsLetter(r) })...)
	}
	return append(words, string(assessment.GradePrimary), string(assessment.GradeSecondary))
}

// withoutSourceSentences takes the profile's source sentences out of a command's output: quoted
// sources stay in the language they were written in, and a CSV gives them bare, without the
// quotation marks that tell Leaks so elsewhere.
func withoutSourceSentences(t *testing.T, out string) string {
	t.Helper()
	p := embeddedProfile(t)
	for _, r := range p.Requirements {
		out = strings.ReplaceAll(out, r.Source, " ")
	}
	return out
}

// pseudoAllow are the words that read the same in every language: the bank's ids, sections,
// values and kinds, as commands show them.
func pseudoAllow(t *testing.T) []string {
	t.Helper()
	b, err := questions.Load()
	if err != nil {
		t.Fatal(err)
	}
	var allow []string
	for _, s := range b.Sections {
		allow = append(allow, s.ID)
	}
	for _, q := range b.Questions {
		allow = append(allow, q.ID, string(q.Kind))
		allow = append(allow, q.ValueNames()...)
	}
	// The commands' names, and the answers file's keys in --template.
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		allow = append(allow, c.Name())
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	ios, _, _, _ := iostreams.Test()
	walk(NewCmdRoot(ios))
	allow = append(allow, "respondent", "answers", "true", "false") // and CSV's booleans
	// pflag's names for the type of a flag's value, as --help shows them ("--answers string"):
	// syntax, like the flags themselves.
	allow = append(allow, "string", "stringArray", "int", "score", "en", "es")
	return append(allow, "table", "json", "yaml", "csv", "markdown", "json-schema", "html") // formats
}

// withoutExamples drops the examples from a command's help: they are commands to type, the same
// in every language.
func withoutExamples(help string) string {
	heading := i18n.For(i18n.Pseudo).T("help.examples")
	before, after, found := strings.Cut(help, heading)
	if !found {
		return help
	}
	_, rest, _ := strings.Cut(after, "\n\n")
	return before + rest
}

// Every command's help in the pseudo-language, cobra's own commands among them.
func TestPseudoLanguageHelp(t *testing.T) {
	allow := pseudoAllow(t)
	for _, path := range helpPaths(t) {
		r := runWith(t, func(ios *iostreams.IOStreams) { ios.SetLang(i18n.Pseudo) }, "", append(path, "--help")...)
		if r.code != exitOK {
			t.Fatalf("%v: exit %d: %s", path, r.code, r.stderr)
		}
		if leaks := i18n.Leaks(withoutExamples(r.stdout), allow...); len(leaks) > 0 {
			t.Errorf("hitready %s --help, untranslated: %q\n%s", strings.Join(path, " "), leaks, r.stdout)
		}
	}
}

// In the pseudo-language, no word a person reads is left in plain English: whatever a test finds
// outside the markers never went through the catalogue or the bilingual data.
func TestPseudoLanguageLeavesNoEnglish(t *testing.T) {
	allow := append(pseudoAllow(t), namesAllowed(t)...)
	for _, walk := range pseudoWalk {
		for _, width := range []int{60, 120} {
			t.Run(strings.Join(walk.args, " "), func(t *testing.T) {
				r := runWith(t, func(ios *iostreams.IOStreams) {
					ios.SetLang(i18n.Pseudo)
					ios.SetTerminalWidth(width)
				}, "", walk.args...)
				if r.code != exitOK {
					t.Fatalf("exit %d: %s", r.code, r.stderr)
				}
				out := strings.SplitN(r.stdout, "\n", walk.skip+1)
				text := withoutSourceSentences(t, out[len(out)-1]) + "\n" + r.stderr
				if leaks := i18n.Leaks(text, allow...); len(leaks) > 0 {
					t.Errorf("at %d columns, untranslated: %q\n%s", width, leaks, text)
				}
			})
		}
	}
}

// embeddedProfile is the embedded profile over the embedded question bank.
func embeddedProfile(t *testing.T) *assessment.Profile {
	t.Helper()
	bank, err := questions.Load()
	if err != nil {
		t.Fatal(err)
	}
	p, err := assessment.DefaultProfile(bank)
	if err != nil {
		t.Fatal(err)
	}
	return p
}
