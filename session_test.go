//go:build linux

package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"golang.org/x/sys/unix"

	"github.com/creack/pty"
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

// The disk is full from the first answer on, and --save-answers names a file of its own (so the
// session announced "Your answers are kept in mine.yaml as you go"): the first failed write is
// said all the same, and at the end the report is still drawn and the answers, in no file, are
// given back as a command to paste; exit 1 (found by an attacker: no warning, no report).
func TestAFullDiskFromTheStartLosesNoAnswer(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "inc.yaml"), readyWithoutComputer(t), 0o600)
	cmd, ptm, s := onTerminal(t, dir, "assess", "--plain", "--answers", "inc.yaml", "--save-answers", "mine.yaml")
	if err := unix.Prlimit(cmd.Process.Pid, unix.RLIMIT_FSIZE, &unix.Rlimit{Cur: 0, Max: 0}, nil); err != nil {
		t.Skipf("cannot limit the file size: %v", err)
	}
	for _, q := range []string{"[15/", "[16/", "[17/", "[18/", "[19/", "Score these answers"} {
		waitFor(t, "question "+q, func() bool { return strings.Contains(s.String(), q) }, s)
		ptm.WriteString("1\n")
	}
	if code := exitCode(t, cmd, s); code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	said := inAWord(s)
	for _, want := range []string{"Your answers are kept in mine.yaml as you go", "warning: cannot keep your answers as you go",
		"Score: ", "cannot write mine.yaml: ", "your answers are in no file", "--set skills.computer=1", "--save-answers mine.yaml"} {
		if !strings.Contains(said, want) {
			t.Errorf("the screen lacks %q:\n%s", want, s)
		}
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "*")); len(left) != 1 {
		t.Errorf("files left: %v", left)
	}
}

// Ctrl-Z stops the arrow-key questionnaire like any program, the terminal given back in its
// normal mode; fg brings the question back, drawn again, and the arrows work (raw mode), as
// they do after SIGTSTP sent from elsewhere (item 15). Run in an interactive bash, which does
// job control as a person's shell does.
func TestCtrlZAndFgBringTheQuestionBack(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash to do job control")
	}
	for _, how := range []string{"Ctrl-Z", "SIGTSTP"} {
		t.Run(how, func(t *testing.T) {
			ptm, tty, err := pty.Open()
			if err != nil {
				t.Skipf("no pseudo-terminal: %v", err)
			}
			defer ptm.Close()
			defer tty.Close()
			pty.Setsize(ptm, &pty.Winsize{Rows: 40, Cols: 80})
			cmd := exec.Command(bash, "--norc", "--noprofile", "-i")
			cmd.Dir = t.TempDir()
			cmd.Env = append(os.Environ(), "TERM=xterm", "HITREADY_NO_INPUT=", "PS1=$ ", "PATH="+filepath.Dir(binary(t))+":"+os.Getenv("PATH"))
			cmd.Stdin, cmd.Stdout, cmd.Stderr = tty, tty, tty
			cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			defer cmd.Process.Kill()
			s := &screen{copied: make(chan struct{})}
			go func() { io.Copy(s, ptm); close(s.copied) }()
			raw := func() bool {
				tios, err := unix.IoctlGetTermios(int(tty.Fd()), unix.TCGETS)
				return err == nil && tios.Lflag&(unix.ICANON|unix.ECHO) == 0
			}
			question := "[1/22] What is the highest level of education"
			waitFor(t, "the shell", func() bool { return strings.Contains(s.String(), "$ ") }, s)
			ptm.WriteString("hitready assess\r")
			waitFor(t, "the question in raw mode", func() bool { return strings.Contains(s.String(), question) && raw() }, s)
			if how == "Ctrl-Z" {
				ptm.WriteString("\x1a")
			} else {
				pgrp, err := unix.IoctlGetInt(int(ptm.Fd()), unix.TIOCGPGRP) // the job in the foreground
				if err != nil {
					t.Fatal(err)
				}
				unix.Kill(-pgrp, syscall.SIGTSTP)
			}
			waitFor(t, "the job stopped", func() bool { return strings.Contains(s.String(), "Stopped") }, s)
			if how == "Ctrl-Z" && !strings.Contains(s.String(), "\x1b[?25h") {
				t.Error("the cursor was left hidden")
			}
			before := strings.Count(s.String(), question)
			ptm.WriteString("fg\r")
			waitFor(t, "the question drawn again, in raw mode", func() bool { return strings.Count(s.String(), question) > before && raw() }, s)
			ptm.WriteString("\x1b[B\r") // down: high school
			// Ctrl-C once the next question has the terminal in raw mode, where it is a key:
			// sooner, it would be a signal, which a question cannot be told of.
			waitFor(t, "the next question", func() bool {
				return strings.Contains(s.String(), "Are you enrolled in a health information program") && raw()
			}, s)
			if strings.Contains(s.String(), "^[[B") {
				t.Errorf("an arrow key was echoed:\n%s", s)
			}
			ptm.WriteString("\x03")
			waitFor(t, "Ctrl-C", func() bool { return strings.Contains(s.String(), "Continue with:") }, s)
			ptm.WriteString("exit\r")
		})
	}
}
