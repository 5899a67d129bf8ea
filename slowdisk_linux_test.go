//go:build linux

package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// A slow disk without FUSE or a device mapper: the block I/O controller of a control group
// throttles the writes of the processes in it (cgroup v1 blkio.throttle.write_bps_device, v2
// io.max wbps), and the writes an fsync makes are made by the process that calls it, so its Sync
// takes as long as the throttle says. Linux only, and only where this process may make a group
// (root, with the controller mounted); the test skips with a message elsewhere.

// Ctrl-C or SIGTERM while the report's last Sync crawls on a slow disk (a throttle of 2 MB/s,
// a report of about 10 MB: a Sync of about five seconds, past the two-second grace after which
// hitready ends itself): the run exits 130 or 143, the old report is as it was, and the
// temporary file of student data is gone although the Sync still held it. A second Ctrl-C ends
// the run at once, killed by it as any program is, and the temporary file is gone all the same.
func TestSignalDuringASlowSync(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a cohort and a 10 MB report on a throttled disk")
	}
	if os.Geteuid() != 0 {
		t.Skip("throttling a disk with a control group needs root")
	}
	bin := binary(t)
	cohortDir := bigCohort(t, 1000)
	for _, tt := range []struct {
		name    string
		signals []syscall.Signal
		code    int // -1: ended by the last signal, as a program that does not catch it
	}{
		{"SIGINT", []syscall.Signal{syscall.SIGINT}, 130},
		{"SIGTERM", []syscall.Signal{syscall.SIGTERM}, 143},
		{"Ctrl-C twice", []syscall.Signal{syscall.SIGINT, syscall.SIGINT}, -1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			outDir := t.TempDir()
			enter := slowDisk(t, outDir, 2<<20)
			out := filepath.Join(outDir, "cohort.json")
			if err := os.WriteFile(out, []byte("last week's cohort\n"), 0o600); err != nil {
				t.Fatal(err)
			}
			// The Sync is slow only while the report's data waits to be written; another
			// program's sync(1), or the kernel's writeback under memory pressure, may write
			// it first, unthrottled. A run whose Sync was too quick to catch is run again.
			var err error
			var stderr bytes.Buffer
			caught, replaced := false, 0
			for try := 0; try < 3 && !caught; try++ {
				stderr.Reset()
				caught, err = signalDuringSync(t, enter, tt.signals, &stderr, bin, "score", cohortDir, "--format", "json", "--output", out)
				if caught && finishedFirst(err, out) {
					// Seen inside the Sync, but the Sync ended (the data written back by
					// then) and the run renamed its report and stopped catching signals before
					// the signal came: the signal was too late to test anything.
					caught = false
				}
				if caught && reportReplaced(out) {
					// The report replaced after the signal was caught: the failure looked for,
					// or a signal that a loaded machine delivered after the rename (the Sync
					// seen, the signal sent a moment later). Only the failure does it every time.
					caught, replaced = false, replaced+1
				}
				if !caught {
					os.WriteFile(out, []byte("last week's cohort\n"), 0o600)
				}
			}
			if replaced == 3 {
				t.Fatalf("three runs in three replaced the report after catching the signal (last: %v, stderr %q)", err, stderr.String())
			}
			if !caught {
				t.Skip("no run caught the signal inside the report's Sync in three: its data was written before it, unthrottled, or the signal came after the rename")
			}
			var exit *exec.ExitError
			switch {
			case !errors.As(err, &exit):
				t.Errorf("exit %v; want %d (stderr %q)", err, tt.code, stderr.String())
			case tt.code < 0 && !exit.Sys().(syscall.WaitStatus).Signaled():
				t.Errorf("exit %v; want ended by the second signal (stderr %q)", err, stderr.String())
			case tt.code >= 0 && exit.ExitCode() != tt.code:
				t.Errorf("exit %v; want %d (stderr %q)", err, tt.code, stderr.String())
			}
			if data, err := os.ReadFile(out); err != nil || string(data) != "last week's cohort\n" {
				t.Errorf("the old report holds %d bytes (%v); want it untouched", len(data), err)
			}
			if left := temporaryFiles(t, outDir); len(left) > 0 {
				t.Errorf("left behind: %v", left)
			}
		})
	}
}

// signalDuringSync runs hitready in the slow group and sends sigs, a tenth of a second apart,
// while it syncs a temporary file; caught is false when the run ended before any such Sync was
// seen, or before the last signal was sent.
func signalDuringSync(t *testing.T, enter func(int), sigs []syscall.Signal, stderr *bytes.Buffer, bin string, args ...string) (caught bool, err error) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Stderr = stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	enter(cmd.Process.Pid)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	for deadline := time.Now().Add(time.Minute); !syncingTemp(cmd.Process.Pid); time.Sleep(2 * time.Millisecond) {
		select {
		case err := <-done:
			return false, err
		default:
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("never saw the Sync, nor the end of the run")
		}
	}
	for i, sig := range sigs {
		if i > 0 {
			time.Sleep(100 * time.Millisecond)
			// Its Sync may have ended early (the data written back by another program): a run
			// that has already stopped on the first signal cannot be caught by the next.
			select {
			case err := <-done:
				return false, err
			default:
			}
		}
		cmd.Process.Signal(sig)
	}
	select {
	case err = <-done:
	case <-time.After(time.Minute):
		cmd.Process.Kill()
		t.Fatal("still running a minute after the signal")
	}
	return true, err
}

// finishedFirst tells whether a run completed before the signal reached it: the report at out
// was replaced, and the run either exited 0 or was ended by the signal's default action, which a
// finished run restores as it lets go of its signals. A run that caught the signal and still
// replaced the report (exit 130 or 143) is not excused here: that is the failure the test looks
// for, unless a later run shows it was a late signal.
func finishedFirst(err error, out string) bool {
	if !reportReplaced(out) {
		return false
	}
	var exit *exec.ExitError
	if !errors.As(err, &exit) {
		return err == nil
	}
	return exit.Sys().(syscall.WaitStatus).Signaled()
}

// reportReplaced tells whether the old report at out is gone, a new one in its place.
func reportReplaced(out string) bool {
	data, err := os.ReadFile(out)
	return err == nil && string(data) != "last week's cohort\n"
}

// slowDisk makes a control group whose writes to the disk holding dir go at bytesPerSecond, and
// returns what moves a process into it. The group is removed when the test ends.
func slowDisk(t *testing.T, dir string, bytesPerSecond int) (enter func(pid int)) {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("throttling a disk with a control group needs root")
	}
	device, err := diskOf(dir)
	if err != nil {
		t.Skipf("cannot tell which disk holds %s: %v", dir, err)
	}
	group, limit, rule := "", "", ""
	switch {
	case fileExists("/sys/fs/cgroup/blkio/cgroup.procs"): // cgroup v1
		group = filepath.Join("/sys/fs/cgroup/blkio", fmt.Sprintf("hitready-test-%d", os.Getpid()))
		limit, rule = "blkio.throttle.write_bps_device", fmt.Sprintf("%s %d", device, bytesPerSecond)
	case fileExists("/sys/fs/cgroup/cgroup.controllers"): // cgroup v2
		if err := os.WriteFile("/sys/fs/cgroup/cgroup.subtree_control", []byte("+io"), 0); err != nil {
			t.Skipf("cannot enable the io controller: %v", err)
		}
		group = filepath.Join("/sys/fs/cgroup", fmt.Sprintf("hitready-test-%d", os.Getpid()))
		limit, rule = "io.max", fmt.Sprintf("%s wbps=%d", device, bytesPerSecond)
	default:
		t.Skip("no block I/O controller mounted under /sys/fs/cgroup")
	}
	if err := os.Mkdir(group, 0o755); err != nil {
		t.Skipf("cannot make a control group: %v", err)
	}
	t.Cleanup(func() { os.Remove(group) }) // once its processes have ended
	if err := os.WriteFile(filepath.Join(group, limit), []byte(rule), 0); err != nil {
		t.Skipf("cannot throttle %s (%s): %v", device, rule, err)
	}
	return func(pid int) {
		if err := os.WriteFile(filepath.Join(group, "cgroup.procs"), []byte(strconv.Itoa(pid)), 0); err != nil {
			t.Fatalf("moving %d into the slow group: %v", pid, err)
		}
	}
}

// diskOf is MAJOR:MINOR of the whole disk that holds dir: a partition's parent, as the throttle
// applies to disks.
func diskOf(dir string) (string, error) {
	var st unix.Stat_t
	if err := unix.Stat(dir, &st); err != nil {
		return "", err
	}
	dev := fmt.Sprintf("%d:%d", unix.Major(st.Dev), unix.Minor(st.Dev))
	sys := filepath.Join("/sys/dev/block", dev)
	if !fileExists(sys) {
		return "", fmt.Errorf("%s is not a block device (a tmpfs or an overlay?)", dev)
	}
	if fileExists(filepath.Join(sys, "partition")) {
		parent, err := os.ReadFile(filepath.Join(sys, "..", "dev"))
		if err != nil {
			return "", err
		}
		dev = strings.TrimSpace(string(parent))
	}
	return dev, nil
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// syncingTemp tells whether a thread of process pid is inside fsync on one of hitready's temporary
// files now: /proc/PID/task/TID/syscall starts with the number of the system call a thread is
// in, then its arguments (fsync's first is the descriptor), and /proc/PID/fd/N names the file.
// The folder's own fsync after the rename does not count: a signal then comes too late to test
// anything.
func syncingTemp(pid int) bool {
	number := map[string]string{"amd64": "74", "arm64": "82"}[runtime.GOARCH]
	tasks, _ := filepath.Glob(fmt.Sprintf("/proc/%d/task/*/syscall", pid))
	for _, task := range tasks {
		data, err := os.ReadFile(task)
		f := strings.Fields(string(data))
		if err != nil || number == "" || len(f) < 2 || f[0] != number {
			continue
		}
		fd, err := strconv.ParseInt(strings.TrimPrefix(f[1], "0x"), 16, 32)
		if err != nil {
			continue
		}
		if name, err := os.Readlink(fmt.Sprintf("/proc/%d/fd/%d", pid, fd)); err == nil && strings.HasSuffix(name, ".tmp") {
			return true
		}
	}
	return false
}
