package cmd

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"

	"golang.org/x/term"

	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/iostreams"
	"github.com/hitready/hitready/internal/prompter"
	"github.com/hitready/hitready/internal/prose"
	"github.com/hitready/hitready/internal/questionnaire"
	"github.com/hitready/hitready/internal/textsafe"
	"github.com/hitready/hitready/questions"
)

// runQuestionnaire asks the open questions, then shows the review; a questionnaire.Keeper keeps
// the answers in a file after every answer and every change. It returns the file that holds the
// answers, "" when none does.
func runQuestionnaire(opts *AssessOptions, bank *questions.Bank, answers *questions.Answers, given []byte) (string, error) {
	ios := opts.IO
	p := opts.Prompter
	if p == nil {
		// The plain prompter reads lines with the terminal in its normal mode, where Ctrl-C
		// is a signal: it is caught for as long as the questionnaire runs and turned into an
		// interruption, so the answers are kept and the exit is 130. (Survey reads Ctrl-C as
		// a key, in raw mode.)
		ctx, stopSignals := signal.NotifyContext(cmp.Or(opts.ctx, context.Background()), os.Interrupt)
		defer stopSignals()
		var release func()
		p, release = prompter.New(ctx, prompter.Options{In: ios.In, Out: ios.ErrOut,
			Plain: opts.Plain || ios.IsDumbTerminal(), NoColor: ios.NoColor(), Width: stderrWidth(ios), Lang: bank.Lang()})
		defer release()
	}
	width, l := stderrWidth(ios), i18n.For(bank.Lang())
	keeper := questionnaire.NewKeeper(cmp.Or(opts.ctx, context.Background()), questionnaire.KeepOptions{
		Bank: bank, Save: opts.SaveAnswers, Resume: opts.AnswersPath, ResumeData: given, Changed: len(opts.Sets) > 0,
		Output: opts.Output, Streams: streams(ios), Out: ios.ErrOut, Width: width,
	})
	defer keeper.Close()
	keeper.Announce(opts.Review)
	qopts := questionnaire.Options{Out: ios.ErrOut, Width: width, Answered: keeper.Keep, AskName: true, CannotKeep: keeper.Path() == ""}
	err := questionnaire.Session(p, bank, answers, qopts)
	hintOpts := opts
	if keeper.SaveFailed() {
		// The hint does not repeat a --save-answers that could not be written.
		o := *opts
		o.SaveAnswers = ""
		hintOpts = &o
	}
	behind, lost := keeper.Behind()
	switch {
	case errors.Is(err, prompter.ErrInterrupted):
		holder := keeper.Holder()
		return "", &interruptedError{SavedTo: holder, Lost: lost, Hint: pasteable(goOnArgs(holder, runFlags(hintOpts, holder)), width), Width: width, Lang: bank.Lang()}
	case err != nil:
		return "", err
	case behind != "":
		fmt.Fprintln(ios.ErrOut, "\n"+prose.Wrap(l.T("session.not-all-kept", notAllKeptArgs(behind, lost)), width, ""))
	}
	kept := keeper.Kept()
	if kept != "" {
		fmt.Fprint(ios.ErrOut, answersKeptHint(l, kept, runFlags(hintOpts, kept), width))
	}
	return kept, nil
}

// savedElsewhereError is --save-answers that could not be written at the end of a
// questionnaire whose answers were kept in another file: the report has been written, and the
// exit is 1 so that a script sees that the file it asked for is not there.
type savedElsewhereError struct {
	Target, Kept string
	Err          error
	Lang         i18n.Lang // the session's
	Hint         string    // when no file holds the answers: a command that gives them all again
	Width        int       // the hint's, which the sentence above it is wrapped to as well
}

func (e *savedElsewhereError) Error() string {
	args := i18n.Args{"Target": textsafe.Escape(e.Target), "Reason": textsafe.Escape(questionnaire.Reason(e.Target, e.Err)), "File": textsafe.Escape(e.Kept)}
	if e.Kept == "" {
		return prose.Wrap(i18n.For(e.Lang).T("session.saved-nowhere", args), e.Width, "") + "\n" + e.Hint
	}
	return i18n.For(e.Lang).T("session.saved-elsewhere", args)
}

// setArgs is a command that gives every answer again with --set and writes them to save: what
// a person pastes when no file could hold the answers of a session.
func setArgs(a *questions.Answers, save string) []string {
	args := []string{"assess"}
	for _, id := range a.IDs() {
		v, _ := a.Get(id)
		args = append(args, "--set", id+"="+v.String())
	}
	return append(args, "--save-answers", save)
}

// stderrWidth is the width the questionnaire wraps its text to: standard error's, where it is
// drawn, or iostreams.DefaultWidth when that is not a terminal whose size can be read.
func stderrWidth(ios *iostreams.IOStreams) int {
	return cmp.Or(stderrTerminalWidth(ios), iostreams.DefaultWidth)
}

// stderrTerminalWidth is standard error's width when it is a terminal whose size can be read,
// else 0.
func stderrTerminalWidth(ios *iostreams.IOStreams) int {
	if f, ok := ios.ErrOut.(interface{ Fd() uintptr }); ok {
		if w, _, err := term.GetSize(int(f.Fd())); err == nil && w > 0 {
			return w
		}
	}
	return 0
}

// interruptedError is the person stopping the questionnaire. Its message tells how to go on.
type interruptedError struct {
	SavedTo string // "" when nothing had been answered or nothing could be written
	Lost    error  // the latest answers could not be written to SavedTo: it holds the ones before
	Hint    string // the command to go on with
	Width   int    // the terminal's, which the message is wrapped to
	Lang    i18n.Lang
}

func (e *interruptedError) Error() string {
	return stoppedMessage(i18n.For(e.Lang), e.SavedTo, e.Lost, e.Hint, e.Width)
}

func (e *interruptedError) Is(target error) bool { return target == prompter.ErrInterrupted }
