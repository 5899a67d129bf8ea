package questions

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/hitready/hitready/internal/inputerr"
)

// maxJSONDepth bounds nesting in a JSON answers file. A valid one is three levels deep; the bound
// keeps a hostile file from driving the recursion below.
const maxJSONDepth = 32

// parseJSON reads a JSON document into the same node tree the YAML parser produces, with lines,
// so one checker serves both formats and JSON problems are reported by line too. encoding/json is
// used rather than the YAML parser because JSON allows tabs where YAML does not.
func parseJSON(data []byte) (*yaml.Node, *inputerr.Problem) {
	p := &jsonParser{data: data, dec: json.NewDecoder(bytes.NewReader(data))}
	p.dec.UseNumber()
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
	if _, err := p.dec.Token(); err != io.EOF {
		return nil, &inputerr.Problem{Origin: inputerr.Origin{Line: p.line(start)}, Message: "has data after the end of the JSON document; an answers file holds one JSON object"}
	}
	return root, nil
}

type jsonParser struct {
	data     []byte
	dec      *json.Decoder
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

func (p *jsonParser) token() (json.Token, int, *inputerr.Problem) {
	start := p.next()
	tok, err := p.dec.Token()
	if err != nil {
		return nil, start, p.syntaxProblem(err, start)
	}
	return tok, start, nil
}

func (p *jsonParser) syntaxProblem(err error, start int) *inputerr.Problem {
	var syn *json.SyntaxError
	switch {
	case errors.As(err, &syn):
		return &inputerr.Problem{Origin: inputerr.Origin{Line: p.line(int(syn.Offset))}, Message: "is not valid JSON: " + syn.Error()}
	case err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF):
		return &inputerr.Problem{Origin: inputerr.Origin{Line: p.line(len(p.data))}, Message: "is not valid JSON: it ends before the document is complete"}
	}
	return &inputerr.Problem{Origin: inputerr.Origin{Line: p.line(start)}, Message: "is not valid JSON: " + err.Error()}
}

func (p *jsonParser) value(depth int) (*yaml.Node, *inputerr.Problem) {
	tok, start, problem := p.token()
	if problem != nil {
		return nil, problem
	}
	line := p.line(start)
	switch t := tok.(type) {
	case json.Delim:
		if depth >= maxJSONDepth {
			return nil, &inputerr.Problem{Origin: inputerr.Origin{Line: line}, Message: fmt.Sprintf("is nested more than %d levels deep", maxJSONDepth)}
		}
		if t == '{' {
			return p.object(line, depth)
		}
		return p.array(line, depth)
	case string:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: t, Line: line}, nil
	case json.Number:
		tag := "!!int"
		if strings.ContainsAny(t.String(), ".eE") {
			tag = "!!float"
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: t.String(), Line: line}, nil
	case bool:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: fmt.Sprint(t), Line: line}, nil
	case nil:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null", Line: line}, nil
	}
	return nil, &inputerr.Problem{Origin: inputerr.Origin{Line: line}, Message: fmt.Sprintf("is not valid JSON: unexpected %v", tok)}
}

func (p *jsonParser) object(line, depth int) (*yaml.Node, *inputerr.Problem) {
	n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: line}
	for p.dec.More() {
		tok, start, problem := p.token()
		if problem != nil {
			return nil, problem
		}
		key, _ := tok.(string) // the decoder accepts only strings as object keys
		n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key, Line: p.line(start)})
		v, problem := p.value(depth + 1)
		if problem != nil {
			return nil, problem
		}
		n.Content = append(n.Content, v)
	}
	if _, _, problem := p.token(); problem != nil { // the closing brace
		return nil, problem
	}
	return n, nil
}

func (p *jsonParser) array(line, depth int) (*yaml.Node, *inputerr.Problem) {
	n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: line}
	for p.dec.More() {
		v, problem := p.value(depth + 1)
		if problem != nil {
			return nil, problem
		}
		n.Content = append(n.Content, v)
	}
	if _, _, problem := p.token(); problem != nil { // the closing bracket
		return nil, problem
	}
	return n, nil
}
