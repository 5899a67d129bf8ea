package questions

import (
	"encoding/json"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/hitready/hitready/internal/i18n"
)

// Condition makes a question depend on another question's answer.
type Condition struct {
	Question string   `yaml:"question" json:"question"`
	In       []string `yaml:"in" json:"in"`
}

// Holds tells whether the answers meet the condition: its question is answered with one of the
// listed values.
func (c Condition) Holds(a *Answers) bool {
	ans, ok := a.Get(c.Question)
	return ok && slices.Contains(c.In, ans.Choice)
}

// When is a question's asked_when: any one of its conditions makes the question asked ("this or
// that"). In YAML and JSON a single condition is written as a mapping, as it always was, and
// several as a list of mappings; so files and scripts that read the one-condition form keep
// working.
type When []Condition

// In reads as the rest of "asked only when …" in l's language: "education.field is hit, or
// education.him is associate or bachelor"; "education.level es associate, bachelor o master".
func (w When) In(l *i18n.Localizer) string {
	parts := make([]string, len(w))
	for i, c := range w {
		parts[i] = l.T("questions.condition", i18n.Args{"Question": c.Question, "Values": l.Or(c.In)})
	}
	return strings.Join(parts, l.T("questions.conditions.or"))
}

func (w *When) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.MappingNode {
		*w = make(When, 1)
		return n.Decode(&(*w)[0])
	}
	return n.Decode((*[]Condition)(w))
}

func (w When) MarshalYAML() (any, error) {
	switch len(w) {
	case 0:
		return nil, nil
	case 1:
		return w[0], nil
	}
	return []Condition(w), nil
}

func (w When) MarshalJSON() ([]byte, error) {
	if len(w) == 1 {
		return json.Marshal(w[0])
	}
	return json.Marshal([]Condition(w))
}
