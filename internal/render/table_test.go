package render

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/hitready/hitready/assessment"
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
	for _, tt := range tests {
		if got := Headline(tt.r); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestBar(t *testing.T) {
	for _, tt := range []struct {
		score  float64
		filled int
	}{{0, 0}, {4.9, 0}, {5, 1}, {50, 10}, {99.9, 19}, {100, 20}} {
		got := bar(tt.score, false)
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
	for _, width := range []int{100, 120, 200} {
		var buf bytes.Buffer
		if err := Table(&buf, r, TableOptions{Width: width}); err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(buf.String(), "\n") {
			if n := utf8.RuneCountInString(line); n > width {
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
	if err := Markdown(&buf, r); err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(buf.String(), "\n") {
		if strings.HasPrefix(line, "| skills") || strings.HasPrefix(line, "| Skills") {
			if cells := strings.Count(strings.ReplaceAll(line, `\|`, ""), "|"); cells != 7 {
				t.Errorf("gap row has %d separators, want 7: %s", cells, line)
			}
		}
	}
	if !strings.Contains(buf.String(), "## Readiness report: Pat | \"Lee\" Jr\n") {
		t.Errorf("heading:\n%s", buf.String())
	}
}

func TestCSVNeutralisesFormulas(t *testing.T) {
	var buf bytes.Buffer
	c := NewCSV(&buf, []string{"skills"})
	if err := c.Write(assessment.Report{Respondent: "=HYPERLINK(\"http://x\")", Source: "+a.yaml", Verdict: assessment.Ready}); err != nil {
		t.Fatal(err)
	}
	if err := c.Flush(); err != nil {
		t.Fatal(err)
	}
	want := "source,respondent,score,verdict,skills_score,blocking_gaps,gaps,first_step\n'+a.yaml,\"'=HYPERLINK(\"\"http://x\"\")\",0,ready,0,,0,\n"
	if buf.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", buf.String(), want)
	}
}
