package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/hitready/hitready/internal/yamltree"
	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
)

func fixture(t *testing.T, files map[string]string) (*loaded, error) {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, text := range files {
		fsys["messages/"+name] = &fstest.MapFile{Data: []byte(text)}
	}
	return loadCatalogue(fsys, true)
}

const counted = `
a.gaps:
  en: {one: "{{.Count}} gap", other: "{{.Count}} gaps"}
  es: {one: "{{.Count}} brecha", other: "{{.Count}} brechas"}
a.missing:
  note: a file named on the command line is not there
  en: "{{.File}}: no such file"
  es: "{{.File}}: no existe ese archivo"
a.plain:
  en: Ready
  es: Listo
`

func TestLocalizer(t *testing.T) {
	c, err := fixture(t, map[string]string{"a.yaml": counted})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		lang Lang
		got  func(l *Localizer) string
		want string
	}{
		{English, func(l *Localizer) string { return l.T("a.plain") }, "Ready"},
		{Spanish, func(l *Localizer) string { return l.T("a.plain") }, "Listo"},
		{English, func(l *Localizer) string { return l.N("a.gaps", 1) }, "1 gap"},
		{English, func(l *Localizer) string { return l.N("a.gaps", 0) }, "0 gaps"},
		{English, func(l *Localizer) string { return l.N("a.gaps", 3) }, "3 gaps"},
		{Spanish, func(l *Localizer) string { return l.N("a.gaps", 1) }, "1 brecha"},
		{Spanish, func(l *Localizer) string { return l.N("a.gaps", 2) }, "2 brechas"},
		{Spanish, func(l *Localizer) string { return l.N("a.gaps", 0) }, "0 brechas"},
		// Spanish's CLDR form many (a million): without a text of its own it reads as other.
		{Spanish, func(l *Localizer) string { return l.N("a.gaps", 1_000_000) }, "1000000 brechas"},
		{Spanish, func(l *Localizer) string { return l.T("a.missing", Args{"File": "me.yaml"}) }, "me.yaml: no existe ese archivo"},
		{English, func(l *Localizer) string { return l.T("a.missing", struct{ File string }{"a b.yaml"}) }, "a b.yaml: no such file"},
		{Pseudo, func(l *Localizer) string { return l.T("a.plain") }, "⟦Ŕėȧđẏ⟧"},
		{Pseudo, func(l *Localizer) string { return l.N("a.gaps", 2) }, "⟦2 ģȧṗş⟧"},
		// The data filling a message stays as the program gives it.
		{Pseudo, func(l *Localizer) string { return l.T("a.missing", Args{"File": "a.yaml"}) }, "⟦a.yaml: ñȯ şǔçħ ḟǐĺė⟧"},
		// An id the catalogue lacks is a bug: the id shows instead of nothing.
		{Spanish, func(l *Localizer) string { return l.T("no.such.id") }, "no.such.id"},
	}
	for _, tt := range tests {
		if got := tt.got(c.localizer(tt.lang)); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.lang, got, tt.want)
		}
	}
}

func TestCatalogueRefusesMistakes(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"no Spanish", map[string]string{"a.yaml": "a.x:\n  en: Ready\n"}, `a.yaml: line 1: message "a.x": no es text`},
		{"no English", map[string]string{"a.yaml": "a.x:\n  es: Listo\n"}, `message "a.x": no en text`},
		{"empty Spanish", map[string]string{"a.yaml": "a.x:\n  en: Ready\n  es: ' '\n"}, "es: empty text"},
		{"a third language", map[string]string{"a.yaml": "a.x:\n  en: Ready\n  es: Listo\n  fr: Prêt\n"}, "field fr not found"},
		{"a plural form English lacks", map[string]string{"a.yaml": "a.x:\n  en: {one: a, many: b, other: c}\n  es: {one: a, other: c}\n"}, "English has no plural form many"},
		{"a plural without one", map[string]string{"a.yaml": "a.x:\n  en: {other: c}\n  es: {one: a, other: c}\n"}, "needs both one and other"},
		{"an unknown plural form", map[string]string{"a.yaml": "a.x:\n  en: {one: a, few: b, other: c}\n  es: {one: a, other: c}\n"}, "plural forms are one, other"},
		{"a bad template", map[string]string{"a.yaml": "a.x:\n  en: '{{.File'\n  es: '{{.File}}'\n"}, "en: template"},
		{"a translation that drops a field", map[string]string{"a.yaml": "a.x:\n  en: '{{.File}}: {{.Line}}'\n  es: '{{.File}}'\n"}, "en reads [File Line] but es reads [File]"},
		{"one id twice", map[string]string{"a.yaml": "a.x:\n  en: a\n  es: a\na.x:\n  en: b\n  es: b\n"}, `a.yaml: line 4: message "a.x" is already in messages/a.yaml`},
		{"an id in another file than it names", map[string]string{"a.yaml": "a.x:\n  en: a\n  es: a\n", "a.b.yaml": "a.y:\n  en: b\n  es: b\n"},
			`a.b.yaml: line 1: message "a.y" belongs in the file its id names (messages/a.yaml)`},
		{"an id no file names", map[string]string{"a.yaml": "b.x:\n  en: a\n  es: a\n"}, `(messages/b.yaml, which there is not)`},
		{"not a mapping", map[string]string{"a.yaml": "- x\n"}, "want a mapping of message ids"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := fixture(t, tt.files)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

// The embedded catalogue loads: every message in both languages, every template parsed.
func TestCatalogueLoads(t *testing.T) {
	c, err := loadCatalogue(messageFiles, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.ids) < 5 {
		t.Errorf("only %d messages", len(c.ids))
	}
}

// Every id the program asks the catalogue for, as a literal T("…") or N("…", …) anywhere in the
// module, is in it: a missing one would show its id to a person.
// errorID is the shape of an id of messages/errors.yaml, whole (not a prefix ending in ".").
var errorID = regexp.MustCompile(`^errors(\.[a-z0-9-]+)+$`)

func TestEveryIDUsedExists(t *testing.T) {
	root := filepath.Join("..", "..")
	checked := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, src, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			// A message about bad input is often named where it is passed on, not where T reads
			// it (d.add(line, id, "errors.answers.empty", …)): every literal that reads as one
			// of its ids must be one.
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if id, _ := strconv.Unquote(lit.Value); errorID.MatchString(id) && !Has(id) {
					t.Errorf("%s: message %q is not in the catalogue (internal/i18n/messages)", path, id)
				}
			}
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || (sel.Sel.Name != "T" && sel.Sel.Name != "N") {
				return true
			}
			lit, ok := call.Args[0].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			id, _ := strconv.Unquote(lit.Value)
			checked++
			if !Has(id) {
				t.Errorf("%s: message %q is not in the catalogue (internal/i18n/messages)", path, id)
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 5 {
		t.Errorf("only %d uses found; the walk is not reading the module", checked)
	}
}

// IDs lists the ids a prefix begins, from every file that holds some: "errors." spans
// errors.yaml, errors.profile.yaml and errors.report.yaml; "page.word." is in page.yaml alone.
func TestIDsOfAPrefix(t *testing.T) {
	has := func(ids []string, prefix string) bool {
		return slices.ContainsFunc(ids, func(id string) bool { return strings.HasPrefix(id, prefix) })
	}
	errs := IDs("errors.")
	for _, part := range []string{"errors.flag.", "errors.profile.", "errors.report."} {
		if !has(errs, part) {
			t.Errorf("IDs(\"errors.\") has no %s… id", part)
		}
	}
	words := IDs("page.word.")
	if len(words) == 0 || !slices.IsSorted(words) {
		t.Fatalf("IDs(\"page.word.\") = %v; want some, sorted", words)
	}
	for _, id := range words {
		if !strings.HasPrefix(id, "page.word.") {
			t.Errorf("IDs(\"page.word.\") has %q", id)
		}
	}
	if all := IDs(""); len(all) <= len(errs)+len(words) || !has(all, "help.") {
		t.Errorf("IDs(\"\") has %d ids; want every file's", len(all))
	}
}

// The first message asked for parses its own file and no other; each language reads it.
func TestLazyCatalogueParsesAFileWhenAsked(t *testing.T) {
	fsys := fstest.MapFS{
		"messages/a.yaml": &fstest.MapFile{Data: []byte(counted)},
		"messages/b.yaml": &fstest.MapFile{Data: []byte("b.other:\n  en: Other\n  es: Otro\n")},
		"messages/c.yaml": &fstest.MapFile{Data: []byte("c.late:\n  en: Late {{.File}}\n  es: Tarde {{.File}}\n")},
	}
	c, err := loadCatalogue(fsys, false)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		lang Lang
		id   string
		n    int
		want string
	}{
		{Spanish, "a.gaps", 2, "2 brechas"},
		{English, "a.gaps", 1, "1 gap"},
		{Spanish, "a.plain", -1, "Listo"},
	} {
		l := c.localizer(tt.lang)
		got := l.T(tt.id)
		if tt.n >= 0 {
			got = l.N(tt.id, tt.n)
		}
		if got != tt.want {
			t.Errorf("%s %s: %q, want %q", tt.lang, tt.id, got, tt.want)
		}
	}
	// A file is parsed in a language when one of its messages is first asked for in it.
	parsed := func(want ...inLang) {
		t.Helper()
		if !maps.Equal(c.parsed, setOf(want)) {
			t.Errorf("parsed %v; want %v", c.parsed, want)
		}
	}
	parsed(inLang{"messages/a.yaml", Spanish}, inLang{"messages/a.yaml", English})
	if got := c.localizer(English).T("b.other"); got != "Other" {
		t.Errorf("b.other: %q", got)
	}
	parsed(inLang{"messages/a.yaml", Spanish}, inLang{"messages/a.yaml", English}, inLang{"messages/b.yaml", English})
	if got := c.localizer(Spanish).T("b.other"); got != "Otro" {
		t.Errorf("b.other in Spanish after English: %q", got)
	}
	// The pseudo-language's messages are made from the English when it is first asked for.
	pseudo := c.localizer(Pseudo)
	if got, want := pseudo.T("a.plain"), PseudoOpen+"Ŕėȧđẏ"+PseudoClose; got != want {
		t.Errorf("pseudo plain: %q, want %q", got, want)
	}
	if got, want := pseudo.T("c.late", Args{"File": "me.yaml"}), PseudoOpen+"Ĺȧţė me.yaml"+PseudoClose; got != want {
		t.Errorf("pseudo c.late: %q, want %q", got, want)
	}
}

// TestMessageFilesAreReadFromTheirTrees: each message file is built in with its tree, which is
// its parse, so that a run reads no message file's text.
func TestMessageFilesAreReadFromTheirTrees(t *testing.T) {
	names, err := fs.Glob(messageFiles, "messages/*.yaml")
	if err != nil || len(names) == 0 {
		t.Fatalf("no message files: %v", err)
	}
	for _, name := range names {
		text, _ := fs.ReadFile(messageFiles, name)
		tree, err := fs.ReadFile(messageFiles, name+".tree")
		if err != nil || !yamltree.Fresh(text, string(tree)) {
			t.Errorf("%s: no tree of this text (go test ./internal/yamltree -update): %v", name, err)
		}
	}
	// help.yaml read as a run reads it, from its tree, allocates far less than from its text.
	text, _ := fs.ReadFile(messageFiles, "messages/help.yaml")
	withoutTrees := fstest.MapFS{"messages/help.yaml": {Data: text}}
	add := func(fsys fs.FS) func() {
		return func() {
			c := &loaded{bundle: goi18n.NewBundle(English.Tag()), ids: map[string]string{}, fsys: fsys, parsed: map[inLang]bool{}}
			if err := c.addFile("messages/help.yaml", text, false, English); err != nil {
				t.Fatal(err)
			}
		}
	}
	fromTree, fromText := testing.AllocsPerRun(3, add(messageFiles)), testing.AllocsPerRun(3, add(withoutTrees))
	if fromText-fromTree < 2000 {
		t.Errorf("help.yaml allocates %.0f times, parsing its text %.0f: its tree is not read", fromTree, fromText)
	}
}

// Has tells whether the catalogue has a message with this id: TestEveryIDUsedExists asks it of
// every literal that reads as an id.
func Has(id string) bool {
	c := catalogue()
	c.mu.Lock()
	defer c.mu.Unlock()
	if name, ok := c.fileOf(id); ok {
		c.parse(name, English)
	}
	_, ok := c.ids[id]
	return ok
}

func setOf[T comparable](items []T) map[T]bool {
	set := make(map[T]bool, len(items))
	for _, it := range items {
		set[it] = true
	}
	return set
}
