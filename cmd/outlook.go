package cmd

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/hitready/hitready/assessment"
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
	c := &cobra.Command{
		Use:   "outlook",
		Short: "Job outlook and work settings, each figure with its source and date",
		Long: `Shows the job outlook and the work settings from the sources hitready rests on: the
career-guide article's 2012 figures and the newer official BLS figures, each with its
source and date, side by side (neither replaces the other), and the settings where
technicians work with the BLS employment by industry.`,
		Example: `  hitready outlook
  hitready outlook --format markdown > outlook.md`,
		Args: noArgs,
		RunE: func(c *cobra.Command, args []string) error {
			if err := checkFormat(&opts.Format, render.OutlookFormats()); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return outlookRun(opts)
		},
	}
	addFormatFlag(c, &opts.Format, render.OutlookFormats())
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
	return writeOutput(opts.IO, "", func(w io.Writer) error {
		return render.Outlook(w, opts.Format, outlook, outputOptions(opts.IO, ""))
	})
}
