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

// A filled-in `questions --template` is the person's file: a session never rewrites it (its
// comments would go), and says, before the first question, where the answers are kept instead
// (issue 17, item 4).
func TestAFilledInTemplateIsNeverRewritten(t *testing.T) {
	t.Chdir(t.TempDir())
	tmpl := run(t, "", "questions", "--template")
	if tmpl.code != exitOK {
		t.Fatal(tmpl.stderr)
	}
	filled := tmpl.stdout
	for _, answer := range []string{"education.level: high-school", "coursework: []", "certification.ahima: none", "experience.coding: none",
		"education.program: no", "work.settings: []", "skills.clinical-knowledge: 3", "skills.reimbursement: 3", "skills.empathy: 3",
		"skills.ethics: 3", "skills.composure: 3", "skills.compassion: 3", "skills.privacy: 3", "skills.communication: 3", "skills.organization: 3"} {
		id, _, _ := strings.Cut(answer, ":")
		filled = strings.Replace(filled, "  "+id+":\n", "  "+answer+"\n", 1)
	}
	os.WriteFile("mine.yaml", []byte(filled), 0o600)
	// The computer rating is open: it is asked, then the name (skipped), then the review.
	fake := &prompter.Fake{Replies: []prompter.Reply{{Rating: 4}, {Text: ""}, {Index: 0}}}
	r, err := interactive(t, fake, "--answers", "mine.yaml")
	if err != nil {
		t.Fatalf("%v\n%s", err, r.stderr)
	}
	if data, _ := os.ReadFile("mine.yaml"); string(data) != filled {
		t.Errorf("the filled-in template was rewritten:\n%s", data)
	}
	notice := "Your answers are kept in hitready-answers.yaml as you go; mine.yaml stays as it is."
	if said := strings.Join(strings.Fields(r.stderr), " "); !strings.HasPrefix(said, notice+" 15 of 17 questions answered already; the rest now.") {
		t.Errorf("not told first where the answers go:\n%s", r.stderr)
	}
	if kept, _ := os.ReadFile("hitready-answers.yaml"); !strings.Contains(string(kept), "skills.computer: 4") {
		t.Errorf("the answer was not kept:\n%s", kept)
	}
}

// A session saved with --save-answers me.json and resumed with the hint it printed keeps
// adding to me.json: hitready wrote it, JSON though it is (issue 17, item 5).
func TestResumingAJSONSessionKeepsAddingToIt(t *testing.T) {
	t.Chdir(t.TempDir())
	first := append(fullSession()[:2:2], prompter.Reply{Err: prompter.ErrInterrupted})
	r, err := interactive(t, &prompter.Fake{Replies: first}, "--save-answers", "me.json")
	if r.code != exitInterrupted || !strings.HasSuffix(err.Error(), "Continue with:\n  hitready assess --answers me.json") {
		t.Fatalf("exit %d: %v", r.code, err)
	}
	second := []prompter.Reply{fullSession()[2], {Err: prompter.ErrInterrupted}}
	r, err = interactive(t, &prompter.Fake{Replies: second}, "--answers", "me.json")
	if r.code != exitInterrupted || !strings.Contains(err.Error(), "Your answers so far are in me.json.") {
		t.Errorf("exit %d: %v", r.code, err)
	}
	data, _ := os.ReadFile("me.json")
	if !strings.Contains(string(data), `"education.program": "no"`) {
		t.Errorf("me.json did not receive the resumed answer:\n%s", data)
	}
	if _, err := os.Stat("hitready-answers.yaml"); err == nil {
		t.Error("the resumed session wrote a new hitready-answers.yaml")
	}
}

// An optional question skipped before Ctrl-C is kept as skipped, and the session resumed with
// the hint neither asks it again nor starts its count over (issue 17, item 17).
func TestResumeRemembersASkipAndTheCount(t *testing.T) {
	t.Chdir(t.TempDir())
	// Level, field, then Skip the enrolment question (its fourth option), then Ctrl-C.
	first := []prompter.Reply{{Index: 3}, {Index: 0}, {Index: 3}, {Err: prompter.ErrInterrupted}}
	if r, _ := interactive(t, &prompter.Fake{Replies: first}); r.code != exitInterrupted {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	if data, _ := os.ReadFile("hitready-answers.yaml"); !strings.Contains(string(data), "\nskipped: [education.program]\n") {
		t.Errorf("the skip was not kept:\n%s", data)
	}
	second := &prompter.Fake{Replies: []prompter.Reply{{Err: prompter.ErrInterrupted}}}
	r, _ := interactive(t, second, "--answers", "hitready-answers.yaml")
	if got := second.Asked[0].Message; !strings.HasPrefix(got, "[4/20] Is your health information program accredited") {
		t.Errorf("resumed at %q", got)
	}
	if !strings.Contains(r.stderr, "3 of at most 20 questions answered already") {
		t.Errorf("opening line:\n%s", r.stderr)
	}
}
