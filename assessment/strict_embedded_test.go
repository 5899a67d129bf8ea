package assessment

import (
	"strings"
	"testing"

	"github.com/hitready/hitready/internal/i18n"
)

// The tests decode the embedded data strictly (unknown fields refused); a run does not, for its
// start-up (see strictEmbedded).
func init() { strictEmbedded = true }

// Under test the embedded data is decoded strictly: a misspelt field in it fails.
func TestEmbeddedDataIsReadStrictlyUnderTest(t *testing.T) {
	type tiny struct {
		A string `yaml:"a"`
	}
	if _, _, err := readEmbedded[tiny]("x.yaml", []byte("a: {en: one, es: uno}\nb: 2\n"), profileKind, i18n.Spanish); err == nil || !strings.Contains(err.Error(), "field b not found") {
		t.Errorf("an unknown field: %v", err)
	}
	v, _, err := readEmbedded[tiny]("x.yaml", []byte("a: {en: one, es: uno}\n"), profileKind, i18n.Spanish)
	if err != nil || v.A != "uno" {
		t.Errorf("%+v, %v", v, err)
	}
}
