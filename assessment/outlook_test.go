package assessment

import (
	"regexp"
	"strings"
	"testing"

	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/questions"
)

// The outlook as FACTS.md's corrections have it: every figure with its date and source, the
// secondhand ones marked as reported; $34,160 shown as the median with the article's own word;
// 341,600 never set beside the later counts as if they were its parts; the 29-9021 figures
// labelled with their edition; and the article's requirements beside BLS's typical entry, in one
// sentence.
func TestOutlookKeepsEveryFigureWithItsDate(t *testing.T) {
	bank, _ := setup(t)
	o, err := LoadOutlook(bank)
	if err != nil {
		t.Fatal(err)
	}
	byFigure := map[string]Figure{}
	for _, f := range o.Figures {
		byFigure[f.Figure] = f
	}
	for _, want := range []struct{ figure, date, source string }{
		{"341,600", "2019", "2021 edition"},
		{"215,500", "2018", "archived in December 2020"},
		{"$50,250", "2025-26 edition", "As reported"},
		{"194,800", "2025-26 edition", "As reported"},
		{"7%", "2025-26 edition", "As reported"},
		{"$58,250", "2022-32 edition", "BLS Occupational Outlook Handbook, Health Information Technologists"},
		{"37,900", "2022-32 edition", "BLS"},
		{"16%", "2022-32 edition", "BLS"},
		{"$34,160", "May 2012", "Becoming a Health Information Technician"},
	} {
		f, ok := byFigure[want.figure]
		if !ok || f.Date != want.date || !strings.Contains(f.Source, want.source) {
			t.Errorf("%s: %+v", want.figure, f)
		}
	}
	if d := byFigure["$34,160"].Detail; !strings.HasPrefix(d, "median") || !strings.Contains(d, `"average annual salary"`) {
		t.Errorf("$34,160 is not shown as the median with the article's word: %q", d)
	}
	for _, f := range []string{"$58,250", "37,900", "16%", "associate's degree"} {
		if d := byFigure[f].Detail; !strings.Contains(d, "2022-32 edition") || !strings.Contains(d, "newer editions exist") {
			t.Errorf("%s: the 29-9021 figure does not say its edition: %q", f, d)
		}
	}
	if !strings.Contains(byFigure["341,600"].Detail, "not comparable") {
		t.Errorf("the 341,600 is not said to be incomparable: %q", byFigure["341,600"].Detail)
	}
	all := strings.Join(o.Notes, " ")
	for _, f := range o.Figures {
		all += " " + f.Detail
	}
	if strings.Contains(all, "split") || strings.Contains(all, "old combined occupation") {
		t.Errorf("the 341,600 is said to be split into the later counts:\n%s", all)
	}
	if len(o.Notes) == 0 || !strings.Contains(o.Notes[0], "341,600") || !strings.Contains(o.Notes[0], "do not add up to it") || !strings.Contains(o.Notes[0], "29-9021") {
		t.Errorf("the 341,600 is not explained: %q", o.Notes)
	}
	entry := ""
	for _, n := range o.Notes {
		if strings.Contains(n, "requirements") && strings.Contains(n, "typical entry") {
			entry = n
		}
	}
	if entry == "" || strings.Count(strings.TrimSuffix(strings.TrimSpace(entry[:strings.LastIndex(entry, " (")]), "."), ". ") != 0 {
		t.Errorf("no one sentence sets the article's requirements beside BLS's typical entry: %q", o.Notes)
	}
}

// Median is not average: where the English says median, the Spanish says mediana, and "medio" or
// "promedio" (average) only where the English says average or mean. A tester read "salario medio
// anual" for "median pay per year".
func TestOutlookSpanishMedianIsMediana(t *testing.T) {
	load := func(l i18n.Lang) *Outlook {
		bank, err := questions.LoadIn(l)
		if err != nil {
			t.Fatal(err)
		}
		o, err := LoadOutlook(bank)
		if err != nil {
			t.Fatal(err)
		}
		return o
	}
	en, es := load(i18n.English), load(i18n.Spanish)
	average := regexp.MustCompile(`(?i)\b(medi[oa]s?|promedio)\b`)
	for i, f := range en.Figures {
		e := es.Figures[i]
		for _, pair := range [][2]string{{f.Detail, e.Detail}, {f.Source, e.Source}, {f.Topic, e.Topic}} {
			english, spanish := strings.ToLower(pair[0]), strings.ToLower(pair[1])
			if strings.Contains(english, "median") && !strings.Contains(spanish, "mediana") {
				t.Errorf("%s: %q says median, %q does not say mediana", f.ID, pair[0], pair[1])
			}
			if average.MatchString(spanish) && !strings.Contains(english, "average") && !strings.Contains(english, "mean") {
				t.Errorf("%s: %q says average, %q does not", f.ID, pair[1], pair[0])
			}
		}
	}
	if d := es.Figures[1].Detail; !strings.HasPrefix(d, "mediana del salario anual") || !strings.Contains(d, "“average annual salary”") || !strings.Contains(d, "promedio") {
		t.Errorf("$34,160: the median, beside the article's average: %q", d)
	}
}
