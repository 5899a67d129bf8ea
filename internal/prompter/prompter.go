// Package prompter asks one question at a time on a terminal. The Prompter interface is all the
// questionnaire sees, so the survey-backed terminal UI (survey is archived upstream) can be
// replaced, a plain line-by-line prompter serves screen readers and dumb terminals, and tests use
// a scripted fake. Nothing outside this package imports survey.
package prompter

import (
	"context"
	"errors"
	"io"

	"github.com/AlecAivazis/survey/v2/core"
	"github.com/AlecAivazis/survey/v2/terminal"

	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/iostreams"
)

// ErrInterrupted is what every prompter returns when the person stops: Ctrl-C, or the end of
// input. The caller keeps what was answered and exits 130.
var ErrInterrupted = errors.New("interrupted")

// Prompter asks the kinds of question the bank has, and a line of text.
type Prompter interface {
	// Select asks for one of options and returns its index. def is preselected, or -1 for none.
	Select(message, help string, options []string, def int) (int, error)
	// MultiSelect asks for any of options, none included, and returns the chosen indices in
	// option order. defaults are preselected.
	MultiSelect(message, help string, options []string, defaults []int) ([]int, error)
	// Rating asks for a whole number from min to max; labels[i], if not empty, says what min+i
	// means for this question. def is where a list starts (never a silent answer: a prompter
	// that records Enter alone must not take def for it), or min-1 for no preference.
	Rating(message, help string, min, max, def int, labels []string) (int, error)
	// Input asks for one line of text; Enter alone keeps def.
	Input(message, help, def string) (string, error)
}

// Options say where and how to ask.
type Options struct {
	In  io.Reader // the terminal's standard input
	Out io.Writer // the terminal's standard error: standard output stays free for the report
	// Plain asks line by line (--plain, TERM=dumb); it is also what streams that are not
	// files (no descriptor for survey to put in raw mode) get.
	Plain   bool
	NoColor bool // NO_COLOR
	// Width is the terminal's width in columns, that questions are wrapped to; 0 means iostreams.DefaultWidth.
	Width int
	// Lang is the language the prompters' own words are in (hints, Skip): the bank's.
	Lang i18n.Lang
}

// New returns the prompter the options call for, and a function that releases it: survey's
// watch for Ctrl-Z ends there. When ctx is cancelled (the caller cancels it on
// SIGINT) a pending plain question returns ErrInterrupted; survey reads Ctrl-C as a key itself.
//
// New is also the one place survey's package-wide settings are made, once, before the first
// question: survey only offers them as variables of its own packages.
func New(ctx context.Context, opts Options) (Prompter, func()) {
	width := iostreams.Width(opts.Width)
	in, inOK := opts.In.(terminal.FileReader)
	out, outOK := opts.Out.(terminal.FileWriter)
	if opts.Plain || !inOK || !outOK {
		return newPlain(ctx, opts.In, opts.Out, width, opts.Lang), func() {}
	}
	// Assigned both ways, not only set: a second session in one process (tests) must not
	// inherit the first one's choice.
	core.DisableColor = opts.NoColor
	installTemplates(width, opts.Lang)
	in, release := suspendable(in, out)
	return &survey{in: in, out: out, width: width}, release
}
