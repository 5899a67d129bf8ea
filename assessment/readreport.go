package assessment

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"

	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/inputerr"
	"github.com/hitready/hitready/internal/textsafe"
	"github.com/hitready/hitready/questions"
)

// DecodeReport reads a saved JSON report (assess --format json) strictly, as `compare` needs it.
// The JSON is read by github.com/go-json-experiment/json, encoding/json/v2 as a module (Go 1.26
// has it only behind GOEXPERIMENT=jsonv2; on Go 1.27 the module is the standard library's): it
// refuses a key given twice, a key not spelled as the field is (encoding/json would let
// "Respondent" fill respondent), unknown fields and data after the report. A report is data a
// person may have edited by hand, and everything it says is shown again, so it is then checked:
// its schema and profile are the profile in force, p; its numbers are in range and its words are
// known; and a report that carries its answers is scored from them again under p and refused
// wherever it says otherwise. An older report, saved without its answers, can only be checked for
// consistency (its areas, score, thresholds and verdict follow from each other and from p); see
// Rescored. Refusals match inputerr.ErrInvalid and name the file, the line and the field. Source
// is set to path.
func DecodeReport(path string, data []byte, p *Profile) (Report, error) {
	// A byte order mark is not JSON; an editor may have put one in front of a saved report.
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	c := &reportChecker{path: path, data: data, profile: p}
	var r Report
	var answers savedAnswers
	if err := json.Unmarshal(data, &r, json.RejectUnknownMembers(true),
		json.WithUnmarshalers(json.UnmarshalFromFunc(answers.read))); err != nil {
		c.decodeError(err)
		return Report{}, c.err()
	}
	c.check(&r, &answers)
	if err := c.err(); err != nil {
		return Report{}, err
	}
	r.Source = path
	return r, nil
}

// Rescored tells whether a report read by DecodeReport was scored again from its answers; one
// saved before reports carried them was only checked for consistency.
func (r Report) Rescored() bool { return r.Answers != nil }

// savedAnswers is a report's "answers" as the file holds them, and the offset they start at.
type savedAnswers struct {
	raw jsontext.Value
	at  int
}

func (s *savedAnswers) read(dec *jsontext.Decoder, _ *questions.Answers) error {
	v, err := dec.ReadValue()
	if err != nil {
		return err
	}
	s.raw, s.at = v.Clone(), int(dec.InputOffset())-len(v)
	return nil
}

// reportChecker lists what is wrong with a saved report, each problem at its field
// ("areas[1].score") and the line of that field.
type reportChecker struct {
	path     string
	data     []byte
	profile  *Profile // the profile in force, which the report must have been scored against
	problems []inputerr.Problem
	fields   []string // the field of each problem, whose line err looks up
	lines    map[string]int
}

func (c *reportChecker) add(field, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if field != "" {
		msg = field + ": " + msg
	}
	c.problems = append(c.problems, inputerr.Problem{Origin: inputerr.Origin{Path: c.path}, Message: msg})
	c.fields = append(c.fields, field)
}

// err is the refusal of the report, each problem at its line, in the order of the file; nil when
// there is none.
func (c *reportChecker) err() error {
	if len(c.problems) == 0 {
		return nil
	}
	for i, field := range c.fields {
		if c.problems[i].Origin.Line == 0 {
			c.problems[i].Origin.Line = c.line(field)
		}
	}
	return screenful(c.problems, 0)
}

// line is the line of a field ("areas[1].score") in the file, 0 when it is not there. The lines
// of every field are found in one pass over the JSON tokens, the first time one is wanted.
func (c *reportChecker) line(field string) int {
	if c.lines == nil {
		c.lines = map[string]int{}
		dec := jsontext.NewDecoder(bytes.NewReader(c.data), jsontext.AllowDuplicateNames(true), jsontext.AllowInvalidUTF8(true))
		for {
			if _, err := dec.ReadToken(); err != nil {
				break
			}
			if ptr := string(dec.StackPointer()); c.lines[ptr] == 0 {
				c.lines[ptr] = c.lineAt(int(dec.InputOffset()))
			}
		}
	}
	return c.lines[pointer(field)]
}

func (c *reportChecker) lineAt(offset int) int {
	return bytes.Count(c.data[:min(max(offset, 0), len(c.data))], []byte("\n")) + 1
}

// pointer is the JSON pointer of a field: "areas[1].score" is "/areas/1/score".
func pointer(field string) string {
	if field == "" {
		return ""
	}
	return "/" + strings.NewReplacer("[", "/", "].", "/", "]", "", ".", "/").Replace(field)
}

// fieldOf is the field of a JSON pointer, as messages name it: "/areas/1/score" is "areas[1].score".
func fieldOf(ptr jsontext.Pointer) string {
	var b strings.Builder
	for token := range ptr.Tokens() {
		if _, err := strconv.Atoi(token); err == nil {
			b.WriteString("[" + token + "]")
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(token)
	}
	return b.String()
}

// decodeError words what the JSON decoder refused, without Go's type names.
func (c *reportChecker) decodeError(err error) {
	var syn *jsontext.SyntacticError
	var sem *json.SemanticError
	switch {
	case errors.As(err, &syn) && errors.Is(syn.Err, jsontext.ErrDuplicateName):
		field := fieldOf(syn.JSONPointer)
		c.add("", "%s is given twice (first at line %d); a report names each field once", strconv.Quote(field), c.line(field))
		c.problems[0].Origin.Line = c.lineAt(int(syn.ByteOffset))
	case errors.As(err, &syn) && strings.Contains(syn.Err.Error(), "after top-level value"):
		c.add("", "has data after the end of the report; a report is one JSON object")
		c.problems[0].Origin.Line = c.lineAt(int(syn.ByteOffset))
	case errors.Is(err, io.ErrUnexpectedEOF):
		c.add("", "is not a valid report: it ends before the JSON is complete")
		c.problems[0].Origin.Line = c.lineAt(len(c.data))
	case errors.As(err, &syn):
		c.add("", "is not a valid report: %v", syn.Err)
		c.problems[0].Origin.Line = c.lineAt(int(syn.ByteOffset))
	case errors.As(err, &sem):
		c.semanticError(sem)
	default:
		c.add("", "is not a valid report: %v", err)
	}
}

// semanticError words a value the report's fields do not take: an unknown key (or a known one in
// other letter case), a value of the wrong kind, a number no float holds.
func (c *reportChecker) semanticError(e *json.SemanticError) {
	field := fieldOf(e.JSONPointer)
	parent, key := "", field
	if i := strings.LastIndexAny(field, ".]"); i >= 0 {
		parent, key = strings.TrimSuffix(field[:i+1], "."), field[i+1:]
	}
	switch {
	case field == "":
		c.add("", "is not a report: a report is one JSON object")
	case e.Err != nil && strings.Contains(e.Err.Error(), "unknown object member"):
		c.unknownField(parent, key, e.GoType)
	case errors.Is(e.Err, strconv.ErrRange):
		c.add("", "is not a valid report: %s: %s is too large", field, e.JSONValue)
	default:
		c.add("", "is not a valid report: %s must be %s; got a JSON %s", field, jsonKind(e.GoType), jsonKindName(e.JSONKind))
	}
	c.problems[0].Origin.Line = c.lineAt(int(e.ByteOffset))
}

// unknownField refuses a key of parent that t has no field for; a field's name in other letter
// case is told as such.
func (c *reportChecker) unknownField(parent, key string, t reflect.Type) {
	join := func(name string) string { return strings.TrimPrefix(parent+"."+name, ".") }
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	for i := 0; t != nil && t.Kind() == reflect.Struct && i < t.NumField(); i++ {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		switch {
		case !strings.EqualFold(name, key):
		case c.line(join(name)) > 0:
			c.add("", "%s and %s (line %d) name the same field, letter case aside; a report names each field once",
				strconv.Quote(join(key)), strconv.Quote(join(name)), c.line(join(name)))
			return
		default:
			c.add("", "%s must be written %s: a report's field names are spelled as hitready writes them", strconv.Quote(join(key)), strconv.Quote(join(name)))
			return
		}
	}
	c.add("", "is not a valid report: has unknown field %s; it is not a field of a %s report", strconv.Quote(join(key)), Schema)
}

func jsonKind(t reflect.Type) string {
	if t == nil {
		return "something else"
	}
	switch t.Kind() {
	case reflect.Float64, reflect.Int:
		return "a number"
	case reflect.Bool:
		return "true or false"
	case reflect.String:
		return "text"
	case reflect.Slice:
		return "a list"
	}
	return "an object"
}

func jsonKindName(k jsontext.Kind) string {
	switch k {
	case '"':
		return "string"
	case '0':
		return "number"
	case 't', 'f':
		return "boolean"
	case 'n':
		return "null"
	case '[':
		return "array"
	}
	return "object"
}

// check checks a decoded report against itself and the profile in force.
func (c *reportChecker) check(r *Report, answers *savedAnswers) {
	p := c.profile
	switch {
	case r.Schema == "":
		c.add("schema", "is missing; compare reads %q reports", Schema)
		return
	case r.Schema != Schema:
		c.add("schema", "is %q; compare reads %q reports", r.Schema, Schema)
		return
	case r.Profile != p.ID:
		// Everything else would differ too: say the one thing that explains it.
		c.add("profile", "scored against profile %q, not %q (the profile in force); compare it with --profile FILE, where FILE is profile %q",
			textsafe.Escape(r.Profile), p.ID, textsafe.Escape(r.Profile))
		return
	}
	if r.Lang != "" && !slices.Contains(i18n.Langs(), i18n.Lang(r.Lang)) {
		c.add("lang", "is %q; a report's language is en or es", textsafe.Escape(r.Lang))
		return
	}
	if lang := cmp.Or(r.Lang, string(i18n.English)); answers.raw == nil && lang != string(p.bank.Lang()) {
		// Without its answers its sentences cannot be worded again in this run's language, and
		// shown beside this run's they would mix two: say which language to compare it in.
		c.add("lang", "the report is in %s and this run in %s; a report saved without its answers is compared in its own language: --lang %s",
			lang, p.bank.Lang(), lang)
		return
	}
	c.texts("", reflect.ValueOf(*r))
	if !c.inRange(r) || len(c.problems) > 0 {
		return
	}
	if answers.raw != nil {
		c.rescore(r, answers)
		return
	}
	c.consistent(r)
}

// texts refuses text that would control a terminal, in every field of v but the source, which is
// the answers file's name (JSON writes it escaped, and DecodeReport replaces it with the path).
func (c *reportChecker) texts(field string, v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		if r, bad := textsafe.Unsafe(v.String()); bad && field != "source" {
			c.add(field, "holds %s; a report's text is printable and on one line", textsafe.Describe(r))
		}
	case reflect.Slice:
		for i := range v.Len() {
			c.texts(fmt.Sprintf("%s[%d]", field, i), v.Index(i))
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if name, _, _ := strings.Cut(v.Type().Field(i).Tag.Get("json"), ","); v.Type().Field(i).IsExported() && name != "-" {
				c.texts(strings.TrimPrefix(field+"."+name, "."), v.Field(i))
			}
		}
	}
}

// inRange refuses numbers outside their range and words hitready does not write.
func (c *reportChecker) inRange(r *Report) bool {
	before := len(c.problems)
	c.number("score", r.Score, 0, 100)
	if r.Verdict.Rank() == 0 && r.Verdict != NotReady {
		c.add("verdict", "%q is not a verdict; allowed: %s, %s, %s", r.Verdict, Ready, NearlyReady, NotReady)
	}
	c.number("thresholds.ready", r.Thresholds.Ready, 0, 100)
	c.number("thresholds.nearly_ready", r.Thresholds.NearlyReady, 0, r.Thresholds.Ready)
	for i, a := range r.Areas {
		c.number(fmt.Sprintf("areas[%d].score", i), a.Score, 0, 100)
		c.number(fmt.Sprintf("areas[%d].weight", i), a.Weight, 0, maxWeight)
	}
	for i, req := range r.Requirements {
		c.number(fmt.Sprintf("requirements[%d].credit", i), req.Credit, 0, 1)
	}
	for i, g := range r.Gaps {
		if g.Severity.rank() == 2 && g.Severity != Minor {
			c.add(fmt.Sprintf("gaps[%d].severity", i), "%q is not a severity; allowed: %s, %s, %s", g.Severity, Blocking, Major, Minor)
		}
	}
	for i, cr := range r.Credentials {
		if cr.Status.Rank() == 0 && cr.Status != NotYet {
			c.add(fmt.Sprintf("credentials[%d].status", i), "%q is not a status; allowed: %s, %s, %s, %s", cr.Status, Held, Eligible, EligibleEarly, NotYet)
		}
	}
	for i, s := range r.Plan {
		if s.Step != i+1 {
			c.add(fmt.Sprintf("plan[%d].step", i), "is %d; a plan's steps are numbered 1 to %d in order, so this one is %d", s.Step, len(r.Plan), i+1)
		}
	}
	return len(c.problems) == before
}

func (c *reportChecker) number(field string, x, lo, hi float64) {
	if math.IsNaN(x) || x < lo || x > hi {
		c.add(field, "%v is outside %g-%g", x, lo, hi)
	}
}

// rescore scores the report's answers again under the profile in force and refuses the report
// wherever it says otherwise: its verdict, score, areas, requirements, gaps, notes, credentials,
// plan or settings. The answers are read as an answers file is, at their lines in the report.
func (c *reportChecker) rescore(r *Report, saved *savedAnswers) {
	respondent, _ := json.Marshal(r.Respondent)
	doc := strings.Repeat("\n", c.lineAt(saved.at)-1) + `{"respondent": ` + string(respondent) + `, "answers": ` + string(saved.raw) + "}"
	a, err := c.profile.bank.DecodeAnswers(c.path, []byte(doc))
	if err != nil {
		var invalid *inputerr.InvalidError
		if !errors.As(err, &invalid) {
			c.add("answers", "%v", err)
			return
		}
		for _, problem := range invalid.Problems {
			problem.Message = "answers: " + problem.Message
			c.problems = append(c.problems, problem)
			c.fields = append(c.fields, "answers")
		}
		return
	}
	// Reports are worded in English today; once a report says its language, its answers must be
	// scored again in that language, or every sentence would differ.
	want := Score(c.profile, a)
	// A report written in another language than this session's has its sentences in that
	// language: they are not compared, the rest is (an answers file scores the same in every
	// language). A report without lang was written in English.
	otherLang := cmp.Or(r.Lang, "en") != want.Lang
	got, wanted := reflect.ValueOf(*r), reflect.ValueOf(want)
	for i := range got.NumField() {
		field := got.Type().Field(i)
		name, _, _ := strings.Cut(field.Tag.Get("json"), ",")
		if name == "source" || name == "answers" || name == "lang" || !field.IsExported() {
			continue
		}
		g, w := got.Field(i), wanted.Field(i)
		if otherLang {
			g, w = withoutSentences(g), withoutSentences(w)
		}
		where, says, gives, differ := difference(name, g, w)
		switch {
		case differ && c.line(where) == 0:
			c.add(where, "is missing; the report's answers, scored under profile %s, give %s", c.profile.ID, gives)
		case differ:
			c.add(where, "the report says %s; its answers, scored under profile %s, give %s", says, c.profile.ID, gives)
		}
	}
	// What is shown is the report scored again, which agrees with the file wherever it was
	// checked: its sentences in this run's language (a report in another language has them
	// unchecked, and maybe edited), and what JSON does not carry (each step's group, by which a
	// comparison knows the program a person found in the one they are now enrolled in).
	if len(c.problems) == 0 {
		*r = want
	}
	r.Answers = a
}

// sentenceFields are the fields of a report that are sentences in its language, by JSON name:
// the contract's, the titles and names a person reads, and what the embedded data words in each
// language: a credential's or a setting's source, a step's duration and who says so, an industry.
var sentenceFields = map[string]bool{
	"requirement": true, "current": true, "target": true, "next_step": true, "action": true,
	"missing": true, "title": true, "name": true, "text": true, "label": true,
	"source": true, "duration": true, "duration_source": true, "industry": true,
}

// withoutSentences is a copy of v with every sentence field emptied, at any depth.
func withoutSentences(v reflect.Value) reflect.Value {
	switch v.Kind() {
	case reflect.Slice:
		if v.IsNil() {
			return v
		}
		out := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := range v.Len() {
			out.Index(i).Set(withoutSentences(v.Index(i)))
		}
		return out
	case reflect.Struct:
		out := reflect.New(v.Type()).Elem()
		out.Set(v)
		for i := range v.NumField() {
			f := v.Type().Field(i)
			if !f.IsExported() {
				continue
			}
			if name, _, _ := strings.Cut(f.Tag.Get("json"), ","); sentenceFields[name] {
				out.Field(i).SetZero()
			} else {
				out.Field(i).Set(withoutSentences(v.Field(i)))
			}
		}
		return out
	}
	return v
}

// difference finds the first field under field where got and want differ, and words each side.
func difference(field string, got, want reflect.Value) (where, says, gives string, differ bool) {
	switch got.Kind() {
	case reflect.Slice:
		for i := range min(got.Len(), want.Len()) {
			if where, says, gives, differ := difference(fmt.Sprintf("%s[%d]", field, i), got.Index(i), want.Index(i)); differ {
				return where, says, gives, true
			}
		}
		if got.Len() != want.Len() {
			return field, fmt.Sprintf("%d items", got.Len()), strconv.Itoa(want.Len()), true
		}
	case reflect.Struct:
		for i := range got.NumField() {
			name, _, _ := strings.Cut(got.Type().Field(i).Tag.Get("json"), ",")
			if !got.Type().Field(i).IsExported() || name == "-" {
				continue
			}
			if where, says, gives, differ := difference(field+"."+name, got.Field(i), want.Field(i)); differ {
				return where, says, gives, true
			}
		}
	default:
		if !got.Equal(want) {
			return field, fmt.Sprintf("%v", got), fmt.Sprintf("%v", want), true
		}
	}
	return "", "", "", false
}

// consistent checks a report saved without its answers as far as it can be: its areas are the
// profile's, with its weights, and its score their weighted mean; its thresholds and its
// requirements' areas and blocking are the profile's; its verdict follows from the score and
// what blocks.
func (c *reportChecker) consistent(r *Report) {
	p := c.profile
	for _, f := range []string{"score", "verdict", "thresholds", "areas", "gaps"} {
		if c.line(f) == 0 {
			c.add(f, "is missing; a report has it")
		}
	}
	if t := r.Thresholds; t != p.Thresholds {
		c.add("thresholds", "are ready %g and nearly_ready %g; profile %s has %g and %g", t.Ready, t.NearlyReady, p.ID, p.Thresholds.Ready, p.Thresholds.NearlyReady)
	}
	if c.areas(r.Areas) && c.line("areas") > 0 {
		c.weightedMean(r)
	}
	blocker := c.requirements(r.Requirements)
	for _, g := range r.Gaps {
		if g.Severity == Blocking && blocker == "" {
			blocker = "the blocking gap " + g.ID
		}
	}
	if len(c.problems) > 0 {
		return
	}
	if want := verdict(r.Thresholds, r.Score, blocker != ""); want != r.Verdict {
		because := ""
		if blocker != "" {
			because = " and " + blocker
		}
		c.add("verdict", "%s does not follow from the report: a score of %g with thresholds %g/%g%s makes it %s",
			r.Verdict, r.Score, r.Thresholds.Ready, r.Thresholds.NearlyReady, because, want)
	}
}

// areas checks that the report's areas are the profile's, each once, with the profile's weights,
// and reports whether the score can be checked against them.
func (c *reportChecker) areas(areas []AreaScore) bool {
	p := c.profile
	want := map[string]Area{}
	var ids []string
	for _, a := range p.Areas {
		want[a.ID] = a
		ids = append(ids, a.ID)
	}
	before := len(c.problems)
	given := map[string]bool{}
	for i, a := range areas {
		f := fmt.Sprintf("areas[%d]", i)
		pa, known := want[a.ID]
		switch {
		case given[a.ID]:
			c.add(f+".id", "%q is given twice; a report gives each area once", a.ID)
		case !known:
			c.add(f+".id", "%q is not an area of profile %s; allowed: %s", a.ID, p.ID, strings.Join(ids, ", "))
		case a.Weight != float64(pa.Weight):
			c.add(f+".weight", "is %g; in profile %s, area %s weighs %g", a.Weight, p.ID, a.ID, pa.Weight)
		}
		given[a.ID] = true
	}
	var lacking []string
	for _, id := range ids {
		if !given[id] {
			lacking = append(lacking, id)
		}
	}
	if c.line("areas") > 0 && len(lacking) > 0 {
		c.add("areas", "lacks %s; a report of profile %s gives each of its areas once: %s", strings.Join(lacking, ", "), p.ID, strings.Join(ids, ", "))
	}
	return len(c.problems) == before
}

// scoreSlack is how far a report's score may be from the weighted mean of its area scores: each
// is rounded to a tenth, so the mean of the rounded areas may be up to 0.05 from the unrounded
// score, which is itself rounded by up to 0.05.
const scoreSlack = 0.1 + 1e-9

// weightedMean checks the score against the areas it is made of.
func (c *reportChecker) weightedMean(r *Report) {
	var sum, weights float64
	for _, a := range r.Areas {
		sum += a.Score * a.Weight
		weights += a.Weight
	}
	if mean := sum / weights; weights > 0 && math.Abs(mean-r.Score) > scoreSlack {
		c.add("score", "%g is not the weighted mean of the area scores, %.1f; a report's score is that mean (within 0.1, for rounding)", r.Score, mean)
	}
}

// requirements checks the report's requirements against the profile's and returns what makes
// the report not ready whatever its score, for messages ("" when nothing does).
func (c *reportChecker) requirements(results []Result) (blocker string) {
	p := c.profile
	seen := map[string]bool{}
	for i, req := range results {
		f := fmt.Sprintf("requirements[%d]", i)
		want, known := p.requirement(req.ID)
		switch {
		case !known:
			c.add(f+".id", "%q is not a requirement of profile %s (hitready requirements lists them)", req.ID, p.ID)
		case seen[req.ID]:
			c.add(f+".id", "%q is given twice; a report gives each requirement once", req.ID)
		case req.Blocking != bool(want.Blocking):
			c.add(f+".blocking", "is %v; in profile %s, %s %s", req.Blocking, p.ID, req.ID, map[bool]string{true: "blocks readiness", false: "does not block readiness"}[bool(want.Blocking)])
		case req.Area != want.Area:
			c.add(f+".area", "is %q; in profile %s, %s is in area %s", req.Area, p.ID, req.ID, want.Area)
		}
		seen[req.ID] = true
		if req.Blocking && !req.Met && blocker == "" {
			blocker = "the unmet blocking requirement " + req.ID
		}
	}
	return blocker
}
