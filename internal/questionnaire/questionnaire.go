// Package questionnaire is the interactive session: it walks the question bank in order, asks
// what the answers so far leave open through a Prompter, and hands every answer to the caller as
// soon as it is given, so nothing is lost when the session stops early.
package questionnaire

import (
	"fmt"
	"io"

	"github.com/hitready/hitready/internal/prompter"
	"github.com/hitready/hitready/questions"
)

// Options connect the session to its surroundings.
type Options struct {
	// Out receives the section intros and the opening line: the terminal's standard error.
	Out io.Writer
	// Answered is called after every answer with all answers so far; the caller saves them.
	Answered func(*questions.Answers) error
}

// Run asks every question still open, in bank order, and records each answer in answers. A
// question whose condition is not met is skipped; one already answered is not asked again. It
// returns prompter.ErrInterrupted, unwrapped, when the person stops.
func Run(p prompter.Prompter, bank *questions.Bank, answers *questions.Answers, opts Options) error {
	out := opts.Out
	if out == nil {
		out = io.Discard
	}
	pending := Pending(bank, answers)
	if pending == 0 {
		return nil
	}
	fmt.Fprintf(out, "%d %s to answer. Type ? for why a question matters; Ctrl-C stops and keeps your answers.\n",
		pending, plural(pending, "question", "questions"))
	asked := 0
	introduced := map[string]bool{}
	for i := range bank.Questions {
		q := &bank.Questions[i]
		if _, done := answers.Get(q.ID); done || bank.Asks(q, answers) != questions.Asked {
			continue
		}
		if !introduced[q.Section] {
			introduced[q.Section] = true
			if s, ok := bank.Section(q.Section); ok {
				fmt.Fprintf(out, "\n%s: %s (source: %s)\n", s.Title, s.Intro, bank.Source.Title)
			}
		}
		// The total counts the questions still to come as things stand; a later answer can
		// only shrink it (a condition not met), never grow it.
		total := asked + Pending(bank, answers)
		message := fmt.Sprintf("[%d/%d] %s", asked+1, total, q.Text)
		ans, err := Ask(p, q, message)
		if err != nil {
			return err
		}
		answers.Set(q.ID, ans)
		asked++
		if opts.Answered != nil {
			if err := opts.Answered(answers); err != nil {
				return err
			}
		}
	}
	return nil
}

// Pending counts the questions that are unanswered and asked, or may be asked once an earlier
// question is answered.
func Pending(bank *questions.Bank, answers *questions.Answers) int {
	n := 0
	for i := range bank.Questions {
		q := &bank.Questions[i]
		if _, done := answers.Get(q.ID); !done && bank.Asks(q, answers) != questions.NotAsked {
			n++
		}
	}
	return n
}

// Ask puts one question to the person with the prompt its kind needs.
func Ask(p prompter.Prompter, q *questions.Question, message string) (questions.Answer, error) {
	help := q.Help + "\nWhy it matters: \u201c" + q.Why + "\u201d"
	origin := questions.Origin{Path: "questionnaire"}
	switch q.Kind {
	case questions.OneOf:
		i, err := p.Select(message, help, labels(q), -1)
		if err != nil {
			return questions.Answer{}, err
		}
		ans := questions.OneOfAnswer(q.Values[i].Value)
		ans.Origin = origin
		return ans, nil
	case questions.AnyOf:
		indices, err := p.MultiSelect(message, help+"\nPick none if none applies yet.", labels(q), nil)
		if err != nil {
			return questions.Answer{}, err
		}
		var values []string
		for _, i := range indices {
			values = append(values, q.Values[i].Value)
		}
		ans := questions.AnyOfAnswer(values...)
		ans.Origin = origin
		return ans, nil
	case questions.Rating:
		s := q.Scale
		scale := make([]string, s.Max-s.Min+1)
		scale[0], scale[len(scale)-1] = s.Low, s.High
		n, err := p.Rating(message, help, s.Min, s.Max, scale)
		if err != nil {
			return questions.Answer{}, err
		}
		ans := questions.RatingAnswer(n)
		ans.Origin = origin
		return ans, nil
	}
	return questions.Answer{}, fmt.Errorf("question %s: kind %q cannot be asked", q.ID, q.Kind)
}

func labels(q *questions.Question) []string {
	out := make([]string, len(q.Values))
	for i, c := range q.Values {
		out[i] = c.Label
	}
	return out
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
