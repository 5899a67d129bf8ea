package cmd

import (
	"cmp"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/inputerr"
	"github.com/hitready/hitready/internal/textsafe"
)

// Messages for the mistakes people make most, each with the fix in it.

// flagError rewrites pflag's errors for a person, in the language of the run: an unknown flag
// names the nearest one, and a flag value that is not a number says so without strconv's wording.
// pflag's own English wording is kept, word for word, for scripts that may already match it.
func flagError(c *cobra.Command, err error) error {
	l := words(c)
	var unknown *pflag.NotExistError
	if errors.As(err, &unknown) {
		return unknownFlag(l, c, unknown)
	}
	var needs *pflag.ValueRequiredError
	if errors.As(err, &needs) {
		if group := needs.GetSpecifiedShortnames(); group != "" {
			return usageErrorIn(l, "errors.flag.shorthand-needs-argument", i18n.Args{"Char": strconv.QuoteRune(rune(needs.GetSpecifiedName()[0])), "Group": group})
		}
		return usageErrorIn(l, "errors.flag.needs-argument", i18n.Args{"Name": needs.GetSpecifiedName()})
	}
	var syntax *pflag.InvalidSyntaxError
	if errors.As(err, &syntax) {
		return usageErrorIn(l, "errors.flag.bad-syntax", i18n.Args{"Flag": syntax.GetSpecifiedFlag()})
	}
	// A value a flag refused: "invalid --jobs "x": not a number; allowed: …", in the words of
	// the flag's own type where it has some (scoreValue), never strconv's.
	var invalid *pflag.InvalidValueError
	if errors.As(err, &invalid) {
		reason := l.T("errors.flag.reason.not-a-number")
		var num *strconv.NumError
		cause := invalid.Unwrap()
		switch {
		case cause != nil && !errors.As(cause, &num):
			reason = cause.Error()
		case invalid.GetFlag().Value.Type() == "bool":
			reason = l.T("errors.flag.reason.not-a-boolean")
		case num != nil && errors.Is(num.Err, strconv.ErrRange):
			// A number, but more digits than any count hitready takes: "not a number"
			// would send the person looking for a typo.
			id := "errors.flag.reason.too-large"
			if strings.HasPrefix(invalid.GetValue(), "-") {
				id = "errors.flag.reason.too-small"
			}
			reason = l.T(id, i18n.Args{"Allowed": cmp.Or(countBounds(l, invalid.GetFlag().Name), l.T("errors.flag.whole-number"))})
		}
		return usageErrorIn(l, "errors.flag.invalid", i18n.Args{"Flag": invalid.GetFlag().Name, "Value": strconv.Quote(invalid.GetValue()), "Reason": reason})
	}
	return &usageError{Err: err}
}

// unknownFlag is an unknown flag, with the nearest one the command has.
func unknownFlag(l *i18n.Localizer, c *cobra.Command, unknown *pflag.NotExistError) error {
	name := unknown.GetSpecifiedName()
	if group := unknown.GetSpecifiedShortnames(); group != "" && name != "" {
		return usageErrorIn(l, "errors.flag.unknown-shorthand", i18n.Args{"Char": strconv.QuoteRune(rune(name[0])), "Group": group})
	}
	if name == "" || !strings.Contains(unknown.Error(), "--"+name) {
		return &usageError{Err: unknown}
	}
	var names []string
	c.Flags().VisitAll(func(f *pflag.Flag) { names = append(names, f.Name) })
	c.InheritedFlags().VisitAll(func(f *pflag.Flag) { names = append(names, f.Name) })
	msg := l.T("errors.flag.unknown", i18n.Args{"Name": name})
	if near := inputerr.Suggest(name, names); near != "" {
		msg += l.T("errors.flag.did-you-mean", i18n.Args{"Name": near})
	}
	return &usageError{Err: errors.New(msg)}
}

// countBounds is what a count flag allows, in the words its own check uses (score's RunE).
func countBounds(l *i18n.Localizer, flag string) string {
	switch flag {
	case "jobs":
		return l.T("errors.flag.bounds.jobs", i18n.Args{"Max": maxJobs})
	case "max-files":
		return l.T("errors.flag.bounds.count", i18n.Args{"Max": math.MaxInt})
	case "max-total-mib":
		return l.T("errors.flag.bounds.count", i18n.Args{"Max": int64(math.MaxInt64 >> 20)})
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
			return usageErrorIn(words(c), "errors.usage.answers-as-argument", i18n.Args{"Command": c.CommandPath(),
				"Run": commandName() + " " + strings.TrimPrefix(c.CommandPath(), c.Root().Name()+" ") + " --answers " + textsafe.ShellQuote(args[0])})
		}
	}
	return noArgs(c, args)
}
