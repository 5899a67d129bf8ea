package cmd

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// One voice (issue 16, point 3): for every example, the report tells one plan in every format.
//   - At 80x40, the last screen of the table holds the path's first step and the closing block:
//     the path comes after the gaps, which name the step that closes each ("Step 1") rather
//     than say it again.
//   - Every gap closed by a path step points to that step: the table's and the Markdown's
//     "Step N", JSON's next_step the step's action.
//   - The path is said once in Markdown: the gap table names steps, never an action.
func TestOneVoice(t *testing.T) {
	for _, example := range []string{"not-ready.yaml", "nearly-ready.yaml", "ready.yaml", "student.json"} {
		answers := "../examples/" + example
		var report struct {
			Gaps []struct {
				ID       string `json:"id"`
				NextStep string `json:"next_step"`
			}
			Plan []struct {
				Step   int
				Action string
				Closes []string
			}
		}
		if err := json.Unmarshal([]byte(run(t, "", "assess", "--answers", answers, "--format", "json").stdout), &report); err != nil {
			t.Fatal(err)
		}
		stepOf := map[string]int{}
		for _, s := range report.Plan {
			for _, id := range s.Closes {
				stepOf[id] = s.Step
			}
		}
		for _, g := range report.Gaps {
			if n := stepOf[g.ID]; n == 0 || g.NextStep != report.Plan[n-1].Action {
				t.Errorf("%s: JSON gap %s's next step %q is not the action of the step that closes it", example, g.ID, g.NextStep)
			}
		}

		table := runAtWidth(t, 80, "assess", "--answers", answers).stdout
		lines := strings.Split(strings.TrimSuffix(table, "\n"), "\n")
		last := strings.Join(lines[max(len(lines)-40, 0):], "\n")
		for _, want := range []string{"Your path (", "Verdict:", "Score:"} {
			if !strings.Contains(last, want) {
				t.Errorf("%s: the last 40 lines at 80 columns lack %q:\n%s", example, want, last)
			}
		}
		if strings.Index(table, "What stands between you") > strings.Index(table, "Your path (") {
			t.Errorf("%s: the gaps come after the path", example)
		}
		all := runAtWidth(t, 80, "assess", "--answers", answers, "--all-gaps").stdout
		for _, n := range stepOf {
			if !strings.Contains(all, fmt.Sprintf("│ Step %d ", n)) && !strings.Contains(all, fmt.Sprintf("Next step: Step %d\n", n)) {
				t.Errorf("%s: no gap of the table points to step %d", example, n)
			}
		}

		md := run(t, "", "assess", "--answers", answers, "--format", "markdown").stdout
		gapTable := md[strings.Index(md, "| Area | Requirement"):]
		for _, s := range report.Plan {
			if strings.Contains(gapTable, s.Action) {
				t.Errorf("%s: the Markdown gap table says step %d again: %q", example, s.Step, s.Action)
			}
		}
		for _, n := range stepOf {
			if !regexp.MustCompile(fmt.Sprintf(`\| Step %d \|\n`, n)).MatchString(gapTable) {
				t.Errorf("%s: no gap of the Markdown points to step %d", example, n)
			}
		}
	}
}

// Words a person knows (issue 16, point 4): every person-facing output spells out, once, each
// abbreviation it uses, and says no "weight 30" nor "old code"; the paper form and credentials
// say their conditions in words, never in question ids.
func TestWordsAPersonKnows(t *testing.T) {
	abbreviations := []string{"AHIMA", "CAHIIM", "CCA", "CCS", "HIM", "HIT", "RHIA", "RHIT"}
	outputs := map[string]string{}
	for _, example := range []string{"not-ready.yaml", "ready.yaml", "student.json"} {
		for _, format := range []string{"table", "markdown"} {
			outputs[example+" "+format] = runAtWidth(t, 80, "assess", "--answers", "../examples/"+example, "--format", format).stdout
		}
		outputs[example+" plain"] = runAtWidth(t, 80, "assess", "--answers", "../examples/"+example, "--plain").stdout
	}
	outputs["credentials"] = runAtWidth(t, 80, "credentials").stdout
	outputs["credentials markdown"] = run(t, "", "credentials", "--format", "markdown").stdout
	outputs["paper form"] = run(t, "", "questions", "--format", "markdown").stdout
	for name, out := range outputs {
		for _, abbr := range abbreviations {
			used := regexp.MustCompile(`\b` + abbr + `\b`).MatchString(out)
			spelled := regexp.MustCompile(`(?m)^(  |- \*\*)`+abbr+`(:|\*\*:)`).FindAllString(out, -1)
			if used && len(spelled) != 1 {
				t.Errorf("%s: %s is used and spelled out %d times", name, abbr, len(spelled))
			}
		}
		for _, unwanted := range []string{"weight 30", "old code", "(weight"} {
			if strings.Contains(out, unwanted) {
				t.Errorf("%s says %q", name, unwanted)
			}
		}
	}
	ids := regexp.MustCompile(`\b(education|certification|experience)\.[a-z-]+ is\b`)
	for _, name := range []string{"paper form", "credentials", "credentials markdown"} {
		if m := ids.FindString(outputs[name]); m != "" {
			t.Errorf("%s states a condition by ids: %q", name, m)
		}
	}
	if !strings.Contains(outputs["not-ready.yaml table"], "CAHIIM's program directory") {
		t.Error("a path with a program does not name CAHIIM's program directory")
	}
}
