package cmd

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/hitready/hitready/assessment"
	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/iostreams"
	"github.com/hitready/hitready/internal/render"
	"github.com/hitready/hitready/questions"
)

// The commands that show what hitready works from (the questions, the requirements, the
// credentials, the outlook) are one kind of command: read a document, write it to standard
// output in a format of its table. Each says only what it reads and how it is drawn.

// showOptions is everything a command that shows a document needs, gathered from flags.
type showOptions struct {
	Format  string
	Profile string // --profile, for the commands that take one
}

// drawer writes a document that has been read, fitted to where it goes.
type drawer func(w io.Writer, o render.Options) error

// newShowCmd builds the command name, which writes in one of formats what load reads (with the
// command, for its context and flags) once --format is checked. A failure to read is said as it
// is; a failure to draw is a failure of rendering, and nothing is written.
func newShowCmd(ios *iostreams.IOStreams, name string, formats formatTable,
	load func(*cobra.Command, *showOptions) (drawer, error)) (*cobra.Command, *showOptions) {
	opts := &showOptions{}
	c := newFormatCmd(ios, name, &opts.Format, formats, func(c *cobra.Command, _ []string) error {
		draw, err := load(c, opts)
		if err != nil {
			return err
		}
		return writeOutput(c.Context(), ios, "", func(w io.Writer) error {
			return draw(w, outputOptions(ios, "", nil))
		})
	})
	return c, opts
}

// drawIn is the drawer of v in the format name of the table fs.
func drawIn[T any](fs render.Formats[render.Renderer[T]], name string, v T) drawer {
	return func(w io.Writer, o render.Options) error { return render.Write(fs, w, name, v, o) }
}

// fromProfile reads what a command shows from the profile in force (--profile): pick takes its
// part, which is drawn in a format of formats.
func fromProfile[T any](ios *iostreams.IOStreams, formats render.Formats[render.Renderer[T]],
	pick func(*assessment.Profile) T) func(*cobra.Command, *showOptions) (drawer, error) {
	return func(c *cobra.Command, o *showOptions) (drawer, error) {
		profile, err := loadProfile(c.Context(), ios, o.Profile, nil)
		if err != nil {
			return nil, err
		}
		return drawIn(formats, o.Format, pick(profile)), nil
	}
}

// NewCmdQuestions builds `hitready questions`.
func NewCmdQuestions(ios *iostreams.IOStreams) *cobra.Command {
	l := i18n.For(ios.Lang())
	var template bool
	load := func(c *cobra.Command, o *showOptions) (drawer, error) {
		if template && c.Flags().Changed("format") {
			return nil, usageErrorIn(l, "errors.usage.template-format", nil)
		}
		bank, err := questions.LoadIn(ios.Lang())
		switch {
		case err != nil:
			return nil, err
		case template:
			return func(w io.Writer, o render.Options) error { return questions.Template(w, bank, o.Width) }, nil
		}
		return drawIn(render.QuestionFormats(), o.Format, bank), nil
	}
	c, _ := newShowCmd(ios, "questions", render.QuestionFormats(), load)
	c.Example = `  hitready questions
  hitready questions --template > me.yaml
  hitready questions --format markdown > form.md
  hitready questions --format json-schema > hitready-answers.schema.json`
	c.Flags().BoolVar(&template, "template", false, l.T("help.questions.flag.template"))
	return c
}

// NewCmdRequirements builds `hitready requirements`.
func NewCmdRequirements(ios *iostreams.IOStreams) *cobra.Command {
	load := fromProfile(ios, render.RequirementFormats(), func(p *assessment.Profile) *assessment.Profile { return p })
	c, opts := newShowCmd(ios, "requirements", render.RequirementFormats(), load)
	c.Example = `  hitready requirements
  hitready requirements --format yaml > my-program.yaml
  hitready requirements --profile my-program.yaml
  hitready assess --profile my-program.yaml --answers me.yaml`
	addProfileFlag(c, i18n.For(ios.Lang()), &opts.Profile)
	return c
}

// NewCmdCredentials builds `hitready credentials`.
func NewCmdCredentials(ios *iostreams.IOStreams) *cobra.Command {
	load := fromProfile(ios, render.CredentialFormats(), (*assessment.Profile).Credentials)
	c, opts := newShowCmd(ios, "credentials", render.CredentialFormats(), load)
	c.Example = `  hitready credentials
  hitready credentials --format yaml > my-credentials.yaml
  hitready credentials --profile my-program.yaml`
	addProfileFlag(c, i18n.For(ios.Lang()), &opts.Profile)
	return c
}

// NewCmdOutlook builds `hitready outlook`.
func NewCmdOutlook(ios *iostreams.IOStreams) *cobra.Command {
	c, _ := newShowCmd(ios, "outlook", render.OutlookFormats(), func(_ *cobra.Command, o *showOptions) (drawer, error) {
		bank, err := questions.LoadIn(ios.Lang())
		if err != nil {
			return nil, err
		}
		outlook, err := assessment.LoadOutlook(bank)
		if err != nil {
			return nil, err
		}
		return drawIn(render.OutlookFormats(), o.Format, outlook), nil
	})
	c.Example = `  hitready outlook
  hitready outlook --format markdown > outlook.md`
	return c
}
