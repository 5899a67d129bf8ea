package assessment

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/hitready/hitready/internal/cohort"
	"github.com/hitready/hitready/questions"
)

// replaceEach must say exactly what strings.NewReplacer said, which it replaced in the plan:
// exam steps are worded with it, and a golden would catch only the texts the examples reach.
func TestReplaceEachIsNewReplacer(t *testing.T) {
	pieces := []string{"{because}", "{step}", "{prepared}", "{recommended}", "{exam}", "{", "}", "{step", "step}",
		"a", " ", ";", "é", "{{", "}}", "\xff", "{because}{step}", "x{y}"}
	oldnew := []string{"{because}", "holds {step}", "{step}", "3", "{prepared}", "", "{recommended}", "{because}!", "{st", "NO"}
	rng := rand.New(rand.NewPCG(7, 11))
	cases := []string{"", "{", "{because}", "no placeholder at all", "{step}{step}", "{st{step}"}
	for range 5000 {
		var b strings.Builder
		for range rng.IntN(8) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		cases = append(cases, b.String())
	}
	for _, s := range cases {
		for _, n := range []int{2, 4, len(oldnew)} {
			want := strings.NewReplacer(oldnew[:n]...).Replace(s)
			if got := replaceEach(s, oldnew[:n]...); got != want {
				t.Fatalf("replaceEach(%q, %q) = %q; strings.Replacer says %q", s, oldnew[:n], got, want)
			}
		}
	}
}

// replay works out again only the requirements whose questions a step touched; that holds only if
// applyTracked names every answer it changes, and planIndex.deps every answer a credit reads.
// Checked for random people and every step of the catalogue, meet steps closing all their gaps,
// and steps setting each one-of question to each of its values (the catalogue's never make an
// answer unasked, which prune then forgets).
func TestApplyTrackedNamesEveryChange(t *testing.T) {
	bank, p := setup(t)
	steps := slices.Clone(p.steps.Steps)
	for _, q := range bank.Questions {
		if q.Kind == questions.OneOf {
			for _, v := range q.ValueNames() {
				steps = append(steps, Step{ID: "set-" + q.ID + "-" + v, Changes: Changes{Set: map[string]string{q.ID: v}}})
			}
		}
	}
	rng := rand.New(rand.NewPCG(2026, 11))
	people := 600
	if testing.Short() {
		people = 200
	}
	for range people {
		a := cohort.Person(bank, rng)
		r := p.scoreOnly(a)
		var gaps []string
		for _, g := range r.Gaps {
			gaps = append(gaps, g.ID)
		}
		for i := range steps {
			st := &steps[i]
			state := a.Clone()
			var touched []string
			applyTracked(p, &candidate{step: st, closes: gaps}, state, &touched)
			for _, q := range bank.Questions {
				was, wasOK := a.Get(q.ID)
				now, nowOK := state.Get(q.ID)
				if (wasOK != nowOK || !reflect.DeepEqual(was, now)) && !slices.Contains(touched, q.ID) {
					t.Fatalf("step %s changed %s (%v -> %v) but touched only %v", st.ID, q.ID, was, now, touched)
				}
			}
			for j := range p.Requirements {
				before, after := p.index.creditOf(p, j, a), p.index.creditOf(p, j, state)
				reads := slices.ContainsFunc(p.index.deps[j], func(id string) bool { return slices.Contains(touched, id) })
				if before != after && !reads {
					t.Fatalf("step %s moved %s from %v to %v, though it reads none of %v", st.ID, p.Requirements[j].ID, before, after, touched)
				}
			}
		}
	}
}

// planIndex.deps must name every answer a credit reads, asked_when included. The embedded
// requirements read their asked_when questions as factors anyway, so a requirement is made for
// each single factor too (the field alone is read only when education.level asks it). Two random
// people are crossed one question at a time: when a credit moves, that question is among its deps.
func TestPlanIndexDepsCoverWhatCreditReads(t *testing.T) {
	bank, base := setup(t)
	p := *base
	p.Requirements = slices.Clone(base.Requirements)
	for _, r := range base.Requirements {
		for _, f := range r.Credit {
			one := r
			one.ID, one.Credit = r.ID+"/"+f.Question, []Factor{f}
			p.Requirements = append(p.Requirements, one)
		}
	}
	p.index = newPlanIndex(&p)
	rng := rand.New(rand.NewPCG(5, 8))
	for range 400 {
		a, b := cohort.Person(bank, rng), cohort.Person(bank, rng)
		for _, q := range bank.Questions {
			changed := a.Clone()
			if ans, ok := b.Get(q.ID); ok {
				changed.Set(q.ID, ans)
			} else {
				changed.Delete(q.ID)
			}
			for j := range p.Requirements {
				if p.index.creditOf(&p, j, a) != p.index.creditOf(&p, j, changed) && !slices.Contains(p.index.deps[j], q.ID) {
					t.Fatalf("%s moved when %s changed, but its deps are %v", p.Requirements[j].ID, q.ID, p.index.deps[j])
				}
			}
		}
	}
}
