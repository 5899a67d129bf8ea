package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/hitready/hitready/internal/textsafe"
)

// writeJSON writes v as indented JSON followed by a newline. HTML escaping is off: reports hold plain
// sentences ("A&P") that scripts compare as they are. Every rune textsafe counts as a control is
// escaped (escapeControls), so a file's name cannot drive the terminal the JSON is printed on.
func writeJSON(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(escapeControls(buf.Bytes()))
	return err
}

// escapeControls rewrites, in JSON that encoding/json wrote, every rune that textsafe.IsControl
// reports as \uXXXX. encoding/json escapes the C0 controls and U+2028/U+2029 itself but leaves
// DEL, the C1 controls (U+009B is a CSI, U+009D an OSC to a terminal that reads 8-bit controls;
// U+0085 ends a line) and the bidirectional marks raw. Such runes can only be inside strings (JSON
// outside strings is ASCII punctuation, digits and words), so the escape is always valid JSON and
// decodes to the same text. Invalid UTF-8 is already U+FFFD: JSON is UTF-8 and cannot carry the
// raw bytes. Output with nothing to escape, nearly all of it, is returned as it is, uncopied.
func escapeControls(js []byte) []byte {
	first := -1
	for i := 0; i < len(js); {
		c := js[i]
		if c < 0x7f {
			i++
			continue
		}
		r, size := utf8.DecodeRune(js[i:])
		if textsafe.IsControl(r) {
			first = i
			break
		}
		i += size
	}
	if first < 0 {
		return js
	}
	out := make([]byte, 0, len(js)+32)
	out = append(out, js[:first]...)
	for i := first; i < len(js); {
		c := js[i]
		if c < 0x7f {
			out = append(out, c)
			i++
			continue
		}
		r, size := utf8.DecodeRune(js[i:])
		if textsafe.IsControl(r) {
			out = fmt.Appendf(out, `\u%04x`, r)
		} else {
			out = append(out, js[i:i+size]...)
		}
		i += size
	}
	return out
}
