package questions

import (
	"slices"
)

// AnswersSchema is a JSON Schema (draft 2020-12) of the answers file, so that editors check
// answers files as people type them. It is derived from the bank, so it cannot drift from what
// hitready accepts: unknown ids and values, ratings out of range and answers to questions that
// are not asked are all refused by it too. null stands for an answer not given yet.
func AnswersSchema(b *Bank) map[string]any {
	props := map[string]any{}
	var conditions []any
	for i := range b.Questions {
		q := &b.Questions[i]
		var value map[string]any
		switch q.Kind {
		case OneOf:
			value = map[string]any{"enum": append(stringsAsAny(q.ValueNames()), nil)}
		case AnyOf:
			value = map[string]any{
				"type":        []any{"array", "null"},
				"uniqueItems": true,
				"items":       map[string]any{"enum": stringsAsAny(q.ValueNames())},
			}
		case Rating:
			value = map[string]any{"type": []any{"integer", "null"}, "minimum": q.Scale.Min, "maximum": q.Scale.Max}
		}
		value["description"] = q.Text
		props[q.ID] = value
		if c := q.AskedWhen; c != nil {
			dep, _ := b.Question(c.Question)
			var notAsked []string
			for _, v := range dep.ValueNames() {
				if !slices.Contains(c.In, v) {
					notAsked = append(notAsked, v)
				}
			}
			// When the condition's answer rules the question out, the question must be absent
			// or empty.
			conditions = append(conditions, map[string]any{
				"if": map[string]any{
					"properties": map[string]any{c.Question: map[string]any{"enum": stringsAsAny(notAsked)}},
					"required":   []any{c.Question},
				},
				"then": map[string]any{
					"properties": map[string]any{q.ID: map[string]any{"type": "null"}},
				},
			})
		}
	}
	answers := map[string]any{
		"type":                 []any{"object", "null"},
		"properties":           props,
		"additionalProperties": false,
	}
	if len(conditions) > 0 {
		answers["allOf"] = conditions
	}
	return map[string]any{
		"$schema":     "https://json-schema.org/draft/2020-12/schema",
		"title":       "hitready answers file",
		"description": "Answers to the hitready questionnaire: " + b.Source.Title + ".",
		"type":        "object",
		"properties": map[string]any{
			"respondent": map[string]any{"type": []any{"string", "integer", "null"}, "maxLength": 200, "description": "optional label"},
			"answers":    answers,
		},
		"additionalProperties": false,
	}
}

func stringsAsAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}
