package cmd

import (
	"context"
	"io"

	"github.com/spf13/cobra"

	"github.com/hitready/hitready/internal/i18n"
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
	l := i18n.For(ios.Lang())
	c := &cobra.Command{
		Use:   "credentials",
		Short: l.T("help.credentials.short"),
		Long:  l.T("help.credentials.long"),
		Example: `  hitready credentials
  hitready credentials --format yaml > my-credentials.yaml
  hitready credentials --profile my-program.yaml`,
		Args: noArgs,
		RunE: func(c *cobra.Command, args []string) error {
			opts.ctx = c.Context()
			if err := checkFormat(l, &opts.Format, render.CredentialFormats()); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return credentialsRun(opts)
		},
	}
	addFormatFlag(c, l, &opts.Format, render.CredentialFormats())
	addProfileFlag(c, l, &opts.Profile)
	return c
}

func credentialsRun(opts *CredentialsOptions) error {
	ctx := orBackground(opts.ctx)
	profile, err := loadProfile(ctx, opts.IO, opts.Profile, nil)
	if err != nil {
		return err
	}
	return writeOutput(ctx, opts.IO, "", func(w io.Writer) error {
		return render.Credentials(w, opts.Format, profile.Credentials(), outputOptions(opts.IO, ""))
	})
}
