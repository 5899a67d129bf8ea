package textsafe

import (
	"os/exec"
	"testing"
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
