package questionnaire

import (
	"strings"

	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/textsafe"
)

// keeperSays is one of the sentences the keeping of answers says (id in messages/session.yaml),
// in the language of the session. Every argument is a name from the file system or a reason
// that holds one, and is escaped (textsafe): it may hold anything but NUL.
func keeperSays(l *i18n.Localizer, id string, args i18n.Args) string {
	for k, v := range args {
		args[k] = textsafe.Escape(v.(string))
	}
	return l.T(id, args)
}

// CannotWrite words a failure to write name as "cannot write NAME: REASON", in l's language.
func CannotWrite(l *i18n.Localizer, name string, err error) string {
	return l.T("session.cannot-write", i18n.Args{"File": name, "Reason": Reason(name, err)})
}

// Reason is why name could not be written, without the name when err already gives it
// ("writing NAME: …", "NAME: …") and without fileio's "cannot be written" or "could not be
// written" in either language (errors.output.* in messages/errors.yaml), which the sentence it
// goes in says already.
func Reason(name string, err error) string {
	msg := err.Error()
	for _, prefix := range []string{"writing " + name + ": ", name + ": "} {
		if rest, ok := strings.CutPrefix(msg, prefix); ok {
			msg = rest
			break
		}
	}
	for _, prefix := range []string{"cannot be written: ", "no se puede escribir: "} {
		if rest, ok := strings.CutPrefix(msg, prefix); ok {
			return rest
		}
	}
	for _, prefix := range []string{"no se puede escribir (", "no se pudo escribir ("} {
		if rest, ok := strings.CutPrefix(msg, prefix); ok && strings.HasSuffix(rest, ")") {
			return strings.TrimSuffix(rest, ")")
		}
	}
	return msg
}

// The session's own words: the opening line, the counts, the section intros, the review.
// A question's text is quoted with curly quotes, as a sentence quotes a title.

// opening is the first line of a session: how many questions, how many of them answered
// already (a session resumed, a file that answers some), and what Ctrl-C does.
func opening(l *i18n.Localizer, done, total int, atMost, canKeep bool) string {
	var s string
	args := i18n.Args{"Done": done, "Total": total}
	switch {
	case done > 0 && atMost:
		s = l.T("session.opening.resumed-at-most", args)
	case done > 0:
		s = l.T("session.opening.resumed", args)
	case atMost:
		s = l.T("session.opening.at-most", args)
	default:
		s = l.N("session.opening.count", total)
	}
	if canKeep {
		return s + " " + l.T("session.opening.ctrl-c-keeps")
	}
	return s + " " + l.T("session.opening.ctrl-c-cannot-keep")
}

// counted is a question with its place in the session: "[3/20] text".
func counted(l *i18n.Localizer, n, total int, text string) string {
	return l.T("session.counted", i18n.Args{"N": n, "Total": total, "Question": text})
}

func doesNotApply(l *i18n.Localizer, total int, text string) string {
	return l.N("session.does-not-apply", total, i18n.Args{"Question": quoted(text)})
}

func changing(l *i18n.Localizer, text string) string {
	return l.T("session.review.change-prefix", i18n.Args{"Question": text})
}

// rating is a rating as the review shows it: "4 of 5", held together by no-break spaces.
func rating(l *i18n.Localizer, n, max int) string {
	return l.T("session.review.rating", i18n.Args{"N": n, "Max": max})
}

// whyItMatters is the help's last part: the quote as written and, on the next line, its
// rendering in the session's language, if it has one (an English session has none).
func whyItMatters(l *i18n.Localizer, why, rendering string) string {
	said := l.T("session.why", i18n.Args{"Why": why})
	if rendering == "" {
		return said
	}
	return said + "\n" + l.T("session.why.rendering", i18n.Args{"Rendering": rendering})
}

// helpSaysPickNone tells whether a question's own help says already how to choose nothing.
func helpSaysPickNone(l *i18n.Localizer, help string) bool {
	words := strings.Trim(l.T("session.pick-none-in-help"), i18n.PseudoOpen+i18n.PseudoClose)
	return strings.Contains(strings.ToLower(help), words)
}

func quoted(text string) string { return "\u201c" + text + "\u201d" }
