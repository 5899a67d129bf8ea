package assessment

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/inputerr"
	"github.com/hitready/hitready/questions"
)

// refusalAllow are the words a refusal of custom data may show outside the pseudo-language's
// markers: data a person fixes the file by. The fields of the profile, credentials and steps files
// (thresholds, credit), the bank's ids and values, the data's ids, and the words of the test
// files themselves (colour, fee).
func refusalAllow(bank *questions.Bank, p *Profile) []string {
	allow := []string{"en", "es", "in", "true", "false",
		// Values and fields the tests' files give, which no file of hitready has.
		"colour", "red", "fee", "cost", "price", "failed", "courses", "half", "high", "yes", "hospitals",
		"titel", "count", "items", "set", "title", "when", "x", "k", "cpc", "a"}
	fields := map[string]string{}
	for _, t := range []reflect.Type{reflect.TypeFor[Profile](), reflect.TypeFor[Credentials](), reflect.TypeFor[Steps](), reflect.TypeFor[screened]()} {
		fieldsByType(t, fields)
	}
	for _, names := range fields {
		allow = append(allow, strings.Split(names, ", ")...)
	}
	for _, q := range bank.Questions {
		allow = append(allow, q.ID, string(q.Kind))
		allow = append(allow, q.ValueNames()...)
	}
	for _, a := range p.Areas {
		allow = append(allow, a.ID)
	}
	for _, r := range p.Requirements {
		allow = append(allow, r.ID)
	}
	for _, c := range p.credentials.Credentials {
		allow = append(allow, c.ID)
	}
	for _, s := range p.steps.Steps {
		allow = append(allow, s.ID)
	}
	return append(allow, p.ID, string(Major), string(Minor))
}

// Every refusal of a custom profile, credentials or steps file is worded in the run's language:
// in the pseudo-language, each case of this package's tests of bad files leaves no English word
// outside the markers but the data (the file, its line, ids, fields and values).
func TestPseudoLanguageRefusals(t *testing.T) {
	bank, err := questions.LoadIn(i18n.Pseudo)
	if err != nil {
		t.Fatal(err)
	}
	p, err := DefaultProfile(bank)
	if err != nil {
		t.Fatal(err)
	}
	allow := refusalAllow(bank, p)
	check := func(t *testing.T, err error) {
		t.Helper()
		if err == nil {
			t.Fatal("accepted")
		}
		if !errors.Is(err, inputerr.ErrInvalid) {
			t.Errorf("does not match inputerr.ErrInvalid: %v", err)
		}
		if leaks := i18n.Leaks(err.Error(), allow...); len(leaks) > 0 {
			t.Errorf("untranslated: %q\n%s", leaks, err)
		}
	}
	cases := map[string]func() error{}
	for _, tt := range brokenProfiles(t) {
		cases["profile: "+tt.name] = func() error { _, err := ParseProfile("my.yaml", []byte(tt.data), bank); return err }
	}
	for _, cut := range missingFields {
		data := strings.Replace(string(profileYAML), cut, "", 1)
		cases["profile without "+cut] = func() error { _, err := ParseProfile("my.yaml", []byte(data), bank); return err }
	}
	for _, tt := range screenCases {
		if tt.want != nil {
			cases["screen: "+tt.doc] = func() error {
				_, _, err := readStrict[screened]("f.yaml", []byte(tt.doc), profileKind, i18n.Pseudo)
				return err
			}
		}
	}
	for _, tt := range floodCases(t, i18n.Pseudo) {
		cases["flood: "+tt.name] = func() error { _, err := tt.parse(tt.data(16 << 10)); return err }
	}
	for _, tt := range strictCredentials() {
		cases["credentials: "+tt.name] = func() error { _, err := ParseCredentials("c.yaml", []byte(tt.data), p); return err }
	}
	for _, tt := range strictSteps() {
		cases["steps: "+tt.name] = func() error { _, err := ParseSteps("s.yaml", []byte(tt.data), p, p.credentials); return err }
	}
	for _, tt := range keyCases(p) {
		cases["keys: "+tt.name] = func() error { return tt.parse(tt.data) }
	}
	for _, tt := range brokenPromises(t, bank, p) {
		cases["promise: "+tt.name] = tt.refuse
	}
	for name, refuse := range cases {
		t.Run(name, func(t *testing.T) { check(t, refuse()) })
	}
	t.Run("promise: an exam the person may not sit yet", func(t *testing.T) {
		exam := &candidate{step: &p.steps.Steps[slicesIndex(p.steps.Steps, "exam-rhit")]}
		a := answersOf(t, bank, "education.level=high-school")
		f := &planFor{p: p, cs: p.credentials, a: a, gaps: p.scoreOnly(a).Gaps}
		pr := f.sitsTooEarly(exam, a)
		if pr == nil {
			t.Fatal("an exam sat before the person may sit it is not found")
		}
		// The embedded profile's name is its file's: a custom file would stand there.
		if leaks := i18n.Leaks(pr.Message, allow...); len(leaks) > 0 {
			t.Errorf("untranslated: %q\n%s", leaks, pr.Message)
		}
	})
	if len(cases) < 80 {
		t.Errorf("only %d cases walked: a table of bad files was lost", len(cases))
	}
}

// In Spanish, refusals say the file, the line, the id and the field as in English, and the rest
// in Spanish: one of each kind of message, word for word.
func TestRefusalsInSpanish(t *testing.T) {
	bank, err := questions.LoadIn(i18n.Spanish)
	if err != nil {
		t.Fatal(err)
	}
	p, err := DefaultProfile(bank)
	if err != nil {
		t.Fatal(err)
	}
	base := string(profileYAML)
	profile := func(old, new string) func() error {
		return func() error {
			_, err := ParseProfile("my.yaml", []byte(strings.Replace(base, old, new, 1)), bank)
			return err
		}
	}
	tests := []struct {
		name   string
		refuse func() error
		want   string
	}{
		{"empty", func() error { _, err := ParseProfile("my.yaml", nil, bank); return err },
			"my.yaml: está vacío; se esperaba un perfil de requisitos (hitready requirements --format yaml imprime uno)"},
		{"unknown field", profile("major_below: 0.5", "major_below: 0.5\nmajor_bellow: 1"),
			`my.yaml:31: no es un perfil válido: campo desconocido major_bellow (¿quiso decir "major_below"?); campos permitidos en el perfil: areas, credentials, id, major_below, notes, requirements, source, steps, thresholds, title`},
		{"too large", profile("values: {none: 0, preparing: 0.25, scheduled: 0.5, passed: 1}", "values: {none: 0, preparing: 0.25, scheduled: 0.5, passed: 2}"),
			"certification.ahima: requirements.credit.values.passed: 2 es demasiado grande; se permite: un crédito de 0 a 1"},
		{"not a number", profile("ready: 85", "ready: high"),
			`my.yaml:28: thresholds.ready debe ser un número; se encontró el texto "high"`},
		{"flag", profile("    blocking: true\n", "    blocking: yes\n"),
			`education.degree: requirements.blocking debe ser true o false (sin comillas); se encontró el texto "yes"`},
		{"key twice", profile("ready: 85", "ready: 85\n  ready: 80"),
			"my.yaml:29: thresholds.ready aparece dos veces (la primera en la línea 28); deje una sola"},
		{"control character", profile(`en: "Health Information Technician (medical records specialist)"`, `en: "HIT \e[2J"`),
			`my.yaml:20: title.en contiene \x1b (un carácter de control); el texto de un perfil debe ser imprimible y estar en una sola línea`},
		{"unknown question", profile("{question: skills.empathy, target: 4}", "{question: skills.empathie, target: 4}"),
			`my.yaml:309: skills.empathy: credit: pregunta desconocida "skills.empathie"`},
		{"missing threshold", profile("  ready: 85\n", ""), "my.yaml:27: falta thresholds.ready; indique una puntuación de 0 a 100"},
		{"a text without its Spanish", profile(`es: "Técnico en información de salud (especialista en registros médicos)"`, `es: ""`),
			"my.yaml: línea 20: un texto en dos idiomas necesita en y es, y ninguno vacío"},
		{"credentials", func() error {
			_, err := ParseCredentials("c.yaml", []byte(strings.Replace(string(credentialsYAML), "  - id: cca\n", "  - id: cpc\n", 1)), p)
			return err
		}, "c.yaml: cca: falta la credencial cca; un archivo de credenciales incluye al menos cca, rhit, rhia, ccs"},
		{"steps", func() error {
			_, err := ParseSteps("s.yaml", []byte(strings.Replace(string(stepsYAML), "credential: rhia", "credential: cpc", 1)), p, p.credentials)
			return err
		}, `: la credencial "cpc" no está en el archivo de credenciales`},
		{"nobody ready", brokenPromises(t, bank, p)[3].refuse, "por debajo de thresholds.ready (100.0); por ejemplo, para la persona con education.level="},
		{"thresholds", profile("nearly_ready: 60", "nearly_ready: 90"),
			"my.yaml:27: thresholds debe cumplir 0 <= nearly_ready <= ready <= 100; se encontró nearly_ready 90, ready 85"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.refuse()
			if err == nil || !errors.Is(err, inputerr.ErrInvalid) {
				t.Fatalf("not refused as invalid: %v", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("the refusal lacks\n%s\ngot:\n%s", tt.want, err)
			}
		})
	}
}
