package textsafe

import (
	"fmt"
	"runtime"
	"strings"
)

// shellSafe are the bytes a word may hold and still be pasted into a POSIX shell as it is.
const shellSafe = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./"

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
func POSIXQuote(s string) string {
	if s != "" && strings.Trim(s, shellSafe) == "" {
		return s
	}
	if _, bad := Unsafe(s); bad {
		return ansiC(s)
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

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
		case cEscape(r) != "":
			b.WriteString(cEscape(r))
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
