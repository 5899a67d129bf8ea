//go:build linux

package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"
)

// These run the real binary on a pseudo-terminal (questions are asked only at a terminal), and as
// a second user where the case is about devices and permissions.
// Linux only: the second user is made with setpriv (util-linux), the devices are Linux's
// (/dev/full, /proc/self/fd), and the screens read are those of Linux's pseudo-terminals; a Windows
// console has no pseudo-terminal a test can drive this way, and macOS lacks setpriv and /proc.

// screen collects what hitready draws on its terminal.
type screen struct {
	mu     sync.Mutex
	buf    bytes.Buffer
	copied chan struct{} // closed when the terminal is closed and all it showed is in buf
}

func (s *screen) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.Write(p)
}

func (s *screen) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.String()
}

// onTerminal starts hitready in dir with standard input, output and error on a new terminal.
func onTerminal(t *testing.T, dir string, args ...string) (*exec.Cmd, *os.File, *screen) {
	t.Helper()
	cmd := exec.Command(binary(t), args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "TERM=xterm", "HITREADY_NO_INPUT=")
	ptm, s := startOnTerminal(t, cmd)
	return cmd, ptm, s
}

// startOnTerminal starts a prepared cmd with a pseudo-terminal for its standard streams (those it
// has not set itself) and copies what it draws to a screen. It skips where there is no terminal.
func startOnTerminal(t *testing.T, cmd *exec.Cmd) (*os.File, *screen) {
	t.Helper()
	ptm, err := pty.Start(cmd)
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	t.Cleanup(func() { ptm.Close() })
	s := &screen{copied: make(chan struct{})}
	go func() {
		io.Copy(s, ptm) // ends (EIO) when hitready, the terminal's last user, exits
		close(s.copied)
	}()
	return ptm, s
}

// exitCode waits for cmd, at most 20 seconds.
func exitCode(t *testing.T, cmd *exec.Cmd, s *screen) int {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		select { // what hitready wrote last may still be on its way from the terminal
		case <-s.copied:
		case <-time.After(2 * time.Second):
		}
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return exit.ExitCode()
		}
		if err != nil {
			t.Fatal(err)
		}
		return 0
	case <-time.After(20 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("hitready did not finish; screen:\n%s", s)
		return -1
	}
}

func waitFor(t *testing.T, what string, ok func() bool, s *screen) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("never saw %s; screen:\n%s", what, s)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// At a terminal, --save-answers into a missing folder fails at once: before, every question was
// asked and the answers then lost.
func TestSaveAnswersIntoAMissingFolderFailsBeforeAsking(t *testing.T) {
	for _, plain := range []bool{false, true} {
		args := []string{"assess", "--save-answers", "nodir/x.yaml"}
		if plain {
			args = append(args, "--plain")
		}
		cmd, _, s := onTerminal(t, t.TempDir(), args...)
		if code := exitCode(t, cmd, s); code != 2 {
			t.Errorf("plain=%v: exit %d, want 2", plain, code)
		}
		out := s.String()
		if !strings.Contains(out, "nodir/x.yaml: cannot be written: the folder nodir does not exist") || strings.Contains(out, "highest level of education") {
			t.Errorf("plain=%v: want the refusal and no question; screen:\n%s", plain, out)
		}
	}
}

// Two questionnaires started together in one folder each keep their answers in their own file
// (hitready-answers.yaml and hitready-answers-2.yaml), created exclusively; and Ctrl-C, a signal
// in line mode, ends each with exit 130 and its answers kept.
func TestTwoQuestionnairesKeepTheirOwnProgressFiles(t *testing.T) {
	dir := t.TempDir()
	type session struct {
		cmd *exec.Cmd
		ptm *os.File
		s   *screen
	}
	var sessions []session
	for range 2 {
		cmd, ptm, s := onTerminal(t, dir, "assess", "--plain")
		sessions = append(sessions, session{cmd, ptm, s})
	}
	for _, ss := range sessions {
		waitFor(t, "the first question", func() bool { return strings.Contains(ss.s.String(), "highest level of education") }, ss.s)
		if _, err := ss.ptm.WriteString("1\n"); err != nil { // education.level: none
			t.Fatal(err)
		}
	}
	kept := func() (n int) {
		for _, name := range []string{"hitready-answers.yaml", "hitready-answers-2.yaml"} {
			if data, err := os.ReadFile(filepath.Join(dir, name)); err == nil && strings.Contains(string(data), "education.level: none") {
				n++
			}
		}
		return n
	}
	waitFor(t, "both answers kept", func() bool { return kept() == 2 }, sessions[0].s)
	var said []string
	for _, ss := range sessions {
		ss.cmd.Process.Signal(syscall.SIGINT)
		if code := exitCode(t, ss.cmd, ss.s); code != 130 {
			t.Errorf("exit %d after Ctrl-C, want 130; screen:\n%s", code, ss.s)
		}
		out := ss.s.String()
		i := strings.Index(out, "Your answers so far are in ")
		if i < 0 {
			t.Fatalf("no word of the answers kept; screen:\n%s", out)
		}
		said = append(said, strings.Fields(out[i+len("Your answers so far are in "):])[0])
	}
	if said[0] == said[1] {
		t.Errorf("both sessions kept their answers in %s", said[0])
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 || kept() != 2 {
		t.Errorf("the folder holds %d entries, %d with the answers; want the two progress files and nothing else", len(entries), kept())
	}
}

// --output /dev/stdout writes into the file standard output is, where it stands, even for a user
// who may not write into that file's folder (the shell, as root, opened it): no probe of the
// folder, no rename. Run as nobody when this is root.
func TestStandardOutputByNameIsWrittenThroughTheStream(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to run as nobody with a file nobody cannot create")
	}
	setpriv, err := exec.LookPath("setpriv")
	if err != nil {
		t.Skip("setpriv not found")
	}
	dir := userDir(t)
	private := t.TempDir() // root's, 0700: nobody may not write into it
	os.Chmod(private, 0o700)
	logPath := filepath.Join(private, "log.txt")
	if err := os.WriteFile(logPath, []byte("before\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"} {
		t.Run(strings.ReplaceAll(name, "/", "_"), func(t *testing.T) {
			log, err := os.OpenFile(logPath, os.O_WRONLY|os.O_APPEND, 0)
			if err != nil {
				t.Fatal(err)
			}
			defer log.Close()
			// A copy of the binary nobody may run: the test's own is private to root.
			bin := filepath.Join(dir, "hitready")
			if _, err := os.Stat(bin); err != nil {
				data, _ := os.ReadFile(mustExecutable(t))
				os.WriteFile(bin, data, 0o755)
			}
			cmd := exec.Command(setpriv, "--reuid=nobody", "--regid=nogroup", "--clear-groups", bin,
				"assess", "--answers", "a.yaml", "--format", "csv", "--output", name)
			cmd.Dir = dir
			cmd.Stdout = log
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Run(); err != nil {
				t.Fatalf("%v: %s", err, stderr.String())
			}
			data, _ := os.ReadFile(logPath)
			if !strings.HasPrefix(string(data), "before\n") || !strings.Contains(string(data), "a.yaml,Jordan Rivera,97,ready") {
				t.Errorf("log.txt holds %q; want before followed by the report", data)
			}
			if entries, _ := os.ReadDir(private); len(entries) != 1 {
				t.Errorf("the folder holds %d entries; want log.txt only", len(entries))
			}
		})
	}
}

func mustExecutable(t *testing.T) string {
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	return self
}

// At a 120-column terminal, --output o.txt gets a table for a file (COLUMNS, else 80 columns),
// not one for the terminal, and the screen says where the report went.
func TestOutputFileAtATerminalGetsTheFileWidth(t *testing.T) {
	dir := userDir(t)
	for _, tt := range []struct {
		columns string
		want    int
	}{{"", 80}, {"100", 100}} {
		cmd := exec.Command(binary(t), "assess", "--answers", "a.yaml", "--output", "o.txt")
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "TERM=xterm", "COLUMNS="+tt.columns)
		ptm, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 40, Cols: 120})
		if err != nil {
			t.Skipf("no pseudo-terminal: %v", err)
		}
		s := &screen{copied: make(chan struct{})}
		go func() {
			io.Copy(s, ptm)
			close(s.copied)
		}()
		if code := exitCode(t, cmd, s); code != 0 {
			t.Fatalf("exit %d; screen:\n%s", code, s)
		}
		ptm.Close()
		if !strings.Contains(s.String(), "Report written to o.txt.") {
			t.Errorf("COLUMNS=%q: the screen does not say where the report went:\n%s", tt.columns, s)
		}
		data, err := os.ReadFile(filepath.Join(dir, "o.txt"))
		if err != nil {
			t.Fatal(err)
		}
		widest := 0
		for line := range strings.SplitSeq(string(data), "\n") {
			widest = max(widest, len([]rune(line)))
		}
		if widest > tt.want || widest < tt.want-10 {
			t.Errorf("COLUMNS=%q: the widest line of o.txt is %d columns; want about %d", tt.columns, widest, tt.want)
		}
	}
}

// compare's warning about two different people is wrapped to the terminal it is shown on.
func TestCompareWarningIsWrappedToTheTerminal(t *testing.T) {
	dir := userDir(t)
	data, _ := os.ReadFile(filepath.Join(dir, "a.yaml"))
	other := strings.Replace(string(data), "Jordan Rivera", "Sam Park", 1)
	if err := os.WriteFile(filepath.Join(dir, "other.yaml"), []byte(other), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(binary(t), "compare", "a.yaml", "other.yaml", "--output", "c.txt")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "TERM=xterm")
	ptm, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 40, Cols: 60})
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	defer ptm.Close()
	s := &screen{copied: make(chan struct{})}
	go func() {
		io.Copy(s, ptm)
		close(s.copied)
	}()
	if code := exitCode(t, cmd, s); code != 0 {
		t.Fatalf("exit %d; screen:\n%s", code, s)
	}
	out := strings.ReplaceAll(s.String(), "\r", "")
	if !strings.Contains(out, "warning: a.yaml is") || !strings.Contains(out, "Comparison written to c.txt.") {
		t.Fatalf("screen:\n%s", out)
	}
	for line := range strings.SplitSeq(out, "\n") {
		if len([]rune(line)) > 60 {
			t.Errorf("a line of %d columns on a 60-column terminal: %q", len([]rune(line)), line)
		}
	}
}

// At a terminal in a folder nobody may write into, the answers cannot be kept as they come: the
// run warns, and its opening line does not promise that Ctrl-C keeps them. Root only (runs as
// nobody in /).
func TestOpeningLineDoesNotPromiseWhatCannotBeKept(t *testing.T) {
	setpriv, _, bin := nobodysCopy(t)
	cmd := exec.Command(setpriv, "--reuid=nobody", "--regid=nogroup", "--clear-groups", bin, "assess", "--plain")
	cmd.Dir = "/"
	cmd.Env = append(os.Environ(), "TERM=xterm", "HITREADY_NO_INPUT=")
	_, s := startOnTerminal(t, cmd)
	waitFor(t, "the first question", func() bool { return strings.Contains(s.String(), "highest level of education") }, s)
	cmd.Process.Signal(syscall.SIGINT)
	exitCode(t, cmd, s)
	out := strings.Join(strings.Fields(s.String()), " ")
	if !strings.Contains(out, "cannot keep your answers as you go") {
		t.Errorf("no warning; screen:\n%s", s)
	}
	if strings.Contains(out, "keeps your answers") || !strings.Contains(out, "your answers cannot be kept") {
		t.Errorf("the opening line promises to keep the answers; screen:\n%s", s)
	}
}

// --save-answers /dev/stdout, with standard output a file (> log.txt), gets the answers once, at
// the end, after what the file held: it is written into, never replaced, so it cannot be the file
// the answers are kept in as they come (each change would add them again, or, replaced, lose
// what was before).
func TestSaveAnswersToStandardOutputByNameIsWrittenOnce(t *testing.T) {
	dir := t.TempDir()
	logPath := filepath.Join(dir, "log.txt")
	if err := os.WriteFile(logPath, []byte("before\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	log, err := os.OpenFile(logPath, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer log.Close()
	ready, _ := filepath.Abs(filepath.Join("examples", "ready.yaml"))
	cmd := exec.Command(binary(t), "assess", "--plain", "--answers", ready, "--review", "--save-answers", "/dev/stdout", "--output", "r.txt")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "TERM=xterm", "HITREADY_NO_INPUT=")
	cmd.Stdout = log // the questions on the terminal, standard output the file
	ptm, s := startOnTerminal(t, cmd)
	// Change the computer rating (entry 18: the review lists the optional questions the file
	// skipped too) to 2, then score.
	for i, reply := range []string{"2", "18", "2", "1"} {
		// The reply to prompt i+1 once that prompt is on the screen: counted from the start, so a
		// prompt that comes before the count is taken is not waited for again.
		waitFor(t, fmt.Sprintf("prompt %d", i+1), func() bool {
			return strings.Count(s.String(), "Your choice")+strings.Count(s.String(), "Your rating") >= i+1
		}, s)
		ptm.WriteString(reply + "\n")
	}
	if code := exitCode(t, cmd, s); code != 0 {
		t.Fatalf("exit %d; screen:\n%s", code, s)
	}
	data, _ := os.ReadFile(logPath)
	if !strings.HasPrefix(string(data), "before\n") || strings.Count(string(data), "answers:") != 1 || !strings.Contains(string(data), "skills.computer: 2") {
		t.Errorf("log.txt holds:\n%s\nwant before, then the answers once, with the change", data)
	}
}

// Names from the file system reach standard error escaped, in every message: an incomplete
// file, the limit line, "Report written to". A name cannot forge a line ("hitready: all files
// scored") or drive the terminal (a title, a cleared screen), and the hint quotes it as $'…',
// which a shell reads back as the same name.
func TestFileNamesNeverReachStderrRaw(t *testing.T) {
	dir := t.TempDir()
	incomplete := readyWithoutComputer(t)
	os.Mkdir(filepath.Join(dir, "c"), 0o755)
	forged := "y\nhitready: all files scored.yaml"
	for _, name := range []string{"x\x1b[2J\x1b]0;owned\a.yaml", forged} {
		if err := os.WriteFile(filepath.Join(dir, "c", name), incomplete, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{{"score", "c"}, {"score", "--max-files", "1", "c"}} {
		cmd := exec.Command(binary(t), args...)
		cmd.Dir = dir
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		cmd.Run()
		got := stderr.String()
		if code := cmd.ProcessState.ExitCode(); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
		if strings.ContainsAny(got, "\x1b\a") || strings.Contains(got, "\nhitready: all files scored") {
			t.Errorf("%v: a raw name reached stderr:\n%q", args, got)
		}
		if !strings.Contains(got, `c/x\x1b[2J\x1b]0;owned\a.yaml: is incomplete`) {
			t.Errorf("%v: want the name escaped; got:\n%s", args, got)
		}
		if len(args) == 2 {
			if !strings.Contains(got, `c/y\nhitready: all files scored.yaml: is incomplete`) {
				t.Errorf("%v: want the forged name escaped; got:\n%s", args, got)
			}
			// The hint's $'…' names the file when a shell reads it.
			i := strings.Index(got, "$'c/y")
			j := strings.Index(got[i:], ".yaml'")
			if i < 0 || j < 0 {
				t.Fatalf("no $'…' hint in:\n%s", got)
			}
			quoted := got[i : i+j+len(".yaml'")]
			out, err := exec.Command("bash", "-c", "printf %s "+quoted).Output()
			if err != nil {
				t.Skipf("no bash to read %s back: %v", quoted, err)
			}
			if string(out) != "c/"+forged {
				t.Errorf("bash reads %s as %q, want %q", quoted, out, "c/"+forged)
			}
		} else if !strings.Contains(got, `c/y\nhitready: all files scored.yaml: not read: more than 1 file (raise --max-files)`) {
			t.Errorf("%v: want the limit line escaped, in the singular; got:\n%s", args, got)
		}
	}

	// "Report written to", shown at a terminal.
	out := "r\x1b]0;owned\a.txt"
	abs, _ := filepath.Abs("examples/ready.yaml")
	cmd, _, s := onTerminal(t, dir, "assess", "--answers", abs, "--output", out)
	if code := exitCode(t, cmd, s); code != 0 {
		t.Fatalf("exit %d; screen:\n%s", code, s)
	}
	if screen := s.String(); strings.Contains(screen, "\x1b]0;owned") || !strings.Contains(screen, `written to r\x1b]0;owned\a.txt.`) {
		t.Errorf("want the name escaped; screen:\n%q", screen)
	}
	if _, err := os.Stat(filepath.Join(dir, out)); err != nil {
		t.Errorf("the report was not written: %v", err)
	}
}

// --save-answers that passed the check but cannot be written during the session (here its
// folder is swapped for a file after the first question): the answers go to
// hitready-answers.yaml in the current folder, the person is told so once, the report is still
// printed, and the exit is 1 with the message after it.
func TestSaveAnswersThatCannotBeWrittenFallsBackToAFileOfOurOwn(t *testing.T) {
	dir := t.TempDir()
	incomplete := readyWithoutComputer(t)
	os.WriteFile(filepath.Join(dir, "inc.yaml"), incomplete, 0o600)
	os.Mkdir(filepath.Join(dir, "d"), 0o755)
	cmd, ptm, s := onTerminal(t, dir, "assess", "--plain", "--answers", "inc.yaml", "--save-answers", "d/keep.yaml")
	waitFor(t, "the first question", func() bool { return strings.Contains(s.String(), "[15/") }, s)
	if err := os.Rename(filepath.Join(dir, "d"), filepath.Join(dir, "d.moved")); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "d"), nil, 0o600)
	// The optional questions are skipped (Enter); the computer skills are rated 4.
	// The count goes on from the 14 answers the file holds: [15/20] to [19/19] (the program's
	// level drops out once the enrolment is skipped).
	for i := 15; i <= 19; i++ {
		mark := fmt.Sprintf("[%d/", i)
		waitFor(t, mark, func() bool { return strings.Contains(s.String(), mark) }, s)
		out := s.String()
		if strings.Contains(strings.ToLower(out[strings.LastIndex(out, mark):]), "computer") {
			ptm.WriteString("4\n")
			continue
		}
		if i == 19 { // where to work: an empty choice is asked again
			ptm.WriteString("1\n")
			continue
		}
		ptm.WriteString("\n")
	}
	waitFor(t, "the review", func() bool { return strings.Contains(s.String(), "Score these answers, or change one?") }, s)
	time.Sleep(200 * time.Millisecond)
	ptm.WriteString("\n")
	code := exitCode(t, cmd, s)
	out := s.String()
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	// The warning is wrapped on words at the terminal's width.
	if n := strings.Count(strings.Join(strings.Fields(out), " "), "your answers are kept in hitready-answers.yaml instead"); n != 1 {
		t.Errorf("told %d times where the answers are, want once", n)
	}
	data, err := os.ReadFile(filepath.Join(dir, "hitready-answers.yaml"))
	if err != nil || !strings.Contains(string(data), "skills.computer: 4") {
		t.Errorf("hitready-answers.yaml holds %q (%v); want every answer, the new one too", data, err)
	}
	if strings.Contains(out, "--save-answers d/keep.yaml") {
		t.Errorf("the hint repeats the --save-answers that could not be written; screen:\n%s", out)
	}
	report := strings.Index(out, "Score")
	msg := strings.LastIndex(out, "cannot write d/keep.yaml")
	if report < 0 || msg < report {
		t.Errorf("want the report, then the message; screen:\n%s", out)
	}
}

// A --save-answers name with control characters is shown escaped on every line of a session
// ("Your answers are in", the hint, which quotes it as $'…'), never raw.
func TestSaveAnswersNameIsEscapedOnTheTerminal(t *testing.T) {
	dir := t.TempDir()
	incomplete := readyWithoutComputer(t)
	os.WriteFile(filepath.Join(dir, "inc.yaml"), incomplete, 0o600)
	name := "k\x1b]0;owned\a.yaml"
	cmd, ptm, s := onTerminal(t, dir, "assess", "--plain", "--answers", "inc.yaml", "--save-answers", name)
	// The count goes on from the 14 answers the file holds: [15/20] to [19/19] (the program's
	// level drops out once the enrolment is skipped).
	for i := 15; i <= 19; i++ {
		mark := fmt.Sprintf("[%d/", i)
		waitFor(t, mark, func() bool { return strings.Contains(s.String(), mark) }, s)
		out := s.String()
		switch {
		case strings.Contains(strings.ToLower(out[strings.LastIndex(out, mark):]), "computer"):
			ptm.WriteString("4\n")
		case i == 19:
			ptm.WriteString("1\n")
		default:
			ptm.WriteString("\n")
		}
	}
	waitFor(t, "the review", func() bool { return strings.Contains(s.String(), "Score these answers, or change one?") }, s)
	time.Sleep(200 * time.Millisecond)
	ptm.WriteString("\n")
	if code := exitCode(t, cmd, s); code != 0 {
		t.Fatalf("exit %d; screen:\n%s", code, s)
	}
	out := s.String()
	if strings.Contains(out, "\x1b]0;owned") {
		t.Errorf("the name reached the terminal raw:\n%q", out)
	}
	for _, want := range []string{`Your answers are in k\x1b]0;owned\a.yaml.`, `--answers $'k\e]0;owned\a.yaml'`} {
		if !strings.Contains(out, want) {
			t.Errorf("want %s on the screen:\n%s", want, out)
		}
	}
	if data, err := os.ReadFile(filepath.Join(dir, name)); err != nil || !strings.Contains(string(data), "skills.computer: 4") {
		t.Errorf("the answers file holds %q (%v)", data, err)
	}
}

// readyWithoutComputer is examples/ready.yaml less its last skill: an answers file with one
// question left to ask.
func readyWithoutComputer(t *testing.T) []byte {
	t.Helper()
	ready, err := os.ReadFile("examples/ready.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var incomplete []byte
	for line := range strings.Lines(string(ready)) {
		if !strings.Contains(line, "skills.computer") {
			incomplete = append(incomplete, line...)
		}
	}
	return incomplete
}
