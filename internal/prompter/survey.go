package prompter

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"

	"github.com/AlecAivazis/survey/v2"
	"github.com/AlecAivazis/survey/v2/core"
	"github.com/AlecAivazis/survey/v2/terminal"
)

// Survey prompts with arrow keys, filtering and help on "?", through survey/v2. It reads from in
// and draws on out, which are the terminal's standard input and standard error: standard output
// stays free for the report.
type Survey struct {
	in  terminal.FileReader
	out terminal.FileWriter
}

// NewSurvey returns a Survey prompter on the given terminal streams. noColor honours NO_COLOR;
// survey only offers it as a switch of its own package, hence the assignment.
func NewSurvey(in terminal.FileReader, out terminal.FileWriter, noColor bool) *Survey {
	if noColor {
		core.DisableColor = true
	}
	return &Survey{in: in, out: out}
}

func (s *Survey) ask(p survey.Prompt, response any) error {
	// WithStdio always: survey's default is the process's stdout, which would mix the prompts
	// into a report redirected to a file.
	err := survey.AskOne(p, response, survey.WithStdio(s.in, s.out, s.out), survey.WithPageSize(10))
	if errors.Is(err, terminal.InterruptErr) || errors.Is(err, io.EOF) {
		return ErrInterrupted
	}
	return err
}

func (s *Survey) Select(message, help string, options []string, def int) (int, error) {
	p := &survey.Select{Message: message, Help: help, Options: options}
	if def >= 0 && def < len(options) {
		p.Default = def
	}
	var index int
	if err := s.ask(p, &index); err != nil {
		return 0, err
	}
	return index, nil
}

func (s *Survey) MultiSelect(message, help string, options []string, defaults []int) ([]int, error) {
	p := &survey.MultiSelect{Message: message, Help: help, Options: options}
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

// Rating is a select over the numbers, each with what it means where the question says so: a
// list to pick from is quicker and harder to get wrong than typing a number.
func (s *Survey) Rating(message, help string, min, max int, labels []string) (int, error) {
	options := ratingOptions(min, max, labels)
	index, err := s.Select(message, help, options, -1)
	if err != nil {
		return 0, err
	}
	return min + index, nil
}

func ratingOptions(min, max int, labels []string) []string {
	var options []string
	for n := min; n <= max; n++ {
		option := strconv.Itoa(n)
		if i := n - min; i < len(labels) && labels[i] != "" {
			option = fmt.Sprintf("%d  %s", n, labels[i])
		}
		options = append(options, option)
	}
	return options
}
