package page

import (
	"cmp"
	"html"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hitready/hitready/assessment"
	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/prose"
)

// dataField is a kind of text a page shows from the report, the comparison or Options rather
// than from the catalogue, and how to find its texts.
type dataField struct {
	name  string
	texts func(d drawn) []string
}

// untranslated are the texts of the assessment data that have no Spanish yet: the page shows them
// as the report carries them, so the pseudo-language walk lets them through, by name. Each file
// is translated by whoever owns it; take a line off when its texts are: the test fails while a
// line lets nothing through, so that the list only shrinks.
var untranslated = []dataField{
	// assessment/credentials.yaml: the credentials' names stay as AHIMA writes them, in every
	// language.
	{"credential names", inReports(func(r assessment.Report) []string {
		return collect(r.Credentials, func(c assessment.CredentialStatus) []string { return []string{c.Name} })
	})},
}

// inReports finds a field's texts in every report drawn.
func inReports(f func(assessment.Report) []string) func(drawn) []string {
	return func(d drawn) []string { return collect(d.reports, f) }
}

func collect[T any](xs []T, f func(T) []string) []string {
	var out []string
	for _, x := range xs {
		out = append(out, f(x)...)
	}
	return out
}

// pageText is what a person reads of a page: its text, without tags, with entities read, and the
// attributes a person meets (a phone shows data-label before a cell; a screen reader reads
// aria-label and title). The style sheets go: the running header of a printed sheet is the
// document's title and date, read here in <title> and under the heading.
func pageText(page string) string {
	page = styles.ReplaceAllString(page, " ")
	var attrs []string
	for _, m := range readAttrs.FindAllStringSubmatch(page, -1) {
		attrs = append(attrs, m[1])
	}
	text := tags.ReplaceAllString(page, " ")
	return html.UnescapeString(text + "\n" + strings.Join(attrs, "\n"))
}

var (
	styles    = regexp.MustCompile(`(?s)<style.*?</style>`)
	readAttrs = regexp.MustCompile(`\b(?:data-label|aria-label|title|alt)="([^"]*)"`)
)

// In the pseudo-language, every word of every page (report, cohort, compare) is between markers
// or in the pseudo-language's letters: whatever a test finds outside them is a word of the page
// that did not come from the catalogue. The report's own texts come from the assessment data;
// those not translated yet are named in untranslated.
func TestPseudoLanguageLeavesNoEnglish(t *testing.T) {
	s := newScorerIn(t, i18n.Pseudo)
	opts := testOptions
	opts.Lang = i18n.Pseudo
	// The profile's document, as cmd names it (requirementsSource).
	opts.Requirements = s.profile.Source.Title + ", " + s.profile.Source.Kind
	const who = "Casey Pseudo"
	d := drawPages(t, s, opts, who)
	allow := []string{"Casey", "Pseudo", "Pseudo.yaml", "Pseudo-broken.yaml", "someone", "else"}

	// The untranslated data's texts, longest first so that a text is taken out before a text
	// inside it; each also as the page may show it (mid-sentence, without its full stop).
	var skip []string
	leaking := map[string]bool{}
	for _, f := range untranslated {
		for _, s := range f.texts(d) {
			if len(i18n.Leaks(s, allow...)) == 0 {
				continue
			}
			leaking[f.name] = true
			skip = append(skip, s, strings.TrimSuffix(s, "."), prose.LowerFirst(s))
		}
	}
	slices.SortFunc(skip, func(a, b string) int { return cmp.Compare(len(b), len(a)) })
	for _, f := range untranslated {
		if !leaking[f.name] {
			t.Errorf("untranslated lets %q through, but its texts are translated (or not on any page): take it off the list", f.name)
		}
	}

	for name, page := range d.pages {
		if !strings.HasPrefix(page, "<!DOCTYPE html>\n<html lang=\"en\">") {
			t.Errorf("%s: the pseudo-language's page is not declared as English text: %.40q", name, page)
		}
		text := pageText(page)
		for _, s := range skip {
			text = strings.ReplaceAll(text, s, " ")
		}
		if leaks := i18n.Leaks(text, allow...); len(leaks) > 0 {
			t.Errorf("%s: untranslated: %q\n%s", name, leaks, text)
		}
	}
}

// The walk finds a word of the page's own that bypasses the catalogue.
func TestPageTextFindsWordsOutsideTheCatalogue(t *testing.T) {
	page := `<!DOCTYPE html><html><head><style>p::before{content:"Words"}</style><title>⟦Rėpȯrt⟧</title></head>` +
		`<body><td data-label="Score">1</td><p>⟦Fǐrst stėp⟧: Fix&#39;d</p></body></html>`
	got := i18n.Leaks(pageText(page))
	if want := []string{"Fix'd", "Score"}; !slices.Equal(got, want) {
		t.Errorf("leaks %q, want %q", got, want)
	}
}
