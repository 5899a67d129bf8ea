package cmd

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/hitready/hitready/assessment"
	"github.com/hitready/hitready/internal/fileio"
	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/inputerr"
	"github.com/hitready/hitready/internal/iostreams"
	"github.com/hitready/hitready/internal/page"
	"github.com/hitready/hitready/internal/prompter"
	"github.com/hitready/hitready/internal/render"
	"github.com/hitready/hitready/internal/textsafe"
	"github.com/hitready/hitready/questions"
)

// AssessOptions is everything `hitready assess` needs, gathered from flags.
type AssessOptions struct {
	IO *iostreams.IOStreams

	AnswersPath  string
	Sets         []string
	NoInput      bool
	Format       string
	Output       string
	SaveAnswers  string
	FailUnder    float64
	FailUnderSet bool
	Plain        bool
	AllGaps      bool
	Profile      string
	Review       bool
	Lang         string // --lang when given, repeated in hints

	// Prompter asks the open questions; nil means the one the terminal calls for (survey, or
	// plain with --plain or TERM=dumb). Tests put a fake here.
	Prompter prompter.Prompter

	ctx context.Context // the command's: cancelled by Ctrl-C; nil when a test calls the run function
}

// NewCmdAssess builds `hitready assess`. runF replaces the run function in tests of flag handling.
func NewCmdAssess(ios *iostreams.IOStreams, runF func(*AssessOptions) error) *cobra.Command {
	opts := &AssessOptions{IO: ios}
	l := i18n.For(ios.Lang())
	c := newFormatCmd(ios, "assess", &opts.Format, render.ReportFormats(), func(c *cobra.Command, _ []string) error {
		opts.ctx = c.Context()
		opts.FailUnderSet = c.Flags().Changed("fail-under")
		if l := c.Flag("lang"); l != nil && l.Changed {
			opts.Lang = l.Value.String()
		}
		return runOr(opts, runF, assessRun)
	})
	c.Args = assessArgs
	c.Example = `  hitready assess
  hitready assess --format json > me.json
  hitready assess --answers hitready-answers.yaml
  hitready assess --answers me.yaml --review
  hitready assess --answers examples/ready.yaml
  hitready assess --answers me.yaml --set skills.computer=4 --format json
  cat me.yaml | hitready assess --answers - --no-input --fail-under 85`
	f := c.Flags()
	f.StringVar(&opts.AnswersPath, "answers", "", l.T("help.assess.flag.answers"))
	// StringArray, not StringSlice: a multi-choice value is itself comma-separated.
	f.StringArrayVar(&opts.Sets, "set", nil, l.T("help.assess.flag.set"))
	f.BoolVar(&opts.NoInput, "no-input", false, l.T("help.assess.flag.no-input"))
	f.StringVarP(&opts.Output, "output", "o", "", l.T("help.assess.flag.output"))
	f.StringVar(&opts.SaveAnswers, "save-answers", "", l.T("help.assess.flag.save-answers"))
	f.Var(newScoreValue(&opts.FailUnder, l), "fail-under", l.T("help.assess.flag.fail-under"))
	f.BoolVar(&opts.Plain, "plain", false, l.T("help.assess.flag.plain"))
	f.BoolVar(&opts.AllGaps, "all-gaps", false, l.T("help.assess.flag.all-gaps"))
	f.BoolVar(&opts.Review, "review", false, l.T("help.assess.flag.review"))
	addProfileFlag(c, l, &opts.Profile)
	_ = c.RegisterFlagCompletionFunc("set", completeSet)
	_ = c.MarkFlagFilename("answers", "yaml", "yml", "json")
	return c
}

func assessRun(opts *AssessOptions) error {
	ctx := cmp.Or(opts.ctx, context.Background())
	// Before any file is read or any question asked: an answers file to be lost after twenty
	// questions (a missing folder) or an input about to be overwritten is refused now.
	inputs := []fileio.Path{{Flag: "--answers", Name: opts.AnswersPath}, {Flag: "--profile", Name: opts.Profile}}
	if err := stdinOnce(i18n.For(opts.IO.Lang()), inputs...); err != nil {
		return err
	}
	if err := checkOutputs(opts.IO, assessOutputs(opts), inputs...); err != nil {
		return err
	}
	profile, err := loadProfile(ctx, opts.IO, opts.Profile, assessOutputs(opts))
	if err != nil {
		return err
	}
	bank := profile.Bank()
	answers, given, err := gatherAnswers(ctx, opts, bank)
	if err != nil {
		return err
	}
	kept, err := askOpenQuestions(opts, bank, answers, given)
	if err != nil {
		return err
	}
	// The report's source is the file that holds the answers scored: the one the questionnaire
	// kept them in when it asked or changed anything, else --answers.
	source := cmp.Or(kept, opts.AnswersPath)
	notSaved, err := saveAnswers(ctx, opts, bank, answers, kept)
	if err != nil {
		return err
	}
	if opts.SaveAnswers != "" && notSaved == nil {
		kept = opts.SaveAnswers
	}
	report, err := scoreAnswers(profile, answers, source, "assess")
	if err != nil {
		return err
	}
	topts := assessOutputOptions(opts, kept, profile)
	if err := writeOutput(ctx, opts.IO, opts.Output, func(w io.Writer) error {
		return render.Write(render.ReportFormats(), w, opts.Format, report, topts)
	}); err != nil {
		return err
	}
	reportWritten(opts.IO, opts.Output, "session.written.report")
	if notSaved != nil {
		return notSaved
	}
	if opts.FailUnderSet && report.Score < opts.FailUnder {
		return &belowThresholdError{Score: report.Score, Threshold: opts.FailUnder, Lang: opts.IO.Lang()}
	}
	return nil
}

// askOpenQuestions runs the questionnaire when a question is open or --review asks for it, and
// returns the file that holds the answers: the one it kept them in ("" when it could keep them
// nowhere), or --answers when it did not run. Where nothing can ask, an open question is an
// error that names it.
func askOpenQuestions(opts *AssessOptions, bank *questions.Bank, answers *questions.Answers, given []byte) (string, error) {
	open := bank.Open(answers)
	if len(open) == 0 && !opts.Review {
		return opts.AnswersPath, nil
	}
	if reason := promptBlocker(opts); reason != "" {
		l := bank.Words()
		if len(open) == 0 {
			return "", usageErrorIn(l, "errors.usage.review-needs-terminal", i18n.Args{"Reason": l.T(reason)})
		}
		return "", &missingAnswersError{Open: open, Reason: reason, Lang: bank.Lang()}
	}
	return runQuestionnaire(opts, bank, answers, given)
}

// saveAnswers writes --save-answers at the end. When it cannot be written (and the run was not
// interrupted), the report is still drawn: the failure comes back as notSaved, to be said after
// it with the file that holds the answers, or, when none does, a command that gives them again.
func saveAnswers(ctx context.Context, opts *AssessOptions, bank *questions.Bank, answers *questions.Answers, kept string) (notSaved, err error) {
	if opts.SaveAnswers == "" {
		return nil, nil
	}
	data, err := bank.EncodeAnswersFile(opts.SaveAnswers, answers)
	if err == nil {
		err = fileio.WriteFile(ctx, opts.SaveAnswers, streams(opts.IO), data)
	}
	if err != nil && kept != opts.SaveAnswers && ctx.Err() == nil {
		// The answers are in memory: the report is still drawn, then the failure is said,
		// with a command that gives every answer again when no file holds them; exit 1.
		e := &savedElsewhereError{Target: opts.SaveAnswers, Kept: kept, Err: err, Lang: bank.Lang()}
		if kept == "" {
			e.Width = opts.IO.TerminalWidth()
			e.Hint = pasteable(setArgs(answers, opts.SaveAnswers), e.Width)
		}
		return e, nil
	}
	return nil, err
}

// assessOutputOptions are outputOptions with assess's flags, and the file that holds the answers
// scored when it is a regular file a hint can name.
func assessOutputOptions(opts *AssessOptions, kept string, profile *assessment.Profile) render.Options {
	topts := outputOptions(opts.IO, opts.Output, profile)
	topts.Plain = topts.Plain || opts.Plain
	topts.AllGaps = opts.AllGaps
	if kept != "" && kept != fileio.StdStream {
		if info, err := os.Stat(kept); err == nil && info.Mode().IsRegular() {
			topts.AnswersKept = kept
		}
	}
	topts.InFull = inFullArgs(opts, topts.AnswersKept)
	topts.Credentials = append([]string{"credentials"}, credentialsFlags(opts)...)
	if opts.Lang != "" {
		topts.Outlook = []string{"outlook", "--lang", opts.Lang}
	}
	return topts
}

// gatherAnswers reads --answers, lays every --set over it and checks the result as a whole, so
// that a --set answer that contradicts the file is refused like a contradiction within it. It
// returns the answers and what the --answers file held.
func gatherAnswers(ctx context.Context, opts *AssessOptions, bank *questions.Bank) (answers *questions.Answers, given []byte, err error) {
	answers = questions.NewAnswers()
	if opts.AnswersPath != "" {
		if given, err = readInput(ctx, opts.IO, opts.AnswersPath); err != nil {
			return nil, nil, err
		}
		if answers, err = bank.DecodeAnswers(opts.AnswersPath, given); err != nil {
			return nil, nil, err
		}
	}
	var problems []inputerr.Problem
	for _, s := range opts.Sets {
		// ID= with nothing after it unsets a one-of or rating answer (a multi-choice one it
		// sets to the empty list, as the contract has it).
		if id, value, ok := strings.Cut(s, "="); ok && strings.TrimSpace(value) == "" {
			if q, known := bank.Question(strings.TrimSpace(id)); known && q.Kind != questions.AnyOf {
				answers.Delete(q.ID)
				continue
			}
		}
		id, ans, err := bank.ParseSet(s)
		var invalid *inputerr.InvalidError
		if errors.As(err, &invalid) {
			problems = append(problems, invalid.Problems...)
			continue
		}
		answers.Set(id, ans)
	}
	if len(problems) > 0 {
		return nil, nil, &inputerr.InvalidError{Problems: problems}
	}
	if err := bank.CheckConsistency(answers); err != nil {
		if len(opts.Sets) > 0 {
			return nil, nil, fmt.Errorf("%w\n%s", err, bank.Words().T("errors.set.removes"))
		}
		return nil, nil, err
	}
	return answers, given, nil
}

// promptBlocker says why the open questions cannot be asked (the id of its message), or "" when
// they can.
func promptBlocker(opts *AssessOptions) string {
	switch {
	case opts.NoInput:
		return "errors.missing.reason.no-input"
	case opts.AnswersPath == "-":
		return "errors.missing.reason.stdin"
	case !opts.IO.CanPrompt():
		return "errors.missing.reason.no-terminal"
	}
	return ""
}

// assessOutputs are the files assess writes. The report's standard output is named "-" so that
// --save-answers - with no --output (both on standard output) is refused as one file.
func assessOutputs(opts *AssessOptions) []fileio.Path {
	return []fileio.Path{{Flag: "--output", Name: cmp.Or(opts.Output, fileio.StdStream)}, {Flag: "--save-answers", Name: opts.SaveAnswers}}
}

// outputOptions fit the output to where it goes: the terminal's width when it goes to the
// terminal (standard output a terminal, no --output), else COLUMNS, else 80; colour only on a
// terminal; no box drawing on a dumb one. The HTML page names the document the requirements of
// profile rest on (none for nil).
func outputOptions(ios *iostreams.IOStreams, outputPath string, profile *assessment.Profile) render.Options {
	toStdout := outputPath == "" || outputPath == fileio.StdStream
	opts := render.Options{Width: ios.TerminalWidth(), Plain: ios.IsDumbTerminal(), Command: commandName(),
		Lang: ios.Lang(), Page: page.Options{Date: runDate(), Lang: ios.Lang(), Requirements: requirementsSource(profile)}}
	if !toStdout {
		opts.Width = ios.FileWidth()
	}
	if toStdout && ios.IsStdoutTTY() {
		opts.Color = ios.ColorEnabled()
	}
	return opts
}

// reportWritten tells the person at a terminal where the report went when it went to a file:
// with standard output on the screen, a silent run looks like one that did nothing. id is the
// message that says it (session.written.*).
func reportWritten(ios *iostreams.IOStreams, outputPath, id string) {
	if outputPath == "" || outputPath == fileio.StdStream || !ios.IsStderrTTY() {
		return
	}
	fmt.Fprintln(ios.ErrOut, i18n.For(ios.Lang()).T(id, i18n.Args{"File": textsafe.Escape(outputPath)}))
}

func noArgs(c *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usageErrorIn(words(c), "errors.usage.no-arguments", i18n.Args{"Command": c.CommandPath(), "Args": fmt.Sprintf("%q", args)})
	}
	return nil
}
