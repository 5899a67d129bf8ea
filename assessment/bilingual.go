package assessment

import (
	"bytes"
	"errors"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/hitready/hitready/internal/i18n"
)

// A profile's texts in two languages, read in one (readStrict), apart from the strict reader
// they feed: strict.go stays under 600 lines.

// localized is the file's text with each text in two languages replaced by its string in l, on
// the lines it was on: a block text ("title:" then its en and es lines) becomes the quoted string
// after its key, its own lines left blank; a flow one ({en: …, es: …}) the string in its place.
// data itself when it has none. Its refusals are worded in the run's language.
func (f *yamlFile) localized(data []byte, l i18n.Lang) ([]byte, error) {
	var texts []*yaml.Node
	var misplaced *yaml.Node
	eachText(f.root, "", func(n *yaml.Node, field string) {
		texts = append(texts, n)
		if !textsOfEmbedded().fields[field] && misplaced == nil {
			misplaced = n
		}
	})
	var starts []int // the line of every node, keys included
	var visit func(n *yaml.Node)
	visit = func(n *yaml.Node) {
		starts = append(starts, n.Line)
		for _, c := range n.Content {
			visit(c)
		}
	}
	visit(f.root)
	if len(texts) == 0 {
		return data, nil
	}
	if misplaced != nil {
		// An id, a value or a number is the same in every language: in two, a profile would mean
		// one thing in English and another in Spanish.
		return nil, errors.New(f.Words.T("errors.profile.text-not-here", i18n.Args{"Line": misplaced.Line,
			"Fields": strings.Join(slices.Sorted(maps.Keys(textsOfEmbedded().fields)), ", ")}))
	}
	// YAML breaks lines at these too, so its line numbers would not be the lines of the text.
	if bytes.ContainsAny(data, "\u2028\u2029\u0085") {
		return nil, errors.New(f.Words.T("errors.profile.line-separator"))
	}
	lines := strings.Split(string(data), "\n")
	for _, n := range texts {
		if err := f.checkText(n); err != nil {
			return nil, err
		}
		var t i18n.Text
		if err := t.UnmarshalYAML(n); err != nil {
			return nil, err
		}
		quoted := strconv.Quote(t.In(l))
		if id, line := replaceText(lines, n, quoted, starts); id != "" {
			return nil, errors.New(f.Words.T(id, i18n.Args{"Line": line}))
		}
	}
	if err := f.checkTexts(); err != nil {
		return nil, err
	}
	if err := i18n.Localize(f.root, l); err != nil {
		return nil, err
	}
	return []byte(strings.Join(lines, "\n")), nil
}

func isBilingual(n *yaml.Node) bool {
	if n.Kind != yaml.MappingNode || len(n.Content) < 2 {
		return false
	}
	for i := 0; i < len(n.Content); i += 2 {
		if k := n.Content[i].Value; k != "en" && k != "es" {
			return false
		}
	}
	return true
}

// checkTexts refuses, as i18n.Localize would in English, a text of the file that it could not
// read, in the run's language: every mapping with the key en is a text (i18n.Localize).
func (f *yamlFile) checkTexts() (err error) {
	f.walk(func(n *yaml.Node, _ *trail) bool {
		for i := 0; err == nil && n.Kind == yaml.MappingNode && i < len(n.Content); i += 2 {
			if n.Content[i].Value == "en" {
				err = f.checkText(n)
				return false // a text, not a mapping of fields
			}
		}
		return err == nil
	})
	return err
}

// checkText refuses the text in two languages n, as i18n.Text reads it, in the run's language.
func (f *yamlFile) checkText(n *yaml.Node) error {
	refuse := func(id string, args i18n.Args) error { return errors.New(f.Words.T(id, args)) }
	var en, es string
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if v.Kind != yaml.ScalarNode {
			return refuse("errors.profile.text-want-text", i18n.Args{"Line": v.Line, "Lang": k.Value})
		}
		switch k.Value {
		case "en":
			en = v.Value
		case "es":
			es = v.Value
		default:
			return refuse("errors.profile.text-not-language", i18n.Args{"Line": k.Line, "Lang": strconv.Quote(k.Value)})
		}
	}
	if strings.TrimSpace(en) == "" || strings.TrimSpace(es) == "" {
		return refuse("errors.profile.text-both", i18n.Args{"Line": n.Line})
	}
	return nil
}

// replaceText writes quoted in place of the text n in lines (numbered from 1 as n.Line is); when
// it cannot, the message that says why and its line.
func replaceText(lines []string, n *yaml.Node, quoted string, starts []int) (string, int) {
	row := n.Line - 1
	if n.Style&yaml.FlowStyle != 0 {
		line := lines[row]
		// YAML counts columns in characters; open is where the text starts, in bytes.
		open := len(line)
		if r := []rune(line); n.Column-1 < len(r) {
			open = len(string(r[:n.Column-1]))
		}
		if i := strings.IndexByte(line[min(open, len(line)):], '{'); i >= 0 {
			open += i // past an anchor
		}
		end := flowEnd(line, open)
		if open >= len(line) || line[open] != '{' || end < 0 {
			return "errors.profile.text-one-line", n.Line
		}
		// Padded to the text's width, so that what follows on the line keeps its column.
		pad := utf8.RuneCountInString(line[open:end+1]) - utf8.RuneCountInString(quoted)
		lines[row] = line[:open] + quoted + strings.Repeat(" ", max(pad, 0)) + line[end+1:]
		return "", 0
	}
	// A block text's first language starts on the line after its key (the node's own line is
	// its anchor's, if it has one); it ends before the next node of the file.
	row = n.Content[0].Line - 1
	last := n.Content[len(n.Content)-1].Line
	next := len(lines) + 1
	for _, s := range starts {
		if s > last && s < next {
			next = s
		}
	}
	if row < 1 {
		return "errors.profile.text-needs-key", n.Line
	}
	// A comment after the key would take the text in with it.
	key, _, _ := strings.Cut(lines[row-1], " #")
	lines[row-1] = strings.TrimRight(key, " ") + " " + quoted
	for i := row; i < next-1 && i < len(lines); i++ {
		lines[i] = ""
	}
	return "", 0
}

// flowEnd is the index of the brace that closes the flow mapping opening at line[open], outside
// quotes; -1 when it is not on the line.
func flowEnd(line string, open int) int {
	depth, quote := 0, byte(0)
	for i := open; i < len(line); i++ {
		c := line[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			} else if c == '\\' && quote == '"' {
				i++
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '{':
			depth++
		case c == '}':
			if depth--; depth == 0 {
				return i
			}
		}
	}
	return -1
}
