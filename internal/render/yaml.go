package render

import (
	"io"
	"strings"

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

// commentedYAML writes v as YAML under comment, each of its lines a YAML comment: what the file
// is and how to use it, in the reader's language.
func commentedYAML[T any](w io.Writer, comment string, v T) error {
	if _, err := io.WriteString(w, "# "+strings.ReplaceAll(comment, "\n", "\n# ")+"\n"); err != nil {
		return err
	}
	return writeYAML(w, v)
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
