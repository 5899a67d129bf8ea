package cmd

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/iostreams"
)

// The Spanish report's wording, as a Spanish-speaking tester read it: le falta for one missing
// requirement and le faltan for more, "Dónde" with its accent as the questions write it, a hint
// that says what its command is for, and one word for each idea across the formats (Usted hoy,
// Importancia, campo relacionado).
func TestSpanishReportWording(t *testing.T) {
	ready, nearly, notReady := filepath.Join("..", "examples", "ready.yaml"), filepath.Join("..", "examples", "nearly-ready.yaml"), filepath.Join("..", "examples", "not-ready.yaml")
	oneBlocking := []string{"assess", "--answers", ready, "--set", "certification.ahima=preparing", "--set", "certification.credential=", "--plain"}
	tests := []struct {
		name   string
		args   []string
		want   []string
		unwant []string
	}{
		{"one requirement missing", oneBlocking, []string{"(le falta: Examen de AHIMA)", "(el paso 2). Para verlo completo:"}, []string{"le faltan:", "Completo:"}},
		{"two requirements missing", []string{"assess", "--answers", notReady, "--plain"}, []string{
			"(le faltan: Examen de AHIMA,", "campo relacionado", "Para verlos todos:"}, []string{"le falta:", "Completo:", "afín"}},
		{"settings, plain", []string{"assess", "--answers", nearly, "--plain"}, []string{"Dónde le gustaría trabajar:"}, []string{"Donde"}},
		{"settings, table", []string{"assess", "--answers", nearly}, []string{"Dónde le gustaría trabajar:", "Usted hoy"}, []string{"Donde", "Usted ahora"}},
		{"markdown", []string{"assess", "--answers", nearly, "--format", "markdown"}, []string{"### Dónde le gustaría trabajar", "| Usted hoy |", "| Importancia |"}, []string{"Donde", "Gravedad", "Usted ahora"}},
		{"html", []string{"assess", "--answers", notReady, "--format", "html"}, []string{`data-label="Usted hoy"`}, []string{"Usted ahora", "Gravedad", "afín"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runWith(t, func(ios *iostreams.IOStreams) { ios.SetLang(i18n.Spanish) }, "", tt.args...)
			if r.code != exitOK {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			for _, w := range tt.want {
				if !strings.Contains(r.stdout, w) {
					t.Errorf("lacks %q:\n%s", w, r.stdout)
				}
			}
			for _, u := range tt.unwant {
				if strings.Contains(r.stdout, u) {
					t.Errorf("has %q:\n%s", u, r.stdout)
				}
			}
		})
	}
}
