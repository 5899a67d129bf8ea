package render

import (
	"bytes"
	"strings"
	"testing"

	"github.com/hitready/hitready/assessment"
	"github.com/hitready/hitready/internal/i18n"
)

// "None" agrees with what it counts: in Spanish a step (paso) is masculine, a gap (brecha)
// feminine, so no steps and no gaps are said differently (found by the new-user tester).
func TestComparisonSaysNoneInItsGender(t *testing.T) {
	c := assessment.Comparison{StepsCompleted: []assessment.PlanStep{}, StepsUnderWay: []assessment.StepUnderWay{}}
	for _, tt := range []struct {
		format string
		want   []string
	}{
		{"table", []string{"(0):\n  ninguno\n", "Brechas cerradas (0):\n  ninguna\n"}},
		{"markdown", []string{"\n\nNinguno.\n", "\n\nNinguna.\n"}},
	} {
		var b bytes.Buffer
		if err := Write(ComparisonFormats(), &b, tt.format, c, Options{Lang: i18n.Spanish, Width: 80}); err != nil {
			t.Fatal(err)
		}
		for _, w := range tt.want {
			if !strings.Contains(b.String(), w) {
				t.Errorf("%s lacks %q:\n%s", tt.format, w, b.String())
			}
		}
	}
}
