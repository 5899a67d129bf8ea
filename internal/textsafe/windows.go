package textsafe

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// windowsSafe are the bytes a word may hold and still be pasted as it is into PowerShell and
// into cmd: shellSafe with the backslash and the colon of C:\Users\….
const windowsSafe = shellSafe + `\`

// WindowsQuote writes s as one word for a command a person pastes into PowerShell or cmd, the two
// shells of Windows, which quote differently: as it is when it needs no quoting, else in double
// quotes, which both read alike when the word holds none of $ and ` (PowerShell expands them in
// double quotes; cmd does not) nor ". Windows forbids " in a file name; a word with $ or ` is
// written in PowerShell's single quotes, as no one spelling serves both shells and PowerShell is
// the one Windows opens by default. A word with controls (IsControl, the bidi marks among them;
// Windows forbids the C0 controls in names, not the others) is written as a PowerShell string
// that makes them ("a$([char]0x202e)b"): nothing reaches the terminal raw, and PowerShell reads
// back the same name. Backslashes before a closing double quote are doubled, since the program's
// argument parsing (CommandLineToArgvW's rules) reads \" as a quote, in every quoted form (PowerShell
// wraps a word with a space in double quotes when it calls a program). A % in double quotes stays
// as it is, except in cmd when it and a later % enclose the name of a variable that is set: a
// risk taken, as cmd has no quoting that stops it.
//
// Bytes that are not UTF-8 do not come from Windows' own names (Go reads them as UTF-16 and
// writes UTF-8); should one come, it is shown as U+FFFD rather than reach the terminal.
func WindowsQuote(s string) string {
	if s != "" && strings.Trim(s, windowsSafe) == "" {
		return s
	}
	q := doubleTrailingBackslashes(s)
	switch {
	case hasUnsafe(q):
		return powerShellExpandable(q)
	case strings.ContainsAny(q, "$`\""):
		return "'" + strings.ReplaceAll(q, "'", "''") + "'"
	}
	return `"` + q + `"`
}

func hasUnsafe(s string) bool {
	_, bad := Unsafe(s)
	return bad
}

// powerShellExpandable writes s as a PowerShell double-quoted string: $, ` and " escaped with
// a backtick, each unsafe rune as a subexpression that makes it ([char] for one UTF-16 unit,
// ConvertFromUtf32 beyond U+FFFF), which Windows PowerShell 5.1 reads as well as PowerShell 7.
func powerShellExpandable(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	each(s, func(text string) {
		b.WriteString(strings.NewReplacer("`", "``", "$", "`$", `"`, "`\"").Replace(text))
	}, func(r rune, raw string) {
		switch {
		case r == utf8.RuneError:
			b.WriteString("$([char]0xfffd)")
		case r > 0xffff:
			fmt.Fprintf(&b, "$([char]::ConvertFromUtf32(0x%x))", r)
		default:
			fmt.Fprintf(&b, "$([char]0x%04x)", r)
		}
	})
	b.WriteByte('"')
	return b.String()
}

// doubleTrailingBackslashes doubles the backslashes that end s, so that a closing double quote
// after them is read as a quote, not as an escaped one (C:\my folder\ becomes "C:\my folder\\").
func doubleTrailingBackslashes(s string) string {
	return s + s[len(strings.TrimRight(s, `\`)):]
}
