package cmd

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/iostreams"
)

// An answers file saved as Latin-1 ("ANSI" in Windows Notepad) is refused before it is parsed,
// in the reader's language, with the line and column of the first bad byte and how to save the
// file as UTF-8: through assess --answers (YAML, JSON, standard input), score (and its --profile)
// and compare (a saved report).
func TestAnswersNotUTF8(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"latin1.yaml":  "respondent: Jos\xe9\nanswers:\n  skills.empathy: 4\n",
		"latin1.json":  "{\"respondent\": \"Ana\",\n \"answers\": {\"education.field\": \"inform\xe1tica\"}}",
		"profile.yaml": "# Perfil de T\xe9cnico\nid: hit-technician\n",
		"report.json":  "{\"schema\": \"hitready.report/v1\",\n \"respondent\": \"Jos\xe9\"}",
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	yamlPath, jsonPath := filepath.Join(dir, "latin1.yaml"), filepath.Join(dir, "latin1.json")
	want := map[i18n.Lang][2]string{
		i18n.English: {"is not UTF-8 text: line %s, column %s has the byte %s", "save the file as UTF-8 (in Notepad: File > Save As, Encoding: UTF-8)"},
		i18n.Spanish: {"no es texto UTF-8: la línea %s, columna %s tiene el byte %s", "guarde el archivo como UTF-8 (en el Bloc de notas: Archivo > Guardar como, Codificación: UTF-8)"},
	}
	tests := []struct {
		name, stdin      string
		args             []string
		prefix           string
		line, col, octet string
	}{
		{"assess yaml", "", []string{"assess", "--answers", yamlPath}, yamlPath + ":1: ", "1", "16", "0xE9"},
		{"assess json", "", []string{"assess", "--answers", jsonPath}, jsonPath + ":2: ", "2", "40", "0xE1"},
		{"assess stdin", files["latin1.yaml"], []string{"assess", "--answers", "-"}, "-:1: ", "1", "16", "0xE9"},
		{"score", "", []string{"score", yamlPath, "--format", "csv"}, yamlPath + ":1: ", "1", "16", "0xE9"},
		{"score --profile", "", []string{"score", filepath.Join("..", "examples", "ready.yaml"), "--profile", filepath.Join(dir, "profile.yaml")},
			filepath.Join(dir, "profile.yaml") + ":1: ", "1", "14", "0xE9"},
		{"compare a saved report", "", []string{"compare", filepath.Join(dir, "report.json"), filepath.Join("..", "examples", "ready.yaml")},
			filepath.Join(dir, "report.json") + ":2: ", "2", "20", "0xE9"},
	}
	for _, lang := range i18n.Langs() {
		for _, tt := range tests {
			t.Run(string(lang)+"/"+tt.name, func(t *testing.T) {
				r := runWith(t, func(ios *iostreams.IOStreams) { ios.SetLang(lang) }, tt.stdin, tt.args...)
				if r.code != exitInvalid {
					t.Errorf("exit %d, want %d", r.code, exitInvalid)
				}
				w := want[lang]
				head := tt.prefix + fmt.Sprintf(w[0], tt.line, tt.col, tt.octet)
				for _, s := range []string{head, w[1]} {
					if !strings.Contains(r.stderr, s) {
						t.Errorf("stderr lacks\n%s\ngot:\n%s", s, r.stderr)
					}
				}
				if strings.Contains(r.stderr, "invalid") || strings.Contains(r.stderr, "octet") {
					t.Errorf("the parser's words leak:\n%s", r.stderr)
				}
			})
		}
	}
}

// A file in UTF-16 with its byte order mark (PowerShell 5's >, Notepad's "Unicode") reads as the
// same answers in UTF-8 do, through assess and score; one without the mark is refused as UTF-16.
func TestAnswersInUTF16WithBOM(t *testing.T) {
	utf8, err := os.ReadFile(filepath.Join("..", "examples", "not-ready.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	utf16 := func(name string, bigEndian bool) string {
		b := []byte{0xFF, 0xFE}
		if bigEndian {
			b = []byte{0xFE, 0xFF}
		}
		for _, r := range string(utf8) { // the examples are in the Basic Multilingual Plane
			lo, hi := byte(r), byte(r>>8)
			if bigEndian {
				lo, hi = hi, lo
			}
			b = append(b, lo, hi)
		}
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, b, 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	// Without the mark, it is told as UTF-16, with how to save it as UTF-8.
	for _, big := range []bool{false, true} {
		marked, _ := os.ReadFile(utf16("nomark.yaml", big))
		path := filepath.Join(dir, "nomark.yaml")
		if err := os.WriteFile(path, marked[2:], 0o600); err != nil {
			t.Fatal(err)
		}
		r := run(t, "", "assess", "--answers", path)
		if r.code != exitInvalid || !strings.Contains(r.stderr, path+": is UTF-16 text, not UTF-8; save the file as UTF-8") {
			t.Errorf("without its mark (big-endian %v): exit %d: %s", big, r.code, r.stderr)
		}
	}
	want := run(t, "", "assess", "--answers", filepath.Join("..", "examples", "not-ready.yaml"), "--format", "csv")
	for _, path := range []string{utf16("le.yaml", false), utf16("be.yaml", true)} {
		for _, args := range [][]string{{"assess", "--answers", path, "--format", "csv"}, {"score", path, "--format", "csv"}} {
			r := run(t, "", args...)
			if r.code != exitOK {
				t.Fatalf("%v: exit %d: %s", args, r.code, r.stderr)
			}
			// The CSV's source column names the file: the rest is the same report.
			if got, wantRow := strings.SplitN(r.stdout, "\n", 3)[1], strings.SplitN(want.stdout, "\n", 3)[1]; got[strings.Index(got, ","):] != wantRow[strings.Index(wantRow, ","):] {
				t.Errorf("%v:\n%s\nwant\n%s", args, got, wantRow)
			}
		}
	}
}
