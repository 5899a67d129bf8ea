package questions

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
	"go.yaml.in/yaml/v3"
)

// schemaAccepts evaluates the subset of JSON Schema that AnswersSchema uses (type, enum,
// properties, additionalProperties: false, required, allOf, anyOf, if/then, items, uniqueItems,
// minimum, maximum, maxLength, pattern) on a value as JSON or YAML parse it. A tiny evaluator rather than
// a library: the schema is generated, the subset is fixed, and a dependency for a test is not
// worth its weight. It returns why a value is refused, or "" when it is accepted.
func schemaAccepts(schema map[string]any, v any) string {
	for _, keywords := range []func(map[string]any, any) string{valueKeywords, containerKeywords, combinedKeywords} {
		if why := keywords(schema, v); why != "" {
			return why
		}
	}
	return ""
}

// valueKeywords are those that judge the value itself: type, enum, minimum, maximum, maxLength, pattern.
func valueKeywords(schema map[string]any, v any) string {
	if t, ok := schema["type"]; ok {
		types, isList := t.([]any)
		if !isList {
			types = []any{t}
		}
		match := false
		for _, ty := range types {
			match = match || hasType(ty.(string), v)
		}
		if !match {
			return fmt.Sprintf("%v is not of type %v", v, t)
		}
	}
	if enum, ok := schema["enum"].([]any); ok {
		found := false
		for _, e := range enum {
			found = found || e == v
		}
		if !found {
			return fmt.Sprintf("%v is not one of %v", v, enum)
		}
	}
	if n, ok := number(v); ok {
		if lo, ok := number(schema["minimum"]); ok && n < lo {
			return fmt.Sprintf("%v is below %v", n, lo)
		}
		if hi, ok := number(schema["maximum"]); ok && n > hi {
			return fmt.Sprintf("%v is above %v", n, hi)
		}
	}
	if s, ok := v.(string); ok {
		if max, ok := number(schema["maxLength"]); ok && float64(len([]rune(s))) > max {
			return "too long"
		}
		// ECMA-262's syntax, which textsafe.Pattern keeps to the part Go's regexp shares.
		if p, ok := schema["pattern"].(string); ok && !regexp.MustCompile(p).MatchString(s) {
			return fmt.Sprintf("%q does not match the pattern", s)
		}
	}
	return ""
}

// containerKeywords judge an object's properties (properties, additionalProperties, required) and a
// list's items (items, uniqueItems).
func containerKeywords(schema map[string]any, v any) string {
	if obj, ok := v.(map[string]any); ok {
		props, _ := schema["properties"].(map[string]any)
		for k, val := range obj {
			sub, known := props[k]
			if !known {
				if schema["additionalProperties"] == false {
					return fmt.Sprintf("unknown property %q", k)
				}
				continue
			}
			if why := schemaAccepts(sub.(map[string]any), val); why != "" {
				return k + ": " + why
			}
		}
		if req, ok := schema["required"].([]any); ok {
			for _, k := range req {
				if _, ok := obj[k.(string)]; !ok {
					return fmt.Sprintf("%v is required", k)
				}
			}
		}
	}
	if list, ok := v.([]any); ok {
		if items, ok := schema["items"].(map[string]any); ok {
			for _, item := range list {
				if why := schemaAccepts(items, item); why != "" {
					return why
				}
			}
		}
		if schema["uniqueItems"] == true {
			for i := range list {
				for j := range i {
					if reflect.DeepEqual(list[i], list[j]) {
						return fmt.Sprintf("%v twice", list[i])
					}
				}
			}
		}
	}
	return ""
}

// combinedKeywords judge the value by other schemas: allOf, anyOf, if/then.
func combinedKeywords(schema map[string]any, v any) string {
	if all, ok := schema["allOf"].([]any); ok {
		for _, sub := range all {
			if why := schemaAccepts(sub.(map[string]any), v); why != "" {
				return why
			}
		}
	}
	if anyOf, ok := schema["anyOf"].([]any); ok {
		var whys []string
		for _, sub := range anyOf {
			why := schemaAccepts(sub.(map[string]any), v)
			if why == "" {
				whys = nil
				break
			}
			whys = append(whys, why)
		}
		if len(whys) > 0 {
			return "none of: " + strings.Join(whys, "; ")
		}
	}
	if cond, ok := schema["if"].(map[string]any); ok && schemaAccepts(cond, v) == "" {
		if then, ok := schema["then"].(map[string]any); ok {
			if why := schemaAccepts(then, v); why != "" {
				return "then: " + why
			}
		}
	}
	return ""
}

func hasType(ty string, v any) bool {
	switch ty {
	case "null":
		return v == nil
	case "object":
		_, ok := v.(map[string]any)
		return ok
	case "array":
		_, ok := v.([]any)
		return ok
	case "string":
		_, ok := v.(string)
		return ok
	case "integer":
		n, ok := number(v)
		return ok && n == math.Trunc(n)
	}
	panic("schema type the evaluator does not know: " + ty)
}

func number(v any) (float64, bool) {
	switch n := v.(type) {
	case int:
		return float64(n), true
	case float64:
		return n, true
	case json.Number:
		f, err := n.Float64()
		return f, err == nil
	}
	return 0, false
}

// parseDocument reads one JSON or YAML document as the schema would see it, or fails where no
// single document is there to check (syntax errors, a second document, a duplicate YAML key).
func parseDocument(path string, data []byte) (any, error) {
	var v any
	if strings.HasSuffix(path, ".json") {
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.UseNumber()
		if err := dec.Decode(&v); err != nil {
			return nil, err
		}
		if _, err := dec.Token(); !errors.Is(err, io.EOF) {
			return nil, errors.New("data after the document")
		}
		return v, nil
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&v); err != nil && !errors.Is(err, io.EOF) {
		return nil, err
	}
	var more any
	if err := dec.Decode(&more); !errors.Is(err, io.EOF) {
		return nil, errors.New("a second document")
	}
	return normalise(v), nil
}

// normalise turns YAML's map[string]any trees into the shapes JSON gives (yaml.v3 already uses
// map[string]any for string keys; other keys become their text).
func normalise(v any) any {
	switch t := v.(type) {
	case map[string]any:
		for k, val := range t {
			t[k] = normalise(val)
		}
	case map[any]any:
		m := map[string]any{}
		for k, val := range t {
			m[fmt.Sprint(k)] = normalise(val)
		}
		return m
	case []any:
		for i := range t {
			t[i] = normalise(t[i])
		}
	}
	return v
}

// schemaBlind are bad files the schema cannot see as bad, each with why: a schema judges the
// parsed value, never the bytes.
var schemaBlind = map[string]string{
	"c11/f.json": "a duplicate JSON key: the parser keeps one value, the schema never sees both",
	"c26/f.yaml": "a YAML alias: the schema sees the value the alias stands for",
}

// The JSON Schema and the decoder are two statements of one contract: on the examples, on the
// catalogue of bad input and on a table of small documents, they accept and refuse the same.
func TestSchemaAndDecoderAgree(t *testing.T) {
	bank, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	// The schema as a person's editor reads it: through its JSON text.
	var schema map[string]any
	text, _ := json.Marshal(AnswersSchema(bank))
	if err := json.Unmarshal(text, &schema); err != nil {
		t.Fatal(err)
	}

	type doc struct {
		name string
		data []byte
	}
	var docs []doc
	examples, _ := filepath.Glob(filepath.Join("..", "examples", "*"))
	for _, ex := range examples {
		data, err := os.ReadFile(ex)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, doc{filepath.Base(ex), data})
	}
	arch, err := txtar.ParseFile(filepath.Join("..", "testdata", "script", "bad_input_catalogue.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range arch.Files {
		if strings.HasSuffix(f.Name, ".yaml") || strings.HasSuffix(f.Name, ".json") {
			if strings.HasSuffix(f.Name, "p.yaml") { // profiles, not answers
				continue
			}
			docs = append(docs, doc{f.Name, f.Data})
		}
	}
	for _, d := range []struct{ name, text string }{
		{"partial.yaml", "answers:\n  education.level: associate\n"},
		{"nulls.yaml", "respondent:\nanswers:\n  education.level:\n  coursework:\n"},
		{"number-respondent.yaml", "respondent: 42\nanswers: {}\n"},
		{"no-answers.yaml", "respondent: Pat\n"},
		{"field-when-asked.json", `{"answers": {"education.level": "bachelor", "education.field": "other"}}`},
		{"field-when-not-asked.json", `{"answers": {"education.level": "none", "education.field": "other"}}`},
		{"him-above-degree.json", `{"answers": {"education.level": "associate", "education.field": "other", "education.him": "bachelor"}}`},
		{"him-certificate.json", `{"answers": {"education.level": "bachelor", "education.field": "other", "education.him": "certificate"}}`},
		{"him-with-hit-degree.json", `{"answers": {"education.level": "bachelor", "education.field": "hit", "education.him": "associate"}}`},
		{"him-level-unanswered.yaml", "answers:\n  education.program: final-term\n  education.program-level: certificate\n"},
		{"program-level-certificate-too-early.yaml", "answers:\n  education.level: some-college\n  education.program: final-term\n  education.program-level: certificate\n"},
		{"accredited-him.yaml", "answers:\n  education.level: bachelor\n  education.field: other\n  education.him: associate\n  education.accredited: \"yes\"\n"},
		{"accredited-no-him.yaml", "answers:\n  education.level: bachelor\n  education.field: other\n  education.him: none\n  education.program: \"no\"\n  education.accredited: \"yes\"\n"},
		{"rating-zero.json", `{"answers": {"skills.empathy": 0}}`},
		{"rating-top.json", `{"answers": {"skills.empathy": 5}}`},
		// 4.0 is the whole number 4 to a JSON Schema's "integer", and to the decoder (issue 17,
		// items 12 and 19); 4.5 is whole to neither.
		{"rating-4.0.json", `{"answers": {"skills.empathy": 4.0}}`},
		{"rating-4e0.json", `{"answers": {"skills.empathy": 4e0}}`},
		{"rating-4.0.yaml", "answers:\n  skills.empathy: 4.0\n"},
		{"rating-4.5.json", `{"answers": {"skills.empathy": 4.5}}`},
		{"rating-5.0e1.json", `{"answers": {"skills.empathy": 5.0e1}}`},
		{"list-twice.yaml", "answers:\n  coursework: [anatomy, anatomy]\n"},
		{"list-as-text.yaml", "answers:\n  coursework: anatomy\n"},
		{"long-respondent.json", `{"respondent": "` + strings.Repeat("x", 201) + `"}`},
		{"top-level-list.json", `[]`},
		// A joiner is text inside a word or an emoji sequence, and refused anywhere else; bidi
		// controls are refused (issue 17, items 11 and 12).
		{"persian.json", `{"respondent": "مهسا\u200cرضایی"}`},
		{"emoji.yaml", "respondent: \"Priya \U0001F469\u200d\U0001F4BB\"\n"},
		{"lone-joiner.json", `{"respondent": "Jordan\u200d"}`},
		{"latin-joiner.yaml", "respondent: \"Jane\u200dDoe\"\n"},
		{"rlm.json", `{"respondent": "a\u200fb"}`},
		{"tag.json", `{"respondent": "a\udb40\udc41"}`},
		// Optional questions the person skipped (issue 17, item 17).
		{"skipped.yaml", "answers: {education.level: none}\nskipped: [work.settings, experience.coding]\n"},
		{"skipped-and-answered.json", `{"answers": {"work.settings": []}, "skipped": ["work.settings"]}`},
		{"skipped-required.yaml", "skipped: [coursework]\n"},
		{"skipped-twice.json", `{"skipped": ["work.settings", "work.settings"]}`},
		{"skipped-unknown.json", `{"skipped": ["nope"]}`},
		{"skipped-text.yaml", "skipped: work.settings\n"},
	} {
		docs = append(docs, doc{d.name, []byte(d.text)})
	}

	agreed, blind, unparsable := 0, 0, 0
	for _, d := range docs {
		_, decodeErr := bank.DecodeAnswers(d.name, d.data)
		v, parseErr := parseDocument(d.name, d.data)
		if parseErr != nil {
			if decodeErr == nil {
				t.Errorf("%s: not one document (%v), yet the decoder accepts it", d.name, parseErr)
			}
			unparsable++
			continue
		}
		why := schemaAccepts(schema, v)
		if reason, ok := schemaBlind[d.name]; ok {
			if decodeErr == nil || why != "" {
				t.Errorf("%s: listed as invisible to the schema (%s), but decoder %v, schema %q", d.name, reason, decodeErr, why)
			}
			blind++
			continue
		}
		if (decodeErr == nil) != (why == "") {
			t.Errorf("%s: decoder says %v, schema says %q", d.name, decodeErr, why)
			continue
		}
		agreed++
	}
	t.Logf("%d documents: %d agreed, %d unparsable (refused by both), %d invisible to a schema", len(docs), agreed, unparsable, blind)
	if agreed < 30 || blind != len(schemaBlind) {
		t.Errorf("checked too few: %d agreed, %d of %d schema-blind cases seen", agreed, blind, len(schemaBlind))
	}
}
