// Package textsafe keeps text bound for a terminal from controlling it. Input files are checked
// with Unsafe and refused; names from the file system, which hitready cannot refuse, are shown
// with Escape. It is a leaf: it imports nothing of hitready, so questions and assessment may use
// it.
package textsafe

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// IsControl reports whether r can move the cursor, change colours, ring the bell, end a line or
// reorder text on a terminal or in a viewer: the C0 controls (tab and newline included), DEL, the
// C1 controls (U+0085 NEL among them), the Unicode line and paragraph separators, and the
// bidirectional marks, embeddings, overrides and isolates, which make a line read other than it
// is. The marks (LRM U+200E, RLM U+200F, ALM U+061C) are invisible and move neutral characters
// such as "." and "/" to the other side of a word, so "evil.yaml" can show as "yaml.evil".
// Writers of formats that escape text (JSON, YAML) use it too, so that every output agrees on
// what is unsafe.
func IsControl(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r == '\u2028', r == '\u2029':
		return true
	case r == '\u200e', r == '\u200f', r == '\u061c':
		return true
	case r >= '\u202a' && r <= '\u202e', r >= '\u2066' && r <= '\u2069':
		return true
	}
	return false
}

// Unsafe finds the first rune of s that must not reach a terminal: a control (IsControl) or a byte
// that is not UTF-8 (returned as utf8.RuneError). ok is false when s is clean.
func Unsafe(s string) (r rune, ok bool) {
	for i, c := range s {
		if c == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return utf8.RuneError, true
			}
		}
		if IsControl(c) {
			return c, true
		}
	}
	return 0, false
}

// Describe names a rune found by Unsafe for a message: `"\x1b" (a control character)`.
func Describe(r rune) string {
	if r == utf8.RuneError {
		return "a byte that is not UTF-8"
	}
	return fmt.Sprintf("%s (a control character)", Escape(string(r)))
}

// Escape returns s with every control rune written as a Go escape (\n, \x1b, \u2028) and every
// byte that is not UTF-8 as \xNN; everything else, backslashes included, is left as it is, so a
// clean name reads exactly as it is spelled.
func Escape(s string) string {
	if _, bad := Unsafe(s); !bad {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case IsControl(r):
			b.WriteString(escapeRune(r))
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

func escapeRune(r rune) string {
	switch r {
	case '\a':
		return `\a`
	case '\b':
		return `\b`
	case '\f':
		return `\f`
	case '\n':
		return `\n`
	case '\r':
		return `\r`
	case '\t':
		return `\t`
	case '\v':
		return `\v`
	}
	if r < 0x80 {
		return fmt.Sprintf(`\x%02x`, r)
	}
	return fmt.Sprintf(`\u%04x`, r)
}
