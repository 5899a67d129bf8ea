//go:build linux

package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"golang.org/x/sys/unix"

	"github.com/hitready/hitready/questions"
)

// A person's session, through the real binary on a terminal (issue 17, items 3, 15, 16, 17).

// inAWord joins the screen's words with single spaces: what wraps at the terminal's width still
// reads as one sentence.
func inAWord(s *screen) string { return strings.Join(strings.Fields(s.String()), " ") }

// incomplete is the incomplete ready.yaml (readyWithoutComputer) with one more answer, id: value
// ("" for none), as hitready writes it.
func incomplete(t *testing.T, id, value string) []byte {
	t.Helper()
	bank, err := questions.Load()
	if err != nil {
		t.Fatal(err)
	}
	a, err := bank.DecodeAnswers("inc.yaml", readyWithoutComputer(t))
	if err != nil {
		t.Fatal(err)
	}
	if id != "" {
		a.Set(id, questions.OneOfAnswer(value))
	}
	data, err := bank.EncodeAnswers(a)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// legacy is an answers file under the header of an earlier version, which this one still knows
// as its own.
func legacy(data []byte) []byte {
	_, body := questions.SplitAnswersHeader(data)
	return append([]byte("# hitready answers file. Continue or score it with: hitready assess --answers FILE\n"), body...)
}

// --answers ro/me.yaml, a file hitready wrote in a folder the person may not write into: the
// answers go to hitready-answers.yaml here, the person is told, and the message on Ctrl-C names
// that file, never the one that was not written (item 3). Run as nobody: root writes anywhere.
func TestAnswersFromAFolderThatCannotBeWrittenFallBack(t *testing.T) {
	setpriv, dir, bin := nobodysCopy(t)
	ro := filepath.Join(dir, "ro")
	os.Mkdir(ro, 0o755) // root's: nobody may read it, not write into it
	mine := legacy(incomplete(t, "", ""))
	os.WriteFile(filepath.Join(ro, "me.yaml"), mine, 0o644)
	cmd := exec.Command(setpriv, "--reuid=nobody", "--regid=nogroup", "--clear-groups", bin, "assess", "--plain", "--answers", "ro/me.yaml")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "TERM=xterm", "HITREADY_NO_INPUT=")
	ptm, s := startOnTerminal(t, cmd)
	waitFor(t, "the first question", func() bool { return strings.Contains(s.String(), "[15/") }, s)
	ptm.WriteString("1\n") // enrolled in a program: no
	waitFor(t, "the second question", func() bool { return strings.Contains(s.String(), "[16/") }, s)
	cmd.Process.Signal(syscall.SIGINT)
	if code := exitCode(t, cmd, s); code != 130 {
		t.Errorf("exit %d, want 130", code)
	}
	said := inAWord(s)
	for _, want := range []string{"warning: cannot write ro/me.yaml: ", "your answers are kept in hitready-answers.yaml instead",
		"Stopped. Your answers so far are in hitready-answers.yaml. Continue with: hitready assess --answers hitready-answers.yaml"} {
		if !strings.Contains(said, want) {
			t.Errorf("the screen lacks %q:\n%s", want, s)
		}
	}
	if data, _ := os.ReadFile(filepath.Join(ro, "me.yaml")); !bytes.Equal(data, mine) {
		t.Errorf("ro/me.yaml changed:\n%s", data)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "hitready-answers.yaml")); !strings.Contains(string(data), `education.program: "no"`) {
		t.Errorf("the answer was not kept:\n%s", data)
	}
}

// The disk fills after the first answer (here: a limit on the size of the files hitready may
// write): the person is told that the latest answer is not kept, and no message says the
// answers are in the file after that (item 3).
func TestAFullDiskIsNeverCalledKept(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "inc.yaml"), readyWithoutComputer(t), 0o600)
	cmd, ptm, s := onTerminal(t, dir, "assess", "--plain", "--answers", "inc.yaml")
	room := uint64(len(incomplete(t, "education.program", "no"))) // the first answer fits, not the second
	if err := unix.Prlimit(cmd.Process.Pid, unix.RLIMIT_FSIZE, &unix.Rlimit{Cur: room, Max: room}, nil); err != nil {
		t.Skipf("cannot limit the file size: %v", err)
	}
	waitFor(t, "the first question", func() bool { return strings.Contains(s.String(), "[15/") }, s)
	ptm.WriteString("1\n") // enrolled in a program: no
	waitFor(t, "the second question", func() bool { return strings.Contains(s.String(), "[16/") }, s)
	ptm.WriteString("1\n")
	waitFor(t, "the third question", func() bool { return strings.Contains(s.String(), "[17/") }, s)
	cmd.Process.Signal(syscall.SIGINT)
	if code := exitCode(t, cmd, s); code != 130 {
		t.Errorf("exit %d, want 130", code)
	}
	said := inAWord(s)
	if !strings.Contains(said, "your latest answer could not be kept (") || !strings.Contains(said, "hitready-answers.yaml holds only the answers before it") {
		t.Errorf("not told that the answer was not kept:\n%s", s)
	}
	if strings.Contains(said, "Your answers so far are in") || !strings.Contains(said, "Stopped. Your latest answers could not be kept") {
		t.Errorf("told the answers are kept:\n%s", s)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "hitready-answers.yaml")); !strings.Contains(string(data), `education.program: "no"`) {
		t.Errorf("the first answer is not in the file:\n%s", data)
	}
}
