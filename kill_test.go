package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hitready/hitready/internal/cohort"
	"github.com/hitready/hitready/questions"
)

// Killing hitready while it writes --output leaves the previous file exactly as it was: the
// report goes to a temporary file that replaces the target only when complete.
func TestKilledWriterLeavesTheOldFile(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a cohort")
	}
	dir := t.TempDir()
	bank, err := questions.Load()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := cohort.Generate(bank, filepath.Join(dir, "cohort"), 4000, 9); err != nil {
		t.Fatal(err)
	}
	// The test binary is hitready when called by that name (see TestMain).
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(dir, "hitready")
	if err := os.Symlink(self, bin); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out", "cohort.json")
	os.Mkdir(filepath.Dir(out), 0o700)
	old := []byte("last week's cohort\n")
	if err := os.WriteFile(out, old, 0o600); err != nil {
		t.Fatal(err)
	}

	cmd := exec.Command(bin, "score", filepath.Join(dir, "cohort"), "--format", "json", "--jobs", "1", "--output", out)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Kill it once the temporary file holds part of the new report: midway, for certain.
	deadline := time.Now().Add(30 * time.Second)
	killed := false
	for time.Now().Before(deadline) && !killed {
		entries, _ := os.ReadDir(filepath.Dir(out))
		for _, e := range entries {
			if info, err := e.Info(); err == nil && strings.HasPrefix(e.Name(), ".cohort.json") && info.Size() > 0 {
				cmd.Process.Kill()
				killed = true
			}
		}
		time.Sleep(time.Millisecond)
	}
	cmd.Wait()
	if !killed {
		t.Fatal("never saw the report being written")
	}
	data, err := os.ReadFile(out)
	if err != nil || string(data) != string(old) {
		t.Fatalf("after the kill the file holds %d bytes (%v); want the old report untouched", len(data), err)
	}
	// The temporary file stays behind after SIGKILL (nothing can remove it); it is hidden and
	// never mistaken for the report.
	entries, _ := os.ReadDir(filepath.Dir(out))
	t.Logf("left in the folder: %d entries", len(entries))
}
