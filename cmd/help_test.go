package cmd

import (
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"
	"github.com/spf13/cobra"

	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/iostreams"
)

// helpPaths lists every command, cobra's own among them, as the arguments that name it.
func helpPaths(t *testing.T) [][]string {
	t.Helper()
	ios, _, _, _ := iostreams.Test()
	var paths [][]string
	var walk func(c *cobra.Command, path []string)
	walk = func(c *cobra.Command, path []string) {
		paths = append(paths, path)
		for _, sub := range c.Commands() {
			if sub.IsAvailableCommand() {
				walk(sub, append(append([]string(nil), path...), sub.Name()))
			}
		}
	}
	walk(NewCmdRoot(ios), nil)
	// cobra adds these when the tree runs: their texts are cobra's, fitted all the same.
	paths = append(paths, []string{"help"}, []string{"completion"}, []string{"completion", "bash"}, []string{"completion", "powershell"})
	if len(paths) < 9 {
		t.Fatalf("only %d commands found", len(paths))
	}
	return paths
}

// Every command's help fits the terminal: no line wider than its width, at 60 and 80 columns, in
// every language (Spanish runs about a fifth longer than English).
func TestHelpFitsTheWidth(t *testing.T) {
	for _, lang := range i18n.Langs() {
		usage := i18n.For(lang).T("help.usage")
		for _, width := range []int{60, 80} {
			for _, path := range helpPaths(t) {
				r := runWith(t, func(ios *iostreams.IOStreams) {
					ios.SetTerminalWidth(width)
					ios.SetLang(lang)
				}, "", append(path, "--help")...)
				if r.code != exitOK || !strings.Contains(r.stdout, usage) {
					t.Errorf("%s: %v --help at %d: exit %d, no %q:\n%s%s", lang, path, width, r.code, usage, r.stdout, r.stderr)
				}
				for i, line := range strings.Split(r.stdout, "\n") {
					if w := runewidth.StringWidth(line); w > width {
						t.Errorf("%s: hitready %s --help at %d columns, line %d is %d wide: %q", lang, strings.Join(path, " "), width, i+1, w, line)
					}
				}
			}
		}
	}
}

// The list of commands wraps each description at the width, every line of it: a line is broken
// only where the next word would not fit (its lines after the first were once a name's width
// narrower).
func TestCommandListFillsTheWidth(t *testing.T) {
	for _, lang := range i18n.Langs() {
		r := runWith(t, func(ios *iostreams.IOStreams) {
			ios.SetTerminalWidth(60)
			ios.SetLang(lang)
		}, "", "--help")
		_, list, _ := strings.Cut(r.stdout, i18n.For(lang).T("help.commands")+"\n")
		list, _, _ = strings.Cut(list, "\n\n")
		lines := strings.Split(list, "\n")
		continued := 0
		for i := 1; i < len(lines); i++ {
			// A description's next line is indented past the column of the names.
			if !strings.HasPrefix(lines[i], strings.Repeat(" ", 10)) {
				continue
			}
			continued++
			next := strings.Fields(lines[i])[0]
			if w := runewidth.StringWidth(lines[i-1]) + 1 + runewidth.StringWidth(next); w <= 60 {
				t.Errorf("%s: %q was broken before %q, which fits (%d columns)", lang, lines[i-1], next, w)
			}
		}
		if continued == 0 {
			t.Errorf("%s: no description took two lines at 60 columns; the test tests nothing:\n%s", lang, r.stdout)
		}
	}
}

// The texts are rewrapped, not cut: every word of the long description and of each flag's usage
// is still there, whole, at 60 columns.
func TestHelpKeepsEveryWord(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	c, _, err := NewCmdRoot(ios).Find([]string{"assess"})
	if err != nil {
		t.Fatal(err)
	}
	r := runAtWidth(t, 60, "assess", "--help")
	have := " " + strings.Join(strings.Fields(strings.ReplaceAll(r.stdout, " \\\n", " ")), " ") + " "
	for _, text := range []string{c.Long, c.Example, c.Flags().Lookup("plain").Usage} {
		if want := " " + strings.Join(strings.Fields(text), " ") + " "; !strings.Contains(have, want) {
			t.Errorf("the help lacks, whole and in order:\n%s\nhelp:\n%s", want, r.stdout)
		}
	}
}

// A long example is continued with a backslash, and a flag keeps its value on its line.
func TestExampleLine(t *testing.T) {
	tests := []struct {
		line  string
		width int
		want  string
	}{
		{"  hitready assess", 60, "  hitready assess"},
		{"  cat me.yaml | hitready assess --answers - --no-input --fail-under 85", 60,
			"  cat me.yaml | hitready assess --answers - --no-input \\\n      --fail-under 85"},
		{"  hitready score a.yaml b.json --format json --fail-under 60", 60,
			"  hitready score a.yaml b.json --format json \\\n      --fail-under 60"},
	}
	for _, tt := range tests {
		if got := example(tt.line, tt.width); got != tt.want {
			t.Errorf("example(%q, %d) =\n%s\nwant\n%s", tt.line, tt.width, got, tt.want)
		}
	}
}
