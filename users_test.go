//go:build linux

package main

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"
	"golang.org/x/sys/unix"
)

// As a second user, made with setpriv (see terminal_test.go): devices, permissions, mount points
// and sticky folders, where what root may do and another user may not decide the outcome.

// asUsers runs f as this user and, when this is root, as nobody too (setpriv), since a device
// behaves differently for root (who may replace /dev/null) and for others (who cannot write
// into /dev).
func asUsers(t *testing.T, f func(t *testing.T, run func(dir string, args ...string) (code int, stdout, stderr string))) {
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	// A copy of the binary and a folder everyone may use: the test's own are private to root.
	shared, err := os.MkdirTemp("", "hitready-users-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(shared) })
	os.Chmod(shared, 0o755)
	bin := filepath.Join(shared, "hitready")
	data, err := os.ReadFile(self)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bin, data, 0o755); err != nil {
		t.Fatal(err)
	}
	users := []struct {
		name   string
		prefix []string
	}{{"self", nil}}
	if os.Geteuid() == 0 {
		if setpriv, err := exec.LookPath("setpriv"); err == nil {
			users = append(users, struct {
				name   string
				prefix []string
			}{"nobody", []string{setpriv, "--reuid=nobody", "--regid=nogroup", "--clear-groups"}})
		} else {
			t.Log("setpriv not found: the cases run only as root")
		}
	} else {
		t.Log("not root: the cases run as this user only; run the tests as root to try them as root and as nobody")
	}
	for _, u := range users {
		t.Run(u.name, func(t *testing.T) {
			f(t, func(dir string, args ...string) (int, string, string) {
				argv := append(append(append([]string{}, u.prefix...), bin), args...)
				cmd := exec.Command(argv[0], argv[1:]...)
				cmd.Dir = dir
				var stdout, stderr bytes.Buffer
				cmd.Stdout, cmd.Stderr = &stdout, &stderr
				err := cmd.Run()
				var exit *exec.ExitError
				if errors.As(err, &exit) {
					return exit.ExitCode(), stdout.String(), stderr.String()
				}
				if err != nil {
					t.Fatal(err)
				}
				return 0, stdout.String(), stderr.String()
			})
		})
	}
}

// A user's folder for one case: answers readable, the folder writable by the user running.
func userDir(t *testing.T) string {
	dir, err := os.MkdirTemp("", "hitready-case-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	os.Chmod(dir, 0o777)
	data, err := os.ReadFile(filepath.Join("examples", "ready.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "a.yaml"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// Devices are written in place, never replaced, for root and for others; /dev/stdout reaches
// standard output; errors name the device, never a temporary file.
func TestDevicesAreWrittenInPlace(t *testing.T) {
	asUsers(t, func(t *testing.T, run func(string, ...string) (int, string, string)) {
		dir := userDir(t)
		tests := []struct {
			output string
			code   int
			stdout string
			stderr string
			device string // stays a character device
		}{
			{"/dev/null", 0, "", "", "/dev/null"},
			{"/dev/full", 1, "", "writing /dev/full: no space left on device\n", "/dev/full"},
			{"/dev/stdout", 0, "a.yaml,Jordan Rivera,97,ready", "", ""},
			{"-", 0, "a.yaml,Jordan Rivera,97,ready", "", ""},
		}
		for _, tt := range tests {
			code, stdout, stderr := run(dir, "assess", "--answers", "a.yaml", "--format", "csv", "--output", tt.output)
			if code != tt.code || !strings.Contains(stdout, tt.stdout) || stderr != tt.stderr {
				t.Errorf("--output %s: exit %d, stdout %q, stderr %q; want %d, %q, %q", tt.output, code, stdout, stderr, tt.code, tt.stdout, tt.stderr)
			}
			if tt.device != "" {
				if info, err := os.Stat(tt.device); err != nil || info.Mode()&os.ModeCharDevice == 0 {
					t.Fatalf("%s is no longer a device: %v %v", tt.device, info.Mode(), err)
				}
			}
		}
		entries, _ := os.ReadDir(dir)
		if len(entries) != 1 {
			t.Errorf("the folder holds %d entries; want only a.yaml (no file named -, no temporary file)", len(entries))
		}
	})
}

// A file the user may not read is refused with exit 2 and its name; one in a folder the user may
// not write into cannot be replaced, and the failure names it, not a temporary file.
func TestPermissionsNameTheUsersFile(t *testing.T) {
	asUsers(t, func(t *testing.T, run func(string, ...string) (int, string, string)) {
		if os.Geteuid() == 0 && t.Name() == "TestPermissionsNameTheUsersFile/self" {
			t.Skip("root reads and writes whatever the permissions say: run as nobody")
		}
		dir := userDir(t)
		// Mode 000 and a folder without write permission stop everyone but root.
		os.WriteFile(filepath.Join(dir, "secret.yaml"), []byte("answers: {}\n"), 0o000)
		locked := filepath.Join(dir, "locked")
		os.Mkdir(locked, 0o755)
		os.WriteFile(filepath.Join(locked, "r.txt"), []byte("old\n"), 0o666)
		os.Chmod(locked, 0o555)
		t.Cleanup(func() { os.Chmod(locked, 0o755) })
		code, _, stderr := run(dir, "assess", "--answers", "secret.yaml")
		if code != 2 || stderr != "secret.yaml: cannot be read: permission denied\n" {
			t.Errorf("unreadable answers: exit %d, stderr %q", code, stderr)
		}
		code, _, stderr = run(dir, "assess", "--answers", "a.yaml", "--output", "locked/r.txt")
		if code != 2 || stderr != "locked/r.txt: cannot be written: permission denied\n" {
			t.Errorf("unwritable folder: exit %d, stderr %q", code, stderr)
		}
		closed := filepath.Join(dir, "closed")
		os.Mkdir(closed, 0o000)
		t.Cleanup(func() { os.Chmod(closed, 0o755) })
		code, _, stderr = run(dir, "assess", "--answers", "a.yaml", "--output", "closed/r.txt")
		if code != 2 || stderr != "closed/r.txt: cannot be written: permission denied\n" {
			t.Errorf("folder not searchable: exit %d, stderr %q", code, stderr)
		}
		if data, _ := os.ReadFile(filepath.Join(locked, "r.txt")); string(data) != "old\n" {
			t.Errorf("the old report was changed: %q", data)
		}
	})
}

// A signal while survey waits for a key (it cannot be told to stop waiting): hitready still ends,
// with 143 for SIGTERM and 130 for SIGINT sent by another program, and gives the terminal back in
// the mode it found it in, not raw.
func TestSignalDuringAQuestionGivesTheTerminalBack(t *testing.T) {
	for _, tt := range []struct {
		signal syscall.Signal
		code   int
	}{{syscall.SIGTERM, 143}, {syscall.SIGINT, 130}} {
		t.Run(tt.signal.String(), func(t *testing.T) {
			ptm, tty, err := pty.Open()
			if err != nil {
				t.Skipf("no pseudo-terminal: %v", err)
			}
			defer ptm.Close()
			defer tty.Close()
			cooked, err := unix.IoctlGetTermios(int(tty.Fd()), unix.TCGETS)
			if err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(binary(t), "assess")
			cmd.Dir = t.TempDir()
			cmd.Env = append(os.Environ(), "TERM=xterm", "HITREADY_NO_INPUT=")
			cmd.Stdin, cmd.Stdout, cmd.Stderr = tty, tty, tty
			cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			s := &screen{copied: make(chan struct{})}
			go func() { io.Copy(s, ptm); close(s.copied) }()
			waitFor(t, "survey's raw mode", func() bool {
				now, err := unix.IoctlGetTermios(int(tty.Fd()), unix.TCGETS)
				return err == nil && now.Lflag&unix.ICANON == 0 && strings.Contains(s.String(), "highest level")
			}, s)
			start := time.Now()
			cmd.Process.Signal(tt.signal)
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case err := <-done:
				var exit *exec.ExitError
				if !errors.As(err, &exit) || exit.ExitCode() != tt.code {
					t.Errorf("exit %v after %v; want %d", err, time.Since(start), tt.code)
				}
			case <-time.After(10 * time.Second):
				cmd.Process.Kill()
				t.Fatalf("still asking 10 s after the signal; screen:\n%s", s)
			}
			after, err := unix.IoctlGetTermios(int(tty.Fd()), unix.TCGETS)
			if err != nil {
				t.Fatal(err)
			}
			if after.Lflag&(unix.ICANON|unix.ECHO) != cooked.Lflag&(unix.ICANON|unix.ECHO) {
				t.Errorf("the terminal was left raw: lflag %#x, was %#x", after.Lflag, cooked.Lflag)
			}
		})
	}
}

// An output that is a mount point (a bind-mounted file) cannot be replaced by rename: the run says
// so in words, exit 2, and leaves the file and the folder as they were. Root only (mount).
func TestBindMountedOutputIsRefusedClearly(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("mount --bind needs root")
	}
	dir := userDir(t)
	src, dst := filepath.Join(dir, "src.txt"), filepath.Join(dir, "report.txt")
	for _, p := range []string{src, dst} {
		if err := os.WriteFile(p, []byte("last week\n"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := unix.Mount(src, dst, "", unix.MS_BIND, ""); err != nil {
		t.Skipf("cannot bind-mount here: %v", err)
	}
	t.Cleanup(func() { unix.Unmount(dst, 0) })
	cmd := exec.Command(binary(t), "assess", "--answers", "a.yaml", "--output", "report.txt")
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 2 || !strings.Contains(string(out), "report.txt: cannot be replaced: it is a mount point") {
		t.Errorf("exit %v, %q; want exit 2 saying it is a mount point", err, out)
	}
	if data, _ := os.ReadFile(dst); string(data) != "last week\n" {
		t.Errorf("the mounted file holds %q", data)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 3 {
		t.Errorf("the folder holds %d entries; want a.yaml, src.txt, report.txt (no temporary file)", len(entries))
	}
	// As --save-answers it is refused up front (/proc/self/mountinfo lists it), before the
	// report or any question: nothing on standard output.
	cmd = exec.Command(binary(t), "assess", "--answers", "a.yaml", "--save-answers", "report.txt")
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	if !errors.As(err, &exit) || exit.ExitCode() != 2 || stdout.Len() > 0 || !strings.Contains(stderr.String(), "report.txt: cannot be replaced: it is a mount point") {
		t.Errorf("--save-answers: exit %v, stdout %d bytes, stderr %q; want exit 2 up front saying it is a mount point", err, stdout.Len(), stderr.String())
	}
}

// Another user's file in a sticky folder (like /tmp) cannot be replaced by rename (EPERM), though
// the folder is writable: refused up front, exit 2, saying why, before anything is asked or
// written. Run as nobody; root may replace it.
func TestAnotherUsersFileInAStickyFolderIsRefusedUpFront(t *testing.T) {
	setpriv, dir, bin := nobodysCopy(t)
	s := filepath.Join(dir, "s")
	os.Mkdir(s, 0o755)
	os.Chmod(s, os.ModeSticky|0o777) // Go spells the sticky bit os.ModeSticky, not 0o1000
	keep := filepath.Join(s, "keep.yaml")
	os.WriteFile(keep, []byte("root's\n"), 0o666)
	os.Chmod(keep, 0o666)
	for _, flag := range []string{"--save-answers", "--output"} {
		cmd := exec.Command(setpriv, "--reuid=nobody", "--regid=nogroup", "--clear-groups", bin, "assess", "--answers", "a.yaml", flag, "s/keep.yaml")
		cmd.Dir = dir
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != 2 || stdout.Len() > 0 ||
			!strings.Contains(stderr.String(), "s/keep.yaml: cannot be replaced: it belongs to another user and its folder is sticky") {
			t.Errorf("%s: exit %v, stdout %d bytes, stderr %q; want exit 2 up front, saying why", flag, err, stdout.Len(), stderr.String())
		}
		if got, _ := os.ReadFile(keep); string(got) != "root's\n" {
			t.Errorf("%s: the file holds %q", flag, got)
		}
	}
	// A file of nobody's own in the same folder is written.
	cmd := exec.Command(setpriv, "--reuid=nobody", "--regid=nogroup", "--clear-groups", bin, "assess", "--answers", "a.yaml", "--output", "s/mine.txt")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("a new file in the sticky folder: %v: %s", err, out)
	}
}

// A device or FIFO named as an output that the user may not write is refused up front, exit 2,
// saying so, as a file in a folder the user may not write is: not found only when the report is
// written, after the questionnaire. Root may write both; the descriptor names stay written
// through (/dev/stdout).
func TestADeviceTheUserMayNotWriteIsRefusedUpFront(t *testing.T) {
	setpriv, dir, bin := nobodysCopy(t)
	fifo := filepath.Join(dir, "roots.fifo")
	if err := unix.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	os.Chmod(fifo, 0o644)
	for _, tt := range []struct {
		output, stderr string
		code           int
	}{
		{"roots.fifo", "roots.fifo: cannot be written: permission denied\n", 2},
		{"/dev/stdout", "", 0},
	} {
		cmd := exec.Command(setpriv, "--reuid=nobody", "--regid=nogroup", "--clear-groups", bin, "assess", "--answers", "a.yaml",
			"--format", "csv", "--output", tt.output)
		cmd.Dir = dir
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		code := 0
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			code = exit.ExitCode()
		}
		if code != tt.code || stderr.String() != tt.stderr || (code == 0) != strings.Contains(stdout.String(), "a.yaml,") {
			t.Errorf("--output %s: exit %d, stdout %q, stderr %q; want exit %d, stderr %q", tt.output, code, stdout.String(), stderr.String(), tt.code, tt.stderr)
		}
	}
}

// nobodysCopy is what a test that runs hitready as nobody needs: setpriv, a folder nobody may
// use, and a copy of the binary there nobody may run. It skips, saying why, where the machine
// cannot (not root, no setpriv).
func nobodysCopy(t *testing.T) (setpriv, dir, bin string) {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("needs root, to run hitready as nobody")
	}
	setpriv, err := exec.LookPath("setpriv")
	if err != nil {
		t.Skip("setpriv not found: cannot run hitready as nobody")
	}
	dir = userDir(t)
	bin = filepath.Join(dir, "hitready")
	data, _ := os.ReadFile(mustExecutable(t))
	if err := os.WriteFile(bin, data, 0o755); err != nil {
		t.Fatal(err)
	}
	return setpriv, dir, bin
}
