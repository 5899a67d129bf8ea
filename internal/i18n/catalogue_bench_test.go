package i18n

import "testing"

// Every command pays for loading the catalogue before its first output: a run loads it without
// the checks the tests make (go test ./internal/i18n -run '^$' -bench LoadCatalogue).
func BenchmarkLoadCatalogue(b *testing.B) {
	for _, check := range []bool{false, true} {
		name := map[bool]string{false: "run", true: "checked"}[check]
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if _, err := loadCatalogue(messageFiles, check); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
