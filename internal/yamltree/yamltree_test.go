package yamltree

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

var update = flag.Bool("update", false, "write the trees of the embedded YAML files again")

// root is the module's folder, where the embedded files' paths start.
const root = "../.."

// embedded are the YAML files built into hitready that a start parses: each has its tree beside it.
func embedded(t *testing.T) []string {
	t.Helper()
	files := []string{"questions/bank.yaml", "assessment/profile.yaml", "assessment/credentials.yaml",
		"assessment/steps.yaml", "assessment/outlook.yaml"}
	messages, err := filepath.Glob(filepath.Join(root, "internal/i18n/messages/*.yaml"))
	if err != nil || len(messages) == 0 {
		t.Fatalf("no message files: %v", err)
	}
	for _, m := range messages {
		rel, _ := filepath.Rel(root, m)
		files = append(files, filepath.ToSlash(rel))
	}
	return files
}

// TestTreesAreFresh holds each tree to its file: a file edited without its tree written again
// fails here (run `go test ./internal/yamltree -update`), though hitready reads it right either way.
func TestTreesAreFresh(t *testing.T) {
	files := embedded(t)
	for _, name := range files {
		text, err := os.ReadFile(filepath.Join(root, name))
		if err != nil {
			t.Fatal(err)
		}
		var doc yaml.Node
		if err := yaml.Unmarshal(text, &doc); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		want, err := Encode(text, &doc)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		treePath := filepath.Join(root, name+".tree")
		if *update {
			if err := os.WriteFile(treePath, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(treePath)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s.tree is not the parse of %s: the file or yaml.v3 changed (run: go test ./internal/yamltree -update)", name, name)
		}
	}
	// A tree with no file of the list is one nothing reads, or a file the list forgot.
	_ = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() && path != root && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir // .git
		}
		if err == nil && strings.HasSuffix(path, ".yaml.tree") {
			rel, _ := filepath.Rel(root, path)
			if !slices.Contains(files, strings.TrimSuffix(filepath.ToSlash(rel), ".tree")) {
				t.Errorf("%s: a tree of no embedded file", rel)
			}
		}
		return nil
	})
}

// TestParseIsTheParse: the tree read back is the parse of its file, node for node, line for line.
func TestParseIsTheParse(t *testing.T) {
	for _, name := range embedded(t) {
		text, err := os.ReadFile(filepath.Join(root, name))
		if err != nil {
			t.Fatal(err)
		}
		var want yaml.Node
		if err := yaml.Unmarshal(text, &want); err != nil {
			t.Fatal(err)
		}
		tree := encode(t, text, &want)
		got, ok := decode(text, tree)
		if !ok {
			t.Fatalf("%s: its tree was not read back", name)
		}
		if diff := compare(got, &want); diff != "" {
			t.Errorf("%s: %s", name, diff)
		}
	}
}

// TestParseFallsBackToTheText: a tree of other text, or a broken tree, is never read; the text is
// parsed instead, so the result is always the text's.
func TestParseFallsBackToTheText(t *testing.T) {
	text := []byte("a: 1\nb: [x, y]\n")
	var doc yaml.Node
	if err := yaml.Unmarshal(text, &doc); err != nil {
		t.Fatal(err)
	}
	tree := encode(t, text, &doc)
	edited := []byte("a: 2\nb: [x, y]\n") // the same length: only the checksum tells them apart
	for _, tc := range []struct {
		name string
		text []byte
		tree string
	}{
		{"text edited since", edited, tree},
		{"longer text", append(slices.Clone(text), "c: 3\n"...), tree},
		{"no tree", text, ""},
		{"cut short", text, tree[:len(tree)-3]},
		{"another layout", text, "hitready yaml tree 9\n" + tree[len(magic):]},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, ok := decode(tc.text, tc.tree); ok {
				t.Fatal("the tree was read")
			}
			got, err := Parse(tc.text, tc.tree)
			if err != nil {
				t.Fatal(err)
			}
			var want yaml.Node
			if err := yaml.Unmarshal(tc.text, &want); err != nil {
				t.Fatal(err)
			}
			if diff := compare(got, &want); diff != "" {
				t.Error(diff)
			}
		})
	}
	if _, ok := decode(text, tree[:len(tree)-1]); ok {
		t.Error("a tree cut short was read")
	}
	if _, ok := decode(text, tree); !ok {
		t.Error("a tree of the same text was not read")
	}
}

// TestNodesOfNoParseAreRefused: a tree holding a node no parse makes is not read, whatever its
// checksum says, since the decoders index such nodes without a check (a mapping's key without
// its value would crash a start).
func TestNodesOfNoParseAreRefused(t *testing.T) {
	text := []byte("a: [x]\n")
	for _, tc := range []struct {
		name string
		doc  *yaml.Node
	}{
		{"a key without its value", mapping(scalar("a"), scalar("b"), scalar("c"))},
		{"a scalar with children", &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{{Kind: yaml.ScalarNode, Content: []*yaml.Node{scalar("x")}}}}},
		{"a document of two", &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{scalar("x"), scalar("y")}}},
		{"a kind yaml.v3 has not", &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{{Kind: 3}}}},
		{"an empty node with children", &yaml.Node{Content: []*yaml.Node{scalar("x")}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, ok := decode(text, encode(t, text, tc.doc)); ok {
				t.Error("read")
			}
		})
	}
	if _, ok := decode(text, encode(t, text, mapping(scalar("a"), scalar("b")))); !ok {
		t.Error("a mapping of one pair was not read")
	}
}

func scalar(v string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v} }

func mapping(kv ...*yaml.Node) *yaml.Node {
	return &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{{Kind: yaml.MappingNode, Tag: "!!map", Content: kv}}}
}

// TestAChangedTreeIsTheCallersOwn: a caller may change what Parse gives (the bank's quotes are
// split by appending nodes), and an append to one node's children never writes over another's.
func TestAChangedTreeIsTheCallersOwn(t *testing.T) {
	text := []byte("a: [x]\nb: [y]\n")
	var doc yaml.Node
	if err := yaml.Unmarshal(text, &doc); err != nil {
		t.Fatal(err)
	}
	tree := encode(t, text, &doc)
	got, ok := decode(text, tree)
	if !ok {
		t.Fatal("not read")
	}
	top := got.Content[0]
	top.Content[1].Content = append(top.Content[1].Content, scalar("added"))
	if v := top.Content[3].Content[0].Value; v != "y" {
		t.Errorf("after an append to a's list b's list holds %q, want y", v)
	}
	again, _ := decode(text, tree)
	if d := compare(again, &doc); d != "" {
		t.Errorf("a second Parse sees the first one's change: %s", d)
	}
}

// TestAliasesPointAtTheirAnchor: an alias read back is the node of its anchor, as in a parse, so
// that a change to one (a text localized) is seen through the other.
func TestAliasesPointAtTheirAnchor(t *testing.T) {
	text := []byte("a: &x {en: 1}\nb: *x\nc: &x 2\nd: *x\n")
	var doc yaml.Node
	if err := yaml.Unmarshal(text, &doc); err != nil {
		t.Fatal(err)
	}
	got, ok := decode(text, encode(t, text, &doc))
	if !ok {
		t.Fatal("not read back")
	}
	top := got.Content[0].Content
	if top[3].Alias != top[1] || top[7].Alias != top[5] {
		t.Errorf("aliases point at %p and %p, want %p and %p (an anchor named again is the later one)", top[3].Alias, top[7].Alias, top[1], top[5])
	}
	if _, ok := decode(text, strings.Replace(encode(t, text, &doc), "\x01x", "\x01y", 1)); ok {
		t.Error("an alias of an anchor the tree does not hold was read")
	}
}

// FuzzDecode: whatever a tree holds after its header, decode says no, or gives nodes that
// yaml.v3 decodes without a panic (it recovers only its own errors, not an index out of range).
func FuzzDecode(f *testing.F) {
	text := []byte("a: &k 1\nb: [x, {y: *k}]\n")
	var doc yaml.Node
	if err := yaml.Unmarshal(text, &doc); err != nil {
		f.Fatal(err)
	}
	tree, err := Encode(text, &doc)
	if err != nil {
		f.Fatal(err)
	}
	head := string(tree[:len(magic)+4])
	f.Add(tree[len(head):])
	f.Fuzz(func(t *testing.T, body []byte) {
		if got, ok := decode(text, head+string(body)); ok {
			var v any
			_ = got.Decode(&v)
		}
	})
}

// FuzzRoundTrip: the tree of any text yaml.v3 parses reads back as that parse.
func FuzzRoundTrip(f *testing.F) {
	for _, s := range []string{"a: 1\n", "a: &k {en: x}\nb: *k\n", "- |+\n  x\n\n- !!str 1\n", "? [a, b]\n: c\n", "---\n...\n", "# only\n", ""} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		var doc yaml.Node
		if yaml.Unmarshal(text, &doc) != nil {
			return
		}
		tree, err := Encode(text, &doc)
		if err != nil {
			t.Fatal(err)
		}
		got, ok := decode(text, string(tree))
		if !ok {
			t.Fatalf("the tree of %q was not read back", text)
		}
		if d := compare(got, &doc); d != "" {
			t.Errorf("%q: %s", text, d)
		}
	})
}

func BenchmarkParse(b *testing.B) {
	text, err := os.ReadFile(filepath.Join(root, "questions/bank.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	tree, err := os.ReadFile(filepath.Join(root, "questions/bank.yaml.tree"))
	if err != nil {
		b.Fatal(err)
	}
	b.Run("tree", func(b *testing.B) {
		for b.Loop() {
			if _, err := Parse(text, string(tree)); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("text", func(b *testing.B) {
		for b.Loop() {
			var doc yaml.Node
			if err := yaml.Unmarshal(text, &doc); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func encode(t *testing.T, text []byte, doc *yaml.Node) string {
	t.Helper()
	tree, err := Encode(text, doc)
	if err != nil {
		t.Fatal(err)
	}
	return string(tree)
}

// compare says where two trees differ in what a reader of the embedded files sees (not comments).
func compare(got, want *yaml.Node) string {
	if got.Kind != want.Kind || got.Style != want.Style || got.Tag != want.Tag || got.Value != want.Value ||
		got.Anchor != want.Anchor || (got.Alias == nil) != (want.Alias == nil) || got.Line != want.Line || got.Column != want.Column || len(got.Content) != len(want.Content) {
		return fmt.Sprintf("at line %d: %s, want %s", want.Line, describe(got), describe(want))
	}
	if want.Alias != nil && got.Alias.Anchor != want.Alias.Anchor {
		return fmt.Sprintf("at line %d: an alias of %q, want of %q", want.Line, got.Alias.Anchor, want.Alias.Anchor)
	}
	for i := range want.Content {
		if d := compare(got.Content[i], want.Content[i]); d != "" {
			return d
		}
	}
	return ""
}

func describe(n *yaml.Node) string {
	return fmt.Sprintf("kind %d style %d %s %q at %d:%d with %d children", n.Kind, n.Style, n.Tag, n.Value, n.Line, n.Column, len(n.Content))
}
