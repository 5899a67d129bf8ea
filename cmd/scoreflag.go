package cmd

import (
	"errors"
	"math"
	"strconv"

	"github.com/hitready/hitready/internal/i18n"
)

// scoreValue is a flag holding a score from 0 to 100 (--fail-under), checked where it is parsed,
// the one place for every command that takes it. pflag's float flag takes
// "NaN", which no score is below, so the gate would silently never close, and "Inf"; and its
// refusal of "abc" quotes strconv's text. This one says what is allowed.
type scoreValue struct {
	score *float64
	l     *i18n.Localizer // the language of its refusals
}

func newScoreValue(p *float64, l *i18n.Localizer) *scoreValue { return &scoreValue{score: p, l: l} }

func (v *scoreValue) Set(s string) error {
	x, err := strconv.ParseFloat(s, 64)
	switch {
	case err != nil && !errors.Is(err, strconv.ErrRange):
		return errors.New(v.l.T("errors.flag.score.not-a-number"))
	case err != nil, math.IsNaN(x), math.IsInf(x, 0), x < 0, x > 100:
		return errors.New(v.l.T("errors.flag.score.out-of-range"))
	}
	*v.score = x
	return nil
}

func (v *scoreValue) String() string { return strconv.FormatFloat(*v.score, 'g', -1, 64) }

// Type names the value in --help: "--fail-under score".
func (v *scoreValue) Type() string { return "score" }
