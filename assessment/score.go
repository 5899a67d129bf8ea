package assessment

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/questions"
)

// Schema names the report's JSON shape; it changes only when a field is removed or renamed, which
// the contract forbids, so in practice never.
const Schema = "hitready.report/v1"

// Verdict is the one-word outcome.
type Verdict string

const (
	Ready       Verdict = "ready"
	NearlyReady Verdict = "nearly-ready"
	NotReady    Verdict = "not-ready"
)

// verdicts are the verdicts, the best first, as messages list them.
var verdicts = []Verdict{Ready, NearlyReady, NotReady}

// Rank orders verdicts from worst (0) to best.
func (v Verdict) Rank() int { return rankIn(verdicts, v) }

// Report is the outcome of scoring one person's answers. Its JSON form is the contract's report.
type Report struct {
	Schema       string      `json:"schema" yaml:"schema"`
	Respondent   string      `json:"respondent" yaml:"respondent"`
	Source       string      `json:"source" yaml:"source"`
	Profile      string      `json:"profile" yaml:"profile"`
	Score        float64     `json:"score" yaml:"score"`
	Verdict      Verdict     `json:"verdict" yaml:"verdict"`
	Thresholds   Thresholds  `json:"thresholds" yaml:"thresholds"`
	Areas        []AreaScore `json:"areas" yaml:"areas"`
	Requirements []Result    `json:"requirements" yaml:"requirements"`
	Gaps         []Gap       `json:"gaps" yaml:"gaps"`
	Notes        []Note      `json:"notes" yaml:"notes"`
	// Credentials says where the person stands with each credential, and Plan is the ordered
	// path that closes every gap (the contract's "path to the job").
	Credentials []CredentialStatus `json:"credentials" yaml:"credentials"`
	Plan        []PlanStep         `json:"plan" yaml:"plan"`
	// Settings are the work settings the person would like, with what the sources say of them;
	// present only when the optional question was answered.
	Settings []SettingOutlook `json:"settings,omitempty" yaml:"settings,omitempty"`
	// Lang is the language of the report's sentences (requirement, current, target, next_step,
	// action, missing): "en" or "es". Ids, keys and enumerated values are the same in every
	// language. It comes after the sentences, so that the lines of a report before it (which
	// messages about a saved report name) stay where they were before reports said their
	// language, and before the answers, which stay last.
	Lang string `json:"lang" yaml:"lang"`
	// Answers are the answers the report was scored from, in JSON only (the YAML report is as it
	// was): compare scores them again under the profile in force rather than trust the report.
	Answers *questions.Answers `json:"answers,omitempty" yaml:"-"`
	// words speak the run's language (the pseudo-language too, whose reports say "en"): what is
	// worded from the report later, a comparison's steps, is worded in it.
	words *i18n.Localizer
}

// SettingOutlook is one chosen work setting and its employment figure, if a source gives one.
type SettingOutlook struct {
	ID         string `json:"id" yaml:"id"`
	Title      string `json:"title" yaml:"title"`
	Employment string `json:"employment" yaml:"employment"`
	Industry   string `json:"industry" yaml:"industry"`
	Source     string `json:"source" yaml:"source"`
}

// AreaScore is one area's score (0-100) and its weight in the overall score.
type AreaScore struct {
	ID     string  `json:"id" yaml:"id"`
	Title  string  `json:"title" yaml:"title"`
	Score  float64 `json:"score" yaml:"score"`
	Weight float64 `json:"weight" yaml:"weight"`
}

// Result says whether one requirement is met, and how far (credit 0-1).
type Result struct {
	ID       string  `json:"id" yaml:"id"`
	Area     string  `json:"area" yaml:"area"`
	Met      bool    `json:"met" yaml:"met"`
	Blocking bool    `json:"blocking" yaml:"blocking"`
	Credit   float64 `json:"credit" yaml:"credit"`
}

// Gap is an unmet requirement, in sentences for a person.
type Gap struct {
	ID          string   `json:"id" yaml:"id"`
	Area        string   `json:"area" yaml:"area"`
	Title       string   `json:"title,omitempty" yaml:"title,omitempty"` // the requirement's short title, for tables
	Requirement string   `json:"requirement" yaml:"requirement"`
	Current     string   `json:"current" yaml:"current"`
	Target      string   `json:"target" yaml:"target"`
	Severity    Severity `json:"severity" yaml:"severity"`
	NextStep    string   `json:"next_step" yaml:"next_step"`

	weight float64 // share of the overall score, for ordering; rounded so equal shares tie
}

// Note is a remark on the answers themselves rather than on a requirement.
type Note struct {
	ID   string `json:"id" yaml:"id"`
	Text string `json:"text" yaml:"text"`
}

// uniformRatingsNote is the id of the note that every skill got the same rating.
const uniformRatingsNote = "uniform-ratings"

// Score scores answers against a profile. Unanswered questions earn nothing; callers that need a
// complete answer set check questions.Bank.Open first. Source is left for the caller to fill.
// The report carries the person's path: the credentials and the plan, which the optional path
// questions shape and which never feed back into the score.
func Score(p *Profile, a *questions.Answers) Report {
	r := p.scoreOnly(a)
	r.Credentials = []CredentialStatus{}
	if p.credentials != nil {
		r.Credentials = p.credentials.statuses(p, a)
	}
	r.Plan = plan(p, p.credentials, p.steps, a, r.Gaps)
	// One voice: a gap's next step is the step of the path that closes it.
	for _, s := range r.Plan {
		for _, id := range s.Closes {
			if i := slices.IndexFunc(r.Gaps, func(g Gap) bool { return g.ID == id }); i >= 0 {
				r.Gaps[i].NextStep = s.Action
			}
		}
	}
	r.Answers = a
	return r
}

// reportLang is the language of a report's sentences: the bank's, in which its labels are (the
// profile's texts follow the bank as they are translated); English for a bank of no language.
func reportLang(b *questions.Bank) string {
	if b == nil || b.Lang() != i18n.Spanish {
		return string(i18n.English)
	}
	return string(i18n.Spanish)
}

// scoreOnly is the score, the verdict and the gaps, without the path.
func (p *Profile) scoreOnly(a *questions.Answers) Report {
	r := Report{
		Schema:       Schema,
		Lang:         reportLang(p.bank),
		words:        p.bank.Words(),
		Respondent:   a.Respondent,
		Profile:      p.ID,
		Thresholds:   p.Thresholds,
		Areas:        []AreaScore{},
		Requirements: make([]Result, 0, len(p.Requirements)),
		Gaps:         []Gap{},
		Notes:        []Note{},
	}
	earned := make(map[string]float64, len(p.Areas))
	blocked := false
	for i := range p.Requirements {
		req := &p.Requirements[i]
		credit := p.credit(req, a)
		earned[req.Area] += float64(req.Weight) * credit
		met := credit >= 1
		r.Requirements = append(r.Requirements, Result{ID: req.ID, Area: req.Area, Met: met, Blocking: bool(req.Blocking), Credit: round(credit, 3)})
		if met {
			continue
		}
		blocked = blocked || bool(req.Blocking)
		r.Gaps = append(r.Gaps, Gap{
			ID:          req.ID,
			Area:        req.Area,
			Title:       req.Title,
			Requirement: req.Requirement,
			Current:     p.current(req, a),
			Target:      req.Target,
			Severity:    p.severity(req, credit),
			NextStep:    p.nextStep(req, a),
			weight:      p.share[i],
		})
	}
	var score float64
	for _, area := range p.Areas {
		areaScore := 0.0
		if p.areaWeight[area.ID] > 0 {
			areaScore = 100 * earned[area.ID] / p.areaWeight[area.ID]
		}
		r.Areas = append(r.Areas, AreaScore{ID: area.ID, Title: area.Title, Score: round(areaScore, 1), Weight: float64(area.Weight)})
		if p.totalArea > 0 {
			score += areaScore * float64(area.Weight) / p.totalArea
		}
	}
	r.Score = round(score, 1)
	r.Verdict = verdict(p.Thresholds, r.Score, blocked)
	slices.SortStableFunc(r.Gaps, func(x, y Gap) int {
		return cmp.Or(cmp.Compare(x.Severity.rank(), y.Severity.rank()), cmp.Compare(y.weight, x.weight))
	})
	r.Settings = p.settings(a)
	if rating, ok := uniformRating(p.bank, a); ok && p.Notes.UniformRatings != "" {
		r.Notes = append(r.Notes, Note{ID: uniformRatingsNote,
			Text: strings.ReplaceAll(p.Notes.UniformRatings, "{rating}", strconv.Itoa(rating))})
	}
	return r
}

// settings tailors the outlook to the settings a person chose; it never touches the score.
func (p *Profile) settings(a *questions.Answers) []SettingOutlook {
	ans, ok := a.Get(settingsQuestion)
	if !ok || p.outlook == nil {
		return nil
	}
	var out []SettingOutlook
	for _, id := range ans.Choices {
		s, ok := p.outlook.Setting(id)
		if !ok {
			continue
		}
		so := SettingOutlook{ID: s.ID, Title: s.Title, Employment: s.Employment, Industry: s.Industry}
		if s.Employment != "" {
			so.Source = p.outlook.EmploymentSource
		}
		out = append(out, so)
	}
	return out
}

// verdict applies the contract's rule: anything blocking means not ready; otherwise the score
// decides. It is monotone in both arguments, which keeps better answers from a worse verdict.
func verdict(t Thresholds, score float64, blocked bool) Verdict {
	switch {
	case blocked:
		return NotReady
	case score >= t.Ready:
		return Ready
	case score >= t.NearlyReady:
		return NearlyReady
	}
	return NotReady
}

// credit is the product of a requirement's factors that apply to the person: a factor whose
// question is not asked of them (a field of study for someone without a degree) neither adds nor
// takes away.
func (p *Profile) credit(req *Requirement, a *questions.Answers) float64 {
	credit := 1.0
	for _, f := range req.Credit {
		if c, applies := p.factorCredit(f, a); applies {
			credit *= c
		}
	}
	return credit
}

// current says what the person has now for each factor of a requirement that applies to them.
// Only a gap shows it: a requirement met needs no words.
func (p *Profile) current(req *Requirement, a *questions.Answers) string {
	var words []string
	for _, f := range req.Credit {
		if _, applies := p.factorCredit(f, a); applies {
			words = append(words, p.factorWords(f, a))
		}
	}
	return strings.Join(words, "; ")
}

// factorCredit is a factor's credit, and whether it applies to the person at all.
func (p *Profile) factorCredit(f Factor, a *questions.Answers) (credit float64, applies bool) {
	q, _ := p.bank.Question(f.Question)
	if p.bank.Asks(q, a) == questions.NotAsked {
		return 1, false
	}
	ans, ok := a.Get(q.ID)
	if !ok {
		return 0, true
	}
	switch q.Kind {
	case questions.OneOf:
		return float64(f.Values[ans.Choice]), true
	case questions.AnyOf:
		if ans.Has(f.Includes) {
			return 1, true
		}
		return 0, true
	case questions.Rating:
		c := float64(ans.Rating-q.Scale.Min) / float64(f.target()-q.Scale.Min)
		return min(max(c, 0), 1), true
	}
	return 0, true
}

// factorWords says what the person has now for a factor that applies to them.
func (p *Profile) factorWords(f Factor, a *questions.Answers) string {
	q, _ := p.bank.Question(f.Question)
	ans, ok := a.Get(q.ID)
	l := i18n.For(p.bank.Lang())
	switch {
	case !ok:
		return l.T("assessment.current.not-answered")
	case q.Kind == questions.OneOf:
		choice, _ := q.Choice(ans.Choice)
		return choice.Label
	case q.Kind == questions.AnyOf && ans.Has(f.Includes):
		return l.T("assessment.current.completed")
	case q.Kind == questions.AnyOf:
		return l.T("assessment.current.not-completed")
	case q.Kind == questions.Rating:
		return ratingWords(l, ans.Rating, q.Scale.Max)
	}
	return ""
}

// ratingWords says a rating on a scale ("3 of 5"), worded once per language, rating and scale: a
// cohort has the same few for every person, and a template run for each was a tenth of scoring.
func ratingWords(l *i18n.Localizer, rating, max int) string {
	key := ratingKey{l.Lang(), rating, max}
	s, ok := ratingCache.Load(key)
	if !ok {
		s, _ = ratingCache.LoadOrStore(key, l.T("assessment.current.rating", i18n.Args{"Rating": rating, "Max": max}))
	}
	return s.(string)
}

type ratingKey struct {
	lang        i18n.Lang
	rating, max int
}

var ratingCache sync.Map // ratingKey -> string

func (p *Profile) severity(req *Requirement, credit float64) Severity {
	switch {
	case bool(req.Blocking):
		return Blocking
	case req.Severity != "":
		return req.Severity
	case credit < float64(p.MajorBelow):
		return Major
	}
	return Minor
}

// nextStep picks the first step whose condition matches the answers; check guarantees the last
// step has none, so there is always one.
func (p *Profile) nextStep(req *Requirement, a *questions.Answers) string {
	for _, s := range req.NextSteps {
		if s.When == nil || s.When.Holds(a) {
			return s.Text
		}
	}
	return ""
}

// uniformRating tells whether every rating question of the skills section has the same answer:
// then the ratings do not discriminate, which users of self-assessments rightly distrust.
func uniformRating(bank *questions.Bank, a *questions.Answers) (int, bool) {
	rating, count := 0, 0
	for _, q := range bank.Questions {
		if q.Kind != questions.Rating {
			continue
		}
		ans, ok := a.Get(q.ID)
		if !ok || (count > 0 && ans.Rating != rating) {
			return 0, false
		}
		rating = ans.Rating
		count++
	}
	return rating, count > 1
}

func round(x float64, places int) float64 {
	f := math.Pow10(places)
	return math.Round(x*f) / f
}
