package questions

import "math/rand/v2"

// Draw answers the bank at random with rng, in the order it asks: each question the answers so
// far ask is answered with a value they allow (one of the values offered, any of the values, a
// point of the scale), unless skip says to leave it unanswered. The same rng draws the same
// person, which the promises' sample and the generated cohorts rely on.
func (b *Bank) Draw(rng *rand.Rand, skip func(*Question) bool) *Answers {
	a := NewAnswers()
	for i := range b.Questions {
		q := &b.Questions[i]
		if b.Asks(q, a) != Asked || skip(q) {
			continue
		}
		switch q.Kind {
		case OneOf:
			values := b.Offered(q, a).Values
			a.Set(q.ID, OneOfAnswer(values[rng.IntN(len(values))].Value))
		case AnyOf:
			var picked []string
			for _, v := range q.ValueNames() {
				if rng.IntN(2) == 0 {
					picked = append(picked, v)
				}
			}
			a.Set(q.ID, AnyOfAnswer(picked...))
		case Rating:
			a.Set(q.ID, RatingAnswer(q.Scale.Min+rng.IntN(q.Scale.Max-q.Scale.Min+1)))
		}
	}
	return a
}
