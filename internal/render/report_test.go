package render

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"

	"github.com/hitready/hitready/assessment"
	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/page"
)

func TestHeadline(t *testing.T) {
	th := assessment.Thresholds{Ready: 85, NearlyReady: 60}
	gap := func(s assessment.Severity) assessment.Gap { return assessment.Gap{Severity: s} }
	tests := []struct {
		name string
		r    assessment.Report
		want string
	}{
		{"two blocking", assessment.Report{Verdict: assessment.NotReady, Score: 40, Thresholds: th,
			Gaps: []assessment.Gap{gap(assessment.Blocking), gap(assessment.Blocking), gap(assessment.Major)}},
			"Not yet ready: 2 requirements block you."},
		{"one blocking", assessment.Report{Verdict: assessment.NotReady, Score: 80, Thresholds: th,
			Gaps: []assessment.Gap{gap(assessment.Blocking)}},
			"Not yet ready: 1 requirement blocks you."},
		{"low score", assessment.Report{Verdict: assessment.NotReady, Score: 57, Thresholds: th},
			"Not yet ready: nothing blocks you, but your score of 57.0 is under 60.0."},
		{"nearly", assessment.Report{Verdict: assessment.NearlyReady, Score: 84.5, Thresholds: th},
			"Nearly ready: nothing blocks you; your score of 84.5 is under the 85.0 that counts as ready."},
		{"ready", assessment.Report{Verdict: assessment.Ready, Score: 97, Thresholds: th},
			"Ready: nothing blocks you, and your score of 97.0 reaches the 85.0 that counts as ready."},
	}
	titled := func(title string) assessment.Gap { return assessment.Gap{Severity: assessment.Blocking, Title: title} }
	tests = append(tests, []struct {
		name string
		r    assessment.Report
		want string
	}{
		{"two titled", assessment.Report{Verdict: assessment.NotReady, Thresholds: th,
			Gaps: []assessment.Gap{titled("Associate's degree"), titled("AHIMA exam"), gap(assessment.Major)}},
			"Not yet ready: the associate's degree and the AHIMA exam stand in the way."},
		{"one titled", assessment.Report{Verdict: assessment.NotReady, Thresholds: th, Gaps: []assessment.Gap{titled("AHIMA exam")}},
			"Not yet ready: the AHIMA exam stands in the way."},
		{"three titled", assessment.Report{Verdict: assessment.NotReady, Thresholds: th,
			Gaps: []assessment.Gap{titled("A"), titled("Bb"), titled("Cc")}},
			"Not yet ready: the A, the bb and the cc stand in the way."},
	}...)
	for _, tt := range tests {
		if got := page.Headline(i18n.For(i18n.English), tt.r, reportHeadline); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
	if len(tests) != 8 {
		t.Fatalf("checked %d headlines", len(tests))
	}
}

func TestBar(t *testing.T) {
	for _, tt := range []struct {
		score  float64
		filled int
	}{{0, 0}, {4.9, 0}, {5, 1}, {50, 10}, {99.9, 19}, {100, 20}} {
		got := bar(tt.score, ansiGreen, false)
		if utf8.RuneCountInString(got) != barCells || strings.Count(got, "█") != tt.filled {
			t.Errorf("bar(%v) = %q, want %d of %d filled", tt.score, got, tt.filled, barCells)
		}
	}
}

func TestGapTableFitsTheTerminal(t *testing.T) {
	r := assessment.Report{Verdict: assessment.NotReady, Gaps: []assessment.Gap{{
		ID: "x", Area: "skills", Severity: assessment.Major,
		Requirement: "A clear understanding of reimbursement procedures.", Current: "2 of 5", Target: "4 of 5 or higher",
		NextStep: "Learn how claims are coded, billed and paid (Medicare, Medicaid, private insurers); a health-care reimbursement course covers it.",
	}}}
	for _, width := range []int{60, 69, 70, 80, 100, 120, 200} {
		var buf bytes.Buffer
		if err := reportTable(&buf, r, Options{Width: width}); err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(buf.String(), "\n") {
			if n := runewidth.StringWidth(line); n > width {
				t.Errorf("width %d: a line of %d columns: %s", width, n, line)
			}
		}
	}
}

func TestMarkdownCellsStayCells(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a | b", `a \| b`},
		{"line one\nline two", "line one<br>line two"},
		{"crlf\r\nend", "crlf<br>end"},
		{`back\slash|`, `back\\slash\|`},
		{"  padded  ", "padded"},
	}
	for _, tt := range tests {
		if got := mdCell(tt.in); got != tt.want {
			t.Errorf("mdCell(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	r := assessment.Report{Respondent: "Pat | \"Lee\"\nJr", Verdict: assessment.NotReady, Gaps: []assessment.Gap{{
		ID: "x", Area: "skills", Severity: assessment.Major, Requirement: "a|b", Current: "1\n2", Target: "t", NextStep: "n",
	}}}
	var buf bytes.Buffer
	if err := reportMarkdown(&buf, r, Options{}); err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(buf.String(), "\n") {
		if strings.HasPrefix(line, "| skills") || strings.HasPrefix(line, "| Skills") {
			if cells := strings.Count(strings.ReplaceAll(line, `\|`, ""), "|"); cells != 7 {
				t.Errorf("gap row has %d separators, want 7: %s", cells, line)
			}
		}
	}
	if !strings.Contains(buf.String(), "## Readiness report: Pat \\| \"Lee\" Jr\n") {
		t.Errorf("heading:\n%s", buf.String())
	}
}

func TestCSVNeutralisesFormulas(t *testing.T) {
	var buf bytes.Buffer
	c, err := NewStream(&buf, "csv", []string{"skills"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	rendered, err := c.Render(assessment.Report{Respondent: "=HYPERLINK(\"http://x\")", Source: "+a.yaml", Verdict: assessment.Ready})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Add(rendered); err != nil {
		t.Fatal(err)
	}
	if err := c.Close(&assessment.Summary{}); err != nil {
		t.Fatal(err)
	}
	want := "source,respondent,score,verdict,skills_score,blocking_gaps,gaps,first_step\n'+a.yaml,\"'=HYPERLINK(\"\"http://x\"\")\",0,ready,0,,0,\n"
	if buf.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", buf.String(), want)
	}
}

func sampleReport() assessment.Report {
	gap := func(id, title string, sev assessment.Severity) assessment.Gap {
		return assessment.Gap{ID: id, Title: title, Area: "skills", Severity: sev, Requirement: "The requirement of " + title + ".",
			Current: "2 of 5", Target: "4 of 5 or higher", NextStep: "Practise " + title + " every week."}
	}
	return assessment.Report{Verdict: assessment.NotReady, Score: 40, Thresholds: assessment.Thresholds{Ready: 85, NearlyReady: 60},
		Areas: []assessment.AreaScore{{ID: "a", Title: "Low", Score: 20}, {ID: "b", Title: "Middle", Score: 70}, {ID: "c", Title: "High", Score: 90}},
		Gaps: []assessment.Gap{gap("x", "AHIMA exam", assessment.Blocking), gap("y", "Reimbursement", assessment.Major),
			gap("z", "Privacy", assessment.Minor), gap("w", "Empathy", assessment.Minor)}}
}

// What each option changes, each checked on the same report.
func TestTableOptions(t *testing.T) {
	draw := func(opts Options) string {
		var buf bytes.Buffer
		if err := reportTable(&buf, sampleReport(), opts); err != nil {
			t.Fatal(err)
		}
		return buf.String()
	}
	tests := []struct {
		name       string
		opts       Options
		has, lacks []string
	}{
		{"minor gaps summed up", Options{Width: 100},
			[]string{"Also 2 minor gaps, for later: Privacy, Empathy. In full:\n  hitready assess --all-gaps (with the same answers)\n", "┌"},
			[]string{"Practise Privacy"}},
		{"all gaps", Options{Width: 100, AllGaps: true}, []string{"Practise Privacy", "Practise Empathy"}, []string{"Also 2 minor"}},
		{"stacked below the table's width", Options{Width: 60},
			[]string{"AHIMA exam (blocking)\n  The requirement of AHIMA exam.\n  You now:   2 of 5\n  Target:    4 of 5 or higher\n  Next step: Practise AHIMA exam every week.\n"},
			[]string{"┌", "│"}},
		{"plain has no box drawing or blocks", Options{Width: 120, Plain: true, Color: true},
			[]string{"Scores by area:\n  Low: 20.0 of 100, low (0% of your score)\n  Middle: 70.0 of 100, middle", "In short:\n  Verdict:"},
			[]string{"┌", "│", "─", "█", "░", "\x1b["}},
		{"closing block", Options{Width: 80, AnswersKept: "me.yaml"},
			[]string{"Verdict:    not yet ready (blocked by: AHIMA exam)\nScore:      40.0 / 100 (ready at 85.0)\nFirst step: AHIMA exam: Practise AHIMA exam every week.\nAnswers:    me.yaml\n"},
			nil},
		{"no answers kept, no line for them", Options{Width: 80}, nil, []string{"Answers:"}},
		{"bars coloured by level", Options{Width: 80, Color: true},
			[]string{ansiRed + "████", ansiYellow + "██████████████", ansiGreen + "██████████████████"}, nil},
	}
	checks := 0
	for _, tt := range tests {
		out := draw(tt.opts)
		checks += checkText(t, tt.name, out, tt.has, tt.lacks)
	}
	if checks != 22 {
		t.Errorf("made %d checks, want 22", checks)
	}
}

// planReport is sampleReport with a path: a step per gap, a credential and a work setting.
func planReport() assessment.Report {
	r := sampleReport()
	for i, g := range r.Gaps {
		r.Plan = append(r.Plan, assessment.PlanStep{Step: i + 1, ID: "s" + g.ID, Action: "Do step " + g.Title + ".", Closes: []string{g.ID}})
	}
	r.Credentials = []assessment.CredentialStatus{{ID: "cca", Status: assessment.Eligible}}
	r.Settings = []assessment.SettingOutlook{{ID: "h", Title: "Hospitals"}}
	return r
}

// With a path, the report says each thing once: the gap table names the step that closes a gap
// rather than repeating it, steps that close only minor gaps are summed up in a line, and every
// hint names the command as the person started it.
func TestReportSaysEachThingOnce(t *testing.T) {
	tests := []struct {
		name       string
		opts       Options
		has, lacks []string
	}{
		{"table names the step", Options{Width: 100},
			[]string{"│ Step 1 ", "│ Step 2 ", "  1. Do step AHIMA exam.", "  2. Do step Reimbursement."},
			[]string{"Practise AHIMA exam", "Do step Privacy", "│ Step 3"}},
		{"stacked names the step", Options{Width: 60},
			[]string{"  Next step: Step 1\n"}, []string{"Practise"}},
		{"minor steps summed up, with the command as started", Options{Width: 100, Command: "go run .", AnswersKept: "my answers.yaml"},
			[]string{"  Later: Privacy, Empathy (steps 3 and 4). In full:\n         go run . assess --answers 'my answers.yaml' --all-gaps\n",
				"Also 2 minor gaps, closed by steps 3 and 4 of your path.",
				"Who may sit each exam, with sources:\n  go run . credentials\n", "dates:\n  go run . outlook\n",
				"First step: Do step AHIMA exam."},
			[]string{"hitready", "  3. Do step", "--all-gaps shows them in full.\n\nAlso"}},
		{"all gaps: every step in full", Options{Width: 100, AllGaps: true},
			[]string{"  3. Do step Privacy.", "  4. Do step Empathy.", "│ Step 4 "}, []string{"Later", "Also 2 minor"}},
	}
	checks := 0
	for _, tt := range tests {
		var buf bytes.Buffer
		if err := reportTable(&buf, planReport(), tt.opts); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		checks += checkText(t, tt.name, out, tt.has, tt.lacks)
	}
	if checks != 22 {
		t.Errorf("made %d checks, want 22", checks)
	}
}

// checkText reports what out lacks of has and holds of lacks, and returns how many it checked.
func checkText(t *testing.T, name, out string, has, lacks []string) int {
	t.Helper()
	for _, want := range has {
		if !strings.Contains(out, want) {
			t.Errorf("%s: lacks %q:\n%s", name, want, out)
		}
	}
	for _, unwanted := range lacks {
		if strings.Contains(out, unwanted) {
			t.Errorf("%s: has %q:\n%s", name, unwanted, out)
		}
	}
	return len(has) + len(lacks)
}
