package assessment

import (
	"strings"
	"testing"

	"github.com/hitready/hitready/internal/i18n"
)

// screened is a small file type for the tests of the screen: text, a number, a list, a mapping.
type screened struct {
	Title string            `yaml:"title"`
	When  string            `yaml:"when"`
	Count int               `yaml:"count"`
	Items []screened        `yaml:"items"`
	Set   map[string]string `yaml:"set"`
}

// The screen refuses what YAML allows and hitready does not, wherever it is, with the file, the
// line and the field; the plain tags, which name what YAML resolves anyway, and anchors pass.
func TestScreen(t *testing.T) {
	for _, tt := range screenCases {
		_, _, err := readStrict[screened]("f.yaml", []byte(tt.doc), profileKind, i18n.English)
		if tt.want == nil {
			if err != nil {
				t.Errorf("%q: refused: %v", tt.doc, err)
			}
			continue
		}
		if err == nil {
			t.Errorf("%q: read", tt.doc)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%q: the refusal lacks %q:\n%s", tt.doc, w, err)
			}
		}
	}
}

// screenCases are small files the screen reads or refuses.
var screenCases = []struct {
	doc  string
	want []string // problems, one a line; none: the file reads
}{
	{"title: Plain\ncount: 3\n", nil},
	{"title: !!str 2024\ncount: !!int 3\nitems: !!seq []\nset: !!map {}\nwhen: !!null\n", nil},
	{"when: 2001-12-14\n", nil}, // resolved as a timestamp, not tagged: it is text to a string
	{"title: &t Same\nitems: [{title: *t}]\n", nil},
	{"title: !!binary SElUG1szMW0=\n", []string{"f.yaml:1: the YAML tag !!binary is not allowed in a profile; remove it"}},
	{"items:\n  - title: !!timestamp 2001-12-14\n  - !custom {title: d}\n", []string{"f.yaml:2: the YAML tag !!timestamp", "f.yaml:3: the YAML tag !custom"}},
	{"? !!binary a2V5\n: v\n", []string{"f.yaml:1: the YAML tag !!binary"}},
	{"title: \"a\\e[2J\"\n", []string{`f.yaml:1: title holds \x1b (a control character); profile text must be printable and on one line`}},
	{"items: [{title: \"a\u200bb\"}]\n", []string{`f.yaml:1: items.title holds \u200b (an invisible format character)`}},
	{"set: {\"k\\u2028\": v}\n", []string{`f.yaml:1: a key holds \u2028`}},
	{"title: a\ntitle: b\n", []string{"f.yaml:2: title is given twice (first at line 1); keep one"}},
	{"title: '  '\nitems: [{title: \"\u00a0\"}, {title: x}]\n", []string{"f.yaml:1: title is only spaces", "f.yaml:2: items.title is only spaces"}},
	{"title: ''\n", nil}, // empty, not blank: a field that may be empty says so itself
	{"<<: {title: a}\n", []string{"f.yaml:1: YAML merge keys (<<) are not allowed in a profile; write the fields out"}},
	{"? [a]\n: b\n", []string{"f.yaml:1: a key must be plain text; got a list"}},
	// A null key, which the decoder would drop without a word, unknown field or not.
	{"title: a\n~: {anything: 1}\nitems:\n  - null: hidden\n", []string{"f.yaml:2: a key must be plain text; got nothing", "f.yaml:4: a key must be plain text; got nothing"}},
	{"set:\n" + floodLines("  ", "x", 3000), []string{"f.yaml:2: is not a valid profile: set has 364 keys; a mapping has at most 256"}},
	{"colour: red\n", []string{"f.yaml:1: is not a valid profile: unknown field colour; allowed in the profile: count, items, set, title, when"}},
	{"items: [{id: a, titel: x}]\n", []string{`f.yaml:1: a: is not a valid profile: unknown field titel (did you mean "title"?); allowed in items:`}},
	{"count: [1]\n", []string{"f.yaml:1: count must be a whole number; got a list"}},
	{"items: {title: x}\n", []string{"f.yaml:1: items must be a list; got a mapping"}},
	{"title: [x]\n", []string{"f.yaml:1: title must be text; got a list"}},
}
