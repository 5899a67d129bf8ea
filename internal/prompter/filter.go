package prompter

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// fold is text as the list filter compares it: lower case, without accents, so that a person who
// types "estadistica" or "codificacion" (a keyboard without accents, or haste) finds
// "Estadística" and "Codificación". Decomposed (NFD), the accents are marks (Mn) to drop.
func fold(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	folded, _, err := transform.String(t, s)
	if err != nil {
		folded = s
	}
	return strings.ToLower(folded)
}

// filterOption is the lists' filter: an option stays when it holds what was typed, neither case
// nor accents counting. survey's own filter counts accents.
func filterOption(filter, option string, _ int) bool {
	return strings.Contains(fold(option), fold(filter))
}
