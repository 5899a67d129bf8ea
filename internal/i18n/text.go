package i18n

import (
	"fmt"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Text is a person-facing text of the embedded data (a question, a choice, a requirement) in both
// languages. In YAML it is written side by side, so that whoever edits the Spanish sees the
// English:
//
//	text: {en: Which AHIMA credential did you earn?, es: ¿Qué credencial de AHIMA obtuvo?}
//
// or as a plain string, which is English only: what the data held before it was translated, and
// what a person's own --profile file may still hold. In Spanish it then reads in English.
type Text struct {
	En string `yaml:"en" json:"en"`
	Es string `yaml:"es,omitempty" json:"es,omitempty"`
}

// In is the text in language l: the Spanish when there is one, else the English. In the
// pseudo-language a translated text reads as pseudo-English (see Pseudo) and an untranslated
// one as plain English, so that a test finds it.
func (t Text) In(l Lang) string {
	switch {
	case l == Spanish && t.Es != "":
		return t.Es
	case l == Pseudo && t.Es != "":
		return pseudo(t.En)
	}
	return t.En
}

// Translated tells whether the text has its Spanish.
func (t Text) Translated() bool { return t.Es != "" }

// UnmarshalYAML reads a plain string (English only) or a mapping of en and es, both required and
// nothing else. A mapping it refuses is a *Refusal, which a reader words in its run's language.
func (t *Text) UnmarshalYAML(n *yaml.Node) error {
	switch n.Kind {
	case yaml.ScalarNode:
		*t = Text{En: n.Value}
		return nil
	case yaml.MappingNode:
		var out Text
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if v.Kind != yaml.ScalarNode {
				return &Refusal{"errors.profile.text-want-text", Args{"Line": v.Line, "Lang": k.Value}}
			}
			text := v.Value
			if v.Tag == "!!null" { // ~ or nothing: no text, not the word "~"
				text = ""
			}
			switch k.Value {
			case "en":
				out.En = text
			case "es":
				out.Es = text
			default:
				return &Refusal{"errors.profile.text-not-language", Args{"Line": k.Line, "Lang": strconv.Quote(k.Value)}}
			}
		}
		if strings.TrimSpace(out.En) == "" || strings.TrimSpace(out.Es) == "" {
			return &Refusal{"errors.profile.text-both", Args{"Line": n.Line}}
		}
		*t = out
		return nil
	}
	return fmt.Errorf("line %d: want a text, or its en and es", n.Line)
}

// Refusal is a refusal worded by the catalogue: its message id and what fills it. As an error it
// reads in English; a reader of a person's file words it in the run's language.
type Refusal struct {
	ID   string
	Args Args
}

func (r *Refusal) Error() string { return For(English).T(r.ID, r.Args) }

// Localize rewrites a parsed YAML document for language l: every text written in two languages
// (a mapping whose keys include en) becomes the plain string of l, in place and on the same line.
// The data's Go types then keep plain strings, and decode as they did before the data was
// translated, whatever the language; plain strings stay as they are (English only). In the
// pseudo-language a translated text is its English between markers, so that a test finds the
// plain strings left. A mapping with en that is not a well-formed Text is an error.
func Localize(n *yaml.Node, l Lang) error {
	switch n.Kind {
	case yaml.DocumentNode, yaml.SequenceNode:
		for _, c := range n.Content {
			if err := Localize(c, l); err != nil {
				return err
			}
		}
	case yaml.MappingNode:
		if isText(n) {
			var t Text
			if err := t.UnmarshalYAML(n); err != nil {
				return err
			}
			// The anchor stays, so that an alias of the text (*skilltarget) reads it in l too.
			*n = yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: t.In(l), Anchor: n.Anchor, Line: n.Line, Column: n.Column}
			return nil
		}
		for i := 1; i < len(n.Content); i += 2 {
			if err := Localize(n.Content[i], l); err != nil {
				return err
			}
		}
	}
	return nil
}

// isText tells a text in two languages from the data's other mappings: it has the key en.
func isText(n *yaml.Node) bool {
	for i := 0; i < len(n.Content); i += 2 {
		if n.Content[i].Value == "en" {
			return true
		}
	}
	return false
}
