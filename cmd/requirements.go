package cmd

import (
	"context"
	"io"

	"github.com/spf13/cobra"

	"github.com/hitready/hitready/internal/iostreams"
	"github.com/hitready/hitready/internal/render"
)

// RequirementsOptions is everything `hitready requirements` needs, gathered from flags.
type RequirementsOptions struct {
	IO      *iostreams.IOStreams
	Format  string
	Profile string

	ctx context.Context // the command's: cancelled by Ctrl-C while the profile is read
}

// NewCmdRequirements builds `hitready requirements`.
func NewCmdRequirements(ios *iostreams.IOStreams, runF func(*RequirementsOptions) error) *cobra.Command {
	opts := &RequirementsOptions{IO: ios}
	c := &cobra.Command{
		Use:   "requirements",
		Short: "The requirement profile in force, with the source of every requirement",
		Long: `Lists every requirement the score rests on: its area, its weight in the score, whether
it blocks readiness, its target and the sentence of the source it comes from, with the
thresholds of the verdict.

--format yaml prints the profile in exactly the form --profile reads: dump it, edit it
(weights, targets, advice, thresholds) and use it with assess, score or requirements.
With --profile, the file is checked and shown; a bad one is refused with exit 2.`,
		Example: `  hitready requirements
  hitready requirements --format yaml > my-program.yaml
  hitready requirements --profile my-program.yaml
  hitready assess --profile my-program.yaml --answers me.yaml`,
		Args: noArgs,
		RunE: func(c *cobra.Command, args []string) error {
			opts.ctx = c.Context()
			if err := checkFormat(&opts.Format, render.RequirementFormats()); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return requirementsRun(opts)
		},
	}
	addFormatFlag(c, &opts.Format, render.RequirementFormats())
	addProfileFlag(c, &opts.Profile)
	return c
}

func requirementsRun(opts *RequirementsOptions) error {
	profile, err := loadProfile(orBackground(opts.ctx), opts.IO, opts.Profile)
	if err != nil {
		return err
	}
	return writeOutput(opts.IO, "", func(w io.Writer) error {
		return render.Requirements(w, opts.Format, profile, outputOptions(opts.IO, ""))
	})
}
