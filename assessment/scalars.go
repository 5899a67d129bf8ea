package assessment

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/hitready/hitready/questions"
)

// The typed scalars of the files a profile is made of. yaml.v3 is lenient where these files must
// not be: it reads `target: 4.5` into an int as 4, `blocking: "yes"` into a bool as true and
// `weight: .inf` into a float. Each type refuses what it does not hold with a *yaml.TypeError,
// which the decoder collects with the others, so one run shows every problem.

// maxWeight bounds every weight of a profile. Weights are relative, so no real profile needs more
// than a few digits; the bound keeps sums of weights (and so scores) far from overflowing to +Inf
// or NaN, which a weight of 1e308 does.
const maxWeight = 1e6

// Weight is a requirement's or an area's weight: a number from 0 to maxWeight.
type Weight float64

// Credit is a share of a requirement earned, or a bound on one: a number from 0 to 1.
type Credit float64

// Whole is a whole number, as a rating's target is; 4.0 is 4.
type Whole int

// Flag is true or false, unquoted: never "yes" or "on".
type Flag bool

var allowedWeight = fmt.Sprintf("a number from 0 to %g", float64(maxWeight))

func (w *Weight) UnmarshalYAML(n *yaml.Node) error {
	x, err := number(n, 0, maxWeight, allowedWeight)
	*w = Weight(x)
	return err
}

func (c *Credit) UnmarshalYAML(n *yaml.Node) error {
	x, err := number(n, 0, 1, "a credit from 0 to 1")
	*c = Credit(x)
	return err
}

func (w *Whole) UnmarshalYAML(n *yaml.Node) error {
	const allowed = "a whole number on the question's scale"
	x, err := number(n, math.MinInt32, math.MaxInt32, allowed)
	if err == nil && x != math.Trunc(x) {
		return typeError(n, "%s is not a whole number; allowed: %s", n.Value, allowed)
	}
	*w = Whole(x)
	return err
}

func (b *Flag) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
		return typeError(n, "must be true or false (unquoted); got %s", questions.DescribeNode(n))
	}
	var v bool
	err := n.Decode(&v)
	*b = Flag(v)
	return err
}

// number reads a finite number from lo to hi; allowed says so in messages.
func number(n *yaml.Node, lo, hi float64, allowed string) (float64, error) {
	var x float64
	switch {
	case n.Kind == yaml.ScalarNode && (n.Tag == "!!int" || n.Tag == "!!float"):
		if err := n.Decode(&x); err != nil {
			return 0, typeError(n, "%s is too large; allowed: %s", n.Value, allowed)
		}
	case n.Kind == yaml.ScalarNode && n.Tag == "!!str" && tooLarge(n.Value):
		// YAML reads 1e400 as text, since no float holds it; it is a number all the same.
		return 0, typeError(n, "%s is too large; allowed: %s", n.Value, allowed)
	default:
		return 0, typeError(n, "must be %s; got %s", allowed, questions.DescribeNode(n))
	}
	switch {
	case math.IsNaN(x) || math.IsInf(x, 0):
		return 0, typeError(n, "%s is not a finite number; allowed: %s", n.Value, allowed)
	case x > hi:
		return 0, typeError(n, "%s is too large; allowed: %s", n.Value, allowed)
	case x < lo:
		return 0, typeError(n, "%s is too small; allowed: %s", n.Value, allowed)
	}
	return x, nil
}

func tooLarge(s string) bool {
	_, err := strconv.ParseFloat(strings.ReplaceAll(s, "_", ""), 64)
	return errors.Is(err, strconv.ErrRange)
}
