package textsafe

import (
	"strings"
	"testing"
)

// WindowsQuote spells a word so that PowerShell and cmd read it back whole: bare when it can be,
// double quotes where both shells agree, PowerShell's own quoting where they cannot, and
// nothing raw for the terminal. No Windows shell runs here: the cases are the rules of each
// shell, written out (PowerShell's about_Quoting_Rules; CommandLineToArgvW for \").
func TestWindowsQuote(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"plain", "me.yaml", "me.yaml"},
		{"drive and backslashes", `C:\Users\sam\me.yaml`, `C:\Users\sam\me.yaml`},
		{"a space: both shells' double quotes", `C:\Users\Sam Lee\me.yaml`, `"C:\Users\Sam Lee\me.yaml"`},
		{"an apostrophe is plain text in double quotes", `D:\O'Brien\me.yaml`, `"D:\O'Brien\me.yaml"`},
		{"a folder's trailing backslash is doubled before the quote", `C:\My Folder\`, `"C:\My Folder\\"`},
		{"$ would expand in PowerShell's double quotes", `C:\fees$\me.yaml`, `'C:\fees$\me.yaml'`},
		{"a backtick too, and ' doubles in single quotes", "C:\\it's`s.yaml", "'C:\\it''s`s.yaml'"},
		{"a bidi override is made, never shown", "a\u202eb.yaml", `"a$([char]0x202e)b.yaml"`},
		{"with $ beside it, escaped", "$x\u200e.yaml", "\"`$x$([char]0x200e).yaml\""},
		{"a tag character beyond U+FFFF", "t\U000e0041.yaml", `"t$([char]::ConvertFromUtf32(0xe0041)).yaml"`},
		{"the empty word", "", `""`},
	}
	for _, c := range cases {
		got := WindowsQuote(c.in)
		if got != c.want {
			t.Errorf("%s: WindowsQuote(%q) = %s, want %s", c.name, c.in, got, c.want)
		}
		if _, bad := Unsafe(got); bad {
			t.Errorf("%s: %q reaches the terminal raw", c.name, got)
		}
	}
}

// Whatever the word, what WindowsQuote makes of it is safe to show and is one word: no space
// outside quotes.
func TestWindowsQuoteIsOneSafeWord(t *testing.T) {
	for _, in := range []string{"a b", "x\x1b[2Jy", "bad\xff", "q\"uote", "%PATH%", "tab\there", `\\server\share\a b`} {
		got := WindowsQuote(in)
		if _, bad := Unsafe(got); bad {
			t.Errorf("WindowsQuote(%q) = %q: not safe to show", in, got)
		}
		if strings.ContainsAny(in, " \t") && !strings.ContainsAny(got[:1], `"'`) {
			t.Errorf("WindowsQuote(%q) = %q: not quoted", in, got)
		}
	}
}
