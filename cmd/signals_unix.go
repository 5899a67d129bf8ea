//go:build unix

package cmd

import (
	"os"
	"os/signal"
	"syscall"
	"time"
)

// stopCodes are the signals Execute turns into a clean stop, each with the exit code it calls for.
var stopCodes = map[os.Signal]int{
	syscall.SIGTERM: exitTerminated,
	syscall.SIGHUP:  exitHangUp,
	syscall.SIGQUIT: exitQuit,
	os.Interrupt:    exitInterrupted,
}

// endBy ends the process by sig, as if hitready had not caught it: a shell running a loop of
// runs sees that it was killed by the signal (and a Ctrl-C stops the loop), not an exit code.
func endBy(sig os.Signal, code int) {
	signal.Reset(sig)
	if s, ok := sig.(syscall.Signal); ok {
		_ = syscall.Kill(os.Getpid(), s)
		time.Sleep(time.Second) // the signal is on its way
	}
	os.Exit(code)
}
