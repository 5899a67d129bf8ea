package i18n

import (
	"cmp"
	"embed"
	"fmt"
	"io/fs"
	"maps"
	"regexp"
	"slices"
	"strings"
	"sync"
	"text/template"

	"github.com/hitready/hitready/internal/yamltree"
	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"go.yaml.in/yaml/v3"
	"golang.org/x/text/language"
)

// messageFiles are the message files, each with its tree (internal/yamltree): addFile reads a
// file from its tree, its parse when hitready was built.
//
//go:embed messages/*.yaml messages/*.yaml.tree
var messageFiles embed.FS

// Args is the named data a message's template reads: {{.File}}, {{.ID}}. Names, not positions,
// so that a translation may put them in another order.
type Args = map[string]any

// Localizer speaks one language: the program's own strings by id, with plural forms.
type Localizer struct {
	lang  Lang
	cat   *loaded
	loc   *goi18n.Localizer
	plain sync.Map // id -> its text, for a message without data: the same every time it is asked
}

// For returns the localizer of a language. The pseudo-language speaks English wrapped in markers.
func For(l Lang) *Localizer {
	c := catalogue()
	if loc, ok := c.localizers.Load(l); ok {
		return loc.(*Localizer)
	}
	// Made once per language: go-i18n parses the tags of every new localizer, and scoring asks
	// for one per sentence it words (a cohort of 10,000 spent a second on it).
	loc, _ := c.localizers.LoadOrStore(l, c.localizer(l))
	return loc.(*Localizer)
}

func (c *loaded) localizer(l Lang) *Localizer {
	tag := English.Tag()
	switch l {
	case Spanish:
		tag = Spanish.Tag()
	case Pseudo:
		tag = pseudoTag
	}
	return &Localizer{lang: l, cat: c, loc: goi18n.NewLocalizer(c.bundle, tag.String())}
}

// pseudoTag is the pseudo-language's tag in the bundle: Android's for accented English. Its
// messages are the English ones in pseudo-letters, with English's plural rules.
var pseudoTag = language.MustParse("en-XA")

// Lang is the language the localizer speaks.
func (l *Localizer) Lang() Lang { return l.lang }

// T is the message id in the localizer's language, its template filled from data (at most one
// value: an Args or a struct).
func (l *Localizer) T(id string, data ...any) string {
	if len(data) > 0 {
		return l.localize(&goi18n.LocalizeConfig{MessageID: id, TemplateData: templateData(data)})
	}
	// Scoring a cohort words the same few sentences for every person.
	if s, ok := l.plain.Load(id); ok {
		return s.(string)
	}
	s := l.localize(&goi18n.LocalizeConfig{MessageID: id})
	l.plain.Store(id, s)
	return s
}

// N is the message id in the plural form that n calls for in the localizer's language (English and
// Spanish: one for 1, other otherwise; Spanish also has many, for a million), with n as
// {{.Count}} beside data.
func (l *Localizer) N(id string, n int, data ...any) string {
	args := Args{"Count": n}
	if len(data) > 0 {
		if m, ok := data[0].(Args); ok {
			args = maps.Clone(m)
			args["Count"] = n
		} else {
			panic(fmt.Sprintf("i18n: N(%q) takes its data as Args, to add Count to it", id))
		}
	}
	return l.localize(&goi18n.LocalizeConfig{MessageID: id, TemplateData: args, PluralCount: n})
}

// And joins items as a list in the localizer's language: "a, b and c", "a, b y c".
func (l *Localizer) And(items []string) string { return l.list("list.and", items) }

// Or joins items as alternatives: "a, b or c", "a, b o c".
func (l *Localizer) Or(items []string) string { return l.list("list.or", items) }

func (l *Localizer) list(id string, items []string) string {
	if len(items) <= 1 {
		return strings.Join(items, "")
	}
	return l.T(id, Args{"Init": strings.Join(items[:len(items)-1], ", "), "Last": items[len(items)-1]})
}

func templateData(data []any) any {
	switch len(data) {
	case 0:
		return nil
	case 1:
		return data[0]
	}
	panic("i18n: a message takes at most one value of data")
}

// localize looks the message up. The catalogue is checked when it loads (every id in both
// languages, every template parsed) and the ids a program uses by TestEveryIDUsedExists, so a
// failure here is a bug: the id itself is shown rather than nothing, and the program goes on.
func (l *Localizer) localize(lc *goi18n.LocalizeConfig) string {
	s, err := l.cat.localize(l.lang, l.loc, lc)
	if err != nil && s == "" {
		s = lc.MessageID
	}
	if l.lang == Pseudo {
		return PseudoOpen + s + PseudoClose
	}
	return s
}

// IDs lists the message ids that begin with prefix ("page.word."), sorted: those of the file the
// prefix names, or of every file for "".
func IDs(prefix string) []string {
	c := catalogue()
	c.mu.Lock()
	defer c.mu.Unlock()
	for name := range c.files {
		// Its ids begin "errors.report.": the prefix "errors." has some of them, "errors.report.x." too.
		stem := strings.TrimSuffix(strings.TrimPrefix(name, "messages/"), "yaml")
		if strings.HasPrefix(prefix, stem) || strings.HasPrefix(stem, prefix) {
			c.parse(name, English)
		}
	}
	var ids []string
	for id := range c.ids {
		if strings.HasPrefix(id, prefix) {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	return ids
}

// loaded is the catalogue: its files, which file holds each id parsed so far, and their messages.
type loaded struct {
	bundle     *goi18n.Bundle
	files      map[string]bool   // the message files, "messages/help.yaml"
	ids        map[string]string // id -> the file it is in, for the files parsed so far
	fsys       fs.FS
	mu         sync.Mutex      // the bundle and parsed, as a file is added while others are read
	parsed     map[inLang]bool // the files whose messages are in the bundle, in each language
	localizers sync.Map        // Lang -> *Localizer, made once each (For)
}

// inLang is a message file's messages in one language. A run speaks one language, and adds to
// the bundle only that language's messages: go-i18n makes a template of each message it is
// given and remakes its language matcher for each language it meets, which an English run
// would otherwise pay for the Spanish too.
type inLang struct {
	file string
	lang Lang
}

// catalogue lists the message files once; a file is parsed the first time one of its messages is
// asked for. A mistake in them is a bug in hitready that every test meets at once, so it panics
// with the file and the id.
var catalogue = sync.OnceValue(func() *loaded {
	c, err := loadCatalogue(messageFiles, false)
	if err != nil {
		panic("i18n: " + err.Error())
	}
	return c
})

// localize looks a message up with loc, parsing its file first if no message of it was asked
// for yet: --help reads help.yaml and leaves the report's and the page's files unparsed.
func (c *loaded) localize(lang Lang, loc *goi18n.Localizer, lc *goi18n.LocalizeConfig) (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if name, ok := c.fileOf(lc.MessageID); ok {
		c.parse(name, lang)
	}
	return loc.Localize(lc)
}

// fileOf is the file an id is in: the one its longest run of leading segments names, as
// "errors.report.bad-json" is in messages/errors.report.yaml and "errors.flag.unknown" in
// messages/errors.yaml. So a run finds a message's file without reading the others, and a person
// finds it by its id (the checked load refuses a message in another file).
func (c *loaded) fileOf(id string) (string, bool) {
	for prefix := id; ; {
		i := strings.LastIndexByte(prefix, '.')
		if i < 0 {
			return "", false
		}
		prefix = prefix[:i]
		if name := "messages/" + prefix + ".yaml"; c.files[name] {
			return name, true
		}
	}
}

// parse adds the messages of a file in a language, if not added yet. The files are built in and
// checked by the tests, so a mistake is a bug.
func (c *loaded) parse(name string, l Lang) {
	if c.parsed[inLang{name, l}] {
		return
	}
	data, err := fs.ReadFile(c.fsys, name)
	if err == nil {
		err = c.addFile(name, data, false, l)
	}
	if err != nil {
		panic(fmt.Sprintf("i18n: %s: %v", name, err))
	}
}

// An entry is one message as a file gives it: its text in each language, side by side (en, es),
// so that whoever edits the Spanish reads the English above it, and a note for translators
// (where the message shows, what fills it). A text is a string or, for a message that counts, a
// mapping of CLDR plural forms (one, other; Spanish may add many).
var entryFields, pluralForms = []string{"en", "es", "note"}, []string{"one", "many", "other"}

// loadCatalogue reads the message files. With check, every rule of the files is enforced (unknown
// fields, plural forms, templates that parse, both languages reading the same data): the tests
// load the embedded files so, and a mistake fails them all. A run loads without the checks, which
// cost about 30 ms of start-up on every command, --help included.
//
// A run only lists the files and parses a file when one of its messages is first asked for
// (loaded.localize); with check, every file is parsed at once.
func loadCatalogue(fsys fs.FS, check bool) (*loaded, error) {
	c := &loaded{bundle: goi18n.NewBundle(English.Tag()), files: map[string]bool{}, ids: map[string]string{}, fsys: fsys,
		parsed: map[inLang]bool{}}
	names, err := fs.Glob(fsys, "messages/*.yaml")
	if err != nil {
		return nil, err
	}
	for _, name := range names {
		c.files[name] = true
	}
	for _, name := range names {
		if !check {
			break
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		if err := c.addFile(name, data, check, English, Spanish); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	return c, nil
}

// addFile reads a message file and adds its messages in the languages langs to the bundle.
func (c *loaded) addFile(name string, data []byte, check bool, langs ...Lang) error {
	tree, _ := fs.ReadFile(c.fsys, name+".tree") // a test's files may have none: the text is parsed
	doc, err := yamltree.Parse(data, string(tree))
	if err != nil {
		return err
	}
	if len(doc.Content) == 0 {
		return nil
	}
	top := doc.Content[0]
	if top.Kind != yaml.MappingNode {
		return fmt.Errorf("line %d: want a mapping of message ids", top.Line)
	}
	for i := 0; i < len(top.Content); i += 2 {
		key, value := top.Content[i], top.Content[i+1]
		id := key.Value
		if check {
			if err := c.checkPlace(id, name); err != nil {
				return fmt.Errorf("line %d: %w", key.Line, err)
			}
		}
		en, es, err := decodeEntry(id, value, check)
		if err != nil {
			return fmt.Errorf("line %d: message %q: %w", key.Line, id, err)
		}
		for _, l := range langs {
			c.add(l, en, es)
		}
		c.ids[id] = name
	}
	for _, l := range langs {
		c.parsed[inLang{name, l}] = true
	}
	return nil
}

// checkPlace checks that a message is defined once, in the file its id names.
func (c *loaded) checkPlace(id, file string) error {
	if prev, dup := c.ids[id]; dup {
		return fmt.Errorf("message %q is already in %s", id, prev)
	}
	if want, _ := c.fileOf(id); want != file {
		return fmt.Errorf("message %q belongs in the file its id names (%s)", id,
			cmp.Or(want, "messages/"+strings.Split(id, ".")[0]+".yaml, which there is not"))
	}
	return nil
}

// add puts one message in the bundle in language l; the pseudo-language's is made from the English.
func (c *loaded) add(l Lang, en, es *goi18n.Message) {
	switch l {
	case Spanish:
		c.bundle.MustAddMessages(Spanish.Tag(), es)
	case Pseudo:
		c.bundle.MustAddMessages(pseudoTag, &goi18n.Message{ID: en.ID,
			One: pseudoTemplate(en.One), Many: pseudoTemplate(en.Many), Other: pseudoTemplate(en.Other)})
	default:
		c.bundle.MustAddMessages(English.Tag(), en)
	}
}

// decodeEntry turns one entry into its English and Spanish messages; with check, their
// templates are parsed and must read the same data.
func decodeEntry(id string, value *yaml.Node, check bool) (en, es *goi18n.Message, err error) {
	e, err := fields(value, entryFields)
	if err != nil {
		return nil, nil, err
	}
	if note := e["note"]; note != nil && note.Kind != yaml.ScalarNode {
		return nil, nil, fmt.Errorf("line %d: a note is a text", note.Line)
	}
	if en, err = message(id, e["en"], English, check); err != nil {
		return nil, nil, err
	}
	if es, err = message(id, e["es"], Spanish, check); err != nil {
		return nil, nil, err
	}
	if check {
		if err := sameFields(en, es); err != nil {
			return nil, nil, err
		}
	}
	return en, es, nil
}

// fields are the values of a mapping by key, each key one of names: another is refused, as
// yaml.v3's KnownFields would.
func fields(n *yaml.Node, names []string) (map[string]*yaml.Node, error) {
	if n.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("line %d: want a mapping of %s", n.Line, strings.Join(names, ", "))
	}
	values := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key := n.Content[i]
		if !slices.Contains(names, key.Value) {
			return nil, fmt.Errorf("line %d: field %s not found (want %s)", key.Line, key.Value, strings.Join(names, ", "))
		}
		values[key.Value] = n.Content[i+1]
	}
	return values, nil
}

// message turns one language's text of an entry into a go-i18n message, checking that it is
// there, that its plural forms are the language's and, with check, that its templates parse.
func message(id string, n *yaml.Node, l Lang, check bool) (*goi18n.Message, error) {
	m := &goi18n.Message{ID: id}
	switch {
	case n == nil:
		return nil, fmt.Errorf("no %s text (every message has both en and es)", l)
	case n.Kind == yaml.ScalarNode:
		m.Other = n.Value
	case n.Kind == yaml.MappingNode:
		forms, err := fields(n, pluralForms)
		if err != nil {
			return nil, fmt.Errorf("%s: plural forms are one, other (and, in Spanish, many): %w", l, err)
		}
		text := func(form string) string {
			if f := forms[form]; f != nil {
				return f.Value
			}
			return ""
		}
		if text("one") == "" || text("other") == "" {
			return nil, fmt.Errorf("%s: a counted message needs both one and other", l)
		}
		if strings.TrimSpace(text("one")) == "" {
			return nil, fmt.Errorf("%s: empty text", l)
		}
		if text("many") != "" && l != Spanish {
			return nil, fmt.Errorf("%s: English has no plural form many", l)
		}
		// Spanish's many is for a million and more ("1 000 000 de …"); without its own text it
		// reads as other, rather than go-i18n's error.
		m.One, m.Many, m.Other = text("one"), cmp.Or(text("many"), text("other")), text("other")
	default:
		return nil, fmt.Errorf("%s: want a text or plural forms", l)
	}
	if strings.TrimSpace(m.Other) == "" {
		return nil, fmt.Errorf("%s: empty text", l)
	}
	for _, s := range []string{m.One, m.Many, m.Other} {
		if !check {
			break
		}
		if _, err := template.New(id).Parse(s); err != nil {
			return nil, fmt.Errorf("%s: %w", l, err)
		}
	}
	return m, nil
}

// fieldRe finds the data a template reads: {{.File}}, {{ .Count }}. Only the tests' checked load
// reads it: compiled then, not on every start.
var fieldRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\{\{-?\s*\.(\w+)`) })

// sameFields checks that both languages read the same data, so that no translation drops a
// file name or a count, or asks for data the code does not give.
func sameFields(en, es *goi18n.Message) error {
	fields := func(m *goi18n.Message) []string {
		set := map[string]bool{}
		for _, s := range []string{m.One, m.Many, m.Other} {
			for _, f := range fieldRe().FindAllStringSubmatch(s, -1) {
				set[f[1]] = true
			}
		}
		return slices.Sorted(maps.Keys(set))
	}
	if a, b := fields(en), fields(es); !slices.Equal(a, b) {
		return fmt.Errorf("en reads %v but es reads %v", a, b)
	}
	return nil
}
