package render

import (
	"bytes"
	"strings"
	"testing"

	"github.com/hitready/hitready/assessment"
)

func TestFormatsLookUpInAnyCase(t *testing.T) {
	fs := OutlookFormats()
	tests := []struct {
		in, want, wantErr string
	}{
		{"table", "table", ""},
		{"JSON", "json", ""},
		{"Markdown", "markdown", ""},
		{"csv", "", `invalid --format "csv"; allowed: table, json, yaml, markdown`},
		{"", "", `invalid --format ""`},
	}
	for _, tt := range tests {
		got, err := fs.Canonical(tt.in)
		if got != tt.want || (err == nil) != (tt.wantErr == "") || (err != nil && !strings.Contains(err.Error(), tt.wantErr)) {
			t.Errorf("Canonical(%q) = %q, %v; want %q, %q", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
	if len(tests) != 5 {
		t.Fatalf("checked %d cases", len(tests))
	}
}

// A format a table does not have is refused, never written as nothing: outlook has no CSV.
func TestWriteRefusesAFormatItDoesNotHave(t *testing.T) {
	var buf bytes.Buffer
	err := Write(OutlookFormats(), &buf, "csv", &assessment.Outlook{}, Options{})
	if err == nil || buf.Len() != 0 {
		t.Fatalf("Outlook csv: err %v, wrote %q", err, buf.String())
	}
}

// Every table names each format once and has a renderer for each.
func TestFormatTablesAreWhole(t *testing.T) {
	tables := map[string][]string{
		"report":       ReportFormats().Names(),
		"comparison":   ComparisonFormats().Names(),
		"cohort":       CohortFormats().Names(),
		"questions":    QuestionFormats().Names(),
		"requirements": RequirementFormats().Names(),
		"outlook":      OutlookFormats().Names(),
	}
	checks := 0
	for kind, names := range tables {
		seen := map[string]bool{}
		for _, n := range names {
			if seen[n] || n != strings.ToLower(n) {
				t.Errorf("%s: format %q twice or not lower case", kind, n)
			}
			seen[n] = true
			checks++
		}
		if names[0] != "table" {
			t.Errorf("%s: the default format table is not first: %v", kind, names)
		}
	}
	for _, f := range ReportFormats() {
		if f.Render == nil {
			t.Errorf("report format %s has no renderer", f.Name)
		}
	}
	if checks != 6+6+6+6+5+4 { // report, comparison and cohort have html
		t.Errorf("checked %d formats, want 33", checks)
	}
}
