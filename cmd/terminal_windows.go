//go:build windows

package cmd

import (
	"os"

	"golang.org/x/sys/windows"
)

// virtualTerminal turns on escape sequences (colour, the cursor) on each console among standard
// output and error, as Windows 10 and later allow (ENABLE_VIRTUAL_TERMINAL_PROCESSING), and
// tells whether every console among them takes them. A stream that is not a console (a file, a
// pipe) takes no colour anyway. The questions themselves are drawn by survey, which speaks the
// console's own API where escapes are not understood.
func virtualTerminal() bool {
	ok := true
	for _, f := range []*os.File{os.Stdout, os.Stderr} {
		if f == nil {
			continue
		}
		h := windows.Handle(f.Fd())
		var mode uint32
		if windows.GetConsoleMode(h, &mode) != nil {
			continue // not a console
		}
		if mode&windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING == 0 &&
			windows.SetConsoleMode(h, mode|windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING) != nil {
			ok = false
		}
	}
	return ok
}

// stdoutClosed tells whether the process has no standard output: Go then leaves os.Stdout nil,
// and writes to it already fail (invalid argument), so the check only says so in words.
func stdoutClosed() bool { return os.Stdout == nil }
