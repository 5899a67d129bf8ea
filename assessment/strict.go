package assessment

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/inputerr"
	"github.com/hitready/hitready/internal/strictyaml"
	"github.com/hitready/hitready/internal/textsafe"
	"github.com/hitready/hitready/internal/yamltree"
)

// maxMapKeys bounds the keys of any one mapping of a profile, credentials or steps file. A real
// mapping holds a type's dozen fields, or one key per value of a question or per question of the
// bank: a few dozen. yaml.v3's decoder compares every key of a mapping with every other, so a
// megabyte of keys would cost it seconds (122,000 took 24 s); the bound keeps such a file from it.
const maxMapKeys = 256

// fileKind is a kind of YAML input file, by the ids of its words in the catalogue
// (messages/errors.profile.yaml): its name in messages and what an empty one is told was expected.
type fileKind struct {
	name  string // errors.profile.kind.*: "profile"
	empty string // errors.profile.expected.*
}

var (
	profileKind     = fileKind{"errors.profile.kind.profile", "errors.profile.expected.profile"}
	credentialsKind = fileKind{"errors.profile.kind.credentials", "errors.profile.expected.credentials"}
	stepsKind       = fileKind{"errors.profile.kind.steps", "errors.profile.expected.steps"}
)

// yamlFile is a YAML input file as readStrict read it: its name and its node tree, kept so that
// what a check of the decoded values finds is reported at its line, and the problems found,
// worded in the run's language.
type yamlFile struct {
	inputerr.Collector
	kind     fileKind
	root     *yaml.Node   // the document's top node
	reported map[int]bool // lines the screen found a problem on
	// keyPairs counts the pairs of keys the decoder compares (it compares every key of a mapping
	// with every other) in the mappings the screen let through, at most maxMapKeys per key: the
	// tests show the work linear by it.
	keyPairs int
}

// newYAMLFile is the file at path, of kind, whose problems are worded in l.
func newYAMLFile(path string, kind fileKind, l i18n.Lang) *yamlFile {
	return &yamlFile{Collector: inputerr.Collector{Path: path, Words: i18n.For(l)}, kind: kind, reported: map[int]bool{}}
}

// readStrict reads a file of one YAML document into a T. What YAML allows and hitready refuses is
// refused first, in one pass over the node tree (screen); then the decoder refuses fields T does
// not have (KnownFields), and T's typed scalars (Weight, Credit, Whole, Flag) values they do not
// hold. Every problem names the file, the line, the field and what is allowed, and the error
// matches inputerr.ErrInvalid. The file is returned for the checks of what the values mean.
//
// It reads in language l, which words the messages: a text written in two languages ({en: …,
// es: …}, i18n.Text) is read as its text in l, so the Go types keep plain strings whatever the
// language. The decoder reads the tree the screen and the checks read, with each such text made
// its string (localize), so that every message names the line it names in the file.
func readStrict[T any](path string, data []byte, kind fileKind, l i18n.Lang) (*T, *yamlFile, error) {
	f := newYAMLFile(path, kind, l)
	if !f.parse(data) || !f.screen() {
		return nil, f, f.Err()
	}
	if err := f.localize(l); err != nil {
		f.AddText(0, "", err.Error())
		return nil, f, f.Err()
	}
	var v T
	if err := strictyaml.DecodeKnown(f.root, &v); err != nil {
		f.decodeErrors(err, reflect.TypeFor[T]())
	}
	if err := f.Err(); err != nil {
		return nil, f, err
	}
	translateKnown(&v, l)
	return &v, f, nil
}

// readEmbedded reads a file built into hitready, which the tests hold to readStrict, in language
// l: read from its tree (embeddedTrees) when the tree is its parse, its texts in two languages
// made plain strings of l (i18n.Localize, as questions.LoadIn reads the bank), then decoded
// without the screen and without refusing unknown fields, since every command reads it on start:
// the tests hold the data to its types (TestEmbeddedDataHasOnlyKnownFields).
// Its file keeps the localized tree, whose lines are the file's, for the checks of what the
// values mean.
func readEmbedded[T any](name string, data []byte, kind fileKind, l i18n.Lang) (*T, *yamlFile, error) {
	doc, err := yamltree.Parse(data, embeddedTrees[name])
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", name, err)
	}
	if err := i18n.Localize(doc, l); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", name, err)
	}
	var v T
	if err := doc.Decode(&v); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", name, err)
	}
	f := newYAMLFile(name, kind, l)
	if len(doc.Content) > 0 {
		f.root = doc.Content[0]
	}
	return &v, f, nil
}

// parse reads the one document of the file into f.root.
func (f *yamlFile) parse(data []byte) bool {
	if len(bytes.TrimSpace(data)) == 0 {
		f.Add(0, "", "errors.profile.empty", i18n.Args{"Expected": f.Words.T(f.kind.empty)})
		return false
	}
	if line := strictyaml.LineSeparator(data); line > 0 {
		f.Add(line, "", "errors.yaml.line-separator", nil)
		return false
	}
	var doc, extra yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	switch err := dec.Decode(&doc); {
	case err == io.EOF:
		f.Add(0, "", "errors.profile.no-document", i18n.Args{"Expected": f.Words.T(f.kind.empty)})
		return false
	case err != nil:
		f.invalid(strictyaml.SplitLine(err.Error()))
		return false
	}
	if err := dec.Decode(&extra); err != io.EOF {
		f.Add(extra.Line, "", "errors.profile.documents", f.kindArgs(nil))
		return false
	}
	f.root = doc.Content[0]
	return true
}

// kindArgs is args (or new ones) with Kind, the file's kind in words: "profile", "perfil".
func (f *yamlFile) kindArgs(args i18n.Args) i18n.Args {
	if args == nil {
		args = i18n.Args{}
	}
	args["Kind"] = f.Words.T(f.kind.name)
	return args
}

// nameOr is the dotted name of a field, or the file as a whole when it is the top ("the profile").
func (f *yamlFile) nameOr(name string) string {
	if name != "" {
		return name
	}
	return f.Words.T("errors.profile.the-file", f.kindArgs(nil))
}

// invalid adds the YAML parser's or decoder's refusal msg at line, its frequent words in the
// run's language (strictyaml.Reason).
func (f *yamlFile) invalid(line int, msg string) {
	f.Add(line, "", "errors.profile.invalid", f.kindArgs(i18n.Args{"Reason": strictyaml.Reason(f.Words, msg)}))
}

// trail is where a walk of the tree is: the keys from the top to the node, and the id of the
// list item holding it (a requirement, a credential, a step), which messages lead with. The
// dotted name of the field ("requirements.credit.target") is made only for a message.
type trail struct {
	keys []string
	id   string
}

func (t *trail) name() string { return strings.Join(t.keys, ".") }

// spot is a trail kept: where a node was found.
type spot struct{ name, id string }

func idOf(n *yaml.Node) string {
	n = unalias(n)
	for i := 0; n.Kind == yaml.MappingNode && i+1 < len(n.Content); i += 2 {
		if k, v := n.Content[i], unalias(n.Content[i+1]); k.Value == "id" && v.Kind == yaml.ScalarNode {
			return v.Value
		}
	}
	return ""
}

func unalias(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		return n.Alias
	}
	return n
}

// walk visits each node of the file once, in document order, with its trail; aliases share
// nodes, so a file of nested aliases (a "billion laughs") is walked in the time of its text.
// visit says whether to go into the node.
func (f *yamlFile) walk(visit func(n *yaml.Node, at *trail) (into bool)) {
	seen := map[*yaml.Node]bool{} // anchored nodes, the only ones an alias can reach again
	at := &trail{}
	var rec func(n *yaml.Node)
	rec = func(n *yaml.Node) {
		if n = unalias(n); n.Anchor != "" {
			if seen[n] {
				return
			}
			seen[n] = true
		}
		if !visit(n, at) {
			return
		}
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				at.keys = append(at.keys, n.Content[i].Value)
				rec(n.Content[i+1])
				at.keys = at.keys[:len(at.keys)-1]
			}
		case yaml.SequenceNode:
			id := at.id
			for _, item := range n.Content {
				at.id = cmp.Or(idOf(item), id)
				rec(item)
			}
			at.id = id
		}
	}
	rec(f.root)
}

// screen refuses, in one pass over the tree, what YAML allows and hitready does not: tags that
// change what a value reads as, merge keys, keys that are not plain text or come twice, a mapping
// of more keys than any real one has (a flood), and text that would control a terminal. It tells
// whether the decoder may run: not over a flood, which it would take seconds over.
func (f *yamlFile) screen() bool {
	flood := false
	f.walk(func(n *yaml.Node, at *trail) bool {
		f.tag(n, at)
		switch n.Kind {
		case yaml.ScalarNode:
			f.text(n, at.id, at.name(), "errors.profile.text")
			if n.Value != "" && strings.TrimSpace(n.Value) == "" { // a person would read nothing
				f.Add(n.Line, at.id, "errors.profile.blank", i18n.Args{"Name": f.nameOr(at.name())})
			}
		case yaml.MappingNode:
			if keys := len(n.Content) / 2; keys > maxMapKeys {
				f.Add(n.Line, at.id, "errors.profile.flood", f.kindArgs(i18n.Args{"Name": f.nameOr(at.name()), "Keys": keys, "Max": maxMapKeys}))
				flood = true
				return false
			}
			f.keys(n, at)
			f.keyPairs += len(n.Content) * len(n.Content) / 4
		}
		return true
	})
	for _, p := range f.Problems {
		f.reported[p.Origin.Line] = true
	}
	return !flood
}

// keys refuses merge keys (the decoder would quietly copy fields in), keys that are not plain
// text, and a key given twice.
func (f *yamlFile) keys(n *yaml.Node, at *trail) {
	first := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		f.tag(k, at)
		switch line, dup := first[k.Value]; {
		case k.Tag == "!!merge":
			f.Add(k.Line, at.id, "errors.profile.merge-key", f.kindArgs(nil))
		case k.Kind != yaml.ScalarNode || k.Tag == "!!null": // a null key (~:, null:) the decoder drops unseen
			f.Add(k.Line, at.id, "errors.profile.key-not-text", i18n.Args{"Got": strictyaml.DescribeNode(f.Words, k)})
		case dup:
			f.Add(k.Line, at.id, "errors.profile.key-twice", i18n.Args{"Field": strings.Join(append(slices.Clone(at.keys), k.Value), "."), "First": line})
		default:
			first[k.Value] = k.Line
			f.text(k, at.id, "", "errors.profile.a-key")
		}
	}
}

// text refuses text that would control a terminal: these files' texts reach reports and screens.
// It is named by the field's dotted name, else by the message unnamed (a key, the text): worded
// only when there is a problem, as every key and value of every profile read passes here.
func (f *yamlFile) text(n *yaml.Node, id, name, unnamed string) {
	if r, bad := textsafe.Unsafe(n.Value); bad {
		if name == "" {
			name = f.Words.T(unnamed)
		}
		f.Add(n.Line, id, "errors.profile.unsafe-text", f.kindArgs(i18n.Args{"Name": name, "Char": strictyaml.DescribeRune(f.Words, r)}))
	}
}

// tag refuses an explicit tag other than those that name what YAML would read anyway (`!!str
// 2024` keeps a number as text). Any other changes what the decoder reads: `!!binary
// SElUG1szMW0=` decodes to text holding ESC, which a check of the node's text (base64) never
// sees; `!!timestamp` and custom tags mean nothing to hitready.
func (f *yamlFile) tag(n *yaml.Node, at *trail) {
	if n.Style&yaml.TaggedStyle == 0 {
		return
	}
	switch n.Tag {
	case "!!str", "!!int", "!!float", "!!bool", "!!null", "!!map", "!!seq":
		return
	}
	f.Add(n.Line, at.id, "errors.profile.tag", f.kindArgs(i18n.Args{"Tag": textsafe.Escape(n.Tag)}))
}

// decodeErrors adds what the decoder refused, a screenful: the typed scalars' refusals and
// yaml.v3's own (unknown fields, a list where a mapping belongs), each with its field. Lines the
// screen already found a problem on are left out: the decoder's word on them (a key given twice)
// repeats it. t is the type decoded into, whose fields an unknown field's message lists.
func (f *yamlFile) decodeErrors(err error, t reflect.Type) {
	var te *yaml.TypeError
	if !errors.As(err, &te) {
		f.invalid(strictyaml.SplitLine(err.Error()))
		return
	}
	type refusal struct {
		line int
		msg  string
	}
	var refusals []refusal
	for _, e := range te.Errors {
		if line, msg := strictyaml.SplitLine(e); !f.reported[line] {
			refusals = append(refusals, refusal{line, msg})
		}
	}
	slices.SortStableFunc(refusals, func(a, b refusal) int { return a.line - b.line })
	fields := map[string]string{}
	fieldsByType(t, fields)
	for i, r := range refusals {
		if f.Full() { // each refusal is one problem: the rest are counted, not worded
			f.Dropped += len(refusals) - i
			break
		}
		f.refusal(r.line, r.msg, fields, t.String())
	}
}

// refusal adds one refusal of the decoder at line, worded with its field.
func (f *yamlFile) refusal(line int, msg string, fields map[string]string, rootType string) {
	if col, rest := strictyaml.CutNumber(msg, "column "); col > 0 {
		at, _ := f.find(func(n *yaml.Node) bool { return n.Line == line && n.Column == col })
		if r, ok := decodeScalarRefusal(rest); ok {
			f.Add(line, at.id, r.msg, r.args(f.Words, f.nameOr(at.name)))
		} else {
			f.AddText(line, at.id, f.nameOr(at.name)+" "+rest) // no typed scalar of hitready's words it so
		}
		return
	}
	if rest, ok := strings.CutPrefix(msg, "field "); ok && strings.Contains(rest, " not found in type ") {
		name, goType, _ := strings.Cut(rest, " not found in type ")
		at, _ := f.find(func(n *yaml.Node) bool { return n.Kind == yaml.MappingNode && hasKeyAt(n, name, line) })
		allowed := strings.Split(fields[goType], ", ")
		f.Add(line, at.id, "errors.profile.unknown-field", f.kindArgs(i18n.Args{"Field": name,
			"Suggestion": inputerr.DidYouMean(f.Words, name, allowed), "Name": f.nameOr(at.name), "Fields": fields[goType]}))
		return
	}
	if rest, ok := strings.CutPrefix(msg, "cannot unmarshal "); ok {
		tag, _, _ := strings.Cut(rest, " ")
		goType := rest[strings.LastIndex(rest, " into ")+len(" into "):]
		// The file's own mapping is on that line too when the value is on its first line.
		root := goType == rootType
		if at, got := f.find(func(n *yaml.Node) bool { return n.Line == line && n.Tag == tag && (n == f.root) == root }); got != nil {
			f.Add(line, at.id, "errors.profile.must-be", i18n.Args{"Name": f.nameOr(at.name),
				"Allowed": f.Words.T(kindOf(goType)), "Got": strictyaml.DescribeNode(f.Words, got)})
			return
		}
	}
	f.invalid(line, msg)
}

// find is the first node for which match holds, and where it is.
func (f *yamlFile) find(match func(n *yaml.Node) bool) (spot, *yaml.Node) {
	var found spot
	var node *yaml.Node
	f.walk(func(n *yaml.Node, at *trail) bool {
		if node == nil && match(n) {
			found, node = spot{at.name(), at.id}, n
		}
		return node == nil
	})
	return found, node
}

func hasKeyAt(n *yaml.Node, key string, line int) bool {
	for i := 0; i < len(n.Content); i += 2 {
		if k := n.Content[i]; k.Value == key && k.Line == line {
			return true
		}
	}
	return false
}

// kindOf is the message that words what a Go type holds, as yaml.v3 names the type in its
// messages.
func kindOf(goType string) string {
	goType = strings.TrimLeft(goType, "*")
	switch {
	case strings.HasPrefix(goType, "[]"):
		return "errors.profile.type.list"
	case goType == "string":
		return "errors.profile.type.text"
	case strings.HasPrefix(goType, "float"):
		return "errors.profile.type.number"
	case strings.HasPrefix(goType, "int"), strings.HasPrefix(goType, "uint"):
		return "errors.profile.type.whole"
	case goType == "bool":
		return "errors.profile.type.bool"
	}
	return "errors.profile.type.mapping"
}

// fieldsByType lists the keys t decodes from, and those of every struct type it holds, by the
// type's name as yaml.v3's messages spell it.
func fieldsByType(t reflect.Type, into map[string]string) {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map {
		t = t.Elem()
	}
	if _, done := into[t.String()]; done || t.Kind() != reflect.Struct {
		return
	}
	into[t.String()] = ""
	var names []string
	for field := range t.Fields() {
		name, _, _ := strings.Cut(field.Tag.Get("yaml"), ",")
		if !field.IsExported() || name == "-" {
			continue
		}
		names = append(names, cmp.Or(name, strings.ToLower(field.Name)))
		fieldsByType(field.Type, into)
	}
	slices.Sort(names)
	into[t.String()] = strings.Join(names, ", ")
}

// node is the node at path (mapping keys and list indexes) and the line of the field: of its key
// in a mapping, of the item in a list. A field that is not there is nil, at the line of the
// nearest field above it: a missing field is reported where it belongs.
func (f *yamlFile) node(path ...any) (*yaml.Node, int) {
	if f.root == nil {
		return nil, 0
	}
	n, line := f.root, f.root.Line
	for _, step := range path {
		n = unalias(n)
		next := (*yaml.Node)(nil)
		switch s := step.(type) {
		case string:
			for i := 0; n.Kind == yaml.MappingNode && i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == s {
					next, line = n.Content[i+1], n.Content[i].Line
					break
				}
			}
		case int:
			if n.Kind == yaml.SequenceNode && s < len(n.Content) {
				next = n.Content[s]
				line = next.Line
			}
		}
		if next == nil {
			return nil, line
		}
		n = next
	}
	return n, line
}

// line is the line of the field at path (see node).
func (f *yamlFile) line(path ...any) int {
	_, line := f.node(path...)
	return line
}

// has tells whether the field at path is given.
func (f *yamlFile) has(path ...any) bool {
	n, _ := f.node(path...)
	return n != nil
}
