package prompter

import (
	"fmt"
	"strings"
	"testing"

	sv "github.com/AlecAivazis/survey/v2"
	"github.com/AlecAivazis/survey/v2/core"
	"github.com/mattn/go-runewidth"

	"github.com/hitready/hitready/internal/i18n"
)

func testConfig() *sv.PromptConfig {
	return &sv.PromptConfig{
		HelpInput: "?",
		Icons: sv.IconSet{
			Question: sv.Icon{Text: "?"}, Help: sv.Icon{Text: "?"}, SelectFocus: sv.Icon{Text: ">"},
			MarkedOption: sv.Icon{Text: "[x]"}, UnmarkedOption: sv.Icon{Text: "[ ]"},
		},
	}
}

// The texts the new user saw broken inside words, at every width the terminal had.
const (
	longMessage = "[3/20] Which of these parts of health information work have you studied, in a course or on your own?"
	longAnswer  = "Medical terminology, Anatomy and Physiology, Health data requirements and standards, Clinical classification systems (ICD, CPT)"
)

// TestTemplatesFitTheWidth renders hitready's survey templates, asking and answered, at the
// widths a terminal has, and requires every line to fit and every word of the hint and of the
// answer to stand whole on one line.
func TestTemplatesFitTheWidth(t *testing.T) {
	addTemplateFuncs()
	for _, width := range []int{60, 80, 120} {
		s := &survey{width: width}
		sel, multi, input := templatesFor(width, i18n.English)
		msg := s.fit(longMessage)
		long := "Yes, in its last term (or courses done, waiting to graduate) and some words more, so that it is over 80"
		opts := core.OptionAnswerList([]string{"Medical terminology", "Anatomy and Physiology", long})
		cases := []struct {
			name, tmpl string
			data       any
			words      string // must appear whole
		}{
			{"select asking", sel, sv.SelectTemplateData{
				Select: sv.Select{Message: msg, Help: "why"}, PageEntries: opts, Config: testConfig()},
				"[Use arrows to move, type to filter, ? for more help]"},
			{"select, a long option", sel, sv.SelectTemplateData{
				Select: sv.Select{Message: msg, Help: "why"}, PageEntries: opts, Config: testConfig()},
				long},
			{"rating, a long description", sel, sv.SelectTemplateData{
				Select: sv.Select{Message: msg}, Description: func(string, int) string { return long }, PageEntries: opts[:1], Config: testConfig()},
				"Medical terminology - " + long},
			{"multiselect, a long option", multi, sv.MultiSelectTemplateData{
				MultiSelect: sv.MultiSelect{Message: msg, Help: "why"}, PageEntries: opts, Checked: map[int]bool{}, Config: testConfig()},
				long},
			{"select answered", sel, sv.SelectTemplateData{
				Select: sv.Select{Message: msg}, Answer: "Yes, CAHIIM-accredited (a program the Commission has accredited)", ShowAnswer: true, Config: testConfig()},
				"Yes, CAHIIM-accredited (a program the Commission has accredited)"},
			{"multiselect asking", multi, sv.MultiSelectTemplateData{
				MultiSelect: sv.MultiSelect{Message: msg, Help: "why"}, PageEntries: opts, Checked: map[int]bool{}, Config: testConfig()},
				"[Use arrows to move, space to select, <right> to all, <left> to none, type to filter, ? for more help]"},
			{"multiselect answered", multi, sv.MultiSelectTemplateData{
				MultiSelect: sv.MultiSelect{Message: msg}, Answer: longAnswer, ShowAnswer: true, Checked: map[int]bool{}, Config: testConfig()},
				longAnswer},
			{"input asking", input, sv.InputTemplateData{
				Input: sv.Input{Message: s.fit("[21/21] Your name for the report (optional)"), Help: "why"}, Config: testConfig()},
				"[? for help]"},
			{"input answered", input, sv.InputTemplateData{
				Input: sv.Input{Message: s.fit("[21/21] Your name for the report (optional)")}, Answer: "Maria Guadalupe Fernández-Oyelaran de la Cruz Whitfield", ShowAnswer: true, Config: testConfig()},
				"Maria Guadalupe Fernández-Oyelaran de la Cruz Whitfield"},
		}
		for _, c := range cases {
			t.Run(fmt.Sprintf("%s/%d", c.name, width), func(t *testing.T) {
				_, layout, err := core.RunTemplate(c.tmpl, c.data)
				if err != nil {
					t.Fatal(err)
				}
				var words []string
				for _, line := range strings.Split(layout, "\n") {
					if w := runewidth.StringWidth(line); w > width {
						t.Errorf("line %d columns wide, over %d: %q", w, width, line)
					}
					words = append(words, strings.Fields(line)...)
				}
				have := " " + strings.Join(words, " ") + " "
				for _, w := range strings.Fields(c.words) {
					if !strings.Contains(have, " "+w+" ") && !strings.Contains(have, " "+w) {
						t.Errorf("word %q is split:\n%s", w, layout)
					}
				}
				if !strings.Contains(strings.Join(words, " "), strings.Join(strings.Fields(c.words), " ")) {
					t.Errorf("%q is not shown whole, in order:\n%s", c.words, layout)
				}
			})
		}
	}
}

// The answer goes on the question's last line when it fits there, else on the next line,
// indented.
func TestFitAnswer(t *testing.T) {
	tests := []struct {
		message, answer string
		width           int
		want            string
	}{
		{"[1/3] Level?", "Associate's", 80, " Associate's"},
		{"[1/3] Level?", "one two three", 20, " one\n  two three"}, // "? [1/3] Level? one" is 18 columns
		{strings.Repeat("m", 58), "Yes", 60, "\n  Yes"},
		{"first line\n  " + strings.Repeat("m", 50), "Physiology", 60, "\n  Physiology"},
	}
	for _, tt := range tests {
		if got := fitAnswer(tt.message, tt.answer, tt.width); got != tt.want {
			t.Errorf("fitAnswer(%q, %q, %d) = %q, want %q", tt.message, tt.answer, tt.width, got, tt.want)
		}
	}
}

// A text question leaves room to type on its line, or the typing goes to the next: survey's line
// editor cannot wrap a typed line.
func TestInputBreak(t *testing.T) {
	msg := "[20/20] Your name for the report (optional)"
	if got := inputBreak(msg, 120, len(" [? for help] ")); got != " " {
		t.Errorf("at 120 columns: %q, want the typing on the question's line", got)
	}
	if got := inputBreak(msg, 60, len(" [? for help] ")); got != "\n  " {
		t.Errorf("at 60 columns: %q, want the typing on a line of its own", got)
	}
}

// survey's key hints speak the session's language, fitted to the width like the English ones;
// in the pseudo-language no word of them is left in English.
func TestTemplatesInSpanish(t *testing.T) {
	addTemplateFuncs()
	opts := core.OptionAnswerList([]string{"Anatomía", "Fisiología"})
	for _, tt := range []struct {
		lang i18n.Lang
		want []string
	}{
		{i18n.Spanish, []string{"[Use las flechas para moverse; escriba para filtrar, ? para más ayuda]",
			"[Use las flechas para moverse, espacio para marcar, <derecha> para todas, <izquierda> para ninguna; escriba para filtrar, ? para más ayuda]",
			"[? para ayuda]", "[Ninguna opción coincide con lo que escribió; pulse Retroceso para verlas todas]"}},
		{i18n.Pseudo, nil},
	} {
		for _, width := range []int{60, 80} {
			sel, multi, input := templatesFor(width, tt.lang)
			var shown []string
			for _, c := range []struct {
				tmpl string
				data any
			}{
				{sel, sv.SelectTemplateData{Select: sv.Select{Message: "[1/3] ¿Nivel?", Help: "por qué"}, PageEntries: opts, Config: testConfig()}},
				{multi, sv.MultiSelectTemplateData{MultiSelect: sv.MultiSelect{Message: "[2/3] ¿Temas?", Help: "por qué"},
					PageEntries: opts, Checked: map[int]bool{}, Config: testConfig()}},
				{input, sv.InputTemplateData{Input: sv.Input{Message: "[3/3] Su nombre para el informe (opcional)", Help: "por qué"}, Config: testConfig()}},
				// What was typed filters every option out.
				{sel, sv.SelectTemplateData{Select: sv.Select{Message: "[1/3] ¿Nivel?", Help: "por qué", FilterMessage: " zzz"}, Config: testConfig()}},
			} {
				_, layout, err := core.RunTemplate(c.tmpl, c.data)
				if err != nil {
					t.Fatal(err)
				}
				for _, line := range strings.Split(layout, "\n") {
					if w := runewidth.StringWidth(line); w > width {
						t.Errorf("%s at %d: a line %d columns wide: %q", tt.lang, width, w, line)
					}
				}
				shown = append(shown, strings.Join(strings.Fields(layout), " "))
			}
			all := strings.Join(shown, "\n")
			for _, w := range tt.want {
				if !strings.Contains(all, w) {
					t.Errorf("at %d columns, %q is not shown:\n%s", width, w, all)
				}
			}
			if tt.lang == i18n.Pseudo {
				// The pseudo-language's letters, but survey's own marks and the data as given.
				if leaks := i18n.Leaks(all, "Anatomía", "Fisiología", "Nivel", "Temas", "por", "qué", "Su", "nombre", "para", "el", "informe", "opcional", "zzz"); len(leaks) > 0 {
					t.Errorf("untranslated: %q\n%s", leaks, all)
				}
			}
		}
	}
}
