package questions

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/inputerr"
)

// badAnswers are answers files and --set arguments refused, one of each kind of message, with
// the line each gives in Spanish: the file, the line and the id as in English, the rest Spanish.
var badAnswers = []struct {
	name, path, data string
	set              string // a --set argument instead of a file
	want             []string
}{
	{name: "out of range", path: "a.yaml", data: replace(completeYAML, "skills.empathy: 5", "skills.empathy: 6"),
		want: []string{"a.yaml:10: skills.empathy: 6 está fuera del rango; se permite: un número entero del 1 al 5"}},
	{name: "not whole", path: "a.json", data: replace(completeJSON, `"skills.empathy": 5`, `"skills.empathy": 4.25`),
		want: []string{"a.json:11: skills.empathy: 4.25 no es un número entero; se permite: un número entero del 1 al 5"}},
	{name: "too large", path: "a.yaml", data: replace(completeYAML, "skills.empathy: 5", "skills.empathy: 1e30"),
		want: []string{"a.yaml:10: skills.empathy: 1e30 es demasiado grande; se permite: un número entero del 1 al 5"}},
	{name: "unknown id", path: "a.yaml", data: replace(completeYAML, "skills.empathy: 5", "skills.empathie: 5"),
		want: []string{`a.yaml:10: skills.empathie: id de pregunta desconocido (¿quiso decir "skills.empathy"?); los ids que existen están más abajo`,
			"a.yaml: ids de pregunta que existen: education.level, "}},
	{name: "unknown field", path: "a.yaml", data: replace(completeYAML, "respondent: Jordan Rivera", "respondnet: Jordan Rivera"),
		want: []string{`a.yaml:1: campo desconocido "respondnet" (¿quiso decir "respondent"?); campos permitidos: respondent, answers, skipped`}},
	{name: "answer outside answers", path: "a.yaml", data: "skills.empathy: 4\n",
		want: []string{`a.yaml:1: campo desconocido "skills.empathy"; las respuestas van debajo de answers:, con sangría`}},
	{name: "unknown value", path: "a.yaml", data: replace(completeYAML, "education.level: associate", "education.level: asociate"),
		want: []string{`a.yaml:3: education.level: valor desconocido "asociate" (¿quiso decir "associate"?); se permite: uno de: none, high-school, some-college, associate, bachelor, master`}},
	{name: "wrong type", path: "a.yaml", data: replace(completeYAML, "skills.empathy: 5", "skills.empathy: high"),
		want: []string{`a.yaml:10: skills.empathy: espera un número entero del 1 al 5; se encontró el texto "high"`}},
	{name: "list expected", path: "a.yaml", data: replace(completeYAML, "coursework: [anatomy, physiology, medical-terminology, medical-coding, statistics, database-management]", "coursework: anatomy"),
		want: []string{`a.yaml:5: coursework: espera una lista con cualquiera de: anatomy, physiology, medical-terminology, medical-coding, statistics, database-management (se permite una lista vacía []), por ejemplo [anatomy, physiology]; se encontró el texto "anatomy"`}},
	{name: "listed twice", path: "a.yaml", data: replace(completeYAML, "[anatomy, physiology,", "[anatomy, anatomy,"),
		want: []string{`a.yaml:5: coursework: "anatomy" aparece dos veces en la lista; ponga cada valor una sola vez`}},
	{name: "duplicate key", path: "a.json", data: replace(completeJSON, `"skills.empathy": 5,`, `"skills.empathy": 5, "skills.empathy": 3,`),
		want: []string{`a.json:11: skills.empathy: "skills.empathy" aparece dos veces (la primera en la línea 11); deje una sola`}},
	{name: "asked only when", path: "a.yaml", data: replace(completeYAML, "education.level: associate", "education.level: high-school"),
		want: []string{"a.yaml:4: education.field: solo se pregunta cuando education.level es associate, bachelor o master, pero education.level es high-school (a.yaml:3); quite education.field o cambie education.level"}},
	{name: "respondent control", path: "a.yaml", data: replace(completeYAML, "respondent: Jordan Rivera", `respondent: "Jordan\e[2J Rivera"`),
		want: []string{`a.yaml:1: respondent contiene \x1b (un carácter de control); se permite: una línea de texto imprimible`}},
	{name: "empty", path: "a.yaml", data: "",
		want: []string{"a.yaml: está vacío; un archivo de respuestas es un mapeo con los campos respondent (opcional) y answers"}},
	{name: "not a mapping", path: "a.yaml", data: "- education.level: associate\n",
		want: []string{"a.yaml:1: debe ser un mapeo con los campos respondent y answers; se encontró una lista"}},
	{name: "second document", path: "a.yaml", data: completeYAML + "---\nrespondent: B\n",
		want: []string{"a.yaml:18: contiene un segundo documento YAML (después de ---)"}},
	{name: "JSON cut short", path: "a.json", data: completeJSON[:200],
		want: []string{"no es JSON válido: termina antes de que el documento esté completo"}},
	{name: "JSON trailing data", path: "a.json", data: completeJSON + "x",
		want: []string{"a.json:21: tiene datos después del final del documento JSON"}},
	{name: "alias", path: "a.yaml", data: replace(replace(completeYAML, "skills.empathy: 5", "skills.empathy: &five 5"), "skills.ethics: 5", "skills.ethics: *five"),
		want: []string{"a.yaml:11: skills.ethics: los alias de YAML (*nombre) no se permiten en un archivo de respuestas"}},
	{name: "skipped not optional", path: "a.yaml", data: completeYAML + "skipped: [skills.empathy]\n",
		want: []string{"a.yaml:18: skills.empathy: no es opcional y no se puede omitir; ponga su respuesta debajo de answers:"}},
	{name: "YAML indentation", path: "a.yaml", data: "answers:\n  education.level: associate\n bad: x\n",
		want: []string{"a.yaml:2: no es YAML válido: no se encontró la clave esperada"}},
	{name: "YAML tab", path: "a.yaml", data: "answers:\n\tskills.empathy: 4\n",
		want: []string{"a.yaml:2: no es YAML válido: se encontró un carácter con el que no puede empezar ningún elemento"}},
	{name: "YAML colon twice", path: "a.yaml", data: "answers:\n  a: b: c\n",
		want: []string{"a.yaml:2: no es YAML válido: aquí no se permite un valor de mapeo"}},
	{name: "set not ID=VALUE", set: "skills.empathy",
		want: []string{`--set: "skills.empathy" no tiene la forma ID=VALOR (por ejemplo, --set skills.empathy=4)`}},
	{name: "set unknown id", set: "skills.empaty=4",
		want: []string{`--set: skills.empaty: id de pregunta desconocido (¿quiso decir "skills.empathy"?); vea hitready questions`}},
	{name: "set bad value", set: "skills.empathy=high",
		want: []string{`--set: skills.empathy: espera un número entero del 1 al 5; se encontró el texto "high"`}},
	{name: "set no value", set: "skills.empathy=",
		want: []string{"--set: skills.empathy: no tiene valor; espera un número entero del 1 al 5"}},
}

// refusal is what the bank says of a bad answers file or --set argument.
func refusal(t *testing.T, b *Bank, path, data, set string) string {
	t.Helper()
	var err error
	if set != "" {
		_, _, err = b.ParseSet(set)
	} else {
		_, err = b.DecodeAnswers(path, []byte(data))
	}
	if !errors.Is(err, inputerr.ErrInvalid) {
		t.Fatalf("not refused as bad input: %v", err)
	}
	return err.Error()
}

// In Spanish every message about a bad answer is Spanish, with the file, the line and the
// question id as they are in English.
func TestRefusalsInSpanish(t *testing.T) {
	b, err := LoadIn(i18n.Spanish)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range badAnswers {
		t.Run(tt.name, func(t *testing.T) {
			msg := refusal(t, b, tt.path, tt.data, tt.set)
			for _, w := range tt.want {
				if !strings.Contains(msg, w) {
					t.Errorf("message lacks\n%s\ngot:\n%s", w, msg)
				}
			}
		})
	}
}

// In the pseudo-language no word of a refusal is left in plain English: the file, line and id
// lead each line, and the rest went through the catalogue.
func TestRefusalsLeaveNoEnglish(t *testing.T) {
	b, err := LoadIn(i18n.Pseudo)
	if err != nil {
		t.Fatal(err)
	}
	var allow []string
	for _, q := range b.Questions {
		allow = append(allow, q.ID)
		allow = append(allow, q.ValueNames()...)
	}
	allow = append(allow, "high", "respondnet", "respondent", "answers", "skipped", "Jordan", "Rivera")
	for _, tt := range badAnswers {
		t.Run(tt.name, func(t *testing.T) {
			msg := refusal(t, b, tt.path, tt.data, tt.set)
			if leaks := i18n.Leaks(msg, allow...); len(leaks) > 0 {
				t.Errorf("untranslated: %q\n%s", leaks, msg)
			}
			if !slices.ContainsFunc(strings.Split(msg, "\n"), func(line string) bool { return strings.Contains(line, i18n.PseudoOpen) }) {
				t.Errorf("nothing translated:\n%s", msg)
			}
		})
	}
}

// A screenful of problems ends with how many more, in Spanish too.
func TestMoreProblemsInSpanish(t *testing.T) {
	b, err := LoadIn(i18n.Spanish)
	if err != nil {
		t.Fatal(err)
	}
	var doc strings.Builder
	doc.WriteString("answers:\n")
	for i := range inputerr.MaxShown + 3 {
		doc.WriteString("  x" + strings.Repeat("y", i) + ": 1\n")
	}
	msg := refusal(t, b, "a.yaml", doc.String(), "")
	if want := "a.yaml: … y 3 problemas más (corrija estos y vuelva a ejecutar para verlos)"; !strings.Contains(msg, want) {
		t.Errorf("message lacks %q:\n%s", want, msg)
	}
}
