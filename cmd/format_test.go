package cmd

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/hitready/hitready/internal/iostreams"
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
		{"upper case", []string{"assess", "--answers", ready, "--format", "CSV"}, exitOK, want.stdout},
		{"mixed case", []string{"assess", "--answers", ready, "--format", "Csv"}, exitOK, want.stdout},
		{"outlook has no csv", []string{"outlook", "--format", "csv"}, exitInvalid, ""},
		{"questions json-schema upper", []string{"questions", "--format", "JSON-SCHEMA"}, exitOK, run(t, "", "questions", "--format", "json-schema").stdout},
	}
	for _, tt := range tests {
		r := run(t, "", tt.args...)
		if r.code != tt.wantCode || r.stdout != tt.stdout {
			t.Errorf("%s: exit %d (want %d), stdout %q, stderr %q", tt.name, r.code, tt.wantCode, r.stdout, r.stderr)
		}
	}
	if want.code != exitOK || want.stdout == "" {
		t.Fatalf("csv itself: exit %d, %q", want.code, want.stdout)
	}
}

// assess and score write a report with the one YAML writer: score's list item is assess's
// document, indented under "- ".
func TestAssessAndScoreWriteTheSameYAML(t *testing.T) {
	for _, ex := range []string{"ready.yaml", "not-ready.yaml", "student.json"} {
		path := filepath.Join("..", "examples", ex)
		one := run(t, "", "assess", "--answers", path, "--format", "yaml")
		many := run(t, "", "score", path, "--format", "yaml")
		if one.code != exitOK || many.code != exitOK {
			t.Fatalf("%s: exit %d and %d: %s%s", ex, one.code, many.code, one.stderr, many.stderr)
		}
		lines := strings.Split(strings.TrimSuffix(one.stdout, "\n"), "\n")
		for i := range lines {
			lines[i] = map[bool]string{true: "- ", false: "  "}[i == 0] + lines[i]
		}
		if want := strings.Join(lines, "\n") + "\n"; many.stdout != want {
			t.Errorf("%s: score's YAML is not assess's:\n--- score\n%s\n--- assess, as a list item\n%s", ex, many.stdout, want)
		}
	}
}

// TERM=dumb, like --plain, draws no boxes and no bars.
func TestDumbTerminalIsPlain(t *testing.T) {
	notReady := filepath.Join("..", "examples", "not-ready.yaml")
	dumb := runWith(t, func(ios *iostreams.IOStreams) { ios.SetDumbTerminal(true) }, "", "assess", "--answers", notReady)
	plain := run(t, "", "assess", "--answers", notReady, "--plain")
	// The same, but for the hint to see every gap: it repeats --plain where it was given.
	if dumb.code != exitOK || dumb.stdout != strings.ReplaceAll(plain.stdout, " --plain", "") {
		t.Fatalf("TERM=dumb differs from --plain (exit %d):\n%s", dumb.code, dumb.stdout)
	}
	if strings.ContainsAny(dumb.stdout, "┌│─█░") {
		t.Errorf("plain output has box or block characters:\n%s", dumb.stdout)
	}
}
