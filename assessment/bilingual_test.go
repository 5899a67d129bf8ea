package assessment

import (
	"strings"
	"testing"

	"github.com/hitready/hitready/internal/i18n"
)

// Texts in two languages in a custom file, as an attacker and a new-user tester wrote them: each
// read as its text in the run's language, or refused at its line; never a crash, never another
// text rewritten.
func TestTextsInTwoLanguagesAsPeopleWriteThem(t *testing.T) {
	type item struct {
		Title string `yaml:"title"`
		Text  string `yaml:"text"`
		ID    string `yaml:"id"`
	}
	type file struct {
		Items []item `yaml:"requirements"`
	}
	for _, tt := range []struct {
		name, data string
		want       []item // in Spanish
		refused    string
	}{
		{"old Mac line ends (CR)", "requirements:\r  - title: {en: One, es: Uno}\r    text: plain\r",
			[]item{{Title: "Uno", Text: "plain"}}, ""},
		{"accents before a text on its line", "requirements: [{title: \"éééééééééééééééééééé {x}\", text: {en: Hello, es: Hola}, id: x}]\n",
			[]item{{Title: "éééééééééééééééééééé {x}", Text: "Hola", ID: "x"}}, ""},
		{"a comment after the key", "requirements:\n  - title: # ours\n      en: One\n      es: Uno\n    text: two\n",
			[]item{{Title: "Uno", Text: "two"}}, ""},
		// Refused while the reader rewrote the file's lines (issue 15), read since it reads the tree.
		{"a flow text over two lines", "requirements:\n  - title: {en: One,\n      es: Uno}\n    text: two\n",
			[]item{{Title: "Uno", Text: "two"}}, ""},
		// YAML counts it as a line break, so every later line would be named a line too far.
		{"a line separator in a comment", "requirements:\n# a\u2028\n  - title: {en: One, es: Uno}\n",
			nil, "f.yaml:2: holds a line separator (U+2028, U+2029 or U+0085)"},
		{"NEL after old Mac line ends", "requirements:\r# a\r\n# b\u0085\n", nil, "f.yaml:3: holds a line separator"},
		{"a block text without a key of its own", "requirements: [{title: x}, {text:\n  {en: Two, es: Dos}}]\n",
			[]item{{Title: "x"}, {Text: "Dos"}}, ""},
		{"an anchored text and its alias", "requirements:\n  - title: &t\n      en: One\n      es: Uno\n    text: *t\n",
			[]item{{Title: "Uno", Text: "Uno"}}, ""},
		{"an id in two languages", "requirements:\n  - id: {en: a, es: b}\n", nil, "line 2: only a text may be written in two languages"},
		{"an id that is an alias of a text", "requirements:\n  - title: &t {en: One, es: Uno}\n    id: *t\n", nil,
			"line 3: only a text may be written in two languages"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if tt.refused != "" {
				_, _, err := readStrict[file]("f.yaml", []byte(tt.data), profileKind, i18n.English)
				if err == nil || !strings.Contains(err.Error(), tt.refused) {
					t.Fatalf("got %v, want a refusal with %q", err, tt.refused)
				}
				return
			}
			v, _, err := readStrict[file]("f.yaml", []byte(tt.data), profileKind, i18n.Spanish)
			if err != nil {
				t.Fatal(err)
			}
			if len(v.Items) != len(tt.want) {
				t.Fatalf("got %+v, want %+v", v.Items, tt.want)
			}
			for i := range tt.want {
				if v.Items[i] != tt.want[i] {
					t.Errorf("got %+v, want %+v", v.Items[i], tt.want[i])
				}
			}
		})
	}
}

// A custom file's ids, values and file names are never translated, even when one reads as a text
// of the embedded data; its texts are.
func TestOnlyTextsAreTranslated(t *testing.T) {
	type area struct {
		ID    string `yaml:"id"`
		Title string `yaml:"title"`
	}
	type file struct {
		Areas []area `yaml:"areas"`
	}
	v, _, err := readStrict[file]("f.yaml", []byte("areas:\n  - id: Skills\n    title: Skills\n"), profileKind, i18n.Spanish)
	if err != nil {
		t.Fatal(err)
	}
	if got := v.Areas[0]; got.ID != "Skills" || got.Title != "Habilidades" {
		t.Errorf("got %+v, want the id as written and the title in Spanish", got)
	}
}

// A text for each value of a question (missing_when) may be written in two languages whatever the
// value, and a kept one reads in the run's language: the texts belong to missing_when, not to the
// values they are keyed by.
func TestTextsForEachValue(t *testing.T) {
	type rule struct {
		MissingWhen map[string]string `yaml:"missing_when"`
	}
	type file struct {
		Rules []rule `yaml:"rules"`
	}
	var kept string
	for en := range textsOfEmbedded().known[i18n.Spanish] {
		if strings.HasPrefix(en, "A health information program: your degree is in another field") {
			kept = en
		}
	}
	if kept == "" {
		t.Fatal("no missing_when text of the embedded credentials to keep")
	}
	data := "rules:\n  - missing_when:\n      master: {en: Ours, es: Nuestro}\n      other: \"" + kept + "\"\n"
	v, _, err := readStrict[file]("c.yaml", []byte(data), credentialsKind, i18n.Spanish)
	if err != nil {
		t.Fatal(err)
	}
	got := v.Rules[0].MissingWhen
	if got["master"] != "Nuestro" || got["other"] == kept || !strings.HasPrefix(got["other"], "Un programa de información de salud") {
		t.Errorf("got %q", got)
	}
}
