package assessment

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/questions"
)

func profileIn(t *testing.T, l i18n.Lang) *Profile {
	t.Helper()
	bank, err := questions.LoadIn(l)
	if err != nil {
		t.Fatal(err)
	}
	p, err := DefaultProfile(bank)
	if err != nil {
		t.Fatalf("profile in %s: %v", l, err)
	}
	return p
}

// The profile is the same in every language but for its texts: ids, areas, weights, credits,
// severities and the quoted sources.
func TestProfileIsTheSameInEveryLanguage(t *testing.T) {
	en := profileIn(t, i18n.English)
	for _, l := range []i18n.Lang{i18n.Spanish, i18n.Pseudo} {
		p := profileIn(t, l)
		if p.Thresholds != en.Thresholds || p.MajorBelow != en.MajorBelow || len(p.Areas) != len(en.Areas) ||
			len(p.Requirements) != len(en.Requirements) {
			t.Fatalf("%s: the profile's shape differs from the English", l)
		}
		for i, a := range p.Areas {
			if a.ID != en.Areas[i].ID || a.Weight != en.Areas[i].Weight {
				t.Errorf("%s: area %d is %s/%g, not %s/%g", l, i, a.ID, a.Weight, en.Areas[i].ID, en.Areas[i].Weight)
			}
		}
		for i, r := range p.Requirements {
			e := en.Requirements[i]
			if r.ID != e.ID || r.Area != e.Area || r.Weight != e.Weight || r.Blocking != e.Blocking || r.Severity != e.Severity ||
				r.Source != e.Source || len(r.Credit) != len(e.Credit) || len(r.NextSteps) != len(e.NextSteps) {
				t.Errorf("%s: requirement %s differs from the English beyond its texts", l, r.ID)
			}
		}
	}
}

// Every text of the profile a person reads has its Spanish: in the pseudo-language, which wraps
// what was translated, none is left bare.
func TestEveryProfileTextIsTranslated(t *testing.T) {
	p := profileIn(t, i18n.Pseudo)
	texts := map[string]string{"title": p.Title, "notes.uniform_ratings": p.Notes.UniformRatings}
	for _, a := range p.Areas {
		texts[a.ID] = a.Title
	}
	for _, r := range p.Requirements {
		texts[r.ID+".requirement"], texts[r.ID+".title"], texts[r.ID+".target"] = r.Requirement, r.Title, r.Target
		for i, s := range r.NextSteps {
			texts[r.ID+".next_steps."+string(rune('0'+i))] = s.Text
		}
	}
	for where, text := range texts {
		if leaks := i18n.Leaks(text); len(leaks) > 0 {
			t.Errorf("%s is not translated: %q", where, text)
		}
	}
}

// Answers written in a Spanish session (the file a Spanish questionnaire keeps) score the same
// in English: the file holds values, never labels, and the profile's numbers do not change with
// the language. Each example is written by the Spanish bank, read by the English one and scored
// under both profiles.
func TestSpanishAnswersScoreTheSameInEnglish(t *testing.T) {
	en, es := profileIn(t, i18n.English), profileIn(t, i18n.Spanish)
	files, _ := filepath.Glob(filepath.Join("..", "examples", "*.yaml"))
	if len(files) < 3 {
		t.Fatalf("only %d examples", len(files))
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		answers, err := es.Bank().DecodeAnswers(f, data)
		if err != nil {
			t.Fatal(err)
		}
		written, err := es.Bank().EncodeAnswers(answers)
		if err != nil {
			t.Fatal(err)
		}
		reread, err := en.Bank().DecodeAnswers(f, written)
		if err != nil {
			t.Fatalf("%s written in Spanish does not read in English: %v\n%s", f, err, written)
		}
		a, b := Score(es, answers), Score(en, reread)
		if a.Score != b.Score || a.Verdict != b.Verdict || !slices.Equal(gapIDs(a), gapIDs(b)) || len(a.Plan) != len(b.Plan) {
			t.Errorf("%s: Spanish %v %s %v, English %v %s %v", f, a.Score, a.Verdict, gapIDs(a), b.Score, b.Verdict, gapIDs(b))
		}
	}
}

func gapIDs(r Report) []string {
	ids := make([]string, len(r.Gaps))
	for i, g := range r.Gaps {
		ids[i] = g.ID
	}
	return ids
}
