package render

import (
	"bytes"
	"encoding/json"
	"io"

	"github.com/hitready/hitready/internal/textsafe"
)

// writeJSON writes v as indented JSON followed by a newline (encodeJSON).
func writeJSON[T any](w io.Writer, v T) error {
	data, err := encodeJSON(v, "  ")
	if err == nil {
		_, err = w.Write(data)
	}
	return err
}

// encodeJSON is v as JSON followed by a newline, each level indented by indent ("" for one line).
// HTML escaping is off: reports hold plain sentences ("A&P") that scripts compare as they are.
// Every rune textsafe counts as a control is escaped (textsafe.EscapeJSON), so a file's name
// cannot drive the terminal the JSON is printed on.
func encodeJSON(v any, indent string) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", indent)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return textsafe.EscapeJSON(buf.Bytes()), nil
}
