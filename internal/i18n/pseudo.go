package i18n

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
)

// The pseudo-language's markers. Every string that went through the catalogue or a bilingual
// text comes back between them when the language is Pseudo, so that a test that runs a command in
// it and finds words outside them has found text a Spanish reader would meet in English.
const (
	PseudoOpen  = "⟦"
	PseudoClose = "⟧"
)

// pseudoAllowed are the words that may stand outside the markers in any output: names that stay
// as they are in every language.
var pseudoAllowed = []string{"hitready"}

// notWords are the shapes of text that is not prose in any language: an id or enumerated value
// (education.level, not-ready, skills.computer=4), a flag (--format), a path or a file name
// (me.yaml, answers/, C:\x), an address (https://…), an acronym or credential (RHIT, CCS-P,
// ICD-10, HIPAA, JSON). English words never take these shapes; a hyphenated lowercase word
// does (high-school), and passes as the id it usually is.
var notWords = regexp.MustCompile(`^(?:` +
	`-{1,2}[\w-]+(?:=\S*)?` + // a flag
	`|[\p{Ll}\d]+(?:[.\-_=/:][\p{Ll}\d]*)+[\p{Ll}\d/]*` + // an id, a value, a path, a file name, an address
	`|\S*[/\\]\S*` + // anything with a path separator
	`|\p{Lu}[\p{Lu}\d]+(?:-[\p{Lu}\d]+)*s?` + // an acronym, a credential (and its plural)
	`)$`)

// Leaks returns the words of text that stand outside the pseudo-language's markers and read as
// prose: what a person would meet untranslated. Allowed outside the markers: anything without a
// letter (numbers, punctuation, bars, box drawing), ids, flags, file names, paths, addresses,
// acronyms and credential names (notWords), a quoted source between “ and ”, which stays in the
// language it was written in, "hitready", and the words in allow (a respondent's name, a folder
// of the test). Markers may nest.
func Leaks(text string, allow ...string) []string {
	var outside strings.Builder
	depth, quoted := 0, false
	for _, r := range text {
		switch {
		case string(r) == PseudoOpen:
			depth++
		case string(r) == PseudoClose && depth > 0:
			depth--
		case r == '“' && depth == 0:
			quoted = true
		case r == '”' && depth == 0:
			quoted = false
		case depth == 0 && !quoted:
			outside.WriteRune(r)
			continue
		}
		outside.WriteRune(' ')
	}
	var leaks []string
	for _, word := range strings.Fields(outside.String()) {
		w := strings.TrimFunc(word, func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '/' && r != '\\' && r != '-'
		})
		w = strings.TrimRight(w, "-")
		if !strings.ContainsFunc(w, unicode.IsLetter) || notWords.MatchString(w) ||
			slices.Contains(pseudoAllowed, w) || slices.Contains(allow, w) {
			continue
		}
		leaks = append(leaks, word)
	}
	return leaks
}
