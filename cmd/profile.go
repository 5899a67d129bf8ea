package cmd

import (
	"fmt"
	"io"
	"os"

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
	f, err := os.Open(path)
	if err != nil {
		return nil, &UsageError{Err: fmt.Errorf("profile: %w", err)}
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, questions.MaxFileSize+1))
	if err != nil {
		return nil, &UsageError{Err: fmt.Errorf("profile: %s: %w", path, err)}
	}
	if len(data) > questions.MaxFileSize {
		return nil, &questions.InvalidError{Problems: []questions.Problem{{Origin: questions.Origin{Path: path},
			Message: fmt.Sprintf("is larger than %d KiB, the most a profile may be", questions.MaxFileSize>>10)}}}
	}
	return assessment.ParseProfile(path, data, bank)
}

// addProfileFlag adds --profile to a command.
func addProfileFlag(c *cobra.Command, path *string) {
	c.Flags().StringVar(path, "profile", "", "requirement profile (YAML) to use instead of the embedded one; see hitready requirements --format yaml")
	_ = c.MarkFlagFilename("profile", "yaml", "yml")
}
