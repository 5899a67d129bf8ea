package cmd

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/hitready/hitready/assessment"
	"github.com/hitready/hitready/questions"
	"github.com/spf13/cobra"
)

// loadProfile loads the question bank and the requirement profile in path, or the embedded one
// for "". The profile carries the bank it was checked against (Profile.Bank).
func loadProfile(path string) (*assessment.Profile, error) {
	bank, err := questions.Load()
	if err != nil {
		return nil, err
	}
	if path == "" {
		return assessment.DefaultProfile(bank)
	}
	data, err := readProfileFile(path, "profile")
	if err != nil {
		return nil, err
	}
	p, err := assessment.ParseProfile(path, data, bank)
	if err != nil {
		return nil, err
	}
	return p, useProfileFiles(p, path)
}

// useProfileFiles reads the credentials and steps files a profile names (`credentials: FILE`,
// `steps: FILE`, relative to the profile's folder), checked as strictly as the profile.
func useProfileFiles(p *assessment.Profile, profilePath string) error {
	var cs *assessment.Credentials
	if p.CredentialsFile != "" {
		path := filepath.Join(filepath.Dir(profilePath), p.CredentialsFile)
		data, err := readProfileFile(path, "credentials file")
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
		data, err := readProfileFile(path, "steps file")
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

// readProfileFile reads a profile or a file it names, with the size limit of every input.
func readProfileFile(path, what string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &UsageError{Err: fmt.Errorf("%s: %w", what, err)}
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, questions.MaxFileSize+1))
	if err != nil {
		return nil, &UsageError{Err: fmt.Errorf("%s: %s: %w", what, path, err)}
	}
	if len(data) > questions.MaxFileSize {
		return nil, &questions.InvalidError{Problems: []questions.Problem{{Origin: questions.Origin{Path: path},
			Message: fmt.Sprintf("is larger than %d KiB, the most a %s may be", questions.MaxFileSize>>10, what)}}}
	}
	return data, nil
}

// addProfileFlag adds --profile to a command.
func addProfileFlag(c *cobra.Command, path *string) {
	c.Flags().StringVar(path, "profile", "", "requirement profile (YAML) to use instead of the embedded one; see hitready requirements --format yaml")
	_ = c.MarkFlagFilename("profile", "yaml", "yml")
}
