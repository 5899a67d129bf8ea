package i18n

import (
	"errors"
	"strings"

	"golang.org/x/text/language"
)

// Lang is a language hitready speaks, by its BCP 47 code: what `--lang` takes and what a report's
// "lang" field says.
type Lang string

const (
	English Lang = "en"
	Spanish Lang = "es"

	// Pseudo is the pseudo-language of tests: every translated string comes back as its English
	// wrapped in PseudoOpen and PseudoClose, so that a test can find text that never went
	// through the catalogue. Neither --lang nor the environment can choose it.
	Pseudo Lang = "qps"
)

// Langs lists the languages a person may choose, the default first.
func Langs() []Lang { return []Lang{English, Spanish} }

// Tag is the language's BCP 47 tag, as HTML's lang attribute wants it.
func (l Lang) Tag() language.Tag {
	if l == Spanish {
		return language.Spanish
	}
	return language.English
}

// Name is the language's name in itself, for messages that list the choices.
func (l Lang) Name() string {
	switch l {
	case English:
		return "English"
	case Spanish:
		return "español"
	}
	return string(l)
}

// ErrUnknown is the error Parse returns for a language hitready does not have.
var ErrUnknown = errors.New("not a language hitready has; allowed: en (English), es (español)")

// matcher picks among the languages hitready has; its first one is the fallback.
var matcher = language.NewMatcher([]language.Tag{language.English, language.Spanish})

// Parse reads a language as `--lang` or a locale variable gives it: a BCP 47 tag ("es",
// "es-419", "EN") or a POSIX locale name ("es_US.UTF-8", "es_MX", "es_ES@euro"). A language
// hitready does not have is ErrUnknown.
//
// The matcher canonicalises the tag (regions, scripts, three-letter codes such as "spa"), but
// its mutual-intelligibility fallbacks are not taken: CLDR sends Galician and Basque readers to
// Spanish, and the contract says that only Spanish means Spanish.
func Parse(s string) (Lang, error) {
	tag, err := language.Parse(posixToBCP47(s))
	if err != nil {
		return "", ErrUnknown
	}
	matched, _, conf := matcher.Match(tag)
	want, _ := tag.Base()
	got, _ := matched.Base()
	if conf < language.High || want != got {
		return "", ErrUnknown
	}
	if got.String() == "es" {
		return Spanish, nil
	}
	return English, nil
}

// posixToBCP47 turns a POSIX locale name into a BCP 47 tag: the codeset (".UTF-8") and the
// modifier ("@euro") go, and the underscore becomes a hyphen. "C" and "POSIX" stay as they are
// and parse as no language.
func posixToBCP47(s string) string {
	s, _, _ = strings.Cut(s, "@")
	s, _, _ = strings.Cut(s, ".")
	return strings.ReplaceAll(strings.TrimSpace(s), "_", "-")
}

// EnvVars are the variables FromEnv reads, in order: hitready's own, then POSIX's for messages.
var EnvVars = []string{"HITREADY_LANG", "LC_ALL", "LC_MESSAGES", "LANG"}

// FromEnv is the language the environment asks for: the first of EnvVars that is set and not
// empty decides, as POSIX has LC_ALL override LC_MESSAGES and LANG (LC_ALL=C with LANG=es_MX is
// English). A value naming Spanish means Spanish; anything else (C, POSIX, a language hitready
// does not have, nonsense) means English: the environment never makes a run fail.
func FromEnv(getenv func(string) string) Lang {
	for _, name := range EnvVars {
		v := getenv(name)
		if v == "" {
			continue
		}
		if l, err := Parse(v); err == nil {
			return l
		}
		return English
	}
	return English
}
