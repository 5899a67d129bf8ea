package render

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"

	"github.com/hitready/hitready/assessment"
	"github.com/hitready/hitready/internal/cohort"
	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/questions"
)

// The path section fits the width it is given, down to 60 columns, and numbers every step once,
// drawn or summed up.
func TestPathFitsTheWidth(t *testing.T) {
	bank, p := embeddedProfile(t)
	rng := rand.New(rand.NewPCG(60, 80))
	for range 200 {
		r := assessment.Score(p, cohort.Person(bank, rng))
		for _, width := range []int{60, 80, 100} {
			var b strings.Builder
			pathSection(&b, r, Options{Width: width}, painter(false))
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
			if len(full)+len(later) != len(r.Plan) || (len(later) > 0 && !strings.Contains(strings.Join(strings.Fields(b.String()), " "), " ("+stepNumbers(later, i18n.For(i18n.English))+"). In full:")) {
				t.Fatalf("%d steps drawn and %d summed up of %d:\n%s", len(full), len(later), len(r.Plan), b.String())
			}
		}
	}
}

// The cohort summary reads as one text: requirements by their short titles, never their ids;
// every list item's wrapped lines hang under its text; no number stands alone on a line; each
// first step is the action of step 1 that the CSV's first_step gives, after its count; each
// exam's count in words.
func TestCohortSummaryReads(t *testing.T) {
	bank, p := embeddedProfile(t)
	rng := rand.New(rand.NewPCG(4, 80))
	sum := assessment.NewSummary(p)
	actions := map[string]bool{}
	for range 300 {
		r := assessment.Score(p, cohort.Person(bank, rng))
		sum.Add(r)
		row := csvReport{}.Row(r)
		actions[row[len(row)-1]] = true // first_step
	}
	lone := regexp.MustCompile(`^\s*[0-9]+\s*$`)
	checkFirstStepsAreFirstSteps(t, sum, actions)
	for _, width := range []int{60, 80} {
		var buf strings.Builder
		s := newTableStream(&buf, Options{Width: width})
		if err := s.Close(sum); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		for _, want := range []string{"Most often unmet", "First steps (the CSV's first_step):\n  - ", "Exams, of 300 students:\n  - CCA: ", " may sit it now"} {
			if !strings.Contains(out, want) {
				t.Errorf("width %d: lacks %q:\n%s", width, want, out)
			}
		}
		inItem := false
		for _, line := range strings.Split(out, "\n") {
			switch {
			case lone.MatchString(line):
				t.Errorf("width %d: a number alone on a line:\n%s", width, out)
			case strings.Contains(line, "coursework.") || strings.Contains(line, "skills.") || strings.Contains(line, "education."):
				t.Errorf("width %d: a raw id: %q", width, line)
			case strings.HasPrefix(line, "  - "):
				inItem = true
			case inItem && strings.HasPrefix(line, "    ") && !strings.HasPrefix(line, "     "):
			case inItem && line != "" && !strings.HasPrefix(line, " "):
				inItem = false
			case inItem:
				t.Errorf("width %d: a wrapped line that does not hang under its item: %q\n%s", width, line, out)
			}
		}
	}
}

// checkFirstStepsAreFirstSteps: each first step the summary lists is, after its count, the
// CSV's first_step of some report (actions), so that grouping the CSV gives the same groups.
func checkFirstStepsAreFirstSteps(t *testing.T, sum *assessment.Summary, actions map[string]bool) {
	t.Helper()
	var wide strings.Builder
	if err := newTableStream(&wide, Options{Width: 1000}).Close(sum); err != nil {
		t.Fatal(err)
	}
	_, steps, _ := strings.Cut(wide.String(), "First steps (the CSV's first_step):\n")
	steps, _, _ = strings.Cut(steps, "Exams")
	items := strings.Split(strings.TrimSpace(steps), "\n")
	for _, item := range items {
		_, action, _ := strings.Cut(item, " student: ") // one student
		if more, rest, ok := strings.Cut(item, " students: "); ok && more != "" {
			action = rest
		}
		if !actions[action] {
			t.Errorf("a first step that is no report's first_step: %q", item)
		}
	}
	if len(items) < 5 {
		t.Errorf("%d first steps:\n%s", len(items), wide.String())
	}
}

// embeddedProfile loads the question bank and the embedded profile.
func embeddedProfile(t testing.TB) (*questions.Bank, *assessment.Profile) {
	t.Helper()
	bank, err := questions.Load()
	if err != nil {
		t.Fatal(err)
	}
	p, err := assessment.DefaultProfile(bank)
	if err != nil {
		t.Fatal(err)
	}
	return bank, p
}
