// Package cmd holds hitready's commands. Each command turns its flags into an options struct and
// hands it to a run function; the logic lives in questions, assessment and render.
package cmd

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"os/signal"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/hitready/hitready/internal/batch"
	"github.com/hitready/hitready/internal/fileio"
	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/iostreams"
	"github.com/hitready/hitready/internal/prompter"
)

// Execute runs hitready with the process's arguments and streams and returns the exit code.
//
// SIGINT (Ctrl-C), SIGTERM, SIGHUP (the terminal closed) and SIGQUIT (Ctrl-\) cancel the one
// context the command tree runs with, as cli/cli's ghcmd does, instead of killing the process:
// the commands stop reading and asking, every deferred clean-up runs (a temporary file is
// removed, an existing output left as it was) and the exit code says which signal stopped the
// run (128 + its number: 130, 143, 129, 131). A signal that arrives while the command runs
// decides the exit code whatever the command returned: a script must be able to tell that the
// run was cut short.
func Execute() int {
	if os.Getenv("GOGC") == "" {
		// A start decodes the embedded data: about 5 MB of YAML trees, garbage a moment later.
		// At Go's default the first collection comes in the middle of it and costs a quarter
		// of the start's CPU (assess: 22 ms -> 17 ms of task-clock); a heap may now grow to
		// three times what it holds rather than twice.
		debug.SetGCPercent(200)
	}
	ctx, stop := context.WithCancelCause(context.Background())
	defer stop(nil)
	var caught atomic.Value // the signal that stopped the run
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, slices.Collect(maps.Keys(stopCodes))...)
	ios := iostreams.System()
	langFromArgs(ios, os.Args[1:])
	lang := ios.Lang() // the run's: the grace below words its last line in it
	restore := saveTerminal(os.Stdin)
	giveBack := func() {
		restore()
		if term.IsTerminal(int(os.Stderr.Fd())) && speaksVT {
			fmt.Fprint(os.Stderr, "\x1b[?25h") // the cursor, which a prompt hides
		}
	}
	go func() {
		// The first signal asks the command to stop and clean up. Should it be stuck all the
		// same (a question waiting for a key, which survey cannot be told to stop waiting for;
		// a write to a pipe nobody reads; a Sync on a slow disk), a second signal ends the
		// process as it would any program, and after stopGrace hitready ends itself; either
		// way the temporary files go first (a Sync can outlast the grace: no rename follows)
		// and the terminal is given back in the mode it was found in.
		sig := <-signals
		caught.Store(sig)
		stop(stoppedBy{sig})
		time.AfterFunc(stopGrace, func() {
			fileio.RemoveTemporaryFiles()
			giveBack()
			sayStopped(lang, sig)
			os.Exit(stopCodes[sig])
		})
		second := <-signals
		fileio.RemoveTemporaryFiles()
		giveBack()
		sayStopped(lang, second)
		endBy(second, stopCodes[second])
	}()
	if speaksVT = virtualTerminal(); !speaksVT {
		ios.SetNoColor(true) // an old Windows console would print the escapes as text
	}
	var lost *closedOutput
	if stdoutClosed() {
		lost = &closedOutput{lang: ios.Lang}
		ios.Out = lost
	}
	code := runContext(ctx, ios, os.Args[1:])
	if sig, ok := caught.Load().(os.Signal); ok {
		return stopCodes[sig]
	}
	if lost != nil && lost.written && code == exitOK {
		// A command that wrote to standard output and did not check (cobra's help) would
		// otherwise end with 0, its output lost.
		fmt.Fprintln(os.Stderr, lost.err())
		return exitFailure
	}
	return code
}

// stoppedBy is the cause of the run's context when a signal stopped it, as signal.NotifyContext
// gives it: in its words ("interrupt signal received"), and a context.Canceled.
type stoppedBy struct{ sig os.Signal }

func (s stoppedBy) Error() string { return s.sig.String() + " signal received" }

func (stoppedBy) Is(target error) bool { return target == context.Canceled }

// speaksVT is false on a Windows console that cannot take escape sequences (before Windows 10):
// no colour, and no escape to show the cursor.
var speaksVT = true

// closedOutput stands for a standard output that was closed when hitready started (>&-). The Go
// runtime opens /dev/null in its place, so writes would succeed and the report be lost with exit
// 0; every write fails instead, and names the cause.
type closedOutput struct {
	written bool
	lang    func() i18n.Lang // the run's, known once --lang is read
}

func (c *closedOutput) Write(p []byte) (int, error) {
	c.written = true
	return 0, c.err()
}

func (c *closedOutput) err() error {
	return errors.New(i18n.For(c.lang()).T("errors.output.stdout-closed"))
}

// stopGrace is how long a command has to return after a signal before hitready ends itself.
const stopGrace = 2 * time.Second

// saveTerminal notes the mode of the terminal f is, if it is one, and returns what puts it back.
func saveTerminal(f *os.File) (restore func()) {
	fd := int(f.Fd())
	state, err := term.GetState(fd)
	if err != nil {
		return func() {}
	}
	return func() { _ = term.Restore(fd, state) }
}

// runContext is Run with a context whose cancellation stops the command (a signal, in Execute).
func runContext(ctx context.Context, ios *iostreams.IOStreams, args []string) int {
	langFromArgs(ios, args)
	return runRoot(ctx, ios, NewCmdRoot(ios), args)
}

// runRoot executes a command tree. It is where every error becomes an exit code, and where a
// panic (a bug) becomes "internal error" with exit 1 instead of a stack trace on the user's screen.
func runRoot(ctx context.Context, ios *iostreams.IOStreams, root *cobra.Command, args []string) (code int) {
	defer func() {
		if v := recover(); v != nil {
			code = internalError(ios, v, debug.Stack())
		}
	}()
	root.SetArgs(args)
	cmd, err := root.ExecuteContextC(ctx)
	if err == nil {
		return exitOK
	}
	var panicked *batch.PanicError
	if errors.As(err, &panicked) {
		return internalError(ios, panicked.Value, panicked.Stack)
	}
	printError(ios, cmd, err, args)
	return exitCode(err)
}

func internalError(ios *iostreams.IOStreams, v any, stack []byte) int {
	if ios.IsStderrTTY() && speaksVT {
		// A prompt hides the cursor while it draws; survey restores the terminal's mode on its
		// way out, and this brings the cursor back.
		fmt.Fprint(ios.ErrOut, "\x1b[?25h")
	}
	fmt.Fprintf(ios.ErrOut, "hitready: internal error: %v\nThis is a bug in hitready; please report it with the command you ran. HITREADY_DEBUG=1 shows where it happened.\n", v)
	if ios.Debug() {
		ios.ErrOut.Write(stack)
	}
	return exitFailure
}

func printError(ios *iostreams.IOStreams, cmd *cobra.Command, err error, args []string) {
	var write *fs.PathError
	if errors.As(err, &write) && write.Op == "write" && write.Path == os.Stdout.Name() {
		// A command that writes to standard output itself (version, cobra's completion) gets
		// the Go runtime's words; a failed write is told as fileio tells its own.
		err = fileio.StdoutFailed(write.Err, ios.Lang())
	}
	msg := safeMessage(err, args)
	if errors.Is(err, context.Canceled) && !errors.Is(err, prompter.ErrInterrupted) {
		// The cause is the signal's own words ("interrupt signal received"); the questionnaire's
		// interruption says more, and for itself.
		msg = stoppedBySignal(i18n.For(ios.Lang()), msg)
	}
	if !strings.HasSuffix(msg, "\n") {
		msg += "\n"
	}
	fmt.Fprint(ios.ErrOut, msg)
	if _, usage := err.(*usageError); usage && cmd != nil {
		// The command as the person started it, so that the hint runs when pasted.
		fmt.Fprintln(ios.ErrOut, i18n.For(ios.Lang()).T("help.run-help",
			i18n.Args{"Command": commandName() + strings.TrimPrefix(cmd.CommandPath(), cmd.Root().Name())}))
	}
}

// sayStopped is the last line of a run hitready ends itself, after a signal the command did not
// return from: on a line of its own, as the command may have been writing.
func sayStopped(lang i18n.Lang, sig os.Signal) {
	fmt.Fprintf(os.Stderr, "\n%s\n", stoppedBySignal(i18n.For(lang), stoppedBy{sig}.Error()))
}

// stoppedBySignal says that a signal stopped the run, cause being the signal's own words: the
// signals a person sends (Ctrl-C, kill) are named in the reader's language, any other as the
// system names it.
func stoppedBySignal(l *i18n.Localizer, cause string) string {
	switch cause {
	case os.Interrupt.String() + " signal received":
		return l.T("session.stopped.interrupt")
	case "terminated signal received":
		return l.T("session.stopped.terminated")
	case "hangup signal received":
		return l.T("session.stopped.hangup")
	case "quit signal received":
		return l.T("session.stopped.quit")
	}
	return l.T("session.stopped.signal", i18n.Args{"Cause": cause})
}

// NewCmdRoot builds the command tree, its texts in the language of ios.
func NewCmdRoot(ios *iostreams.IOStreams) *cobra.Command {
	l := i18n.For(ios.Lang())
	root := &cobra.Command{
		Use:   "hitready",
		Short: l.T("help.root.short"),
		Long:  l.T("help.root.long"),
		Example: `  hitready assess
  hitready assess --answers me.yaml --review
  hitready score answers/ --format csv > cohort.csv
  hitready compare spring.yaml autumn.yaml`,
		SilenceUsage:  true,
		SilenceErrors: true,
		// Without Args, cobra treats `hitready nonsense` as a request for help and exits 0;
		// a script deserves exit 2.
		Args: func(c *cobra.Command, args []string) error {
			if len(args) == 0 {
				return nil
			}
			if sub, _, err := c.Find(args[:1]); err == nil && sub != c {
				// Only "--" lets a command's own name reach here (`hitready -- assess`):
				// suggesting that very name would be no help.
				return usageErrorIn(l, "errors.usage.command-after-dashes", i18n.Args{"Name": strconv.Quote(args[0]), "Run": oneLine(args[:1])})
			}
			return usageErrorIn(l, "errors.usage.unknown-command", i18n.Args{"Name": strconv.Quote(args[0]),
				"Command": strconv.Quote(c.CommandPath()), "Suggestion": commandSuggestion(l, c.Root(), args[0])})
		},
		RunE: func(c *cobra.Command, args []string) error { return c.Help() },
	}
	root.SuggestionsMinimumDistance = 2
	build := readBuildInfo()
	root.Version = build.Version
	root.SetVersionTemplate(build.String())
	root.SetIn(ios.In)
	root.SetOut(ios.Out)
	root.SetErr(ios.ErrOut)
	root.SetFlagErrorFunc(flagError)
	root.PersistentFlags().Var(&langValue{ios: ios}, "lang", l.T("help.flag.lang"))
	installHelp(root, ios)

	root.AddCommand(NewCmdAssess(ios, nil))
	root.AddCommand(NewCmdScore(ios, nil))
	root.AddCommand(NewCmdCompare(ios, nil))
	root.AddCommand(NewCmdQuestions(ios))
	root.AddCommand(NewCmdRequirements(ios))
	root.AddCommand(NewCmdCredentials(ios))
	root.AddCommand(NewCmdOutlook(ios))
	root.AddCommand(NewCmdVersion(ios))
	setUpBuiltins(root, l)
	return root
}

// setUpBuiltins puts cobra's own commands (help, completion and its shells) in the tree's
// language, and gives them the argument checks every other command has: a topic or shell that
// does not exist, or one argument too many, is bad usage (exit 2), not help on standard output
// with exit 0 or a plain error with exit 1. The commands are made now, as cobra would make them
// on Execute, so that they can be changed.
func setUpBuiltins(root *cobra.Command, l *i18n.Localizer) {
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	data := i18n.Args{"Root": root.Name()}
	for _, c := range root.Commands() {
		switch c.Name() {
		case "help":
			c.Use = "help " + l.T("help.use-line.command")
			c.Short, c.Long = l.T("help.help.short"), l.T("help.help.long", data)
			c.Args = func(c *cobra.Command, args []string) error {
				if len(args) == 0 {
					return nil
				}
				if found, rest, err := c.Root().Find(args); err != nil || found == c.Root() || len(rest) > 0 {
					return usageErrorIn(l, "errors.usage.unknown-help-topic", i18n.Args{"Name": strconv.Quote(strings.Join(args, " ")),
						"Command": strconv.Quote(c.CommandPath()), "Suggestion": commandSuggestion(l, c.Root(), args[0])})
				}
				return nil
			}
		case "completion":
			c.Short, c.Long = l.T("help.completion.short"), l.T("help.completion.long", data)
			shells := make([]string, 0, len(c.Commands()))
			for _, sh := range c.Commands() {
				shells = append(shells, sh.Name())
				sh.Short = l.T("help.completion.shell.short", i18n.Args{"Shell": sh.Name()})
				sh.Long = l.T("help.completion."+sh.Name()+".long", data)
				if f := sh.Flags().Lookup("no-descriptions"); f != nil {
					f.Usage = l.T("help.completion.flag.no-descriptions")
				}
				check := sh.Args
				sh.Args = func(c *cobra.Command, args []string) error {
					if check != nil && check(c, args) != nil {
						return noArgs(c, args)
					}
					return nil
				}
			}
			c.Args = func(c *cobra.Command, args []string) error {
				if len(args) > 0 {
					return usageErrorIn(l, "errors.usage.unknown-shell", i18n.Args{"Name": strconv.Quote(args[0]),
						"Command": strconv.Quote(c.CommandPath()), "Shells": strings.Join(shells, ", ")})
				}
				return nil
			}
			c.RunE = func(c *cobra.Command, args []string) error { return c.Help() }
		}
	}
}

// commandSuggestion is " (did you mean "assess"?)" for a command name mistyped, or nothing.
func commandSuggestion(l *i18n.Localizer, root *cobra.Command, name string) string {
	if s := root.SuggestionsFor(name); len(s) > 0 {
		return l.T("errors.did-you-mean", i18n.Args{"Name": strconv.Quote(s[0])})
	}
	return ""
}
