package cmd

import (
	"context"
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
	c := newFormatCmd(ios, "outlook", &opts.Format, render.OutlookFormats(), func(*cobra.Command, []string) error {
		return runOr(opts, runF, outlookRun)
	})
	c.Example = `  hitready outlook
  hitready outlook --format markdown > outlook.md`
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
		return render.Write(render.OutlookFormats(), w, opts.Format, outlook, outputOptions(opts.IO, "", nil))
	})
}
