package textsafe

import (
	"fmt"
	"runtime"
	"strings"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"
)

// shellSafe are the bytes a word may hold and still be pasted into a POSIX shell as it is.
const shellSafe = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=,:+@%"

// ShellQuote writes s as one word for a command a person pastes into a shell of the system
// hitready runs on: POSIXQuote on Linux and macOS, WindowsQuote (PowerShell and cmd) on Windows.
func ShellQuote(s string) string {
	if runtime.GOOS == "windows" {
		return WindowsQuote(s)
	}
	return POSIXQuote(s)
}

// POSIXQuote writes s as one word for a POSIX shell (sh, bash, zsh): as it is when it needs no
// quoting, else in single quotes. A word with controls (IsControl) or bytes that are not UTF-8
// is written in bash's and zsh's ANSI-C quoting, $'…' (\e, \a, \n, \xNN): it shows nothing
// that could drive the terminal, and pasted it names the same file.
func POSIXQuote(s string) string { return posixQuoter(s)(s) }

// ansiC writes s as $'…': printable text as it is (' and \ escaped), control runes and bytes that
// are not UTF-8 as escapes bash and zsh read back. A control rune above 0x7f is written as its
// UTF-8 bytes (\xNN each), which both shells read in any locale.
func ansiC(s string) string {
	var b strings.Builder
	b.WriteString("$'")
	each(s, func(text string) {
		b.WriteString(strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(text))
	}, func(r rune, raw string) {
		switch {
		case cEscapes[r] != "":
			b.WriteString(cEscapes[r])
		case r == 0x1b:
			b.WriteString(`\e`)
		default:
			for _, c := range []byte(raw) {
				fmt.Fprintf(&b, `\x%02x`, c)
			}
		}
	})
	b.WriteString("'")
	return b.String()
}

// FitCommand writes a command for a person to paste: head (already written for a shell, such as
// "hitready" or "go run .", kept whole) and each of args quoted with ShellQuote, in lines of at
// most width columns (measured as a terminal shows them), so that a narrow terminal never cuts
// the command where a paste cannot mend it. Every line but the last ends with a shell
// continuation, " \"; the lines after the first start with indent and two spaces more. A flag
// stays on the line of its value. An argument too long for a line of its own is cut inside:
// its pieces are quoted alike and joined by a "\" at the end of the line, the rest starting the
// next line at its first column (where a shell goes on with the same word), so that the command
// pasted names the same file.
func FitCommand(head string, args []string, width int, indent string) string {
	width = max(width, 20)
	f := &fitter{width: width, next: indent + "  "}
	f.line.WriteString(indent + head)
	units := commandUnits(args)
	for i, u := range units {
		f.add(u, i == len(units)-1)
	}
	f.out.WriteString(f.line.String())
	return f.out.String()
}

// commandUnits pairs each flag with its value, which a line break must not part: "--answers
// me.yaml" is one unit.
func commandUnits(args []string) [][]string {
	var units [][]string
	for i := 0; i < len(args); i++ {
		if strings.HasPrefix(args[i], "-") && len(args[i]) > 1 && i+1 < len(args) && !strings.HasPrefix(args[i+1], "-") {
			units = append(units, args[i:i+2])
			i++
			continue
		}
		units = append(units, args[i:i+1])
	}
	return units
}

// fitter lays out a command's units line by line.
type fitter struct {
	width int
	next  string // how a continued line starts
	out   strings.Builder
	line  strings.Builder
	// cutLast says the last argument was cut: what follows starts a line of its own, rather
	// than trail the piece at the first column.
	cutLast bool
}

// room is what is left on the line, keeping two columns for " \" unless the unit is the last.
func (f *fitter) room(last bool) int {
	if last {
		return f.width - f.used()
	}
	return f.width - f.used() - 2
}

// used is the columns the line takes so far, as a terminal shows them.
func (f *fitter) used() int { return runewidth.StringWidth(f.line.String()) }

func (f *fitter) add(unit []string, last bool) {
	quoted := make([]string, len(unit))
	for i, a := range unit {
		quoted[i] = ShellQuote(a)
	}
	text := strings.Join(quoted, " ")
	w := runewidth.StringWidth(text)
	if 1+w <= f.room(last) && !f.cutLast {
		f.line.WriteString(" " + text)
		return
	}
	if f.used() > len(f.next) || f.cutLast {
		f.breakLine()
	}
	if w <= f.room(last) {
		f.line.WriteString(text)
		return
	}
	// Too long for a line of its own: the flag, then its value on a line of its own, or, too
	// long for that too, cut where the lines end.
	value := unit[len(unit)-1]
	if len(unit) == 2 {
		f.line.WriteString(quoted[0])
		if runewidth.StringWidth(quoted[1]) <= f.width-len(f.next)-2 {
			f.breakLine()
			f.line.WriteString(quoted[1])
			return
		}
		f.line.WriteString(" ")
	}
	f.cut(value, last)
}

// breakLine ends the line with a continuation and starts the next one.
func (f *fitter) breakLine() {
	f.cutLast = false
	f.out.WriteString(f.line.String() + " \\\n")
	f.line.Reset()
	f.line.WriteString(f.next)
}

// cut writes arg in pieces, each quoted as the whole would be, that fill the lines; a piece ends
// its line with a bare "\" and the next one starts at the first column.
func (f *fitter) cut(arg string, last bool) {
	quote := posixQuoter(arg)
	for {
		room := f.room(last)
		if runewidth.StringWidth(quote(arg)) <= room {
			f.line.WriteString(quote(arg))
			f.cutLast = true
			return
		}
		n := longestPiece(arg, quote, room-1) // one column for the "\"
		f.line.WriteString(quote(arg[:n]) + "\\")
		f.out.WriteString(f.line.String() + "\n")
		f.line.Reset()
		arg = arg[n:]
	}
}

// posixQuoter is how POSIXQuote quotes s, as a function: FitCommand quotes each piece of an
// argument it cuts the way the whole of it needs.
func posixQuoter(s string) func(string) string {
	switch {
	case s != "" && strings.Trim(s, shellSafe) == "":
		return func(s string) string { return s }
	case hasUnsafe(s):
		return ansiC
	}
	return func(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }
}

// longestPiece is the length in bytes of the longest head of arg, at least one rune, whose
// quoted form fits in room columns; it ends after a "/" or a space where one keeps at least half
// of it, so that a path is cut between its folders.
func longestPiece(arg string, quote func(string) string, room int) int {
	best, soft := 0, 0
	for i := 0; i < len(arg); {
		r, size := utf8.DecodeRuneInString(arg[i:])
		if best > 0 && runewidth.StringWidth(quote(arg[:i+size])) > room {
			break
		}
		i += size
		best = i
		if r == '/' || r == ' ' {
			soft = i
		}
	}
	if soft >= best/2 && soft > 0 {
		return soft
	}
	return best
}
