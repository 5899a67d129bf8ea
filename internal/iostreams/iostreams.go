// Package iostreams carries standard input, output and error together with what is known about
// them (terminal or not, colour wanted or not). Commands receive one value of it instead of
// touching os.Stdin and friends, so tests run every command against buffers.
package iostreams

import (
	"bytes"
	"cmp"
	"io"
	"os"
	"strconv"

	"golang.org/x/term"

	"github.com/hitready/hitready/internal/i18n"
)

// IOStreams is the set of streams a command reads and writes.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	inTTY, outTTY, errTTY bool
	noColor               bool // NO_COLOR is set (https://no-color.org)
	noInput               bool // HITREADY_NO_INPUT=1: never prompt, whatever the streams are
	dumbTerm              bool // TERM=dumb: no cursor movement, no colour
	debug                 bool // HITREADY_DEBUG=1: show the stack of an internal error
	termWidth             int  // columns of the terminal on standard output, else COLUMNS; 0 when unknown
	columns               int  // COLUMNS, for output that is not the terminal (a file); 0 when unset

	lang i18n.Lang // HITREADY_LANG or the locale, until --lang says otherwise; "" is English
}

// System returns the process's streams and what the environment says about them.
func System() *IOStreams {
	s := &IOStreams{
		In:       os.Stdin,
		Out:      os.Stdout,
		ErrOut:   os.Stderr,
		inTTY:    term.IsTerminal(int(os.Stdin.Fd())),
		outTTY:   term.IsTerminal(int(os.Stdout.Fd())),
		errTTY:   term.IsTerminal(int(os.Stderr.Fd())),
		noColor:  os.Getenv("NO_COLOR") != "",
		noInput:  os.Getenv("HITREADY_NO_INPUT") == "1",
		dumbTerm: os.Getenv("TERM") == "dumb",
		debug:    os.Getenv("HITREADY_DEBUG") == "1",
		lang:     i18n.FromEnv(os.Getenv),
	}
	if s.outTTY {
		if w, _, err := term.GetSize(int(os.Stdout.Fd())); err == nil {
			s.termWidth = w
		}
	}
	// In a pipe or a file the person's COLUMNS says how wide the text may be (less can show it).
	if n, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && n > 0 {
		s.columns = n
		if s.termWidth <= 0 {
			s.termWidth = n
		}
	}
	return s
}

// Test returns streams backed by buffers, none of them a terminal.
func Test() (s *IOStreams, in, out, errOut *bytes.Buffer) {
	in, out, errOut = &bytes.Buffer{}, &bytes.Buffer{}, &bytes.Buffer{}
	return &IOStreams{In: in, Out: out, ErrOut: errOut}, in, out, errOut
}

func (s *IOStreams) IsStdinTTY() bool  { return s.inTTY }
func (s *IOStreams) IsStdoutTTY() bool { return s.outTTY }
func (s *IOStreams) IsStderrTTY() bool { return s.errTTY }

// SetStdinTTY, SetStdoutTTY and SetStderrTTY let tests pretend a stream is a terminal.
func (s *IOStreams) SetStdinTTY(v bool)  { s.inTTY = v }
func (s *IOStreams) SetStdoutTTY(v bool) { s.outTTY = v }
func (s *IOStreams) SetStderrTTY(v bool) { s.errTTY = v }

// SetNoColor, SetNoInput and SetDumbTerminal stand in for NO_COLOR, HITREADY_NO_INPUT and
// TERM=dumb in tests.
func (s *IOStreams) SetNoColor(v bool)      { s.noColor = v }
func (s *IOStreams) SetNoInput(v bool)      { s.noInput = v }
func (s *IOStreams) SetDumbTerminal(v bool) { s.dumbTerm = v }

// ColorEnabled tells whether output to standard output may carry colour: only on a terminal, and
// never when NO_COLOR is set or the terminal is dumb.
func (s *IOStreams) ColorEnabled() bool { return s.outTTY && !s.noColor && !s.dumbTerm }

// NoColor tells whether the person asked for no colour anywhere (NO_COLOR).
func (s *IOStreams) NoColor() bool { return s.noColor }

// Debug tells whether HITREADY_DEBUG=1 asks for the stack of an internal error.
func (s *IOStreams) Debug() bool { return s.debug }

// SetDebug stands in for HITREADY_DEBUG in tests.
func (s *IOStreams) SetDebug(v bool) { s.debug = v }

// Lang is the language everything a person reads is written in: --lang when given (the flag
// sets it), else what the environment asks for. Test streams speak English, whatever the
// environment of the test run.
func (s *IOStreams) Lang() i18n.Lang { return cmp.Or(s.lang, i18n.English) }

// SetLang sets the language: --lang, and tests (the pseudo-language among others).
func (s *IOStreams) SetLang(l i18n.Lang) { s.lang = l }

// IsDumbTerminal tells whether TERM=dumb: a terminal that cannot move the cursor.
func (s *IOStreams) IsDumbTerminal() bool { return s.dumbTerm }

// CanPrompt tells whether a person can be asked questions: prompts are read from standard input
// and drawn on standard error, so both must be terminals. Standard output does not matter, which
// is what lets `hitready assess --format json > me.json` still ask its questions.
func (s *IOStreams) CanPrompt() bool { return s.inTTY && s.errTTY && !s.noInput }

// DefaultWidth is the width text is fitted to when neither a terminal nor COLUMNS gives one:
// the one place that says 80, for reports, help, questions and prompts alike.
const DefaultWidth = 80

// Width is the width to fit text to when n columns were asked for: n, or DefaultWidth when n is
// 0 (not known) or less.
func Width(n int) int {
	if n > 0 {
		return n
	}
	return DefaultWidth
}

// TerminalWidth is the width to fit output to: the terminal's on standard output, else COLUMNS,
// else DefaultWidth.
func (s *IOStreams) TerminalWidth() int { return Width(s.termWidth) }

// FileWidth is the width to fit output that goes to a file rather than the terminal: COLUMNS,
// else DefaultWidth.
func (s *IOStreams) FileWidth() int { return cmp.Or(s.columns, DefaultWidth) }

// SetTerminalWidth stands in for the terminal's width (or COLUMNS) in tests.
func (s *IOStreams) SetTerminalWidth(n int) { s.termWidth = n }
