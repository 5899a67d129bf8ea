// Package textsafe keeps text bound for a terminal from controlling it. Input files are checked
// with Unsafe and refused; names from the file system, which hitready cannot refuse, are shown
// with Escape. It is a leaf: it imports nothing of hitready, so questions and assessment may use
// it.
package textsafe

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// IsControl reports whether r can move the cursor, change colours, ring the bell, end a line or
// reorder text on a terminal or in a viewer: the C0 controls (tab and newline included), DEL, the
// C1 controls (U+0085 NEL among them), the Unicode line and paragraph separators, and the
// bidirectional marks, embeddings, overrides and isolates, which make a line read other than it
// is. The marks (LRM U+200E, RLM U+200F, ALM U+061C) are invisible and move neutral characters
// such as "." and "/" to the other side of a word, so "evil.yaml" can show as "yaml.evil".
// The other format characters (Unicode category Cf: zero-width spaces and joiners U+200B-U+200D,
// the word joiner U+2060, U+FEFF, the soft hyphen U+00AD, U+180E, the interlinear annotation
// marks U+FFF9-U+FFFB, the deprecated U+206A-U+206F, the tag characters U+E0000-U+E007F) are
// invisible too: a name holding one looks like another name, and text can hide in them, so they
// are unsafe with the bidi marks. (A U+FEFF at the very start of a file is a byte order mark;
// the readers strip it before any text is checked.)
// Writers of formats that escape text (JSON, YAML) use it too, so that every output agrees on
// what is unsafe.
func IsControl(r rune) bool {
	if r >= 0x80 && unicode.Is(unicode.Cf, r) {
		return true
	}
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
	if r >= 0x80 && unicode.Is(unicode.Cf, r) && !isBidi(r) {
		return fmt.Sprintf("%s (an invisible format character)", Escape(string(r)))
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

// isBidi reports whether r is one of the bidirectional marks, embeddings, overrides and isolates.
func isBidi(r rune) bool {
	return r == '\u200e' || r == '\u200f' || r == '\u061c' || r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069'
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
	if r > 0xffff { // the tag characters: \U and eight digits, as Go writes them
		return fmt.Sprintf(`\U%08x`, r)
	}
	return fmt.Sprintf(`\u%04x`, r)
}
