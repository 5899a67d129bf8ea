package render

import (
	"io"

	"go.yaml.in/yaml/v3"
)

// writeYAML writes v as a YAML document with the same field names as the JSON form.
func writeYAML(w io.Writer, v any) error {
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(v); err != nil {
		return err
	}
	return enc.Close()
}
