package cmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/iostreams"
)

// badInputFiles writes the files the score and compare cases read: a rating out of range, an
// incomplete file, a document that is not a report, reports that compare refuses.
func badInputFiles(t *testing.T) (dir string) {
	t.Helper()
	dir = t.TempDir()
	for name, data := range map[string]string{
		"bad.yaml":   "answers:\n  skills.empathy: 9\n",
		"half.json":  `{"answers": {"education.level": "none"}}`,
		"other.json": `{"schema": "something/v9"}`,
		"a.yaml":     "respondent: Ana\n",
		// Saved reports compare refuses (assessment.DecodeReport).
		"dup.json":     "{\"schema\": \"hitready.report/v1\",\n \"respondent\": \"Ana\",\n \"Respondent\": \"Eva\"}",
		"fr.json":      `{"schema": "hitready.report/v1", "profile": "hit-technician", "lang": "fr"}`,
		"en.json":      `{"schema": "hitready.report/v1", "profile": "hit-technician", "lang": "en"}`,
		"profile.json": `{"schema": "hitready.report/v1", "profile": "other"}`,
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// scoreCompareBadInput are score's and compare's runs refused for bad input or usage, with the
// line each must print in Spanish: the files, lines and ids as in English.
func scoreCompareBadInput(dir string) []struct {
	name string
	args []string
	want []string
} {
	ready := filepath.Join("..", "examples", "ready.yaml")
	autumn := filepath.Join("testdata", "progress", "autumn.yaml")
	bad, half, other := filepath.Join(dir, "bad.yaml"), filepath.Join(dir, "half.json"), filepath.Join(dir, "other.json")
	missing := filepath.Join(dir, "missing.yaml")
	dup, fr, en, profile := filepath.Join(dir, "dup.json"), filepath.Join(dir, "fr.json"), filepath.Join(dir, "en.json"), filepath.Join(dir, "profile.json")
	return []struct {
		name string
		args []string
		want []string
	}{
		{"score with bad files", []string{"score", ready, bad, missing, half, "--format", "csv"}, []string{
			bad + ":2: skills.empathy: 9 está fuera del rango; se permite: un número entero del 1 al 5",
			missing + ": no se puede leer: no existe (no such file or directory)",
			half + ": está incompleto: falta la respuesta a coursework, certification.ahima",
			"score solo da puntuación a archivos de respuestas completos (hitready assess --answers " + half + " pregunta lo que falta)",
			"no se pudo dar puntuación a 3 de 4 archivos"}},
		{"score with no paths", []string{"score"}, []string{"score necesita al menos un archivo de respuestas o una carpeta",
			"Ejecute 'hitready score --help' para ver cómo se usa."}},
		{"score of an empty folder", []string{"score", filepath.Join(dir, "empty")}, []string{"no se puede leer"}},
		{"score with bad jobs", []string{"score", ready, "--jobs", "-1"}, []string{"--jobs -1 no es válido; se permite: de 1 a 256, o 0 para uno por CPU"}},
		{"score with a huge --jobs", []string{"score", ready, "--jobs", "99999999999999999999"}, []string{`--jobs "99999999999999999999" no es válido: demasiado grande; se permite: de 1 a 256, o 0 para uno por CPU`}},
		{"score with a bad format", []string{"score", ready, "--format", "xlsx"}, []string{`--format "xlsx" no es válido; se permite: table, json, yaml, csv, markdown`}},
		{"score below --fail-under", []string{"score", ready, "--fail-under", "100"}, []string{"1 de 1: hay puntuaciones por debajo de --fail-under 100"}},
		{"compare with one file", []string{"compare", autumn}, []string{"compare recibe dos archivos, el ANTERIOR y el NUEVO; se recibieron 1"}},
		{"compare with another document", []string{"compare", other, autumn}, []string{other + `: es un documento "something/v9"; compare lee archivos de respuestas e informes "hitready.report/v1"`}},
		{"compare with an incomplete file", []string{"compare", half, autumn}, []string{half + ": está incompleto: falta la respuesta a coursework",
			"compare solo da puntuación a archivos de respuestas completos"}},
		{"compare with a missing file", []string{"compare", missing, autumn}, []string{missing + ": no se puede leer: no existe"}},
		{"compare with a report naming a field twice", []string{"compare", dup, autumn}, []string{
			dup + `:3: "Respondent" y "respondent" (línea 2) nombran el mismo campo si no se cuentan las mayúsculas; un informe nombra cada campo una sola vez`}},
		{"compare with a report in French", []string{"compare", fr, autumn}, []string{fr + `:1: lang: es "fr"; el idioma de un informe debe ser «en» (inglés) o «es» (español)`}},
		{"compare with an English report without answers", []string{"compare", en, autumn}, []string{
			en + ":1: lang: el informe está en en y esta ejecución en es; un informe guardado sin sus respuestas se compara en su propio idioma: --lang en"}},
		{"compare with another profile's report", []string{"compare", profile, autumn}, []string{
			profile + `:1: profile: se calculó con el perfil "other", no con "hit-technician" (el perfil en uso); compárelo con --profile ARCHIVO, donde ARCHIVO es el perfil "other"`}},
		{"compare with a folder", []string{"compare", dir, autumn}, []string{dir + ": es una carpeta, no un archivo"}},
		{"compare with standard input twice", []string{"compare", "-", "-"}, []string{"OLD - y NEW - indican los dos la entrada estándar"}},
		{"score into a missing folder", []string{"score", ready, "--output", filepath.Join(dir, "nodir", "x.csv")}, []string{
			filepath.Join(dir, "nodir", "x.csv") + ": no se puede escribir: la carpeta " + filepath.Join(dir, "nodir") + string(filepath.Separator) + " no existe"}},
		{"compare into a folder", []string{"compare", autumn, autumn, "--output", dir}, []string{dir + ": es una carpeta; indique un archivo donde escribir"}},
		{"compare over its input", []string{"compare", bad, autumn, "--output", bad}, []string{bad + ": también es una entrada (OLD " + bad + "): escribir --output lo destruiría; elija otro archivo"}},
	}
}

// In Spanish, assess's refusals of bad input and usage are Spanish, with the file, the line and
// the question id as in English.
func TestBadInputInSpanish(t *testing.T) {
	ready := filepath.Join("..", "examples", "ready.yaml")
	tests := []struct {
		name  string
		stdin string
		args  []string
		want  []string
	}{
		{"no answers and no terminal", "", []string{"assess"}, []string{
			"Quedan 15 preguntas sin responder y no hay una terminal donde preguntar (o se indicó HITREADY_NO_INPUT=1):",
			"  education.level: ¿Cuál es el nivel de estudios más alto que ha terminado?; responda uno de: none, high-school,",
			"Dé las respuestas en el archivo de respuestas o con --set ID=VALOR (por ejemplo, --set education.level=",
			"hitready questions las muestra todas."}},
		{"missing answers with --no-input", "", []string{"assess", "--no-input", "--set", "education.level=associate"}, []string{
			"Quedan 14 preguntas sin responder y se indicó --no-input:",
			"  certification.credential: ", " (se pregunta cuando certification.ahima es passed); responda uno de: rhit, rhia"}},
		{"contradiction through --set", "", []string{"assess", "--answers", ready, "--no-input", "--set", "education.level=some-college", "--set", "coursework="}, []string{
			"ready.yaml:5: education.field: solo se pregunta cuando education.level es associate, bachelor o master, pero education.level es some-college (--set); quite education.field o cambie education.level",
			"(--set ID= sin nada después del = quita una respuesta)"}},
		{"answers file missing", "", []string{"assess", "--answers", "nope.yaml"}, []string{"nope.yaml: no se puede leer: no existe (no such file or directory)"}},
		{"answers path is a folder", "", []string{"assess", "--answers", ".."}, []string{"..: es una carpeta, no un archivo"}},
		{"out of range on standard input", "answers:\n  skills.empathy: 9\n", []string{"assess", "--answers", "-"}, []string{
			"-:2: skills.empathy: 9 está fuera del rango; se permite: un número entero del 1 al 5"}},
		{"bad --set", "", []string{"assess", "--answers", ready, "--set", "skills.empathy=high"}, []string{
			`--set: skills.empathy: espera un número entero del 1 al 5; se encontró el texto "high"`}},
		{"--set without =", "", []string{"assess", "--answers", ready, "--set", "skills.empathy"}, []string{
			`--set: "skills.empathy" no tiene la forma ID=VALOR (por ejemplo, --set skills.empathy=4)`}},
		{"unknown flag", "", []string{"assess", "--colour"}, []string{"opción desconocida: --colour",
			"Ejecute 'hitready assess --help' para ver cómo se usa."}},
		{"unknown shorthand flag", "", []string{"assess", "-x"}, []string{"opción corta desconocida: 'x' en -x"}},
		{"flag without its value", "", []string{"assess", "--answers"}, []string{"la opción necesita un valor: --answers"}},
		{"bad format", "", []string{"assess", "--answers", ready, "--format", "xml"}, []string{`--format "xml" no es válido; se permite: table, json, yaml`}},
		{"fail-under out of range", "", []string{"assess", "--answers", ready, "--fail-under", "101"}, []string{
			`--fail-under "101" no es válido: no es una puntuación; se permite: una puntuación de 0 a 100`}},
		{"fail-under not a number", "", []string{"assess", "--answers", ready, "--fail-under", "high"}, []string{
			`--fail-under "high" no es válido: no es un número; se permite: una puntuación de 0 a 100`}},
		{"fail-under missed", "", []string{"assess", "--answers", filepath.Join("..", "examples", "not-ready.yaml"), "--fail-under", "50"}, []string{
			"la puntuación 33.1 está por debajo de --fail-under 50"}},
		{"bad --lang", "", []string{"assess", "--lang", "fr"}, []string{
			`--lang "fr" no es válido: hitready no tiene ese idioma; se permite: en (English), es (español)`}},
		{"stray argument", "", []string{"assess", ready}, []string{
			"hitready assess recibe su archivo de respuestas con --answers: hitready assess --answers ../examples/ready.yaml"}},
		{"stray argument, not a file", "", []string{"assess", "now"}, []string{`hitready assess no acepta argumentos; se recibió ["now"]`}},
		{"unknown command", "", []string{"asess"}, []string{`comando desconocido "asess" para "hitready" (¿quiso decir "assess"?)`,
			"Ejecute 'hitready --help' para ver cómo se usa."}},
		{"unknown help topic", "", []string{"help", "asess"}, []string{`tema de ayuda desconocido "asess" para "hitready help" (¿quiso decir "assess"?)`}},
		{"unknown shell", "", []string{"completion", "tcsh"}, []string{`shell desconocido "tcsh" para "hitready completion"; se permite: bash, fish, powershell, zsh`}},
	}
	dir := badInputFiles(t)
	for _, sc := range scoreCompareBadInput(dir) {
		tests = append(tests, struct {
			name  string
			stdin string
			args  []string
			want  []string
		}{sc.name, "", sc.args, sc.want})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runWith(t, func(ios *iostreams.IOStreams) { ios.SetLang(i18n.Spanish) }, tt.stdin, tt.args...)
			if r.code != exitInvalid && r.code != exitBelow {
				t.Errorf("exit %d, want 2 or 3", r.code)
			}
			for _, w := range tt.want {
				if !strings.Contains(r.stderr, w) {
					t.Errorf("stderr lacks\n%s\ngot:\n%s", w, r.stderr)
				}
			}
		})
	}
}

// In the pseudo-language, no word of a refusal is left in plain English: every bad-input run of
// TestAssessExitCodes, and score's and compare's.
func TestPseudoLanguageBadInput(t *testing.T) {
	allow := append(pseudoAllow(t), "high", "now", "asess", "colour", "nope.yaml", "xlsx", "xml", "tcsh", "something",
		"profile", "lang", "score", "verdict", "thresholds", "areas", "gaps") // a saved report's fields
	type run struct {
		name, stdin string
		args        []string
	}
	var runs []run
	for _, tt := range assessExitCases(t) {
		if tt.wantCode == exitInvalid || tt.wantCode == exitBelow {
			runs = append(runs, run{tt.name, tt.stdin, tt.args})
		}
	}
	for _, sc := range scoreCompareBadInput(badInputFiles(t)) {
		runs = append(runs, run{sc.name, "", sc.args})
	}
	for _, tt := range runs {
		t.Run(tt.name, func(t *testing.T) {
			r := runWith(t, func(ios *iostreams.IOStreams) { ios.SetLang(i18n.Pseudo) }, tt.stdin, tt.args...)
			if r.code != exitInvalid && r.code != exitBelow {
				t.Errorf("exit %d, want 2 or 3: %s", r.code, r.stderr)
			}
			// The OS's own words (no such file or directory) come inside the message's markers.
			if leaks := i18n.Leaks(r.stderr, allow...); len(leaks) > 0 {
				t.Errorf("untranslated: %q\n%s", leaks, r.stderr)
			}
		})
	}
}

// A comparison words the exam passed in the run's language: in Spanish, and in the
// pseudo-language, whose reports say "en".
func TestComparedExamInTheRunsLanguage(t *testing.T) {
	old, newer := filepath.Join("..", "examples", "not-ready.yaml"), filepath.Join("..", "examples", "ready.yaml")
	for _, tt := range []struct {
		lang i18n.Lang
		want string
	}{
		{i18n.Spanish, "+ Aprobó un examen de AHIMA (tiene RHIT)"},
		{i18n.Pseudo, i18n.PseudoOpen + "Ṗȧşşėđ ȧñ ȦĦǏṀȦ ėẋȧṁ (RHIT ħėĺđ)" + i18n.PseudoClose},
	} {
		r := runWith(t, func(ios *iostreams.IOStreams) { ios.SetLang(tt.lang) }, "", "compare", old, newer)
		if r.code != exitOK || !strings.Contains(r.stdout, tt.want) || strings.Contains(r.stdout, "Passed an") {
			t.Errorf("%s: exit %d, want %q in:\n%s", tt.lang, r.code, tt.want, r.stdout)
		}
	}
}
