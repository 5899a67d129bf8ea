package questions

import (
	"bytes"
	"errors"
	"io"
	"sort"
	"strings"

	"github.com/go-json-experiment/json/jsontext"
	"go.yaml.in/yaml/v3"

	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/inputerr"
)

// maxJSONDepth bounds nesting in a JSON answers file. A valid one is three levels deep; the bound
// keeps a hostile file from driving the recursion below.
const maxJSONDepth = 32

// parseJSON reads a JSON document into the same node tree the YAML parser produces, with lines,
// so one checker serves both formats and JSON problems are reported by line too. A JSON reader
// is used rather than the YAML parser because JSON allows tabs where YAML does not; it lets a key
// given twice through, for the checker to word with the question's id.
func parseJSON(l *i18n.Localizer, data []byte) (*yaml.Node, *inputerr.Problem) {
	p := &jsonParser{l: l, data: data, dec: jsontext.NewDecoder(bytes.NewReader(data), jsontext.AllowDuplicateNames(true), jsontext.AllowInvalidUTF8(true))}
	for i, c := range data {
		if c == '\n' {
			p.newlines = append(p.newlines, i)
		}
	}
	root, problem := p.value(0)
	if problem != nil {
		return nil, problem
	}
	start := p.next()
	if _, err := p.dec.ReadToken(); err != io.EOF {
		return nil, &inputerr.Problem{Origin: inputerr.Origin{Line: p.line(start)}, Message: l.T("errors.answers.json-trailing")}
	}
	return root, nil
}

type jsonParser struct {
	l        *i18n.Localizer // the language of the messages
	data     []byte
	dec      *jsontext.Decoder
	newlines []int
}

// next is the offset where the next token starts: the decoder's offset is just past the previous
// token, before any white space and separators.
func (p *jsonParser) next() int {
	off := int(p.dec.InputOffset())
	for off < len(p.data) && strings.IndexByte(" \t\r\n,:", p.data[off]) >= 0 {
		off++
	}
	return off
}

func (p *jsonParser) line(off int) int {
	return sort.SearchInts(p.newlines, off) + 1
}

func (p *jsonParser) syntaxProblem(err error, start int) *inputerr.Problem {
	var syn *jsontext.SyntacticError
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF) || err == io.EOF:
		return &inputerr.Problem{Origin: inputerr.Origin{Line: p.line(len(p.data))}, Message: p.l.T("errors.answers.json-ends-early")}
	case errors.As(err, &syn):
		return &inputerr.Problem{Origin: inputerr.Origin{Line: p.line(int(syn.ByteOffset))}, Message: p.l.T("errors.answers.bad-json", i18n.Args{"Reason": syn.Err.Error()})}
	}
	return &inputerr.Problem{Origin: inputerr.Origin{Line: p.line(start)}, Message: p.l.T("errors.answers.bad-json", i18n.Args{"Reason": err.Error()})}
}

// value reads one JSON value into a node: objects and arrays with what they hold, scalars tagged
// as YAML would tag them.
func (p *jsonParser) value(depth int) (*yaml.Node, *inputerr.Problem) {
	start := p.next()
	tok, err := p.dec.ReadToken()
	if err != nil {
		return nil, p.syntaxProblem(err, start)
	}
	n := &yaml.Node{Kind: yaml.ScalarNode, Line: p.line(start), Value: tok.String()}
	switch kind := tok.Kind(); kind {
	case '{', '[':
		if depth >= maxJSONDepth {
			return nil, &inputerr.Problem{Origin: inputerr.Origin{Line: n.Line}, Message: p.l.T("errors.answers.json-too-deep", i18n.Args{"Depth": maxJSONDepth})}
		}
		return p.collection(n, kind == '{', depth)
	case '"':
		n.Tag = "!!str"
	case '0':
		n.Tag = "!!int"
		if strings.ContainsAny(n.Value, ".eE") {
			n.Tag = "!!float"
		}
	case 't', 'f':
		n.Tag = "!!bool"
	default:
		n.Tag, n.Value = "!!null", "null"
	}
	return n, nil
}

// collection reads the members of an object (as key and value nodes) or the items of an array.
func (p *jsonParser) collection(n *yaml.Node, object bool, depth int) (*yaml.Node, *inputerr.Problem) {
	n.Kind, n.Tag, n.Value = yaml.SequenceNode, "!!seq", ""
	if object {
		n.Kind, n.Tag = yaml.MappingNode, "!!map"
	}
	for k := p.dec.PeekKind(); k != '}' && k != ']' && k != 0; k = p.dec.PeekKind() {
		if object { // the decoder takes only strings as object keys
			key, problem := p.value(depth + 1)
			if problem != nil {
				return nil, problem
			}
			n.Content = append(n.Content, key)
		}
		v, problem := p.value(depth + 1)
		if problem != nil {
			return nil, problem
		}
		n.Content = append(n.Content, v)
	}
	start := p.next()
	if _, err := p.dec.ReadToken(); err != nil { // the closing brace or bracket
		return nil, p.syntaxProblem(err, start)
	}
	return n, nil
}
