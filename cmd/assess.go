package cmd

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/hitready/hitready/assessment"
	"github.com/hitready/hitready/internal/iostreams"
	"github.com/hitready/hitready/internal/prompter"
	"github.com/hitready/hitready/internal/prose"
	"github.com/hitready/hitready/internal/render"
	"github.com/hitready/hitready/questions"
	"github.com/spf13/cobra"
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

	// Prompter asks the open questions; nil means the one the terminal calls for (survey, or
	// plain with --plain or TERM=dumb). Tests put a fake here.
	Prompter prompter.Prompter
}

// NewCmdAssess builds `hitready assess`. runF replaces the run function in tests of flag handling.
func NewCmdAssess(ios *iostreams.IOStreams, runF func(*AssessOptions) error) *cobra.Command {
	opts := &AssessOptions{IO: ios}
	c := &cobra.Command{
		Use:   "assess",
		Short: "Assess your readiness and show the gaps",
		Long: `Asks every question that the answers given so far leave open, scores the answers
against the requirement profile and prints the report: verdict, score, a score per area
and the table of gaps with next steps.

Answers can come from a file (--answers) and from --set; questions they answer are not
asked. The questions are drawn on standard error, so the report can be redirected while
you answer. Every answer is kept as you go, in --save-answers FILE or else in
hitready-answers.yaml in the current folder: stop with Ctrl-C and continue later with
--answers.

Without a terminal, or with --no-input, nothing is asked: missing answers are an
error (exit 2) that names every missing question.`,
		Example: `  hitready assess
  hitready assess --format json > me.json
  hitready assess --answers hitready-answers.yaml
  hitready assess --answers me.yaml --review
  hitready assess --answers examples/ready.yaml
  hitready assess --answers me.yaml --set skills.computer=4 --format json
  cat me.yaml | hitready assess --answers - --no-input --fail-under 85`,
		Args: assessArgs,
		RunE: func(c *cobra.Command, args []string) error {
			if err := checkFormat(&opts.Format, render.ReportFormats()); err != nil {
				return err
			}
			opts.FailUnderSet = c.Flags().Changed("fail-under")
			if runF != nil {
				return runF(opts)
			}
			return assessRun(opts)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.AnswersPath, "answers", "", "answers file (YAML or JSON) to start from; - for standard input")
	// StringArray, not StringSlice: a multi-choice value is itself comma-separated.
	f.StringArrayVar(&opts.Sets, "set", nil, "one answer as ID=VALUE; repeatable; wins over --answers")
	f.BoolVar(&opts.NoInput, "no-input", false, "never prompt; missing answers are an error")
	addFormatFlag(c, &opts.Format, render.ReportFormats())
	f.StringVarP(&opts.Output, "output", "o", "", "write the report to this file (atomically, mode 0600) instead of standard output")
	f.StringVar(&opts.SaveAnswers, "save-answers", "", "write all answers given to this answers file (mode 0600)")
	f.Var(newScoreValue(&opts.FailUnder), "fail-under", "exit 3 when the score is below this (0-100)")
	f.BoolVar(&opts.Plain, "plain", false, "ask line by line with numbered choices and print the report as labelled lines, no boxes or bars (screen readers, basic terminals); implied by TERM=dumb")
	f.BoolVar(&opts.AllGaps, "all-gaps", false, "draw every gap in full; by default minor gaps are named in one line when bigger ones are shown")
	f.BoolVar(&opts.Review, "review", false, "list the answers and let you change any before the report (needs a terminal)")
	addProfileFlag(c, &opts.Profile)
	_ = c.RegisterFlagCompletionFunc("set", completeSet)
	_ = c.MarkFlagFilename("answers", "yaml", "yml", "json")
	return c
}

// completeSet completes --set: first a question id (followed by "="), then its allowed values;
// for a multi-choice question, the value after the last comma.
func completeSet(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	bank, err := questions.Load()
	if err != nil {
		return nil, cobra.ShellCompDirectiveError
	}
	id, value, hasValue := strings.Cut(toComplete, "=")
	if !hasValue {
		var ids []string
		for _, q := range bank.Questions {
			if strings.HasPrefix(q.ID, id) {
				ids = append(ids, q.ID+"=")
			}
		}
		return ids, cobra.ShellCompDirectiveNoSpace | cobra.ShellCompDirectiveNoFileComp
	}
	q, ok := bank.Question(id)
	if !ok {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	prefix := id + "="
	if q.Kind == questions.AnyOf {
		if i := strings.LastIndex(value, ","); i >= 0 {
			prefix += value[:i+1]
		}
	}
	var out []string
	if q.Kind == questions.Rating {
		for n := q.Scale.Min; n <= q.Scale.Max; n++ {
			out = append(out, fmt.Sprintf("%s%d", prefix, n))
		}
	} else {
		for _, v := range q.ValueNames() {
			out = append(out, prefix+v)
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveNoSpace
}

func assessRun(opts *AssessOptions) error {
	profile, err := loadProfile(opts.Profile)
	if err != nil {
		return err
	}
	bank := profile.Bank()
	answers, err := gatherAnswers(opts, bank)
	if err != nil {
		return err
	}
	kept := opts.AnswersPath
	if open := bank.Open(answers); len(open) > 0 || opts.Review {
		if reason := promptBlocker(opts); reason != "" {
			if len(open) == 0 {
				return usageErrorf("--review needs a terminal to ask on, but %s", reason)
			}
			return &MissingAnswersError{Open: open, Reason: reason}
		}
		if kept, err = runQuestionnaire(opts, bank, answers); err != nil {
			return err
		}
	}
	if opts.SaveAnswers != "" {
		data, err := bank.EncodeAnswers(answers)
		if err != nil {
			return err
		}
		if err := writeFileAtomic(opts.SaveAnswers, data); err != nil {
			return err
		}
	}
	report := assessment.Score(profile, answers)
	report.Source = opts.AnswersPath
	if opts.SaveAnswers != "" {
		kept = opts.SaveAnswers
	}
	topts := tableOptions(opts.IO, opts.Output)
	topts.Plain = topts.Plain || opts.Plain
	topts.AllGaps = opts.AllGaps
	if _, err := os.Stat(kept); kept != "-" && err == nil {
		topts.AnswersKept = kept
	}
	if err := writeReport(opts.IO, opts.Output, opts.Format, report, topts); err != nil {
		return err
	}
	if opts.FailUnderSet && report.Score < opts.FailUnder {
		return &BelowThresholdError{Score: report.Score, Threshold: opts.FailUnder}
	}
	return nil
}

// gatherAnswers reads --answers, lays every --set over it and checks the result as a whole, so
// that a --set answer that contradicts the file is refused like a contradiction within it.
func gatherAnswers(opts *AssessOptions, bank *questions.Bank) (*questions.Answers, error) {
	answers := questions.NewAnswers()
	if opts.AnswersPath != "" {
		fromFile, err := readAnswersFile(opts.IO, bank, opts.AnswersPath)
		if err != nil {
			return nil, err
		}
		answers = fromFile
	}
	var problems []questions.Problem
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
		var invalid *questions.InvalidError
		if errors.As(err, &invalid) {
			problems = append(problems, invalid.Problems...)
			continue
		}
		answers.Set(id, ans)
	}
	if len(problems) > 0 {
		return nil, &questions.InvalidError{Problems: problems}
	}
	if err := bank.CheckConsistency(answers); err != nil {
		if len(opts.Sets) > 0 {
			return nil, fmt.Errorf("%w\n(--set ID= with nothing after = removes an answer)", err)
		}
		return nil, err
	}
	return answers, nil
}

func readAnswersFile(ios *iostreams.IOStreams, bank *questions.Bank, path string) (*questions.Answers, error) {
	if path == "-" {
		return bank.ReadAnswers(path, ios.In)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, notFound("answers file", err, path)
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.IsDir() {
		return nil, usageErrorf("answers file: %s is a folder; assess reads one answers file (hitready score reads folders)", path)
	}
	return bank.ReadAnswers(path, f)
}

// promptBlocker says why the open questions cannot be asked, or "" when they can.
func promptBlocker(opts *AssessOptions) string {
	switch {
	case opts.NoInput:
		return "--no-input is set"
	case opts.AnswersPath == "-":
		return "standard input holds the answers file"
	case !opts.IO.CanPrompt():
		return "there is no terminal to ask them on (or HITREADY_NO_INPUT=1 is set)"
	}
	return ""
}

// MissingAnswersError lists the questions left open when they cannot be asked.
type MissingAnswersError struct {
	Open   []*questions.Question
	Reason string
}

func (e *MissingAnswersError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d %s unanswered and %s:\n", len(e.Open), prose.Plural(len(e.Open), "question is", "questions are"), e.Reason)
	for _, q := range e.Open {
		when := ""
		if q.AskedWhen != nil {
			when = " (asked when " + q.AskedWhen.String() + ")"
		}
		fmt.Fprintf(&b, "  %s: %s%s; answer %s\n", q.ID, q.Text, when, q.Allowed())
	}
	b.WriteString("Give them in the answers file or with --set ID=VALUE (for example --set skills.empathy=4); " + commandName() + " questions lists them all.")
	return b.String()
}

func (e *MissingAnswersError) Is(target error) bool { return target == questions.ErrInvalid }

// writeReport writes one report in its format to standard output or --output.
func writeReport(ios *iostreams.IOStreams, path, format string, report assessment.Report, opts render.TableOptions) error {
	return writeOutput(ios, path, func(w io.Writer) error {
		return render.Report(w, format, report, opts)
	})
}

// tableOptions fit the output to where it goes: the terminal's width (in a pipe or a file,
// COLUMNS, else 80); colour only on a terminal; no box drawing on a dumb one.
func tableOptions(ios *iostreams.IOStreams, outputPath string) render.TableOptions {
	opts := render.TableOptions{Width: ios.TerminalWidth(), Plain: ios.IsDumbTerminal()}
	if outputPath == "" && ios.IsStdoutTTY() {
		opts.Color = ios.ColorEnabled()
	}
	return opts
}

func noArgs(c *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usageErrorf("%s takes no arguments; got %q", c.CommandPath(), args)
	}
	return nil
}
