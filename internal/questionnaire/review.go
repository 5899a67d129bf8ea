package questionnaire

import (
	"errors"
	"fmt"
	"strings"

	"github.com/hitready/hitready/internal/prompter"
	"github.com/hitready/hitready/internal/prose"
	"github.com/hitready/hitready/questions"
)

// backToReview is the last choice of "Which answer do you want to change?": none.
const backToReview = "Back to the review"

// skippedAnswer is how the review shows an optional question left unanswered.
const skippedAnswer = "(skipped)"

// reviewEntry is one line of the review: a question answered (q) or the respondent's name (q nil).
type reviewEntry struct {
	q      *questions.Question
	label  string
	answer string
}

// Review lists every answer and offers to score them or to change one, until the person chooses
// to score. Changing an answer asks it again, starting on the current answer, and then settles
// the questions that depend on it: an answer that no longer applies is dropped, a question that
// now applies is asked. Every change reaches Answered, so the answers kept on disk follow.
func Review(p prompter.Prompter, bank *questions.Bank, answers *questions.Answers, opts Options) error {
	out, width := opts.out(), opts.width()
	for {
		entries := reviewEntries(bank, answers, opts.AskName)
		fmt.Fprintf(out, "\nYour answers:\n")
		digits := len(fmt.Sprint(len(entries)))
		for i, e := range entries {
			prefix := fmt.Sprintf("  %*d. ", digits, i+1)
			indent := strings.Repeat(" ", len(prefix))
			fmt.Fprintln(out, prefix+prose.Wrap(e.label+" — "+e.answer, width-len(prefix), indent))
		}
		choice, err := p.Select("Score these answers, or change one?",
			"Changing an answer asks it again, and any question that depends on it.",
			[]string{"Score these answers", "Change an answer"}, 0)
		if err != nil {
			return err
		}
		if choice == 0 {
			return nil
		}
		// One line each, whatever the prompter: survey does not wrap its options, and the
		// plain prompter's "  17. " takes six columns more.
		options := make([]string, len(entries), len(entries)+1)
		for i, e := range entries {
			options[i] = prose.Truncate(e.label+" — "+e.answer, width-8)
		}
		// A way back, for a person who opened the list only to look or changed their mind.
		options = append(options, backToReview)
		which, err := p.Select("Which answer do you want to change?", "The list is the one above, in the same order; the last choice changes nothing.", options, -1)
		if err != nil {
			return err
		}
		if which == len(entries) {
			continue
		}
		if err := change(p, bank, answers, entries[which], opts); err != nil {
			return err
		}
	}
}

func reviewEntries(bank *questions.Bank, answers *questions.Answers, withName bool) []reviewEntry {
	var entries []reviewEntry
	for i := range bank.Questions {
		q := &bank.Questions[i]
		ans, ok := answers.Get(q.ID)
		if bank.Asks(q, answers) != questions.Asked || (!ok && !q.Optional) {
			continue
		}
		answer := skippedAnswer
		if ok {
			answer = describe(q, ans)
		}
		entries = append(entries, reviewEntry{q: q, label: q.Text, answer: answer})
	}
	if withName || answers.Respondent != "" {
		name := answers.Respondent
		if name == "" {
			name = "(none)"
		}
		entries = append(entries, reviewEntry{label: nameLabel, answer: name})
	}
	return entries
}

// describe is an answer as the person chose it: the option's label, "(none)" for an empty
// multi-choice, "4 of 5" for a rating.
func describe(q *questions.Question, ans questions.Answer) string {
	switch q.Kind {
	case questions.OneOf:
		if c, ok := q.Choice(ans.Choice); ok {
			return c.Label
		}
	case questions.AnyOf:
		if len(ans.Choices) == 0 {
			return "(none)"
		}
		var ls []string
		for _, v := range ans.Choices {
			if c, ok := q.Choice(v); ok {
				ls = append(ls, c.Label)
			}
		}
		return strings.Join(ls, ", ")
	case questions.Rating:
		// No-break spaces: "4 of 5" is one unit, never split across lines.
		return fmt.Sprintf("%d\u00a0of\u00a0%d", ans.Rating, q.Scale.Max)
	}
	return ans.String()
}

// change asks one entry again and settles what depends on it.
func change(p prompter.Prompter, bank *questions.Bank, answers *questions.Answers, e reviewEntry, opts Options) error {
	width := opts.width()
	if e.q == nil {
		name, err := askForName(p, "Change: "+nameMessage, answers.Respondent, width)
		if err != nil {
			return err
		}
		answers.Respondent = name
		return opts.answered(answers)
	}
	var current *questions.Answer
	if a, ok := answers.Get(e.q.ID); ok {
		current = &a
	}
	ans, err := ask(p, bank.Offered(e.q, answers), "Change: "+e.q.Text, current, width)
	skipped := errors.Is(err, errSkipped)
	if err != nil && !skipped {
		return err
	}
	before := answers.Clone()
	if skipped {
		answers.Delete(e.q.ID)
	} else {
		answers.Set(e.q.ID, ans)
	}
	// Settle the questions that hang on this one (and on them), in bank order: a question
	// comes after the one it depends on, so one pass sees every consequence. Only a question
	// the change brings in is asked: an optional one left open before (a review of a file
	// that skipped it) is not pressed on the person because some other answer changed.
	for i := range bank.Questions {
		q := &bank.Questions[i]
		_, answered := answers.Get(q.ID)
		switch {
		case answered && bank.Asks(q, answers) == questions.NotAsked:
			answers.Delete(q.ID)
			fmt.Fprintln(opts.out(), prose.Wrap(fmt.Sprintf("(%q no longer applies; its answer is dropped.)", q.Text), width, ""))
		case answered && q.Kind == questions.OneOf && !bank.Allows(q, choiceOf(answers, q.ID), answers):
			// The change rules out this answer's value (a bachelor's program with an
			// associate's degree): ask again among what the answers allow.
			fmt.Fprintln(opts.out(), prose.Wrap(fmt.Sprintf("(%q: your answer no longer fits; choose again.)", q.Text), width, ""))
			if err := reask(p, bank, answers, q, width); err != nil {
				return err
			}
		case !answered && q.AskedWhen != nil && bank.Asks(q, answers) == questions.Asked && bank.Asks(q, before) != questions.Asked:
			fmt.Fprintln(opts.out(), prose.Wrap(fmt.Sprintf("(%q applies now.)", q.Text), width, ""))
			dep, err := ask(p, bank.Offered(q, answers), q.Text, nil, width)
			if errors.Is(err, errSkipped) {
				continue
			}
			if err != nil {
				return err
			}
			answers.Set(q.ID, dep)
		}
	}
	return opts.answered(answers)
}

// choiceOf is the person's choice for a one-of question, "" when unanswered.
func choiceOf(answers *questions.Answers, id string) string {
	ans, _ := answers.Get(id)
	return ans.Choice
}

// reask asks q again among the values the answers allow; skipping an optional one leaves it
// unanswered.
func reask(p prompter.Prompter, bank *questions.Bank, answers *questions.Answers, q *questions.Question, width int) error {
	ans, err := ask(p, bank.Offered(q, answers), q.Text, nil, width)
	switch {
	case errors.Is(err, errSkipped):
		answers.Delete(q.ID)
	case err != nil:
		return err
	default:
		answers.Set(q.ID, ans)
	}
	return nil
}
