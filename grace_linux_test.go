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
// short) is ended by hitready itself once the grace has run out, with the signal's exit code; a
// second signal ends it at once, by that signal, as any program. Either way its last line, after
// a blank one, says so in the run's language.
func TestGraceEndsAStuckWriteInTheRunsLanguage(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a cohort and waits out the grace")
	}
	bin, dir := binary(t), bigCohort(t, 2500)
	for _, tt := range []struct {
		name    string
		lang    string
		signals []syscall.Signal
		code    int // -1: ended by the last signal
		want    string
	}{
		{"en", "en", []syscall.Signal{syscall.SIGINT}, 130, "\nStopped: interrupt signal received.\n"},
		{"es", "es", []syscall.Signal{syscall.SIGINT}, 130, "\nDetenido: se recibió la señal de interrupción (Ctrl-C).\n"},
		{"es quit", "es", []syscall.Signal{syscall.SIGQUIT}, 131, "\nDetenido: se recibió la señal de salida (SIGQUIT, Ctrl-\\).\n"},
		{"es twice", "es", []syscall.Signal{syscall.SIGINT, syscall.SIGINT}, -1, "\nDetenido: se recibió la señal de interrupción (Ctrl-C).\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			stderr, err := stuckThenSignalled(t, bin, tt.lang, tt.signals, "score", dir, "--format", "csv")
			var exit *exec.ExitError
			if !errors.As(err, &exit) {
				t.Fatalf("%v; want an exit", err)
			}
			status := exit.Sys().(syscall.WaitStatus)
			if tt.code < 0 && (!status.Signaled() || status.Signal() != tt.signals[len(tt.signals)-1]) ||
				tt.code >= 0 && exit.ExitCode() != tt.code || stderr != tt.want {
				t.Errorf("exit %v, stderr %q; want %d (-1: the signal) and %q", err, stderr, tt.code, tt.want)
			}
		})
	}
}

// stuckThenSignalled runs hitready in language lang with its standard output a pipe nobody
// reads, and sends it the signals, 100 ms apart, once the pipe is full.
func stuckThenSignalled(t *testing.T, bin, lang string, signals []syscall.Signal, args ...string) (string, error) {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "HITREADY_LANG="+lang)
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = w, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	// The pipe full (Linux holds 64 KiB; TIOCINQ is what it holds), the next write waits for a
	// reader that never comes.
	deadline := time.Now().Add(30 * time.Second)
	for n := 0; n < 60000 && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		n, _ = unix.IoctlGetInt(int(r.Fd()), unix.TIOCINQ)
	}
	for i, sig := range signals {
		if i > 0 {
			time.Sleep(100 * time.Millisecond)
		}
		cmd.Process.Signal(sig)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err = <-done:
	case <-time.After(20 * time.Second):
		cmd.Process.Kill()
		t.Fatal("still running 20 s after the signal")
	}
	return stderr.String(), err
}
