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
	c := newFormatCmd(ios, "credentials", &opts.Format, render.CredentialFormats(), func(c *cobra.Command, _ []string) error {
		opts.ctx = c.Context()
		return runOr(opts, runF, credentialsRun)
	})
	c.Example = `  hitready credentials
  hitready credentials --format yaml > my-credentials.yaml
  hitready credentials --profile my-program.yaml`
	addProfileFlag(c, i18n.For(ios.Lang()), &opts.Profile)
	return c
}

func credentialsRun(opts *CredentialsOptions) error {
	ctx := orBackground(opts.ctx)
	profile, err := loadProfile(ctx, opts.IO, opts.Profile, nil)
	if err != nil {
		return err
	}
	return writeOutput(ctx, opts.IO, "", func(w io.Writer) error {
		return render.Write(render.CredentialFormats(), w, opts.Format, profile.Credentials(), outputOptions(opts.IO, "", nil))
	})
}
