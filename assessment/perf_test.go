package assessment

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
)

// replaceEach must say exactly what strings.NewReplacer said, which it replaced in the plan:
// exam steps are worded with it, and a golden would catch only the texts the examples reach.
func TestReplaceEachIsNewReplacer(t *testing.T) {
	pieces := []string{"{because}", "{step}", "{prepared}", "{recommended}", "{exam}", "{", "}", "{step", "step}",
		"a", " ", ";", "é", "{{", "}}", "\xff", "{because}{step}", "x{y}"}
	oldnew := []string{"{because}", "holds {step}", "{step}", "3", "{prepared}", "", "{recommended}", "{because}!", "{st", "NO"}
	rng := rand.New(rand.NewPCG(7, 11))
	cases := []string{"", "{", "{because}", "no placeholder at all", "{step}{step}", "{st{step}"}
	for range 5000 {
		var b strings.Builder
		for range rng.IntN(8) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		cases = append(cases, b.String())
	}
	for _, s := range cases {
		for _, n := range []int{2, 4, len(oldnew)} {
			want := strings.NewReplacer(oldnew[:n]...).Replace(s)
			if got := replaceEach(s, oldnew[:n]...); got != want {
				t.Fatalf("replaceEach(%q, %q) = %q; strings.Replacer says %q", s, oldnew[:n], got, want)
			}
		}
	}
}

// midSentence must say what the rune-slice version said, invalid UTF-8 included.
func TestMidSentenceIsRuneVersion(t *testing.T) {
	old := func(title string) string {
		r := []rune(title)
		if len(r) > 1 && unicode.IsUpper(r[0]) && !unicode.IsUpper(r[1]) {
			r[0] = unicode.ToLower(r[0])
		}
		return string(r)
	}
	for _, title := range []string{"", "A", "a", "Calm under pressure", "AHIMA exam", "Ébauche", "ÉÉ", "A\xff", "\xffAb",
		"Ab\xff", "Σx", "İstanbul", "ǅx", "A b", "1A", "Coding"} {
		if got, want := midSentence(title), old(title); got != want {
			t.Errorf("midSentence(%q) = %q, want %q", title, got, want)
		}
	}
}
