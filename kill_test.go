//go:build unix

// These tests signal the real binary (SIGINT, SIGTERM, SIGHUP, SIGQUIT) and make FIFOs: Unix only.
// On Windows a test cannot send Ctrl-C to one child (os.Process.Signal supports only Kill there,
// and GenerateConsoleCtrlEvent reaches every process on the console, the test's own included),
// there are no FIFOs in the file system, and SIGHUP and SIGQUIT do not exist; Ctrl-C there is the
// same os.Interrupt the Unix tests send, handled by the same code in cmd/root.go.

package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/hitready/hitready/internal/cohort"
	"github.com/hitready/hitready/questions"
)

// binary returns a path that runs the test binary as hitready (see TestMain).
func binary(t *testing.T) string {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(t.TempDir(), "hitready")
	if err := os.Symlink(self, bin); err != nil {
		t.Fatal(err)
	}
	return bin
}

// bigCohort writes a cohort large enough that scoring it to a file takes a while on one worker.
func bigCohort(t *testing.T, n int) string {
	t.Helper()
	bank, err := questions.Load()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "cohort")
	if _, err := cohort.Generate(bank, dir, n, 9); err != nil {
		t.Fatal(err)
	}
	return dir
}

// startWriting runs score --output into a folder holding last week's report and returns once the
// temporary file holds part of the new one: the signal then lands midway, for certain.
func startWriting(t *testing.T, bin, cohortDir string) (cmd *exec.Cmd, out string, stderr *bytes.Buffer) {
	t.Helper()
	out = filepath.Join(t.TempDir(), "cohort.json")
	if err := os.WriteFile(out, []byte("last week's cohort\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd = exec.Command(bin, "score", cohortDir, "--format", "json", "--jobs", "1", "--output", out)
	stderr = &bytes.Buffer{}
	cmd.Stderr = stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		for _, name := range temporaryFiles(t, filepath.Dir(out)) {
			if info, err := os.Stat(name); err == nil && info.Size() > 0 {
				return cmd, out, stderr
			}
		}
		time.Sleep(time.Millisecond)
	}
	cmd.Process.Kill()
	cmd.Wait()
	t.Fatal("never saw the report being written")
	return nil, "", nil
}

// temporaryFiles lists what is in dir besides the report: the writer's temporary files.
func temporaryFiles(t *testing.T, dir string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if e.Name() != "cohort.json" {
			names = append(names, filepath.Join(dir, e.Name()))
		}
	}
	return names
}

// Ctrl-C (SIGINT) or SIGTERM while score writes --output: the process exits by itself with 130 or
// 143 (not killed by the signal), the previous report is exactly as it was, and the temporary
// file holding part of the new one (student data) is gone.
func TestSignalDuringOutputLeavesTheOldFileAndNoTemporaryFile(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a cohort of 4000 files")
	}
	bin := binary(t)
	cohortDir := bigCohort(t, 4000)
	for _, tt := range []struct {
		signal syscall.Signal
		code   int
	}{
		{syscall.SIGINT, 130},
		{syscall.SIGTERM, 143},
		{syscall.SIGHUP, 129},  // the terminal closed
		{syscall.SIGQUIT, 131}, // Ctrl-\: no goroutine dump either
	} {
		t.Run(tt.signal.String(), func(t *testing.T) {
			cmd, out, stderr := startWriting(t, bin, cohortDir)
			if err := cmd.Process.Signal(tt.signal); err != nil {
				t.Fatal(err)
			}
			err := cmd.Wait()
			var exit *exec.ExitError
			if !errors.As(err, &exit) {
				t.Fatalf("exit: %v; want code %d", err, tt.code)
			}
			if ws := exit.Sys().(syscall.WaitStatus); ws.Signaled() || ws.ExitStatus() != tt.code {
				t.Errorf("killed by a signal: %v, exit status %d; want exit %d (stderr %q)", ws.Signaled(), ws.ExitStatus(), tt.code, stderr)
			}
			if data, err := os.ReadFile(out); err != nil || string(data) != "last week's cohort\n" {
				t.Errorf("the old report holds %d bytes (%v); want it untouched", len(data), err)
			}
			if left := temporaryFiles(t, filepath.Dir(out)); len(left) > 0 {
				t.Errorf("left behind: %v", left)
			}
			if strings.Contains(stderr.String(), "goroutine") {
				t.Errorf("a stack trace: %s", stderr)
			}
		})
	}
}

// Killing hitready (SIGKILL, which nothing can catch) while it writes --output leaves the previous
// file exactly as it was: the report goes to a temporary file that replaces the target only when
// complete. The temporary file stays behind: the one case the contract allows.
func TestKilledWriterLeavesTheOldFile(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a cohort of 4000 files")
	}
	bin := binary(t)
	cmd, out, _ := startWriting(t, bin, bigCohort(t, 4000))
	cmd.Process.Kill()
	cmd.Wait()
	data, err := os.ReadFile(out)
	if err != nil || string(data) != "last week's cohort\n" {
		t.Fatalf("after the kill the file holds %d bytes (%v); want the old report untouched", len(data), err)
	}
	left := temporaryFiles(t, filepath.Dir(out))
	for _, name := range left {
		// Named .hitready-*.tmp whatever the target's name, so that a name of 255 bytes can
		// be written too: hidden, and saying which program left it.
		if base := filepath.Base(name); !strings.HasPrefix(base, ".hitready-") || !strings.HasSuffix(base, ".tmp") {
			t.Errorf("left behind %s: not a hidden temporary file of hitready's", base)
		}
	}
	t.Logf("left in the folder after SIGKILL: %d temporary files", len(left))
}

// A command waiting on input that never comes (a pipe whose writer says nothing, on standard
// input or through --answers) still stops on Ctrl-C or SIGTERM, at once, with 130 or 143.
func TestSignalWhileWaitingOnASilentPipe(t *testing.T) {
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("needs sh")
	}
	bin := binary(t)
	for _, tt := range []struct {
		name   string
		args   []string
		signal syscall.Signal
		code   int
	}{
		{"stdin, SIGINT", []string{"assess", "--answers", "-"}, syscall.SIGINT, 130},
		{"FIFO, SIGTERM", []string{"assess", "--answers", "FIFO"}, syscall.SIGTERM, 143},
		{"FIFO to compare, SIGINT", []string{"compare", "FIFO", "FIFO"}, syscall.SIGINT, 130},
		{"FIFO to score, SIGINT", []string{"score", "FIFO"}, syscall.SIGINT, 130},
		{"profile FIFO to requirements, SIGTERM", []string{"requirements", "--profile", "FIFO"}, syscall.SIGTERM, 143},
		{"profile FIFO to assess, SIGINT", []string{"assess", "--profile", "FIFO"}, syscall.SIGINT, 130},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fifo := filepath.Join(t.TempDir(), "silent.yaml")
			if err := syscall.Mkfifo(fifo, 0o600); err != nil {
				t.Fatal(err)
			}
			// A writer that holds the pipe open and writes nothing.
			w, err := os.OpenFile(fifo, os.O_RDWR, 0)
			if err != nil {
				t.Fatal(err)
			}
			defer w.Close()
			args := append([]string{}, tt.args...)
			for i, a := range args {
				if a == "FIFO" {
					args[i] = fifo
				}
			}
			// The signal is sent once the run has had time to start and wait on the pipe. On a
			// loaded machine it may come before hitready listens for signals, and the run ends
			// by the signal's default action: such a run is tried again, waiting longer. A run
			// that never listens fails all three.
			var stderr bytes.Buffer
			for _, wait := range []time.Duration{300 * time.Millisecond, time.Second, 3 * time.Second} {
				stderr.Reset()
				if err = signalWhileWaiting(t, bin, args, w, &stderr, wait, tt.signal); !killedBy(err) {
					break
				}
			}
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != tt.code {
				t.Errorf("exit %v; want %d (stderr %q)", err, tt.code, stderr.String())
			}
			if !strings.HasPrefix(stderr.String(), "Stopped: ") {
				t.Errorf("stderr %q; want it to say the run was stopped", stderr.String())
			}
		})
	}
}

// signalWhileWaiting runs hitready with stdin as its standard input and sends it sig after wait.
func signalWhileWaiting(t *testing.T, bin string, args []string, stdin *os.File, stderr *bytes.Buffer, wait time.Duration, sig syscall.Signal) error {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Stdin = stdin // never written to, never closed while the command runs
	cmd.Stderr = stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(wait)
	cmd.Process.Signal(sig)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		return err
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		t.Fatal("still waiting on the pipe 10 s after the signal")
	}
	return nil
}

// killedBy tells whether a run was ended by a signal's default action, not by hitready.
func killedBy(err error) bool {
	var exit *exec.ExitError
	return errors.As(err, &exit) && exit.Sys().(syscall.WaitStatus).Signaled()
}

// A full disk while writing --output: the message names the user's file (never the temporary
// one), the exit is 1, the old file is as it was and the temporary file is gone. A small tmpfs
// is the full disk; mounting one needs root.
func TestDiskFullNamesTheTarget(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a cohort")
	}
	if os.Geteuid() != 0 {
		t.Skip("mounting a small tmpfs to fill needs root")
	}
	disk := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", disk).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs here (%v: %s)", err, out)
	}
	defer exec.Command("umount", disk).Run()
	out := filepath.Join(disk, "cohort.json")
	if err := os.WriteFile(out, []byte("last week's cohort\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(binary(t), "score", bigCohort(t, 300), "--format", "json", "--output", out)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 1 {
		t.Errorf("exit %v; want 1", err)
	}
	if want := "writing " + out + ": no space left on device\n"; stderr.String() != want {
		t.Errorf("stderr %q; want %q", stderr.String(), want)
	}
	if data, err := os.ReadFile(out); err != nil || string(data) != "last week's cohort\n" {
		t.Errorf("the old report holds %q (%v)", data, err)
	}
	if left := temporaryFiles(t, disk); len(left) > 0 {
		t.Errorf("left behind: %v", left)
	}
}

// The first signal asks hitready to stop; one stuck all the same (writing to a pipe nobody reads,
// which no context can interrupt) is killed by a second, as any program would be: Ctrl-C never
// leaves a person with a process that will not go.
func TestASecondSignalKillsAStuckRun(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a cohort")
	}
	cmd := exec.Command(binary(t), "score", bigCohort(t, 1000), "--format", "json")
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close() // held open and never read: the report fills the pipe and the write blocks
	cmd.Stdout = w
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	time.Sleep(500 * time.Millisecond)
	cmd.Process.Signal(syscall.SIGINT)
	select {
	case err := <-done:
		t.Fatalf("ended on the first signal (%v): the pipe was never full, the test proves nothing", err)
	case <-time.After(300 * time.Millisecond):
	}
	cmd.Process.Signal(syscall.SIGINT)
	select {
	case err := <-done:
		var exit *exec.ExitError
		if !errors.As(err, &exit) || !exit.Sys().(syscall.WaitStatus).Signaled() {
			t.Errorf("after the second signal: %v; want killed by it", err)
		}
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		t.Fatal("a second Ctrl-C did not end a stuck run")
	}
}

// A folder entry swapped for a FIFO while score walks the folder (listed as a file, opened as a
// pipe nobody writes to) never hangs the run: what was opened is checked, not what was listed.
// The swap races the walk on purpose, so each run may see the file, the FIFO or nothing; what
// must hold every time is that the run ends, with 0 or 2.
func TestScoreNeverHangsOnAFileSwappedForAFIFO(t *testing.T) {
	if testing.Short() {
		t.Skip("races a swapper against many runs")
	}
	bin := binary(t)
	dir := bigCohort(t, 200)
	victim := filepath.Join(dir, "class-000", "student-00100.yaml")
	data, err := os.ReadFile(victim)
	if err != nil {
		t.Fatal(err)
	}
	stop := make(chan struct{})
	swapped := make(chan struct{})
	go func() {
		defer close(swapped)
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			tmp := victim + ".swap"
			if i%2 == 0 {
				syscall.Mkfifo(tmp, 0o600)
			} else {
				os.WriteFile(tmp, data, 0o600)
			}
			os.Rename(tmp, victim)
		}
	}()
	defer func() { close(stop); <-swapped }()
	for run := range 20 {
		cmd := exec.Command(bin, "score", dir, "--format", "csv")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case err := <-done:
			var exit *exec.ExitError
			if err != nil && (!errors.As(err, &exit) || exit.ExitCode() != 2) {
				t.Errorf("run %d: %v: %s", run, err, stderr.String())
			}
		case <-time.After(20 * time.Second):
			cmd.Process.Kill()
			t.Fatalf("run %d hung on the swapped file", run)
		}
	}
}
