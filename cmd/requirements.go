package cmd

import (
	"context"
	"io"

	"github.com/spf13/cobra"

	"github.com/hitready/hitready/internal/i18n"
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
	c := newFormatCmd(ios, "requirements", &opts.Format, render.RequirementFormats(), func(c *cobra.Command, _ []string) error {
		opts.ctx = c.Context()
		return runOr(opts, runF, requirementsRun)
	})
	c.Example = `  hitready requirements
  hitready requirements --format yaml > my-program.yaml
  hitready requirements --profile my-program.yaml
  hitready assess --profile my-program.yaml --answers me.yaml`
	addProfileFlag(c, i18n.For(ios.Lang()), &opts.Profile)
	return c
}

func requirementsRun(opts *RequirementsOptions) error {
	ctx := orBackground(opts.ctx)
	profile, err := loadProfile(ctx, opts.IO, opts.Profile, nil)
	if err != nil {
		return err
	}
	return writeOutput(ctx, opts.IO, "", func(w io.Writer) error {
		return render.Write(render.RequirementFormats(), w, opts.Format, profile, outputOptions(opts.IO, "", nil))
	})
}
