package cmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hitready/hitready/internal/prompter"
)

// A review that changes an answer scores the changed answers, kept in hitready-answers.yaml: the
// report's source is that file, not the unchanged --answers file.
func TestReportSourceIsTheFileThatHoldsTheAnswers(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "examples", "nearly-ready.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	if err := os.WriteFile("sam.yaml", src, 0o600); err != nil {
		t.Fatal(err)
	}
	// Change the computer rating (entry 15 of the review) to 2, then score.
	fake := &prompter.Fake{Replies: []prompter.Reply{{Index: 1}, {Index: 14}, {Rating: 2}, {Index: 0}}}
	r, err := interactive(t, fake, "--answers", "sam.yaml", "--review", "--format", "json")
	if err != nil {
		t.Fatalf("%v\n%s", err, r.stderr)
	}
	if !strings.Contains(r.stdout, `"source": "hitready-answers.yaml"`) {
		t.Errorf("the report does not name the file holding the scored answers:\n%s", r.stdout)
	}
	// A review that changes nothing scores sam.yaml as it is: its source stays sam.yaml.
	os.Remove("hitready-answers.yaml")
	r, err = interactive(t, &prompter.Fake{Replies: []prompter.Reply{{Index: 0}}}, "--answers", "sam.yaml", "--review", "--format", "json")
	if err != nil || !strings.Contains(r.stdout, `"source": "sam.yaml"`) {
		t.Errorf("unchanged review: %v\n%s", err, r.stdout)
	}
}

// A session saved with --save-answers me.yaml and resumed with --answers me.yaml keeps adding to
// me.yaml (the README's promise): hitready wrote it, so it is the session's file. A file written
// by hand is never written over.
func TestResumingASavedSessionKeepsAddingToItsFile(t *testing.T) {
	t.Chdir(t.TempDir())
	// Two answers, then Ctrl-C.
	first := append(fullSession()[:2:2], prompter.Reply{Err: prompter.ErrInterrupted})
	if r, _ := interactive(t, &prompter.Fake{Replies: first}, "--save-answers", "me.yaml"); r.code != exitInterrupted {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	// Resumed: the third question (enrolled now) answered, then Ctrl-C again.
	second := []prompter.Reply{fullSession()[2], {Err: prompter.ErrInterrupted}}
	r, err := interactive(t, &prompter.Fake{Replies: second}, "--answers", "me.yaml")
	if r.code != exitInterrupted || err == nil || !strings.Contains(err.Error(), "Your answers so far are in me.yaml.") {
		t.Errorf("exit %d: %v", r.code, err)
	}
	data, _ := os.ReadFile("me.yaml")
	if !strings.Contains(string(data), "education.field: hit") || !strings.Contains(string(data), "education.program: ") {
		t.Errorf("me.yaml did not receive the resumed answers:\n%s", data)
	}
	if _, err := os.Stat("hitready-answers.yaml"); err == nil {
		t.Error("the resumed session wrote a new hitready-answers.yaml")
	}

	// A hand-written file: the session's answers go to a new file, the original stays as it was.
	hand := "# my answers\nanswers:\n  education.level: associate\n"
	os.WriteFile("hand.yaml", []byte(hand), 0o600)
	interactive(t, &prompter.Fake{Replies: []prompter.Reply{fullSession()[1], {Err: prompter.ErrInterrupted}}}, "--answers", "hand.yaml")
	if data, _ := os.ReadFile("hand.yaml"); string(data) != hand {
		t.Errorf("a hand-written file was written over:\n%s", data)
	}
	if _, err := os.Stat("hitready-answers.yaml"); err != nil {
		t.Errorf("the answers given on a hand-written file were not kept in hitready-answers.yaml: %v", err)
	}
}

// The progress file never takes the name --output will write, by whatever route it is named.
func TestProgressFileSkipsTheOutputByAnyRoute(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	os.Mkdir("real", 0o700)
	os.Symlink(dir, filepath.Join("real", "up")) // real/up is this folder
	r, err := interactive(t, &prompter.Fake{Replies: fullSession()}, "--output", "real/up/hitready-answers.yaml")
	if err != nil {
		t.Fatalf("%v\n%s", err, r.stderr)
	}
	if !strings.Contains(r.stderr, "Your answers are in hitready-answers-2.yaml.") {
		t.Errorf("the answers were kept where the report goes:\n%s", r.stderr)
	}
	if data, _ := os.ReadFile("hitready-answers.yaml"); strings.Contains(string(data), "answers:") {
		t.Errorf("the report's file holds answers:\n%s", data)
	}
}
