package textwrap

import (
	"strings"
	"testing"

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

func TestTruncate(t *testing.T) {
	tests := []struct {
		in    string
		width int
		want  string
	}{
		{"short", 20, "short"},
		{"What is the highest level of education you have completed?", 30, "What is the highest level of…"},
		{"Ärztliche Dokumentation und Kodierung", 12, "Ärztliche D…"},
	}
	for _, tt := range tests {
		if got := Truncate(tt.in, tt.width); got != tt.want {
			t.Errorf("Truncate(%q, %d) = %q, want %q", tt.in, tt.width, got, tt.want)
		}
	}
}

func TestWrapKeepsNoBreakSpaces(t *testing.T) {
	got := Wrap("How well do you show empathy towards patients? — 4\u00a0of\u00a05", 50, "")
	if !strings.HasSuffix(got, "\n4\u00a0of\u00a05") {
		t.Errorf("%q: the rating was split or not wrapped as one word", got)
	}
}
