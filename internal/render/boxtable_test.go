package render

import (
	"bytes"
	"strings"
	"testing"
)

// The cohort's box table is drawn by hand for speed; it must look like every other table, which
// tablewriter draws. Same rows, same widths: same text, line for line.
func TestBoxTableDrawsTablewritersStyle(t *testing.T) {
	header := []string{"Student", "Score", "Verdict", "Blocking gaps"}
	rows := [][]string{
		{"Jordan Rivera", "97.0", "ready", ""},
		{"Alex Chen", "33.1", "not-ready", "certification.ahima, education.degree"},
		{"Sam Okafor", "84.5", "nearly-ready", "none at all here"},
		{"Ünïcødé Name", "5.0", "not-ready", "education.degree"},
	}
	// Each column's widest cell fills it, so tablewriter's measured widths are these.
	widths := []int{13, 5, 12, 20}

	box := boxTable{widths: widths}
	var want strings.Builder
	want.WriteString(box.Top() + box.Row(header...) + box.Separator())
	for _, r := range rows {
		want.WriteString(box.Row(r...))
	}
	want.WriteString(box.Bottom())

	var got bytes.Buffer
	// tablewriter's caps count the padding around a cell; the box table's widths do not.
	caps := make([]int, len(widths))
	for i, w := range widths {
		caps[i] = w + 2
	}
	table := newTable(&got, false, caps...)
	table.Header(header)
	for _, r := range rows {
		if err := table.Append(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := table.Render(); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() {
		t.Errorf("tablewriter:\n%s\nbox table:\n%s", got.String(), want.String())
	}
	// 4 rows, one of them wrapped over two lines, a header and 3 rules.
	if n := strings.Count(want.String(), "\n"); n != 4+1+1+3 {
		t.Errorf("box table has %d lines, want 9:\n%s", n, want.String())
	}
}
