package questions

import (
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hitready/hitready/internal/i18n"
)

// texts lists every text of the bank a person reads, by where it is.
func texts(b *Bank) map[string]string {
	out := map[string]string{"source.title": b.Source.Title, "source.kind": b.Source.Kind}
	for _, s := range b.Sections {
		out[s.ID+".title"], out[s.ID+".intro"] = s.Title, s.Intro
		out[s.ID+".why_translation"] = s.WhyTranslation
	}
	for _, q := range b.Questions {
		out[q.ID+".text"], out[q.ID+".help"] = q.Text, q.Help
		out[q.ID+".why_translation"] = q.WhyTranslation
		if q.Source != "" {
			out[q.ID+".source"] = q.Source
		}
		for _, c := range q.Values {
			out[q.ID+"="+c.Value] = c.Label
		}
		if q.Scale != nil {
			out[q.ID+".low"], out[q.ID+".high"] = q.Scale.Low, q.Scale.High
		}
	}
	return out
}

// Every text a person reads has its Spanish: in the pseudo-language, which wraps what was
// translated, none is left bare.
func TestEveryBankTextIsTranslated(t *testing.T) {
	b, err := LoadIn(i18n.Pseudo)
	if err != nil {
		t.Fatal(err)
	}
	all := texts(b)
	if len(all) < 100 {
		t.Fatalf("only %d texts found", len(all))
	}
	for where, text := range all {
		if !strings.HasPrefix(text, i18n.PseudoOpen) || !strings.HasSuffix(text, i18n.PseudoClose) {
			t.Errorf("%s has no Spanish: %q", where, text)
		}
	}
}

// A language changes the texts and nothing else: ids, kinds, values, conditions, scales and the
// quoted sources are what answers files, scoring and scripts rely on.
func TestLanguagesShareEverythingButTheTexts(t *testing.T) {
	en, err := LoadIn(i18n.English)
	if err != nil {
		t.Fatal(err)
	}
	es, err := LoadIn(i18n.Spanish)
	if err != nil {
		t.Fatal(err)
	}
	if en.Lang() != i18n.English || es.Lang() != i18n.Spanish {
		t.Errorf("Lang: %q and %q", en.Lang(), es.Lang())
	}
	strip := func(b *Bank) string {
		c := *b
		c.Source.Title, c.Source.Kind = "", ""
		c.Sections = slices.Clone(b.Sections)
		for i := range c.Sections {
			c.Sections[i].Title, c.Sections[i].Intro, c.Sections[i].WhyTranslation = "", "", ""
		}
		c.Questions = slices.Clone(b.Questions)
		for i := range c.Questions {
			q := &c.Questions[i]
			q.Text, q.Help, q.Source, q.WhyTranslation = "", "", "", ""
			q.Values = slices.Clone(q.Values)
			for j := range q.Values {
				q.Values[j].Label = ""
			}
			if q.Scale != nil {
				s := *q.Scale
				s.Low, s.High = "", ""
				q.Scale = &s
			}
		}
		out, _ := json.Marshal(c)
		return string(out)
	}
	if a, b := strip(en), strip(es); a != b {
		t.Errorf("the Spanish bank differs from the English beyond its texts:\n%s\n%s", a, b)
	}
	enTexts, esTexts := texts(en), texts(es)
	same := 0
	for where, text := range enTexts {
		if esTexts[where] == text {
			same++
		}
	}
	if same > 2 { // "No" is Spanish too
		t.Errorf("%d texts read the same in Spanish as in English", same)
	}
	q, _ := es.Question("education.level")
	if q.Text != "¿Cuál es el nivel de estudios más alto que ha terminado?" {
		t.Errorf("education.level in Spanish: %q", q.Text)
	}
}

// Every why, a section's and a question's, is the quote as written in every language, with a
// Spanish rendering beside it in Spanish and nothing beside it in English.
func TestEveryWhyHasASpanishRendering(t *testing.T) {
	en, err := LoadIn(i18n.English)
	if err != nil {
		t.Fatal(err)
	}
	es, err := LoadIn(i18n.Spanish)
	if err != nil {
		t.Fatal(err)
	}
	type why struct{ where, quote, rendering string }
	whys := func(b *Bank) []why {
		var out []why
		for _, s := range b.Sections {
			out = append(out, why{"section " + s.ID, s.Why, s.WhyTranslation})
		}
		for _, q := range b.Questions {
			out = append(out, why{q.ID, q.Why, q.WhyTranslation})
		}
		return out
	}
	enWhys, esWhys := whys(en), whys(es)
	distinct := map[string]bool{}
	for i, w := range esWhys {
		distinct[w.quote] = true
		if w.quote != enWhys[i].quote {
			t.Errorf("%s: the quote differs in Spanish: %q, in English %q", w.where, w.quote, enWhys[i].quote)
		}
		if enWhys[i].rendering != "" {
			t.Errorf("%s: an English session has a rendering beside the quote: %q", w.where, enWhys[i].rendering)
		}
		if w.rendering == "" || w.rendering == w.quote {
			t.Errorf("%s: no Spanish rendering of %q", w.where, w.quote)
		}
	}
	if len(esWhys) < 25 || len(distinct) < 20 {
		t.Errorf("only %d whys, %d distinct", len(esWhys), len(distinct))
	}
	if q, _ := es.Question("skills.computer"); q.Why != "computer skills" || q.WhyTranslation != "habilidades con la computadora" {
		t.Errorf("skills.computer in Spanish: %q beside %q", q.Why, q.WhyTranslation)
	}
}

// A choice's Spanish label is also what a report says of the person ("Usted hoy: Preparándose
// para un examen"), so it never speaks in the first person, as the English labels do not ("Not
// started"); the ends of a scale, shown only while answering, may.
func TestSpanishLabelsAreNotFirstPerson(t *testing.T) {
	b, err := LoadIn(i18n.Spanish)
	if err != nil {
		t.Fatal(err)
	}
	firstPerson := regexp.MustCompile(`(?i)(^|[^\p{L}])(yo|me|mi|mí|estoy|tengo|he|sé|soy|estudio|\p{L}+é|\p{L}+[aei]rme)([^\p{L}]|$)`)
	n := 0
	for _, q := range b.Questions {
		for _, c := range q.Values {
			n++
			if firstPerson.MatchString(c.Label) {
				t.Errorf("%s=%s speaks in the first person: %q", q.ID, c.Value, c.Label)
			}
		}
	}
	if n < 40 {
		t.Errorf("only %d labels", n)
	}
}
