package assessment

import (
	"testing"

	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/yamltree"
	"github.com/hitready/hitready/questions"
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
	// Parsing the texts allocates for every token; reading the trees, a few times a file.
	bank, err := questions.Load()
	if err != nil {
		t.Fatal(err)
	}
	load := func() {
		if _, err := parseProfile(embeddedProfileName, profileYAML, i18n.English, given(bank), readEmbedded[Profile], false); err != nil {
			t.Fatal(err)
		}
	}
	fromTrees := testing.AllocsPerRun(3, load)
	trees := embeddedTrees
	embeddedTrees = nil
	defer func() { embeddedTrees = trees }()
	fromTexts := testing.AllocsPerRun(3, load)
	if fromTexts-fromTrees < 10000 {
		t.Errorf("the profile and its files allocate %.0f times, parsing their texts %.0f: the trees are not read", fromTrees, fromTexts)
	}
}
