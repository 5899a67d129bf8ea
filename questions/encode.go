package questions

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/inputerr"
)

// answersHeader heads every YAML answers file hitready writes, in the session's language. It says
// who wrote the file and that a session rewrites it, which no file a person fills in says (the
// template begins otherwise), so a person knows their comments would not survive.
func answersHeader(l *i18n.Localizer) string { return l.T("questions.answers-file.header") }

// legacyHeaders are the heads of answers files earlier versions wrote.
var legacyHeaders = []string{"# hitready answers file. Continue or score it with: hitready assess --answers FILE\n"}

// SplitAnswersHeader cuts a YAML answers file after its leading comment lines.
func SplitAnswersHeader(data []byte) (head, body []byte) {
	i := 0
	for i < len(data) && data[i] == '#' {
		end := bytes.IndexByte(data[i:], '\n')
		if end < 0 {
			return data, nil
		}
		i += end + 1
	}
	return data[:i], data[i:]
}

// IsAnswersHeader tells whether head, the leading comment lines of a file, is the head of an
// answers file hitready wrote, in this version or an earlier one.
func IsAnswersHeader(head []byte) bool {
	return slices.ContainsFunc(i18n.Langs(), func(l i18n.Lang) bool {
		return string(head) == "# "+strings.ReplaceAll(answersHeader(i18n.For(l)), "\n", "\n# ")+"\n"
	}) || slices.Contains(legacyHeaders, string(head))
}

// EncodeAnswers writes answers as a YAML answers file, questions in bank order, that
// DecodeAnswers reads back to the same answers.
func (b *Bank) EncodeAnswers(a *Answers) ([]byte, error) {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{b.answersTree(a)}}); err != nil {
		return nil, fmt.Errorf("encoding answers: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("encoding answers: %w", err)
	}
	return buf.Bytes(), nil
}

// EncodeAnswersJSON writes answers as a JSON answers file, the same tree as EncodeAnswers
// (respondent, then answers in bank order), that DecodeAnswers reads back to the same answers.
func (b *Bank) EncodeAnswersJSON(a *Answers) ([]byte, error) {
	var buf bytes.Buffer
	writeJSON(&buf, b.answersTree(a), "")
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}

// answersTree is the top mapping of an answers file: the respondent, the answers in bank order
// and the questions skipped.
func (b *Bank) answersTree(a *Answers) *yaml.Node {
	answers := &yaml.Node{Kind: yaml.MappingNode}
	for i := range b.Questions {
		q := &b.Questions[i]
		ans, ok := a.Get(q.ID)
		if !ok {
			continue
		}
		answers.Content = append(answers.Content, scalar("!!str", q.ID), valueNode(ans))
	}
	root := &yaml.Node{Kind: yaml.MappingNode, HeadComment: answersHeader(b.Words())}
	if a.Respondent != "" {
		root.Content = append(root.Content, scalar("!!str", "respondent"), scalar("!!str", a.Respondent))
	}
	root.Content = append(root.Content, scalar("!!str", "answers"), answers)
	if ids := b.skippedIDs(a); len(ids) > 0 { // a list on one line, as an any-of answer is written
		root.Content = append(root.Content, scalar("!!str", "skipped"), valueNode(AnyOfAnswer(ids...)))
	}
	return root
}

// writeJSON writes a node of answersTree as JSON laid out for a person: a member of a mapping a
// line, indented under it, and a list on one line. The order is the tree's: a Go map would sort
// the ids. Texts are quoted as encoding/json quotes them.
func writeJSON(buf *bytes.Buffer, n *yaml.Node, indent string) {
	switch n.Kind {
	case yaml.MappingNode:
		buf.WriteByte('{')
		for i := 0; i+1 < len(n.Content); i += 2 {
			if i > 0 {
				buf.WriteByte(',')
			}
			buf.WriteString("\n" + indent + "  ")
			writeJSON(buf, n.Content[i], "")
			buf.WriteString(": ")
			writeJSON(buf, n.Content[i+1], indent+"  ")
		}
		if len(n.Content) > 0 {
			buf.WriteString("\n" + indent)
		}
		buf.WriteByte('}')
	case yaml.SequenceNode:
		buf.WriteByte('[')
		for i, item := range n.Content {
			if i > 0 {
				buf.WriteString(", ")
			}
			writeJSON(buf, item, indent)
		}
		buf.WriteByte(']')
	case yaml.ScalarNode:
		if n.Tag == "!!int" {
			buf.WriteString(n.Value)
			return
		}
		enc, _ := json.Marshal(n.Value) // a string always marshals
		buf.Write(enc)
	}
}

// skippedIDs are the optional questions the person skipped that are still asked, in bank order:
// one the other answers rule out is no longer a question at all.
func (b *Bank) skippedIDs(a *Answers) []string {
	var ids []string
	for i := range b.Questions {
		q := &b.Questions[i]
		if a.Skipped(q.ID) && b.Asks(q, a) == Asked {
			ids = append(ids, q.ID)
		}
	}
	return ids
}

func scalar(tag, value string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: value}
	if tag == "!!str" && yaml11Bool[strings.ToLower(value)] {
		// yaml.v3 reads `no` as text, but answers files outlive hitready's parser: YAML 1.1
		// tools (PyYAML, many spreadsheets' importers) read yes/no/on/off as booleans.
		n.Style = yaml.DoubleQuotedStyle
	}
	return n
}

// yaml11Bool are the words YAML 1.1 reads as booleans.
var yaml11Bool = map[string]bool{"y": true, "n": true, "yes": true, "no": true, "on": true, "off": true, "true": true, "false": true}

func valueNode(ans Answer) *yaml.Node {
	switch ans.Kind {
	case AnyOf:
		seq := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
		for _, c := range ans.Choices {
			seq.Content = append(seq.Content, scalar("!!str", c))
		}
		return seq
	case Rating:
		return scalar("!!int", strconv.Itoa(ans.Rating))
	}
	return scalar("!!str", ans.Choice)
}

// setOrigin is how answers given with --set are named in messages.
const setOrigin = "--set"

// ParseSet reads one --set argument, ID=VALUE, with the same checks and messages as an answers
// file. A multi-choice value is comma-separated; an empty one is the empty list.
func (b *Bank) ParseSet(arg string) (string, Answer, error) {
	origin := inputerr.Origin{Path: setOrigin}
	l := b.Words()
	id, value, ok := strings.Cut(arg, "=")
	id = strings.TrimSpace(id)
	if !ok || id == "" {
		return "", Answer{}, b.refuse(inputerr.Problem{Origin: origin,
			Message: l.T("errors.set.not-id-value", i18n.Args{"Arg": strconv.Quote(arg)})})
	}
	q, known := b.Question(id)
	if !known {
		return "", Answer{}, b.refuse(inputerr.Problem{Origin: origin, ID: id,
			Message: l.T("errors.set.unknown-id", i18n.Args{"Suggestion": inputerr.DidYouMean(l, id, b.IDs())})})
	}
	ans, given, problem := parseValue(l, q, setNode(q, strings.TrimSpace(value)))
	if problem == "" && !given {
		problem = l.T("errors.set.no-value", i18n.Args{"Allowed": q.AllowedIn(l)})
	}
	if problem != "" {
		return "", Answer{}, b.refuse(inputerr.Problem{Origin: origin, ID: id, Message: problem})
	}
	ans.Origin = origin
	return id, ans, nil
}

// setNode gives a command-line value the node an answers file would have produced for it, so that
// it goes through the same checks.
func setNode(q *Question, value string) *yaml.Node {
	switch q.Kind {
	case AnyOf:
		seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for _, item := range strings.Split(value, ",") {
			if item = strings.TrimSpace(item); item != "" {
				seq.Content = append(seq.Content, scalar("!!str", item))
			}
		}
		return seq
	case Rating:
		if _, err := strconv.Atoi(value); err == nil {
			return scalar("!!int", value)
		}
		if _, err := strconv.ParseFloat(value, 64); err == nil {
			return scalar("!!float", value)
		}
	}
	if value == "" {
		return scalar("!!null", "")
	}
	return scalar("!!str", value)
}

// EncodeAnswersFile writes answers in the format the file's name says, as the contract has it:
// *.json as JSON, anything else as YAML.
func (b *Bank) EncodeAnswersFile(path string, a *Answers) ([]byte, error) {
	if strings.EqualFold(filepath.Ext(path), ".json") {
		return b.EncodeAnswersJSON(a)
	}
	return b.EncodeAnswers(a)
}
