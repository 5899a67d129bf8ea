package assessment

import (
	"testing"

	"github.com/hitready/hitready/internal/yamltree"
)

// TestEmbeddedFilesAreReadFromTheirTrees: each embedded file has its tree under the name
// readEmbedded looks it up by, and the tree is the file's, so a start never parses the text.
func TestEmbeddedFilesAreReadFromTheirTrees(t *testing.T) {
	for name, text := range map[string][]byte{embeddedProfileName: profileYAML, embeddedCredentialsName: credentialsYAML,
		embeddedStepsName: stepsYAML, embeddedOutlookName: outlookYAML} {
		if !yamltree.Fresh(text, embeddedTrees[name]) {
			t.Errorf("%s: no tree of this text (go test ./internal/yamltree -update)", name)
		}
	}
}
