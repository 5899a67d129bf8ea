package cmd

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strings"

	"github.com/AlecAivazis/survey/v2/terminal"
	"github.com/hitready/hitready/internal/fileio"
	"github.com/hitready/hitready/internal/prompter"
	"github.com/hitready/hitready/internal/questionnaire"
	"github.com/hitready/hitready/questions"
)

// progressBase is the answers file the questionnaire keeps its answers in when the person named
// none with --save-answers.
const progressBase = "hitready-answers"

// runQuestionnaire asks the open questions and keeps the answers in a file after every answer,
// so that Ctrl-C, a closed terminal or a crash loses at most the question being asked.
func runQuestionnaire(opts *AssessOptions, bank *questions.Bank, answers *questions.Answers) error {
	ios := opts.IO
	p := opts.Prompter
	if p == nil {
		var stop context.CancelFunc
		p, stop = terminalPrompter(opts)
		defer stop()
	}
	ctx := orBackground(opts.ctx)
	path, claimed, err := progressFile(opts)
	saved, warned := false, false
	if err != nil {
		fmt.Fprintf(ios.ErrOut, "warning: cannot keep your answers as you go: %v\n", err)
		warned = true
	}
	if claimed {
		// The file was created empty to reserve its name; with nothing kept in it, it goes.
		defer func() {
			if !saved {
				os.Remove(path)
			}
		}()
	}
	keep := func(a *questions.Answers) error {
		if path == "" {
			return nil
		}
		data, err := encodeAnswers(bank, a, path)
		if err == nil {
			err = fileio.WriteFile(ctx, path, ios.Out, data)
		}
		if err != nil {
			// A folder that cannot be written is no reason to stop the session: the answers
			// are still in memory and scored at the end.
			if !warned {
				fmt.Fprintf(ios.ErrOut, "warning: cannot keep your answers as you go: %v\n", err)
				warned = true
			}
			return nil
		}
		saved = true
		return nil
	}
	err = questionnaire.Run(p, bank, answers, questionnaire.Options{Out: ios.ErrOut, Answered: keep})
	switch {
	case errors.Is(err, prompter.ErrInterrupted):
		return &InterruptedError{SavedTo: map[bool]string{true: path}[saved]}
	case err != nil:
		return err
	}
	if saved {
		fmt.Fprintf(ios.ErrOut, "\nYour answers are in %s; see this report again with: hitready assess --answers %s\n\n", path, shellQuote(path))
	}
	return nil
}

// terminalPrompter picks the prompter the terminal calls for. The plain one reads lines with the
// terminal in its normal mode, where Ctrl-C is a signal: it is caught for as long as the
// questionnaire runs and turned into an interruption, so the answers are kept and the exit is 130.
func terminalPrompter(opts *AssessOptions) (prompter.Prompter, context.CancelFunc) {
	ios := opts.IO
	in, inOK := ios.In.(terminal.FileReader)
	out, outOK := ios.ErrOut.(terminal.FileWriter)
	if opts.Plain || ios.IsDumbTerminal() || !inOK || !outOK {
		ctx, stop := signal.NotifyContext(orBackground(opts.ctx), os.Interrupt)
		return prompter.NewPlain(ctx, ios.In, ios.ErrOut), stop
	}
	return prompter.NewSurvey(in, out, ios.NoColor()), func() {}
}

// progressFile is where the answers are kept: --save-answers if given (not standard output, a
// device or a pipe, which get them once, at the end); the file being resumed if it is one of
// ours; else a new
// hitready-answers*.yaml in the current folder, created exclusively (claimed reports true), so
// that neither an earlier session's answers nor those of one started at the same moment are
// ever overwritten. A name that --output will take is skipped.
func progressFile(opts *AssessOptions) (path string, claimed bool, err error) {
	if opts.SaveAnswers != "" && opts.SaveAnswers != fileio.StdStream {
		if info, err := os.Stat(opts.SaveAnswers); err != nil || info.Mode().IsRegular() {
			return opts.SaveAnswers, false, nil
		}
	}
	if p := opts.AnswersPath; p != "" && p != "-" && strings.HasPrefix(filepath.Base(p), progressBase) {
		return p, false, nil
	}
	output, _ := filepath.Abs(opts.Output)
	path, err = fileio.Claim(".", progressBase, ".yaml", func(p string) bool {
		abs, _ := filepath.Abs(p)
		return opts.Output != "" && abs == output
	})
	return path, err == nil, err
}

// InterruptedError is the person stopping the questionnaire. Its message tells how to go on.
type InterruptedError struct {
	SavedTo string // "" when nothing had been answered or nothing could be written
}

func (e *InterruptedError) Error() string {
	if e.SavedTo == "" {
		return "\nStopped. No answers were saved."
	}
	return fmt.Sprintf("\nStopped. Your answers so far are in %s; continue with: hitready assess --answers %s", e.SavedTo, shellQuote(e.SavedTo))
}

func (e *InterruptedError) Is(target error) bool { return target == ErrInterrupted }

// shellQuote quotes a path for pasting into a shell, when it needs it.
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
