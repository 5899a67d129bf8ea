package assessment

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"iter"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"

	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/inputerr"
	"github.com/hitready/hitready/internal/strictyaml"
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
// Rescored. Refusals match inputerr.ErrInvalid, name the file, the line and the field, and are
// worded in the language of p's bank, the run's (messages/errors.report.yaml). Source is set to path.
func DecodeReport(path string, data []byte, p *Profile) (Report, error) {
	// A byte order mark is not JSON; an editor may have put one in front of a saved report.
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	c := &reportChecker{path: path, data: data, profile: p, words: p.bank.Words()}
	var r Report
	var answers savedAnswers
	if err := json.Unmarshal(data, &r, json.RejectUnknownMembers(true),
		json.WithUnmarshalers(json.UnmarshalFromFunc(answers.read))); err != nil {
		c.decodeError(err)
	} else {
		c.check(&r, &answers)
	}
	if len(c.problems) > 0 {
		return Report{}, inputerr.Screenful(c.problems, 0, c.words.Lang())
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
// ("areas[1].score") and the line of that field, worded in the run's language: the bank's.
type reportChecker struct {
	path     string
	data     []byte
	profile  *Profile // the profile in force, which the report must have been scored against
	words    *i18n.Localizer
	problems []inputerr.Problem
	lines    map[string]int
}

// add records a problem of field ("areas[1].score", or "" for the report), at its line: message
// id with args, after the field.
func (c *reportChecker) add(field, id string, args i18n.Args) {
	c.addAt(c.line(field), field, id, args)
}

func (c *reportChecker) addAt(line int, field, id string, args i18n.Args) {
	msg := c.words.T(id, args)
	if field != "" {
		msg = field + ": " + msg
	}
	c.problems = append(c.problems, inputerr.Problem{Origin: inputerr.Origin{Path: c.path, Line: line}, Message: msg})
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
			if at := fieldOf(dec.StackPointer()); c.lines[at] == 0 {
				c.lines[at] = c.lineAt(int(dec.InputOffset()))
			}
		}
	}
	return c.lines[field]
}

func (c *reportChecker) lineAt(offset int) int {
	return bytes.Count(c.data[:min(max(offset, 0), len(c.data))], []byte("\n")) + 1
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
		c.addAt(c.lineAt(int(syn.ByteOffset)), "", "errors.report.key-twice", i18n.Args{"Field": strconv.Quote(field), "First": c.line(field)})
	case errors.As(err, &syn) && strings.Contains(syn.Err.Error(), "after top-level value"):
		c.addAt(c.lineAt(int(syn.ByteOffset)), "", "errors.report.trailing-data", nil)
	case errors.Is(err, io.ErrUnexpectedEOF):
		c.addAt(c.lineAt(len(c.data)), "", "errors.report.ends-early", nil)
	case errors.As(err, &syn):
		c.addAt(c.lineAt(int(syn.ByteOffset)), "", "errors.report.bad-json", i18n.Args{"Reason": syn.Err})
	case errors.As(err, &sem):
		c.semanticError(sem)
	default:
		c.add("", "errors.report.bad-json", i18n.Args{"Reason": err})
	}
}

// semanticError words a value the report's fields do not take: an unknown key (or a known one in
// other letter case), a value of the wrong kind, a number no float holds.
func (c *reportChecker) semanticError(e *json.SemanticError) {
	field, at := fieldOf(e.JSONPointer), c.lineAt(int(e.ByteOffset))
	switch {
	case field == "":
		c.addAt(at, "", "errors.report.not-object", nil)
	case e.Err != nil && strings.Contains(e.Err.Error(), "unknown object member"):
		c.unknownField(at, field, e.GoType)
	case errors.Is(e.Err, strconv.ErrRange):
		c.addAt(at, "", "errors.report.too-large", i18n.Args{"Field": field, "Value": e.JSONValue})
	default:
		want := "errors.report.want.other"
		if e.GoType != nil {
			want = cmp.Or(wantKinds[e.GoType.Kind()], "errors.report.want.object")
		}
		c.addAt(at, "", "errors.report.wrong-kind", i18n.Args{"Field": field, "Want": c.words.T(want),
			"Got": c.words.T(cmp.Or(gotKinds[e.JSONKind], "errors.report.got.object"))})
	}
}

// wantKinds and gotKinds word what a field takes and what the JSON gave instead, by message id;
// the others take an object, and give one.
var (
	wantKinds = map[reflect.Kind]string{reflect.Float64: "errors.report.want.number", reflect.Int: "errors.report.want.number",
		reflect.Bool: "errors.report.want.bool", reflect.String: "errors.report.want.text", reflect.Slice: "errors.report.want.list"}
	gotKinds = map[jsontext.Kind]string{'"': "errors.report.got.string", '0': "errors.report.got.number",
		't': "errors.report.got.boolean", 'f': "errors.report.got.boolean", 'n': "errors.report.got.null", '[': "errors.report.got.array"}
)

// unknownField refuses a key (field) that t, the type of its parent, has no field for; a field's
// name in other letter case is told as such.
func (c *reportChecker) unknownField(at int, field string, t reflect.Type) {
	parent, key := "", field
	if i := strings.LastIndexAny(field, ".]"); i >= 0 {
		parent, key = strings.TrimSuffix(field[:i+1], "."), field[i+1:]
	}
	join := func(name string) string { return strconv.Quote(strings.TrimPrefix(parent+"."+name, ".")) }
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	for i := 0; t != nil && t.Kind() == reflect.Struct && i < t.NumField(); i++ {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if !strings.EqualFold(name, key) {
			continue
		}
		if line := c.line(strings.TrimPrefix(parent+"."+name, ".")); line > 0 {
			c.addAt(at, "", "errors.report.key-case-twice", i18n.Args{"Field": join(key), "Other": join(name), "Line": line})
		} else {
			c.addAt(at, "", "errors.report.key-case", i18n.Args{"Field": join(key), "Want": join(name)})
		}
		return
	}
	c.addAt(at, "", "errors.report.unknown-field", i18n.Args{"Field": join(key), "Schema": Schema})
}

// check checks a decoded report against itself and the profile in force.
func (c *reportChecker) check(r *Report, answers *savedAnswers) {
	p := c.profile
	// The language of the report and of this run's reports (the pseudo-language of tests writes
	// reports said to be English).
	lang, run := cmp.Or(r.Lang, string(i18n.English)), reportLang(p.bank)
	switch {
	case r.Schema == "":
		c.add("schema", "errors.report.schema-missing", i18n.Args{"Want": strconv.Quote(Schema)})
	case r.Schema != Schema:
		c.add("schema", "errors.report.schema-other", i18n.Args{"Schema": strconv.Quote(r.Schema), "Want": strconv.Quote(Schema)})
	case r.Profile != p.ID:
		// Everything else would differ too: say the one thing that explains it.
		c.add("profile", "errors.report.other-profile", i18n.Args{"Profile": strconv.Quote(textsafe.Escape(r.Profile)), "InForce": strconv.Quote(p.ID)})
	case !slices.Contains(i18n.Langs(), i18n.Lang(lang)):
		c.add("lang", "errors.report.lang-unknown", i18n.Args{"Lang": strconv.Quote(textsafe.Escape(r.Lang))})
	case answers.raw == nil && lang != run:
		// Without its answers its sentences cannot be worded again in this run's language, and
		// shown beside this run's they would mix two: say which language to compare it in.
		c.add("lang", "errors.report.lang-other", i18n.Args{"Lang": lang, "Run": run})
	default:
		c.texts("", reflect.ValueOf(*r))
		c.inRange(r)
		switch {
		case len(c.problems) > 0:
		case answers.raw != nil:
			c.rescore(r, answers)
		default:
			c.consistent(r)
		}
	}
}

// texts refuses text that would control a terminal, in every field of v but the source, which is
// the answers file's name (JSON writes it escaped, and DecodeReport replaces it with the path).
func (c *reportChecker) texts(field string, v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		if r, bad := textsafe.Unsafe(v.String()); bad && field != "source" {
			c.add(field, "errors.report.control", i18n.Args{"Char": strictyaml.DescribeRune(c.words, r)})
		}
	case reflect.Slice:
		for i := range v.Len() {
			c.texts(fmt.Sprintf("%s[%d]", field, i), v.Index(i))
		}
	case reflect.Struct:
		for i, name := range jsonFields(v.Type()) {
			c.texts(strings.TrimPrefix(field+"."+name, "."), v.Field(i))
		}
	}
}

// jsonFields yields the index and the JSON name of each field of a struct type that JSON carries.
func jsonFields(t reflect.Type) iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		for i := range t.NumField() {
			if name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ","); t.Field(i).IsExported() && name != "-" && !yield(i, name) {
				return
			}
		}
	}
}

// inRange refuses numbers outside their range and words hitready does not write.
func (c *reportChecker) inRange(r *Report) {
	c.number("score", r.Score, 0, 100)
	oneOf(c, "verdict", "errors.report.not-verdict", r.Verdict, verdicts)
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
		oneOf(c, fmt.Sprintf("gaps[%d].severity", i), "errors.report.not-severity", g.Severity, severities)
	}
	for i, cr := range r.Credentials {
		oneOf(c, fmt.Sprintf("credentials[%d].status", i), "errors.report.not-status", cr.Status, statuses)
	}
	for i, s := range r.Plan {
		if s.Step != i+1 {
			c.add(fmt.Sprintf("plan[%d].step", i), "errors.report.plan-step", i18n.Args{"Step": s.Step, "Count": len(r.Plan), "Want": i + 1})
		}
	}
}

func (c *reportChecker) number(field string, x, lo, hi float64) {
	if math.IsNaN(x) || x < lo || x > hi {
		c.add(field, "errors.report.out-of-range", i18n.Args{"Value": x, "Min": lo, "Max": hi})
	}
}

// oneOf refuses a word of field that is not one hitready writes, naming those it does.
func oneOf[W ~string](c *reportChecker, field, id string, word W, allowed []W) {
	if !slices.Contains(allowed, word) {
		names := make([]string, len(allowed))
		for i, w := range allowed {
			names[i] = string(w)
		}
		c.add(field, id, i18n.Args{"Value": strconv.Quote(string(word)), "Allowed": strings.Join(names, ", ")})
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
			invalid = inputerr.Refuse(inputerr.Origin{Path: c.path}, err.Error())
		}
		for _, problem := range invalid.Problems {
			problem.Message = "answers: " + problem.Message
			problem.Origin.Line = cmp.Or(problem.Origin.Line, c.line("answers"))
			c.problems = append(c.problems, problem)
		}
		return
	}
	want := Score(c.profile, a)
	// A report written in another language than this session's has its sentences in that
	// language: they are not compared, the rest is (an answers file scores the same in every
	// language). A report without lang was written in English; the pseudo-language of tests is
	// not English, whatever its reports say.
	otherLang := cmp.Or(r.Lang, "en") != string(c.profile.bank.Lang())
	got, wanted := reflect.ValueOf(*r), reflect.ValueOf(want)
	for i, name := range jsonFields(got.Type()) {
		if name == "source" || name == "answers" || name == "lang" {
			continue
		}
		if where, says, gives, differ := c.difference(name, got.Field(i), wanted.Field(i), otherLang); differ && c.line(where) == 0 {
			c.add(where, "errors.report.missing-per-answers", i18n.Args{"Profile": c.profile.ID, "Gives": gives})
		} else if differ {
			c.add(where, "errors.report.differs", i18n.Args{"Says": says, "Profile": c.profile.ID, "Gives": gives})
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

// difference finds the first field under field where got and want differ, and words each side;
// without sentences, it passes over the sentence fields at any depth.
func (c *reportChecker) difference(field string, got, want reflect.Value, withoutSentences bool) (where, says, gives string, differ bool) {
	switch got.Kind() {
	case reflect.Slice:
		for i := range min(got.Len(), want.Len()) {
			if where, says, gives, differ := c.difference(fmt.Sprintf("%s[%d]", field, i), got.Index(i), want.Index(i), withoutSentences); differ {
				return where, says, gives, true
			}
		}
		if got.Len() != want.Len() {
			return field, c.words.N("errors.report.items", got.Len()), strconv.Itoa(want.Len()), true
		}
	case reflect.Struct:
		for i, name := range jsonFields(got.Type()) {
			if withoutSentences && sentenceFields[name] {
				continue
			}
			if where, says, gives, differ := c.difference(field+"."+name, got.Field(i), want.Field(i), withoutSentences); differ {
				return where, says, gives, true
			}
		}
	default:
		if !got.Equal(want) {
			return field, fmt.Sprint(got), fmt.Sprint(want), true
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
			c.add(f, "errors.report.missing", nil)
		}
	}
	if t := r.Thresholds; t != p.Thresholds {
		c.add("thresholds", "errors.report.thresholds", i18n.Args{"Ready": t.Ready, "Nearly": t.NearlyReady, "Profile": p.ID,
			"WantReady": p.Thresholds.Ready, "WantNearly": p.Thresholds.NearlyReady})
	}
	if c.areas(r.Areas) && c.line("areas") > 0 {
		c.weightedMean(r)
	}
	c.requirements(r.Requirements)
	blocker := "" // what makes the report not ready whatever its score, worded for a message
	if i := slices.IndexFunc(r.Requirements, func(req Result) bool { return req.Blocking && !req.Met }); i >= 0 {
		blocker = c.words.T("errors.report.blocker.requirement", i18n.Args{"ID": r.Requirements[i].ID})
	} else if i := slices.IndexFunc(r.Gaps, func(g Gap) bool { return g.Severity == Blocking }); i >= 0 {
		blocker = c.words.T("errors.report.blocker.gap", i18n.Args{"ID": r.Gaps[i].ID})
	}
	if want := verdict(r.Thresholds, r.Score, blocker != ""); want != r.Verdict && len(c.problems) == 0 {
		id := "errors.report.verdict-unfounded"
		if blocker != "" {
			id = "errors.report.verdict-unfounded-blocked"
		}
		c.add("verdict", id, i18n.Args{"Verdict": r.Verdict, "Score": r.Score, "Ready": r.Thresholds.Ready,
			"Nearly": r.Thresholds.NearlyReady, "Blocker": blocker, "Want": want})
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
		args := i18n.Args{"ID": strconv.Quote(a.ID), "Profile": p.ID, "Allowed": strings.Join(ids, ", "), "Weight": a.Weight, "Area": a.ID, "Want": pa.Weight}
		switch {
		case given[a.ID]:
			c.add(f+".id", "errors.report.area-twice", args)
		case !known:
			c.add(f+".id", "errors.report.area-unknown", args)
		case a.Weight != float64(pa.Weight):
			c.add(f+".weight", "errors.report.area-weight", args)
		}
		given[a.ID] = true
	}
	lacking := slices.DeleteFunc(slices.Clone(ids), func(id string) bool { return given[id] })
	if c.line("areas") > 0 && len(lacking) > 0 {
		c.add("areas", "errors.report.areas-lacking", i18n.Args{"Lacking": strings.Join(lacking, ", "), "Profile": p.ID, "Areas": strings.Join(ids, ", ")})
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
		c.add("score", "errors.report.score-not-mean", i18n.Args{"Score": r.Score, "Mean": fmt.Sprintf("%.1f", mean)})
	}
}

// requirements checks the report's requirements against the profile's.
func (c *reportChecker) requirements(results []Result) {
	p := c.profile
	seen := map[string]bool{}
	for i, req := range results {
		f := fmt.Sprintf("requirements[%d]", i)
		want, known := p.requirement(req.ID)
		args := i18n.Args{"ID": req.ID, "Profile": p.ID, "Value": req.Blocking, "Area": strconv.Quote(req.Area)}
		switch {
		case !known:
			c.add(f+".id", "errors.report.requirement-unknown", i18n.Args{"ID": strconv.Quote(req.ID), "Profile": p.ID})
		case seen[req.ID]:
			c.add(f+".id", "errors.report.requirement-twice", i18n.Args{"ID": strconv.Quote(req.ID)})
		case req.Blocking != bool(want.Blocking):
			c.add(f+".blocking", map[bool]string{true: "errors.report.requirement-blocks", false: "errors.report.requirement-does-not-block"}[bool(want.Blocking)], args)
		case req.Area != want.Area:
			args["Want"] = want.Area
			c.add(f+".area", "errors.report.requirement-area", args)
		}
		seen[req.ID] = true
	}
}
