package cmd

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/hitready/hitready/internal/inputerr"
	"github.com/hitready/hitready/internal/textsafe"
)

// Messages for the mistakes people make most, each with the fix in it.

// flagError rewrites pflag's errors for a person: an unknown flag names the nearest one, and a
// flag value that is not a number says so without strconv's wording.
func flagError(c *cobra.Command, err error) error {
	var unknown *pflag.NotExistError
	if errors.As(err, &unknown) {
		name := unknown.GetSpecifiedName()
		if name == "" {
			return &usageError{Err: err}
		}
		var names []string
		c.Flags().VisitAll(func(f *pflag.Flag) { names = append(names, f.Name) })
		c.InheritedFlags().VisitAll(func(f *pflag.Flag) { names = append(names, f.Name) })
		msg := err.Error() // pflag's own wording, which scripts may already match
		if !strings.Contains(msg, "--"+name) {
			return &usageError{Err: err}
		}
		if near := inputerr.Suggest(name, names); near != "" {
			msg += fmt.Sprintf(" (did you mean --%s?)", near)
		}
		return &usageError{Err: errors.New(msg)}
	}
	// A value a flag refused: "invalid --jobs "x": not a number; allowed: …", in the words of
	// the flag's own type where it has some (scoreValue), never strconv's.
	var invalid *pflag.InvalidValueError
	if errors.As(err, &invalid) {
		reason := "not a number; allowed: a whole number"
		var num *strconv.NumError
		cause := invalid.Unwrap()
		switch {
		case cause != nil && !errors.As(cause, &num):
			reason = cause.Error()
		case num != nil && errors.Is(num.Err, strconv.ErrRange):
			// A number, but more digits than any count hitready takes: "not a number"
			// would send the person looking for a typo.
			reason = "too large"
			if strings.HasPrefix(invalid.GetValue(), "-") {
				reason = "too small"
			}
			reason += "; allowed: " + cmp.Or(countBounds(invalid.GetFlag().Name), "a whole number")
		}
		return usageErrorf("invalid --%s %q: %s", invalid.GetFlag().Name, invalid.GetValue(), reason)
	}
	return &usageError{Err: err}
}

// countBounds is what a count flag allows, in the words its own check uses (score's RunE).
func countBounds(flag string) string {
	switch flag {
	case "jobs":
		return fmt.Sprintf("1 to %d, 0 for one per CPU", maxJobs)
	case "max-files":
		return fmt.Sprintf("1 to %d", math.MaxInt)
	case "max-total-mib":
		return fmt.Sprintf("1 to %d", int64(math.MaxInt64>>20))
	}
	return ""
}

// assessArgs refuses arguments to assess; one that looks like an answers file gets the flag it
// was meant for.
func assessArgs(c *cobra.Command, args []string) error {
	if len(args) == 1 {
		ext := strings.ToLower(filepath.Ext(args[0]))
		_, statErr := os.Stat(args[0])
		if ext == ".yaml" || ext == ".yml" || ext == ".json" || statErr == nil {
			return usageErrorf("%s takes its answers file with --answers: %s %s --answers %s",
				c.CommandPath(), commandName(), strings.TrimPrefix(c.CommandPath(), c.Root().Name()+" "), textsafe.ShellQuote(args[0]))
		}
	}
	return noArgs(c, args)
}
