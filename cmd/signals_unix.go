//go:build unix

package cmd

import (
	"os"
	"syscall"
)

// stopSignals are the signals Execute turns into a clean stop, outermost first.
func stopSignals() []stopSignal {
	return []stopSignal{
		{syscall.SIGTERM, exitTerminated},
		{syscall.SIGHUP, exitHangUp},
		{syscall.SIGQUIT, exitQuit},
		{os.Interrupt, exitInterrupted},
	}
}
