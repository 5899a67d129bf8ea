// Package questionnaire is the interactive session: it walks the question bank in order, asks
// what the answers so far leave open through a Prompter, and hands every answer to the caller as
// soon as it is given, so nothing is lost when the session stops early. After the last question a
// review lets the person change any answer before the report is made.
package questionnaire

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/hitready/hitready/internal/i18n"
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

func (o Options) out() io.Writer { return cmp.Or(o.Out, io.Discard) }

func (o Options) width() int { return iostreams.Width(o.Width) }

func (o Options) answered(a *questions.Answers) error {
	if o.Answered == nil {
		return nil
	}
	return o.Answered(a)
}

// maxName matches what an answers file may hold as respondent.
const maxName = 200

// Run asks every question still open, in bank order, and records each answer in answers. A
// question whose condition is not met is passed over; one already answered, or skipped (an
// optional question the person left unanswered, in this session or an earlier one), is not
// asked again. It returns prompter.ErrInterrupted, unwrapped, when the person stops.
//
// The count shown, "[n/total]", goes on from the questions answered already (a session resumed
// after Ctrl-C goes on at [11/20], not [1/10]) and starts at the most questions there can be;
// when an answer makes a later question not apply, the total shrinks and a line says which
// question and why, so a count never changes unexplained.
func Run(p prompter.Prompter, bank *questions.Bank, answers *questions.Answers, opts Options) error {
	r := &run{p: p, bank: bank, answers: answers, opts: opts, out: opts.out(), width: opts.width(),
		l: i18n.For(bank.Lang()), possible: map[string]bool{}, introduced: map[string]bool{}}
	undecided := r.plan()
	if len(r.possible) == 0 {
		return nil
	}
	fmt.Fprintln(r.out, prose.Wrap(opening(r.l, r.done, r.total, undecided, !opts.CannotKeep), r.width, ""))
	for i := range bank.Questions {
		if err := r.askOne(&bank.Questions[i]); err != nil {
			return err
		}
	}
	if !r.askName {
		return nil
	}
	name, err := askForName(p, r.l, counted(r.l, r.done+1, r.total, r.l.T("session.name")), "", r.width)
	if err != nil || name == "" {
		return err
	}
	answers.Respondent = name
	return opts.answered(answers)
}

// run is one pass of Run over the bank.
type run struct {
	p          prompter.Prompter
	bank       *questions.Bank
	answers    *questions.Answers
	opts       Options
	out        io.Writer
	width      int
	l          *i18n.Localizer // the bank's language
	possible   map[string]bool // the questions that may still be asked
	introduced map[string]bool // the sections whose intro was shown
	done       int             // questions answered or skipped, before this session and in it
	total      int             // done and the most that may still be asked
	askName    bool
}

// plan counts what is done and what may be asked; undecided says some questions apply only
// after answers not given yet.
func (r *run) plan() (undecided bool) {
	for i := range r.bank.Questions {
		q := &r.bank.Questions[i]
		_, answered := r.answers.Get(q.ID)
		switch r.bank.Asks(q, r.answers) {
		case questions.Asked:
			if answered || r.answers.Skipped(q.ID) {
				r.done++
			} else {
				r.possible[q.ID] = true
			}
		case questions.Undecided:
			r.possible[q.ID], undecided = true, true
		}
	}
	r.askName = r.opts.AskName && r.answers.Respondent == ""
	r.total = r.done + len(r.possible)
	if r.askName {
		r.total++
	}
	return undecided
}

// askOne asks q if it is still to be asked, keeps the answer (or the skip) and settles the
// count for the questions the answer rules out.
func (r *run) askOne(q *questions.Question) error {
	if !r.possible[q.ID] {
		return nil
	}
	delete(r.possible, q.ID)
	if r.bank.Asks(q, r.answers) != questions.Asked {
		// Still undecided once every question before it has been asked: what would decide
		// it was skipped. The count says so rather than jump.
		r.total--
		fmt.Fprintln(r.out, prose.Wrap(doesNotApply(r.l, r.total, q.Text), r.width, ""))
		return nil
	}
	if !r.introduced[q.Section] {
		r.introduced[q.Section] = true
		if s, ok := r.bank.Section(q.Section); ok {
			fmt.Fprintf(r.out, "\n%s\n", prose.Wrap(r.l.T("session.section", i18n.Args{"Title": s.Title, "Intro": s.Intro, "Source": r.bank.Source.Title}), r.width, ""))
		}
	}
	ans, err := ask(r.p, r.l, r.bank.Offered(q, r.answers), counted(r.l, r.done+1, r.total, q.Text), nil, r.width)
	switch {
	case errors.Is(err, errSkipped):
		r.answers.Skip(q.ID) // kept too: a session resumed does not ask it again
	case err != nil:
		return err
	default:
		r.answers.Set(q.ID, ans)
	}
	r.done++
	if err := r.opts.answered(r.answers); err != nil {
		return err
	}
	// The questions the answers now say are not asked leave the count, in bank order.
	for i := range r.bank.Questions {
		if d := &r.bank.Questions[i]; r.possible[d.ID] && r.bank.Asks(d, r.answers) == questions.NotAsked {
			delete(r.possible, d.ID)
			r.total--
			fmt.Fprintln(r.out, prose.Wrap(doesNotApply(r.l, r.total, d.Text), r.width, ""))
		}
	}
	return nil
}

// errSkipped is ask's answer when the person skips an optional question: it stays unanswered.
var errSkipped = errors.New("skipped")

// ask puts one question to the person with the prompt its kind needs. current, when not nil, is
// the answer being changed: the prompt starts on it. An optional question can be skipped
// (prompter.SkipOption), and ask then returns errSkipped.
func ask(p prompter.Prompter, l *i18n.Localizer, q *questions.Question, message string, current *questions.Answer, width int) (questions.Answer, error) {
	help := prose.Wrap(q.Help+"\n"+whyItMatters(l, q.Why, q.WhyTranslation), width-2, "")
	var ans questions.Answer
	switch q.Kind {
	case questions.OneOf:
		def := -1
		if current != nil {
			def = slices.IndexFunc(q.Values, func(c questions.Choice) bool { return c.Value == current.Choice })
		}
		options := labels(q)
		if q.Optional {
			options = append(options, prompter.SkipOption(l.Lang()))
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
		values, err := askAnyOf(p, l, q, message, help, current)
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
	ans.Origin = inputerr.Origin{Path: "questionnaire"}
	return ans, nil
}

// askAnyOf asks a multi-choice question; nothing chosen must be confirmed, since Enter alone on
// such a list is as often a slip as a choice. The confirmation is where an optional question is
// skipped: on a list, choosing nothing is the natural way to pass it by. Its words fit both
// prompters (a box is ticked in one, a number typed in the other) and every such question (the
// topics studied, the settings one would like to work in).
func askAnyOf(p prompter.Prompter, l *i18n.Localizer, q *questions.Question, message, help string, current *questions.Answer) ([]string, error) {
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
		help += "\n" + l.T("session.choose-nothing")
	case !helpSaysPickNone(l, q.Help):
		help += "\n" + l.T("session.pick-none")
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
		// The confirmation starts on "Choose again", except that the plain prompter's Enter
		// skips an optional question (it takes Enter for SkipOption when no start is given).
		options := []string{l.T("session.choose-again"), l.T("session.none-is-my-answer")}
		start := 0
		if q.Optional {
			options = append(options, prompter.SkipOption(l.Lang()))
			start = -1
		}
		confirm, err := p.Select(l.T("session.none-chosen"), l.T("session.none-chosen.help"), options, start)
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

// askForName asks for the respondent; what an answers file cannot hold (control characters,
// more than maxName characters) is dropped rather than refused, since it is only a label.
func askForName(p prompter.Prompter, l *i18n.Localizer, message, current string, width int) (string, error) {
	name, err := p.Input(message, prose.Wrap(l.T("session.name.help"), width-2, ""), current)
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
