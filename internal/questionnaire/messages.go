package questionnaire

import (
	"fmt"
	"strings"

	"github.com/hitready/hitready/internal/prose"
	"github.com/hitready/hitready/internal/textsafe"
)

// The sentences the keeping of answers says, in one place. Names from the file system are
// escaped (textsafe): they may hold anything but NUL.

func cannotKeep(err error) string {
	return "warning: cannot keep your answers as you go: " + textsafe.Escape(err.Error())
}

func keptInstead(failure, kept string) string {
	return fmt.Sprintf("warning: %s; your answers are kept in %s instead", textsafe.Escape(failure), textsafe.Escape(kept))
}

func latestNotKept(path string, err error) string {
	return fmt.Sprintf("warning: your latest answer could not be kept (%s): %s holds only the answers before it",
		textsafe.Escape(Reason(path, err)), textsafe.Escape(path))
}

func keptAgain(path string) string {
	return fmt.Sprintf("Your answers are kept in %s again.", textsafe.Escape(path))
}

func keptElsewhere(kept, source string, review bool) string {
	if review {
		return fmt.Sprintf("Changes you make here are kept in %s; %s stays as it is.", textsafe.Escape(kept), textsafe.Escape(source))
	}
	return fmt.Sprintf("Your answers are kept in %s as you go; %s stays as it is.", textsafe.Escape(kept), textsafe.Escape(source))
}

// CannotWrite words a failure to write name as "cannot write NAME: REASON".
func CannotWrite(name string, err error) string {
	return "cannot write " + name + ": " + Reason(name, err)
}

// Reason is why name could not be written, without the name when err already gives it
// ("writing NAME: …", "NAME: …", "cannot be written: …").
func Reason(name string, err error) string {
	msg := err.Error()
	for _, prefix := range []string{"writing " + name + ": ", name + ": "} {
		if rest, ok := strings.CutPrefix(msg, prefix); ok {
			msg = rest
			break
		}
	}
	return strings.TrimPrefix(msg, "cannot be written: ")
}

// The session's own words: the opening line, the counts, the section intros, the review.
// A question's text is quoted with curly quotes, as a sentence quotes a title.

const (
	nameMessage   = "Your name for the report (optional)"
	nameHelp      = "It labels your report and, for an advisor, your row in a cohort table. Leave it empty to stay anonymous."
	nameLabel     = "Name for the report"
	noneAnswer    = "(none)"
	skippedAnswer = "(skipped)" // an optional question left unanswered, in the review
	changePrefix  = "Change: "

	reviewHeading  = "Your answers:"
	reviewQuestion = "Score these answers, or change one?"
	reviewHelp     = "Changing an answer asks it again, and any question that depends on it."
	reviewScore    = "Score these answers"
	reviewChange   = "Change an answer"
	whichQuestion  = "Which answer do you want to change?"
	whichHelp      = "The list is the one above, in the same order; the last choice changes nothing."
	backToReview   = "Back to the review" // the last choice of whichQuestion: none

	whyItMatters    = "Why it matters: \u201c%s\u201d"
	chooseNothing   = "Choose nothing and press Enter to skip it."
	pickNone        = "Pick none if none applies yet."
	noneChosen      = "You chose none of the options. Is that your answer?"
	noneChosenHelp  = "Nothing was chosen when you pressed Enter. Choose again to pick the ones that apply."
	chooseAgain     = "Choose again"
	noneIsMyAnswer  = "None of them: that is my answer"
	pickNoneInHelp  = "pick none" // a question's help that already says how to choose nothing
	ctrlCKeeps      = "Type ? for why a question matters; Ctrl-C stops and keeps your answers."
	ctrlCCannotKeep = "Type ? for why a question matters; Ctrl-C stops, and your answers cannot be kept."
)

// opening is the first line of a session: how many questions, how many of them answered
// already (a session resumed, a file that answers some), and what Ctrl-C does.
func opening(done, total int, atMost, canKeep bool) string {
	var s string
	switch {
	case done > 0 && atMost:
		s = fmt.Sprintf("%d of at most %d questions answered already; the rest now (some apply only after certain answers).", done, total)
	case done > 0:
		s = fmt.Sprintf("%d of %d questions answered already; the rest now.", done, total)
	case atMost:
		s = fmt.Sprintf("At most %d questions to answer (some apply only after certain answers).", total)
	default:
		s = fmt.Sprintf("%d %s to answer.", total, prose.Plural(total, "question", "questions"))
	}
	if canKeep {
		return s + " " + ctrlCKeeps
	}
	return s + " " + ctrlCCannotKeep
}

// counted is a question with its place in the session: "[3/20] text".
func counted(n, total int, text string) string { return fmt.Sprintf("[%d/%d] %s", n, total, text) }

func doesNotApply(total int, text string) string {
	return fmt.Sprintf("(%d %s in all now: %s does not apply to you.)", total, prose.Plural(total, "question", "questions"), quoted(text))
}

func sectionIntro(title, intro, source string) string {
	return fmt.Sprintf("%s: %s (source: %s)", title, intro, source)
}

func noLongerApplies(text string) string {
	return fmt.Sprintf("(%s no longer applies; its answer is dropped.)", quoted(text))
}

func noLongerFits(text string) string {
	return fmt.Sprintf("(%s: your answer no longer fits; choose again.)", quoted(text))
}

func appliesNow(text string) string { return fmt.Sprintf("(%s applies now.)", quoted(text)) }

func stillRight(changed, text string) string {
	return fmt.Sprintf("(You changed %s: is your answer to %s still right?)", quoted(changed), quoted(text))
}

// rating is a rating as the review shows it: "4 of 5", held together by no-break spaces.
func rating(n, max int) string { return fmt.Sprintf("%d\u00a0of\u00a0%d", n, max) }

func quoted(text string) string { return "\u201c" + text + "\u201d" }
