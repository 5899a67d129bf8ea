package prompter

import (
	"fmt"

	"github.com/hitready/hitready/internal/textsafe"
)

// The plain prompter's words, in one place. What a person typed is shown escaped (textsafe) and
// in curly quotes, as a sentence quotes it.

// SkipOption, as the last option of a Select, leaves an optional question unanswered. The
// survey prompter shows it as any other option; the plain one also takes Enter alone for it,
// and says so, since a person who means to skip should not have to count the list.
const SkipOption = "Skip (leave it unanswered)"

const (
	yourChoice      = "Your choice"
	yourChoices     = "Your choices"
	yourRating      = "Your rating"
	multiSelectHint = "(numbers separated by commas, Enter for none, ? for help)"
	inputHint       = "(Enter to skip, ? for help)"
	noArrowKeys     = "Arrow keys do not work here: type the number of your choice (or numbers, separated by commas, where several may be chosen), then Enter."
)

func selectHint(n int) string           { return fmt.Sprintf("(1-%d, ? for help)", n) }
func selectHintDefault(n, d int) string { return fmt.Sprintf("(1-%d, Enter for %d, ? for help)", n, d) }
func selectHintSkip(n int) string       { return fmt.Sprintf("(1-%d, Enter to skip, ? for help)", n) }
func ratingHint(min, max int) string    { return fmt.Sprintf("(%d-%d, ? for help)", min, max) }
func inputHintKeep(def string) string {
	return fmt.Sprintf("(Enter keeps %s, ? for help)", quoted(def))
}
func typeANumber(n int) string { return fmt.Sprintf("Please type a number from 1 to %d.", n) }
func typeAWholeNumber(min, max int) string {
	return fmt.Sprintf("Please type a whole number from %d to %d.", min, max)
}
func means(n int) string { return fmt.Sprintf("%d means: ", n) }

func notAChoice(typed string, n int) string {
	return fmt.Sprintf("%s is not a choice; type numbers from 1 to %d, separated by commas.", quoted(typed), n)
}

func quoted(s string) string { return "\u201c" + textsafe.Escape(s) + "\u201d" }
