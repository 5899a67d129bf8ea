//go:build windows

package cmd

import (
	"os"
	"syscall"
)

// stopCodes are the signals Execute turns into a clean stop, each with the exit code it calls
// for. Windows has no signals of its own: the Go runtime turns the console's events into two. Ctrl-C and Ctrl-Break
// arrive as os.Interrupt (exit 130, as on Unix). Closing the console window, logging off and
// shutting down arrive as syscall.SIGTERM (exit 143), and the runtime holds the process for the
// few seconds Windows allows, so the clean-up (the temporary file removed) runs before Windows
// ends it. There is no SIGHUP or SIGQUIT to catch.
var stopCodes = map[os.Signal]int{
	syscall.SIGTERM: exitTerminated,
	os.Interrupt:    exitInterrupted,
}

// endBy ends the process with the code sig calls for: Windows cannot send a process a signal
// again, and a console program ended by Ctrl-C exits with a code there anyway.
func endBy(sig os.Signal, code int) { os.Exit(code) }
