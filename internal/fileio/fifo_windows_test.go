//go:build windows

package fileio

import "testing"

// mkfifo skips: Windows has no named pipes in the file system (its pipes live in \\.\pipe\,
// apart from any folder), so a folder or a path can never hold one and there is nothing to test.
func mkfifo(t *testing.T, path string) {
	t.Helper()
	t.Skip("Windows has no FIFOs in the file system")
}
