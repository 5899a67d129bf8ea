package assessment

import (
	"reflect"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/hitready/hitready/internal/i18n"
)

// A program adapts the profile by printing it (requirements --format yaml), editing it and
// reading it back with --profile. The print is in one language, so without more a Spanish run
// of an English print would show the program's students English wherever the program left the
// text as it was. A text of a custom file that is word for word a text of the embedded data in
// one language is therefore read as that text in the run's language: what the program kept is
// translated as hitready translates it, what it wrote is shown as written.

// knownTexts maps each text of the embedded profile, credentials and steps in one language to
// the same text in the other, for each language a run may read them in. Read once, when a
// custom file is first read.
var knownTexts = sync.OnceValue(func() map[i18n.Lang]map[string]string {
	known := map[i18n.Lang]map[string]string{i18n.English: {}, i18n.Spanish: {}}
	var visit func(n *yaml.Node)
	visit = func(n *yaml.Node) {
		if isBilingual(n) {
			var t i18n.Text
			if t.UnmarshalYAML(n) == nil && t.Translated() && t.En != t.Es {
				known[i18n.Spanish][t.En] = t.Es
				known[i18n.English][t.Es] = t.En
			}
			return
		}
		for _, c := range n.Content {
			visit(c)
		}
	}
	for _, data := range [][]byte{profileYAML, credentialsYAML, stepsYAML} {
		var doc yaml.Node
		if yaml.Unmarshal(data, &doc) == nil { // embedded: parsed by every test
			visit(&doc)
		}
	}
	return known
})

// translateKnown replaces, in every string field of v at any depth, a text of the embedded data
// in the other language with the same text in l.
func translateKnown(v any, l i18n.Lang) {
	if known := knownTexts()[l]; len(known) > 0 {
		translateValue(reflect.ValueOf(v), known)
	}
}

func translateValue(v reflect.Value, known map[string]string) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			translateValue(v.Elem(), known)
		}
	case reflect.String:
		if t, ok := known[v.String()]; ok && v.CanSet() {
			v.SetString(t)
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			translateValue(v.Index(i), known)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				translateValue(v.Field(i), known)
			}
		}
	}
}
