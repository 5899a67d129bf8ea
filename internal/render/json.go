package render

import (
	"encoding/json"
	"io"
)

// writeJSON writes v as indented JSON followed by a newline. HTML escaping is off: reports hold plain
// sentences ("A&P") that scripts compare as they are.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
