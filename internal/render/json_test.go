package render

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/hitready/hitready/assessment"
	"github.com/hitready/hitready/internal/textsafe"
)

// evilNames are file names a cohort may hold: C1 CSI/OSC/ST, NEL, the Unicode separators, DEL,
// the bidirectional marks and overrides, C0 escapes.
var evilNames = []string{
	"x\u009b2J\u009d0;title\u009c.yaml",
	"c\u2028ls\u0085.yaml",
	"p\u2029s\x7f.yaml",
	"\u200eleft\u200fright\u061carabic.yaml",
	"rlo\u202elmth.yaml",
	"esc\x1b[31m\a\n.yaml",
	"clean/Zoë Ünal — 李.yaml",
}

// JSON and YAML, of one report, of a comparison and of a cohort, carry the names escaped: no
// line of the output holds a control, and a program that decodes the output gets the name back
// exactly.
func TestJSONAndYAMLEscapeControls(t *testing.T) {
	type output struct {
		name string
		text []byte
		back func(t *testing.T) string // the source as a program reads it back
	}
	for _, name := range evilNames {
		r := assessment.Report{Source: name, Verdict: assessment.NotReady, Areas: []assessment.AreaScore{}}
		c := assessment.Comparison{Old: assessment.Snapshot{Source: name}, New: assessment.Snapshot{Source: "b.yaml"}, VerdictChange: "same"}
		var outputs []output
		for _, format := range []string{"json", "yaml"} {
			var report, comparison bytes.Buffer
			if err := Write(ReportFormats(), &report, format, r, Options{}); err != nil {
				t.Fatal(err)
			}
			if err := Write(ComparisonFormats(), &comparison, format, c, Options{}); err != nil {
				t.Fatal(err)
			}
			unmarshal := json.Unmarshal
			if format == "yaml" {
				unmarshal = yaml.Unmarshal
			}
			outputs = append(outputs,
				output{format + " report", report.Bytes(), func(t *testing.T) string {
					var back assessment.Report
					if err := unmarshal(report.Bytes(), &back); err != nil {
						t.Fatal(err)
					}
					return back.Source
				}},
				output{format + " comparison", comparison.Bytes(), func(t *testing.T) string {
					var back assessment.Comparison
					if err := unmarshal(comparison.Bytes(), &back); err != nil {
						t.Fatal(err)
					}
					return back.Old.Source
				}})
			var cohort bytes.Buffer
			s, err := NewStream(&cohort, format, nil, Options{})
			if err != nil {
				t.Fatal(err)
			}
			for range 2 {
				rendered, err := s.Render(r)
				if err != nil {
					t.Fatal(err)
				}
				if err := s.Add(rendered); err != nil {
					t.Fatal(err)
				}
			}
			if err := s.Close(&assessment.Summary{}); err != nil {
				t.Fatal(err)
			}
			outputs = append(outputs, output{format + " cohort", cohort.Bytes(), func(t *testing.T) string {
				var back []assessment.Report
				if err := unmarshal(cohort.Bytes(), &back); err != nil {
					t.Fatal(err)
				}
				if len(back) != 2 || back[1].Source != back[0].Source {
					t.Fatalf("cohort reads back as %d reports", len(back))
				}
				return back[0].Source
			}})
		}
		for _, o := range outputs {
			for _, line := range strings.Split(string(o.text), "\n") {
				if r, bad := textsafe.Unsafe(line); bad {
					t.Errorf("%s of %q holds %s raw:\n%q", o.name, name, textsafe.Escape(string(r)), line)
				}
			}
			if got := o.back(t); got != name {
				t.Errorf("%s of %q reads back as %q", o.name, name, got)
			}
		}
	}
}

// Invalid UTF-8 in a name cannot travel in JSON, which is UTF-8: it arrives as \ufffd, and the
// table, CSV and Markdown outputs show the bytes escaped (TestSourcePathsAreEscaped).
func TestJSONInvalidUTF8BecomesReplacement(t *testing.T) {
	var out bytes.Buffer
	if err := Write(ReportFormats(), &out, "json", assessment.Report{Source: "bad\xff.yaml", Areas: []assessment.AreaScore{}}, Options{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), `"source": "bad\ufffd.yaml"`) {
		t.Errorf("invalid UTF-8 in JSON:\n%s", out.String())
	}
}
