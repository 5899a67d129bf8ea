package cmd

import (
	"path/filepath"
	"strings"
	"testing"
)

// The Spanish page of one example, whole: the page's own words from the catalogue, the report's
// texts as the data gives them (those not translated yet still in English), the date of
// TestMain's SOURCE_DATE_EPOCH written the Spanish way.
func TestSpanishPageGolden(t *testing.T) {
	r := run(t, "", "assess", "--lang", "es", "--answers", filepath.Join("..", "examples", "not-ready.yaml"), "--format", "html")
	if r.code != exitOK || r.stderr != "" {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	for _, want := range []string{`<html lang="es">`, `<time datetime="2027-03-12">12 de marzo de 2027</time>`} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("the Spanish page does not say %s", want)
		}
	}
	golden(t, "not-ready.es.html", []byte(r.stdout))
}
