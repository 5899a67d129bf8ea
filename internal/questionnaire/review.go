package questionnaire

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/prompter"
	"github.com/hitready/hitready/internal/prose"
	"github.com/hitready/hitready/questions"
)

// reviewEntry is one line of the review: a question answered (q) or the respondent's name (q nil).
type reviewEntry struct {
	q      *questions.Question
	label  string
	answer string
}

// Review lists every answer and offers to score them or to change one, until the person chooses
// to score. Changing an answer asks it again, starting on the current answer, and then settles
// the questions that depend on it (change). Every change reaches Answered, so the answers kept
// on disk follow.
func Review(p prompter.Prompter, bank *questions.Bank, answers *questions.Answers, opts Options) error {
	out, width, l := opts.out(), opts.width(), i18n.For(bank.Lang())
	for {
		entries := reviewEntries(l, bank, answers, opts.AskName)
		// Each answer whole, in the list and as an option: both prompters wrap an option too
		// long for its line on words, so none is cut short.
		options := make([]string, len(entries), len(entries)+1)
		for i, e := range entries {
			options[i] = e.label + " — " + e.answer
		}
		fmt.Fprintf(out, "\n%s\n%s", l.T("session.review.heading"), prose.Numbered(options, width))
		choice, err := p.Select(l.T("session.review.question"), l.T("session.review.help"),
			[]string{l.T("session.review.score"), l.T("session.review.change")}, 0)
		if err != nil {
			return err
		}
		if choice == 0 {
			return nil
		}
		// A way back, for a person who opened the list only to look or changed their mind.
		options = append(options, l.T("session.review.back"))
		which, err := p.Select(l.T("session.review.which"), l.T("session.review.which.help"), options, -1)
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

func reviewEntries(l *i18n.Localizer, bank *questions.Bank, answers *questions.Answers, withName bool) []reviewEntry {
	var entries []reviewEntry
	for i := range bank.Questions {
		q := &bank.Questions[i]
		ans, ok := answers.Get(q.ID)
		if bank.Asks(q, answers) != questions.Asked || (!ok && !q.Optional) {
			continue
		}
		answer := l.T("session.review.skipped")
		if ok {
			answer = describe(l, q, ans)
		}
		entries = append(entries, reviewEntry{q: q, label: q.Text, answer: answer})
	}
	if withName || answers.Respondent != "" {
		name := cmp.Or(answers.Respondent, l.T("session.review.no-name"))
		entries = append(entries, reviewEntry{label: l.T("session.name.label"), answer: name})
	}
	return entries
}

// describe is an answer as the person chose it: the option's label, "(none)" for an empty
// multi-choice, "4 of 5" for a rating.
func describe(l *i18n.Localizer, q *questions.Question, ans questions.Answer) string {
	switch q.Kind {
	case questions.OneOf:
		if c, ok := q.Choice(ans.Choice); ok {
			return c.Label
		}
	case questions.AnyOf:
		if len(ans.Choices) == 0 {
			return l.T("session.review.none")
		}
		var ls []string
		for _, v := range ans.Choices {
			if c, ok := q.Choice(v); ok {
				ls = append(ls, c.Label)
			}
		}
		return strings.Join(ls, ", ")
	case questions.Rating:
		return rating(l, ans.Rating, q.Scale.Max)
	}
	return ans.String()
}

// change asks one entry again and settles what depends on it.
func change(p prompter.Prompter, bank *questions.Bank, answers *questions.Answers, e reviewEntry, opts Options) error {
	width, l := opts.width(), i18n.For(bank.Lang())
	if e.q == nil {
		name, err := askForName(p, l, changing(l, l.T("session.name")), answers.Respondent, width)
		if err != nil {
			return err
		}
		answers.Respondent = name
		return opts.answered(answers)
	}
	before := answers.Clone()
	if err := reask(p, bank, answers, e.q, changing(l, e.q.Text), width); err != nil {
		return err
	}
	if err := settle(p, bank, answers, before, e.q, opts); err != nil {
		return err
	}
	return opts.answered(answers)
}

// reask asks q again among the values the answers allow, starting on its answer when that is
// one of them, and records the new answer or the skip.
func reask(p prompter.Prompter, bank *questions.Bank, answers *questions.Answers, q *questions.Question, message string, width int) error {
	var current *questions.Answer
	if a, ok := answers.Get(q.ID); ok && (q.Kind != questions.OneOf || bank.Allows(q, a.Choice, answers)) {
		current = &a
	}
	ans, err := ask(p, i18n.For(bank.Lang()), bank.Offered(q, answers), message, current, width)
	switch {
	case errors.Is(err, errSkipped):
		answers.Skip(q.ID)
	case err != nil:
		return err
	default:
		answers.Set(q.ID, ans)
	}
	return nil
}

// settle goes through the questions that hang on the one changed (and on them), in bank order: a
// question comes after the one it depends on, so one pass sees every consequence. An answer that
// no longer applies is dropped; a question that applies now is asked; and one that still applies
// but whose condition was answered otherwise is asked again, starting on its answer (a field of
// study chosen for an associate's degree may not be the bachelor's). An optional question left
// open before (a review of a file that skipped it) is not pressed on the person because some
// other answer changed.
func settle(p prompter.Prompter, bank *questions.Bank, answers, before *questions.Answers, changed *questions.Question, opts Options) error {
	out, width, l := opts.out(), opts.width(), i18n.For(bank.Lang())
	moved := []string{}
	if !sameAnswer(before, answers, changed.ID) {
		moved = append(moved, changed.ID)
	}
	for i := range bank.Questions {
		q := &bank.Questions[i]
		ans, answered := answers.Get(q.ID)
		asks := bank.Asks(q, answers)
		cond := movedCondition(bank, q, moved)
		var why string // why q is asked again
		switch {
		case asks == questions.NotAsked && (answered || answers.Skipped(q.ID)):
			answers.Delete(q.ID)
			if answered {
				fmt.Fprintln(out, prose.Wrap(l.T("session.review.no-longer-applies", i18n.Args{"Question": quoted(q.Text)}), width, ""))
			}
			continue
		case answered && q.Kind == questions.OneOf && !bank.Allows(q, ans.Choice, answers):
			// The change rules out this answer's value (a bachelor's program with an
			// associate's degree): asked again among what the answers allow.
			why = l.T("session.review.no-longer-fits", i18n.Args{"Question": quoted(q.Text)})
		case !answered && q.AskedWhen != nil && asks == questions.Asked && bank.Asks(q, before) != questions.Asked:
			why = l.T("session.review.applies-now", i18n.Args{"Question": quoted(q.Text)})
		case answered && asks == questions.Asked && cond != nil:
			why = l.T("session.review.still-right", i18n.Args{"Changed": quoted(cond.Text), "Question": quoted(q.Text)})
		default:
			continue
		}
		fmt.Fprintln(out, prose.Wrap(why, width, ""))
		if err := reask(p, bank, answers, q, q.Text, width); err != nil {
			return err
		}
		moved = append(moved, q.ID)
	}
	return nil
}

// movedCondition is the question among moved that q's condition names first, nil when it names
// none.
func movedCondition(bank *questions.Bank, q *questions.Question, moved []string) *questions.Question {
	for _, c := range q.AskedWhen {
		if d, ok := bank.Question(c.Question); ok && slices.Contains(moved, c.Question) {
			return d
		}
	}
	return nil
}

// sameAnswer tells whether id has the same answer (or none) in a and b.
func sameAnswer(a, b *questions.Answers, id string) bool {
	x, okA := a.Get(id)
	y, okB := b.Get(id)
	return okA == okB && x.String() == y.String()
}
