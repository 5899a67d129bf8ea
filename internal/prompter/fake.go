package prompter

import (
	"fmt"
	"slices"
)

// Reply is one scripted answer for Fake: an index for Select, indices for MultiSelect, a number
// for Rating, or an error (ErrInterrupted to simulate Ctrl-C).
type Reply struct {
	Index   int
	Indices []int
	Rating  int
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
	Kind    string // "select", "multiselect" or "rating"
	Message string
	Help    string
	Options []string
}

func (f *Fake) next(kind, message, help string, options []string) (Reply, error) {
	f.Asked = append(f.Asked, Asked{Kind: kind, Message: message, Help: help, Options: slices.Clone(options)})
	if len(f.Replies) == 0 {
		return Reply{}, fmt.Errorf("fake prompter: no reply scripted for %s %q", kind, message)
	}
	r := f.Replies[0]
	f.Replies = f.Replies[1:]
	return r, r.Err
}

func (f *Fake) Select(message, help string, options []string, def int) (int, error) {
	r, err := f.next("select", message, help, options)
	if err == nil && (r.Index < 0 || r.Index >= len(options)) {
		err = fmt.Errorf("fake prompter: index %d out of range for %q", r.Index, message)
	}
	return r.Index, err
}

func (f *Fake) MultiSelect(message, help string, options []string, defaults []int) ([]int, error) {
	r, err := f.next("multiselect", message, help, options)
	return r.Indices, err
}

func (f *Fake) Rating(message, help string, min, max int, labels []string) (int, error) {
	r, err := f.next("rating", message, help, labels)
	if err == nil && (r.Rating < min || r.Rating > max) {
		err = fmt.Errorf("fake prompter: rating %d out of range for %q", r.Rating, message)
	}
	return r.Rating, err
}
