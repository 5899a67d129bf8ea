package assessment

import (
	"testing"

	"go.yaml.in/yaml/v3"
)

// Tags that change what the decoder reads are found wherever they are; the plain ones, which
// name what YAML resolves anyway, and untagged values that resolve to other types are not.
func TestExplicitTags(t *testing.T) {
	tests := []struct {
		doc  string
		want []explicitTag
	}{
		{"title: Plain\nweight: 3\n", nil},
		{"title: !!str 2024\nweight: !!int 3\nok: !!bool true\nn: !!null\nl: !!seq []\nm: !!map {}\n", nil},
		{"when: 2001-12-14\n", nil}, // resolved as a timestamp, not tagged: the shape check words it
		{"title: !!binary SElUG1szMW0=\n", []explicitTag{{1, "!!binary"}}},
		{"a:\n  - b: !!timestamp 2001-12-14\n  - !custom {c: d}\n", []explicitTag{{2, "!!timestamp"}, {3, "!custom"}}},
		{"? !!binary a2V5\n: v\n", []explicitTag{{1, "!!binary"}}},
		{"a: &x !!binary SGk=\nb: *x\n", []explicitTag{{1, "!!binary"}}},
	}
	for _, tt := range tests {
		var root yaml.Node
		if err := yaml.Unmarshal([]byte(tt.doc), &root); err != nil {
			t.Fatalf("%q: %v", tt.doc, err)
		}
		got := explicitTags(&root)
		if len(got) != len(tt.want) {
			t.Errorf("%q: found %v, want %v", tt.doc, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("%q: found %v, want %v", tt.doc, got, tt.want)
			}
		}
	}
}

// Credentials and steps files refuse what profiles refuse: controls, bidi marks and invisible
// format characters.
func TestHasControlAgreesWithProfiles(t *testing.T) {
	for _, s := range []string{"a\x1b[2J", "a\u200bb", "a\u200fb", "a\u00adb", "tag\U000E0041", "\ufeffa"} {
		if !hasControl("fine", s) {
			t.Errorf("hasControl(%q) = false", s)
		}
	}
	if hasControl("Certified Coding Associate (AHIMA)", "Zoë — 李", "") {
		t.Error("clean text refused")
	}
}
