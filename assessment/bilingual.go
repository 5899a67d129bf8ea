package assessment

import (
	"errors"
	"maps"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/hitready/hitready/internal/i18n"
)

// A profile's texts in two languages, read in one (readStrict), apart from the strict reader
// they feed: strict.go stays under 600 lines.

// localize makes each text of the file in two languages ({en: …, es: …}) its string in l, in
// place in the tree and on the line it was on (i18n.Localize), so that the decoder reads plain
// strings and every message names the line of the file. A text it may not hold, or that
// i18n.Text could not read, is refused in the run's language.
func (f *yamlFile) localize(l i18n.Lang) error {
	var texts []*yaml.Node
	var misplaced *yaml.Node
	eachText(f.root, "", func(n *yaml.Node, field string) {
		if n.Kind != yaml.AliasNode { // an alias's text is checked at its anchor
			texts = append(texts, n)
		}
		if !textsOfEmbedded().fields[field] && misplaced == nil {
			misplaced = n
		}
	})
	if len(texts) == 0 {
		return nil
	}
	if misplaced != nil {
		// An id, a value or a number is the same in every language: in two, a profile would mean
		// one thing in English and another in Spanish.
		return errors.New(f.Words.T("errors.profile.text-not-here", i18n.Args{"Line": misplaced.Line,
			"Fields": strings.Join(slices.Sorted(maps.Keys(textsOfEmbedded().fields)), ", ")}))
	}
	for _, n := range texts {
		if err := f.checkText(n); err != nil {
			return err
		}
	}
	if err := f.checkTexts(); err != nil {
		return err
	}
	return i18n.Localize(f.root, l)
}

func isBilingual(n *yaml.Node) bool {
	if n.Kind != yaml.MappingNode || len(n.Content) < 2 {
		return false
	}
	for i := 0; i < len(n.Content); i += 2 {
		if k := n.Content[i].Value; k != "en" && k != "es" {
			return false
		}
	}
	return true
}

// checkTexts refuses, as i18n.Localize would in English, a text of the file that it could not
// read, in the run's language: every mapping with the key en is a text (i18n.Localize).
func (f *yamlFile) checkTexts() (err error) {
	f.walk(func(n *yaml.Node, _ *trail) bool {
		for i := 0; err == nil && n.Kind == yaml.MappingNode && i < len(n.Content); i += 2 {
			if n.Content[i].Value == "en" {
				err = f.checkText(n)
				return false // a text, not a mapping of fields
			}
		}
		return err == nil
	})
	return err
}

// checkText refuses the text in two languages n, as i18n.Text reads it, in the run's language.
func (f *yamlFile) checkText(n *yaml.Node) error {
	var t i18n.Text
	var r *i18n.Refusal
	if errors.As(t.UnmarshalYAML(n), &r) {
		return errors.New(f.Words.T(r.ID, r.Args))
	}
	return nil
}
