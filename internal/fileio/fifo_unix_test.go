//go:build unix

package fileio

import (
	"syscall"
	"testing"
)

// mkfifo makes a named pipe at path for a test about FIFOs.
func mkfifo(t *testing.T, path string) {
	t.Helper()
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Fatal(err)
	}
}
