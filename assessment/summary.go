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

	sum  float64
	hist [1001]int // hist[i] counts scores of i/10
	// unmet counts each requirement's blocking and major gaps, in profile order (then in the order
	// reports first name one the profile lacks), which breaks ties; byID indexes it. A title is
	// the short one, as the tables of a report name requirements.
	unmet []Unmet
	byID  map[string]int

	// firstSteps counts students by the first step of their plan, in the order first seen;
	// eligible counts who may sit each credential's exam now (early testing apart).
	firstSteps []StepCount
	eligible   []CredentialCount

	// unscored names the first files that could not be scored (maxUnscored); unscoredCount
	// counts them all.
	unscored      []Unscored
	unscoredCount int
}

// Unscored is a file of a cohort that could not be scored, and why, in a word.
type Unscored struct {
	Source string         `json:"source" yaml:"source"`
	Reason UnscoredReason `json:"reason" yaml:"reason"`
}

// UnscoredReason says in a word why a file could not be scored; the messages about the file say
// it in full.
type UnscoredReason string

const (
	// Invalid: the file could not be read, or was refused.
	Invalid UnscoredReason = "invalid"
	// Incomplete: a question that must be answered was not.
	Incomplete UnscoredReason = "incomplete"
	// Unread: the run stopped at one of its limits before the file.
	Unread UnscoredReason = "unread"
)

// maxUnscored is how many unscored files a summary names, a screenful; it counts the others.
const maxUnscored = 20

// StepCount is a first step of the plan, by its action (the CSV's first_step), and how many
// students it is the first step for.
type StepCount struct {
	Action string `json:"action" yaml:"action"`
	Count  int    `json:"count" yaml:"count"`
}

// CredentialCount says how many students may sit a credential's exam now, and how many only
// early, as final-term students.
type CredentialCount struct {
	ID       string `json:"id" yaml:"id"`
	Name     string `json:"name" yaml:"name"`
	Eligible int    `json:"eligible" yaml:"eligible"`
	Early    int    `json:"early" yaml:"early"`
	Held     int    `json:"held" yaml:"held"`
}

// Unmet is a requirement and how many people in the cohort have it as a blocking or major gap.
type Unmet struct {
	ID          string `json:"id" yaml:"id"`
	Title       string `json:"title" yaml:"title"` // the short title; the id for a requirement without one
	Requirement string `json:"requirement" yaml:"requirement"`
	Count       int    `json:"count" yaml:"count"`
}

// NewSummary starts an empty summary for reports scored against p.
func NewSummary(p *Profile) *Summary {
	s := &Summary{Verdicts: map[Verdict]int{}, byID: map[string]int{}}
	for i, r := range p.Requirements {
		s.byID[r.ID] = i
		s.unmet = append(s.unmet, Unmet{ID: r.ID, Title: cmp.Or(r.Title, r.ID), Requirement: r.Requirement})
	}
	return s
}

// Add counts one report.
func (s *Summary) Add(r Report) {
	s.Count++
	s.sum += r.Score
	s.hist[min(max(int(math.Round(r.Score*10)), 0), len(s.hist)-1)]++
	s.Verdicts[r.Verdict]++
	if len(r.Plan) > 0 {
		// By the action, as the CSV's first_step gives it: an advisor who groups the CSV by
		// first_step gets the summary's groups.
		action := r.Plan[0].Action
		if i := slices.IndexFunc(s.firstSteps, func(c StepCount) bool { return c.Action == action }); i >= 0 {
			s.firstSteps[i].Count++
		} else {
			s.firstSteps = append(s.firstSteps, StepCount{Action: action, Count: 1})
		}
	}
	for _, c := range r.Credentials {
		i := slices.IndexFunc(s.eligible, func(x CredentialCount) bool { return x.ID == c.ID })
		if i < 0 {
			s.eligible = append(s.eligible, CredentialCount{ID: c.ID, Name: c.Name})
			i = len(s.eligible) - 1
		}
		switch c.Status {
		case Eligible:
			s.eligible[i].Eligible++
		case EligibleEarly:
			s.eligible[i].Early++
		case Held:
			s.eligible[i].Held++
		}
	}
	for _, g := range r.Gaps {
		// Minor gaps (a skill at 3, the optional 4-year degree) would crowd the list of what to
		// teach next with what is nearly there or not required.
		if g.Severity == Minor {
			continue
		}
		i, known := s.byID[g.ID]
		if !known {
			i, s.byID[g.ID] = len(s.unmet), len(s.unmet)
			s.unmet = append(s.unmet, Unmet{ID: g.ID, Title: cmp.Or(g.Title, g.ID), Requirement: g.Requirement})
		}
		s.unmet[i].Count++
	}
}

// AddUnscored counts a file that could not be scored.
func (s *Summary) AddUnscored(source string, reason UnscoredReason) {
	s.unscoredCount++
	if len(s.unscored) < maxUnscored {
		s.unscored = append(s.unscored, Unscored{Source: source, Reason: reason})
	}
}

// Unscored lists the first files that could not be scored, in the order they were added, and
// says how many there were in all.
func (s *Summary) Unscored() (first []Unscored, all int) {
	return slices.Clone(s.unscored), s.unscoredCount
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
	out := slices.DeleteFunc(slices.Clone(s.unmet), func(u Unmet) bool { return u.Count == 0 })
	slices.SortStableFunc(out, func(a, b Unmet) int { return cmp.Compare(b.Count, a.Count) })
	return out[:min(n, len(out))]
}

// FirstSteps groups the students by the first step of their plan, the most common first (ties in
// the order first seen): what an advisor plans a term around. Students with no gap have no first
// step and are not counted.
func (s *Summary) FirstSteps() []StepCount {
	out := slices.Clone(s.firstSteps)
	slices.SortStableFunc(out, func(a, b StepCount) int { return cmp.Compare(b.Count, a.Count) })
	return out
}

// Eligibility counts, per credential in the order the reports list them, who may sit its exam now.
func (s *Summary) Eligibility() []CredentialCount {
	return slices.Clone(s.eligible)
}

// Histogram counts the scores in bins of equal width from 0 to 100; the last bin includes 100.
func (s *Summary) Histogram(bins int) []int {
	out := make([]int, bins)
	for i, n := range s.hist {
		if n == 0 {
			continue
		}
		out[min(i*bins/(len(s.hist)-1), bins-1)] += n
	}
	return out
}
