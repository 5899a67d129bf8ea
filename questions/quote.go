package questions

import (
	"fmt"

	"go.yaml.in/yaml/v3"

	"github.com/hitready/hitready/internal/i18n"
)

// whyTranslation is the key a why's rendering is decoded from (Question.WhyTranslation): made by
// splitQuotes, never written in bank.yaml.
const whyTranslation = "why_translation"

// splitQuotes reads every why of a parsed bank before i18n.Localize would make it one language's
// text. A why is a sentence quoted from a source, written side by side with its Spanish rendering,
// {en: the words as written, es: the rendering}; it becomes the quote (why), the same in every
// language, and, in a language other than English, the rendering to show beside it
// (why_translation): an English session reads exactly the quote. A why without both languages is
// refused, so that no quote reaches a Spanish reader unrendered.
func splitQuotes(n *yaml.Node, l i18n.Lang) error {
	switch n.Kind {
	case yaml.DocumentNode, yaml.SequenceNode:
		for _, c := range n.Content {
			if err := splitQuotes(c, l); err != nil {
				return err
			}
		}
	case yaml.MappingNode:
		for i, end := 0, len(n.Content); i+1 < end; i += 2 { // not the renderings it appends
			switch k, v := n.Content[i], n.Content[i+1]; k.Value {
			case whyTranslation:
				return fmt.Errorf("line %d: %s is made from why's es; write the rendering there", k.Line, whyTranslation)
			case "why":
				quote, rendering, err := readQuote(v, l)
				if err != nil {
					return err
				}
				// The slot is replaced, not the node: an anchored why (&degree) stays whole for
				// its aliases.
				n.Content[i+1] = quote
				if rendering != nil {
					n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: whyTranslation, Line: k.Line}, rendering)
				}
			default:
				if err := splitQuotes(v, l); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// readQuote is a why's quote and, unless l is English, its rendering in l, as scalar nodes on
// the why's line.
func readQuote(v *yaml.Node, l i18n.Lang) (quote, rendering *yaml.Node, err error) {
	if v.Kind == yaml.AliasNode {
		v = v.Alias
	}
	if v.Kind != yaml.MappingNode {
		return nil, nil, fmt.Errorf("line %d: why is a quoted source: write it {en: the words as written, es: a Spanish rendering}", v.Line)
	}
	var t i18n.Text
	if err := t.UnmarshalYAML(v); err != nil {
		return nil, nil, fmt.Errorf("why: %w", err)
	}
	scalar := func(s string) *yaml.Node {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s, Line: v.Line, Column: v.Column}
	}
	if l == i18n.English {
		return scalar(t.En), nil, nil
	}
	return scalar(t.En), scalar(t.In(l)), nil
}
