//go:build linux

package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// A command that a signal cannot stop (a write to a pipe nobody reads, which no context cuts
// short) is ended by hitready itself once the grace has run out: the signal's exit code, and its
// last line, after a blank one, in the run's language.
func TestGraceEndsAStuckWriteInTheRunsLanguage(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a cohort and waits out the grace")
	}
	bin, dir := binary(t), bigCohort(t, 2500)
	for _, tt := range []struct{ lang, want string }{
		{"en", "\nStopped: interrupt signal received.\n"},
		{"es", "\nDetenido: se recibió la señal de interrupción (Ctrl-C).\n"},
	} {
		t.Run(tt.lang, func(t *testing.T) {
			r, w, err := os.Pipe()
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			cmd := exec.Command(bin, "score", dir, "--format", "csv")
			cmd.Env = append(os.Environ(), "HITREADY_LANG="+tt.lang)
			var stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = w, &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			w.Close()
			// The pipe full (Linux holds 64 KiB; TIOCINQ is what it holds), the next write waits for a reader that never comes.
			deadline := time.Now().Add(30 * time.Second)
			for n := 0; n < 60000 && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
				n, _ = unix.IoctlGetInt(int(r.Fd()), unix.TIOCINQ)
			}
			cmd.Process.Signal(syscall.SIGINT)
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case err = <-done:
			case <-time.After(20 * time.Second):
				cmd.Process.Kill()
				t.Fatal("still running 20 s after the signal")
			}
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != 130 || stderr.String() != tt.want {
				t.Errorf("exit %v, stderr %q; want 130 and %q", err, stderr.String(), tt.want)
			}
		})
	}
}
