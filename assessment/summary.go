package assessment

import (
	"cmp"
	"math"
	"slices"
)

// Summary gathers a cohort's figures one report at a time, in constant memory: scores are kept
// as a histogram on the 0.1 grid they are rounded to, so the median is exact without keeping
// every score, and a cohort of any size costs the same.
type Summary struct {
	Count    int
	Verdicts map[Verdict]int

	sum   float64
	hist  [1001]int // hist[i] counts scores of i/10
	unmet map[string]int
	order map[string]int // profile order, to break ties among requirements unmet equally often
	texts map[string]string
}

// Unmet is a requirement and how many people in the cohort have it as a blocking or major gap.
type Unmet struct {
	ID          string `json:"id" yaml:"id"`
	Requirement string `json:"requirement" yaml:"requirement"`
	Count       int    `json:"count" yaml:"count"`
}

// NewSummary starts an empty summary for reports scored against p.
func NewSummary(p *Profile) *Summary {
	s := &Summary{Verdicts: map[Verdict]int{}, unmet: map[string]int{}, order: map[string]int{}, texts: map[string]string{}}
	for i, r := range p.Requirements {
		s.order[r.ID] = i
		s.texts[r.ID] = r.Requirement
	}
	return s
}

// Add counts one report.
func (s *Summary) Add(r Report) {
	s.Count++
	s.sum += r.Score
	s.hist[min(max(int(math.Round(r.Score*10)), 0), len(s.hist)-1)]++
	s.Verdicts[r.Verdict]++
	for _, g := range r.Gaps {
		// Minor gaps (a skill at 3, the optional 4-year degree) would crowd the list of what to
		// teach next with what is nearly there or not required.
		if g.Severity == Minor {
			continue
		}
		s.unmet[g.ID]++
		if _, known := s.texts[g.ID]; !known {
			s.texts[g.ID] = g.Requirement
			s.order[g.ID] = len(s.order)
		}
	}
}

// Mean is the mean score, rounded to one decimal; 0 for an empty cohort.
func (s *Summary) Mean() float64 {
	if s.Count == 0 {
		return 0
	}
	return round(s.sum/float64(s.Count), 1)
}

// Median is the median score (the mean of the two middle ones for an even count).
func (s *Summary) Median() float64 {
	if s.Count == 0 {
		return 0
	}
	lo, hi := s.nth((s.Count+1)/2), s.nth(s.Count/2+1)
	return round((lo+hi)/2, 2)
}

// nth returns the k-th smallest score, 1-based.
func (s *Summary) nth(k int) float64 {
	seen := 0
	for i, n := range s.hist {
		seen += n
		if seen >= k {
			return float64(i) / 10
		}
	}
	return 100
}

// TopUnmet lists up to n requirements most often unmet as blocking or major gaps, most often
// first, ties in profile order.
func (s *Summary) TopUnmet(n int) []Unmet {
	var out []Unmet
	for id, count := range s.unmet {
		out = append(out, Unmet{ID: id, Requirement: s.texts[id], Count: count})
	}
	slices.SortFunc(out, func(a, b Unmet) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(s.order[a.ID], s.order[b.ID]))
	})
	return out[:min(n, len(out))]
}
