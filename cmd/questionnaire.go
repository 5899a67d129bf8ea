package cmd

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"

	"golang.org/x/term"

	"github.com/hitready/hitready/internal/fileio"
	"github.com/hitready/hitready/internal/iostreams"
	"github.com/hitready/hitready/internal/prompter"
	"github.com/hitready/hitready/internal/prose"
	"github.com/hitready/hitready/internal/questionnaire"
	"github.com/hitready/hitready/internal/textsafe"
	"github.com/hitready/hitready/questions"
)

// progressBase is the answers file the questionnaire keeps its answers in when the person named
// none with --save-answers.
const progressBase = "hitready-answers"

// runQuestionnaire asks the open questions, then shows the review, and keeps the answers in a
// file after every answer and every change, so that Ctrl-C, a closed terminal or a crash loses at
// most the question being asked. It returns the file the answers were kept in, "" when none
// could be written.
func runQuestionnaire(opts *AssessOptions, bank *questions.Bank, answers *questions.Answers) (string, error) {
	ios := opts.IO
	p := opts.Prompter
	if p == nil {
		// The plain prompter reads lines with the terminal in its normal mode, where Ctrl-C
		// is a signal: it is caught for as long as the questionnaire runs and turned into an
		// interruption, so the answers are kept and the exit is 130. (Survey reads Ctrl-C as
		// a key, in raw mode.)
		ctx, stopSignals := signal.NotifyContext(orBackground(opts.ctx), os.Interrupt)
		defer stopSignals()
		var release func()
		p, release = prompter.New(ctx, prompter.Options{In: ios.In, Out: ios.ErrOut,
			Plain: opts.Plain || ios.IsDumbTerminal(), NoColor: ios.NoColor(), Width: stderrWidth(ios)})
		defer release()
	}
	ctx := orBackground(opts.ctx)
	path, claimed, err := progressFile(opts)
	saved, warned := false, false
	if err != nil {
		fmt.Fprintf(ios.ErrOut, "warning: cannot keep your answers as you go: %s\n", textsafe.Escape(err.Error()))
		warned = true
	}
	if opts.Review && path != "" && opts.AnswersPath != "" && opts.AnswersPath != fileio.StdStream && path != opts.AnswersPath {
		// Said before the first change, not after it: the file being reviewed is not rewritten
		// (hitready did not write it; its comments and layout are the person's).
		fmt.Fprintf(ios.ErrOut, "%s\n", prose.Wrap(fmt.Sprintf("Changes you make here are kept in %s; %s stays as it is.",
			textsafe.Escape(path), textsafe.Escape(opts.AnswersPath)), stderrWidth(ios), ""))
	}
	// A claimed file was created empty to reserve its name; with nothing kept in it, it goes.
	defer func() {
		if claimed && !saved {
			os.Remove(path)
		}
	}()
	write := func(a *questions.Answers) error {
		data, err := encodeAnswers(bank, a, path)
		if err == nil {
			err = fileio.WriteFile(ctx, path, streams(ios), data)
		}
		return err
	}
	fellBack := false
	keep := func(a *questions.Answers) error {
		if path == "" {
			return nil
		}
		err := write(a)
		if err != nil && !fellBack && path == opts.SaveAnswers {
			// --save-answers passed the check but cannot be written after all (a rename
			// refused, a folder gone): the answers go to a file of our own in the current
			// folder, so that the session is not lost, and the person is told once where.
			fellBack = true
			fallback, cerr := fileio.Claim(".", progressBase, ".yaml", func(p string) bool {
				return opts.Output != "" && opts.Output != fileio.StdStream && fileio.SameTarget(p, opts.Output)
			})
			if cerr == nil {
				failed := path
				path, claimed = fallback, true
				if err2 := write(a); err2 == nil {
					fmt.Fprintf(ios.ErrOut, "warning: %s; your answers are kept in %s instead\n",
						textsafe.Escape(cannotWrite(failed, err)), textsafe.Escape(path))
					warned = true
					saved = true
					return nil
				}
			}
		}
		if err != nil {
			// A folder that cannot be written is no reason to stop the session: the answers
			// are still in memory and scored at the end.
			if !warned {
				fmt.Fprintf(ios.ErrOut, "warning: cannot keep your answers as you go: %s\n", textsafe.Escape(err.Error()))
				warned = true
			}
			return nil
		}
		saved = true
		return nil
	}
	qopts := questionnaire.Options{Out: ios.ErrOut, Width: stderrWidth(ios), Answered: keep, AskName: true, CannotKeep: path == ""}
	if len(bank.Open(answers)) > 0 {
		// Only while a required answer is missing: the review of a complete file (--review)
		// does not press the optional questions on the person first.
		err = questionnaire.Run(p, bank, answers, qopts)
	}
	if err == nil {
		err = questionnaire.Review(p, bank, answers, qopts)
	}
	hintOpts := opts
	if fellBack {
		// The hint does not repeat a --save-answers that could not be written.
		o := *opts
		o.SaveAnswers = ""
		hintOpts = &o
	}
	switch {
	case errors.Is(err, prompter.ErrInterrupted):
		savedTo := map[bool]string{true: path}[saved]
		if !saved && opts.AnswersPath != "" && opts.AnswersPath != "-" && len(opts.Sets) == 0 {
			// Stopped before any change (a review of a file, say): the answers are still
			// all in the file they came from.
			savedTo = opts.AnswersPath
		}
		return "", &interruptedError{SavedTo: savedTo, Flags: runFlags(hintOpts, savedTo)}
	case err != nil:
		return "", err
	}
	if saved {
		// The command on a line of its own: it is not broken by the terminal's wrapping and
		// is copied whole with a triple click.
		fmt.Fprintf(ios.ErrOut, "\nYour answers are in %s.\nSee this report again with:\n  %s\n\n", textsafe.Escape(path), assessHint(path, runFlags(hintOpts, path)...))
		return path, nil
	}
	return "", nil
}

// cannotWrite words a failure to write name as "cannot write NAME: REASON", whether err already
// names it ("writing NAME: …", "NAME: …") or not.
func cannotWrite(name string, err error) string {
	msg := err.Error()
	for _, prefix := range []string{"writing " + name + ": ", name + ": "} {
		if rest, ok := strings.CutPrefix(msg, prefix); ok {
			msg = rest
			break
		}
	}
	return "cannot write " + name + ": " + strings.TrimPrefix(msg, "cannot be written: ")
}

// savedElsewhereError is --save-answers that could not be written at the end of a
// questionnaire whose answers were kept in another file: the report has been written, and the
// exit is 1 so that a script sees that the file it asked for is not there.
type savedElsewhereError struct {
	Target, Kept string
	Err          error
}

func (e *savedElsewhereError) Error() string {
	return fmt.Sprintf("%s; your answers are in %s", textsafe.Escape(cannotWrite(e.Target, e.Err)), textsafe.Escape(e.Kept))
}

// stderrWidth is the width the questionnaire wraps its text to: standard error's, where it is
// drawn, or 80 when that is not a terminal whose size can be read.
func stderrWidth(ios *iostreams.IOStreams) int {
	if w, ok := stderrTerminalWidth(ios); ok {
		return w
	}
	return 80
}

// stderrTerminalWidth is standard error's width when it is a terminal whose size can be read.
func stderrTerminalWidth(ios *iostreams.IOStreams) (int, bool) {
	if f, ok := ios.ErrOut.(interface{ Fd() uintptr }); ok {
		if w, _, err := term.GetSize(int(f.Fd())); err == nil && w > 0 {
			return w, true
		}
	}
	return 0, false
}

// progressFile is where the answers are kept: --save-answers if given (not standard output, a
// device or a pipe, which get them once, at the end); the file being resumed if it is one of
// ours; else a new
// hitready-answers*.yaml in the current folder, created exclusively (claimed reports true), so
// that neither an earlier session's answers nor those of one started at the same moment are
// ever overwritten. A name that --output will take is skipped.
func progressFile(opts *AssessOptions) (path string, claimed bool, err error) {
	if opts.SaveAnswers != "" && !fileio.InPlace(opts.SaveAnswers) {
		return opts.SaveAnswers, false, nil
	}
	if p := opts.AnswersPath; p != "" && p != "-" && (strings.HasPrefix(filepath.Base(p), progressBase) || writtenByHitready(p)) {
		return p, false, nil
	}
	path, err = fileio.Claim(".", progressBase, ".yaml", func(p string) bool {
		return opts.Output != "" && opts.Output != fileio.StdStream && fileio.SameTarget(p, opts.Output)
	})
	return path, err == nil, err
}

// answersHeader is how every YAML answers file hitready writes begins (the head comment of
// questions.Bank.EncodeAnswers): a file that begins so was written by a session, and resuming it
// keeps adding to it, as the README promises, whatever its name (--save-answers me.yaml).
const answersHeader = "# hitready answers file."

// writtenByHitready tells whether path is a regular file that begins with answersHeader. A
// hand-written file (or a JSON one, which has no comment to tell) is never written over: the
// answers then go to a new hitready-answers*.yaml.
func writtenByHitready(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	if info, err := f.Stat(); err != nil || !info.Mode().IsRegular() {
		return false
	}
	head := make([]byte, len(answersHeader))
	n, _ := io.ReadFull(f, head)
	return string(head[:n]) == answersHeader
}

// interruptedError is the person stopping the questionnaire. Its message tells how to go on.
type interruptedError struct {
	SavedTo string   // "" when nothing had been answered or nothing could be written
	Flags   []string // the run's own flags, repeated in the hint (runFlags)
}

func (e *interruptedError) Error() string {
	if e.SavedTo == "" {
		return "\nStopped. No answers were saved."
	}
	return fmt.Sprintf("\nStopped. Your answers so far are in %s.\nContinue with:\n  %s", textsafe.Escape(e.SavedTo), assessHint(e.SavedTo, e.Flags...))
}

func (e *interruptedError) Is(target error) bool { return target == prompter.ErrInterrupted }
