package cmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A profile may bring its own credentials file (credentials: FILE, beside the profile): the
// dump of `hitready credentials --format yaml` reads back, an edit changes the reports, and a bad
// file is refused with its name and line, exit 2, like a bad profile.
func TestProfileBringsItsOwnCredentials(t *testing.T) {
	dir := t.TempDir()
	profile := run(t, "", "requirements", "--format", "yaml").stdout
	creds := run(t, "", "credentials", "--format", "yaml").stdout
	write := func(name, data string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	profilePath := write("profile.yaml", profile+"credentials: creds.yaml\n")

	// Unchanged, the dump gives the same reports as the embedded file.
	write("creds.yaml", creds)
	embedded := run(t, "", "assess", "--answers", "../examples/not-ready.yaml", "--format", "json")
	custom := run(t, "", "assess", "--answers", "../examples/not-ready.yaml", "--format", "json", "--profile", profilePath)
	if custom.code != exitOK || custom.stdout != embedded.stdout {
		t.Fatalf("the dumped credentials read back differently (exit %d): %s", custom.code, custom.stderr)
	}

	// A program that asks more of CCA candidates: some college.
	write("creds.yaml", strings.Replace(creds, "              - high-school\n", "", 1))
	r := run(t, "", "assess", "--answers", "../examples/not-ready.yaml", "--format", "json", "--profile", profilePath)
	if r.code != exitOK || strings.Contains(r.stdout, `"id": "exam-cca"`) || !strings.Contains(r.stdout, `"id": "exam-rhit"`) {
		t.Errorf("the edited rule did not change the plan (exit %d):\n%s", r.code, r.stderr)
	}

	// A bad file: exit 2, its path and line, nothing on standard output.
	write("creds.yaml", strings.Replace(creds, "question: education.level", "question: education.levle", 1))
	r = run(t, "", "assess", "--answers", "../examples/not-ready.yaml", "--profile", profilePath)
	if r.code != exitInvalid || r.stdout != "" || !strings.Contains(r.stderr, filepath.Join(dir, "creds.yaml")+":") ||
		!strings.Contains(r.stderr, `unknown question "education.levle"`) {
		t.Errorf("exit %d, stderr:\n%s", r.code, r.stderr)
	}
	r = run(t, "", "credentials", "--profile", profilePath)
	if r.code != exitInvalid {
		t.Errorf("credentials --profile showed a bad file: exit %d", r.code)
	}

	// A file that is not there.
	write("profile.yaml", profile+"credentials: nowhere.yaml\n")
	if r := run(t, "", "requirements", "--profile", profilePath); r.code != exitInvalid || !strings.Contains(r.stderr, "nowhere.yaml") {
		t.Errorf("a missing credentials file: exit %d, %s", r.code, r.stderr)
	}
}
