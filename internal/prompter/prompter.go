// Package prompter asks one question at a time on a terminal. The Prompter interface is all the
// questionnaire sees, so the survey-backed terminal UI (survey is archived upstream) can be
// replaced, a plain line-by-line prompter serves screen readers and dumb terminals, and tests use
// a scripted fake.
package prompter

import "errors"

// ErrInterrupted is what every prompter returns when the person stops: Ctrl-C, or the end of
// input. The caller keeps what was answered and exits 130.
var ErrInterrupted = errors.New("interrupted")

// Prompter asks the kinds of question the bank has.
type Prompter interface {
	// Select asks for one of options and returns its index. def is preselected, or -1 for none.
	Select(message, help string, options []string, def int) (int, error)
	// MultiSelect asks for any of options, none included, and returns the chosen indices in
	// option order. defaults are preselected.
	MultiSelect(message, help string, options []string, defaults []int) ([]int, error)
	// Rating asks for a whole number from min to max; labels[i], if not empty, says what min+i
	// means for this question.
	Rating(message, help string, min, max int, labels []string) (int, error)
}
