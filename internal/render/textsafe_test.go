package render

import (
	"bytes"
	"strings"
	"testing"

	"github.com/hitready/hitready/assessment"
	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/textsafe"
)

// A source path comes from the file system and may hold any byte but NUL; in every format meant
// for a terminal or a spreadsheet it is shown escaped, so it cannot move the cursor, recolour the
// screen or forge a line.
func TestSourcePathsAreEscaped(t *testing.T) {
	evil := "cohort/a\nb\x1b[2J\a\u2028\u0085.yaml"
	want := `cohort/a\nb\x1b[2J\a\u2028\u0085.yaml`
	r := assessment.Report{Source: evil, Verdict: assessment.NotReady,
		Areas: []assessment.AreaScore{{ID: "skills", Title: "Skills", Score: 10, Weight: 1}}}
	c := assessment.Comparison{Old: assessment.Snapshot{Source: evil}, New: assessment.Snapshot{Source: "b.yaml"}, VerdictChange: "same"}
	for _, format := range []string{"table", "markdown", "csv"} {
		var report, comparison bytes.Buffer
		if err := Write(ReportFormats(), &report, format, r, Options{Width: 100}); err != nil {
			t.Fatal(err)
		}
		if err := Write(ComparisonFormats(), &comparison, format, c, Options{Width: 100}); err != nil {
			t.Fatal(err)
		}
		for name, out := range map[string]string{"report": report.String(), "comparison": comparison.String()} {
			shown := want
			if format == "markdown" { // the escape's backslashes and bracket are escaped for Markdown
				shown = mdText(want)
			}
			if !strings.Contains(out, shown) {
				t.Errorf("%s %s does not show the path escaped:\n%s", format, name, out)
			}
			for _, line := range strings.Split(out, "\n") {
				if r, bad := textsafe.Unsafe(strings.TrimSuffix(line, "\r")); bad {
					t.Errorf("%s %s holds %q:\n%q", format, name, r, line)
				}
			}
		}
	}
	var cohort bytes.Buffer
	if err := reportCSV(&cohort, r); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(cohort.String(), want+",") {
		t.Errorf("CSV row:\n%s", cohort.String())
	}
	if student, _, _, _, _ := cohortRow(r, i18n.For(i18n.English)); student != want {
		t.Errorf("cohort row shows %q", student)
	}
}
