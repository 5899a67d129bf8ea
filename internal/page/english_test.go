package page

import (
	"html/template"
	"regexp"
	"strings"
	"testing"

	"github.com/hitready/hitready/internal/i18n"
)

// englishSpans matches a passage marked as English, to take it out of a page's text.
var englishSpans = regexp.MustCompile(`<span lang="en">[^<]*</span>`)

// On a Spanish page, every passage kept in English (a source's title, a quote, a body's or a
// credential's name) is marked lang="en", so that a screen reader says it as English; an English
// page marks nothing.
func TestSpanishPageMarksEnglishPassages(t *testing.T) {
	s := newScorerIn(t, i18n.Spanish)
	opts := testOptions
	opts.Lang = i18n.Spanish
	opts.Requirements = s.profile.Source.Title + ", " + s.profile.Source.Kind // as cmd names it
	d := drawPages(t, s, opts, "Ana")
	passages := englishPassages(i18n.For(i18n.Spanish))
	for _, want := range []string{"Becoming a Health Information Technician", "Occupational Outlook Handbook", "Medicare, Medicaid",
		"Certified Coding Associate", "Commission on Accreditation for Health Informatics and Information Management Education"} {
		if !strings.Contains(strings.Join(passages, "\n"), want) {
			t.Errorf("%q is not among the passages kept in English", want)
		}
	}
	report := d.pages["every-part"]
	for _, want := range []string{
		`<li>Los requisitos: <span lang="en">Becoming a Health Information Technician</span> («Cómo ser técnico`,
		`<dd><span lang="en">Certified Coding Associate</span> (asociado certificado en codificación).</dd>`,
		`<span class="name"><span lang="en">Registered Health Information Technician</span> (AHIMA)</span>`,
		`<span lang="en">Occupational Employment and Wages</span> de la BLS`,
	} {
		if !strings.Contains(report, want) {
			t.Errorf("the Spanish report lacks %s", want)
		}
	}
	for name, page := range d.pages {
		text := pageText(englishSpans.ReplaceAllString(page, " "))
		for _, p := range passages {
			if strings.Contains(text, p) {
				t.Errorf("%s: %q is not marked as English", name, p)
			}
		}
	}
	for name, page := range allPages(t, "Ana") {
		if strings.Contains(page, `<span lang=`) {
			t.Errorf("%s: the English page marks a passage as English", name)
		}
	}
}

// marked escapes the text around the passages and inside them, and marks a passage only where it
// stands as whole words.
func TestMarked(t *testing.T) {
	w := words{l: i18n.For(i18n.Spanish), english: []string{"Health Information Technician", "Becoming a Health Information Technician"}}
	w.english = w.english[1:] // longest first, as englishPassages sorts them
	w.english = append(w.english, "Health Information Technician")
	tests := []struct {
		text string
		want template.HTML
	}{
		{"Becoming a Health Information Technician («Cómo»)", `<span lang="en">Becoming a Health Information Technician</span> («Cómo»)`},
		{"<b>Becoming a Health Information Technician</b> & “Health Information Technician”",
			`&lt;b&gt;<span lang="en">Becoming a Health Information Technician</span>&lt;/b&gt; &amp; “<span lang="en">Health Information Technician</span>”`},
		{"XHealth Information Technician, Health Information Technicians", "XHealth Information Technician, Health Information Technicians"},
		{"sin inglés", "sin inglés"},
	}
	for _, tt := range tests {
		if got := w.marked(tt.text); got != tt.want {
			t.Errorf("marked(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}
