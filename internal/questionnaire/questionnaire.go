// Package questionnaire is the interactive session: it walks the question bank in order, asks
// what the answers so far leave open through a Prompter, and hands every answer to the caller as
// soon as it is given, so nothing is lost when the session stops early. After the last question a
// review lets the person change any answer before the report is made.
package questionnaire

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/hitready/hitready/internal/inputerr"
	"github.com/hitready/hitready/internal/iostreams"
	"github.com/hitready/hitready/internal/prompter"
	"github.com/hitready/hitready/internal/prose"
	"github.com/hitready/hitready/internal/textsafe"
	"github.com/hitready/hitready/questions"
)

// Options connect the session to its surroundings.
type Options struct {
	// Out receives the section intros, the opening line and the review: the terminal's
	// standard error.
	Out io.Writer
	// Width is the number of columns text is wrapped to (standard error's width); 0 means iostreams.DefaultWidth.
	Width int
	// Answered is called after every answer with all answers so far; the caller saves them.
	Answered func(*questions.Answers) error
	// AskName asks, after the questions, for the respondent's name when the answers hold
	// none, so that an advisor's cohort table shows people rather than file names.
	AskName bool
	// CannotKeep says the answers cannot be kept as they come (no file could be made for
	// them): the opening line then does not promise that Ctrl-C keeps them.
	CannotKeep bool
}

func (o Options) out() io.Writer {
	if o.Out == nil {
		return io.Discard
	}
	return o.Out
}

func (o Options) width() int {
	if o.Width <= 0 {
		return iostreams.DefaultWidth
	}
	return o.Width
}

func (o Options) answered(a *questions.Answers) error {
	if o.Answered == nil {
		return nil
	}
	return o.Answered(a)
}

// nameQuestion is the respondent's label: not a question of the bank (nothing scores it), but
// asked and reviewed like one.
const (
	nameMessage = "Your name for the report (optional)"
	nameHelp    = "It labels your report and, for an advisor, your row in a cohort table. Leave it empty to stay anonymous."
	nameLabel   = "Name for the report"
	// maxName matches what an answers file may hold as respondent.
	maxName = 200
)

// Run asks every question still open, in bank order, and records each answer in answers. A
// question whose condition is not met is skipped; one already answered is not asked again. It
// returns prompter.ErrInterrupted, unwrapped, when the person stops.
//
// The count shown, "[n/total]", starts at the most questions there can be; when an answer makes
// a later question not apply, the total shrinks and a line says which question and why, so a
// count never changes unexplained.
func Run(p prompter.Prompter, bank *questions.Bank, answers *questions.Answers, opts Options) error {
	out, width := opts.out(), opts.width()
	possible := map[string]bool{}
	undecided := false
	for i := range bank.Questions {
		q := &bank.Questions[i]
		if _, done := answers.Get(q.ID); done {
			continue
		}
		switch bank.Asks(q, answers) {
		case questions.Asked:
			possible[q.ID] = true
		case questions.Undecided:
			possible[q.ID], undecided = true, true
		}
	}
	askName := opts.AskName && answers.Respondent == ""
	total := len(possible)
	if askName {
		total++
	}
	if len(possible) == 0 {
		return nil
	}
	opening := fmt.Sprintf("%d %s to answer.", total, prose.Plural(total, "question", "questions"))
	if undecided {
		opening = fmt.Sprintf("At most %d questions to answer (some apply only after certain answers).", total)
	}
	stop := " Type ? for why a question matters; Ctrl-C stops and keeps your answers."
	if opts.CannotKeep {
		stop = " Type ? for why a question matters; Ctrl-C stops, and your answers cannot be kept."
	}
	fmt.Fprintln(out, prose.Wrap(opening+stop, width, ""))
	asked := 0
	introduced := map[string]bool{}
	for i := range bank.Questions {
		q := &bank.Questions[i]
		if !possible[q.ID] {
			continue
		}
		if bank.Asks(q, answers) != questions.Asked {
			// Still undecided once every question before it has been asked: what would decide
			// it was skipped. The count says so rather than jump.
			delete(possible, q.ID)
			total--
			fmt.Fprintln(out, prose.Wrap(fmt.Sprintf("(%d questions in all now: %q does not apply to you.)", total, q.Text), width, ""))
			continue
		}
		if !introduced[q.Section] {
			introduced[q.Section] = true
			if s, ok := bank.Section(q.Section); ok {
				fmt.Fprintf(out, "\n%s\n", prose.Wrap(fmt.Sprintf("%s: %s (source: %s)", s.Title, s.Intro, bank.Source.Title), width, ""))
			}
		}
		message := fmt.Sprintf("[%d/%d] %s", asked+1, total, q.Text)
		ans, err := ask(p, bank.Offered(q, answers), message, nil, width)
		skipped := errors.Is(err, errSkipped)
		if err != nil && !skipped {
			return err
		}
		delete(possible, q.ID)
		asked++
		if !skipped {
			answers.Set(q.ID, ans)
			if err := opts.answered(answers); err != nil {
				return err
			}
		}
		for _, dropped := range dropNotAsked(bank, answers, possible) {
			total--
			fmt.Fprintln(out, prose.Wrap(fmt.Sprintf("(%d questions in all now: %q does not apply to you.)", total, dropped.Text), width, ""))
		}
	}
	if askName {
		name, err := askForName(p, fmt.Sprintf("[%d/%d] %s", asked+1, total, nameMessage), "", width)
		if err != nil {
			return err
		}
		if name != "" {
			answers.Respondent = name
			if err := opts.answered(answers); err != nil {
				return err
			}
		}
	}
	return nil
}

// dropNotAsked removes from possible, and returns in bank order, the questions the answers now
// say are not asked.
func dropNotAsked(bank *questions.Bank, answers *questions.Answers, possible map[string]bool) []*questions.Question {
	var dropped []*questions.Question
	for i := range bank.Questions {
		q := &bank.Questions[i]
		if possible[q.ID] && bank.Asks(q, answers) == questions.NotAsked {
			delete(possible, q.ID)
			dropped = append(dropped, q)
		}
	}
	return dropped
}

// errSkipped is ask's answer when the person skips an optional question: it stays unanswered.
var errSkipped = errors.New("skipped")

// ask puts one question to the person with the prompt its kind needs. current, when not nil, is
// the answer being changed: the prompt starts on it. An optional question can be skipped
// (prompter.SkipOption), and ask then returns errSkipped.
func ask(p prompter.Prompter, q *questions.Question, message string, current *questions.Answer, width int) (questions.Answer, error) {
	help := prose.Wrap(q.Help+"\nWhy it matters: \u201c"+q.Why+"\u201d", width-2, "")
	origin := inputerr.Origin{Path: "questionnaire"}
	var ans questions.Answer
	switch q.Kind {
	case questions.OneOf:
		def := -1
		if current != nil {
			def = slices.IndexFunc(q.Values, func(c questions.Choice) bool { return c.Value == current.Choice })
		}
		options := labels(q)
		if q.Optional {
			options = append(options, prompter.SkipOption)
		}
		i, err := p.Select(message, help, options, def)
		if err != nil {
			return questions.Answer{}, err
		}
		if i == len(q.Values) {
			return questions.Answer{}, errSkipped
		}
		ans = questions.OneOfAnswer(q.Values[i].Value)
	case questions.AnyOf:
		values, err := askAnyOf(p, q, message, help, current)
		if err != nil {
			return questions.Answer{}, err
		}
		ans = questions.AnyOfAnswer(values...)
	case questions.Rating:
		s := q.Scale
		scale := make([]string, s.Max-s.Min+1)
		scale[0], scale[len(scale)-1] = s.Low, s.High
		// The list starts in the middle: a stray Enter must not record the worst rating.
		def := (s.Min + s.Max) / 2
		if current != nil {
			def = current.Rating
		}
		n, err := p.Rating(message, help, s.Min, s.Max, def, scale)
		if err != nil {
			return questions.Answer{}, err
		}
		ans = questions.RatingAnswer(n)
	default:
		return questions.Answer{}, fmt.Errorf("question %s: kind %q cannot be asked", q.ID, q.Kind)
	}
	ans.Origin = origin
	return ans, nil
}

// askAnyOf asks a multi-choice question; nothing chosen must be confirmed, since Enter alone on
// such a list is as often a slip as a choice. The confirmation is where an optional question is
// skipped: on a list, choosing nothing is the natural way to pass it by. Its words fit both
// prompters (a box is ticked in one, a number typed in the other) and every such question (the
// topics studied, the settings one would like to work in).
func askAnyOf(p prompter.Prompter, q *questions.Question, message, help string, current *questions.Answer) ([]string, error) {
	var defaults []int
	if current != nil {
		for i, c := range q.Values {
			if current.Has(c.Value) {
				defaults = append(defaults, i)
			}
		}
	}
	// What choosing nothing does, unless the question's own help says it already.
	switch {
	case q.Optional:
		help += "\nChoose nothing and press Enter to skip it."
	case !strings.Contains(strings.ToLower(q.Help), "pick none"):
		help += "\nPick none if none applies yet."
	}
	for {
		indices, err := p.MultiSelect(message, help, labels(q), defaults)
		if err != nil {
			return nil, err
		}
		if len(indices) > 0 {
			var values []string
			for _, i := range indices {
				values = append(values, q.Values[i].Value)
			}
			return values, nil
		}
		options := []string{"Choose again", "None of them: that is my answer"}
		if q.Optional {
			options = append(options, prompter.SkipOption)
		}
		confirm, err := p.Select("You chose none of the options. Is that your answer?",
			"Nothing was chosen when you pressed Enter. Choose again to pick the ones that apply.",
			options, confirmStart(q))
		if err != nil {
			return nil, err
		}
		switch confirm {
		case 1:
			return nil, nil
		case 2:
			return nil, errSkipped
		}
		defaults = nil
	}
}

// confirmStart is where the confirmation starts: on "Choose again", except that the plain
// prompter's Enter skips an optional question (it takes Enter for SkipOption when no start is
// given).
func confirmStart(q *questions.Question) int {
	if q.Optional {
		return -1
	}
	return 0
}

// askForName asks for the respondent; what an answers file cannot hold (control characters,
// more than maxName characters) is dropped rather than refused, since it is only a label.
func askForName(p prompter.Prompter, message, current string, width int) (string, error) {
	name, err := p.Input(message, prose.Wrap(nameHelp, width-2, ""), current)
	if err != nil {
		return "", err
	}
	// textsafe's controls (bidi marks, zero-width and other invisible format characters, often
	// pasted along with a name), which the answers file would refuse; a joiner inside a word
	// or an emoji is part of the name.
	name = strings.TrimSpace(textsafe.Clean(name))
	if r := []rune(name); len(r) > maxName {
		name = strings.TrimSpace(string(r[:maxName]))
	}
	return name, nil
}

func labels(q *questions.Question) []string {
	out := make([]string, len(q.Values))
	for i, c := range q.Values {
		out[i] = c.Label
	}
	return out
}

// Session asks every question still open (Run), unless none is, then shows the review
// (Review): a complete file under review is not pressed with the optional questions first.
func Session(p prompter.Prompter, bank *questions.Bank, answers *questions.Answers, opts Options) error {
	if len(bank.Open(answers)) > 0 {
		if err := Run(p, bank, answers, opts); err != nil {
			return err
		}
	}
	return Review(p, bank, answers, opts)
}
