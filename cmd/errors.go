package cmd

import (
	"context"
	"errors"
	"fmt"

	"github.com/hitready/hitready/internal/inputerr"
	"github.com/hitready/hitready/internal/prompter"
)

// Exit codes of the contract.
const (
	exitOK          = 0
	exitFailure     = 1   // I/O error or bug
	exitInvalid     = 2   // bad usage or bad input
	exitBelow       = 3   // a score under --fail-under
	exitInterrupted = 130 // Ctrl-C (SIGINT)
	exitTerminated  = 143 // SIGTERM: 128 + 15, as a shell reports a process killed by it
	exitHangUp      = 129 // SIGHUP (the terminal closed): 128 + 1
	exitQuit        = 131 // SIGQUIT (Ctrl-\): 128 + 3
)

// usageError is a mistake in how the command was called: a flag, an argument, a value.
type usageError struct{ Err error }

func (e *usageError) Error() string { return e.Err.Error() }
func (e *usageError) Unwrap() error { return e.Err }

func usageErrorf(format string, args ...any) error {
	return &usageError{Err: fmt.Errorf(format, args...)}
}

// belowThresholdError says a score is under --fail-under. The report has been written by then:
// the exit code is the only thing it changes.
type belowThresholdError struct {
	Score, Threshold float64
	Who              string
}

func (e *belowThresholdError) Error() string {
	if e.Score < 0 { // several scores: Who says how many
		return fmt.Sprintf("%sscores are below --fail-under %g", e.Who, e.Threshold)
	}
	return fmt.Sprintf("%sscore %.1f is below --fail-under %g", e.Who, e.Score, e.Threshold)
}

// exitCode maps an error to the contract's exit codes. It is the only place that does.
func exitCode(err error) int {
	var usage *usageError
	var below *belowThresholdError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, prompter.ErrInterrupted), errors.Is(err, context.Canceled):
		// A cancelled context is a signal (Execute refines which) or the person stopping.
		return exitInterrupted
	case errors.As(err, &below):
		return exitBelow
	case errors.As(err, &usage), errors.Is(err, inputerr.ErrInvalid):
		return exitInvalid
	}
	return exitFailure
}
