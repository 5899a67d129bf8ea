package render

import (
	"io"

	"go.yaml.in/yaml/v3"

	"github.com/hitready/hitready/internal/yamlout"
)

// writeYAML writes v as a YAML document with the same field names as the JSON form.
func writeYAML[T any](w io.Writer, v T) error {
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(v); err != nil {
		return err
	}
	return enc.Close()
}

// fastYAML writes a report or a comparison with the one YAML writer of reports.
func fastYAML[T any](w io.Writer, v T) error {
	data, err := yamlout.Marshal(v)
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	return err
}
