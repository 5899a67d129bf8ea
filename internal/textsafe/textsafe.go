// Package textsafe keeps text from driving whatever shows it. Input files are checked with
// Unsafe and refused; text hitready cannot refuse (names from the file system) is written with
// one of the escapers of one family, which agree on what is unsafe (IsControl): Escape for a
// terminal, EscapeJSON for JSON, ShellQuote for a command to paste into a shell. It is a leaf:
// it imports nothing of hitready, so questions and assessment may use it.
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
// are unsafe with the bidi marks, save the joiners U+200C and U+200D where they join two letters
// of a word or two emoji (see joined): names people have hold them. (A U+FEFF at the very start of a file is a byte order mark;
// the readers strip it before any text is checked.)
// Every escaper here, and the writers of formats that escape text (YAML), use it, so that every
// output agrees on what is unsafe.
func IsControl(r rune) bool {
	if r >= 0x80 && unicode.Is(unicode.Cf, r) {
		return true
	}
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r == '\u2028', r == '\u2029':
		return true
	}
	return false // the bidi marks are all in Cf
}

// Unsafe finds the first rune of s that must not reach a terminal: a control (IsControl) or a byte
// that is not UTF-8 (returned as utf8.RuneError). ok is false when s is clean. A joiner inside a
// word or an emoji (see joined) is text, not a control.
func Unsafe(s string) (r rune, ok bool) {
	for i := 0; i < len(s); {
		c, size, bad := unsafeAt(s, i)
		if bad {
			return c, true
		}
		i += size
	}
	return 0, false
}

// unsafeAt decodes the rune at s[i:] and tells whether it is unsafe there: a byte that is not
// UTF-8 (utf8.RuneError, size 1), or a control that is not a joiner joining (joined).
func unsafeAt(s string, i int) (r rune, size int, bad bool) {
	r, size = utf8.DecodeRuneInString(s[i:])
	if r == utf8.RuneError && size == 1 {
		return r, size, true
	}
	return r, size, IsControl(r) && !joined(s, i, r, size)
}

// joined tells whether the joiner r at s[i:i+size] is text: the zero-width non-joiner (U+200C)
// and joiner (U+200D) belong inside a Persian, Arabic or Indic word ("مهسا‌رضایی") and inside an
// emoji sequence (👩‍💻), between two characters that can be joined (joinable). Anywhere else, at an
// end, beside a space, beside ASCII or beside another joiner, one is only invisible, and as
// unsafe as the other format characters.
func joined(s string, i int, r rune, size int) bool {
	if r != '\u200c' && r != '\u200d' {
		return false
	}
	before, n := utf8.DecodeLastRuneInString(s[:i])
	after, m := utf8.DecodeRuneInString(s[i+size:])
	return joinable(before, n) && joinable(after, m)
}

// joinable is a rune that may stand beside a joiner: not ASCII, a space, a control or a byte
// that is not UTF-8 (size 1 with utf8.RuneError).
func joinable(r rune, size int) bool {
	return size > 0 && r >= 0x80 && !(r == utf8.RuneError && size == 1) && !IsControl(r) && !unicode.IsSpace(r)
}

// Clean drops from s what Unsafe refuses, for a label a person types, which is kept rather than
// refused. The other controls go first, so that a joiner that joins once they are gone stays.
func Clean(s string) string {
	var b strings.Builder
	each(s, func(text string) { b.WriteString(text) }, func(r rune, raw string) {
		if r == '\u200c' || r == '\u200d' {
			b.WriteString(raw)
		}
	})
	for s = b.String(); ; {
		if _, bad := Unsafe(s); !bad {
			return s
		}
		b.Reset()
		each(s, func(text string) { b.WriteString(text) }, func(rune, string) {})
		s = b.String()
	}
}

// RuneClass is what kind of unsafe rune Unsafe found, for a message in any language.
type RuneClass string

const (
	NotUTF8 RuneClass = "not-utf8" // a byte that is not UTF-8
	Joiner  RuneClass = "joiner"   // a zero-width joiner or non-joiner out of place
	Format  RuneClass = "format"   // an invisible format character
	Control RuneClass = "control"  // a control character, bidirectional controls included
)

// Classify says what kind of unsafe rune r is.
func Classify(r rune) RuneClass {
	switch {
	case r == utf8.RuneError:
		return NotUTF8
	case r == '\u200c' || r == '\u200d':
		return Joiner
	case r >= 0x80 && unicode.Is(unicode.Cf, r) && !isBidi(r):
		return Format
	}
	return Control
}

// Escape returns s as it may be shown on a terminal: every control rune written as a Go escape
// (\n, \x1b, \u2028, \U000e0041) and every byte that is not UTF-8 as \xNN; everything else,
// backslashes included, is left as it is, so a clean name reads exactly as it is spelled.
func Escape(s string) string {
	if _, bad := Unsafe(s); !bad {
		return s
	}
	var b strings.Builder
	each(s, func(text string) { b.WriteString(text) }, func(r rune, raw string) {
		switch {
		case cEscapes[r] != "":
			b.WriteString(cEscapes[r])
		case r == utf8.RuneError || r < 0x80: // a byte that is not UTF-8, or an ASCII control
			fmt.Fprintf(&b, `\x%02x`, raw[0])
		case r > 0xffff: // the tag characters: \U and eight digits, as Go writes them
			fmt.Fprintf(&b, `\U%08x`, r)
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
	})
	return b.String()
}

// each walks s, handing runs of safe text to text and each unsafe rune to unsafe with its bytes
// (a byte that is not UTF-8 comes as utf8.RuneError and that one byte). It is the walk every
// escaper of this package shares, so that they agree on what they escape.
func each(s string, text func(string), unsafe func(r rune, raw string)) {
	start := 0
	for i := 0; i < len(s); {
		r, size, bad := unsafeAt(s, i)
		if bad {
			if start < i {
				text(s[start:i])
			}
			unsafe(r, s[i:i+size])
			start = i + size
		}
		i += size
	}
	if start < len(s) {
		text(s[start:])
	}
}

// cEscapes are the C escapes of the controls that have one (\a \b \f \n \r \t \v), which Go,
// bash's $'…' and a reader alike know.
var cEscapes = map[rune]string{'\a': `\a`, '\b': `\b`, '\f': `\f`, '\n': `\n`, '\r': `\r`, '\t': `\t`, '\v': `\v`}

// isBidi reports whether r is one of the bidirectional marks, embeddings, overrides and isolates.
func isBidi(r rune) bool {
	return r == '\u200e' || r == '\u200f' || r == '\u061c' || r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069'
}
