package prompter

import (
	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/textsafe"
)

// The prompters' words are in messages/session.yaml, in the language of the session. What a
// person typed is shown escaped (textsafe) and in curly quotes, as a sentence quotes it.

// SkipOption, as the last option of a Select, leaves an optional question unanswered: the
// words of language l. The survey prompter shows it as any other option; the plain one also
// takes Enter alone for it, and says so, since a person who means to skip should not have to
// count the list.
func SkipOption(l i18n.Lang) string { return i18n.For(l).T("session.skip") }

func quoted(s string) string { return "\u201c" + textsafe.Escape(s) + "\u201d" }
