package prompter

import (
	"errors"
	"io"
	"slices"
	"strconv"
	"strings"

	sv "github.com/AlecAivazis/survey/v2"
	"github.com/AlecAivazis/survey/v2/terminal"

	"github.com/hitready/hitready/internal/prose"
)

// survey prompts with arrow keys, filtering and help on "?", through survey/v2. It reads from in
// and draws on out, which are the terminal's standard input and standard error: standard output
// stays free for the report.
type survey struct {
	in    terminal.FileReader
	out   terminal.FileWriter
	width int
}

// fit wraps a question's text on words: survey prints it as one line, which the terminal would
// break inside a word. Two columns go to survey's "? " before it.
func (s *survey) fit(message string) string {
	return prose.Wrap(message, s.width-2, "  ")
}

func (s *survey) ask(p sv.Prompt, response any) error {
	for {
		// WithStdio always: survey's default is the process's stdout, which would mix the
		// prompts into a report redirected to a file.
		err := sv.AskOne(p, response, sv.WithStdio(s.in, s.out, s.out), sv.WithPageSize(10))
		switch {
		case errors.Is(err, errRedraw):
			// Stopped (Ctrl-Z) and continued (fg): the question is asked again, drawn afresh
			// on a terminal put back in raw mode (suspendable).
			continue
		case errors.Is(err, terminal.InterruptErr) || errors.Is(err, io.EOF):
			return ErrInterrupted
		}
		return err
	}
}

func (s *survey) Select(message, help string, options []string, def int) (int, error) {
	p := s.list(message, help, options)
	if def >= 0 && def < len(options) {
		p.Default = def
	}
	var index int
	if err := s.ask(p, &index); err != nil {
		return 0, err
	}
	return index, nil
}

// list and checklist are the prompts of Select and MultiSelect, with the filter that ignores case
// and accents.
func (s *survey) list(message, help string, options []string) *sv.Select {
	return &sv.Select{Message: s.fit(message), Help: help, Options: options, Filter: filterOption}
}

func (s *survey) checklist(message, help string, options []string) *sv.MultiSelect {
	return &sv.MultiSelect{Message: s.fit(message), Help: help, Options: options, Filter: filterOption}
}

func (s *survey) MultiSelect(message, help string, options []string, defaults []int) ([]int, error) {
	p := s.checklist(message, help, options)
	if len(defaults) > 0 {
		p.Default = defaults
	}
	var indices []int
	if err := s.ask(p, &indices); err != nil {
		return nil, err
	}
	slices.Sort(indices)
	return indices, nil
}

// Rating is a select over the numbers: a list to pick from is quicker and harder to get wrong
// than typing a number. What a number means is its description, not part of the option, so the
// echo once answered is the number alone for every rating; typing a digit filters to it. The
// list starts on def, the middle, so that a stray Enter does not record the worst rating.
func (s *survey) Rating(message, help string, min, max, def int, labels []string) (int, error) {
	var options []string
	for n := min; n <= max; n++ {
		options = append(options, strconv.Itoa(n))
	}
	p := &sv.Select{Message: s.fit(message), Help: help, Options: options,
		// Spaces are not part of any number: typed by habit (Space ticks a box in the lists
		// before), they must not filter the list to nothing.
		Filter: func(filter, value string, _ int) bool {
			return strings.Contains(value, strings.ReplaceAll(filter, " ", ""))
		},
		Description: func(_ string, i int) string {
			if i < len(labels) {
				return labels[i]
			}
			return ""
		}}
	if def >= min && def <= max {
		p.Default = def - min
	}
	var index int
	if err := s.ask(p, &index); err != nil {
		return 0, err
	}
	return min + index, nil
}

func (s *survey) Input(message, help, def string) (string, error) {
	var text string
	err := s.ask(&sv.Input{Message: s.fit(message), Help: help, Default: def}, &text)
	return text, err
}
