// Package page writes hitready's HTML page (--format html): a student's report, a cohort's
// summary with its charts, and one person's progress between two sessions. Each page is one
// self-contained document: its styles and charts (CSS and SVG) are inline, it loads nothing from
// anywhere else and needs no script. It reads on a phone, follows the system's dark scheme, and
// prints on Letter and A4 with the name and the date on every sheet.
//
// Every word of the page's own is a message of the catalogue (internal/i18n/messages/page.yaml,
// English and Spanish side by side): the templates place messages by id (t, n) and hold no
// words, and every language goes through the same templates and code. Text that came from a file
// (names, paths, every sentence of the profile) is escaped by html/template wherever it lands,
// SVG and CSS strings included; so is every message, which is plain text. On a page in another
// language, the passages it keeps in English (a source's title, a quote, a body's or a
// credential's name) are marked lang="en" (english.go), so that a screen reader says them as
// English.
package page

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/textsafe"
)

// Options shape a page beyond what its report holds.
type Options struct {
	// Date is the day the page says it was made; the zero time leaves the date out. The caller
	// decides it: the day of the run, or a fixed one (SOURCE_DATE_EPOCH) so that a page built
	// twice is the same.
	Date time.Time
	// Lang is the language of the page's own words; one hitready does not have is English. The
	// page declares its language (<html lang>). The report's own texts are in the language the
	// report was made in.
	Lang i18n.Lang
	// Requirements names the document the profile's requirements rest on, for the page's
	// sources; empty leaves it out.
	Requirements string
}

//go:embed templates/*.tmpl
var files embed.FS

// style is the page's style sheet, inlined into every page.
//
//go:embed style.css
var style template.CSS

// pageSet is the templates of one language: the same templates for every language, parsed with
// that language's words (funcs) bound.
type pageSet struct {
	lang     i18n.Lang
	w        words
	t        *template.Template
	glossary []glossaryWord // the abbreviations the catalogue explains (page.word.X), sorted
}

type glossaryWord struct {
	Abbr string
	find *regexp.Regexp
}

// glossaryPrefix is the catalogue's ids of the words the page explains: page.word.RHIT.
const glossaryPrefix = "page.word."

var (
	setsMu sync.Mutex
	sets   = map[i18n.Lang]*pageSet{}
)

// templatesFor returns the templates of lang, parsed once; English for a language hitready does
// not have.
func templatesFor(lang i18n.Lang) (*pageSet, error) {
	switch lang {
	case i18n.English, i18n.Spanish, i18n.Pseudo:
	default:
		lang = i18n.English
	}
	setsMu.Lock()
	defer setsMu.Unlock()
	if s, ok := sets[lang]; ok {
		return s, nil
	}
	w := words{l: i18n.For(lang)}
	if lang.Tag() != i18n.English.Tag() { // the pseudo-language's page is declared English
		w.english = englishPassages(w.l)
	}
	t, err := template.New("page").Funcs(funcs).Funcs(w.funcs()).ParseFS(files, "templates/*.tmpl")
	if err != nil {
		return nil, fmt.Errorf("page templates (%s): %w", lang, err)
	}
	s := &pageSet{lang: lang, w: w, t: t}
	for _, id := range i18n.IDs(glossaryPrefix) { // sorted, so the list of words used is in order
		abbr := strings.TrimPrefix(id, glossaryPrefix)
		s.glossary = append(s.glossary, glossaryWord{Abbr: abbr, find: regexp.MustCompile(`\b` + regexp.QuoteMeta(abbr) + `\b`)})
	}
	sets[lang] = s
	return s, nil
}

// frame is what the layout template needs around a page's body.
type frame struct {
	Lang    string // the page's language, as HTML's lang attribute wants it
	Kind    string // report, cohort or compare: the page's class and what only a report says
	Title   string // the document's title and every printed sheet's running header
	Date    time.Time
	Style   template.CSS
	Body    template.HTML // the page's body, drawn first so that the words it uses are known
	Words   []explained   // the abbreviations the body uses, explained
	Sources []string
}

// explained is an abbreviation of the list of words used, and what it stands for.
type explained struct{ Abbr, Text string }

// sourceLine is one source the page's figures and rules rest on.
type sourceLine struct {
	What     string // the catalogue's message that introduces it (page.source.*)
	Settings string // the work settings it is for, as a list, if any
	Text     string // the source as the data gives it
}

// write draws body (a template of set) with data, then the frame around it: the words it used
// and the sources, so the glossary lists only what the page says.
func write(w io.Writer, set *pageSet, body string, data any, f frame, sources []sourceLine) error {
	var b bytes.Buffer
	if err := set.t.ExecuteTemplate(&b, body, data); err != nil {
		return fmt.Errorf("drawing the page: %w", err)
	}
	f.Lang, f.Style = set.lang.Tag().String(), style
	f.Body = template.HTML(b.String()) // #nosec: drawn by html/template just above
	text := tags.ReplaceAllString(b.String(), " ")
	for _, src := range sources {
		text += " " + src.Text
		f.Sources = append(f.Sources, set.w.l.T(src.What, i18n.Args{"Text": src.Text, "Settings": src.Settings}))
	}
	for _, word := range set.glossary {
		if word.find.MatchString(text) {
			f.Words = append(f.Words, explained{Abbr: word.Abbr, Text: set.w.l.T(glossaryPrefix + word.Abbr)})
		}
	}
	var out bytes.Buffer
	if err := set.t.ExecuteTemplate(&out, "layout", f); err != nil {
		return fmt.Errorf("drawing the page: %w", err)
	}
	_, err := w.Write(out.Bytes())
	return err
}

// tags matches an HTML tag, to read the words of a drawn body without its markup (attribute
// values, such as an SVG's numbers, hold no abbreviations).
var tags = regexp.MustCompile(`<[^>]*>`)

// fileText is text that came from a file the person named (a respondent, a path): shown on one
// line with every control character escaped, as every other format shows it, so that a bidi
// override cannot reorder the page's words around it.
func fileText(s string) string {
	return textsafe.Escape(strings.Join(strings.Fields(s), " "))
}
