package questions

import (
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/strictyaml"
)

// decodeKnown decodes a bank as parseBank does, but refusing unknown fields, in the bank and in
// each of its conditions (asked_when, allowed_when), which When decodes itself.
func decodeKnown(data []byte, l i18n.Lang) error {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return err
	}
	if err := splitQuotes(&doc, l); err != nil {
		return err
	}
	if err := i18n.Localize(&doc, l); err != nil {
		return err
	}
	if err := strictyaml.DecodeKnown(doc.Content[0], &Bank{}); err != nil {
		return err
	}
	return decodeConditionsKnown(doc.Content[0])
}

func decodeConditionsKnown(n *yaml.Node) error {
	for i, c := range n.Content {
		if err := decodeConditionsKnown(c); err != nil {
			return err
		}
		if n.Kind != yaml.MappingNode || i%2 == 1 || (c.Value != "asked_when" && c.Value != "allowed_when") {
			continue
		}
		v := n.Content[i+1]
		var err error
		if v.Kind == yaml.MappingNode {
			err = strictyaml.DecodeKnown(v, &Condition{})
		} else {
			err = strictyaml.DecodeKnown(v, &[]Condition{})
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// A run decodes the bank from its tree without refusing unknown fields (the tests do,
// strictyaml.DecodeKnown): so a field misspelt in bank.yaml, or in one of its conditions, must
// fail here, in every language it is read in.
func TestBankHasOnlyKnownFields(t *testing.T) {
	for _, l := range i18n.Langs() {
		if err := decodeKnown(bankYAML, l); err != nil {
			t.Errorf("bank.yaml in %s: %v", l, err)
		}
	}
	section := "sections:\n- {id: s, title: S, intro: I, why: {en: W, es: V}}\n"
	for _, tt := range []struct{ name, yaml, want string }{
		{"unknown field", section + "questions:\n- {id: b, section: s, kind: one-of, text: T, help: H, why: {en: W, es: V}, colour: red, values: [{value: x, label: X}]}\n", "colour"},
		{"unknown field in a condition", section + "questions:\n- {id: b, section: s, kind: one-of, text: T, help: H, why: {en: W, es: V}, values: [{value: x, label: X, allowed_when: [{question: a, in: [x], not: [y]}]}]}\n", "field not not found"},
	} {
		if err := decodeKnown([]byte(tt.yaml), i18n.English); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want it to contain %q", tt.name, err, tt.want)
		}
	}
}
