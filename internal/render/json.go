package render

import (
	"encoding/json"
	"io"
)

// JSON writes v as indented JSON followed by a newline. HTML escaping is off: reports hold plain
// sentences ("A&P") that scripts compare as they are.
func JSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
