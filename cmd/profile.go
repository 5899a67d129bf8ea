package cmd

import (
	"context"
	"path/filepath"

	"github.com/hitready/hitready/assessment"
	"github.com/hitready/hitready/internal/iostreams"
	"github.com/hitready/hitready/questions"
	"github.com/spf13/cobra"
)

// loadProfile loads the question bank and the requirement profile in path, or the embedded one
// for "". The profile carries the bank it was checked against (Profile.Bank). It is read like
// every input, through readInput: never hanging on a FIFO, with the one size limit; so are the
// credentials and steps files it names.
func loadProfile(ctx context.Context, ios *iostreams.IOStreams, path string) (*assessment.Profile, error) {
	bank, err := questions.Load()
	if err != nil {
		return nil, err
	}
	if path == "" {
		return assessment.DefaultProfile(bank)
	}
	data, err := readInput(ctx, ios, path)
	if err != nil {
		return nil, err
	}
	p, err := assessment.ParseProfile(path, data, bank)
	if err != nil {
		return nil, err
	}
	return p, useProfileFiles(ctx, ios, p, path)
}

// useProfileFiles reads the credentials and steps files a profile names (`credentials: FILE`,
// `steps: FILE`, relative to the profile's folder), checked as strictly as the profile.
func useProfileFiles(ctx context.Context, ios *iostreams.IOStreams, p *assessment.Profile, profilePath string) error {
	var cs *assessment.Credentials
	if p.CredentialsFile != "" {
		path := filepath.Join(filepath.Dir(profilePath), p.CredentialsFile)
		data, err := readInput(ctx, ios, path)
		if err != nil {
			return err
		}
		if cs, err = assessment.ParseCredentials(path, data, p); err != nil {
			return err
		}
	}
	var steps *assessment.Steps
	if p.StepsFile != "" {
		path := filepath.Join(filepath.Dir(profilePath), p.StepsFile)
		data, err := readInput(ctx, ios, path)
		if err != nil {
			return err
		}
		credentials := cs
		if credentials == nil {
			credentials = p.Credentials()
		}
		if steps, err = assessment.ParseSteps(path, data, p, credentials); err != nil {
			return err
		}
	}
	p.UseCredentialsAndSteps(cs, steps)
	return nil
}

// orBackground is the command's context, or a background one for the tests that call a run
// function directly, without cobra.
func orBackground(ctx context.Context) context.Context {
	if ctx == nil {
		return context.Background()
	}
	return ctx
}

// addProfileFlag adds --profile to a command.
func addProfileFlag(c *cobra.Command, path *string) {
	c.Flags().StringVar(path, "profile", "", "requirement profile (YAML) to use instead of the embedded one; see hitready requirements --format yaml")
	_ = c.MarkFlagFilename("profile", "yaml", "yml")
}
