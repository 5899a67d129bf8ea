package cmd

import (
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/iostreams"
)

// formatTable is what cmd needs of a kind of output's one table of formats (render.Formats):
// the names for the help and shell completion, and the check of --format.
type formatTable interface {
	Names() []string
	Canonical(name string) (string, error)
}

// addFormatFlag adds --format, with the table's formats in the help and in shell completion. The
// table's first format is the default.
func addFormatFlag(c *cobra.Command, l *i18n.Localizer, format *string, formats formatTable) {
	names := formats.Names()
	c.Flags().StringVarP(format, "format", "f", names[0], l.T("help.flag.format", i18n.Args{"Formats": strings.Join(names, ", ")}))
	_ = c.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(names, cobra.ShellCompDirectiveNoFileComp))
}

// checkFormat refuses a format the table does not have as a usage error, worded by l, and writes
// the format's own name back: --format CSV is csv, as people type it.
func checkFormat(l *i18n.Localizer, format *string, formats formatTable) error {
	name, err := formats.Canonical(*format)
	if err != nil {
		return usageErrorIn(l, "errors.flag.format", i18n.Args{"Value": strconv.Quote(*format), "Formats": strings.Join(formats.Names(), ", ")})
	}
	*format = name
	return nil
}

// newFormatCmd builds a command that writes in one of formats (--format, into format), its help
// texts the catalogue's help.NAME.short and help.NAME.long, NAME being use's first word. It takes
// no arguments unless the caller sets Args; run is called once the format is checked.
func newFormatCmd(ios *iostreams.IOStreams, use string, format *string, formats formatTable, run func(*cobra.Command, []string) error) *cobra.Command {
	l := i18n.For(ios.Lang())
	name, _, _ := strings.Cut(use, " ")
	c := &cobra.Command{
		Use:   use,
		Short: l.T("help." + name + ".short"),
		Long:  l.T("help." + name + ".long"),
		Args:  noArgs,
		RunE: func(c *cobra.Command, args []string) error {
			if err := checkFormat(l, format, formats); err != nil {
				return err
			}
			return run(c, args)
		},
	}
	addFormatFlag(c, l, format, formats)
	return c
}

// runOr runs a command whose flags are checked: runF, which tests of flag handling give, or else
// its run function.
func runOr[O any](opts *O, runF, run func(*O) error) error {
	if runF != nil {
		return runF(opts)
	}
	return run(opts)
}
