package strictyaml

import (
	"testing"

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
