package cmd

import (
	"path/filepath"
	"testing"
)

// --format takes a format in any case and prints what the lower-case name prints; a format the
// command does not have is refused with the allowed ones.
func TestFormatFlag(t *testing.T) {
	ready := filepath.Join("..", "examples", "ready.yaml")
	want := run(t, "", "assess", "--answers", ready, "--format", "csv")
	tests := []struct {
		name     string
		args     []string
		wantCode int
		stdout   string
	}{
		{"upper case", []string{"assess", "--answers", ready, "--format", "CSV"}, ExitOK, want.stdout},
		{"mixed case", []string{"assess", "--answers", ready, "--format", "Csv"}, ExitOK, want.stdout},
		{"outlook has no csv", []string{"outlook", "--format", "csv"}, ExitInvalid, ""},
		{"questions json-schema upper", []string{"questions", "--format", "JSON-SCHEMA"}, ExitOK, run(t, "", "questions", "--format", "json-schema").stdout},
	}
	for _, tt := range tests {
		r := run(t, "", tt.args...)
		if r.code != tt.wantCode || r.stdout != tt.stdout {
			t.Errorf("%s: exit %d (want %d), stdout %q, stderr %q", tt.name, r.code, tt.wantCode, r.stdout, r.stderr)
		}
	}
	if want.code != ExitOK || want.stdout == "" {
		t.Fatalf("csv itself: exit %d, %q", want.code, want.stdout)
	}
}
