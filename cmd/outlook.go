package cmd

import (
	"bytes"
	"strings"

	"github.com/hitready/hitready/assessment"
	"github.com/hitready/hitready/iostreams"
	"github.com/hitready/hitready/questions"
	"github.com/hitready/hitready/render"
	"github.com/spf13/cobra"
)

// outlookFormats: a list of dated figures has no rows for a spreadsheet worth a CSV.
var outlookFormats = []string{"table", "json", "yaml", "markdown"}

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
		Args: noArgs,
		RunE: func(c *cobra.Command, args []string) error {
			if err := render.CheckFormat(opts.Format, outlookFormats); err != nil {
				return &UsageError{Err: err}
			}
			if runF != nil {
				return runF(opts)
			}
			return outlookRun(opts)
		},
	}
	c.Flags().StringVarP(&opts.Format, "format", "f", "table", "output format: "+strings.Join(outlookFormats, ", "))
	_ = c.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(outlookFormats, cobra.ShellCompDirectiveNoFileComp))
	return c
}

func outlookRun(opts *OutlookOptions) error {
	bank, err := questions.Load()
	if err != nil {
		return err
	}
	outlook, err := assessment.LoadOutlook(bank)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := render.Outlook(&buf, opts.Format, outlook); err != nil {
		return err
	}
	_, err = opts.IO.Out.Write(buf.Bytes())
	return err
}
