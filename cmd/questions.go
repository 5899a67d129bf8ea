package cmd

import (
	"bytes"
	"strings"

	"github.com/hitready/hitready/iostreams"
	"github.com/hitready/hitready/questions"
	"github.com/hitready/hitready/render"
	"github.com/spf13/cobra"
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
	c := &cobra.Command{
		Use:   "questions",
		Short: "The question bank: ids, texts, kinds, allowed values",
		Long: `Lists every question hitready asks, with its id (as answers files and --set name it),
its kind, its allowed values and when it is asked.

--format markdown prints a paper form to hand out; --format json-schema a JSON Schema of
the answers file, for editors; --template a commented answers file to fill in.`,
		Example: `  hitready questions
  hitready questions --template > me.yaml
  hitready questions --format markdown > form.md
  hitready questions --format json-schema > hitready-answers.schema.json`,
		Args: noArgs,
		RunE: func(c *cobra.Command, args []string) error {
			if err := render.CheckFormat(opts.Format, render.QuestionFormats); err != nil {
				return &UsageError{Err: err}
			}
			if opts.Template && c.Flags().Changed("format") {
				return usageErrorf("--template prints a YAML answers file; it takes no --format")
			}
			if runF != nil {
				return runF(opts)
			}
			return questionsRun(opts)
		},
	}
	f := c.Flags()
	f.StringVarP(&opts.Format, "format", "f", "table", "output format: "+strings.Join(render.QuestionFormats, ", "))
	f.BoolVar(&opts.Template, "template", false, "print a commented answers file to fill in")
	_ = c.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(render.QuestionFormats, cobra.ShellCompDirectiveNoFileComp))
	return c
}

func questionsRun(opts *QuestionsOptions) error {
	bank, err := questions.Load()
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if opts.Template {
		err = render.Template(&buf, bank)
	} else {
		err = render.Questions(&buf, opts.Format, bank)
	}
	if err != nil {
		return err
	}
	_, err = opts.IO.Out.Write(buf.Bytes())
	return err
}
