package i18n

// The pseudo-language's markers. Every string that went through the catalogue or a bilingual
// text comes back between them when the language is Pseudo, so that a test that runs a command in
// it and finds words outside them has found text a Spanish reader would meet in English.
const (
	PseudoOpen  = "⟦"
	PseudoClose = "⟧"
)
