package cmd

import (
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/hitready/hitready/internal/i18n"
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
