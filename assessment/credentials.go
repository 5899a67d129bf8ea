package assessment

import (
	"cmp"
	_ "embed"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/questions"
)

//go:embed credentials.yaml
var credentialsYAML []byte

// embeddedCredentialsName is how the built-in credentials file is named in messages.
const embeddedCredentialsName = "embedded credentials"

// Grade says how close a rule's source is to the body that sets it.
type Grade string

const (
	GradePrimary   Grade = "P" // the certifying body's own page: the rule decides eligibility
	GradeSecondary Grade = "S" // another site quoting it: shown "as reported", never deciding alone
)

// Status is where a person stands with one credential.
type Status string

const (
	Held          Status = "held"           // certification.credential names it
	Eligible      Status = "eligible"       // may sit the exam now
	EligibleEarly Status = "eligible-early" // may test early as a final-term student
	NotYet        Status = "not-yet"
)

// statuses are the statuses, held first, as messages list them.
var statuses = []Status{Held, Eligible, EligibleEarly, NotYet}

// Rank orders statuses from furthest (0) to held.
func (s Status) Rank() int { return rankIn(statuses, s) }

// MaySit tells whether the person may sit the exam now, early testing included.
func (s Status) MaySit() bool { return s == Eligible || s == EligibleEarly }

// Rule is one condition of a route, with the sentence a person reads when it is not met.
type Rule struct {
	Question    string            `yaml:"question" json:"question"`
	In          []string          `yaml:"in" json:"in"`
	Missing     string            `yaml:"missing,omitempty" json:"missing,omitempty"`
	MissingWhen map[string]string `yaml:"missing_when,omitempty" json:"missing_when,omitempty"`
}

// Route is one way to become eligible: all its rules hold.
type Route struct {
	Text    string `yaml:"text" json:"text"`
	Because string `yaml:"because,omitempty" json:"because,omitempty"` // why a plan's exam step may be taken, in a clause
	After   string `yaml:"after,omitempty" json:"after,omitempty"`     // prepared routes: why an exam waits for step {step}
	Source  string `yaml:"source" json:"source"`
	Grade   Grade  `yaml:"grade" json:"grade"`
	// Facts names the row of the project's FACTS.md (shared/FACTS.md) the route rests on: for
	// whoever maintains the data; a person reads the source.
	Facts string `yaml:"facts,omitempty" json:"facts,omitempty"`
	Rules []Rule `yaml:"rules" json:"rules"`
}

// ExamFacts are what the sources state of an exam.
type ExamFacts struct {
	Facts  string `yaml:"facts" json:"facts"`
	Source string `yaml:"source" json:"source"`
	Grade  Grade  `yaml:"grade" json:"grade"`
}

// Credential is one credential, its exam and who may sit it.
type Credential struct {
	ID          string     `yaml:"id" json:"id"`
	Name        string     `yaml:"name" json:"name"`
	Body        string     `yaml:"body" json:"body"`
	Meets       []string   `yaml:"meets" json:"meets"`
	Source      string     `yaml:"source" json:"source"`
	Exam        *ExamFacts `yaml:"exam,omitempty" json:"exam,omitempty"`
	Recommended string     `yaml:"recommended,omitempty" json:"recommended,omitempty"`
	Eligible    []Route    `yaml:"eligible,omitempty" json:"eligible,omitempty"`
	Early       []Route    `yaml:"early,omitempty" json:"early,omitempty"`
	Undecided   string     `yaml:"undecided,omitempty" json:"undecided,omitempty"`
	Reported    []Route    `yaml:"reported,omitempty" json:"reported,omitempty"`
	// Prepared are the ways to be prepared as the body recommends but does not require: they
	// never change the status, only where a plan places the exam.
	Prepared []Route `yaml:"prepared,omitempty" json:"prepared,omitempty"`
	// Unchecked are routes hitready cannot check (a program abroad, under a reciprocity
	// agreement): a text that sends the person to the body, with its source; no rules, and they
	// never decide. A person not yet eligible reads them last.
	Unchecked []Route `yaml:"unchecked,omitempty" json:"unchecked,omitempty"`
}

// Credentials is a checked credentials file.
type Credentials struct {
	Credentials []Credential `yaml:"credentials" json:"credentials"`

	origin fileOrigin      // where the credentials were read, for the plan's promises (promises.go)
	bank   *questions.Bank // the bank the rules were checked against, to word them (RuleWords)
	titles map[string]string
}

// MeetsWords are the requirements a pass of c meets, by their short titles in the profile.
func (cs *Credentials) MeetsWords(c *Credential) []string {
	out := make([]string, len(c.Meets))
	for i, id := range c.Meets {
		out[i] = cmp.Or(cs.titles[id], id)
	}
	return out
}

// RuleWords is a rule as a person reads it, in words rather than ids: the question it asks, the
// choices that meet it by their labels, and whether the question takes several (the rule then
// asks that the answer include one).
func (cs *Credentials) RuleWords(r Rule) (question string, choices []string, several bool) {
	q, ok := (*questions.Question)(nil), false
	if cs.bank != nil {
		q, ok = cs.bank.Question(r.Question)
	}
	if !ok {
		return r.Question, slices.Clone(r.In), false
	}
	for _, v := range r.In {
		c, _ := q.Choice(v)
		choices = append(choices, cmp.Or(c.Label, v))
	}
	question = q.Text
	if i := strings.LastIndex(question, " ("); q.Optional && i > 0 && strings.HasSuffix(question, ")") {
		question = question[:i] // "(optional)", which the rule does not need to say
	}
	return question, choices, q.Kind == questions.AnyOf
}

// Get returns the credential with this id.
func (cs *Credentials) Get(id string) (*Credential, bool) {
	if i := slices.IndexFunc(cs.Credentials, func(c Credential) bool { return c.ID == id }); i >= 0 {
		return &cs.Credentials[i], true
	}
	return nil, false
}

// CredentialStatus is one credential as it stands for one person: the report's `credentials`.
type CredentialStatus struct {
	ID      string   `json:"id" yaml:"id"`
	Name    string   `json:"name" yaml:"name"`
	Status  Status   `json:"status" yaml:"status"`
	Meets   []string `json:"meets" yaml:"meets"`
	Missing []string `json:"missing" yaml:"missing"`
	Source  string   `json:"source" yaml:"source"`
}

// The credential ids a profile's credentials file must give, as the contract promises.
var requiredCredentials = []string{"cca", "rhit", "rhia", "ccs"}

// credentialQuestion is the question that names the credential a person holds.
const credentialQuestion = "certification.credential"

// defaultCredentials returns the embedded credentials, checked against the profile's bank. They
// are written for the embedded profile; with a custom profile, requirements it does not have are
// left out of meets rather than refused.
func defaultCredentials(p *Profile, decoding func() (decoded[Credentials], error)) (*Credentials, error) {
	d, err := decoding()
	return checked(d.v, d.f, err, func(cs *Credentials, f *yamlFile) { cs.check(f, p, false) })
}

// ParseCredentials reads a credentials file strictly (readStrict) and checks it against the
// profile and its bank: known questions and values, known requirement ids, known credential ids,
// a grade on every rule and no secondhand rule deciding eligibility. Refusals match
// inputerr.ErrInvalid and name the file and line.
func ParseCredentials(path string, data []byte, p *Profile) (*Credentials, error) {
	cs, f, err := readStrict[Credentials](path, data, credentialsKind, p.bank.Lang())
	return checked(cs, f, err, func(cs *Credentials, f *yamlFile) { cs.check(f, p, true) })
}

// checked is v, read from f (err the reader's refusal), once check has found nothing wrong with
// it: the end of reading a credentials or steps file, embedded or given.
func checked[T any](v *T, f *yamlFile, err error, check func(v *T, f *yamlFile)) (*T, error) {
	if err != nil {
		return nil, err
	}
	check(v, f)
	return v, f.Err()
}

// check refuses what the rest relies on; strict also refuses requirement ids the profile lacks.
func (cs *Credentials) check(f *yamlFile, p *Profile, strict bool) {
	seen := map[string]bool{}
	cs.origin, cs.bank, cs.titles = fileOrigin{path: f.Path}, p.bank, map[string]string{}
	for _, r := range p.Requirements {
		cs.titles[r.ID] = r.Title
	}
	for i := range cs.Credentials {
		c := &cs.Credentials[i]
		cs.origin.lines = append(cs.origin.lines, f.line("credentials", i))
		c.check(p, seen, strict, func(msg string, at ...any) {
			f.AddText(f.line(append([]any{"credentials", i}, at...)...), c.ID, msg)
		})
		seen[c.ID] = true
	}
	for _, id := range requiredCredentials {
		if !seen[id] {
			f.Add(0, id, "errors.profile.credential-missing", i18n.Args{"ID": id, "IDs": strings.Join(requiredCredentials, ", ")})
		}
	}
}

// problemAt tells a problem of a credential, in the bank's language, at the field it is about: a
// path under the credential, as yamlFile.line takes it (none for the credential as a whole).
type problemAt func(msg string, at ...any)

// check tells what is wrong with one credential; seen holds the ids before it.
func (c *Credential) check(p *Profile, seen map[string]bool, strict bool, problem problemAt) {
	l := p.bank.Words()
	add := func(id string, args i18n.Args, at ...any) { problem(l.T(id, args), at...) }
	credQ, _ := p.bank.Question(credentialQuestion)
	switch {
	case c.ID == "" || seen[c.ID]:
		add("errors.profile.credential-id", nil, "id")
	case credQ != nil && !slices.Contains(credQ.ValueNames(), c.ID):
		add("errors.profile.unknown-credential", i18n.Args{"ID": strconv.Quote(c.ID), "Values": strings.Join(credQ.ValueNames(), ", "), "Question": credentialQuestion}, "id")
	}
	if c.Name == "" || c.Body == "" || c.Source == "" {
		add("errors.profile.credential-texts", nil)
	}
	if len(c.Meets) == 0 {
		add("errors.profile.no-meets", nil)
	}
	for k, id := range c.Meets {
		if strict && !p.hasRequirement(id) {
			problem("meets: "+notARequirement(l, id, p), "meets", k)
		}
	}
	if e := c.Exam; e != nil && (e.Facts == "" || e.Source == "") {
		add("errors.profile.exam-fields", nil, "exam")
	}
	if e := c.Exam; e != nil && !validGrade(e.Grade) {
		problem("exam: "+l.T("errors.profile.grade", i18n.Args{"Value": strconv.Quote(string(e.Grade))}), "exam", "grade")
	}
	if len(c.Eligible) == 0 && c.Undecided == "" {
		add("errors.profile.undecided", nil)
	}
	c.checkRoutes(p.bank, problem)
}

// notARequirement says that id is not a requirement of the profile, in l's language.
func notARequirement(l *i18n.Localizer, id string, p *Profile) string {
	return l.T("errors.profile.not-a-requirement", i18n.Args{"ID": strconv.Quote(id), "Profile": p.ID})
}

// checkRoutes tells what is wrong with a credential's routes, each at its route or rule.
func (c *Credential) checkRoutes(bank *questions.Bank, problem problemAt) {
	l := bank.Words()
	for _, group := range []struct {
		name     string
		routes   []Route
		deciding bool
	}{{"eligible", c.Eligible, true}, {"early", c.Early, true}, {"reported", c.Reported, false}, {"prepared", c.Prepared, false}} {
		for j, r := range group.routes {
			// Any eligible route may be the nearest, which says what is missing: each of its
			// rules needs words.
			checkRoute(bank, r, group.deciding, group.name == "eligible", func(msg string, at ...any) {
				msg = l.T("errors.profile.route", i18n.Args{"Group": group.name, "N": j + 1, "Problem": msg})
				problem(msg, append([]any{group.name, j}, at...)...)
			})
		}
	}
	for j, r := range c.Unchecked {
		if r.Text == "" || r.Source == "" || !validGrade(r.Grade) || len(r.Rules) > 0 || r.Because != "" {
			problem(l.T("errors.profile.unchecked-route", i18n.Args{"N": j + 1}), "unchecked", j)
		}
	}
}

func validGrade(g Grade) bool { return g == GradePrimary || g == GradeSecondary }

// checkRoute tells what is wrong with a route, each at its field or rule under the route.
func checkRoute(bank *questions.Bank, r Route, deciding, needWords bool, problem problemAt) {
	l := bank.Words()
	add := func(id string, args i18n.Args, at ...any) { problem(l.T(id, args), at...) }
	if r.Text == "" || r.Source == "" || (deciding && r.Because == "") {
		add("errors.profile.route-texts", nil)
	}
	switch {
	case !validGrade(r.Grade):
		add("errors.profile.grade", i18n.Args{"Value": strconv.Quote(string(r.Grade))}, "grade")
	case deciding && r.Grade != GradePrimary:
		add("errors.profile.grade-deciding", nil, "grade")
	}
	if len(r.Rules) == 0 {
		add("errors.profile.no-rules", nil)
	}
	for k, rule := range r.Rules {
		if msg := checkCondition(bank, questions.Condition{Question: rule.Question, In: rule.In}, true); msg != "" {
			problem(msg, "rules", k)
			continue
		}
		q, _ := bank.Question(rule.Question)
		for _, v := range slices.Sorted(maps.Keys(rule.MissingWhen)) { // by value, not a map's changing order
			if _, ok := q.Choice(v); !ok {
				problem("missing_when: "+valueNotAllowed(l, v, q), "rules", k, "missing_when")
			} else if strings.TrimSpace(rule.MissingWhen[v]) == "" { // "", ~ or spaces: a person would read nothing
				add("errors.profile.missing-when-empty", i18n.Args{"Question": rule.Question, "Value": strconv.Quote(v)},
					"rules", k, "missing_when", v)
			}
		}
		if strings.TrimSpace(rule.Missing) == "" && (needWords || len(rule.MissingWhen) > 0) {
			add("errors.profile.missing-required", i18n.Args{"Question": rule.Question}, "rules", k)
		}
	}
}

// holds tells whether every rule of the route holds.
func (r Route) holds(a *questions.Answers) bool {
	return !slices.ContainsFunc(r.Rules, func(rule Rule) bool { return !rule.holds(a) })
}

// holds tells whether the person's answer is one of the rule's values; for a multiple-choice
// question (coursework), whether it includes one of them.
func (r Rule) holds(a *questions.Answers) bool {
	ans, ok := a.Get(r.Question)
	return ok && (slices.Contains(r.In, ans.Choice) || slices.ContainsFunc(ans.Choices, func(v string) bool { return slices.Contains(r.In, v) }))
}

// holding is the first of routes that holds for the person, nil if none does.
func holding(routes []Route, a *questions.Answers) *Route {
	if i := slices.IndexFunc(routes, func(r Route) bool { return r.holds(a) }); i >= 0 {
		return &routes[i]
	}
	return nil
}

// prepared is the first route by which the person is prepared as the body recommends; ok is
// true too when the credential recommends nothing.
func (c *Credential) prepared(a *questions.Answers) (route *Route, ok bool) {
	route = holding(c.Prepared, a)
	return route, route != nil || len(c.Prepared) == 0
}

// Status works out where the person stands with one credential.
func (c *Credential) Status(bank *questions.Bank, a *questions.Answers) CredentialStatus {
	s := CredentialStatus{ID: c.ID, Name: c.Name, Status: c.standing(bank, a), Meets: slices.Clone(c.Meets), Missing: []string{}, Source: c.Source}
	if s.Status != NotYet {
		return s
	}
	if len(c.Eligible) > 0 {
		s.Missing = c.missing(bank, a)
		return s
	}
	// Rules known only as reported never decide: a route that holds is said as what it is, a
	// sign to confirm with the body; with none, what the reports ask for.
	for _, r := range c.Reported {
		if r.holds(a) {
			s.Missing = append(s.Missing, reportedSentence(bank, r, a))
		}
	}
	if len(s.Missing) == 0 {
		s.Missing = append(s.Missing, c.Undecided)
	}
	return s
}

// standing is Status without the words: a plan asks it of every exam after every step, and
// needs only whether the person may sit it.
func (c *Credential) standing(bank *questions.Bank, a *questions.Answers) Status {
	if held, ok := a.Get(credentialQuestion); ok && held.Choice == c.ID && asked(bank, credentialQuestion, a) {
		return Held
	}
	switch {
	case holding(c.Eligible, a) != nil:
		return Eligible
	case holding(c.Early, a) != nil:
		return EligibleEarly
	}
	return NotYet
}

// reportedSentence words a reported route that holds for the person: its because, {answer}
// standing for their answer to its first rule by that answer's short label ("RHIT"); its text
// when it has no because.
func reportedSentence(bank *questions.Bank, r Route, a *questions.Answers) string {
	if r.Because == "" || len(r.Rules) == 0 {
		return r.Text
	}
	answer := ""
	if ans, ok := a.Get(r.Rules[0].Question); ok {
		answer = ans.Choice
		if q, ok := bank.Question(r.Rules[0].Question); ok {
			if ch, ok := q.Choice(ans.Choice); ok && ch.Label != "" {
				answer, _, _ = strings.Cut(ch.Label, " (")
			}
		}
	}
	return strings.ReplaceAll(r.Because, "{answer}", answer)
}

// missing says what stands between a person and the credential: the failing rules of the
// nearest eligible route; the rule of an early route that alone fails, on an answer given ("in
// its last term you may test early"); then the routes hitready cannot check, which send the
// person to the body.
func (c *Credential) missing(bank *questions.Bank, a *questions.Answers) []string {
	out := missing(c.nearest(bank, a), a)
	for _, r := range c.Early {
		failing := slices.DeleteFunc(slices.Clone(r.Rules), func(rule Rule) bool { return rule.holds(a) })
		if len(failing) == 1 && answered(a, failing[0].Question) {
			out = appendNew(out, missing(r, a)...)
		}
	}
	for _, r := range c.Unchecked {
		out = appendNew(out, r.Text)
	}
	return out
}

// nearest is the eligible route a person is closest to: among those whose failing rules are all
// on questions the person is asked (a route through a health information program completed
// beside another degree is no route for a person with a degree in the field), the one with the
// fewest failing rules; the first of equals. A rule on an unanswered question after a failing one
// is not counted: missing leaves it out too.
func (c *Credential) nearest(bank *questions.Bank, a *questions.Answers) Route {
	best, bestRank := c.Eligible[0], -1
	for _, r := range c.Eligible {
		failing := failingRules(r, a)
		rank := len(failing)
		if slices.ContainsFunc(failing, func(rule Rule) bool { return !asked(bank, rule.Question, a) }) {
			rank += len(r.Rules) + 1 // after every route a person can follow
		}
		if bestRank < 0 || rank < bestRank {
			best, bestRank = r, rank
		}
	}
	return best
}

// failingRules are the rules of a route that fail for a person, as missing words them: after the
// first, those on unanswered questions are left out.
func failingRules(r Route, a *questions.Answers) []Rule {
	var out []Rule
	for _, rule := range r.Rules {
		if rule.holds(a) || (len(out) > 0 && !answered(a, rule.Question)) {
			continue
		}
		out = append(out, rule)
	}
	return out
}

func answered(a *questions.Answers, id string) bool {
	_, ok := a.Get(id)
	return ok
}

// appendNew appends the texts not already in out.
func appendNew(out []string, texts ...string) []string {
	for _, t := range texts {
		if t != "" && !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

// missing words the failing rules of a route for a person: the sentence for their answer, else
// the rule's own. Once a rule has failed, later rules on questions the person has not answered
// are left out: the earlier sentence covers them ("an associate's degree from a CAHIIM-accredited
// program" says all there is to say to a person without a degree).
func missing(r Route, a *questions.Answers) []string {
	out := []string{}
	for _, rule := range failingRules(r, a) {
		ans, _ := a.Get(rule.Question) // unanswered, its choice is "", which no missing_when names
		out = appendNew(out, cmp.Or(rule.MissingWhen[ans.Choice], rule.Missing))
	}
	return out
}

// asked tells whether question id applies to the person: a credential named in an answer whose
// exam was not passed is not held.
func asked(bank *questions.Bank, id string, a *questions.Answers) bool {
	q, ok := bank.Question(id)
	return ok && bank.Asks(q, a) == questions.Asked
}

// statuses works out every credential for a person, in file order. meets keeps only the
// requirements of the profile in force: embedded credentials used with a custom profile name
// what that profile has.
func (cs *Credentials) statuses(p *Profile, a *questions.Answers) []CredentialStatus {
	out := make([]CredentialStatus, 0, len(cs.Credentials))
	for i := range cs.Credentials {
		s := cs.Credentials[i].Status(p.bank, a)
		s.Meets = slices.DeleteFunc(s.Meets, func(id string) bool { return !p.hasRequirement(id) })
		out = append(out, s)
	}
	return out
}
