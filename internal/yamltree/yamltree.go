// Package yamltree keeps the YAML files built into hitready parsed ahead of time. Every command
// starts by reading the question bank, the profile, its credentials, steps and outlook, and the
// messages it prints: about 270 KB of YAML that yaml.v3 took most of a start to parse. Each such
// file has a tree beside it (bank.yaml.tree), its parse written by `go test ./internal/yamltree
// -update`, which a start reads back in a small fraction of the time (BenchmarkParse).
//
// A tree names the text it was parsed from (its length and CRC-32). When the text has changed
// since, Parse parses the text: an edit to a data file shows at once, whether or not its tree was
// written again, and TestTreesAreFresh fails until it is.
package yamltree

import (
	"encoding/binary"
	"fmt"
	"hash/crc32"

	"go.yaml.in/yaml/v3"
)

// magic starts every tree, with the version of its layout.
const magic = "hitready yaml tree 1\n"

// Parse returns the document node of text: from tree when tree is text's parse, else by parsing
// text. Each call returns a tree of its own, which the caller may change.
func Parse(text []byte, tree string) (*yaml.Node, error) {
	if doc, ok := decode(text, tree); ok {
		return doc, nil
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(text, &doc); err != nil {
		return nil, err
	}
	return &doc, nil
}

// Encode writes the tree of text, which parses to doc. Comments are left out: no reader of the
// embedded files looks at them. An alias is written as its anchor's name and pointed again at
// the node of that anchor when read back (the bank quotes one source under several questions).
func Encode(text []byte, doc *yaml.Node) ([]byte, error) {
	out := append([]byte(magic), 0, 0, 0, 0)
	binary.LittleEndian.PutUint32(out[len(magic):], crc32.ChecksumIEEE(text))
	out = binary.AppendUvarint(out, uint64(len(text)))
	out = binary.AppendUvarint(out, uint64(count(doc)))
	return appendNode(out, doc)
}

func count(n *yaml.Node) int {
	c := 1
	for _, k := range n.Content {
		c += count(k)
	}
	return c
}

// A node is its kind, style, tag, value, anchor, line, column and number of children, then its
// children. An alias's value is the name of its anchor.
func appendNode(out []byte, n *yaml.Node) ([]byte, error) {
	if n.Kind == yaml.AliasNode && (n.Alias == nil || n.Alias.Anchor != n.Value) {
		return nil, fmt.Errorf("line %d: an alias whose value is not its anchor's name", n.Line)
	}
	for _, v := range []uint64{uint64(n.Kind), uint64(n.Style)} {
		out = binary.AppendUvarint(out, v)
	}
	for _, s := range []string{n.Tag, n.Value, n.Anchor} {
		out = binary.AppendUvarint(out, uint64(len(s)))
		out = append(out, s...)
	}
	for _, v := range []int{n.Line, n.Column, len(n.Content)} {
		out = binary.AppendUvarint(out, uint64(v))
	}
	var err error
	for _, k := range n.Content {
		if out, err = appendNode(out, k); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// minNode is the fewest bytes a node takes in a tree: eight numbers of at least a byte each.
const minNode = 8

// decode reads tree back, if it is text's tree. Its strings are slices of tree, and its nodes and
// their lists of children two allocations, which is most of what makes it fast. A tree that is
// not whole, or holds a node no parse makes (a mapping with a key and no value), is not read:
// the decoders index such nodes without a check, and a start must never crash on one.
func decode(text []byte, tree string) (*yaml.Node, bool) {
	r, ok := header(text, tree)
	if !ok {
		return nil, false
	}
	n := r.uint()
	if n == 0 || n > uint64(len(tree)/minNode) {
		return nil, false
	}
	r.nodes = make([]yaml.Node, n)
	r.kids = make([]*yaml.Node, n-1)
	r.anchors = map[string]*yaml.Node{}
	doc := r.node()
	if r.bad || r.at != len(tree) {
		return nil, false
	}
	return doc, true
}

// Fresh tells whether tree was written from text as it is, so that Parse reads it.
func Fresh(text []byte, tree string) bool {
	_, ok := header(text, tree)
	return ok
}

// header reads the start of tree, which names the text it was parsed from, and tells whether
// that is text; the reader is then at the count of nodes.
func header(text []byte, tree string) (*reader, bool) {
	if len(tree) < len(magic)+4 || tree[:len(magic)] != magic {
		return nil, false
	}
	r := &reader{s: tree, at: len(magic) + 4}
	sum := binary.LittleEndian.Uint32([]byte(tree[len(magic):r.at]))
	return r, r.uint() == uint64(len(text)) && sum == crc32.ChecksumIEEE(text) && !r.bad
}

type reader struct {
	s       string
	at      int
	bad     bool         // the tree ends early or holds what no parse makes
	nodes   []yaml.Node  // every node, in the order the tree holds them
	kids    []*yaml.Node // every node's children, one after another
	anchors map[string]*yaml.Node
}

func (r *reader) node() *yaml.Node {
	if len(r.nodes) == 0 {
		r.bad = true
		return nil
	}
	n := &r.nodes[0]
	r.nodes = r.nodes[1:]
	n.Kind, n.Style = yaml.Kind(r.uint()), yaml.Style(r.uint())
	n.Tag, n.Value, n.Anchor = r.string(), r.string(), r.string()
	n.Line, n.Column = int(r.uint()), int(r.uint())
	if n.Anchor != "" {
		r.anchors[n.Anchor] = n
	}
	if n.Kind == yaml.AliasNode {
		n.Alias = r.anchors[n.Value]
	}
	k := int(min(r.uint(), uint64(len(r.kids)+1)))
	if r.bad || k > len(r.kids) || !parsed(n, k) {
		r.bad = true
		return nil
	}
	if k == 0 {
		return n // Content nil, as a parse leaves it
	}
	// The capacity ends at the node's own children, so that a caller's append never writes
	// over the next node's.
	n.Content, r.kids = r.kids[:k:k], r.kids[k:]
	for i := range n.Content {
		if n.Content[i] = r.node(); r.bad {
			return nil
		}
	}
	return n
}

// parsed tells whether a parse makes a node of n's kind with k children: a document has its one
// node, or none when the text is empty (then it is the zero node); a mapping has pairs of key and
// value; a scalar has none, and an alias none but the node of its anchor.
func parsed(n *yaml.Node, k int) bool {
	switch n.Kind {
	case 0:
		return k == 0
	case yaml.DocumentNode:
		return k <= 1
	case yaml.SequenceNode:
		return true
	case yaml.MappingNode:
		return k%2 == 0
	case yaml.ScalarNode:
		return k == 0
	case yaml.AliasNode:
		return k == 0 && n.Alias != nil
	}
	return false
}

func (r *reader) uint() uint64 {
	v, size := binary.Uvarint([]byte(r.s[r.at:min(r.at+binary.MaxVarintLen64, len(r.s))]))
	if size <= 0 {
		r.bad = true
		return 0
	}
	r.at += size
	return v
}

func (r *reader) string() string {
	n := r.uint()
	if r.bad || n > uint64(len(r.s)-r.at) {
		r.bad = true
		return ""
	}
	s := r.s[r.at : r.at+int(n)]
	r.at += int(n)
	return s
}
