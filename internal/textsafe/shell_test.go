package textsafe

import (
	"os/exec"
	"slices"
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"
)

// POSIXQuote shows a name with control characters as $'…' (nothing reaches the terminal raw)
// and bash reads it back as the same name, so the hint runs when pasted.
func TestPOSIXQuoteControlCharactersRoundTrip(t *testing.T) {
	cases := []struct{ name, want string }{
		{"plain.yaml", "plain.yaml"},
		{"my answers.yaml", "'my answers.yaml'"},
		{"it's.yaml", `'it'\''s.yaml'`},
		{"x\x1b[2J\a.yaml", `$'x\e[2J\a.yaml'`},
		{"y\nhitready: done.yaml", `$'y\nhitready: done.yaml'`},
		{"q'\\\x01.yaml", `$'q\'\\\x01.yaml'`},
		{"bad\xff.yaml", `$'bad\xff.yaml'`},
		{"nel\u0085.yaml", `$'nel\xc2\x85.yaml'`},
	}
	bash, err := exec.LookPath("bash")
	for _, c := range cases {
		got := POSIXQuote(c.name)
		if got != c.want {
			t.Errorf("POSIXQuote(%q) = %s, want %s", c.name, got, c.want)
		}
		if err != nil {
			continue
		}
		out, rerr := exec.Command(bash, "-c", "printf %s "+got).Output()
		if rerr != nil || string(out) != c.name {
			t.Errorf("bash reads %s as %q (%v), want %q", got, out, rerr, c.name)
		}
	}
	if err != nil {
		t.Log("no bash: the quoted names were not read back")
	}
}

// A command fitted to a narrow terminal has no line wider than the terminal, and bash, reading
// it pasted, gets the same arguments: between words a " \" continues the line, inside a word too
// long for a line a bare "\" joins its pieces.
func TestFitCommand(t *testing.T) {
	long := "/home/jordan/Documents/Health information/applications/2026/answers-final.yaml"
	tests := []struct {
		args  []string
		width int
		want  string // "" when only the round trip is checked
	}{
		{[]string{"assess", "--answers", "me.yaml"}, 80, "  printf '%s\\n' assess --answers me.yaml"},
		{[]string{"assess", "--answers", "my answers.yaml", "--format", "json", "--output", "report.json", "--plain"}, 40,
			"  printf '%s\\n' assess \\\n    --answers 'my answers.yaml' \\\n    --format json --output report.json \\\n    --plain"},
		{[]string{"assess", "--answers", long, "--plain"}, 60, ""},
		{[]string{"assess", "--answers", long, "--plain"}, 30, ""},
		{[]string{"assess", "--answers", "/very/long/bare/path/with/no/spaces/at/all/answers.yaml"}, 30, ""},
		{[]string{"assess", "--save-answers", "k\x1b]0;owned\a" + strings.Repeat("x", 40) + ".yaml"}, 30, ""},
		{[]string{"assess", "--answers", "it's " + strings.Repeat("é", 50) + ".yaml"}, 24, ""},
	}
	bash, err := exec.LookPath("bash")
	for _, tt := range tests {
		got := FitCommand(`printf '%s\n'`, tt.args, tt.width, "  ")
		if tt.want != "" && got != tt.want {
			t.Errorf("FitCommand(%q, %d) =\n%s\nwant\n%s", tt.args, tt.width, got, tt.want)
		}
		for _, line := range strings.Split(got, "\n") {
			if w := runewidth.StringWidth(line); w > tt.width {
				t.Errorf("a line of %d columns at %d: %q", w, tt.width, line)
			}
		}
		if _, bad := Unsafe(strings.ReplaceAll(got, "\n", "")); bad {
			t.Errorf("the command holds a control: %q", got)
		}
		if err != nil {
			continue
		}
		out, rerr := exec.Command(bash, "-c", got).Output()
		if back := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n"); rerr != nil || !slices.Equal(back, tt.args) {
			t.Errorf("bash reads\n%s\nas %q (%v), want %q", got, back, rerr, tt.args)
		}
	}
}
