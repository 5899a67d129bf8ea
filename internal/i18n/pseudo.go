package i18n

import (
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
)

// The pseudo-language is English with every letter dotted, hooked or accented, each text between
// markers: "⟦Ȧşşėşş ẏȯǔŕ ŕėȧđǐñėşş⟧". Every string that went through the catalogue or a
// bilingual text comes back so, while ids, numbers and file names that fill a message stay as
// they are; a test that runs a command in it and finds a plain English word has found text a
// Spanish reader would meet in English. The markers show where each translated string begins
// and ends (a sentence glued from pieces shows as several); the letters survive what markers do
// not, a text wrapped over lines or cells of a table. Every letter keeps its width, so the
// pseudo-language fits where English fits.
const (
	PseudoOpen  = "⟦"
	PseudoClose = "⟧"
)

// pseudoAlphabet is the pseudo-language's letter for each English letter, a to z then A to Z,
// so that no English word, not even "P" or "Ctrl", is left without one. Each has one code point,
// one column and simple case mappings (so not İ, whose lower case is two code points).
const pseudoAlphabet = "ȧḃçđėḟģħǐĵķĺṁñȯṗɋŕşţǔṿŵẋẏżȦḂÇĐĖḞĢĦǏĴĶĹṀÑȮṖɊŔŞŢǓṾŴẊẎŻ"

var pseudoLetters = []rune(pseudoAlphabet)

// pseudo is s in the pseudo-language, between markers.
func pseudo(s string) string {
	return PseudoOpen + pseudoLettersOf(s) + PseudoClose
}

func pseudoLettersOf(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z':
			return pseudoLetters[r-'a']
		case r >= 'A' && r <= 'Z':
			return pseudoLetters[26+r-'A']
		}
		return r
	}, s)
}

// pseudoTemplate is a message template in the pseudo-language: its text changed, its actions
// ({{.File}}) not, so that the data filling it reads as the program gives it.
func pseudoTemplate(s string) string {
	var b strings.Builder
	for {
		open := strings.Index(s, "{{")
		end := strings.Index(s[max(open, 0):], "}}")
		if open < 0 || end < 0 {
			b.WriteString(pseudoLettersOf(s))
			return b.String()
		}
		end += open + 2
		b.WriteString(pseudoLettersOf(s[:open]))
		b.WriteString(s[open:end])
		s = s[end:]
	}
}

// pseudoAllowed are the words that may stand outside the markers in any output: names that stay
// as they are in every language.
var pseudoAllowed = []string{"hitready"}

// notWords are the shapes of text that is not prose in any language: an id or enumerated value
// (education.level, not-ready, skills.computer=4), a flag (--format), a path or a file name
// (me.yaml, answers/, C:\x), an address (https://…), an acronym or credential (RHIT, CCS-P,
// ICD-10, HIPAA, JSON). English words never take these shapes; a hyphenated lowercase word
// does (high-school), and passes as the id it usually is.
// Only the tests read text for leaks: compiled when first asked for, not on every start.
var notWords = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?:` +
		`-{1,2}[\w-]+(?:=\S*)?` + // a flag
		`|[\p{Ll}\d]+(?:[.\-_=/:][\p{Ll}\d]*)+[\p{Ll}\d/]*` + // an id, a value, a path, a file name, an address
		`|\S*[/\\]\S*` + // anything with a path separator
		`|\p{Lu}[\p{Lu}\d]+(?:-[\p{Lu}\d]+)*s?` + // an acronym, a credential (and its plural)
		`)$`)
})

// Leaks returns the words of text that read as prose a person would meet untranslated: outside
// the pseudo-language's markers (on their line) and without its letters. Allowed besides:
// anything without a letter (numbers, punctuation, bars, box drawing), ids, flags, file names,
// paths, addresses, acronyms and credential names (notWords), a quoted source between “ and ”,
// which stays in the language it was written in, "hitready", and the words in allow (a
// respondent's name, the bank's values). Markers may nest.
func Leaks(text string, allow ...string) []string {
	var outside strings.Builder
	depth, quoted := 0, false
	for _, r := range text {
		switch {
		case r == '\n':
			// A marker left open is a text wrapped over lines, perhaps in a table's cell with
			// other cells beside it: its letters, not the marker, tell what it is.
			depth = 0
			outside.WriteRune(r)
			continue
		case string(r) == PseudoOpen:
			depth++
		case string(r) == PseudoClose && depth > 0:
			depth--
		case r == '“':
			// A quote opened inside a marker too: a quoted source in a translated sentence
			// ("Why it matters: “…”") may be wrapped over lines, where the marker is lost.
			quoted = true
		case r == '”':
			quoted = false
		case depth == 0 && !quoted:
			outside.WriteRune(r)
			continue
		}
		outside.WriteRune(' ')
	}
	var leaks []string
	for _, w := range strings.FieldsFunc(outside.String(), notInWord) {
		w = strings.TrimRight(strings.TrimLeft(w, "._:='’"), ".-_:='’")
		if !strings.ContainsFunc(w, unicode.IsLetter) || strings.ContainsAny(w, pseudoAlphabet) ||
			notWords().MatchString(w) || slices.Contains(pseudoAllowed, w) || slices.Contains(allow, w) {
			continue
		}
		leaks = append(leaks, w)
	}
	return leaks
}

// notInWord separates words: anything but letters, digits and what ids, paths, addresses and
// contractions hold (spaces, commas, table rules, brackets, quotes).
func notInWord(r rune) bool {
	return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune(`.-_/\:=@'’`, r)
}
