package cmd

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/hitready/hitready/internal/iostreams"
)

// A report that fails halfway leaves the file named by --output exactly as it was, and no
// temporary file behind.
func TestOutputIsAllOrNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "report.csv")
	if err := os.WriteFile(path, []byte("last week's report\n"), 0o640); err != nil {
		t.Fatal(err)
	}
	ios, _, _, _ := iostreams.Test()

	out, err := openOutput(ios, path)
	if err != nil {
		t.Fatal(err)
	}
	out.Writer().Write([]byte("half of a new rep"))
	out.Discard() // the run failed before Commit
	if data, _ := os.ReadFile(path); string(data) != "last week's report\n" {
		t.Errorf("the old report was changed: %q", data)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}

	out, err = openOutput(ios, path)
	if err != nil {
		t.Fatal(err)
	}
	out.Writer().Write([]byte("new report\n"))
	if err := out.Commit(); err != nil {
		t.Fatal(err)
	}
	out.Discard() // harmless after Commit
	info, _ := os.Stat(path)
	if data, _ := os.ReadFile(path); string(data) != "new report\n" || info.Mode().Perm() != 0o640 {
		t.Errorf("after commit: %q, mode %v (an existing file keeps its mode)", data, info.Mode().Perm())
	}
}

func TestNewFilesAreCreatedPrivate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "answers.yaml")
	if err := writeFileAtomic(path, []byte("answers: {}\n")); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", info.Mode().Perm())
	}
	if err := writeFileAtomic(filepath.Join(t.TempDir(), "no", "such", "folder.yaml"), nil); err == nil {
		t.Error("writing into a missing folder succeeded")
	}
}
