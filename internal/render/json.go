package render

import (
	"bytes"
	"encoding/json"
	"io"

	"github.com/hitready/hitready/internal/textsafe"
)

// writeJSON writes v as indented JSON followed by a newline. HTML escaping is off: reports hold plain
// sentences ("A&P") that scripts compare as they are. Every rune textsafe counts as a control is
// escaped (textsafe.EscapeJSON), so a file's name cannot drive the terminal the JSON is printed on.
func writeJSON[T any](w io.Writer, v T) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(textsafe.EscapeJSON(buf.Bytes()))
	return err
}
