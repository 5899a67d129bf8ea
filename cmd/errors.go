package cmd

import (
	"context"
	"errors"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/hitready/hitready/internal/i18n"
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

// belowThresholdError says a score is under --fail-under. The report has been written by then:
// the exit code is the only thing it changes.
type belowThresholdError struct {
	Score, Threshold float64
	Below, Total     int // score: how many of the files scored are below; 0 for assess's one score
	Lang             i18n.Lang
}

func (e *belowThresholdError) Error() string {
	l := i18n.For(e.Lang)
	threshold := strconv.FormatFloat(e.Threshold, 'g', -1, 64)
	if e.Total > 0 {
		return l.T("errors.below-threshold.some", i18n.Args{"Below": e.Below, "Total": e.Total, "Threshold": threshold})
	}
	return l.T("errors.below-threshold", i18n.Args{"Score": strconv.FormatFloat(e.Score, 'f', 1, 64), "Threshold": threshold})
}

// words speaks the language of c's command tree: the one --lang, HITREADY_LANG or the locale
// chose, which the streams the root's --lang flag writes into hold. For the checks cobra calls
// with nothing but the command (Args, the flag errors); English for a command outside a tree.
func words(c *cobra.Command) *i18n.Localizer {
	if f := c.Root().PersistentFlags().Lookup("lang"); f != nil {
		if v, ok := f.Value.(*langValue); ok {
			return i18n.For(v.ios.Lang())
		}
	}
	return i18n.For(i18n.English)
}

// usageErrorIn is a usage error worded by l: the message id and its data.
func usageErrorIn(l *i18n.Localizer, id string, args i18n.Args) error {
	return &usageError{Err: errors.New(l.T(id, args))}
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
