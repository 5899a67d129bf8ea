// Package strictyaml holds the words of hitready's readers of hand-edited YAML (answers files in
// questions; profiles, credentials and steps in assessment), so that both say alike what a node
// is, what character is refused, and where and why the YAML parser stopped. A leaf: it imports
// nothing of hitready but the leaves i18n and textsafe.
package strictyaml

import (
	"bytes"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/textsafe"
)

// yamlReasons are the YAML parser's words a hand-edited answers file meets most, and their
// message ids: the catalogue's English is the parser's, word for word, so English reads as the
// parser wrote it and another language reads its own. Other words of the parser are shown as
// they are.
var yamlReasons = map[string]string{
	"did not find expected key":                              "errors.yaml.expected-key",
	"mapping values are not allowed in this context":         "errors.yaml.mapping-values",
	"mapping keys are not allowed in this context":           "errors.yaml.mapping-keys",
	"block sequence entries are not allowed in this context": "errors.yaml.sequence-entries",
	"found character that cannot start any token":            "errors.yaml.cannot-start-token",
	"found unexpected end of stream":                         "errors.yaml.end-of-stream",
	"did not find expected ',' or ']'":                       "errors.yaml.expected-list-end",
	"did not find expected ',' or '}'":                       "errors.yaml.expected-mapping-end",
	"did not find expected '-' indicator":                    "errors.yaml.expected-dash",
	"could not find expected ':'":                            "errors.yaml.expected-colon",
	"did not find expected node content":                     "errors.yaml.expected-content",
	"found a tab character that violates indentation":        "errors.yaml.tab-indentation",
	"control characters are not allowed":                     "errors.yaml.control-characters",
}

// Reason is the YAML parser's words msg in l's language when they are among those a
// hand-edited file meets most (yamlReasons), else as the parser wrote them: the answers decoder
// and the readers of other YAML files (a custom profile) word a parse error alike.
func Reason(l *i18n.Localizer, msg string) string {
	if id, known := yamlReasons[msg]; known {
		return l.T(id)
	}
	return msg
}

// SplitLine splits one of yaml.v3's messages, "yaml: line N: message" (the "yaml: " is not
// always there), into N and the message; N is 0 when there is none.
func SplitLine(s string) (int, string) {
	return CutNumber(strings.TrimPrefix(s, "yaml: "), "line ")
}

// CutNumber splits s, "<word>N: message" ("line 3: …", "column 7: …"), into N and the message;
// N is 0, and the message s, when s does not read so.
func CutNumber(s, word string) (int, string) {
	if num, msg, ok := strings.Cut(strings.TrimPrefix(s, word), ": "); ok && strings.HasPrefix(s, word) {
		if n, err := strconv.Atoi(num); err == nil {
			return n, msg
		}
	}
	return 0, s
}

// Shorten keeps a long value from filling a message.
func Shorten(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

// DescribeNode names what a YAML node is, in l's language, for "got …" in messages about answers
// files and profiles alike: its kind, or its type and value, cut to 40 characters and escaped.
func DescribeNode(l *i18n.Localizer, n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return l.T("errors.node.mapping")
	case yaml.SequenceNode:
		return l.T("errors.node.list")
	case yaml.AliasNode:
		return l.T("errors.node.alias", i18n.Args{"Name": textsafe.Escape(n.Value)})
	case yaml.DocumentNode:
		return l.T("errors.node.document")
	}
	value := textsafe.Escape(Shorten(n.Value))
	switch n.Tag {
	case "!!null":
		return l.T("errors.node.null")
	case "!!bool":
		return l.T("errors.node.bool", i18n.Args{"Value": value})
	case "!!int", "!!float":
		return l.T("errors.node.number", i18n.Args{"Value": value})
	case "!!str":
		return l.T("errors.node.text", i18n.Args{"Value": value})
	}
	return l.T("errors.node.other", i18n.Args{"Value": value, "Tag": textsafe.Escape(n.Tag)})
}

// DescribeRune names, in l's language, a character found by textsafe.Unsafe:
// escaped, with what it is.
func DescribeRune(l *i18n.Localizer, r rune) string {
	return l.T("errors.char."+string(textsafe.Classify(r)), i18n.Args{"Char": textsafe.Escape(string(r))})
}

// DecodeKnown decodes the tree n into v refusing fields v does not have, which yaml.v3 does only
// for a document its Decoder parses (KnownFields), not for a tree (yaml.Node.Decode). So a strict
// Decoder parses an empty mapping and decodes it into a knownTree, an unmarshaler of yaml.v2's
// kind: it is handed the decoder's own decode, puts n where the mapping was, and decodes it into
// v with the decoder that refuses unknown fields. Every message names n's lines.
func DecodeKnown(n *yaml.Node, v any) error {
	dec := yaml.NewDecoder(strings.NewReader("{}"))
	dec.KnownFields(true)
	return dec.Decode(&knownTree{n, v})
}

type knownTree struct {
	n *yaml.Node
	v any
}

func (t *knownTree) UnmarshalYAML(decode func(any) error) error {
	var parsed nodeAt
	if err := decode(&parsed); err != nil {
		return err
	}
	*parsed.n = *t.n
	return decode(t.v)
}

// nodeAt holds the node it is decoded from: the decoder's own, not a copy.
type nodeAt struct{ n *yaml.Node }

func (a *nodeAt) UnmarshalYAML(n *yaml.Node) error {
	a.n = n
	return nil
}

// LineSeparator is the line, as an editor counts lines, of the first U+2028, U+2029 or U+0085 of
// data, or 0 when it has none. YAML reads each as a line break where an editor shows none, so
// every line a parser names after one would be a line too far: both readers refuse the file at
// that line (errors.yaml.line-separator).
func LineSeparator(data []byte) int {
	i := bytes.IndexAny(data, "\u2028\u2029\u0085")
	if i < 0 {
		return 0
	}
	before := data[:i]
	return 1 + bytes.Count(before, []byte("\n")) + bytes.Count(before, []byte("\r")) - bytes.Count(before, []byte("\r\n"))
}
