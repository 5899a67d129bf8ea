package questions

import (
	"slices"

	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/textsafe"
)

// AnswersSchema is a JSON Schema (draft 2020-12) of the answers file, so that editors check
// answers files as people type them. It is derived from the bank, so it cannot drift from what
// hitready accepts: unknown ids and values, ratings out of range and answers to questions that
// are not asked are all refused by it too. null stands for an answer not given yet. Its
// descriptions are in the bank's language.
func AnswersSchema(b *Bank) map[string]any {
	l := i18n.For(b.Lang())
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
		for _, c := range q.Values {
			if len(c.AllowedWhen) > 0 {
				// The value only where its allowed_when allows it: an answer it names, or none.
				conditions = append(conditions, map[string]any{
					"if":   map[string]any{"properties": map[string]any{q.ID: map[string]any{"enum": []any{c.Value}}}, "required": []any{q.ID}},
					"then": allowedSchema(c.AllowedWhen),
				})
			}
		}
		if len(q.AskedWhen) > 0 {
			// When the other answers rule the question out, it must be absent or empty.
			conditions = append(conditions, map[string]any{
				"if":   notAskedSchema(b, q),
				"then": map[string]any{"properties": map[string]any{q.ID: map[string]any{"type": "null"}}},
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
		"title":       l.T("questions.schema.title"),
		"description": l.T("questions.schema.description", i18n.Args{"Title": b.Source.Title}),
		"type":        "object",
		"properties": map[string]any{
			// The pattern refuses what the decoder refuses in a name: controls, bidi marks and
			// invisible characters, a joiner anywhere but inside a word or an emoji.
			"respondent": map[string]any{"type": []any{"string", "integer", "null"}, "maxLength": maxRespondent,
				"pattern": textsafe.Pattern(), "description": l.T("questions.schema.respondent")},
			"answers": answers,
			"skipped": map[string]any{"type": []any{"array", "null"}, "uniqueItems": true,
				"items": map[string]any{"enum": stringsAsAny(optionalIDs(b))}, "description": l.T("questions.schema.skipped")},
		},
		"additionalProperties": false,
	}
}

// notAskedSchema matches answers that rule q out: every one of its conditions fails, either by an
// answer outside the condition's values or, for a question that is itself conditional, by that
// question being absent and ruled out in turn. One condition on an unconditional question keeps
// the simple form: its question answered with a value that is not listed.
func notAskedSchema(b *Bank, q *Question) map[string]any {
	var fails []any
	for _, c := range q.AskedWhen {
		dep, _ := b.Question(c.Question)
		var notListed []string
		for _, v := range dep.ValueNames() {
			if !slices.Contains(c.In, v) {
				notListed = append(notListed, v)
			}
		}
		answeredOutside := map[string]any{
			"properties": map[string]any{c.Question: map[string]any{"enum": stringsAsAny(notListed)}},
			"required":   []any{c.Question},
		}
		if len(dep.AskedWhen) == 0 {
			fails = append(fails, answeredOutside)
			continue
		}
		fails = append(fails, map[string]any{"anyOf": []any{
			answeredOutside,
			map[string]any{"allOf": []any{
				map[string]any{"properties": map[string]any{c.Question: map[string]any{"type": "null"}}},
				notAskedSchema(b, dep),
			}},
		}})
	}
	if len(fails) == 1 {
		return fails[0].(map[string]any)
	}
	return map[string]any{"allOf": fails}
}

// allowedSchema matches answers that allow a value: one of the conditions' questions answered
// with a listed value, or not answered yet.
func allowedSchema(w When) map[string]any {
	var holds []any
	for _, c := range w {
		holds = append(holds, map[string]any{"properties": map[string]any{c.Question: map[string]any{"enum": append(stringsAsAny(c.In), nil)}}})
	}
	if len(holds) == 1 {
		return holds[0].(map[string]any)
	}
	return map[string]any{"anyOf": holds}
}

func stringsAsAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// optionalIDs are the ids of the questions a person may skip.
func optionalIDs(b *Bank) []string {
	var ids []string
	for i := range b.Questions {
		if b.Questions[i].Optional {
			ids = append(ids, b.Questions[i].ID)
		}
	}
	return ids
}
