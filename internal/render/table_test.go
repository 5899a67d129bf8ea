package render

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/hitready/hitready/assessment"
	"github.com/hitready/hitready/internal/prose"
)

// Characters a terminal shows as one of two columns, which counting rune by rune (as
// tablewriter does) makes one column or six.
const (
	flag   = "\U0001F1FA\U0001F1F8"                       // 🇺🇸
	keycap = "1\ufe0f\u20e3"                              // 1️⃣
	family = "\U0001F469\u200d\U0001F469\u200d\U0001F467" // 👩‍👩‍👧
	heart  = "\u2764\ufe0f"                               // ❤️
)

// A column is never narrower than its longest word, and the table never wider than the width;
// below the sum of the minimums the table does not fit.
func TestFitColumns(t *testing.T) {
	cols := []column{{header: "A", min: 4, max: 10}, {header: "B", min: 5}}
	rows := [][]string{{"short", "a sentence with an extraordinarily long word in it"}}
	tests := []struct {
		width int
		want  []int
		ok    bool
	}{
		{10, nil, false},
		{7 + 5 + 15, []int{5, 15}, true}, // the long word sets B's floor
		{7 + 5 + 20, []int{5, 20}, true}, // A has all it needs; B grows
		{200, []int{5, 50}, true},        // no wider than the cells need
		{7 + 5 + 14, nil, false},         // B's longest word does not fit
	}
	for _, tt := range tests {
		got, ok := table{cols: cols}.fit(rows, tt.width)
		if ok != tt.ok || (ok && (got[0] != tt.want[0] || got[1] != tt.want[1])) {
			t.Errorf("width %d: %v %v, want %v %v", tt.width, got, ok, tt.want, tt.ok)
		}
	}
	if _, ok := (table{cols: cols, narrowest: 100}).fit(rows, 99); ok {
		t.Error("a table fitted below its narrowest width")
	}
}

// Every line of a drawn table is as wide as its top line, and no wider than the width, whatever
// the cells hold: flags, keycaps, joined emoji, colour, words longer than a column.
func TestTableLinesLineUp(t *testing.T) {
	cols := []column{{header: "Name", min: 8, max: 16}, {header: "Note", min: 12}}
	rows := [][]string{
		{"Zoë " + flag + " Fairweather", "plain words that wrap over several lines of the column"},
		{keycap + keycap + " " + family + " Lee", heart + " " + strings.Repeat(flag, 9) + " and " + keycap},
		{"Ünïcødé", ansiRed + "painted" + ansiReset + " text " + family},
	}
	for _, width := range []int{40, 60, 80, 120} {
		t.Run(fmt.Sprint(width), func(t *testing.T) {
			for _, rowLines := range []bool{false, true} {
				var buf bytes.Buffer
				if err := (table{cols: cols, rowLines: rowLines}).write(&buf, rows, Options{Width: width}); err != nil {
					t.Fatal(err)
				}
				checkLinesLineUp(t, buf.String(), width)
				for _, cell := range []string{flag, keycap, family, heart, "Fairweather"} {
					if !strings.Contains(buf.String(), cell) {
						t.Errorf("lost %q:\n%s", cell, buf.String())
					}
				}
			}
		})
	}
}

// checkLinesLineUp: every line of out starting with a box character is as wide as the first,
// which is no wider than width, and nothing of tablewriter's stand-ins is left.
func checkLinesLineUp(t *testing.T, out string, width int) {
	t.Helper()
	tableWidth := -1
	for _, line := range strings.Split(out, "\n") {
		if !strings.ContainsAny(line[:min(len(line), 3)], "┌│├└") {
			continue
		}
		w := prose.Width(stripANSI(line))
		if tableWidth < 0 {
			tableWidth = w
		}
		if w != tableWidth || w > width {
			t.Errorf("a line %d wide in a table %d wide, at %d columns:\n%s", w, tableWidth, width, out)
			return
		}
	}
	if tableWidth < 0 {
		t.Errorf("no table at %d columns:\n%s", width, out)
	}
	if strings.ContainsAny(out, "\x01\x02\x10\x1f") {
		t.Errorf("stand-ins left in the table: %q", out)
	}
}

// The cohort table, streamed: names are cut at their end with an ellipsis, never inside a
// character, and every row lines up at 80 and 120 columns.
func TestCohortTableCutsNamesAtTheirEnd(t *testing.T) {
	names := []string{
		"Alexandra Montgomery-Fairweather", "Benedict Montgomery-Fairweather",
		"Zoë " + flag + flag + flag + flag + flag + " Montgomery", keycap + keycap + keycap + keycap + keycap + keycap + keycap + keycap + keycap + keycap + keycap + keycap + keycap,
	}
	for _, width := range []int{80, 120} {
		var buf bytes.Buffer
		s := newTableStream(&buf, Options{Width: width})
		for _, name := range names {
			rendered, err := s.Render(assessment.Report{Respondent: name, Verdict: assessment.Ready})
			if err != nil {
				t.Fatal(err)
			}
			if err := s.Add(rendered); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.Close(&assessment.Summary{}); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		checkLinesLineUp(t, out, width)
		for _, name := range names {
			first := cutEnd(strings.Fields(name)[0], 8)
			if !strings.Contains(out, "│ "+strings.TrimSuffix(first, "…")) {
				t.Errorf("%d columns: %q does not start a row:\n%s", width, first, out)
			}
		}
		if width == 80 && (!strings.Contains(out, "│ Alexandra Mo… │") || !strings.Contains(out, "│ Benedict Mon… │")) {
			t.Errorf("names not cut at their end:\n%s", out)
		}
	}
}

// A path, shown for a file without a name, keeps its end, which names the file.
func TestCutStartAndEnd(t *testing.T) {
	tests := []struct {
		s          string
		width      int
		start, end string
	}{
		{"answers/class-2024/jordan.yaml", 16, "…024/jordan.yaml", "answers/class-2…"},
		{"short", 16, "short", "short"},
		{"ab" + flag + flag + "cd", 5, "…" + flag + "cd", "ab" + flag + "…"},
		{flag + flag + flag, 4, "…" + flag, flag + "…"},
	}
	for _, tt := range tests {
		if got := cutStart(tt.s, tt.width); got != tt.start || prose.Width(got) > tt.width {
			t.Errorf("cutStart(%q, %d) = %q, want %q", tt.s, tt.width, got, tt.start)
		}
		if got := cutEnd(tt.s, tt.width); got != tt.end || prose.Width(got) > tt.width {
			t.Errorf("cutEnd(%q, %d) = %q, want %q", tt.s, tt.width, got, tt.end)
		}
	}
}
