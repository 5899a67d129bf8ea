package prose

import (
	"strings"
	"testing"
	"unicode"

	"github.com/mattn/go-runewidth"
)

func TestWrap(t *testing.T) {
	text := "Employers look for at least a 2-year associate's degree in health information technology or a related field. https://www.ahima.org/certification-careers/certifications-overview/"
	for _, width := range []int{40, 60, 80, 120} {
		got := Wrap(text, width, "    ")
		if strings.Join(strings.Fields(got), " ") != text {
			t.Errorf("width %d: words changed:\n%s", width, got)
		}
		for i, line := range strings.Split(got, "\n") {
			if runewidth.StringWidth(line) > width && strings.Contains(strings.TrimSpace(line), " ") {
				t.Errorf("width %d: line %d is %d wide: %q", width, i+1, runewidth.StringWidth(line), line)
			}
			if i > 0 && !strings.HasPrefix(line, "    ") {
				t.Errorf("width %d: line %d lacks the hanging indent: %q", width, i+1, line)
			}
		}
	}
}

func TestWrapKeepsNoBreakSpaces(t *testing.T) {
	got := Wrap("How well do you show empathy towards patients? — 4\u00a0of\u00a05", 50, "")
	if !strings.HasSuffix(got, "\n4\u00a0of\u00a05") {
		t.Errorf("%q: the rating was split or not wrapped as one word", got)
	}
}

func TestLines(t *testing.T) {
	tests := []struct {
		text  string
		width int
		want  []string
	}{
		{"", 10, []string{""}},
		{"Take an anatomy course", 10, []string{"Take an", "anatomy", "course"}},
		{"a supercalifragilistic word", 8, []string{"a", "supercal", "ifragili", "stic", "word"}},
		{"4\u00a0of\u00a05 and more", 6, []string{"4\u00a0of\u00a05", "and", "more"}},
		{"wide 漢字漢字 text", 4, []string{"wide", "漢字", "漢字", "text"}},
	}
	for _, tt := range tests {
		got := Lines(tt.text, tt.width)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Lines(%q, %d) = %q, want %q", tt.text, tt.width, got, tt.want)
		}
		for _, line := range got {
			if w := runewidth.StringWidth(line); w > tt.width {
				t.Errorf("Lines(%q, %d): %q is %d wide", tt.text, tt.width, line, w)
			}
		}
	}
}

// Width counts what a person sees: a flag, a keycap and a family joined by zero-width joiners
// are each one character of two columns; cutting a word never splits one.
func TestWidthAndCutsByGraphemeCluster(t *testing.T) {
	const (
		flag   = "\U0001F1FA\U0001F1F8"                       // 🇺🇸: two regional indicators
		keycap = "1\ufe0f\u20e3"                              // 1️⃣
		family = "\U0001F469\u200d\U0001F469\u200d\U0001F467" // 👩‍👩‍👧
	)
	widths := []struct {
		s    string
		want int
	}{{flag, 2}, {keycap, 2}, {family, 2}, {"e\u0301", 1}, {"漢字", 4}, {"Zoë " + flag, 6}}
	for _, tt := range widths {
		if got := Width(tt.s); got != tt.want {
			t.Errorf("Width(%q) = %d, want %d", tt.s, got, tt.want)
		}
	}
	// A word of ten flags cut to 5 columns: two flags a line, never half of one.
	word := strings.Repeat(flag, 10)
	for _, width := range []int{3, 4, 5} {
		lines := Lines(word, width)
		if strings.Join(lines, "") != word {
			t.Errorf("width %d: the word changed: %q", width, lines)
		}
		for _, l := range lines {
			if Width(l) > width || Width(l)%2 != 0 || !strings.HasPrefix(l, flag) {
				t.Errorf("width %d: line %q (%d wide) splits a flag or overflows", width, l, Width(l))
			}
		}
	}
}

// LowerFirst lowers a title's first letter unless the second is a capital too, and reads text
// that is not UTF-8 as the rune-by-rune version did.
func TestLowerFirst(t *testing.T) {
	runes := func(title string) string {
		r := []rune(title)
		if len(r) > 1 && unicode.IsUpper(r[0]) && !unicode.IsUpper(r[1]) {
			r[0] = unicode.ToLower(r[0])
		}
		return string(r)
	}
	for _, tt := range []struct{ in, want string }{
		{"Calm under pressure", "calm under pressure"}, {"AHIMA exam", "AHIMA exam"}, {"Ébauche", "ébauche"},
		{"A", "A"}, {"", ""}, {"İstanbul", "istanbul"},
	} {
		if got := LowerFirst(tt.in); got != tt.want {
			t.Errorf("LowerFirst(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	for _, title := range []string{"", "A", "a", "Calm under pressure", "AHIMA exam", "Ébauche", "ÉÉ", "A\xff", "\xffAb",
		"Ab\xff", "Σx", "İstanbul", "ǅx", "A b", "1A", "Coding"} {
		if got, want := LowerFirst(title), runes(title); got != want {
			t.Errorf("LowerFirst(%q) = %q, want %q", title, got, want)
		}
	}
}

func TestUpperFirst(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"eligible", "Eligible"}, {"puede presentarlo", "Puede presentarlo"}, {"¿listo?", "¿Listo?"},
		{"[ţĥé ÅĤÎṀÅ exam]", "[Ţĥé ÅĤÎṀÅ exam]"}, {"éxito", "Éxito"}, {"Already", "Already"}, {"", ""}, {"123 …", "123 …"},
	} {
		if got := UpperFirst(tt.in); got != tt.want {
			t.Errorf("UpperFirst(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// Numbered aligns the numbers on the right and wraps each item under its own text.
func TestNumbered(t *testing.T) {
	tests := []struct {
		items []string
		width int
		want  string
	}{
		{nil, 80, ""},
		{[]string{"Yes", "No"}, 80, "  1. Yes\n  2. No\n"},
		{[]string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"}, 80,
			"   1. a\n   2. b\n   3. c\n   4. d\n   5. e\n   6. f\n   7. g\n   8. h\n   9. i\n  10. j\n"},
		// Every line of an item has the room the number leaves: 30 columns less "  1. ".
		{[]string{"Medical terminology and anatomy, taken for credit"}, 30,
			"  1. Medical terminology and\n     anatomy, taken for credit\n"},
		{[]string{"Sí, en el último período (o con los cursos terminados, en espera de graduarse)"}, 40,
			"  1. Sí, en el último período (o con los\n     cursos terminados, en espera de\n     graduarse)\n"},
	}
	for _, tt := range tests {
		if got := Numbered(tt.items, tt.width); got != tt.want {
			t.Errorf("Numbered(%q, %d) =\n%q, want\n%q", tt.items, tt.width, got, tt.want)
		}
	}
}
