package questionnaire

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hitready/hitready/internal/fileio"
	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/questions"
)

// newKeeper starts a Keeper in a fresh current folder and returns what it says.
func newKeeper(t *testing.T, opts KeepOptions) (*Keeper, *bytes.Buffer) {
	t.Helper()
	var said bytes.Buffer
	opts.Bank, opts.Out, opts.Width = loadBank(t), &said, 80
	return NewKeeper(context.Background(), opts), &said
}

func oneAnswer() *questions.Answers {
	a := questions.NewAnswers()
	a.Set("education.level", questions.OneOfAnswer("associate"))
	return a
}

// Where the answers are kept: --save-answers when it is a file; the file being resumed when
// hitready wrote it; else a new hitready-answers*.yaml, claimed, never one that exists or one
// --output will take.
func TestKeeperPicksItsFile(t *testing.T) {
	t.Chdir(t.TempDir())
	bank := loadBank(t)
	ours, _ := bank.EncodeAnswers(oneAnswer())
	oursJSON, _ := bank.EncodeAnswersJSON(oneAnswer())
	hand := []byte("# mine\nanswers: {education.level: associate}\n")
	for name, data := range map[string][]byte{"ours.yaml": ours, "ours.json": oursJSON, "hand.yaml": hand, "hitready-answers.yaml": []byte("answers: {}\n")} {
		os.WriteFile(name, data, 0o600)
	}
	tests := []struct {
		name string
		opts KeepOptions
		want string
	}{
		{"--save-answers", KeepOptions{Save: "me.yaml", Resume: "ours.yaml", ResumeData: ours}, "me.yaml"},
		{"--save-answers on standard output", KeepOptions{Save: "-"}, "hitready-answers-2.yaml"},
		{"a file hitready wrote", KeepOptions{Resume: "ours.yaml", ResumeData: ours}, "ours.yaml"},
		{"a JSON file hitready wrote", KeepOptions{Resume: "ours.json", ResumeData: oursJSON}, "ours.json"},
		{"a file a person wrote", KeepOptions{Resume: "hand.yaml", ResumeData: hand}, "hitready-answers-2.yaml"},
		{"a file named like ours, written by hand", KeepOptions{Resume: "hitready-answers.yaml", ResumeData: []byte("answers: {}\n")}, "hitready-answers-2.yaml"},
		{"standard input", KeepOptions{Resume: "-", ResumeData: ours}, "hitready-answers-2.yaml"},
		{"not the output's name", KeepOptions{Output: "hitready-answers-2.yaml"}, "hitready-answers-3.yaml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k, _ := newKeeper(t, tt.opts)
			defer k.Close()
			if k.Path() != tt.want {
				t.Errorf("kept in %q, want %q", k.Path(), tt.want)
			}
		})
	}
	// A claimed file never written goes with Close; the claimed names are free again.
	if _, err := os.Stat("hitready-answers-2.yaml"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a claimed, unused file stayed: %v", err)
	}
}

// Keep writes every answer so far; Holder names the file to go on from.
func TestKeeperKeepsAndNamesTheHolder(t *testing.T) {
	t.Chdir(t.TempDir())
	k, said := newKeeper(t, KeepOptions{Resume: "given.yaml"})
	if k.Holder() != "given.yaml" || k.Kept() != "" {
		t.Errorf("before any answer: holder %q, kept %q", k.Holder(), k.Kept())
	}
	if err := k.Keep(oneAnswer()); err != nil {
		t.Fatal(err)
	}
	k.Close()
	data, err := os.ReadFile("hitready-answers.yaml")
	if err != nil || !strings.Contains(string(data), "education.level: associate") {
		t.Errorf("kept %q (%v)", data, err)
	}
	if k.Holder() != "hitready-answers.yaml" || k.Kept() != "hitready-answers.yaml" || said.Len() != 0 {
		t.Errorf("holder %q, kept %q, said %q", k.Holder(), k.Kept(), said)
	}
	// Answers changed on the way in (--set): the file they came from holds them no more.
	k, _ = newKeeper(t, KeepOptions{Resume: "given.yaml", Changed: true})
	defer k.Close()
	if k.Holder() != "" {
		t.Errorf("holder %q, want none", k.Holder())
	}
}

// --save-answers that cannot be written after all: the answers go to a file of our own, and the
// person is told once, on words.
func TestKeeperFallsBackOnce(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	os.Mkdir("d", 0o700)
	k, said := newKeeper(t, KeepOptions{Save: filepath.Join("d", "keep.yaml"), Streams: fileio.Streams{}})
	defer k.Close()
	os.Remove("d")
	os.WriteFile("d", nil, 0o600) // the folder is now a file
	for range 2 {
		if err := k.Keep(oneAnswer()); err != nil {
			t.Fatal(err)
		}
	}
	if !k.SaveFailed() || k.Kept() != "hitready-answers.yaml" {
		t.Errorf("fell back %v, kept in %q", k.SaveFailed(), k.Kept())
	}
	if n := strings.Count(said.String(), "warning:"); n != 1 || !strings.Contains(strings.Join(strings.Fields(said.String()), " "), "your answers are kept in hitready-answers.yaml instead") {
		t.Errorf("said %d warnings:\n%s", n, said)
	}
	for _, line := range strings.Split(strings.TrimSpace(said.String()), "\n") {
		if len(line) > 80 {
			t.Errorf("line of %d columns: %q", len(line), line)
		}
	}
}

// A file is ours when hitready, writing its answers again, writes the same bytes: the header of
// an earlier version aside. A filled-in template, or a file with a person's comment, is not.
func TestOurs(t *testing.T) {
	bank := loadBank(t)
	ours, _ := bank.EncodeAnswers(oneAnswer())
	_, body := questions.SplitAnswersHeader(ours)
	legacy := append([]byte("# hitready answers file. Continue or score it with: hitready assess --answers FILE\n"), body...)
	var template bytes.Buffer
	questions.Template(&template, bank, 80)
	filled := strings.Replace(template.String(), "  education.level:\n", "  education.level: associate\n", 1)
	for _, tt := range []struct {
		name string
		data string
		want bool
	}{
		{"as written", string(ours), true},
		{"an earlier version's header", string(legacy), true},
		{"a comment added", string(ours) + "# my note\n", false},
		{"the header alone", "# hitready answers file. Continue or score it with: hitready assess --answers FILE\nanswers:\n    education.level: associate\n", false},
		{"a filled-in template", filled, false},
		{"empty", "", false},
	} {
		if got := Ours(bank, "a.yaml", []byte(tt.data)); got != tt.want {
			t.Errorf("%s: Ours = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// A Spanish session heads the file in Spanish, and a session in either language knows a file the
// other wrote as its own.
func TestOursInEitherLanguage(t *testing.T) {
	en, err := questions.LoadIn(i18n.English)
	if err != nil {
		t.Fatal(err)
	}
	es, err := questions.LoadIn(i18n.Spanish)
	if err != nil {
		t.Fatal(err)
	}
	spanish, _ := es.EncodeAnswers(oneAnswer())
	english, _ := en.EncodeAnswers(oneAnswer())
	if !strings.HasPrefix(string(spanish), "# archivo de respuestas de hitready") || !strings.HasPrefix(string(english), "# hitready answers file") {
		t.Fatalf("headers:\n%s\n%s", spanish, english)
	}
	for _, tt := range []struct {
		name string
		bank *questions.Bank
		data []byte
	}{{"Spanish file, English session", en, spanish}, {"English file, Spanish session", es, english}} {
		if !Ours(tt.bank, "a.yaml", tt.data) {
			t.Errorf("%s: not ours", tt.name)
		}
	}
}
