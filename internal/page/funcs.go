package page

import (
	"bytes"
	"fmt"
	"html"
	"html/template"
	"strings"
	"time"

	"github.com/hitready/hitready/internal/prose"
)

// funcs are the helpers the templates use: numbers as the page prints them, and the arithmetic
// of lists. None of them holds a word of the page.
var funcs = template.FuncMap{
	"score":      func(x float64) string { return fmt.Sprintf("%.1f", x) },
	"signed":     func(x float64) string { return fmt.Sprintf("%+.1f", x) },
	"median":     median,
	"num":        func(x float64) string { return trimFloat(x) },
	"add":        func(a, b int) int { return a + b },
	"last":       func(i, n int) bool { return i == n-1 },
	"lowerFirst": prose.LowerFirst,
	"upper":      strings.ToUpper,
	"iso":        func(t time.Time) string { return t.Format("2006-01-02") },
	"cssString":  cssString,
	"list":       func(xs ...any) []any { return xs },
	"pair":       func(a, b any) pairOf { return pairOf{a, b} },
	// say runs a template of the page's words for a place that takes plain text, such as a CSS
	// string: html/template then escapes it for that place.
	"say": func() string { return "" }, // replaced per set (see bindSay)
}

// bindSay gives a set its own say: the text of one of its templates, unescaped, for html/template
// to escape again for where it lands.
func bindSay(t *template.Template) {
	t.Funcs(template.FuncMap{"say": func(name string, data any) (string, error) {
		var b bytes.Buffer
		if err := t.ExecuteTemplate(&b, name, data); err != nil {
			return "", err
		}
		return html.UnescapeString(b.String()), nil
	}})
}

// trimFloat prints a weight or a count without a useless ".0".
func trimFloat(x float64) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.2f", x), "0"), ".")
}

// median prints a median, which may fall between two scores, with as many decimals as it has.
func median(x float64) string {
	if x*10 == float64(int(x*10)) {
		return fmt.Sprintf("%.1f", x)
	}
	return fmt.Sprintf("%.2f", x)
}

// pairOf hands two values to a template: a path's before and after, a list and its kind.
type pairOf struct{ Old, New any }

// dated is the date a page says it was made, for the line under its title.
type dated struct {
	Date    time.Time
	HasDate bool
}

func newDated(t time.Time) dated { return dated{Date: t, HasDate: !t.IsZero()} }

// cssString quotes text as a CSS string, every character but letters, digits and spaces of ASCII
// written as an escape, so that nothing in it can end the string, the rule or the style element.
// html/template would treat a CSS string it fills in as a URL and refuse text with a colon in it.
func cssString(s string) template.CSS {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == ' ':
			b.WriteRune(r)
		case r == 0:
			b.WriteString(`\fffd `)
		default:
			fmt.Fprintf(&b, `\%x `, r)
		}
	}
	b.WriteByte('"')
	return template.CSS(b.String()) // #nosec: every character that is not alphanumeric is escaped
}
