package prompter

import (
	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/textsafe"
)

// The prompters' words, in one place, in the language of the session (messages/session.yaml).
// What a person typed is shown escaped (textsafe) and in curly quotes, as a sentence quotes it.

// SkipOption, as the last option of a Select, leaves an optional question unanswered: the
// words of language l. The survey prompter shows it as any other option; the plain one also
// takes Enter alone for it, and says so, since a person who means to skip should not have to
// count the list.
func SkipOption(l i18n.Lang) string { return i18n.For(l).T("session.skip") }

func selectHint(l *i18n.Localizer, n int) string {
	return l.T("session.plain.hint.select", i18n.Args{"Count": n})
}

func selectHintDefault(l *i18n.Localizer, n, d int) string {
	return l.T("session.plain.hint.select-default", i18n.Args{"Count": n, "Default": d})
}

func selectHintSkip(l *i18n.Localizer, n int) string {
	return l.T("session.plain.hint.select-skip", i18n.Args{"Count": n})
}

func ratingHint(l *i18n.Localizer, min, max int) string {
	return l.T("session.plain.hint.rating", i18n.Args{"Min": min, "Max": max})
}

func inputHintKeep(l *i18n.Localizer, def string) string {
	return l.T("session.plain.hint.input-keep", i18n.Args{"Default": quoted(def)})
}

func typeANumber(l *i18n.Localizer, n int) string {
	return l.T("session.plain.type-a-number", i18n.Args{"Count": n})
}

func typeAWholeNumber(l *i18n.Localizer, min, max int) string {
	return l.T("session.plain.type-a-whole-number", i18n.Args{"Min": min, "Max": max})
}

func means(l *i18n.Localizer, n int) string {
	return l.T("session.plain.means", i18n.Args{"N": n}) + " "
}

func notAChoice(l *i18n.Localizer, typed string, n int) string {
	return l.T("session.plain.not-a-choice", i18n.Args{"Typed": quoted(typed), "Count": n})
}

func quoted(s string) string { return "\u201c" + textsafe.Escape(s) + "\u201d" }
