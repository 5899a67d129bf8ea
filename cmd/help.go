package cmd

import (
	"cmp"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/iostreams"
	"github.com/hitready/hitready/internal/prose"
)

// cobra prints help as written: the Long texts were hard-wrapped at about 88 columns and pflag
// puts each flag's usage on one line, up to 181 columns, which the terminal then breaks inside
// words. hitready's help is cobra's default layout (cobra's defaultUsageFunc, v1.10), fitted to
// the width of standard output (else COLUMNS, else 80; iostreams decides): the texts rewrapped
// on words, the flags through pflag's FlagUsagesWrapped, an example too long for the line
// continued with a backslash so that it still pastes.

// installHelp makes the command tree print help and usage at the terminal's width. The width is
// read when help is printed, not when the tree is built.
func installHelp(root *cobra.Command, ios *iostreams.IOStreams) {
	root.SetHelpFunc(func(c *cobra.Command, _ []string) {
		// An error writing help to a closed pipe is not worth a message: cobra's own help func
		// ignores it too.
		_ = writeHelp(c.OutOrStdout(), c, ios.TerminalWidth(), i18n.For(ios.Lang()))
	})
	root.SetUsageFunc(func(c *cobra.Command) error {
		return writeUsage(c.OutOrStderr(), c, ios.TerminalWidth(), i18n.For(ios.Lang()))
	})
}

// minHelpWidth is the narrowest help is fitted to; a flag's name and type alone take 30 columns.
const minHelpWidth = 40

// writeHelp is cobra's help: the long description (or the short one), then the usage.
func writeHelp(w io.Writer, c *cobra.Command, width int, l *i18n.Localizer) error {
	width = max(width, minHelpWidth)
	if text := strings.TrimSpace(cmp.Or(c.Long, c.Short)); text != "" {
		if _, err := fmt.Fprintf(w, "%s\n\n", rewrap(text, width)); err != nil {
			return err
		}
	}
	if !c.Runnable() && !c.HasSubCommands() {
		return nil
	}
	return writeUsage(w, c, width, l)
}

// writeUsage is cobra's usage, fitted to width, in l's language.
func writeUsage(w io.Writer, c *cobra.Command, width int, l *i18n.Localizer) error {
	width = max(width, minHelpWidth)
	var b strings.Builder
	b.WriteString(l.T("help.usage"))
	if c.Runnable() {
		line := c.UseLine()
		if rest, ok := strings.CutSuffix(line, " [flags]"); ok {
			line = rest + " " + l.T("help.use-line.flags")
		}
		b.WriteString("\n" + example("  "+line, width))
	}
	if c.HasAvailableSubCommands() {
		fmt.Fprintf(&b, "\n  %s %s", c.CommandPath(), l.T("help.use-line.command"))
	}
	if len(c.Aliases) > 0 {
		fmt.Fprintf(&b, "\n\n%s\n  %s", l.T("help.aliases"), c.NameAndAliases())
	}
	if c.HasExample() {
		b.WriteString("\n\n" + l.T("help.examples"))
		for _, line := range strings.Split(strings.TrimRight(c.Example, "\n"), "\n") {
			b.WriteString("\n" + example(line, width))
		}
	}
	if c.HasAvailableSubCommands() {
		b.WriteString("\n\n" + l.T("help.commands"))
		for _, sub := range c.Commands() {
			if sub.IsAvailableCommand() || sub.Name() == "help" {
				name := fmt.Sprintf("  %-*s ", sub.NamePadding(), sub.Name())
				// Every line of the description has the room the name leaves (Wrap's indent would
				// count within it, leaving the lines after the first a name's width narrower).
				short := prose.Wrap(sub.Short, width-len(name), "")
				b.WriteString("\n" + name + strings.ReplaceAll(short, "\n", "\n"+strings.Repeat(" ", len(name))))
			}
		}
	}
	localizeCobraFlags(c, l)
	if c.HasAvailableLocalFlags() {
		b.WriteString("\n\n" + l.T("help.flags") + "\n" + flagUsages(c.LocalFlags(), width, l))
	}
	if c.HasAvailableInheritedFlags() {
		b.WriteString("\n\n" + l.T("help.global-flags") + "\n" + flagUsages(c.InheritedFlags(), width, l))
	}
	if c.HasAvailableSubCommands() {
		fmt.Fprintf(&b, "\n\n%s", prose.Wrap(l.T("help.more", i18n.Args{"Command": c.CommandPath()}), width, ""))
	}
	b.WriteString("\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// flagUsages is pflag's list of flags, wrapped to width, with each default in l's language: pflag
// appends "(default …)" itself, so the flags are listed from copies whose usage says the default
// and whose value pflag does not know, for which an empty default is no default.
func flagUsages(flags *pflag.FlagSet, width int, l *i18n.Localizer) string {
	list := pflag.NewFlagSet("", pflag.ContinueOnError)
	flags.VisitAll(func(f *pflag.Flag) {
		shown := *f
		shown.Value, shown.DefValue = foreignValue{Value: f.Value, typ: placeholder(f, l)}, ""
		switch f.DefValue {
		case "", "0", "false", "[]", "<nil>", "0s": // what pflag takes for no default
		default:
			def := f.DefValue
			if f.Value.Type() == "string" {
				def = strconv.Quote(def)
			}
			shown.Usage += " " + l.T("help.flag.default", i18n.Args{"Value": def})
		}
		list.AddFlag(&shown)
	})
	return strings.TrimRight(list.FlagUsagesWrapped(width), " \n")
}

// foreignValue hides a flag's value type from pflag, which otherwise decides from it whether a
// default is worth showing; the name pflag shows after the flag is typ.
type foreignValue struct {
	pflag.Value
	typ string
}

func (v foreignValue) Type() string { return v.typ }

// placeholders name what each flag takes, by the message of its placeholder. English help keeps
// pflag's type names (--answers string), as it always has; another language shows its own word
// (--answers ARCHIVO), where "string" would be English the reader has to guess at.
var placeholders = map[string]string{
	"answers": "help.placeholder.file", "output": "help.placeholder.file", "save-answers": "help.placeholder.file",
	"profile": "help.placeholder.file", "format": "help.placeholder.format", "set": "help.placeholder.set",
	"fail-under": "help.placeholder.number", "jobs": "help.placeholder.number",
	"max-files": "help.placeholder.number", "max-total-mib": "help.placeholder.number",
}

// placeholder is the name shown after flag f in the help in l's language. pflag lines the
// usages up by counting bytes, so a placeholder that is not ASCII (the pseudo-language's) would
// push them out of line: the type name stays then.
func placeholder(f *pflag.Flag, l *i18n.Localizer) string {
	if id, ok := placeholders[f.Name]; ok && l.Lang() != i18n.English {
		if name := l.T(id); !strings.ContainsFunc(name, func(r rune) bool { return r >= utf8.RuneSelf }) {
			return name
		}
	}
	return f.Value.Type()
}

// localizeCobraFlags puts the usages of the flags cobra adds by itself, --help on every command
// and --version on the root, in the help's language.
func localizeCobraFlags(c *cobra.Command, l *i18n.Localizer) {
	for name, id := range map[string]string{"help": "help.flag.help", "version": "help.flag.version"} {
		if f := c.Flags().Lookup(name); f != nil && f.Annotations[cobra.FlagSetByCobraAnnotation] != nil {
			f.Usage = l.T(id, i18n.Args{"Command": c.DisplayName()})
		}
	}
}

// rewrap fits a description written as paragraphs of hard-wrapped lines to width: the lines of
// a paragraph are joined and wrapped again on words. Paragraphs stay apart, and an indented line
// (a command to type, as in cobra's completion help) stays a line of its own, fitted as an
// example.
func rewrap(text string, width int) string {
	paras := strings.Split(text, "\n\n")
	for i, p := range paras {
		var out, words []string
		flush := func() {
			if len(words) > 0 {
				out = append(out, prose.Wrap(strings.Join(words, " "), width, ""))
				words = nil
			}
		}
		for _, line := range strings.Split(p, "\n") {
			if strings.HasPrefix(line, " ") || strings.HasPrefix(line, "\t") {
				flush()
				out = append(out, example(strings.ReplaceAll(line, "\t", "    "), width))
				continue
			}
			words = append(words, strings.Fields(line)...)
		}
		flush()
		paras[i] = strings.Join(out, "\n")
	}
	return strings.Join(paras, "\n\n")
}

// example fits one command line of an example to width: too long, it is broken on words and
// continued with " \" on the lines after, indented, so that pasted whole it still runs. A flag
// stays on one line with its value (held together by a no-break space while wrapping).
func example(line string, width int) string {
	trimmed := strings.TrimLeft(line, " ")
	indent := line[:len(line)-len(trimmed)]
	words := strings.Fields(trimmed)
	var units []string
	for i := 0; i < len(words); i++ {
		w := words[i]
		if strings.HasPrefix(w, "-") && i+1 < len(words) && (!strings.HasPrefix(words[i+1], "-") || words[i+1] == "-") &&
			!strings.ContainsAny(words[i+1][:1], "|<>&;") {
			w += "\u00a0" + words[i+1]
			i++
		}
		units = append(units, w)
	}
	wrapped := prose.Wrap(strings.Join(units, " "), width-len(indent)-2, "    ")
	lines := strings.Split(strings.ReplaceAll(wrapped, "\u00a0", " "), "\n")
	return indent + strings.Join(lines, " \\\n"+indent)
}
