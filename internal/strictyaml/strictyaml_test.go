package strictyaml

import (
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/hitready/hitready/internal/i18n"
)

// The parser's words are translated only where the catalogue's English is them, word for word:
// English reads as the parser wrote it.
func TestYAMLReasonsAreTheParsersWords(t *testing.T) {
	en := i18n.For(i18n.English)
	for words, id := range yamlReasons {
		if got := en.T(id); got != words {
			t.Errorf("%s reads %q in English, the parser %q", id, got, words)
		}
	}
}

func TestSplitLine(t *testing.T) {
	for _, tt := range []struct {
		in   string
		line int
		msg  string
	}{
		{"yaml: line 3: did not find expected key", 3, "did not find expected key"},
		{"line 12: column 4: too large", 12, "column 4: too large"},
		{"yaml: unmarshal errors", 0, "unmarshal errors"},
		{"line x: bad", 0, "line x: bad"},
	} {
		if line, msg := SplitLine(tt.in); line != tt.line || msg != tt.msg {
			t.Errorf("SplitLine(%q) = %d, %q; want %d, %q", tt.in, line, msg, tt.line, tt.msg)
		}
	}
	if col, msg := CutNumber("column 7: not whole", "column "); col != 7 || msg != "not whole" {
		t.Errorf("CutNumber = %d, %q", col, msg)
	}
}

// DecodeKnown refuses a field the type does not have, which yaml.Node.Decode lets through, at its
// line in the tree, and decodes the rest.
func TestDecodeKnown(t *testing.T) {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte("a: one\nb: 2\n"), &doc); err != nil {
		t.Fatal(err)
	}
	var v struct {
		A string `yaml:"a"`
	}
	if err := doc.Decode(&v); err != nil || v.A != "one" {
		t.Fatalf("Node.Decode: %+v, %v", v, err)
	}
	v.A = ""
	if err := DecodeKnown(&doc, &v); err == nil || !strings.Contains(err.Error(), "line 2: field b not found") || v.A != "one" {
		t.Errorf("DecodeKnown: %+v, %v", v, err)
	}
}
