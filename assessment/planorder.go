package assessment

import (
	"cmp"
	"slices"

	"github.com/hitready/hitready/questions"
)

// candidate is a step offered to one person, with the gaps it would close.
type candidate struct {
	step  *Step
	index int  // catalogue order, to break ties
	gap   *Gap // the gap a per-gap step is made for; nil for other steps
	gaps  []int
	// after is, for an exam the person cannot sit now (or is not yet prepared for as the body
	// recommends), the candidate whose step makes them eligible or prepared; nil otherwise.
	after *candidate
	// enables is, for that step, the exam it opens: the step takes the exam's severity, so that
	// what opens a blocking exam comes with the blocking steps.
	enables *candidate
	now     bool   // an exam the person may sit now
	route   string // why the person may sit the exam: the clause of the route that holds
	reason  string // why, as ExamReasons words it, before its placeholders are filled
	booked  bool   // the exam the person has booked
	prep    *Route // the prepared route that holds at the exam, if the credential has any
	// position is the candidate's step number once replay has kept it; 0 before, or if dropped.
	position int
}

// offers are the steps offered to one person: exams, other steps, and the fallback.
type offers struct {
	exams, steps []*candidate
	// fallback is the first applicable step that closes any requirement ("*"): it is made for
	// each gap nothing else closes, once the rest is chosen.
	fallback *Step
	index    int // the fallback's catalogue order
}

// offer makes the candidates of a person's plan: the first applicable step of each group, every
// applicable exam, and a per-gap step once for each gap it can close.
func (f *planFor) offer(steps *Steps) offers {
	var o offers
	var groups []string // groups whose step has been offered
	fails := func(c questions.Condition) bool { return !c.Holds(f.a) }
	closed := func(id string) bool { return f.gapIndex(id) < 0 }
	for i := range steps.Steps {
		st := &steps.Steps[i]
		grouped := st.Group != "" && st.Credential == "" // exams of a group are each offered
		if grouped && slices.Contains(groups, st.Group) {
			continue
		}
		// A step applies when its rules hold and every gap it is meant for is open; a requirement
		// the profile does not have is never open, so such a step never applies.
		if slices.ContainsFunc(st.When, fails) || slices.ContainsFunc(st.OnlyIfGap, closed) {
			continue
		}
		if grouped {
			groups = append(groups, st.Group)
		}
		switch {
		case bool(st.PerGap) && st.Credential == "" && slices.Contains(st.Closes, anyRequirement):
			if o.fallback == nil {
				o.fallback, o.index = st, i
			}
		case bool(st.PerGap) && st.Credential == "":
			for k := range f.gaps {
				if slices.Contains(st.Closes, f.gaps[k].ID) {
					o.steps = append(o.steps, &candidate{step: st, index: i, gap: &f.gaps[k], gaps: []int{k}})
				}
			}
		default:
			if gaps := f.gapIndices(st.Closes); len(gaps) > 0 {
				c := &candidate{step: st, index: i, gaps: gaps}
				if st.Credential != "" {
					o.exams = append(o.exams, c)
				} else {
					o.steps = append(o.steps, c)
				}
			}
		}
	}
	return o
}

// gapIndex is the index of the person's gap for requirement id; -1 if it is met (or not a
// requirement of the profile).
func (f *planFor) gapIndex(id string) int {
	return slices.IndexFunc(f.gaps, func(g Gap) bool { return g.ID == id })
}

// gapIndices are the indices of the person's gaps among the requirements ids, in that order.
func (f *planFor) gapIndices(ids []string) []int {
	var out []int
	for _, id := range ids {
		if k := f.gapIndex(id); k >= 0 {
			out = append(out, k)
		}
	}
	return out
}

// cover picks candidates greedily, the one closing the most uncovered gaps first, until none
// closes anything more (plan, rule 1); a chosen candidate keeps only the gaps it covers, and they
// are removed from uncovered.
func cover(cands []*candidate, uncovered map[int]bool) []*candidate {
	var chosen []*candidate
	for len(uncovered) > 0 {
		best, most := (*candidate)(nil), 0
		for _, c := range cands {
			if n := count(c.gaps, func(k int) bool { return uncovered[k] }); n > most {
				best, most = c, n
			}
		}
		if best == nil {
			break
		}
		best.gaps = slices.DeleteFunc(best.gaps, func(k int) bool { return !uncovered[k] })
		for _, k := range best.gaps {
			delete(uncovered, k)
		}
		chosen = append(chosen, best)
	}
	return chosen
}

// count counts the gaps (by index) for which in holds.
func count(gaps []int, in func(k int) bool) int {
	n := 0
	for _, k := range gaps {
		if in(k) {
			n++
		}
	}
	return n
}

// order sorts candidates by the plan's rule 3.
func (f *planFor) order(cands []*candidate) {
	slices.SortStableFunc(cands, f.compare)
}

// compare says which of two candidates comes first (plan, rule 3): the one whose most severe gap
// is more severe; an exam the person may sit now; the one closing more gaps of that severity;
// more gaps in all; catalogue order.
func (f *planFor) compare(x, y *candidate) int {
	tx, ty := f.tier(x), f.tier(y)
	return cmp.Or(
		cmp.Compare(tx, ty),
		cmp.Compare(laterUnlessNow(x), laterUnlessNow(y)),
		cmp.Compare(f.countAt(y, ty), f.countAt(x, tx)),
		cmp.Compare(len(y.gaps), len(x.gaps)),
		cmp.Compare(x.index, y.index),
	)
}

// laterUnlessNow puts an exam the person may sit now before other steps of its tier.
func laterUnlessNow(c *candidate) int {
	if c.now {
		return 0
	}
	return 1
}

// tier is the severity rank of the most severe gap a candidate closes, counting the gaps of the
// exam it opens.
func (f *planFor) tier(c *candidate) int {
	t := f.mostSevere(c)
	if c.enables != nil {
		t = min(t, f.mostSevere(c.enables))
	}
	return t
}

func (f *planFor) mostSevere(c *candidate) int {
	t := Minor.rank() + 1
	for _, k := range c.gaps {
		t = min(t, f.gaps[k].Severity.rank())
	}
	return t
}

// countAt counts the gaps of severity rank t a candidate closes.
func (f *planFor) countAt(c *candidate, t int) int {
	return count(c.gaps, func(k int) bool { return f.gaps[k].Severity.rank() == t })
}
