package inputerr

import (
	"strings"
	"testing"

	"github.com/hitready/hitready/internal/i18n"
)

// InvalidError caps each file's problems on its own, whoever built it (a profile, several --set).
func TestInvalidErrorCapsEachFile(t *testing.T) {
	var problems []Problem
	for i := range 25 {
		problems = append(problems, Problem{Origin: Origin{Path: "a.yaml", Line: i + 1}, Message: "bad"})
	}
	problems = append(problems, Problem{Origin: Origin{Path: "b.yaml", Line: 1}, Message: "bad"})
	got := (&InvalidError{Problems: problems}).Error()
	lines := strings.Split(got, "\n")
	if len(lines) != MaxShown+2 || lines[MaxShown] != "b.yaml:1: bad" || lines[MaxShown+1] != "a.yaml: … and 5 more problems (fix these and run again to see them)" {
		t.Errorf("got:\n%s", got)
	}
	one := (&InvalidError{Problems: problems[:1], Dropped: 1}).Error()
	if !strings.HasSuffix(one, "a.yaml: … and 1 more problem (fix these and run again to see them)") {
		t.Errorf("got:\n%s", one)
	}
}

// Names from the file system are shown escaped: a newline in a file name cannot forge a line.
func TestOriginEscapesPaths(t *testing.T) {
	p := Problem{Origin: Origin{Path: "a\nb.yaml: all good\x1b[2J", Line: 3}, ID: "x\ay", Message: "bad\u2028news"}
	if got, want := p.String(), `a\nb.yaml: all good\x1b[2J:3: x\ay: bad\u2028news`; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := (Origin{Path: "plain/dir/a.yaml"}).String(); got != "plain/dir/a.yaml" {
		t.Errorf("a clean path changed: %q", got)
	}
}

func TestSuggest(t *testing.T) {
	ids := []string{"education.level", "skills.empathy", "skills.ethics", "coursework"}
	tests := []struct{ in, want string }{
		{"skills.empathie", "skills.empathy"},
		{"empathy", "skills.empathy"},
		{"Coursework", "coursework"},
		{"education.levle", "education.level"},
		{"salary", ""},
	}
	for _, tt := range tests {
		if got := Suggest(tt.in, ids); got != tt.want {
			t.Errorf("Suggest(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// A collector keeps a screenful of problems, counts the rest without wording them, and refuses
// the file in line order.
func TestCollectorKeepsAScreenfulInLineOrder(t *testing.T) {
	var c Collector
	if c.Err() != nil {
		t.Fatal("a collector with no problems refuses the file")
	}
	c = Collector{Path: "a.yaml", Words: i18n.For(i18n.English)}
	c.AddText(3, "", "third")
	c.AddText(1, "q", "first")
	for i := range MaxShown {
		c.AddText(10+i, "", "more")
	}
	if len(c.Problems) != MaxShown || c.Dropped != 2 || !c.Full() {
		t.Fatalf("kept %d, dropped %d; want %d and 2", len(c.Problems), c.Dropped, MaxShown)
	}
	lines := strings.Split(c.Err().Error(), "\n")
	if lines[0] != "a.yaml:1: q: first" || lines[1] != "a.yaml:3: third" || !strings.Contains(lines[MaxShown], "and 2 more problems") {
		t.Errorf("got:\n%s", strings.Join(lines, "\n"))
	}
}
