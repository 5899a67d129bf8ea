package cmd

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"strings"

	"github.com/AlecAivazis/survey/v2/terminal"
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
	path := progressFile(opts)
	saved, warned := false, false
	keep := func(a *questions.Answers) error {
		data, err := bank.EncodeAnswers(a)
		if err == nil {
			err = writeFileAtomic(path, data)
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
	err := questionnaire.Run(p, bank, answers, questionnaire.Options{Out: ios.ErrOut, Answered: keep})
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
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
		return prompter.NewPlain(ctx, ios.In, ios.ErrOut), stop
	}
	return prompter.NewSurvey(in, out, ios.NoColor()), func() {}
}

// progressFile is where the answers are kept: --save-answers if given; the file being resumed
// if it is one of ours; else the first hitready-answers*.yaml in the current folder that does
// not exist yet, so an earlier session's answers are never overwritten.
func progressFile(opts *AssessOptions) string {
	if opts.SaveAnswers != "" {
		return opts.SaveAnswers
	}
	if p := opts.AnswersPath; p != "" && p != "-" && strings.HasPrefix(filepath.Base(p), progressBase) {
		return p
	}
	for i := 1; ; i++ {
		name := progressBase + ".yaml"
		if i > 1 {
			name = fmt.Sprintf("%s-%d.yaml", progressBase, i)
		}
		if _, err := os.Lstat(name); errors.Is(err, fs.ErrNotExist) {
			return name
		}
	}
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
