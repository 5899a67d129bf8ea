package cmd

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

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

// assessHint is the command that goes on from an answers file, with the flags that shaped the
// run (runFlags), so that the hint pasted gives the same kind of report in the same place.
func assessHint(answersPath string, flags ...string) string {
	hint := commandName() + " assess --answers " + textsafe.ShellQuote(answersPath)
	for _, f := range flags {
		hint += " " + f
	}
	return hint
}

// runFlags are the flags of an assess run that a hint to go on with it must repeat: where and
// how the report is written, the profile it is scored against, the way it asks, the exit code
// it may give. The answers themselves (--answers, --set) are in the file the hint names;
// --save-answers is repeated only when it is not that file.
func runFlags(opts *AssessOptions, answersPath string) []string {
	var flags []string
	add := func(name, value string) {
		flags = append(flags, "--"+name+" "+textsafe.ShellQuote(value))
	}
	if opts.Format != "" && opts.Format != render.ReportFormats().Names()[0] {
		add("format", opts.Format)
	}
	if opts.Output != "" {
		add("output", opts.Output)
	}
	if opts.Profile != "" {
		add("profile", opts.Profile)
	}
	if opts.SaveAnswers != "" && opts.SaveAnswers != answersPath {
		add("save-answers", opts.SaveAnswers)
	}
	if opts.FailUnderSet {
		add("fail-under", strconv.FormatFloat(opts.FailUnder, 'f', -1, 64))
	}
	if opts.Plain {
		flags = append(flags, "--plain")
	}
	if opts.AllGaps {
		flags = append(flags, "--all-gaps")
	}
	if opts.Review {
		flags = append(flags, "--review") // a complete file asks nothing: the review is what goes on
	}
	return flags
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
// command that shows the report again. The command is on a line of its own: it is not broken
// by the terminal's wrapping and is copied whole with a triple click.
func answersKeptHint(kept string, flags []string) string {
	return fmt.Sprintf("\nYour answers are in %s.\nSee this report again with:\n  %s\n\n", textsafe.Escape(kept), assessHint(kept, flags...))
}

// stoppedMessage is said when the person stops the questionnaire: where the answers are and how
// to go on, or that the latest of them could not be kept.
func stoppedMessage(savedTo string, lost error, hint string) string {
	switch {
	case savedTo == "":
		return "\nStopped. No answers were saved."
	case lost != nil:
		return fmt.Sprintf("\nStopped. %s\nContinue with:\n  %s", notAllKept(savedTo, lost), hint)
	}
	return fmt.Sprintf("\nStopped. Your answers so far are in %s.\nContinue with:\n  %s", textsafe.Escape(savedTo), hint)
}

// notAllKept says that the latest answers could not be written to path, and why.
func notAllKept(path string, lost error) string {
	return fmt.Sprintf("Your latest answers could not be kept (%s): %s holds only the answers before them.",
		textsafe.Escape(questionnaire.Reason(path, lost)), textsafe.Escape(path))
}
