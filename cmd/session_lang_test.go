package cmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/iostreams"
)

// plainSession runs assess --plain in language lang, as if on a terminal, its answers typed on
// standard input; the end of the input is Ctrl-C.
func plainSession(t *testing.T, lang i18n.Lang, typed string, args ...string) result {
	t.Helper()
	return runWith(t, func(ios *iostreams.IOStreams) {
		ios.SetLang(lang)
		ios.SetStdinTTY(true)
		ios.SetStderrTTY(true)
	}, typed, append([]string{"assess", "--plain"}, args...)...)
}

// lines joins what a person types, one answer a line.
func lines(typed ...string) string { return strings.Join(typed, "\n") + "\n" }

// The pseudo-language over whole sessions on the line-by-line prompter, the real one: help asked
// for, an arrow key, a wrong number, a skip with Enter, nothing chosen and confirmed, a rating out
// of range, Ctrl-C and the hint to go on; then the session resumed from a file of the person's
// own (not rewritten: the answers go to a file of hitready's, and it says so), the name, a change
// in the review, and the hint to see the report again. No word of standard error, where all of it
// is said, is left in English.
func TestPseudoLanguageSessionLeavesNoEnglish(t *testing.T) {
	t.Chdir(t.TempDir())
	allow := append(pseudoAllow(t), "Ana")
	first := plainSession(t, i18n.Pseudo, lines(
		"?", "\x1b[B", "9", "4", // the level: help, an arrow key, a wrong number, associate
		"1",      // the field: HIT
		"",       // enrolled in a program (optional): Enter skips it
		"1",      // accredited
		"1,9",    // the coursework: 9 is not a choice
		"",       // nothing chosen
		"2",      // none is my answer
		"4",      // passed an exam
		"1",      // the RHIT
		"",       // the coding work (optional): skipped
		"0", "4", // the first rating: 0 is out of range
	))
	if first.code != exitInterrupted {
		t.Fatalf("exit %d\n%s", first.code, first.stderr)
	}
	for _, want := range []string{"⟦Çȯñţǐñǔė ŵǐţħ:⟧\n  hitready assess --answers hitready-answers.yaml --plain", "ḟȯŕ ħėĺṗ",
		"related field.”⟧\n⟦Ǐñ ẏȯǔŕ ĺȧñģǔȧģė: «⟦Ǐñ ȯŕđėŕ ţȯ ḃėçȯṁė"} { // the help: why, and its rendering
		if !strings.Contains(first.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, first.stderr)
		}
	}
	kept, err := os.ReadFile("hitready-answers.yaml")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile("mine.yaml", append([]byte("# my answers\n"), kept...), 0o600)
	var typed []string
	for range 9 {
		typed = append(typed, "4") // the other ratings
	}
	typed = append(typed, "", "", // the work settings: nothing chosen, then Skip (Enter)
		"Ana",            // the name
		"2", "", "1", "", // the review: change, Enter (no default), the level, Enter keeps it
		"1") // score these answers
	second := plainSession(t, i18n.Pseudo, lines(typed...), "--answers", "mine.yaml")
	if second.code != exitOK {
		t.Fatalf("exit %d\n%s", second.code, second.stderr)
	}
	for _, want := range []string{"Ŵħėŕė ŵȯǔĺđ ẏȯǔ ĺǐķė ţȯ ŵȯŕķ", "⟦Ẏȯǔŕ ȧñşŵėŕş:⟧", "⟦Çħȧñģė: ⟦", "; mine.yaml ş", "⟦Şėė ţħǐş ŕėṗȯŕţ ȧģȧǐñ ŵǐţħ:⟧", "— Ana\n"} {
		if !strings.Contains(second.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, second.stderr)
		}
	}
	for _, r := range []result{first, second} {
		if leaks := i18n.Leaks(r.stderr, allow...); len(leaks) > 0 {
			t.Errorf("untranslated: %q\n%s", leaks, r.stderr)
		}
	}
}

// A Spanish session ends in Spanish: where the answers are and how to see the report again; and
// Ctrl-C says where they are and how to go on.
func TestSpanishSessionEndsInSpanish(t *testing.T) {
	t.Chdir(t.TempDir())
	stopped := plainSession(t, i18n.Spanish, lines("4", "1", ""), "--lang", "es")
	if stopped.code != exitInterrupted {
		t.Fatalf("exit %d\n%s", stopped.code, stopped.stderr)
	}
	for _, want := range []string{
		"Como máximo, 22 preguntas por responder",
		"[1/22] ¿Cuál es el nivel de estudios más alto que ha terminado?\n  1. ",
		"Su opción (1-6, ? para ayuda): ",
		"  4. Omitir (dejarla sin responder)\nSu opción (1-4, Enter para omitir, ? para ayuda): ",
		"\nCuestionario detenido. Sus respuestas hasta ahora están en\nhitready-answers.yaml.\nPara continuar, use:\n" +
			"  hitready assess --answers hitready-answers.yaml --lang es --plain\n",
	} {
		if !strings.Contains(stopped.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stopped.stderr)
		}
	}
	typed := []string{"1", "", "2", "4", "1", ""} // accredited, no coursework (confirmed), passed, the RHIT, the coding work skipped
	for range 10 {
		typed = append(typed, "4")
	}
	typed = append(typed, "1", "", "") // a work setting, no name, score
	done := plainSession(t, i18n.Spanish, lines(typed...), "--answers", "hitready-answers.yaml", "--lang", "es")
	if done.code != exitOK {
		t.Fatalf("exit %d\n%s", done.code, done.stderr)
	}
	for _, want := range []string{
		"Ya respondió 3 de un máximo de 20 preguntas; ahora, las demás",
		"No eligió ninguna de las opciones. ¿Es esa su respuesta?",
		"  1 significa: ",
		"\nSus respuestas:\n",
		"\nSus respuestas están en hitready-answers.yaml.\nPara ver este informe otra vez, use:\n" +
			"  hitready assess --answers hitready-answers.yaml --lang es --plain\n",
	} {
		if !strings.Contains(done.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, done.stderr)
		}
	}
}

// Where the report went, said in the reader's language by every command that says it.
func TestReportWrittenInSpanish(t *testing.T) {
	examples, err := filepath.Abs(filepath.Join("..", "examples"))
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"assess", "--answers", filepath.Join(examples, "ready.yaml"), "--output", "a.txt"}, "El informe se guardó en a.txt.\n"},
		{[]string{"score", filepath.Join(examples, "ready.yaml"), "--output", "b.txt"}, "Los informes se guardaron en b.txt.\n"},
		{[]string{"compare", filepath.Join(examples, "not-ready.yaml"), filepath.Join(examples, "ready.yaml"), "--output", "c.txt"}, "La comparación se guardó en c.txt.\n"},
	} {
		r := runWith(t, func(ios *iostreams.IOStreams) {
			ios.SetLang(i18n.Spanish)
			ios.SetStderrTTY(true)
		}, "", tt.args...)
		if r.code != exitOK || !strings.HasSuffix(r.stderr, tt.want) {
			t.Errorf("%s: exit %d, stderr %q, want %q", tt.args[0], r.code, r.stderr, tt.want)
		}
	}
}

// A signal outside the questionnaire (Ctrl-C while files are read or written) is named in the
// reader's language; English reads as before.
func TestStoppedBySignal(t *testing.T) {
	es, en := i18n.For(i18n.Spanish), i18n.For(i18n.English)
	for _, tt := range []struct {
		l           *i18n.Localizer
		cause, want string
	}{
		{es, "interrupt signal received", "Detenido: se recibió la señal de interrupción (Ctrl-C)."},
		{es, "terminated signal received", "Detenido: se recibió la señal de terminación (SIGTERM)."},
		{es, "hangup signal received", "Detenido: se cerró la terminal (SIGHUP)."},
		{es, "quit signal received", "Detenido: se recibió la señal de salida (SIGQUIT, Ctrl-\\)."},
		{es, "user defined signal 1 signal received", "Detenido: user defined signal 1 signal received."},
		{en, "interrupt signal received", "Stopped: interrupt signal received."},
		{en, "terminated signal received", "Stopped: terminated signal received."},
	} {
		if got := stoppedBySignal(tt.l, tt.cause); got != tt.want {
			t.Errorf("%q: %q, want %q", tt.cause, got, tt.want)
		}
	}
}
