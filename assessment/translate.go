package assessment

import (
	"cmp"
	"reflect"
	"slices"
	"strings"
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

// embeddedTexts are the texts of the embedded profile, credentials and steps: for each language
// a run may read them in, each text in the other language mapped to its text in this one; and
// the fields that hold them (title, requirement, because, missing_when, …), the only fields where
// a custom file may write a text in two languages and the only ones translated. An id, a value or
// a file name is never a text, even when it reads like one ("Skills"). And english, the passages
// those files and the outlook keep in English inside their Spanish texts (EnglishPassages). Read
// once, when a custom file is first read or a page asks.
type embeddedTexts struct {
	known   map[i18n.Lang]map[string]string
	fields  map[string]bool
	english []string
}

var textsOfEmbedded = sync.OnceValue(func() embeddedTexts {
	e := embeddedTexts{known: map[i18n.Lang]map[string]string{i18n.English: {}, i18n.Spanish: {}}, fields: map[string]bool{}}
	for _, f := range []embeddedFile{embeddedProfile, embeddedCredentials, embeddedSteps, embeddedOutlook} {
		doc, err := f.parse()
		if err != nil { // embedded: parsed by every test
			continue
		}
		custom := f.name != embeddedOutlookName // the outlook is never a custom file's
		eachText(doc, "", func(n *yaml.Node, field string) {
			if custom {
				e.fields[field] = true
			}
			var t i18n.Text
			if t.UnmarshalYAML(n) != nil {
				return
			}
			e.english = append(e.english, t.Kept()...)
			if custom && t.Translated() && t.En != t.Es {
				e.known[i18n.Spanish][t.En] = t.Es
				e.known[i18n.English][t.Es] = t.En
			}
		})
	}
	slices.SortFunc(e.english, func(a, b string) int { return cmp.Or(len(b)-len(a), cmp.Compare(a, b)) })
	e.english = slices.Compact(e.english)
	return e
})

// EnglishPassages are the passages the embedded data keeps in English inside its Spanish texts
// (i18n.Text.Kept): the titles of quoted sources, quotes, the names of bodies ("Becoming a Health
// Information Technician", "Occupational Outlook Handbook"), each once, the longest first so
// that a longer one is found before a passage it holds. A page in Spanish marks them lang="en".
// A credential's name, English in every language, is marked where it stands.
func EnglishPassages() []string { return textsOfEmbedded().english }

// mapsOfTexts are the fields whose mapping holds a text for each value of a question
// (missing_when: {associate: …, related: …}): such a text belongs to the field, not to the value
// it is keyed by.
var mapsOfTexts = map[string]bool{"missing_when": true}

// eachText calls visit with every text in two languages under n, the value of field, and the
// field it is a text of.
func eachText(n *yaml.Node, field string, visit func(text *yaml.Node, field string)) {
	// An alias of a text (*t) is that text where the alias stands, and visited there.
	if isBilingual(n) || n.Kind == yaml.AliasNode && n.Alias != nil && isBilingual(n.Alias) {
		visit(n, field)
		return
	}
	for i, c := range n.Content {
		switch {
		case n.Kind != yaml.MappingNode, i%2 == 1 && mapsOfTexts[field]:
			eachText(c, field, visit)
		case i%2 == 1:
			eachText(c, n.Content[i-1].Value, visit)
		}
	}
}

// translateKnown replaces, in every text field of v at any depth, a text of the embedded data in
// the other language with the same text in l.
func translateKnown(v any, l i18n.Lang) {
	e := textsOfEmbedded()
	if known := e.known[l]; len(known) > 0 {
		translateValue(reflect.ValueOf(v), false, known, e.fields)
	}
}

func translateValue(v reflect.Value, text bool, known map[string]string, fields map[string]bool) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			translateValue(v.Elem(), text, known, fields)
		}
	case reflect.String:
		if t, ok := known[v.String()]; ok && text && v.CanSet() {
			v.SetString(t)
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			translateValue(v.Index(i), text, known, fields)
		}
	case reflect.Map:
		if text && v.Type().Elem().Kind() == reflect.String {
			for _, k := range v.MapKeys() {
				if t, ok := known[v.MapIndex(k).String()]; ok {
					v.SetMapIndex(k, reflect.ValueOf(t).Convert(v.Type().Elem()))
				}
			}
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if f := v.Type().Field(i); f.IsExported() {
				name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
				translateValue(v.Field(i), fields[name], known, fields)
			}
		}
	}
}
