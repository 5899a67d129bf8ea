package assessment

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/hitready/hitready/internal/inputerr"
	"github.com/hitready/hitready/internal/textsafe"
)

// maxReportDepth bounds nesting in a saved report; a real one is four levels deep.
const maxReportDepth = 16

// DecodeReport reads a saved JSON report (assess --format json) strictly, as `compare` needs it:
// one JSON object, no key twice, no field the report does not have, numbers finite and in range,
// no text that would control a terminal, and nothing that contradicts the rest of the report or
// p, the profile in force: the report's profile is p, its areas are p's (each once, with p's
// weights) and its score is their weighted mean, its thresholds and blocking requirements are
// p's, its verdict follows from the score and what blocks, its credentials have known statuses
// and its plan is numbered from 1. A report is data a person may have edited by hand; everything
// it says is shown again. Refusals match inputerr.ErrInvalid and name the file and, where there
// is one, the line. Source is set to path.
func DecodeReport(path string, data []byte, p *Profile) (Report, error) {
	// A byte order mark is not JSON; an editor may have put one in front of a saved report.
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	lines, problem := reportLines(data)
	if problem != nil {
		problem.Origin.Path = path
		return Report{}, &inputerr.InvalidError{Problems: []inputerr.Problem{*problem}}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var r Report
	if err := dec.Decode(&r); err != nil {
		return Report{}, reportDecodeError(path, data, err)
	}
	c := reportChecker{path: path, lines: lines, profile: p}
	c.check(&r)
	if len(c.problems) > 0 {
		// In the order of the file (map iteration in check is random), a screenful.
		return Report{}, screenful(c.problems, 0)
	}
	r.Source = path
	return r, nil
}

// reportLines walks the JSON tokens once: it refuses duplicate keys, data after the object and
// deep nesting, and maps each value's path ("areas[1].score") to its line for messages.
func reportLines(data []byte) (map[string]int, *inputerr.Problem) {
	w := &tokenWalker{dec: json.NewDecoder(bytes.NewReader(data)), data: data, lines: map[string]int{}, names: jsonNames(reflect.TypeFor[Report]())}
	w.dec.UseNumber()
	for i, c := range data {
		if c == '\n' {
			w.newlines = append(w.newlines, i)
		}
	}
	tok, err := w.token()
	if err != nil {
		return nil, w.syntax(err)
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return nil, &inputerr.Problem{Origin: inputerr.Origin{Line: w.lineAt(0)}, Message: "is not a report: a report is one JSON object"}
	}
	if p := w.object("", 1); p != nil {
		return nil, p
	}
	if _, err := w.dec.Token(); err != io.EOF {
		return nil, &inputerr.Problem{Origin: inputerr.Origin{Line: w.line()}, Message: "has data after the end of the report; a report is one JSON object"}
	}
	return w.lines, nil
}

type tokenWalker struct {
	dec      *json.Decoder
	data     []byte
	newlines []int
	lines    map[string]int
	// names maps each field name of a report, folded (foldKey), to its spelling: encoding/json
	// matches names regardless of letter case, so "Respondent" would quietly fill respondent.
	names map[string]string
}

// foldKey folds s as encoding/json compares field names, so that two keys it would take for one
// field fold alike: upper then lower case, rune by rune ("ſ" and "S" are "s", the Kelvin sign "k").
func foldKey(s string) string {
	return strings.Map(func(r rune) rune { return unicode.ToLower(unicode.ToUpper(r)) }, s)
}

// jsonNames lists the JSON field names of t and of every struct it holds, by foldKey.
func jsonNames(t reflect.Type) map[string]string {
	names := map[string]string{}
	seen := map[reflect.Type]bool{}
	var visit func(t reflect.Type)
	visit = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array || t.Kind() == reflect.Map {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || seen[t] {
			return
		}
		seen[t] = true
		for f := range t.Fields() {
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if !f.IsExported() || name == "-" {
				continue
			}
			if name == "" {
				name = f.Name
			}
			names[foldKey(name)] = name
			visit(f.Type)
		}
	}
	visit(t)
	return names
}

func (w *tokenWalker) token() (json.Token, error) { return w.dec.Token() }

// line is the line of the decoder's position: just after the last token read.
func (w *tokenWalker) line() int { return w.lineAt(int(w.dec.InputOffset())) }

func (w *tokenWalker) lineAt(off int) int { return sort.SearchInts(w.newlines, off) + 1 }

func (w *tokenWalker) syntax(err error) *inputerr.Problem {
	var syn *json.SyntaxError
	switch {
	case errors.As(err, &syn):
		return &inputerr.Problem{Origin: inputerr.Origin{Line: w.lineAt(int(syn.Offset))}, Message: "is not a valid report: " + syn.Error()}
	case err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF):
		return &inputerr.Problem{Origin: inputerr.Origin{Line: w.lineAt(len(w.data))}, Message: "is not a valid report: it ends before the JSON is complete"}
	}
	return &inputerr.Problem{Origin: inputerr.Origin{Line: w.line()}, Message: "is not a valid report: " + err.Error()}
}

// seenKey is a key of an object as the file spells it, and its line.
type seenKey struct {
	key  string
	line int
}

func (w *tokenWalker) object(path string, depth int) *inputerr.Problem {
	seen := map[string]seenKey{}
	for w.dec.More() {
		tok, err := w.token()
		if err != nil {
			return w.syntax(err)
		}
		key, _ := tok.(string)
		line := w.line()
		folded := foldKey(key)
		if first, dup := seen[folded]; dup {
			if first.key != key {
				return &inputerr.Problem{Origin: inputerr.Origin{Line: line},
					Message: fmt.Sprintf("%s and %s (line %d) name the same field, letter case aside; a report names each field once",
						strconv.Quote(joinPath(path, key)), strconv.Quote(joinPath(path, first.key)), first.line)}
			}
			return &inputerr.Problem{Origin: inputerr.Origin{Line: line},
				Message: fmt.Sprintf("%s is given twice (first at line %d); a report names each field once", strconv.Quote(joinPath(path, key)), first.line)}
		}
		if name, known := w.names[folded]; known && name != key {
			return &inputerr.Problem{Origin: inputerr.Origin{Line: line},
				Message: fmt.Sprintf("%s must be written %s: a report's field names are spelled as hitready writes them", strconv.Quote(joinPath(path, key)), strconv.Quote(name))}
		}
		seen[folded] = seenKey{key, line}
		if p := w.value(joinPath(path, key), depth); p != nil {
			return p
		}
	}
	if _, err := w.token(); err != nil {
		return w.syntax(err)
	}
	return nil
}

func (w *tokenWalker) value(path string, depth int) *inputerr.Problem {
	tok, err := w.token()
	if err != nil {
		return w.syntax(err)
	}
	w.lines[path] = w.line()
	d, ok := tok.(json.Delim)
	if !ok {
		return nil
	}
	if depth >= maxReportDepth {
		return &inputerr.Problem{Origin: inputerr.Origin{Line: w.line()}, Message: fmt.Sprintf("is nested more than %d levels deep; it is not a report", maxReportDepth)}
	}
	if d == '{' {
		return w.object(path, depth+1)
	}
	for i := 0; w.dec.More(); i++ {
		if p := w.value(fmt.Sprintf("%s[%d]", path, i), depth+1); p != nil {
			return p
		}
	}
	if _, err := w.token(); err != nil {
		return w.syntax(err)
	}
	return nil
}

func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// reportDecodeError words encoding/json's refusals without Go type names.
func reportDecodeError(path string, data []byte, err error) error {
	origin := inputerr.Origin{Path: path}
	msg := err.Error()
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &te):
		origin.Line = bytes.Count(data[:min(max(int(te.Offset), 0), len(data))], []byte("\n")) + 1
		if number, ok := strings.CutPrefix(te.Value, "number "); ok && te.Type.Kind() == reflect.Float64 {
			msg = fmt.Sprintf("%s: %s is too large", te.Field, number)
			break
		}
		msg = fmt.Sprintf("%s must be %s; got a JSON %s", te.Field, jsonKind(te.Type.Kind().String()), te.Value)
	case strings.HasPrefix(msg, "json: unknown field "):
		msg = "has " + strings.TrimPrefix(msg, "json: ") + "; it is not a field of a " + Schema + " report"
	default:
		msg = strings.TrimPrefix(msg, "json: ")
	}
	return &inputerr.InvalidError{Problems: []inputerr.Problem{{Origin: origin, Message: "is not a valid report: " + msg}}}
}

func jsonKind(goKind string) string {
	switch goKind {
	case "float64", "int":
		return "a number"
	case "bool":
		return "true or false"
	case "string":
		return "text"
	case "slice":
		return "a list"
	case "struct", "map":
		return "an object"
	}
	return goKind
}

// reportChecker lists what is wrong with a decoded report, with the line of each field.
type reportChecker struct {
	path     string
	lines    map[string]int
	profile  *Profile // the profile in force, which the report must have been scored against
	problems []inputerr.Problem
}

// scoreSlack is how far a report's score may be from the weighted mean of its area scores: each
// is rounded to a tenth, so the mean of the rounded areas may be up to 0.05 from the unrounded
// score, which is itself rounded by up to 0.05.
const scoreSlack = 0.1 + 1e-9

func (c *reportChecker) add(field, format string, args ...any) {
	line := c.lines[field]
	c.problems = append(c.problems, inputerr.Problem{Origin: inputerr.Origin{Path: c.path, Line: line},
		Message: field + ": " + fmt.Sprintf(format, args...)})
}

func (c *reportChecker) number(field string, x, lo, hi float64) bool {
	if math.IsNaN(x) || x < lo || x > hi {
		c.add(field, "%v is outside %g-%g", x, lo, hi)
		return false
	}
	return true
}

func (c *reportChecker) text(field, s string) {
	if r, bad := textsafe.Unsafe(s); bad {
		c.add(field, "holds %s; a report's text is printable and on one line", textsafe.Describe(r))
	}
}

func (c *reportChecker) required(field, s string) {
	if s == "" {
		c.add(field, "is missing or empty")
	}
}

func (c *reportChecker) check(r *Report) {
	if _, given := c.lines["schema"]; !given {
		c.add("schema", "is missing; compare reads %q reports", Schema)
		return
	}
	if r.Schema != Schema {
		c.add("schema", "is %q; compare reads %q reports", r.Schema, Schema)
		return
	}
	c.text("respondent", r.Respondent)
	// source is not checked: it is the answers file's name, which may hold anything a file name
	// can (JSON writes it escaped), and it is never shown: DecodeReport replaces it with path.
	c.text("profile", r.Profile)
	p := c.profile
	if r.Profile != p.ID {
		// Everything else would differ too: say the one thing that explains it.
		c.add("profile", "scored against profile %q, not %q (the profile in force); compare it with --profile FILE, where FILE is profile %q",
			r.Profile, p.ID, r.Profile)
		return
	}
	for _, f := range []string{"score", "verdict", "thresholds", "areas", "gaps"} {
		if _, given := c.lines[f]; !given {
			c.add(f, "is missing; a report has it")
		}
	}
	scoreOK := c.number("score", r.Score, 0, 100)
	switch r.Verdict {
	case Ready, NearlyReady, NotReady:
	default:
		c.add("verdict", "%q is not a verdict; allowed: %s, %s, %s", r.Verdict, Ready, NearlyReady, NotReady)
	}
	t := r.Thresholds
	thresholdsOK := c.number("thresholds.ready", t.Ready, 0, 100) && c.number("thresholds.nearly_ready", t.NearlyReady, 0, t.Ready)
	if thresholdsOK && t != p.Thresholds {
		c.add("thresholds", "are ready %g and nearly_ready %g; profile %s has %g and %g", t.Ready, t.NearlyReady, p.ID, p.Thresholds.Ready, p.Thresholds.NearlyReady)
		thresholdsOK = false
	}
	areasOK := c.areas(r.Areas)
	if _, given := c.lines["areas"]; given && areasOK && scoreOK {
		c.weightedMean(r)
	}
	blocker := "" // what makes the report not ready whatever its score, for messages
	reqs := map[string]*Requirement{}
	for i := range p.Requirements {
		reqs[p.Requirements[i].ID] = &p.Requirements[i]
	}
	seen := map[string]bool{}
	for i, req := range r.Requirements {
		f := fmt.Sprintf("requirements[%d]", i)
		c.required(f+".id", req.ID)
		c.text(f+".id", req.ID)
		c.text(f+".area", req.Area)
		c.number(f+".credit", req.Credit, 0, 1)
		want, known := reqs[req.ID]
		switch {
		case req.ID == "":
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
	for i, g := range r.Gaps {
		f := fmt.Sprintf("gaps[%d]", i)
		c.required(f+".id", g.ID)
		for field, s := range map[string]string{"id": g.ID, "area": g.Area, "requirement": g.Requirement, "current": g.Current, "target": g.Target, "next_step": g.NextStep} {
			c.text(f+"."+field, s)
		}
		switch g.Severity {
		case Blocking:
			if blocker == "" {
				blocker = "the blocking gap " + g.ID
			}
		case Major, Minor:
		default:
			c.add(f+".severity", "%q is not a severity; allowed: %s, %s, %s", g.Severity, Blocking, Major, Minor)
		}
	}
	for i, n := range r.Notes {
		c.text(fmt.Sprintf("notes[%d].id", i), n.ID)
		c.text(fmt.Sprintf("notes[%d].text", i), n.Text)
	}
	for i, s := range r.Settings {
		f := fmt.Sprintf("settings[%d]", i)
		for field, v := range map[string]string{"id": s.ID, "title": s.Title, "employment": s.Employment, "industry": s.Industry, "source": s.Source} {
			c.text(f+"."+field, v)
		}
	}
	c.credentials(r.Credentials)
	c.plan(r.Plan)
	if len(c.problems) == 0 && scoreOK && thresholdsOK {
		if want := verdict(t, r.Score, blocker != ""); want != r.Verdict {
			because := ""
			if blocker != "" {
				because = " and " + blocker
			}
			c.add("verdict", "%s does not follow from the report: a score of %g with thresholds %g/%g%s makes it %s",
				r.Verdict, r.Score, t.Ready, t.NearlyReady, because, want)
		}
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
	ok := true
	given := map[string]bool{}
	for i, a := range areas {
		f := fmt.Sprintf("areas[%d]", i)
		c.required(f+".id", a.ID)
		c.text(f+".id", a.ID)
		c.text(f+".title", a.Title)
		ok = c.number(f+".score", a.Score, 0, 100) && ok
		ok = c.number(f+".weight", a.Weight, 0, maxWeight) && ok
		pa, known := want[a.ID]
		switch {
		case a.ID == "":
			ok = false
		case given[a.ID]:
			c.add(f+".id", "%q is given twice; a report gives each area once", a.ID)
			ok = false
		case !known:
			c.add(f+".id", "%q is not an area of profile %s; allowed: %s", a.ID, p.ID, strings.Join(ids, ", "))
			ok = false
		case a.Weight != float64(pa.Weight):
			c.add(f+".weight", "is %g; in profile %s, area %s weighs %g", a.Weight, p.ID, a.ID, pa.Weight)
			ok = false
		}
		given[a.ID] = true
	}
	var lacking []string
	for _, id := range ids {
		if !given[id] {
			lacking = append(lacking, id)
		}
	}
	if _, present := c.lines["areas"]; present && len(lacking) > 0 {
		c.add("areas", "lacks %s; a report of profile %s gives each of its areas once: %s", strings.Join(lacking, ", "), p.ID, strings.Join(ids, ", "))
		ok = false
	}
	return ok
}

// weightedMean checks the score against the areas it is made of.
func (c *reportChecker) weightedMean(r *Report) {
	var sum, weights float64
	for _, a := range r.Areas {
		sum += a.Score * a.Weight
		weights += a.Weight
	}
	if weights == 0 {
		return
	}
	if mean := sum / weights; math.Abs(mean-r.Score) > scoreSlack {
		c.add("score", "%g is not the weighted mean of the area scores, %.1f; a report's score is that mean (within 0.1, for rounding)", r.Score, mean)
	}
}

func (c *reportChecker) credentials(cs []CredentialStatus) {
	for i, cr := range cs {
		f := fmt.Sprintf("credentials[%d]", i)
		switch cr.Status {
		case Held, Eligible, EligibleEarly, NotYet:
		default:
			c.add(f+".status", "%q is not a status; allowed: %s, %s, %s, %s", cr.Status, Held, Eligible, EligibleEarly, NotYet)
		}
		c.text(f+".id", cr.ID)
		c.text(f+".name", cr.Name)
		c.text(f+".source", cr.Source)
		for j, m := range cr.Meets {
			c.text(fmt.Sprintf("%s.meets[%d]", f, j), m)
		}
		for j, m := range cr.Missing {
			c.text(fmt.Sprintf("%s.missing[%d]", f, j), m)
		}
	}
}

// plan checks the numbering and the texts of the plan, which compare shows as steps completed.
func (c *reportChecker) plan(steps []PlanStep) {
	for i, s := range steps {
		f := fmt.Sprintf("plan[%d]", i)
		if s.Step != i+1 {
			c.add(f+".step", "is %d; a plan's steps are numbered 1 to %d in order, so this one is %d", s.Step, len(steps), i+1)
		}
		c.text(f+".id", s.ID)
		c.text(f+".action", s.Action)
		c.text(f+".credential", s.Credential)
		c.text(f+".duration", s.Duration)
		c.text(f+".duration_source", s.DurationSource)
		for j, id := range s.Closes {
			c.text(fmt.Sprintf("%s.closes[%d]", f, j), id)
		}
	}
}
