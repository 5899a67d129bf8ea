package i18n

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kept returns the passages of t's English that its Spanish keeps word for word: runs of two
// words or more (not acronyms alone), the first capitalized, found whole in the Spanish, in the order they come. They
// are what a Spanish text quotes in English, a source's title or a body's name: "Becoming a
// Health Information Technician" in "Becoming a Health Information Technician («Cómo ser técnico
// de información de salud»)". A page marks them lang="en", so that a screen reader says them as
// English. A text without its Spanish keeps nothing.
func (t Text) Kept() []string {
	if t.Es == "" {
		return nil
	}
	words := strings.Fields(t.En)
	var kept []string
	for i := 0; i < len(words); i++ {
		first, _ := utf8.DecodeRuneInString(strings.TrimLeft(words[i], `("'“`))
		if !unicode.IsUpper(first) {
			continue
		}
		for j := len(words); j >= i+2; j-- {
			run := strings.TrimLeft(strings.TrimRight(strings.Join(words[i:j], " "), `,.;:)"'”`), `("'“`)
			if open := strings.LastIndex(run, " ("); open > 0 && !strings.Contains(run[open:], ")") {
				run = run[:open] // "Association (AHIMA" is "Association"
			}
			if prose(run) && containsWhole(t.Es, run) {
				kept = append(kept, run)
				i = j - 1
				break
			}
		}
	}
	return kept
}

// prose tells a run of words from a run of acronyms and numbers ("RHIT, RHIA", "BLS OOH"),
// which read the same in either language: two of its words are written in lower case.
func prose(run string) bool {
	n := 0
	for _, w := range strings.Fields(run) {
		if strings.IndexFunc(w, unicode.IsLower) >= 0 && len(strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLower(r) })) >= 2 {
			n++
		}
	}
	return n >= 2
}

// containsWhole tells whether s holds passage with no letter or digit glued to either end.
func containsWhole(s, passage string) bool {
	for from := 0; ; {
		i := strings.Index(s[from:], passage)
		if i < 0 {
			return false
		}
		i += from
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[i+len(passage):])
		if !inWord(before) && !inWord(after) {
			return true
		}
		from = i + 1
	}
}

func inWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
