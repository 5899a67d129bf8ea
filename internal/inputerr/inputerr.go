// Package inputerr is the one type of refused input: what was wrong, where (file and line, or a
// flag) and which question id. Every reader of user files returns it, and the command layer turns
// anything that matches ErrInvalid into exit code 2 without knowing the details. A leaf: it imports
// nothing of hitready but the leaves textsafe and i18n, so questions, assessment, fileio and batch may all use it.
package inputerr

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/textsafe"
)

// ErrInvalid is what every refusal of input matches with errors.Is: the command layer turns it
// into exit code 2 without knowing the details.
var ErrInvalid = errors.New("invalid input")

// Origin is where an answer or a problem comes from: a file and a line, or a flag.
type Origin struct {
	Path string // the file as the user named it, "-" for standard input, or "--set"
	Line int    // 1-based; 0 when unknown or not a file
}

// String is "path:line". The path comes from the user or the file system and may hold any byte
// but NUL: it is escaped, so a file named "a\nb.yaml" cannot forge a line of messages.
func (o Origin) String() string {
	path := textsafe.Escape(o.Path)
	switch {
	case o.Path == "":
		return "answers"
	case o.Line > 0:
		return fmt.Sprintf("%s:%d", path, o.Line)
	}
	return path
}

// Problem is one reason input was refused.
type Problem struct {
	Origin  Origin
	ID      string // the question id concerned, if any
	Message string // what is wrong and what is allowed
}

// String is one line of a message. Ids and messages quote what was read from a file; whatever a
// check missed, no control character of it reaches the terminal.
func (p Problem) String() string {
	if p.ID == "" {
		return p.Origin.String() + ": " + textsafe.Escape(p.Message)
	}
	return p.Origin.String() + ": " + textsafe.Escape(p.ID) + ": " + textsafe.Escape(p.Message)
}

// MaxShown is how many problems of one file a message lists: a screenful. A file of thousands of
// mistakes is better fixed from the first few than scrolled through. The decoders of profiles,
// credentials and steps keep as many problems of a file and count the rest in
// InvalidError.Dropped.
const MaxShown = 20

// InvalidError carries every problem found in a piece of input, so a person fixes a file in one
// pass instead of one error per run; a screenful per file (MaxShown), then how many more.
type InvalidError struct {
	Problems []Problem
	// Dropped counts problems found after the first MaxShown of a file and not kept (a decoder
	// need not hold thousands of problems only to count them); they belong to the last file.
	Dropped int
	// Notes follow the problems, each said once however many problems it concerns (the list of
	// known question ids).
	Notes []Problem
	// Lang is the language of the problems' messages, for the line that counts the ones not
	// shown; the zero value is English.
	Lang i18n.Lang
}

func (e *InvalidError) Error() string {
	var lines []string
	found := map[string]int{} // problems per file
	var paths []string        // the files, in the order of their first problem
	for _, p := range e.Problems {
		if found[p.Origin.Path] == 0 {
			paths = append(paths, p.Origin.Path)
		}
		if found[p.Origin.Path]++; found[p.Origin.Path] <= MaxShown {
			lines = append(lines, p.String())
		}
	}
	for i, path := range paths {
		more := max(found[path]-MaxShown, 0)
		if i == len(paths)-1 {
			more += e.Dropped
		}
		if more > 0 {
			lines = append(lines, Origin{Path: path}.String()+": "+i18n.For(e.Lang).N("errors.more-problems", more))
		}
	}
	for _, n := range e.Notes {
		lines = append(lines, n.String())
	}
	return strings.Join(lines, "\n")
}

func (e *InvalidError) Is(target error) bool { return target == ErrInvalid }

// Screenful is the refusal of one file's problems, in lang: in line order, the first MaxShown
// kept and the rest counted with the dropped ones.
func Screenful(problems []Problem, dropped int, lang i18n.Lang) *InvalidError {
	slices.SortStableFunc(problems, func(a, b Problem) int { return a.Origin.Line - b.Origin.Line })
	if len(problems) > MaxShown {
		dropped += len(problems) - MaxShown
		problems = problems[:MaxShown]
	}
	return &InvalidError{Problems: problems, Dropped: dropped, Lang: lang}
}

// Collector gathers the problems of one file as a reader finds them, worded in the run's
// language: a screenful kept, the rest counted and not worded, so that a megabyte of mistakes
// costs no more than the file. The readers of answers files and of profiles share it.
type Collector struct {
	Path     string
	Words    *i18n.Localizer
	Problems []Problem
	Dropped  int // problems past a screenful, counted and not kept
}

// Add keeps a problem at line about id (or none): the message msg in the collector's language,
// its template filled from args.
func (c *Collector) Add(line int, id, msg string, args i18n.Args) {
	if c.Full() {
		c.Dropped++
		return
	}
	c.AddText(line, id, c.Words.T(msg, args))
}

// AddText keeps a problem already worded.
func (c *Collector) AddText(line int, id, text string) {
	if c.Full() {
		c.Dropped++
		return
	}
	c.Problems = append(c.Problems, Problem{Origin: Origin{Path: c.Path, Line: line}, ID: id, Message: text})
}

// Full tells whether a screenful is kept: a problem found now is only counted, and a reader need
// not do the work of wording it.
func (c *Collector) Full() bool { return len(c.Problems) >= MaxShown }

// Err is the refusal of the file (Screenful), or nil when nothing is wrong.
func (c *Collector) Err() error {
	if len(c.Problems) == 0 {
		return nil
	}
	return Screenful(c.Problems, c.Dropped, c.Words.Lang())
}

// Of returns nil for no problems, so callers can return it unconditionally.
func Of(problems []Problem) error {
	if len(problems) == 0 {
		return nil
	}
	return &InvalidError{Problems: problems}
}

// Refuse builds the refusal of one piece of input with one problem: the file (or flag) it comes
// from and what is wrong. It is the one way such a refusal is made, so every one reads alike and
// matches ErrInvalid (exit 2).
func Refuse(origin Origin, msg string) *InvalidError {
	return &InvalidError{Problems: []Problem{{Origin: origin, Message: msg}}}
}
