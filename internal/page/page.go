// Package page writes hitready's HTML page (--format html): a student's report, a cohort's
// summary with its charts, and one person's progress between two sessions. Each page is one
// self-contained document: its styles and charts (CSS and SVG) are inline, it loads nothing from
// anywhere else and needs no script. It reads on a phone, follows the system's dark scheme, and
// prints on Letter and A4 with the name and the date on every sheet.
//
// Every sentence of the page's own is in one file per language (templates/text.<lang>.tmpl):
// the layout templates call its named templates and hold no words, so translating the page is
// writing that one file. Text that came from a file (names, paths, every sentence of the profile)
// is escaped by html/template wherever it lands, SVG and CSS strings included.
package page

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/hitready/hitready/internal/textsafe"
)

// Options shape a page beyond what its report holds.
type Options struct {
	// Date is the day the page says it was made; the zero time leaves the date out. The caller
	// decides it: the day of the run, or a fixed one (SOURCE_DATE_EPOCH) so that a page built
	// twice is the same.
	Date time.Time
	// Lang asks for the page's own words in a language; one the page does not have falls back on
	// English, and the page declares the language it is written in.
	Lang string
	// Requirements names the document the profile's requirements rest on, for the page's
	// sources; empty leaves it out.
	Requirements string
}

//go:embed templates/*.tmpl style.css
var files embed.FS

// defaultLang is the language every page can be written in.
const defaultLang = "en"

// pageSet is the templates of one language: the layouts and that language's words.
type pageSet struct {
	lang string
	t    *template.Template
	// words are the abbreviations the language's text file explains ("word AHIMA" templates),
	// with the pattern that finds them in a page.
	words []glossaryWord
}

type glossaryWord struct {
	Abbr string
	find *regexp.Regexp
}

var (
	setsMu sync.Mutex
	sets   = map[string]*pageSet{}
)

// templatesFor returns the templates of lang, parsed once; English where lang has no text file.
func templatesFor(lang string) (*pageSet, error) {
	lang = strings.ToLower(strings.TrimSpace(lang))
	if _, err := files.Open("templates/text." + lang + ".tmpl"); err != nil || lang == "" {
		lang = defaultLang
	}
	setsMu.Lock()
	defer setsMu.Unlock()
	if s, ok := sets[lang]; ok {
		return s, nil
	}
	t := template.New("page").Funcs(funcs)
	t, err := t.ParseFS(files, "templates/layout.tmpl", "templates/report.tmpl", "templates/cohort.tmpl",
		"templates/compare.tmpl", "templates/text."+lang+".tmpl")
	if err != nil {
		return nil, fmt.Errorf("page templates (%s): %w", lang, err)
	}
	bindSay(t)
	s := &pageSet{lang: lang, t: t}
	for _, tt := range t.Templates() {
		if abbr, ok := strings.CutPrefix(tt.Name(), "word "); ok {
			s.words = append(s.words, glossaryWord{Abbr: abbr, find: regexp.MustCompile(`\b` + regexp.QuoteMeta(abbr) + `\b`)})
		}
	}
	slices.SortFunc(s.words, func(a, b glossaryWord) int { return strings.Compare(a.Abbr, b.Abbr) })
	sets[lang] = s
	return s, nil
}

// style is the page's style sheet, inlined into every page.
var style = sync.OnceValue(func() template.CSS {
	data, err := files.ReadFile("style.css")
	if err != nil {
		panic(err) // embedded: present by construction
	}
	return template.CSS(data)
})

// frame is what the layout template needs around a page's body.
type frame struct {
	Lang     string
	Kind     string // report, cohort or compare: picks the title and the running header
	Who      string // the person the page is about, for the title and every printed sheet
	Date     time.Time
	Style    template.CSS
	Body     template.HTML // the page's body, drawn first so that the words it uses are known
	Words    []string      // the abbreviations the body uses, to explain
	Sources  []sourceLine
	HasDate  bool
	Generous bool // the cohort and compare pages; the student's page is held to two sheets
}

// sourceLine is one source the page's figures and rules rest on.
type sourceLine struct {
	What string // a phrase name of the text file (source-requirements, source-credential, ...)
	Arg  string // the credential or setting it is for, if any
	Text string // the source as the data gives it
}

// write draws body (a template of set) with data, then the frame around it: the words it used
// and the sources, so the glossary lists only what the page says.
func write(w io.Writer, set *pageSet, body string, data any, f frame) error {
	var b bytes.Buffer
	if err := set.t.ExecuteTemplate(&b, body, data); err != nil {
		return fmt.Errorf("drawing the page: %w", err)
	}
	f.Lang, f.Style, f.HasDate = set.lang, style(), !f.Date.IsZero()
	f.Body = template.HTML(b.String()) // #nosec: drawn by html/template just above
	text := tags.ReplaceAllString(b.String(), " ")
	for _, src := range f.Sources {
		text += " " + src.Text
	}
	for _, word := range set.words {
		if word.find.MatchString(text) {
			f.Words = append(f.Words, word.Abbr)
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
