package textsafe

import (
	"fmt"
	"unicode/utf16"
	"unsafe"
)

// EscapeJSON rewrites JSON that encoding/json wrote so that nothing Unsafe refuses is left raw:
// each is written \uXXXX, and one beyond the Basic Multilingual Plane (the tag characters) as
// its UTF-16 surrogate pair, \udb40\udc41 for U+E0041, which is how JSON spells such a rune
// (\ue0041 would read back as U+E004 and a "1"). encoding/json escapes the C0 controls and
// U+2028/U+2029 itself but leaves DEL, the C1 controls (U+009B is a CSI, U+009D an OSC to a
// terminal that reads 8-bit controls; U+0085 ends a line), the bidirectional marks and the other
// format characters raw. Such runes can only be inside strings (JSON outside strings is ASCII
// punctuation, digits and words), so the escape is always valid JSON and decodes to the same
// text. Invalid UTF-8 is already U+FFFD: JSON is UTF-8 and cannot carry the raw bytes. JSON with
// nothing to escape, nearly all of it, is returned as it is, uncopied.
func EscapeJSON(js []byte) []byte {
	if len(js) == 0 {
		return js
	}
	// A view of the bytes as a string, not a copy: the walk only reads them.
	text := unsafe.String(&js[0], len(js))
	var out []byte // made at the first rune to escape
	done := 0      // js[:done] is in out
	for i := 0; i < len(js); {
		if js[i] < 0x7f {
			i++
			continue
		}
		r, size, bad := unsafeAt(text, i)
		if bad {
			if out == nil {
				out = make([]byte, 0, len(js)+32)
			}
			out = append(out, js[done:i]...)
			if r > 0xffff {
				r1, r2 := utf16.EncodeRune(r)
				out = fmt.Appendf(out, `\u%04x\u%04x`, r1, r2)
			} else {
				out = fmt.Appendf(out, `\u%04x`, r)
			}
			done = i + size
		}
		i += size
	}
	if out == nil {
		return js
	}
	return append(out, js[done:]...)
}
