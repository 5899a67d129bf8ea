package prompter

import "testing"

// Typing to filter a list, neither case nor accents count, in either language: a Spanish speaker
// without accents on the keyboard finds "Estadística", an English speaker finds "Medical coding".
func TestFilterOption(t *testing.T) {
	tests := []struct {
		filter, option string
		want           bool
	}{
		{"estadistica", "Estadística o bioestadística", true},
		{"codificacion", "Codificación médica (ICD, CPT)", true},
		{"CODIFICACIÓN", "Codificación médica (ICD, CPT)", true},
		{"medica", "Codificación médica (ICD, CPT)", true},
		{"médica", "Codificacion medica", true},
		{"nino", "Niño", true}, // ñ folds to n: a keyboard without ñ still finds it
		{"coding", "Medical coding (ICD, CPT)", true},
		{"MEDICAL", "Medical coding (ICD, CPT)", true},
		{"", "Anything", true},
		{"estadistica", "Codificación médica (ICD, CPT)", false},
		{"cpt)x", "Medical coding (ICD, CPT)", false},
	}
	for _, tt := range tests {
		if got := filterOption(tt.filter, tt.option, 0); got != tt.want {
			t.Errorf("filterOption(%q, %q) = %v, want %v", tt.filter, tt.option, got, tt.want)
		}
	}
}

// The arrow-key lists filter with filterOption: a choice without accents typed into the Spanish
// coursework list finds its option, in a list and in a checklist alike.
func TestSurveyListsFilterWithoutAccents(t *testing.T) {
	s := &survey{width: 80}
	options := []string{"Anatomía", "Codificación médica (ICD, CPT)", "Estadística o bioestadística"}
	filters := map[string]func(filter, value string, index int) bool{
		"list":      s.list("¿Qué cursos ha terminado?", "", options).Filter,
		"checklist": s.checklist("¿Qué cursos ha terminado?", "", options).Filter,
	}
	for name, filter := range filters {
		if filter == nil {
			t.Fatalf("%s: no filter: survey's own counts accents", name)
		}
		for typed, want := range map[string]int{"estadistica": 2, "codificacion": 1, "ANATOMIA": 0} {
			for i, o := range options {
				if got := filter(typed, o, i); got != (i == want) {
					t.Errorf("%s: %q on %q = %v", name, typed, o, got)
				}
			}
		}
	}
}
