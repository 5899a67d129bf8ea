package cmd

import (
	"context"
	"errors"
	"fmt"

	"github.com/hitready/hitready/questions"
)

// Exit codes of the contract.
const (
	ExitOK          = 0
	ExitFailure     = 1   // I/O error or bug
	ExitInvalid     = 2   // bad usage or bad input
	ExitBelow       = 3   // a score under --fail-under
	ExitInterrupted = 130 // Ctrl-C (SIGINT)
	ExitTerminated  = 143 // SIGTERM: 128 + 15, as a shell reports a process killed by it
)

// UsageError is a mistake in how the command was called: a flag, an argument, a value.
type UsageError struct{ Err error }

func (e *UsageError) Error() string { return e.Err.Error() }
func (e *UsageError) Unwrap() error { return e.Err }

func usageErrorf(format string, args ...any) error {
	return &UsageError{Err: fmt.Errorf(format, args...)}
}

// BelowThresholdError says a score is under --fail-under. The report has been written by then:
// the exit code is the only thing it changes.
type BelowThresholdError struct {
	Score, Threshold float64
	Who              string
}

func (e *BelowThresholdError) Error() string {
	if e.Score < 0 { // several scores: Who says how many
		return fmt.Sprintf("%sscores are below --fail-under %g", e.Who, e.Threshold)
	}
	return fmt.Sprintf("%sscore %.1f is below --fail-under %g", e.Who, e.Score, e.Threshold)
}

// ErrInterrupted is returned when the person stops the program with Ctrl-C.
var ErrInterrupted = errors.New("interrupted")

// ExitCode maps an error to the contract's exit codes. It is the only place that does.
func ExitCode(err error) int {
	var usage *UsageError
	var below *BelowThresholdError
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, ErrInterrupted), errors.Is(err, context.Canceled):
		// A cancelled context is a signal (Execute refines which) or the person stopping.
		return ExitInterrupted
	case errors.As(err, &below):
		return ExitBelow
	case errors.As(err, &usage), errors.Is(err, questions.ErrInvalid):
		return ExitInvalid
	}
	return ExitFailure
}
