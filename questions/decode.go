package questions

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/hitready/hitready/internal/inputerr"
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
			answers, err = nil, inputerr.Of([]inputerr.Problem{{Origin: inputerr.Origin{Path: path},
				Message: fmt.Sprintf("could not be parsed (%v)", r)}})
		}
	}()
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, inputerr.Of([]inputerr.Problem{{Origin: inputerr.Origin{Path: path},
			Message: "is empty; an answers file is a mapping with the fields respondent (optional) and answers"}})
	}
	var root *yaml.Node
	var problem *inputerr.Problem
	if isJSON(path, data) {
		root, problem = parseJSON(data)
	} else {
		root, problem = parseYAML(data)
	}
	if problem != nil {
		problem.Origin.Path = path
		return nil, inputerr.Of([]inputerr.Problem{*problem})
	}
	d := &decoder{bank: b, path: path, answers: NewAnswers()}
	d.document(root)
	if len(d.problems) == 0 {
		if err := b.CheckConsistency(d.answers); err != nil {
			return nil, err
		}
		return d.answers, nil
	}
	e := &inputerr.InvalidError{Problems: d.problems, Dropped: d.dropped}
	if d.unknownID {
		e.Notes = append(e.Notes, inputerr.Problem{Origin: inputerr.Origin{Path: path}, Message: "known question ids: " + strings.Join(b.IDs(), ", ")})
	}
	return nil, e
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

func parseYAML(data []byte) (*yaml.Node, *inputerr.Problem) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if err == io.EOF {
			return nil, &inputerr.Problem{Message: "holds no YAML document (only comments?); expected a mapping with respondent and answers"}
		}
		return nil, yamlProblem(err)
	}
	var extra yaml.Node
	switch err := dec.Decode(&extra); {
	case err == io.EOF:
	case err != nil:
		return nil, yamlProblem(err)
	default:
		return nil, &inputerr.Problem{Origin: inputerr.Origin{Line: extra.Line},
			Message: "holds a second YAML document (after ---); an answers file holds one person's answers in one document"}
	}
	return &doc, nil
}

func yamlProblem(err error) *inputerr.Problem {
	line, msg := SplitYAMLLine(err.Error())
	return &inputerr.Problem{Origin: inputerr.Origin{Line: line}, Message: "is not valid YAML: " + msg}
}

// SplitYAMLLine splits one of yaml.v3's messages, "yaml: line N: message" (the "yaml: " is not
// always there), into N and the message; N is 0 when there is none.
func SplitYAMLLine(s string) (int, string) {
	s = strings.TrimPrefix(s, "yaml: ")
	if num, msg, ok := strings.Cut(strings.TrimPrefix(s, "line "), ": "); ok && strings.HasPrefix(s, "line ") {
		if line, err := strconv.Atoi(num); err == nil {
			return line, msg
		}
	}
	return 0, s
}

// decoder walks a parsed file and turns it into Answers, collecting problems as it goes.
type decoder struct {
	bank     *Bank
	path     string
	answers  *Answers
	problems []inputerr.Problem
	// dropped counts the problems after the first inputerr.MaxShown, which are counted, not kept: a
	// 1 MiB file of mistakes would otherwise cost far more memory than the file.
	dropped int
	// unknownID is set when an id is not in the bank; the known ids are then listed once.
	unknownID bool
}

func (d *decoder) add(line int, id, format string, args ...any) {
	if len(d.problems) >= inputerr.MaxShown {
		d.dropped++
		return
	}
	d.problems = append(d.problems, inputerr.Problem{Origin: inputerr.Origin{Path: d.path, Line: line}, ID: id, Message: fmt.Sprintf(format, args...)})
}

func (d *decoder) document(doc *yaml.Node) {
	root := doc
	if root.Kind == yaml.DocumentNode {
		if len(root.Content) == 0 {
			d.add(root.Line, "", "holds no answers; expected a mapping with respondent and answers")
			return
		}
		root = root.Content[0]
	}
	if isNull(root) {
		d.add(root.Line, "", "holds no answers; expected a mapping with respondent and answers")
		return
	}
	if root.Kind != yaml.MappingNode {
		d.add(root.Line, "", "must be a mapping with the fields respondent and answers; got %s", DescribeNode(root))
		return
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		name, ok := d.key(k, seen, false)
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
			d.add(k.Line, "", "is a report in YAML, not an answers file: a saved report is read back only as JSON (hitready assess --format json); or give the answers file it was scored from")
			return
		default:
			if _, isQuestion := d.bank.Question(name); isQuestion {
				d.add(k.Line, "", "unknown field %q; answers go under answers:, indented", name)
				continue
			}
			d.add(k.Line, "", "unknown field %q%s; allowed fields: %s", name, inputerr.DidYouMean(name, topFields), strings.Join(topFields, ", "))
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
		d.add(v.Line, "", "skipped must be a list of optional question ids; got %s", DescribeNode(v))
		return
	}
	seen := map[string]int{}
	for _, item := range v.Content {
		q, known := d.bank.Question(item.Value)
		switch {
		case item.Kind != yaml.ScalarNode:
			d.add(item.Line, "", "skipped: %s is not a question id", DescribeNode(item))
		case !known:
			d.add(item.Line, "", "skipped: %q is not a question id%s", item.Value, inputerr.DidYouMean(item.Value, d.bank.IDs()))
		case !q.Optional:
			d.add(item.Line, q.ID, "is not optional and cannot be skipped; give its answer under answers:")
		case seen[q.ID] > 0:
			d.add(item.Line, q.ID, "is skipped twice (first at line %d); keep one", seen[q.ID])
		default:
			seen[q.ID] = item.Line
			if _, answered := d.answers.Get(q.ID); !answered {
				d.answers.Skip(q.ID)
			}
		}
	}
}

// key reads a mapping key and refuses keys that are not plain text or that repeat.
func (d *decoder) key(k *yaml.Node, seen map[string]int, isID bool) (string, bool) {
	if k.Tag == "!!merge" {
		d.add(k.Line, "", "YAML merge keys (<<) are not allowed in an answers file; write each answer out")
		return "", false
	}
	if k.Kind != yaml.ScalarNode {
		d.add(k.Line, "", "a key must be plain text; got %s", DescribeNode(k))
		return "", false
	}
	id := ""
	if isID {
		id = k.Value
	}
	if first, dup := seen[k.Value]; dup {
		d.add(k.Line, id, "%q is given twice (first at line %d); keep one", k.Value, first)
		return "", false
	}
	seen[k.Value] = k.Line
	return k.Value, true
}

func (d *decoder) respondent(v *yaml.Node) {
	switch {
	case isNull(v):
	case v.Kind == yaml.ScalarNode && (v.Tag == "!!str" || v.Tag == "!!int"):
		name := strings.TrimSpace(v.Value)
		if n := utf8.RuneCountInString(name); n > maxRespondent {
			d.add(v.Line, "", "respondent is %d characters long; at most %d are allowed", n, maxRespondent)
			return
		}
		if strings.ContainsAny(name, "\n\r") {
			d.add(v.Line, "", "respondent must be one line of text")
			return
		}
		// The respondent is printed in reports and on screens: a control character in it could
		// recolour, move or clear a terminal.
		if r, bad := textsafe.Unsafe(name); bad {
			d.add(v.Line, "", "respondent holds %s; allowed: one line of printable text", textsafe.Describe(r))
			return
		}
		d.answers.Respondent = name
	default:
		d.add(v.Line, "", "respondent must be text (a name or a label); got %s", DescribeNode(v))
	}
}

func (d *decoder) answerMap(m *yaml.Node) {
	if isNull(m) {
		return
	}
	if m.Kind != yaml.MappingNode {
		d.add(m.Line, "", "answers must be a mapping of question id to answer; got %s", DescribeNode(m))
		return
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		id, ok := d.key(k, seen, true)
		if !ok {
			continue
		}
		q, known := d.bank.Question(id)
		if !known {
			d.unknownID = true
			if len(d.problems) >= inputerr.MaxShown {
				d.dropped++ // skips the search for a suggestion, the costly part
				continue
			}
			d.add(k.Line, id, "unknown question id%s; the known ids are listed below", inputerr.DidYouMean(id, d.bank.IDs()))
			continue
		}
		ans, given, problem := parseValue(q, v)
		if problem != "" {
			d.add(v.Line, id, "%s", problem)
			continue
		}
		if given {
			ans.Origin = inputerr.Origin{Path: d.path, Line: k.Line}
			d.answers.Set(id, ans)
		}
	}
}

// parseValue checks one answer against its question. A null value (an id with nothing after it,
// as in a half-filled template) is no answer rather than an error. The problem, if any, says what
// was given and what is allowed.
func parseValue(q *Question, v *yaml.Node) (ans Answer, given bool, problem string) {
	if v.Kind == yaml.AliasNode {
		return Answer{}, false, "YAML aliases (*name) are not allowed in an answers file; write the answer out"
	}
	if isNull(v) {
		return Answer{}, false, ""
	}
	switch q.Kind {
	case OneOf:
		if v.Kind != yaml.ScalarNode || v.Tag != "!!str" {
			return Answer{}, false, fmt.Sprintf("expects %s; got %s", q.Allowed(), DescribeNode(v))
		}
		if _, ok := q.Choice(v.Value); !ok {
			return Answer{}, false, fmt.Sprintf("unknown value %q%s; allowed: %s", v.Value, inputerr.DidYouMean(v.Value, q.ValueNames()), q.Allowed())
		}
		return OneOfAnswer(v.Value), true, ""
	case AnyOf:
		if v.Kind != yaml.SequenceNode {
			return Answer{}, false, fmt.Sprintf("expects %s, e.g. [%s]; got %s", q.Allowed(), strings.Join(q.ValueNames()[:2], ", "), DescribeNode(v))
		}
		ans := AnyOfAnswer()
		for _, item := range v.Content {
			if item.Kind != yaml.ScalarNode || item.Tag != "!!str" {
				return Answer{}, false, fmt.Sprintf("list item at line %d: expects one of: %s; got %s", item.Line, strings.Join(q.ValueNames(), ", "), DescribeNode(item))
			}
			if _, ok := q.Choice(item.Value); !ok {
				return Answer{}, false, fmt.Sprintf("unknown value %q%s; allowed: %s", item.Value, inputerr.DidYouMean(item.Value, q.ValueNames()), q.Allowed())
			}
			if ans.Has(item.Value) {
				return Answer{}, false, fmt.Sprintf("%q is listed twice; list each value once", item.Value)
			}
			ans.Choices = append(ans.Choices, item.Value)
		}
		return ans, true, ""
	case Rating:
		ans, problem := parseRating(q, v)
		return ans, problem == "", problem
	}
	return Answer{}, false, fmt.Sprintf("question kind %q cannot be answered", q.Kind)
}

// parseRating reads a rating, a whole number on the question's scale. 4.0 and 4e0 are the whole
// number 4, as for the JSON Schema's "integer" (issue 17 item 12); 4.5 is not whole, and a whole
// number beyond an int64, which YAML resolves as a float (1e30), is a slip of the keyboard.
func parseRating(q *Question, v *yaml.Node) (Answer, string) {
	if v.Kind != yaml.ScalarNode || (v.Tag != "!!int" && v.Tag != "!!float") {
		return Answer{}, fmt.Sprintf("expects %s; got %s", q.Allowed(), DescribeNode(v))
	}
	// Base 0 reads the integer forms YAML resolves as !!int (0x1F, 0o17, +3) without the cost of
	// a YAML decoder per rating.
	n, err := strconv.ParseInt(v.Value, 0, 64)
	if v.Tag == "!!float" || err != nil {
		f, err := strconv.ParseFloat(strings.ReplaceAll(v.Value, "_", ""), 64)
		switch {
		case err != nil && !errors.Is(err, strconv.ErrRange), f != math.Trunc(f) && !math.IsInf(f, 0):
			return Answer{}, fmt.Sprintf("%s is not a whole number; allowed: %s", shorten(v.Value), q.Allowed())
		case f >= math.MaxInt64:
			return Answer{}, fmt.Sprintf("%s is too large; allowed: %s", shorten(v.Value), q.Allowed())
		case f <= math.MinInt64:
			return Answer{}, fmt.Sprintf("%s is too small; allowed: %s", shorten(v.Value), q.Allowed())
		}
		n = int64(f)
	}
	if n < int64(q.Scale.Min) || n > int64(q.Scale.Max) {
		return Answer{}, fmt.Sprintf("%s is out of range; allowed: %s", v.Value, q.Allowed())
	}
	return RatingAnswer(int(n)), ""
}

// shorten keeps a long value from filling a message.
func shorten(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

// DescribeNode names what a YAML node is, for "got …" in messages about answers files and
// profiles alike: its kind, or its type and value, cut to 40 characters and escaped.
func DescribeNode(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias (*" + textsafe.Escape(n.Value) + ")"
	case yaml.DocumentNode:
		return "a document"
	}
	value := n.Value
	if r := []rune(value); len(r) > 40 {
		value = string(r[:40]) + "…"
	}
	value = textsafe.Escape(value)
	switch n.Tag {
	case "!!null":
		return "nothing (null)"
	case "!!bool":
		return "the boolean " + value
	case "!!int", "!!float":
		return "the number " + value
	case "!!str":
		return `the text "` + value + `"`
	}
	return fmt.Sprintf(`"%s" (%s)`, value, textsafe.Escape(n.Tag))
}
