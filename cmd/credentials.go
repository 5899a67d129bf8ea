package cmd

import (
	"context"
	"io"

	"github.com/spf13/cobra"

	"github.com/hitready/hitready/internal/iostreams"
	"github.com/hitready/hitready/internal/render"
)

// CredentialsOptions is everything `hitready credentials` needs, gathered from flags.
type CredentialsOptions struct {
	IO      *iostreams.IOStreams
	Format  string
	Profile string

	ctx context.Context // the command's: cancelled by Ctrl-C
}

// NewCmdCredentials builds `hitready credentials`.
func NewCmdCredentials(ios *iostreams.IOStreams, runF func(*CredentialsOptions) error) *cobra.Command {
	opts := &CredentialsOptions{IO: ios}
	c := &cobra.Command{
		Use:   "credentials",
		Short: "The AHIMA credentials, who may sit each exam, and the source of every rule",
		Long: `Lists each credential (CCA, RHIT, RHIA, CCS): the requirements a pass meets, what the
sources say of the exam, and every eligibility rule as a condition on answers, with its
source and grade. Grade P is the certifying body's own page: such a rule decides. Grade S is
another site quoting it: shown "as reported", never deciding on its own.

assess and score use these rules for each report's credentials and plan. A profile may name
its own file with "credentials: FILE" (relative to the profile); --format yaml prints one to
start from, and --profile checks and shows it.`,
		Example: `  hitready credentials
  hitready credentials --format yaml > my-credentials.yaml
  hitready credentials --profile my-program.yaml`,
		Args: noArgs,
		RunE: func(c *cobra.Command, args []string) error {
			opts.ctx = c.Context()
			if err := checkFormat(&opts.Format, render.CredentialFormats()); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return credentialsRun(opts)
		},
	}
	addFormatFlag(c, &opts.Format, render.CredentialFormats())
	addProfileFlag(c, &opts.Profile)
	return c
}

func credentialsRun(opts *CredentialsOptions) error {
	profile, err := loadProfile(orBackground(opts.ctx), opts.IO, opts.Profile)
	if err != nil {
		return err
	}
	return writeOutput(opts.IO, "", func(w io.Writer) error {
		return render.Credentials(w, opts.Format, profile.Credentials(), outputOptions(opts.IO, ""))
	})
}
