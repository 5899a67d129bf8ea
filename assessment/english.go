package assessment

import (
	"cmp"
	"slices"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/hitready/hitready/internal/i18n"
)

// EnglishPassages are the passages the embedded data keeps in English inside its Spanish texts
// (i18n.Text.Kept): the titles of quoted sources, quotes, the names of bodies ("Becoming a Health
// Information Technician", "Occupational Outlook Handbook"), each once, the longest first so
// that a longer one is found before a passage it holds. A page in Spanish marks them lang="en".
// A credential's name, English in every language, is marked where it stands. Read once, when a
// page asks.
var EnglishPassages = sync.OnceValue(func() []string {
	var out []string
	for _, f := range []embeddedFile{embeddedProfile, embeddedCredentials, embeddedSteps, embeddedOutlook} {
		doc, err := f.parse()
		if err != nil { // embedded: parsed by every test
			continue
		}
		eachText(doc, "", func(n *yaml.Node, _ string) {
			var t i18n.Text
			if t.UnmarshalYAML(n) == nil {
				out = append(out, t.Kept()...)
			}
		})
	}
	slices.SortFunc(out, func(a, b string) int { return cmp.Or(len(b)-len(a), cmp.Compare(a, b)) })
	return slices.Compact(out)
})
