package cmd

import (
	"context"
	"io"

	"github.com/spf13/cobra"

	"github.com/hitready/hitready/assessment"
	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/iostreams"
	"github.com/hitready/hitready/internal/render"
	"github.com/hitready/hitready/questions"
)

// OutlookOptions is everything `hitready outlook` needs, gathered from flags.
type OutlookOptions struct {
	IO     *iostreams.IOStreams
	Format string
}

// NewCmdOutlook builds `hitready outlook`.
func NewCmdOutlook(ios *iostreams.IOStreams, runF func(*OutlookOptions) error) *cobra.Command {
	opts := &OutlookOptions{IO: ios}
	l := i18n.For(ios.Lang())
	c := &cobra.Command{
		Use:   "outlook",
		Short: l.T("help.outlook.short"),
		Long:  l.T("help.outlook.long"),
		Example: `  hitready outlook
  hitready outlook --format markdown > outlook.md`,
		Args: noArgs,
		RunE: func(c *cobra.Command, args []string) error {
			if err := checkFormat(l, &opts.Format, render.OutlookFormats()); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return outlookRun(opts)
		},
	}
	addFormatFlag(c, l, &opts.Format, render.OutlookFormats())
	return c
}

func outlookRun(opts *OutlookOptions) error {
	bank, err := questions.LoadIn(opts.IO.Lang())
	if err != nil {
		return err
	}
	outlook, err := assessment.LoadOutlook(bank)
	if err != nil {
		return err
	}
	return writeOutput(context.Background(), opts.IO, "", func(w io.Writer) error {
		return render.Outlook(w, opts.Format, outlook, outputOptions(opts.IO, ""))
	})
}
