package i18n

import (
	"maps"
	"slices"
	"testing"
)

// Every command pays for the catalogue before its first output: a run indexes the files and
// parses each one when its first message is asked for (go test ./internal/i18n -run '^$' -bench
// LoadCatalogue). "help" is what --help pays: the index and help.yaml; "all" is every file parsed,
// as a run that reads every part of the program would; "checked" is the tests' load.
func BenchmarkLoadCatalogue(b *testing.B) {
	ids := func(c *loaded, parts ...string) []string {
		first := map[string]string{}
		for id, file := range c.ids {
			if prev, ok := first[file]; !ok || id < prev {
				first[file] = id
			}
		}
		var out []string
		for _, p := range parts {
			out = append(out, first["messages/"+p+".yaml"])
		}
		return out
	}
	c, err := loadCatalogue(messageFiles, false)
	if err != nil {
		b.Fatal(err)
	}
	names := map[string]bool{}
	for _, file := range c.ids {
		names[file[len("messages/"):len(file)-len(".yaml")]] = true
	}
	all := slices.Collect(maps.Keys(names))
	for _, bb := range []struct {
		name  string
		parts []string
	}{{"index", nil}, {"help", []string{"help"}}, {"all", all}} {
		b.Run(bb.name, func(b *testing.B) {
			for b.Loop() {
				c, err := loadCatalogue(messageFiles, false)
				if err != nil {
					b.Fatal(err)
				}
				l := c.localizer(English)
				for _, id := range ids(c, bb.parts...) {
					l.T(id)
				}
			}
		})
	}
	b.Run("checked", func(b *testing.B) {
		for b.Loop() {
			if _, err := loadCatalogue(messageFiles, true); err != nil {
				b.Fatal(err)
			}
		}
	})
}
