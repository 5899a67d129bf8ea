package assessment

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/hitready/hitready/internal/inputerr"
	"github.com/hitready/hitready/internal/textsafe"
	"github.com/hitready/hitready/questions"
)

// maxWeight bounds every weight of a profile. Weights are relative, so no real profile needs more
// than a few digits; the bound keeps sums of weights (and so scores) far from overflowing to +Inf
// or NaN, which a weight of 1e308 does.
const maxWeight = 1e6

// valueKind is what a field of a profile holds. The YAML decoder is lenient where a profile must
// not be: it reads `target: 4.5` into an int as 4 and `blocking: "yes"` into a bool as true, so the
// node tree is checked against these kinds first.
type valueKind int

const (
	textValue   valueKind = iota // any scalar but null
	numberValue                  // !!int or !!float
	wholeValue                   // !!int
	boolValue                    // !!bool
	mappingValue
	listValue
	creditsValue // a mapping of value name to number (a factor's values)
)

// shape describes a field: its kind, the fields of a mapping (required ones listed), the items
// of a list. A mapping's fields are those of the Go type it decodes into (of), so a field added
// to the type is known here too; fields lists only those that are not plain text.
type shape struct {
	kind     valueKind
	of       reflect.Type
	fields   map[string]*shape
	required []string
	item     *shape
	allowed  string // what a number field allows, for messages

	keys *structKeys // of's keys, worked out on first use: a file may have thousands of keys
}

// field returns the shape of a mapping's field, and whether the mapping has it.
func (s *shape) field(name string) (*shape, bool) {
	if sub, ok := s.fields[name]; ok {
		return sub, true
	}
	if _, ok := s.structKeys().types[name]; ok {
		return &shape{kind: textValue}, true
	}
	return nil, false
}

func (s *shape) structKeys() *structKeys {
	if s.keys == nil {
		s.keys = keysOf(s.of)
	}
	return s.keys
}

// structKeys are the keys a struct type decodes from, with the type of each, and their list for
// messages.
type structKeys struct {
	types   map[string]reflect.Type
	allowed string // "a, b, c", sorted
}

func keysOf(t reflect.Type) *structKeys {
	k := &structKeys{types: map[string]reflect.Type{}}
	if t == nil || t.Kind() != reflect.Struct {
		return k
	}
	for f := range t.Fields() {
		if name, ok := yamlName(f); ok {
			k.types[name] = f.Type
		}
	}
	k.allowed = strings.Join(slices.Sorted(maps.Keys(k.types)), ", ")
	return k
}

// yamlName is the key yaml.v3 decodes a struct field from; ok is false for fields it skips.
func yamlName(f reflect.StructField) (string, bool) {
	if !f.IsExported() {
		return "", false
	}
	name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
	switch name {
	case "-":
		return "", false
	case "":
		return strings.ToLower(f.Name), true
	}
	return name, true
}

// profileShape is the layout of a profile file. It is built per call: no package-level state.
// Fields whose absence check() already words (ids, requirements) are not listed as required.
func profileShape() *shape {
	text := &shape{kind: textValue}
	weight := &shape{kind: numberValue, allowed: fmt.Sprintf("a number from 0 to %g", float64(maxWeight))}
	source := &shape{kind: mappingValue, of: reflect.TypeFor[questions.Source]()}
	condition := &shape{kind: mappingValue, of: reflect.TypeFor[questions.Condition](), required: []string{"question", "in"},
		fields: map[string]*shape{"in": {kind: listValue, item: text}}}
	factor := &shape{kind: mappingValue, of: reflect.TypeFor[Factor](), required: []string{"question"}, fields: map[string]*shape{
		"values": {kind: creditsValue, allowed: "a credit from 0 to 1"},
		"target": {kind: wholeValue, allowed: "a whole number on the question's scale"},
	}}
	step := &shape{kind: mappingValue, of: reflect.TypeFor[NextStep](), required: []string{"text"}, fields: map[string]*shape{"when": condition}}
	requirement := &shape{kind: mappingValue, of: reflect.TypeFor[Requirement](), required: []string{"area", "weight"}, fields: map[string]*shape{
		"weight":     weight,
		"blocking":   {kind: boolValue},
		"credit":     {kind: listValue, item: factor},
		"next_steps": {kind: listValue, item: step},
	}}
	score := &shape{kind: numberValue, allowed: "a score from 0 to 100"}
	return &shape{kind: mappingValue, of: reflect.TypeFor[Profile](), required: []string{"thresholds", "major_below", "areas"}, fields: map[string]*shape{
		"source": source,
		"thresholds": {kind: mappingValue, of: reflect.TypeFor[Thresholds](), required: []string{"ready", "nearly_ready"},
			fields: map[string]*shape{"ready": score, "nearly_ready": score}},
		"major_below": {kind: numberValue, allowed: "a credit from 0 to 1"},
		"areas": {kind: listValue, item: &shape{kind: mappingValue, of: reflect.TypeFor[Area](), required: []string{"weight"},
			fields: map[string]*shape{"weight": weight}}},
		"notes":        {kind: mappingValue, of: reflect.TypeFor[NoteTexts]()},
		"requirements": {kind: listValue, item: requirement},
	}}
}

// shapeChecker walks a profile's nodes, collecting every problem of shape before the decoder,
// which stops at the first, reads anything. It is linear in the file; yaml.v3's decoder is not
// (it compares every key of a mapping with every other), so when the keys are wrong (unknown,
// given twice, too many) the decoder is not run at all: keysBad.
type shapeChecker struct {
	path     string
	problems []inputerr.Problem
	// dropped counts the problems after the first screenful, counted and not kept, as the
	// answers decoder does: a 1 MiB file of mistakes must not cost many times its size.
	dropped int
	// keysBad is set when a mapping has a key the strict decoder would refuse (unknown, twice) or
	// more keys than any real one: the decoder would fail anyway, and slowly.
	keysBad bool
	// walked holds each node already checked against each shape. Aliases share nodes, so without
	// it a file of nested aliases (a "billion laughs") would be walked exponentially often; shapes
	// do not nest into themselves, so a cycle of aliases ends too.
	walked map[walkedKey]bool
	// missing holds the dotted names of required fields not given, so that value checks do not
	// also complain about the zero the decoder puts in their place.
	missing map[string]bool
}

type walkedKey struct {
	node  *yaml.Node
	shape *shape
}

func (c *shapeChecker) add(line int, id, format string, args ...any) {
	if len(c.problems) >= inputerr.MaxShown {
		c.dropped++
		return
	}
	c.problems = append(c.problems, inputerr.Problem{Origin: inputerr.Origin{Path: c.path, Line: line}, ID: id, Message: fmt.Sprintf(format, args...)})
}

// shapeResult is what checkShape found.
type shapeResult struct {
	problems []inputerr.Problem // the first screenful
	dropped  int                // how many more
	missing  map[string]bool    // dotted names of required fields not given
	keysBad  bool               // do not run the strict decoder (shapeChecker.keysBad)
}

// checkShape lists the fields of a profile that are missing, of the wrong kind, or hold text that
// must not reach a terminal, and names the missing ones.
func checkShape(path string, root *yaml.Node) shapeResult {
	c := &shapeChecker{path: path, walked: map[walkedKey]bool{}, missing: map[string]bool{}}
	n := root
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	c.walk(n, profileShape(), "", "", n.Line)
	for _, t := range explicitTags(n) {
		c.add(t.line, "", "%s", t.message("profile"))
	}
	return shapeResult{problems: c.problems, dropped: c.dropped, missing: c.missing, keysBad: c.keysBad}
}

// walk checks node n against s. name is the field's dotted name for messages, id the requirement
// it belongs to, if any, and line the line of its key, where a missing field of it is reported.
func (c *shapeChecker) walk(n *yaml.Node, s *shape, name, id string, line int) {
	for depth := 0; n.Kind == yaml.AliasNode && n.Alias != nil && depth < 100; depth++ {
		n = n.Alias
	}
	if c.walked[walkedKey{n, s}] {
		return
	}
	c.walked[walkedKey{n, s}] = true
	if n.Kind == yaml.ScalarNode {
		c.text(n, name, id)
	}
	what := name
	if what == "" {
		what = "the profile"
	}
	switch s.kind {
	case textValue:
		if n.Kind != yaml.ScalarNode {
			c.add(n.Line, id, "%s must be text; got %s", what, questions.DescribeNode(n))
		}
	case numberValue, wholeValue:
		c.number(n, s, what, id)
	case boolValue:
		if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
			c.add(n.Line, id, "%s must be true or false (unquoted); got %s", what, questions.DescribeNode(n))
		}
	case creditsValue:
		if n.Kind != yaml.MappingNode {
			c.add(n.Line, id, "%s must be a mapping of value to credit; got %s", what, questions.DescribeNode(n))
			return
		}
		if keys := len(n.Content) / 2; keys > maxMapKeys {
			c.keysBad = true
			c.add(n.Line, id, "%s has %d values; allowed: at most %d (one credit per value of the question)", what, keys, maxMapKeys)
			return
		}
		c.eachKey(n, id, func(k *yaml.Node) string { return fmt.Sprintf("%s: the credit for %q", what, k.Value) }, func(k, v *yaml.Node) {
			c.number(v, s, fmt.Sprintf("%s: the credit for %q", what, k.Value), id)
		})
	case listValue:
		if isNullNode(n) {
			return
		}
		if n.Kind != yaml.SequenceNode {
			c.add(n.Line, id, "%s must be a list; got %s", what, questions.DescribeNode(n))
			return
		}
		for _, item := range n.Content {
			itemID := id
			if name == "requirements" {
				itemID = requirementID(item)
			}
			c.walk(item, s.item, name, itemID, item.Line)
		}
	case mappingValue:
		c.mapping(n, s, name, what, id, line)
	}
}

// eachKey visits the pairs of mapping n whose keys are plain and given once; a key given again is
// a problem, worded with what names it (the field's path, or the value a credit is for). It
// returns the keys seen, with their lines.
func (c *shapeChecker) eachKey(n *yaml.Node, id string, what func(k *yaml.Node) string, visit func(k, v *yaml.Node)) map[string]int {
	given := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if !c.key(k, id) {
			continue
		}
		if first, dup := given[k.Value]; dup {
			c.keysBad = true
			c.add(k.Line, id, "%s is given twice (first at line %d); keep one", what(k), first)
			continue
		}
		given[k.Value] = k.Line
		visit(k, v)
	}
	return given
}

func (c *shapeChecker) mapping(n *yaml.Node, s *shape, name, what, id string, line int) {
	if n.Kind != yaml.MappingNode {
		c.add(n.Line, id, "%s must be a mapping; got %s", what, questions.DescribeNode(n))
		return
	}
	given := c.eachKey(n, id, func(k *yaml.Node) string { return join(name, k.Value) }, func(k, v *yaml.Node) {
		sub, ok := s.field(k.Value)
		if !ok {
			c.keysBad = true
			c.add(k.Line, id, "is not a valid profile: unknown field %s; allowed in %s: %s", k.Value, what, s.structKeys().allowed)
			return
		}
		c.walk(v, sub, join(name, k.Value), id, k.Line)
	})
	for _, f := range s.required {
		if _, ok := given[f]; !ok {
			c.missing[join(name, f)] = true
			c.add(line, id, "%s is missing; %s", join(name, f), requiredHint(join(name, f)))
		}
	}
}

// key refuses merge keys (the decoder would quietly copy fields in) and unsafe text in keys.
func (c *shapeChecker) key(k *yaml.Node, id string) bool {
	if k.Tag == "!!merge" {
		c.add(k.Line, id, "YAML merge keys (<<) are not allowed in a profile; write the fields out")
		return false
	}
	if k.Kind != yaml.ScalarNode {
		c.add(k.Line, id, "a key must be plain text; got %s", questions.DescribeNode(k))
		return false
	}
	c.text(k, "a key", id)
	return true
}

// text refuses text that would control a terminal: profile fields reach reports and screens.
func (c *shapeChecker) text(n *yaml.Node, name, id string) {
	if r, bad := textsafe.Unsafe(n.Value); bad {
		if name == "" {
			name = "text"
		}
		c.add(n.Line, id, "%s holds %s; profile text must be printable and on one line", name, textsafe.Describe(r))
	}
}

func (c *shapeChecker) number(n *yaml.Node, s *shape, what, id string) {
	if n.Kind != yaml.ScalarNode {
		c.add(n.Line, id, "%s must be %s; got %s", what, s.allowed, questions.DescribeNode(n))
		return
	}
	switch {
	case s.kind == wholeValue && n.Tag == "!!float":
		if size := questions.HugeWhole(n.Value); size != "" {
			c.add(n.Line, id, "%s %s is %s; allowed: %s", what, n.Value, size, s.allowed)
			return
		}
		c.add(n.Line, id, "%s %s is not a whole number; allowed: %s", what, n.Value, s.allowed)
	case s.kind == wholeValue && n.Tag == "!!int":
		if _, err := strconv.ParseInt(n.Value, 0, 32); err != nil {
			c.add(n.Line, id, "%s %s is too large; allowed: %s", what, n.Value, s.allowed)
		}
	case n.Tag == "!!int", n.Tag == "!!float":
	case isOutOfFloatRange(n.Value):
		// YAML resolves 1e400 as text, since no float holds it; it is a number all the same.
		c.add(n.Line, id, "%s %s is too large; allowed: %s", what, n.Value, s.allowed)
	default:
		c.add(n.Line, id, "%s must be %s; got %s", what, s.allowed, questions.DescribeNode(n))
	}
}

func isOutOfFloatRange(s string) bool {
	_, err := strconv.ParseFloat(s, 64)
	return errors.Is(err, strconv.ErrRange)
}

func requirementID(n *yaml.Node) string {
	if n.Kind != yaml.MappingNode {
		return ""
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == "id" && n.Content[i+1].Kind == yaml.ScalarNode {
			return n.Content[i+1].Value
		}
	}
	return ""
}

func join(name, field string) string {
	if name == "" {
		return field
	}
	return name + "." + field
}

// requiredHint says what a missing field should hold: a missing threshold is not 0.
func requiredHint(field string) string {
	switch field {
	case "thresholds":
		return "give thresholds: {ready: …, nearly_ready: …}, scores from 0 to 100"
	case "thresholds.ready", "thresholds.nearly_ready":
		return "give a score from 0 to 100"
	case "major_below":
		return "give a credit from 0 to 1 under which a gap is major"
	case "areas":
		return "list the areas, each with an id, a title and a weight"
	case "requirements":
		return "list at least one requirement"
	case "areas.weight", "requirements.weight":
		return fmt.Sprintf("give a number from 0 to %g", float64(maxWeight))
	case "requirements.credit.question", "requirements.next_steps.when.question":
		return "give a question id (hitready questions lists them)"
	}
	return "it is required"
}

func isNullNode(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

// maxMapKeys bounds the keys of a mapping whose keys are data (a factor's values, a rule's
// missing_when, a step's changes): they are a question's values or the bank's question ids,
// a few dozen at most. yaml.v3 compares every key of a mapping with every other, so the bound
// keeps a 1 MiB file of keys from costing seconds.
const maxMapKeys = 256

// keyChecker walks a YAML tree along the Go type it decodes into and finds, in one linear pass,
// the keys yaml.v3's strict decoder would refuse: unknown fields and keys given twice, and
// mappings of more than maxMapKeys keys. Files without a shape of their own (credentials, steps)
// run it before the decoder, which compares every key of a mapping with every other (quadratic:
// 122,000 unknown keys in a 1 MiB steps file took 24 s); when it finds nothing, every mapping the
// decoder sees is small.
type keyChecker struct {
	path, kind string
	problems   []inputerr.Problem
	dropped    int
	walked     map[keyWalk]bool // as shapeChecker.walked: aliases share nodes
	keys       map[reflect.Type]*structKeys
}

type keyWalk struct {
	node *yaml.Node
	t    reflect.Type
}

// checkKeys returns the key problems of the document root, which decodes into t, as an error
// that matches inputerr.ErrInvalid, or nil. kind names the file ("steps file") in messages.
func checkKeys(path, kind string, root *yaml.Node, t reflect.Type) error {
	c := &keyChecker{path: path, kind: kind, walked: map[keyWalk]bool{}, keys: map[reflect.Type]*structKeys{}}
	n := root
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	c.walk(n, t, "")
	for _, t := range explicitTags(n) {
		c.add(t.line, "%s", t.message("")) // add names the kind of file
	}
	if len(c.problems) == 0 {
		return nil
	}
	return &inputerr.InvalidError{Problems: c.problems, Dropped: c.dropped}
}

func (c *keyChecker) add(line int, format string, args ...any) {
	if len(c.problems) >= inputerr.MaxShown {
		c.dropped++
		return
	}
	c.problems = append(c.problems, inputerr.Problem{Origin: inputerr.Origin{Path: c.path, Line: line},
		Message: "is not a valid " + c.kind + ": " + fmt.Sprintf(format, args...)})
}

func (c *keyChecker) walk(n *yaml.Node, t reflect.Type, name string) {
	for depth := 0; n.Kind == yaml.AliasNode && n.Alias != nil && depth < 100; depth++ {
		n = n.Alias
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	// A type that decodes itself (yaml.Unmarshaler) has keys of its own making.
	if c.walked[keyWalk{n, t}] || reflect.PointerTo(t).Implements(reflect.TypeFor[yaml.Unmarshaler]()) {
		return
	}
	c.walked[keyWalk{n, t}] = true
	switch {
	case (t.Kind() == reflect.Slice || t.Kind() == reflect.Array) && n.Kind == yaml.SequenceNode:
		for _, item := range n.Content {
			c.walk(item, t.Elem(), name)
		}
	case t.Kind() == reflect.Struct && n.Kind == yaml.MappingNode:
		keys, ok := c.keys[t]
		if !ok {
			keys = keysOf(t)
			c.keys[t] = keys
		}
		given := map[string]int{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Kind != yaml.ScalarNode || k.Tag == "!!merge" {
				continue // the decoder words these
			}
			if first, dup := given[k.Value]; dup {
				c.add(k.Line, "%s is given twice (first at line %d); keep one", join(name, k.Value), first)
				continue
			}
			given[k.Value] = k.Line
			ft, known := keys.types[k.Value]
			if !known {
				c.add(k.Line, "unknown field %s; allowed in %s: %s", k.Value, cmp.Or(name, "the file"), keys.allowed)
				continue
			}
			c.walk(v, ft, join(name, k.Value))
		}
	case t.Kind() == reflect.Map && n.Kind == yaml.MappingNode:
		if keys := len(n.Content) / 2; keys > maxMapKeys {
			c.add(n.Line, "%s has %d keys; allowed: at most %d (one per question or value)", cmp.Or(name, "the file"), keys, maxMapKeys)
			return
		}
		given := map[string]int{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Kind == yaml.ScalarNode && k.Tag != "!!merge" {
				if first, dup := given[k.Value]; dup {
					c.add(k.Line, "%s is given twice (first at line %d); keep one", join(name, k.Value), first)
					continue
				}
				given[k.Value] = k.Line
			}
			c.walk(v, t.Elem(), join(name, k.Value))
		}
	}
}

// plainTag reports the explicit tags a file's fields may carry: they name what YAML would resolve
// anyway (`!!str 2024` keeps a number as text). Any other tag changes what the decoder reads:
// `!!binary SElUG1szMW0=` decodes to text holding ESC, which a check of the node's text (base64)
// never sees; `!!timestamp` and custom tags mean nothing to hitready.
func plainTag(tag string) bool {
	switch tag {
	case "!!str", "!!int", "!!float", "!!bool", "!!null", "!!map", "!!seq":
		return true
	}
	return false
}

// explicitTag is a node tagged with a tag plainTag refuses.
type explicitTag struct {
	line int
	tag  string
}

// message words the refusal; kind names the file ("profile"), or is empty when the message
// already says which file it is.
func (t explicitTag) message(kind string) string {
	where := ""
	if kind != "" {
		where = " in a " + kind
	}
	return fmt.Sprintf("the YAML tag %s is not allowed%s; remove it and write the value as plain text, a number, true or false, a list or a mapping",
		textsafe.Escape(t.tag), where)
}

// explicitTags lists, in document order, the nodes under root carrying a tag other than
// plainTag allows, keys included. Each node is looked at once, so aliases cost nothing more.
func explicitTags(root *yaml.Node) []explicitTag {
	var found []explicitTag
	seen := map[*yaml.Node]bool{}
	var visit func(n *yaml.Node)
	visit = func(n *yaml.Node) {
		if n == nil || seen[n] || len(found) >= inputerr.MaxShown {
			return
		}
		seen[n] = true
		if n.Style&yaml.TaggedStyle != 0 && !plainTag(n.Tag) {
			found = append(found, explicitTag{line: n.Line, tag: n.Tag})
		}
		for _, c := range n.Content {
			visit(c)
		}
	}
	visit(root)
	return found
}
