//go:build unix

package cmd

import (
	"os"

	"golang.org/x/sys/unix"
)

// virtualTerminal is true on Unix: every terminal hitready meets takes escape sequences.
func virtualTerminal() bool { return true }

// stdoutClosed tells whether standard output was closed when hitready started (`>&-`). The Go
// runtime then opens /dev/null on descriptor 1 before main runs (runtime.checkfds), for reading
// and writing; a shell's `> /dev/null` opens it for writing only. So /dev/null open for both is
// the closed stream (the rare `1<>/dev/null` looks the same, and loses nothing by failing).
func stdoutClosed() bool {
	flags, err := unix.FcntlInt(1, unix.F_GETFL, 0)
	if err != nil || flags&unix.O_ACCMODE != unix.O_RDWR {
		return false
	}
	out, err := os.Stdout.Stat()
	null, nerr := os.Stat(os.DevNull)
	return err == nil && nerr == nil && os.SameFile(out, null)
}
