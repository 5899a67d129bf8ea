package questions

import (
	"errors"
	"fmt"
	"strings"
)

// ErrInvalid is what every refusal of input matches with errors.Is: the command layer turns it
// into exit code 2 without knowing the details.
var ErrInvalid = errors.New("invalid input")

// Origin is where an answer or a problem comes from: a file and a line, or a flag.
type Origin struct {
	Path string // the file as the user named it, "-" for standard input, or "--set"
	Line int    // 1-based; 0 when unknown or not a file
}

func (o Origin) String() string {
	switch {
	case o.Path == "":
		return "answers"
	case o.Line > 0:
		return fmt.Sprintf("%s:%d", o.Path, o.Line)
	}
	return o.Path
}

// Problem is one reason input was refused.
type Problem struct {
	Origin  Origin
	ID      string // the question id concerned, if any
	Message string // what is wrong and what is allowed
}

func (p Problem) String() string {
	if p.ID == "" {
		return p.Origin.String() + ": " + p.Message
	}
	return p.Origin.String() + ": " + p.ID + ": " + p.Message
}

// InvalidError carries every problem found in a piece of input, so a person fixes a file in one
// pass instead of one error per run.
type InvalidError struct {
	Problems []Problem
}

func (e *InvalidError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

func (e *InvalidError) Is(target error) bool { return target == ErrInvalid }

// invalid returns nil for no problems, so callers can return it unconditionally.
func invalid(problems []Problem) error {
	if len(problems) == 0 {
		return nil
	}
	return &InvalidError{Problems: problems}
}

// Suggest returns the option nearest to s, or "" when none is near enough to be a likely typo.
// An option that ends in "."+s wins outright: "empathy" means "skills.empathy".
func Suggest(s string, options []string) string {
	for _, o := range options {
		if strings.HasSuffix(o, "."+s) {
			return o
		}
	}
	best, bestDist := "", len(s)/3+2
	for _, o := range options {
		if d := editDistance(strings.ToLower(s), o); d < bestDist {
			best, bestDist = o, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, counted in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// didYouMean formats a suggestion for a message, or nothing.
func didYouMean(s string, options []string) string {
	if m := Suggest(s, options); m != "" && m != s {
		return fmt.Sprintf(" (did you mean %q?)", m)
	}
	return ""
}
