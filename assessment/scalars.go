package assessment

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/strictyaml"
)

// The typed scalars of the files a profile is made of. yaml.v3 is lenient where these files must
// not be: it reads `target: 4.5` into an int as 4, `blocking: "yes"` into a bool as true and
// `weight: .inf` into a float. Each type refuses what it does not hold with a *yaml.TypeError,
// which the decoder collects with the others, so one run shows every problem. It carries the ids
// of its words, not the words: the decoder does not know the run's language; the reader does
// (scalarRefusal).

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

// The words of what each scalar allows (errors.profile.allowed.*); allowedArgs fills them.
const (
	allowedWeight = "errors.profile.allowed.weight"
	allowedCredit = "errors.profile.allowed.credit"
	allowedWhole  = "errors.profile.allowed.whole"
)

var allowedArgs = i18n.Args{"Max": fmt.Sprintf("%g", float64(maxWeight))}

func (w *Weight) UnmarshalYAML(n *yaml.Node) error {
	x, err := number(n, 0, maxWeight, allowedWeight)
	*w = Weight(x)
	return err
}

func (c *Credit) UnmarshalYAML(n *yaml.Node) error {
	x, err := number(n, 0, 1, allowedCredit)
	*c = Credit(x)
	return err
}

func (w *Whole) UnmarshalYAML(n *yaml.Node) error {
	x, err := number(n, math.MinInt32, math.MaxInt32, allowedWhole)
	if err == nil && x != math.Trunc(x) {
		return typeError(n, "errors.profile.not-whole", allowedWhole)
	}
	*w = Whole(x)
	return err
}

func (b *Flag) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
		return typeError(n, "errors.profile.must-be-flag", "")
	}
	var v bool
	err := n.Decode(&v)
	*b = Flag(v)
	return err
}

// number reads a finite number from lo to hi; allowed (errors.profile.allowed.*) says so in
// messages.
func number(n *yaml.Node, lo, hi float64, allowed string) (float64, error) {
	var x float64
	switch {
	case n.Kind == yaml.ScalarNode && (n.Tag == "!!int" || n.Tag == "!!float"):
		if err := n.Decode(&x); err != nil {
			return 0, typeError(n, "errors.profile.too-large", allowed)
		}
	case n.Kind == yaml.ScalarNode && n.Tag == "!!str" && tooLarge(n.Value):
		// YAML reads 1e400 as text, since no float holds it; it is a number all the same.
		return 0, typeError(n, "errors.profile.too-large", allowed)
	default:
		return 0, typeError(n, "errors.profile.must-be", allowed)
	}
	switch {
	case math.IsNaN(x) || math.IsInf(x, 0):
		return 0, typeError(n, "errors.profile.not-finite", allowed)
	case x > hi:
		return 0, typeError(n, "errors.profile.too-large", allowed)
	case x < lo:
		return 0, typeError(n, "errors.profile.too-small", allowed)
	}
	return x, nil
}

func tooLarge(s string) bool {
	_, err := strconv.ParseFloat(strings.ReplaceAll(s, "_", ""), 64)
	return errors.Is(err, strconv.ErrRange)
}

// scalarRefusal is a typed scalar's refusal of a node, as ids and the node: yaml.v3 carries it as
// the text of a *yaml.TypeError, the only error it collects and goes on from, and the reader
// words it in the run's language (yamlFile.refusal).
type scalarRefusal struct {
	msg     string // errors.profile.*: the message, with Name, Value, Allowed and Got
	allowed string // errors.profile.allowed.*, or ""
	node    yaml.Node
}

// refusalMark begins a refusal's text, as no message of yaml.v3 does: a NUL.
const refusalMark = "\x00hitready"

// refusalText is how typeError writes a refusal after the line and column, every part quoted: the
// value may hold anything.
const refusalText = refusalMark + " %q %q %d %q %q"

// typeError is the refusal of a value by a typed scalar: yaml.v3 collects it with the others and
// goes on. The column tells the value from others on its line ({question: x, target: 4.5}).
func typeError(n *yaml.Node, msg, allowed string) error {
	text := fmt.Sprintf(refusalText, msg, allowed, n.Kind, n.Tag, n.Value)
	return &yaml.TypeError{Errors: []string{fmt.Sprintf("line %d: column %d: %s", n.Line, n.Column, text)}}
}

// decodeScalarRefusal reads what typeError wrote after the line and column.
func decodeScalarRefusal(s string) (r scalarRefusal, ok bool) {
	_, err := fmt.Sscanf(s, refusalText, &r.msg, &r.allowed, &r.node.Kind, &r.node.Tag, &r.node.Value)
	return r, err == nil
}

// args fills the refusal's message for the field name, in l's language.
func (r scalarRefusal) args(l *i18n.Localizer, name string) i18n.Args {
	args := i18n.Args{"Name": name, "Value": r.node.Value, "Got": strictyaml.DescribeNode(l, &r.node)}
	if r.allowed != "" {
		args["Allowed"] = l.T(r.allowed, allowedArgs)
	}
	return args
}
