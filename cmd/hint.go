package cmd

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/prose"
	"github.com/hitready/hitready/internal/questionnaire"
	"github.com/hitready/hitready/internal/render"
	"github.com/hitready/hitready/internal/textsafe"
	"github.com/hitready/hitready/questions"
)

// commandName is how the person started hitready, spelled so that a hint pasted into the same
// shell runs it again: "go run ." under `go run`, the bare name when that is what the shell
// finds on PATH, else the path as typed. Every hint that names a command goes through it.
func commandName() string {
	exe, err := os.Executable()
	if err != nil {
		exe = ""
	}
	if strings.HasSuffix(exe, ".test") {
		return "hitready" // a test binary: no one pastes from it, and tests expect the name
	}
	return commandNameFor(os.Args[0], exe, exec.LookPath)
}

// commandNameFor is commandName with the process's facts passed in, for tests.
func commandNameFor(arg0, exe string, lookPath func(string) (string, error)) string {
	if exe != "" && isGoRunBinary(exe) {
		return "go run ."
	}
	base := filepath.Base(arg0)
	if arg0 == "" || base == "." || base == "/" {
		return "hitready"
	}
	if !strings.ContainsRune(arg0, filepath.Separator) {
		return textsafe.ShellQuote(arg0) // found on PATH: typed as a bare name
	}
	if found, err := lookPath(base); err == nil && exe != "" && sameFile(found, exe) {
		return textsafe.ShellQuote(base)
	}
	return textsafe.ShellQuote(arg0)
}

// isGoRunBinary tells whether exe is where `go run` builds: $GOTMPDIR/go-build…/b001/exe/NAME.
func isGoRunBinary(exe string) bool {
	dir := filepath.Dir(exe)
	if filepath.Base(dir) != "exe" && !strings.HasSuffix(filepath.Base(dir), "-d") { // Go 1.24+ caches it: go-build/ab/HASH-d/NAME
		return false
	}
	for d := filepath.Dir(dir); d != filepath.Dir(d); d = filepath.Dir(d) {
		if strings.HasPrefix(filepath.Base(d), "go-build") {
			return true
		}
	}
	return false
}

func sameFile(a, b string) bool {
	ia, errA := os.Stat(a)
	ib, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(ia, ib)
}

// goOnArgs are the arguments of the command that goes on from an answers file, with the flags
// that shaped the run (runFlags), so that the hint pasted gives the same kind of report in the
// same place.
func goOnArgs(answersPath string, flags []string) []string {
	return append([]string{"assess", "--answers", answersPath}, flags...)
}

// pasteable is a command for a person to paste, each argument quoted for a shell, broken with
// " \" at width so that a narrow terminal does not cut it (textsafe.FitCommand), indented by two.
func pasteable(args []string, width int) string {
	return textsafe.FitCommand(commandName(), args, width, "  ")
}

// oneLine is a command on one line, for a sentence that names it.
func oneLine(args []string) string {
	line := commandName()
	for _, a := range args {
		line += " " + textsafe.ShellQuote(a)
	}
	return line
}

// runFlags are the flags of an assess run that a hint to go on with it must repeat, as
// arguments: where and how the report is written, the profile it is scored against, its
// language, the way it asks, the exit code it may give. The answers themselves (--answers,
// --set) are in the file the hint names; --save-answers is repeated only when it is not that
// file.
func runFlags(opts *AssessOptions, answersPath string) []string {
	return append(givenFlags(
		givenFlag{"--format", opts.Format, opts.Format != "" && opts.Format != render.ReportFormats().Names()[0]},
		givenFlag{"--output", opts.Output, opts.Output != ""},
		givenFlag{"--save-answers", opts.SaveAnswers, opts.SaveAnswers != "" && opts.SaveAnswers != answersPath},
		givenFlag{"--fail-under", strconv.FormatFloat(opts.FailUnder, 'f', -1, 64), opts.FailUnderSet},
		givenFlag{"--all-gaps", "", opts.AllGaps},
		givenFlag{"--review", "", opts.Review}, // a complete file asks nothing: the review is what goes on
	), reportFlags(opts)...)
}

// credentialsFlags are the flags of `hitready credentials` that show the credentials a report
// used: the profile and the language.
func credentialsFlags(opts *AssessOptions) []string {
	return givenFlags(givenFlag{"--profile", opts.Profile, opts.Profile != ""},
		givenFlag{"--lang", opts.Lang, opts.Lang != ""})
}

// reportFlags are the flags that change what a report says, which every hint that shows it
// again repeats: the profile, the language, the plain layout.
func reportFlags(opts *AssessOptions) []string {
	return append(credentialsFlags(opts), givenFlags(givenFlag{"--plain", "", opts.Plain})...)
}

// givenFlag is a flag a hint repeats when given: its name, and its value ("" for a switch).
type givenFlag struct {
	name, value string
	given       bool
}

// givenFlags are the flags of fs that were given, as arguments, in order.
func givenFlags(fs ...givenFlag) []string {
	var args []string
	for _, f := range fs {
		if f.given {
			args = append(args, f.name)
		}
		if f.given && f.value != "" {
			args = append(args, f.value)
		}
	}
	return args
}

// inFullArgs are the arguments of the command that shows this report with every gap in full
// (--all-gaps), or nil when no command can (the answers came from standard input): the file
// that holds the answers, the --set answers it does not hold, and the flags that change what a
// report says (reportFlags).
func inFullArgs(opts *AssessOptions, kept string) []string {
	var args []string
	switch {
	case kept != "":
		args = []string{"assess", "--answers", kept}
	case opts.AnswersPath == "":
		args = []string{"assess"}
	default:
		return nil
	}
	if kept == "" || kept == opts.AnswersPath {
		for _, s := range opts.Sets {
			args = append(args, "--set", s)
		}
	}
	return append(append(args, reportFlags(opts)...), "--all-gaps")
}

// setExample is ID=VALUE for q with a value q allows: its first, or for a rating its middle.
func setExample(q *questions.Question) string {
	value := ""
	switch {
	case q.Kind == questions.Rating:
		value = strconv.Itoa((q.Scale.Min + q.Scale.Max) / 2)
	case len(q.Values) > 0:
		value = q.Values[0].Value
	}
	return q.ID + "=" + textsafe.ShellQuote(value)
}

// answersKeptHint is said after a session whose answers are kept in a file: where, and the
// command that shows the report again, on lines of its own, fitted to the width: copied whole,
// it runs as it stands.
func answersKeptHint(l *i18n.Localizer, kept string, flags []string, width int) string {
	return "\n" + prose.Wrap(l.T("session.answers-in", i18n.Args{"File": textsafe.Escape(kept)}), width, "") +
		"\n" + l.T("session.see-again") + "\n" + pasteable(goOnArgs(kept, flags), width) + "\n\n"
}

// stoppedMessage is said when the person stops the questionnaire: where the answers are and how
// to go on (hint, a pasteable command), or that the latest of them could not be kept.
func stoppedMessage(l *i18n.Localizer, savedTo string, lost error, hint string, width int) string {
	var said string
	switch {
	case savedTo == "":
		return "\n" + prose.Wrap(l.T("session.stopped.nothing-kept"), width, "")
	case lost != nil:
		said = l.T("session.stopped.not-all-kept", notAllKeptArgs(savedTo, lost))
	default:
		said = l.T("session.stopped.kept", i18n.Args{"File": textsafe.Escape(savedTo)})
	}
	return "\n" + prose.Wrap(said, width, "") + "\n" + l.T("session.continue-with") + "\n" + hint
}

func notAllKeptArgs(path string, lost error) i18n.Args {
	return i18n.Args{"Reason": textsafe.Escape(questionnaire.Reason(path, lost)), "File": textsafe.Escape(path)}
}
