package cmd

import (
	"path/filepath"
	"strings"
	"testing"
)

// --fail-under takes a score: NaN would silently disable the gate, Inf is no score, and a word
// gets a message of ours rather than strconv's.
func TestFailUnderTakesAScore(t *testing.T) {
	ready := filepath.Join("..", "examples", "ready.yaml")
	for _, cmd := range [][]string{{"assess", "--answers", ready}, {"score", ready}} {
		for _, tt := range []struct {
			value, want string
		}{
			{"NaN", `invalid --fail-under "NaN": not a score; allowed: a score from 0 to 100`},
			{"nan", "not a score"},
			{"Inf", "not a score"},
			{"-Inf", "not a score"},
			{"+Infinity", "not a score"},
			{"1e400", "not a score"},
			{"abc", `invalid --fail-under "abc": not a number; allowed: a score from 0 to 100`},
			{"", "not a number"},
			{"0x1p3", ""}, // a number strconv reads; 8 is a valid score
		} {
			args := append(append([]string{}, cmd...), "--fail-under", tt.value)
			r := run(t, "", args...)
			if tt.want == "" {
				if r.code != exitOK {
					t.Errorf("%v: exit %d: %s", args, r.code, r.stderr)
				}
				continue
			}
			if r.code != exitInvalid || !strings.Contains(r.stderr, tt.want) || strings.Contains(r.stderr, "strconv") || r.stdout != "" {
				t.Errorf("%v: exit %d, stdout %q, stderr:\n%s", args, r.code, r.stdout, r.stderr)
			}
		}
	}
}
