package prompter

import (
	"fmt"
	"slices"
)

// Reply is one scripted answer for Fake: an index for Select, indices for MultiSelect, a number
// for Rating, a line for Input, or an error (ErrInterrupted to simulate Ctrl-C).
type Reply struct {
	Index   int
	Indices []int
	Rating  int
	Text    string
	Err     error
}

// Fake answers from a script, in order, and records every question asked. It fails loudly when
// asked more than the script holds, so a test never waits.
type Fake struct {
	Replies []Reply
	Asked   []Asked
}

// Asked is one question as the fake saw it.
type Asked struct {
	Kind    string // "select", "multiselect", "rating" or "input"
	Message string
	Help    string
	Options []string
	// Default is where the prompt starts: the preselected index of a select, the starting
	// number of a rating, -1 for none.
	Default int
}

func (f *Fake) next(kind, message, help string, options []string, def int) (Reply, error) {
	f.Asked = append(f.Asked, Asked{Kind: kind, Message: message, Help: help, Options: slices.Clone(options), Default: def})
	if len(f.Replies) == 0 {
		return Reply{}, fmt.Errorf("fake prompter: no reply scripted for %s %q", kind, message)
	}
	r := f.Replies[0]
	f.Replies = f.Replies[1:]
	return r, r.Err
}

func (f *Fake) Select(message, help string, options []string, def int) (int, error) {
	r, err := f.next("select", message, help, options, def)
	if err == nil && (r.Index < 0 || r.Index >= len(options)) {
		err = fmt.Errorf("fake prompter: index %d out of range for %q", r.Index, message)
	}
	return r.Index, err
}

func (f *Fake) MultiSelect(message, help string, options []string, defaults []int) ([]int, error) {
	r, err := f.next("multiselect", message, help, options, -1)
	return r.Indices, err
}

func (f *Fake) Rating(message, help string, min, max, def int, labels []string) (int, error) {
	r, err := f.next("rating", message, help, labels, def)
	if err == nil && (r.Rating < min || r.Rating > max) {
		err = fmt.Errorf("fake prompter: rating %d out of range for %q", r.Rating, message)
	}
	return r.Rating, err
}

func (f *Fake) Input(message, help, def string) (string, error) {
	r, err := f.next("input", message, help, nil, -1)
	if err == nil && r.Text == "" {
		return def, nil
	}
	return r.Text, err
}
