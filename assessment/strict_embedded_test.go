package assessment

import (
	"testing"

	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/strictyaml"
)

// A run decodes the embedded data from its tree without refusing unknown fields (the tests do,
// strictyaml.DecodeKnown): so a field misspelt in the data must fail here, in every language the
// data is read in.
func TestEmbeddedDataHasOnlyKnownFields(t *testing.T) {
	for _, l := range i18n.Langs() {
		for _, e := range []struct {
			file embeddedFile
			into any
		}{
			{embeddedProfile, &Profile{}}, {embeddedCredentials, &Credentials{}},
			{embeddedSteps, &Steps{}}, {embeddedOutlook, &Outlook{}},
		} {
			doc, err := e.file.parse()
			if err == nil {
				err = i18n.Localize(doc, l)
			}
			if err == nil {
				err = strictyaml.DecodeKnown(doc, e.into)
			}
			if err != nil {
				t.Errorf("%s in %s: %v", e.file.name, l, err)
			}
		}
	}
}
