package i18n

import (
	"maps"
	"slices"
	"testing"
)

// Every command pays for the catalogue before its first output: a run lists the files and parses
// each one when its first message is asked for (go test ./internal/i18n -run '^$' -bench
// LoadCatalogue). "list" is the listing alone; "help" is what --help pays: the listing and
// help.yaml; "all" is every file parsed, as a run that reads every part of the program would;
// "checked" is the tests' load.
func BenchmarkLoadCatalogue(b *testing.B) {
	checked, err := loadCatalogue(messageFiles, true)
	if err != nil {
		b.Fatal(err)
	}
	first := map[string]string{} // file -> its first id
	for id, file := range checked.ids {
		if prev, ok := first[file]; !ok || id < prev {
			first[file] = id
		}
	}
	for _, bb := range []struct {
		name string
		ids  []string
	}{{"list", nil}, {"help", []string{first["messages/help.yaml"]}}, {"all", slices.Collect(maps.Values(first))}} {
		b.Run(bb.name, func(b *testing.B) {
			for b.Loop() {
				c, err := loadCatalogue(messageFiles, false)
				if err != nil {
					b.Fatal(err)
				}
				l := c.localizer(English)
				for _, id := range bb.ids {
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
