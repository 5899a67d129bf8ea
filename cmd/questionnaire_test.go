package cmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hitready/hitready/internal/iostreams"
	"github.com/hitready/hitready/internal/prompter"
)

// fullSession scripts every answer of a person with an HIT associate's from an accredited
// program and the RHIT: 19 replies, the last the optional work settings.
func fullSession() []prompter.Reply {
	r := []prompter.Reply{{Index: 3}, {Index: 0}, {Index: 0}, {Index: 0}, {Indices: []int{0, 1, 2, 3, 4, 5}}, {Index: 3}, {Index: 0}, {Index: 0}}
	for range 10 {
		r = append(r, prompter.Reply{Rating: 4})
	}
	return append(r, prompter.Reply{Indices: []int{1}})
}

// interactive runs assess as if on a terminal, with the fake answering, in a fresh folder.
func interactive(t *testing.T, fake *prompter.Fake, args ...string) (result, error) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	ios.SetStdinTTY(true)
	ios.SetStderrTTY(true)
	var opts *AssessOptions
	c := NewCmdAssess(ios, func(o *AssessOptions) error { opts = o; return nil })
	c.SetArgs(args)
	if err := c.Execute(); err != nil {
		t.Fatal(err)
	}
	opts.Prompter = fake
	err := assessRun(opts)
	return result{code: ExitCode(err), stdout: out.String(), stderr: errOut.String()}, err
}

func TestInteractiveSessionKeepsAnswersAndPrintsOnlyTheReport(t *testing.T) {
	t.Chdir(t.TempDir())
	fake := &prompter.Fake{Replies: fullSession()}
	r, err := interactive(t, fake, "--format", "json")
	if err != nil {
		t.Fatal(err)
	}
	if len(fake.Asked) != 19 {
		t.Errorf("asked %d questions", len(fake.Asked))
	}
	// Standard output holds the report alone: the prompts and intros went to standard error.
	if !strings.HasPrefix(r.stdout, "{\n") || strings.Contains(r.stdout, "questions to answer") {
		t.Errorf("standard output is not just the JSON report:\n%s", r.stdout)
	}
	if !strings.Contains(r.stderr, "19 questions to answer") || !strings.Contains(r.stderr, "Education: ") {
		t.Errorf("standard error lacks the intro:\n%s", r.stderr)
	}
	info, err := os.Stat("hitready-answers.yaml")
	if err != nil {
		t.Fatalf("the answers were not kept: %v", err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", info.Mode().Perm())
	}
	if !strings.Contains(r.stderr, "Your answers are in hitready-answers.yaml; see this report again with: hitready assess --answers hitready-answers.yaml") {
		t.Errorf("stderr does not say where the answers are:\n%s", r.stderr)
	}
	// The kept file is complete: scoring it asks nothing and gives the same report.
	again := run(t, "", "assess", "--answers", "hitready-answers.yaml", "--no-input", "--format", "json")
	if again.code != ExitOK || strings.Replace(again.stdout, `"source": "hitready-answers.yaml"`, `"source": ""`, 1) != r.stdout {
		t.Errorf("the kept answers score differently (exit %d):\n%s", again.code, again.stderr)
	}
}

func TestInterruptAndResume(t *testing.T) {
	t.Chdir(t.TempDir())
	// Stop at the sixth question.
	first := &prompter.Fake{Replies: append(fullSession()[:5:5], prompter.Reply{Err: prompter.ErrInterrupted})}
	r, err := interactive(t, first, "--set", "skills.computer=2")
	if r.code != ExitInterrupted {
		t.Fatalf("exit %d (%v), want 130", r.code, err)
	}
	if r.stdout != "" {
		t.Errorf("a report was printed after the interruption:\n%s", r.stdout)
	}
	want := "Your answers so far are in hitready-answers.yaml; continue with: hitready assess --answers hitready-answers.yaml"
	if !strings.Contains(err.Error(), want) {
		t.Errorf("message %q lacks %q", err, want)
	}
	data, _ := os.ReadFile("hitready-answers.yaml")
	for _, line := range []string{"education.level: associate", "education.field: hit", "coursework: [anatomy,", "skills.computer: 2"} {
		if !strings.Contains(string(data), line) {
			t.Errorf("kept file lacks %q:\n%s", line, data)
		}
	}
	if strings.Contains(string(data), "certification.ahima") {
		t.Errorf("the interrupted question was kept:\n%s", data)
	}

	// Resuming asks only what is still open, and keeps adding to the same file.
	full := fullSession()
	rest := append(full[5:17:17], full[18]) // skills.computer (the 18th) came from --set
	second := &prompter.Fake{Replies: rest}
	r, err = interactive(t, second, "--answers", "hitready-answers.yaml")
	if err != nil {
		t.Fatalf("resume: %v\n%s", err, r.stderr)
	}
	if len(second.Asked) != 13 || !strings.HasPrefix(second.Asked[0].Message, "[1/13] Where are you with an AHIMA") {
		t.Errorf("resume asked %d questions, first %q", len(second.Asked), second.Asked[0].Message)
	}
	if entries, _ := os.ReadDir("."); len(entries) != 1 {
		t.Errorf("resuming created another file: %v", entries)
	}
	data, _ = os.ReadFile("hitready-answers.yaml")
	if !strings.Contains(string(data), "certification.credential: rhit") {
		t.Errorf("the resumed answers were not added:\n%s", data)
	}
}

func TestInterruptBeforeAnyAnswer(t *testing.T) {
	t.Chdir(t.TempDir())
	r, err := interactive(t, &prompter.Fake{Replies: []prompter.Reply{{Err: prompter.ErrInterrupted}}})
	if r.code != ExitInterrupted || !strings.Contains(err.Error(), "No answers were saved") {
		t.Errorf("exit %d, %v", r.code, err)
	}
	if entries, _ := os.ReadDir("."); len(entries) != 0 {
		t.Errorf("files written: %v", entries)
	}
}

func TestProgressFileNeverOverwritesAnEarlierSession(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.WriteFile("hitready-answers.yaml", []byte("answers: {}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := interactive(t, &prompter.Fake{Replies: fullSession()}); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile("hitready-answers.yaml"); string(data) != "answers: {}\n" {
		t.Errorf("an earlier file was overwritten:\n%s", data)
	}
	if _, err := os.Stat("hitready-answers-2.yaml"); err != nil {
		t.Errorf("the new session's answers are not in hitready-answers-2.yaml: %v", err)
	}
}

func TestSaveAnswersIsTheProgressFile(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	saved := filepath.Join(dir, "me.yaml")
	// Two answers, then Ctrl-C.
	replies := append(fullSession()[:2:2], prompter.Reply{Err: prompter.ErrInterrupted})
	if r, _ := interactive(t, &prompter.Fake{Replies: replies}, "--save-answers", saved); r.code != ExitInterrupted {
		t.Fatalf("exit %d", r.code)
	}
	data, readErr := os.ReadFile(saved)
	if readErr != nil || !strings.Contains(string(data), "education.field: hit") {
		t.Errorf("--save-answers did not receive the answers as they came: %v\n%s", readErr, data)
	}
	if _, err := os.Stat("hitready-answers.yaml"); err == nil {
		t.Error("a second file was written besides --save-answers")
	}
}
