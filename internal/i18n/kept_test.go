package i18n

import (
	"slices"
	"testing"
)

// Kept finds the English a Spanish text quotes: a title, a name, a quote; not a word or an
// acronym the two languages share by chance.
func TestKept(t *testing.T) {
	tests := []struct {
		en, es string
		want   []string
	}{
		{"Becoming a Health Information Technician", "Becoming a Health Information Technician («Cómo ser técnico de información de salud»)",
			[]string{"Becoming a Health Information Technician"}},
		{"Becoming a Health Information Technician (career-guide article, citing the U.S. Bureau of Labor Statistics); the median, as the BLS Occupational Outlook Handbook, 2014-15 edition, gives it (as quoted)",
			"Becoming a Health Information Technician (artículo de orientación profesional que cita a la Oficina de Estadísticas Laborales de EE. UU., BLS); la mediana, como la da el Occupational Outlook Handbook de la BLS, edición 2014-15 (según la cita)",
			[]string{"Becoming a Health Information Technician", "Occupational Outlook Handbook"}},
		{"Health information technology.", "Health information technology: tecnología de información de salud.", []string{"Health information technology"}},
		{`Becoming a Health Information Technician: "Health Information Technicians work in both settings, etc."`,
			"Becoming a Health Information Technician: “Health Information Technicians work in both settings, etc.” (Trabajan…)",
			[]string{"Becoming a Health Information Technician", "Health Information Technicians work in both settings, etc"}},
		{"AHIMA, CCA certification page (checked 2026-11)", "AHIMA, página de la certificación CCA (consultada en 2026-11)", nil},
		{"No", "No", nil},
		{"RHIT, RHIA and CCA", "RHIT, RHIA y CCA", nil}, // acronyms read the same
		{"American Health Information Management Association (AHIMA) exams", "Los exámenes de la American Health Information Management Association (AHIMA, la asociación)",
			[]string{"American Health Information Management Association"}},
		{"Health Information Technicians", "Health Informationally", nil}, // whole words only
		{"Becoming a Health Information Technician", "", nil},             // not translated
	}
	for _, tt := range tests {
		if got := (Text{En: tt.en, Es: tt.es}).Kept(); !slices.Equal(got, tt.want) {
			t.Errorf("Kept(%q, %q) = %q, want %q", tt.en, tt.es, got, tt.want)
		}
	}
}
