package questions

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"math/big"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/inputerr"
	"github.com/hitready/hitready/internal/strictyaml"
	"github.com/hitready/hitready/internal/textsafe"
)

// MaxFileSize is the largest answers file read. A real one is under 2 KiB; the bound keeps a
// mistaken path (a log, a video) from being loaded into memory and parsed.
const MaxFileSize = 1 << 20

// maxRespondent bounds the respondent label, which ends up in table cells and CSV rows.
const maxRespondent = 200

// topFields are the fields an answers file may have.
var topFields = []string{"respondent", "answers", "skipped"}

// DecodeAnswers decodes and checks an answers file, YAML or JSON. A file named *.json is JSON, a
// *.yaml or *.yml file YAML; any other (standard input) is JSON when it starts with "{".
// Every problem found is reported at once, each with its line.
func (b *Bank) DecodeAnswers(path string, data []byte) (answers *Answers, err error) {
	// The parsers are third-party code fed with user input: whatever they do, a user sees a
	// message about the file, never a stack trace.
	defer func() {
		if r := recover(); r != nil {
			answers, err = nil, b.refuse(inputerr.Problem{Origin: inputerr.Origin{Path: path},
				Message: b.Words().T("errors.answers.unparsable", i18n.Args{"Reason": fmt.Sprint(r)})})
		}
	}()
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, b.refuse(inputerr.Problem{Origin: inputerr.Origin{Path: path}, Message: b.Words().T("errors.answers.empty")})
	}
	var root *yaml.Node
	problem := notUTF8(b.Words(), data)
	switch {
	case problem != nil:
	case isJSON(path, data):
		root, problem = parseJSON(b.Words(), data)
	default:
		root, problem = parseYAML(b.Words(), data)
	}
	if problem != nil {
		problem.Origin.Path = path
		return nil, b.refuse(*problem)
	}
	d := &decoder{Collector: inputerr.Collector{Path: path, Words: b.Words()}, bank: b, answers: NewAnswers()}
	d.document(root)
	if len(d.Problems) == 0 {
		if err := b.CheckConsistency(d.answers); err != nil {
			return nil, err
		}
		return d.answers, nil
	}
	e := inputerr.Screenful(d.Problems, d.Dropped, b.lang)
	if d.unknownID {
		e.Notes = append(e.Notes, inputerr.Problem{Origin: inputerr.Origin{Path: path},
			Message: b.Words().T("errors.answers.known-ids", i18n.Args{"IDs": strings.Join(b.IDs(), ", ")})})
	}
	return nil, e
}

// refuse is the refusal of a file for one problem, in the bank's language.
func (b *Bank) refuse(p inputerr.Problem) error {
	return &inputerr.InvalidError{Problems: []inputerr.Problem{p}, Lang: b.lang}
}

func isJSON(path string, data []byte) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".json":
		return true
	case ".yaml", ".yml":
		return false
	}
	return bytes.HasPrefix(bytes.TrimSpace(data), []byte("{"))
}

func parseYAML(l *i18n.Localizer, data []byte) (*yaml.Node, *inputerr.Problem) {
	if line := strictyaml.LineSeparator(data); line > 0 {
		return nil, &inputerr.Problem{Origin: inputerr.Origin{Line: line}, Message: l.T("errors.yaml.line-separator")}
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if err == io.EOF {
			return nil, &inputerr.Problem{Message: l.T("errors.answers.no-yaml-document")}
		}
		return nil, yamlProblem(l, err)
	}
	var extra yaml.Node
	switch err := dec.Decode(&extra); {
	case err == io.EOF:
	case err != nil:
		return nil, yamlProblem(l, err)
	default:
		return nil, &inputerr.Problem{Origin: inputerr.Origin{Line: extra.Line}, Message: l.T("errors.answers.second-document")}
	}
	return &doc, nil
}

func yamlProblem(l *i18n.Localizer, err error) *inputerr.Problem {
	line, msg := strictyaml.SplitLine(err.Error())
	return &inputerr.Problem{Origin: inputerr.Origin{Line: line}, Message: l.T("errors.answers.bad-yaml", i18n.Args{"Reason": strictyaml.Reason(l, msg)})}
}

// decoder walks a parsed file and turns it into Answers, collecting problems as it goes.
type decoder struct {
	inputerr.Collector
	bank    *Bank
	answers *Answers
	// unknownID is set when an id is not in the bank; the known ids are then listed once.
	unknownID bool
}

// got describes what a node is, for "got …", in the bank's language.
func (d *decoder) got(n *yaml.Node) i18n.Args {
	return i18n.Args{"Got": strictyaml.DescribeNode(d.bank.Words(), n)}
}

func (d *decoder) document(doc *yaml.Node) {
	root := doc
	if root.Kind == yaml.DocumentNode && len(root.Content) > 0 {
		root = root.Content[0]
	}
	switch {
	case root.Kind == yaml.DocumentNode || isNull(root): // an empty document, or null
		d.Add(root.Line, "", "errors.answers.no-answers", nil)
		return
	case root.Kind != yaml.MappingNode:
		d.Add(root.Line, "", "errors.answers.not-mapping", d.got(root))
		return
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		name, ok := d.key(k, seen, "")
		if !ok {
			continue
		}
		switch name {
		case "respondent":
			d.respondent(v)
		case "answers":
			d.answerMap(v)
		case "skipped":
			d.skipped(v)
		case "schema":
			// Every field of a report would be an unknown field: say the one thing that explains it.
			d.Add(k.Line, "", "errors.answers.is-report", nil)
			return
		default:
			if _, isQuestion := d.bank.Question(name); isQuestion {
				d.Add(k.Line, "", "errors.answers.field-is-question", i18n.Args{"Field": strconv.Quote(name)})
				continue
			}
			d.Add(k.Line, "", "errors.answers.unknown-field", i18n.Args{"Field": strconv.Quote(name),
				"Suggestion": inputerr.DidYouMean(d.bank.Words(), name, topFields), "Fields": strings.Join(topFields, ", ")})
		}
	}
}

// skipped reads the optional questions the person chose to leave unanswered: a list of their
// ids. An id also answered keeps its answer.
func (d *decoder) skipped(v *yaml.Node) {
	if isNull(v) {
		return
	}
	if v.Kind != yaml.SequenceNode {
		d.Add(v.Line, "", "errors.answers.skipped-not-list", d.got(v))
		return
	}
	seen := map[string]int{}
	for _, item := range v.Content {
		q, known := d.bank.Question(item.Value)
		switch {
		case item.Kind != yaml.ScalarNode:
			d.Add(item.Line, "", "errors.answers.skipped-not-id", d.got(item))
		case !known:
			d.Add(item.Line, "", "errors.answers.skipped-unknown-id", i18n.Args{"Value": strconv.Quote(item.Value),
				"Suggestion": inputerr.DidYouMean(d.bank.Words(), item.Value, d.bank.IDs())})
		case !q.Optional:
			d.Add(item.Line, q.ID, "errors.answers.skipped-not-optional", nil)
		case seen[q.ID] > 0:
			d.Add(item.Line, q.ID, "errors.answers.skipped-twice", i18n.Args{"First": seen[q.ID]})
		default:
			seen[q.ID] = item.Line
			if _, answered := d.answers.Get(q.ID); !answered {
				d.answers.Skip(q.ID)
			}
		}
	}
}

// key reads a mapping key and refuses keys that are not plain text or that repeat; a repeated
// question id (id) leads its message.
func (d *decoder) key(k *yaml.Node, seen map[string]int, id string) (string, bool) {
	switch first, dup := seen[k.Value]; {
	case k.Tag == "!!merge":
		d.Add(k.Line, "", "errors.answers.merge-key", nil)
	case k.Kind != yaml.ScalarNode:
		d.Add(k.Line, "", "errors.answers.key-not-text", d.got(k))
	case dup:
		d.Add(k.Line, id, "errors.answers.key-twice", i18n.Args{"Key": strconv.Quote(k.Value), "First": first})
	default:
		seen[k.Value] = k.Line
		return k.Value, true
	}
	return "", false
}

func (d *decoder) respondent(v *yaml.Node) {
	switch {
	case isNull(v):
	case v.Kind == yaml.ScalarNode && (v.Tag == "!!str" || v.Tag == "!!int"):
		name := strings.TrimSpace(v.Value)
		// The respondent is printed in reports and on screens: a control character in it could
		// recolour, move or clear a terminal.
		r, unsafe := textsafe.Unsafe(name)
		switch n := utf8.RuneCountInString(name); {
		case n > maxRespondent:
			d.Add(v.Line, "", "errors.answers.respondent-too-long", i18n.Args{"Length": n, "Max": maxRespondent})
		case strings.ContainsAny(name, "\n\r"):
			d.Add(v.Line, "", "errors.answers.respondent-lines", nil)
		case unsafe:
			d.Add(v.Line, "", "errors.answers.respondent-control", i18n.Args{"Char": strictyaml.DescribeRune(d.bank.Words(), r)})
		default:
			d.answers.Respondent = name
		}
	default:
		d.Add(v.Line, "", "errors.answers.respondent-not-text", d.got(v))
	}
}

func (d *decoder) answerMap(m *yaml.Node) {
	if isNull(m) {
		return
	}
	if m.Kind != yaml.MappingNode {
		d.Add(m.Line, "", "errors.answers.answers-not-mapping", d.got(m))
		return
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		id, ok := d.key(k, seen, k.Value)
		if !ok {
			continue
		}
		q, known := d.bank.Question(id)
		if !known {
			d.unknownID = true
			if d.Full() {
				d.Dropped++ // skips the search for a suggestion, the costly part
				continue
			}
			d.Add(k.Line, id, "errors.answers.unknown-id", i18n.Args{"Suggestion": inputerr.DidYouMean(d.bank.Words(), id, d.bank.IDs())})
			continue
		}
		ans, given, problem := parseValue(d.bank.Words(), q, v)
		if problem != "" {
			d.AddText(v.Line, id, problem)
			continue
		}
		if given {
			ans.Origin = inputerr.Origin{Path: d.Path, Line: k.Line}
			d.answers.Set(id, ans)
		}
	}
}

// parseValue checks one answer against its question. A null value (an id with nothing after it,
// as in a half-filled template) is no answer rather than an error. The problem, if any, says what
// was given and what is allowed, in l's language.
func parseValue(l *i18n.Localizer, q *Question, v *yaml.Node) (ans Answer, given bool, problem string) {
	if v.Kind == yaml.AliasNode {
		return Answer{}, false, l.T("errors.answer.alias")
	}
	if isNull(v) {
		return Answer{}, false, ""
	}
	switch q.Kind {
	case OneOf:
		if v.Kind != yaml.ScalarNode || v.Tag != "!!str" {
			return Answer{}, false, l.T("errors.answer.expects", i18n.Args{"Allowed": q.AllowedIn(l), "Got": strictyaml.DescribeNode(l, v)})
		}
		if _, ok := q.Choice(v.Value); !ok {
			return Answer{}, false, unknownValue(l, q, v.Value)
		}
		return OneOfAnswer(v.Value), true, ""
	case AnyOf:
		return parseList(l, q, v)
	case Rating:
		ans, problem := parseRating(l, q, v)
		return ans, problem == "", problem
	}
	return Answer{}, false, l.T("errors.answer.bad-kind", i18n.Args{"Kind": strconv.Quote(string(q.Kind))})
}

func unknownValue(l *i18n.Localizer, q *Question, value string) string {
	return l.T("errors.answer.unknown-value", i18n.Args{"Value": strconv.Quote(value),
		"Suggestion": inputerr.DidYouMean(l, value, q.ValueNames()), "Allowed": q.AllowedIn(l)})
}

// parseList reads the answer to an any-of question: a list of its values, each once.
func parseList(l *i18n.Localizer, q *Question, v *yaml.Node) (ans Answer, given bool, problem string) {
	if v.Kind != yaml.SequenceNode {
		return Answer{}, false, l.T("errors.answer.expects-list", i18n.Args{"Allowed": q.AllowedIn(l),
			"Example": strings.Join(q.ValueNames()[:2], ", "), "Got": strictyaml.DescribeNode(l, v)})
	}
	ans = AnyOfAnswer()
	for _, item := range v.Content {
		if item.Kind != yaml.ScalarNode || item.Tag != "!!str" {
			return Answer{}, false, l.T("errors.answer.list-item", i18n.Args{"Line": item.Line,
				"Values": strings.Join(q.ValueNames(), ", "), "Got": strictyaml.DescribeNode(l, item)})
		}
		if _, ok := q.Choice(item.Value); !ok {
			return Answer{}, false, unknownValue(l, q, item.Value)
		}
		if ans.Has(item.Value) {
			return Answer{}, false, l.T("errors.answer.listed-twice", i18n.Args{"Value": strconv.Quote(item.Value)})
		}
		ans.Choices = append(ans.Choices, item.Value)
	}
	return ans, true, ""
}

// parseRating reads a rating, a whole number on the question's scale. 4.0 and 4e0 are the whole
// number 4, as for the JSON Schema's "integer" (issue 17 item 12); 4.5 is not whole, and a whole
// number beyond an int64, which YAML resolves as a float (1e30), is a slip of the keyboard.
func parseRating(l *i18n.Localizer, q *Question, v *yaml.Node) (Answer, string) {
	if v.Kind != yaml.ScalarNode || (v.Tag != "!!int" && v.Tag != "!!float") {
		return Answer{}, l.T("errors.answer.expects", i18n.Args{"Allowed": q.AllowedIn(l), "Got": strictyaml.DescribeNode(l, v)})
	}
	problem := func(msg, value string) string {
		return l.T(msg, i18n.Args{"Value": value, "Allowed": q.AllowedIn(l)})
	}
	// Base 0 reads the integer forms YAML resolves as !!int (0x1F, 0o17, +3) without the cost of
	// a YAML decoder per rating.
	n, err := strconv.ParseInt(v.Value, 0, 64)
	if v.Tag == "!!float" || err != nil {
		text := strings.ReplaceAll(v.Value, "_", "")
		f, err := strconv.ParseFloat(text, 64)
		switch {
		case err != nil && !errors.Is(err, strconv.ErrRange), f != math.Trunc(f) && !math.IsInf(f, 0), !exactlyWhole(text):
			return Answer{}, problem("errors.answer.not-whole", strictyaml.Shorten(v.Value))
		case f >= math.MaxInt64:
			return Answer{}, problem("errors.answer.too-large", strictyaml.Shorten(v.Value))
		case f <= math.MinInt64:
			return Answer{}, problem("errors.answer.too-small", strictyaml.Shorten(v.Value))
		}
		n = int64(f)
	}
	if n < int64(q.Scale.Min) || n > int64(q.Scale.Max) {
		return Answer{}, problem("errors.answer.out-of-range", v.Value)
	}
	return RatingAnswer(int(n)), ""
}

// exactlyWhole tells from its digits whether a number is whole, where a float cannot:
// 0.99999999999999999999 reads as the float 1, but is not 1. Numbers it cannot read exactly at
// little cost (an exponent of four digits or more, .inf) are left to the float.
func exactlyWhole(text string) bool {
	if i := strings.IndexAny(text, "eE"); i >= 0 && len(strings.TrimLeft(text[i+1:], "+-")) > 3 {
		return true
	}
	r, ok := new(big.Rat).SetString(text)
	return !ok || r.IsInt()
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}
