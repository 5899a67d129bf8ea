package cmd

import (
	"context"
	"io"

	"github.com/spf13/cobra"

	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/iostreams"
	"github.com/hitready/hitready/internal/render"
	"github.com/hitready/hitready/questions"
)

// QuestionsOptions is everything `hitready questions` needs, gathered from flags.
type QuestionsOptions struct {
	IO       *iostreams.IOStreams
	Format   string
	Template bool
}

// NewCmdQuestions builds `hitready questions`.
func NewCmdQuestions(ios *iostreams.IOStreams, runF func(*QuestionsOptions) error) *cobra.Command {
	opts := &QuestionsOptions{IO: ios}
	l := i18n.For(ios.Lang())
	c := newFormatCmd(ios, "questions", &opts.Format, render.QuestionFormats(), func(c *cobra.Command, _ []string) error {
		if opts.Template && c.Flags().Changed("format") {
			return usageErrorIn(l, "errors.usage.template-format", nil)
		}
		return runOr(opts, runF, questionsRun)
	})
	c.Example = `  hitready questions
  hitready questions --template > me.yaml
  hitready questions --format markdown > form.md
  hitready questions --format json-schema > hitready-answers.schema.json`
	c.Flags().BoolVar(&opts.Template, "template", false, l.T("help.questions.flag.template"))
	return c
}

func questionsRun(opts *QuestionsOptions) error {
	bank, err := questions.LoadIn(opts.IO.Lang())
	if err != nil {
		return err
	}
	return writeOutput(context.Background(), opts.IO, "", func(w io.Writer) error {
		if opts.Template {
			return questions.Template(w, bank, outputOptions(opts.IO, "", nil).Width)
		}
		return render.Write(render.QuestionFormats(), w, opts.Format, bank, outputOptions(opts.IO, "", nil))
	})
}
