package render

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/hitready/hitready/assessment"
	"github.com/hitready/hitready/internal/cohort"
	"github.com/hitready/hitready/questions"
	"github.com/mattn/go-runewidth"
)

// The path section fits the width it is given, down to 60 columns, and numbers every step once,
// drawn or summed up.
func TestPathFitsTheWidth(t *testing.T) {
	bank, err := questions.Load()
	if err != nil {
		t.Fatal(err)
	}
	p, err := assessment.DefaultProfile(bank)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(60, 80))
	for range 200 {
		r := assessment.Score(p, cohort.Person(bank, rng))
		for _, width := range []int{60, 80, 100} {
			var b strings.Builder
			pathSection(&b, r, TableOptions{Width: width}, painter(false))
			for _, line := range strings.Split(b.String(), "\n") {
				if w := runewidth.StringWidth(line); w > width {
					t.Fatalf("a line of %d columns at width %d: %q", w, width, line)
				}
			}
			// A step is drawn once, or named in the line that sums up the later ones.
			full, later := shownSteps(r, false)
			for _, s := range full {
				num := fmt.Sprintf("%*d. ", len(strconv.Itoa(len(r.Plan))), s.Step)
				if n := strings.Count("\n"+b.String(), "\n  "+num); n != 1 {
					t.Fatalf("step %d shown %d times:\n%s", s.Step, n, b.String())
				}
			}
			if len(full)+len(later) != len(r.Plan) || (len(later) > 0 && !strings.Contains(strings.Join(strings.Fields(b.String()), " "), " ("+stepNumbers(later)+"); ")) {
				t.Fatalf("%d steps drawn and %d summed up of %d:\n%s", len(full), len(later), len(r.Plan), b.String())
			}
		}
	}
}
