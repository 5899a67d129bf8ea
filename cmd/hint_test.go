package cmd

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/hitready/hitready/internal/iostreams"
)

// The hint that shows every gap in full repeats the run's answers and the flags that change the
// report (--set, --plain, --lang), fits a 60-column terminal with shell continuations, and,
// pasted into a shell, runs the same report with every gap (issue 17, item 16).
func TestInFullRepeatsTheRunAndFitsTheWidth(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "a folder with a long name for the answers of this person")
	os.MkdirAll(dir, 0o700)
	data, _ := os.ReadFile(filepath.Join("..", "examples", "not-ready.yaml"))
	answers := filepath.Join(dir, "not-ready.yaml")
	os.WriteFile(answers, data, 0o600)
	args := []string{"assess", "--answers", answers, "--set", "skills.computer=2", "--plain", "--lang", "en"}
	narrow := func(ios *iostreams.IOStreams) { ios.SetTerminalWidth(60) }
	r := runWith(t, narrow, "", args...)
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, line := range strings.Split(r.stdout, "\n") {
		if len([]rune(line)) > 60 {
			t.Errorf("a line of %d columns: %q", len([]rune(line)), line)
		}
	}
	// The hint: the lines after "In full:", up to the one that does not continue.
	_, after, found := strings.Cut(r.stdout, "In full:\n")
	var hint []string
	for line := range strings.Lines(after) {
		hint = append(hint, strings.TrimSuffix(line, "\n"))
		if !strings.HasSuffix(line, "\\\n") {
			break
		}
	}
	if !found {
		t.Fatalf("no hint in:\n%s", r.stdout)
	}
	command := strings.TrimLeft(strings.Join(hint, "\n"), " ")
	want := append(slices.Clone(args[:5]), "--lang", "en", "--plain", "--all-gaps")
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash to paste the hint into")
	}
	out, err := exec.Command(bash, "-c", strings.Replace(command, "hitready", `printf '%s\n'`, 1)).Output()
	pasted := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if err != nil || !slices.Equal(pasted, want) {
		t.Fatalf("the hint\n%s\nruns as %q (%v), want %q", command, pasted, err, want)
	}
	full := runWith(t, narrow, "", pasted...)
	again := runWith(t, narrow, "", append(args, "--all-gaps")...)
	if full.code != exitOK || full.stdout != again.stdout {
		t.Errorf("the hint prints another report:\n%s", full.stdout)
	}
}
