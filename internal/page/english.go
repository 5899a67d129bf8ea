package page

import (
	"cmp"
	"html/template"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hitready/hitready/assessment"
	"github.com/hitready/hitready/internal/i18n"
)

// englishPassages are the passages a page in l's language may quote in English: those of the
// embedded data (the titles of sources, quotes, the bodies' names) and the English names the
// page's list of words used keeps ("Certified Coding Associate (asociado certificado en
// codificación)"), longest first.
func englishPassages(l *i18n.Localizer) []string {
	out := slices.Clone(assessment.EnglishPassages())
	en := i18n.For(i18n.English)
	for _, id := range i18n.IDs(glossaryPrefix) {
		out = append(out, i18n.Text{En: en.T(id), Es: l.T(id)}.Kept()...)
	}
	slices.SortFunc(out, func(a, b string) int { return cmp.Or(len(b)-len(a), cmp.Compare(a, b)) })
	return slices.Compact(out)
}

// marked is text for the page, escaped, with each passage it keeps in English in a
// <span lang="en">, so that a screen reader reading the page in another language says it as
// English. A page in English marks nothing.
func (w words) marked(text string) template.HTML {
	var b strings.Builder
	plain := 0 // where the text not yet written begins
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if p := w.passageAt(text, i); p != "" {
			b.WriteString(template.HTMLEscapeString(text[plain:i]))
			b.WriteString(`<span lang="en">` + template.HTMLEscapeString(p) + `</span>`)
			i += len(p)
			plain = i
			continue
		}
		i += size
		for i < len(text) && isLetterOrDigit(r) { // to the end of the word: passages start words
			r, size = utf8.DecodeRuneInString(text[i:])
			if !isLetterOrDigit(r) {
				break
			}
			i += size
		}
	}
	b.WriteString(template.HTMLEscapeString(text[plain:]))
	return template.HTML(b.String()) // #nosec: every piece escaped just above
}

// passageAt is the longest passage that starts text at i and ends on a word's end, or "".
func (w words) passageAt(text string, i int) string {
	for _, p := range w.english {
		if strings.HasPrefix(text[i:], p) {
			if next, _ := utf8.DecodeRuneInString(text[i+len(p):]); !isLetterOrDigit(next) {
				return p
			}
		}
	}
	return ""
}

func isLetterOrDigit(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
