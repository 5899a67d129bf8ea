package questionnaire

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hitready/hitready/internal/fileio"
	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/prompter"
	"github.com/hitready/hitready/questions"
)

func loadBankIn(t *testing.T, l i18n.Lang) *questions.Bank {
	t.Helper()
	b, err := questions.LoadIn(l)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// A session in Spanish: the bank's language is the session's, from the opening line to the
// review, counts and all.
func TestSessionInSpanish(t *testing.T) {
	bank := loadBankIn(t, i18n.Spanish)
	r := append(replies(3, 0, []int{0, 2}, 3, 0, 4), prompter.Reply{Text: "Ana"}, score)
	fake := &prompter.Fake{Replies: r}
	var out bytes.Buffer
	answers := questions.NewAnswers()
	if err := Session(fake, bank, answers, Options{Out: &out, Width: 1000, AskName: true}); err != nil {
		t.Fatal(err)
	}
	asked := func(i int) prompter.Asked { return fake.Asked[i] }
	checks := []struct{ what, got, want string }{
		{"first question", asked(0).Message, "[1/22] ¿Cuál es el nivel de estudios más alto que ha terminado?"},
		{"second question", asked(1).Message, "[2/22] ¿En qué campo es su título más alto?"},
		{"after the count shrank", asked(2).Message[:7], "[3/21] "},
		{"an optional question's last option", last(asked(2).Options), "Omitir (dejarla sin responder)"},
		{"the name", asked(19).Message, "[20/20] Su nombre para el informe (opcional)"},
		{"the name's help", asked(19).Help, "Identifica su informe y, para un consejero, su fila en la tabla del grupo. Déjelo vacío si prefiere no dar su nombre."},
		{"the review", asked(20).Message, "¿Ver su informe con estas respuestas, o cambiar una?"},
		{"the review's choices", strings.Join(asked(20).Options, " | "), "Ver el informe con estas respuestas | Cambiar una respuesta"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: %q, want %q", c.what, c.got, c.want)
		}
	}
	if !strings.Contains(asked(0).Help, "\nPor qué importa: “In order to become") {
		t.Errorf("the help does not say why in Spanish:\n%s", asked(0).Help)
	}
	// The quote stays as written; its rendering follows it, on a line of its own.
	if !strings.Contains(asked(0).Help, "related field.”\nEn español: «Para ser técnico de información de salud, los aspirantes") ||
		!strings.HasSuffix(asked(0).Help, " en un campo relacionado.»") {
		t.Errorf("the help does not render the quote in Spanish:\n%s", asked(0).Help)
	}
	for _, a := range fake.Asked[:19] { // every question but the name has a why
		if !strings.Contains(a.Help, "”\nEn español: «") {
			t.Errorf("%s: no Spanish rendering of why:\n%s", a.Message, a.Help)
		}
	}
	for _, want := range []string{
		"Como máximo, 22 preguntas por responder (algunas solo corresponden después de ciertas respuestas). Escriba ? para saber por qué importa una pregunta; Ctrl-C detiene el cuestionario y guarda sus respuestas.\n",
		"\nEducación: Los empleadores buscan por lo menos un título de asociado",
		"(fuente: Becoming a Health Information Technician («Cómo ser técnico de información de salud»))\n",
		"(Ahora hay 21 preguntas en total: “¿Qué programa de información de salud ha terminado, si terminó alguno? (opcional)” no corresponde a su caso.)\n",
		"\nSus respuestas:\n",
		"— 4\u00a0de\u00a05\n",
		". Nombre para el informe — Ana\n",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the session did not say %q:\n%s", want, out.String())
		}
	}
}

// The counts take the plural form the number calls for, in both languages.
func TestCountsTakeTheirPluralForm(t *testing.T) {
	es, en := i18n.For(i18n.Spanish), i18n.For(i18n.English)
	tests := []struct{ got, want string }{
		{opening(es, 0, 1, false, true), "1 pregunta por responder. Escriba ?"},
		{opening(es, 0, 3, false, false), "3 preguntas por responder. Escriba ? para saber por qué importa una pregunta; Ctrl-C detiene el cuestionario, pero sus respuestas no se pueden guardar."},
		{opening(es, 4, 20, false, true), "Ya respondió 4 de 20 preguntas; ahora, las demás."},
		{opening(en, 0, 1, false, true), "1 question to answer. Type ?"},
		{doesNotApply(es, 1, "¿X?"), "(Ahora hay 1 pregunta en total: “¿X?” no corresponde a su caso.)"},
		{doesNotApply(es, 5, "¿X?"), "(Ahora hay 5 preguntas en total: “¿X?” no corresponde a su caso.)"},
		{doesNotApply(en, 1, "X?"), "(1 question in all now: “X?” does not apply to you.)"},
		{counted(es, 3, 21, "¿X?"), "[3/21] ¿X?"},
		{rating(es, 4, 5), "4\u00a0de\u00a05"},
	}
	for _, tt := range tests {
		if !strings.HasPrefix(tt.got, tt.want) {
			t.Errorf("got %q, want it to start %q", tt.got, tt.want)
		}
	}
}

// The pseudo-language over a whole session: questions with their help, a skip, nothing chosen and
// confirmed, the name, a change in the review that drops and brings in questions, Ctrl-C, and the
// session resumed. Whatever is found outside the markers never went through the catalogue.
func TestPseudoSessionLeavesNoEnglish(t *testing.T) {
	bank := loadBankIn(t, i18n.Pseudo)
	skip := func(id string) prompter.Reply {
		q, _ := bank.Question(id)
		return prompter.Reply{Index: len(q.Values)}
	}
	var text strings.Builder
	seen := func(f *prompter.Fake) {
		for _, a := range f.Asked {
			text.WriteString(a.Message + "\n" + a.Help + "\n" + strings.Join(a.Options, "\n") + "\n")
		}
	}
	answers := questions.NewAnswers()
	opts := Options{Out: &text, Width: 60, AskName: true}

	// Up to the coursework, then Ctrl-C.
	first := &prompter.Fake{Replies: []prompter.Reply{{Index: 3}, {Index: 0}, skip("education.program"), {Index: 0}, {Err: prompter.ErrInterrupted}}}
	if err := Session(first, bank, answers, opts); !errors.Is(err, prompter.ErrInterrupted) {
		t.Fatalf("err = %v, want the interruption", err)
	}
	seen(first)

	// Resumed: nothing chosen and confirmed, the rest, the name, a change in the review.
	r := []prompter.Reply{{}, {Index: 1}, {Index: 3}, {Index: 0}, skip("experience.coding")}
	for range 10 {
		r = append(r, prompter.Reply{Rating: 4})
	}
	r = append(r, prompter.Reply{}, prompter.Reply{Index: 2}, prompter.Reply{Text: "Ana"}, // work settings skipped; the name
		changeOne, prompter.Reply{Index: 0}, prompter.Reply{Index: 1}, // the level, down to high school
		changeOne, prompter.Reply{Index: 0}, prompter.Reply{Index: 3}, // and back:
		prompter.Reply{Index: 0}, prompter.Reply{Index: 0}, // the field and the accredited program asked again
		score)
	second := &prompter.Fake{Replies: r}
	if err := Session(second, bank, answers, opts); err != nil {
		t.Fatalf("%v\n%s", err, text.String())
	}
	seen(second)
	if len(second.Replies) != 0 {
		t.Errorf("%d replies left over", len(second.Replies))
	}
	if leaks := i18n.Leaks(text.String(), "Ana"); len(leaks) > 0 {
		t.Errorf("untranslated: %q\n%s", leaks, text.String())
	}
	// A quote is allowed in English, so its rendering is looked for: beside every why.
	for _, f := range []*prompter.Fake{first, second} {
		for _, a := range f.Asked {
			if strings.Contains(a.Help, "“") && !strings.Contains(a.Help, "”⟧\n⟦Ǐñ ẏȯǔŕ ĺȧñģǔȧģė: «⟦") {
				t.Errorf("%s: why without its rendering:\n%s", a.Message, a.Help)
			}
		}
	}
	// Each part was said: the opening resumed, the count shrinking, the skip, a change's
	// consequences in both directions.
	for _, want := range []string{"⟦4 ȯḟ ȧţ ṁȯşţ 20 ɋǔėşţǐȯñş ȧñşŵėŕėđ ȧĺŕėȧđẏ", "ǐñ ȧĺĺ ñȯŵ: “", "⟦Şķǐṗ (ĺėȧṿė ǐţ ǔñȧñşŵėŕėđ)⟧",
		"⟦(şķǐṗṗėđ)⟧", "ñȯ ĺȯñģėŕ\nȧṗṗĺǐėş", "ȧṗṗĺǐėş ñȯŵ.)⟧", "⟦Çħȧñģė: ⟦Ŵħȧţ ǐş ţħė ħǐģħėşţ", "⟦4\u00a0ȯḟ\u00a05⟧"} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("the session did not say %q", want)
		}
	}
}

// What the keeper says, in the pseudo-language: every warning, with a reason the system gives.
func TestPseudoKeeperLeavesNoEnglish(t *testing.T) {
	l := i18n.For(i18n.Pseudo)
	err := errors.New("EACCES")
	for _, said := range []string{
		keeperSays(l, "session.keep.cannot", i18n.Args{"Reason": err.Error()}),
		keeperSays(l, "session.keep.instead", i18n.Args{"Failure": CannotWrite(l, "me.yaml", err), "File": "hitready-answers.yaml"}),
		keeperSays(l, "session.keep.latest-lost", i18n.Args{"Reason": Reason("me.yaml", err), "File": "me.yaml"}),
		keeperSays(l, "session.keep.again", i18n.Args{"File": "me.yaml"}),
		keeperSays(l, "session.keep.elsewhere", i18n.Args{"File": "hitready-answers.yaml", "Source": "me.yaml"}),
		keeperSays(l, "session.keep.elsewhere-review", i18n.Args{"File": "hitready-answers.yaml", "Source": "me.yaml"}),
	} {
		if leaks := i18n.Leaks(said); len(leaks) > 0 {
			t.Errorf("untranslated: %q in %q", leaks, said)
		}
	}
}

func last(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[len(s)-1]
}

// The keeper's fallback said in Spanish, the reason once: the refusal fileio words in Spanish is
// not repeated inside the keeper's own sentence.
func TestKeeperFallsBackInSpanish(t *testing.T) {
	t.Chdir(t.TempDir())
	os.Mkdir("d", 0o700)
	var said bytes.Buffer
	k := NewKeeper(context.Background(), KeepOptions{Bank: loadBankIn(t, i18n.Spanish), Save: filepath.Join("d", "keep.yaml"),
		Streams: fileio.Streams{Lang: i18n.Spanish}, Out: &said, Width: 1000})
	defer k.Close()
	os.Remove("d")
	os.WriteFile("d", nil, 0o600) // the folder is now a file
	if err := k.Keep(oneAnswer()); err != nil {
		t.Fatal(err)
	}
	got := strings.TrimSpace(said.String())
	if !strings.HasPrefix(got, "aviso: no se puede escribir d/keep.yaml: ") || !strings.HasSuffix(got, "; sus respuestas se guardan en hitready-answers.yaml en su lugar") ||
		strings.Count(got, "no se puede escribir") != 1 {
		t.Errorf("said %q", got)
	}
}

// Reason drops the name and fileio's "cannot be written" in both languages.
func TestReasonInBothLanguages(t *testing.T) {
	for msg, want := range map[string]string{
		"me.yaml: cannot be written: permission denied":          "permission denied",
		"me.yaml: no se puede escribir (permission denied)":      "permission denied",
		"me.yaml: no se puede escribir: d no es una carpeta":     "d no es una carpeta",
		"writing me.yaml: no space left on device":               "no space left on device",
		"me.yaml: no se pudo escribir (no space left on device)": "no space left on device",
		"no se puede escribir (a medias":                         "no se puede escribir (a medias",
	} {
		if got := Reason("me.yaml", errors.New(msg)); got != want {
			t.Errorf("Reason(%q) = %q, want %q", msg, got, want)
		}
	}
}

// An English session shows the quote alone, as it always has: nothing is rendered beside it.
func TestEnglishSessionShowsTheQuoteAlone(t *testing.T) {
	fake := &prompter.Fake{Replies: []prompter.Reply{{Err: prompter.ErrInterrupted}}}
	Session(fake, loadBankIn(t, i18n.English), questions.NewAnswers(), Options{Out: &bytes.Buffer{}, Width: 1000})
	want := "Count only what you have finished; a degree you are still studying for counts as some college.\n" +
		"Why it matters: “In order to become a Health Information Technician, the aspiring candidates need to hold at least a 2-year associate's degree in health information technology or a related field.”"
	if got := fake.Asked[0].Help; got != want {
		t.Errorf("help:\n%s\nwant:\n%s", got, want)
	}
}
