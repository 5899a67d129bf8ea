// Package yamlout writes reports and comparisons as YAML, fast, with the field names of their
// JSON form. It is the one YAML writer of hitready's report outputs, so `assess` and `score`
// print the same text for the same report; the profile dump and the question bank keep
// yaml.v3, whose output --profile reads back.
package yamlout

import (
	"bytes"
	"fmt"
	"math"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/hitready/hitready/internal/textsafe"
)

// Marshal writes a value as block-style YAML, with the field names and omissions of its JSON
// form. It exists for score's YAML output: yaml.v3's encoder costs about 600µs a report, seven
// times the rest of a cohort run, and a report is plain data (structs, slices, strings, numbers,
// booleans) that needs none of YAML's richer features. It writes as it walks the value, with no
// tree in between. Strings that could be read back as anything but themselves, or that hold a
// control a terminal would obey, are written double-quoted with every control escaped
// (yamlQuote); a test holds the output to decoding, with yaml.v3, to the very value it came from,
// and to yaml.v3's own text for ordinary reports.
func Marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	b.Grow(8 << 10)
	if err := writeYAML(&b, reflect.ValueOf(v), 0, false); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

type fieldInfo struct {
	index     int
	key       string // the JSON name, already in YAML form
	omitEmpty bool
}

// fieldCache holds each struct type's fields as JSON names them, worked out once per type.
var fieldCache sync.Map // reflect.Type -> []fieldInfo

func structFields(t reflect.Type) []fieldInfo {
	if cached, ok := fieldCache.Load(t); ok {
		return cached.([]fieldInfo)
	}
	var fields []fieldInfo
	for i := range t.NumField() {
		f := t.Field(i)
		name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
		if !f.IsExported() || name == "-" || f.Tag.Get("yaml") == "-" { // JSON only (a report's answers)
			continue
		}
		if name == "" {
			name = f.Name
		}
		fields = append(fields, fieldInfo{index: i, key: yamlString(name), omitEmpty: strings.Contains(opts, "omitempty")})
	}
	fieldCache.Store(t, fields)
	return fields
}

func omitted(f fieldInfo, v reflect.Value) bool {
	return f.omitEmpty && (v.IsZero() || (v.Kind() == reflect.Slice && v.Len() == 0))
}

// shape says how a value is laid out: on the line of its key ("scalar", including empty
// collections written as [] or {}), or below it as a mapping or a list.
type shape int

const (
	shapeInline shape = iota
	shapeMapping
	shapeList
)

func shapeOf(v reflect.Value) shape {
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			return shapeInline
		}
		v = v.Elem()
	}
	switch v.Kind() {
	case reflect.Struct:
		for _, f := range structFields(v.Type()) {
			if !omitted(f, v.Field(f.index)) {
				return shapeMapping
			}
		}
	case reflect.Map:
		if v.Len() > 0 {
			return shapeMapping
		}
	case reflect.Slice, reflect.Array:
		if v.Len() > 0 {
			return shapeList
		}
	}
	return shapeInline
}

func pad(b *bytes.Buffer, n int) {
	for range n {
		b.WriteByte(' ')
	}
}

// writeYAML writes v at indent. inline says the first line's start is already taken by "- ": the
// first key of a mapping in a list follows the dash.
func writeYAML(b *bytes.Buffer, v reflect.Value, indent int, inline bool) error {
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			b.WriteString("null\n")
			return nil
		}
		v = v.Elem()
	}
	switch shapeOf(v) {
	case shapeMapping:
		first := true
		entry := func(key string, value reflect.Value) error {
			if !first || !inline {
				pad(b, indent)
			}
			first = false
			b.WriteString(key)
			b.WriteByte(':')
			if shapeOf(value) == shapeInline {
				b.WriteByte(' ')
			} else {
				b.WriteByte('\n')
			}
			return writeYAML(b, value, indent+2, false)
		}
		if v.Kind() == reflect.Map {
			keys := v.MapKeys()
			slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(a.String(), b.String()) })
			for _, k := range keys {
				if err := entry(yamlString(k.String()), v.MapIndex(k)); err != nil {
					return err
				}
			}
			return nil
		}
		for _, f := range structFields(v.Type()) {
			if fv := v.Field(f.index); !omitted(f, fv) {
				if err := entry(f.key, fv); err != nil {
					return err
				}
			}
		}
		return nil
	case shapeList:
		for i := range v.Len() {
			item := v.Index(i)
			pad(b, indent)
			// A list below its dash; a scalar or a mapping's first key after it.
			itemShape := shapeOf(item)
			if itemShape == shapeList {
				b.WriteString("-\n")
			} else {
				b.WriteString("- ")
			}
			if err := writeYAML(b, item, indent+2, itemShape == shapeMapping); err != nil {
				return err
			}
		}
		return nil
	}
	return writeScalar(b, v)
}

// writeScalar writes a value that stands on its key's line, with its newline.
func writeScalar(b *bytes.Buffer, v reflect.Value) error {
	switch v.Kind() {
	case reflect.Invalid:
		b.WriteString("null")
	case reflect.Struct, reflect.Map:
		b.WriteString("{}")
	case reflect.Slice:
		if v.IsNil() {
			b.WriteString("null")
		} else {
			b.WriteString("[]")
		}
	case reflect.Array:
		b.WriteString("[]")
	case reflect.String:
		b.WriteString(yamlString(v.String()))
	case reflect.Bool:
		b.WriteString(strconv.FormatBool(v.Bool()))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		b.Write(strconv.AppendInt(b.AvailableBuffer(), v.Int(), 10))
	case reflect.Float32, reflect.Float64:
		f := v.Float()
		if math.IsInf(f, 0) || math.IsNaN(f) {
			return fmt.Errorf("yamlout: %v has no JSON form", f)
		}
		b.Write(strconv.AppendFloat(b.AvailableBuffer(), f, 'g', -1, 64)) // as yaml.v3 writes it
	default:
		return fmt.Errorf("yamlout: cannot write a %s", v.Kind())
	}
	b.WriteByte('\n')
	return nil
}

// numberLike is what YAML 1.1 or 1.2 would resolve as a number or a date rather than text; it
// is only consulted for strings that start with a digit, a sign or a dot.
var numberLike = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^[-+]?([0-9][0-9_]*(\.[0-9_]*)?([eE][-+]?[0-9]+)?|\.[0-9]+([eE][-+]?[0-9]+)?|0[xX][0-9a-fA-F_]+|0[oO]?[0-7_]+|0[bB][01_]+)$|^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}`)
})

// reserved are the words YAML 1.1 or 1.2 read as booleans or null, in any case.
var reserved = []string{"true", "false", "null", "yes", "no", "on", "off", "y", "n"}

// plain tells whether YAML reads s back as that same string when it is written without quotes:
// it does not end in a space, is not a word YAML reads as a boolean or null, holds only what a
// plain scalar may (plainRunes), and is not read as a number, a date or a marker (readAsOther).
func plain(s string) bool {
	return s != "" && s[len(s)-1] != ' ' && !reservedWord(s) && plainRunes(s) && !readAsOther(s)
}

// reservedWord tells whether s is a word YAML 1.1 or 1.2 reads as a boolean or null.
func reservedWord(s string) bool {
	return len(s) <= 5 && slices.ContainsFunc(reserved, func(w string) bool { return strings.EqualFold(s, w) })
}

// plainRunes tells whether s starts with a letter, a digit, "(", "/" or "." (paths, checked by
// readAsOther) and holds only letters, digits, spaces and a few harmless marks: nothing that
// starts a comment, a flow collection, an alias, a tag or a mapping. ASCII, nearly all of a
// report, is looked up in a table.
func plainRunes(s string) bool {
	first, size := utf8.DecodeRuneInString(s)
	if !plainFirst(first) {
		return false
	}
	for i := size; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if !plainASCII[c] {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) && !unicode.IsNumber(r) {
			return false
		}
		i += n
	}
	return true
}

// plainASCII marks the ASCII characters a plain string may hold: letters, digits, the space and
// a few harmless marks.
var plainASCII = func() (t [utf8.RuneSelf]bool) {
	for _, c := range "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;()'&/+%$?!_-" {
		t[c] = true
	}
	return t
}()

// plainFirst tells whether a plain string may start with r: a letter, a digit, "(", "/" or ".".
func plainFirst(r rune) bool {
	if r < utf8.RuneSelf {
		return plainASCII[r] && !strings.ContainsRune(plainASCIINotFirst, r)
	}
	return unicode.IsLetter(r)
}

// plainASCIINotFirst are the marks a plain string may hold but not start with; "(", "/" and "."
// may start one (a path such as ../a.yaml).
const plainASCIINotFirst = " ,;)'&+%$?!_-"

// readAsOther tells whether YAML reads s, a plain string by its characters, as something else: a
// leading dot starts .5, .inf and .nan, and "..." ends a document; a digit starts a number or a
// date, each one word, so a space rules them out without the regexp.
func readAsOther(s string) bool {
	switch c := s[0]; {
	case c == '.':
		lower := strings.ToLower(s)
		return strings.HasPrefix(s, "...") || lower == ".inf" || lower == ".nan" || numberLike().MatchString(s)
	case c >= '0' && c <= '9':
		return !strings.Contains(s, " ") && numberLike().MatchString(s)
	}
	return false
}

func yamlString(s string) string {
	if plain(s) {
		return s
	}
	return yamlQuote(s)
}

// yamlQuote writes s as a YAML double-quoted scalar. Everything outside YAML's printable set is
// escaped (JSON's escaping is not enough: it leaves DEL and the C1 controls raw, which YAML
// refuses), and so is every rune textsafe counts as a control, which YAML would print raw: NEL
// as \N, the line and paragraph separators as \L and \P (YAML's own escapes), the other C1
// controls as \xNN and the bidirectional marks as \uXXXX. Invalid UTF-8 becomes U+FFFD, as in
// hitready's JSON.
func yamlQuote(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for i, r := range s {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD"): // an invalid byte, not a real U+FFFD
			b.WriteString(`\ufffd`)
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\u0085':
			b.WriteString(`\N`)
		case r == '\u2028':
			b.WriteString(`\L`)
		case r == '\u2029':
			b.WriteString(`\P`)
		case r < 0x20 || (r >= 0x7f && r <= 0x9f):
			fmt.Fprintf(&b, `\x%02x`, r)
		case r == 0xfffe || r == 0xffff || textsafe.IsControl(r) && r <= 0xffff:
			fmt.Fprintf(&b, `\u%04x`, r)
		case textsafe.IsControl(r): // the tag characters
			fmt.Fprintf(&b, `\U%08x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
