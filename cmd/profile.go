package cmd

import (
	"context"
	"strings"

	"github.com/hitready/hitready/assessment"
	"github.com/hitready/hitready/internal/iostreams"
	"github.com/hitready/hitready/internal/render"
	"github.com/hitready/hitready/questions"
	"github.com/spf13/cobra"
)

// loadProfile loads the question bank and the requirement profile in path, or the embedded one
// for "". The profile carries the bank it was checked against (Profile.Bank). It is read like
// every input, through readInput: never hanging on a FIFO, with the one size limit.
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
	return assessment.ParseProfile(path, data, bank)
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

// addFormatFlag adds --format, with its allowed values in the help and in shell completion.
func addFormatFlag(c *cobra.Command, format *string, allowed []string) {
	c.Flags().StringVarP(format, "format", "f", "table", "output format: "+strings.Join(allowed, ", "))
	_ = c.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(allowed, cobra.ShellCompDirectiveNoFileComp))
}

// checkFormat refuses a format outside allowed as a usage error.
func checkFormat(format string, allowed []string) error {
	if err := render.CheckFormat(format, allowed); err != nil {
		return &UsageError{Err: err}
	}
	return nil
}
